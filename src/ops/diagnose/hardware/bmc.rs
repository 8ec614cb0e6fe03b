//! The BMC (`ipmitool sel elist`, `ipmitool sdr elist`) and the board's sensors (`sensors -j`).
//!
//! Thresholds: a sensor whose SDR status is `cr` or `nr` (critical, non-recoverable) is FAIL,
//! any other status than `ok` or `ns` WARN; a SEL event that reports a failure, an error or a
//! critical state and is still asserted is WARN (the SEL is history: what the BMC saw, not
//! what is true now). `sensors -j`: a reading at or above its `_crit` is FAIL, at or above
//! `_max` or with an alarm set WARN. ipmitool without a BMC device is "not available".

use serde_json::Value;

use super::{Finding, Verdict};

/// SEL words that make an event a finding.
const SEL_WORDS: &[&str] = &[
    "fail",
    "error",
    "critical",
    "ecc",
    "redundancy lost",
    "predictive",
    "degraded",
    "non-recoverable",
];

/// Whether ipmitool found no BMC to talk to.
pub fn no_bmc(text: &str) -> bool {
    text.contains("Could not open device") || text.contains("Unable to open")
}

/// `ipmitool sdr elist`: `name | id | status | entity | reading`.
pub fn judge_sdr(text: &str) -> Vec<Finding> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            let status = *f.get(2)?;
            let verdict = match status {
                "ok" | "ns" => return None,
                "cr" | "nr" => Verdict::Fail,
                _ => Verdict::Warn,
            };
            Some(Finding {
                verdict,
                text: format!("sensor {} is {status}: {}", f[0], f.get(4).unwrap_or(&"")),
                part: None,
            })
        })
        .collect()
}

/// `ipmitool sel elist`: `id | date | time | sensor | event | Asserted`.
pub fn judge_sel(text: &str) -> Vec<Finding> {
    text.lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            let (date, time, sensor, event) = (f.get(1)?, f.get(2)?, f.get(3)?, f.get(4)?);
            let asserted = f.get(5).is_none_or(|s| *s == "Asserted");
            let what = format!("{sensor} {event}").to_lowercase();
            (asserted && SEL_WORDS.iter().any(|w| what.contains(w))).then(|| Finding {
                verdict: Verdict::Warn,
                text: format!("BMC event {date} {time}: {sensor}: {event}"),
                part: None,
            })
        })
        .collect()
}

/// `sensors -j`: chip -> feature -> `tempN_input`, `tempN_max`, `tempN_crit`, `*_alarm`.
pub fn judge_sensors(text: &str) -> Vec<Finding> {
    let Ok(Value::Object(chips)) = serde_json::from_str::<Value>(text.trim()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (chip, features) in &chips {
        let Value::Object(features) = features else {
            continue;
        };
        for (feature, values) in features {
            let Value::Object(values) = values else {
                continue;
            };
            let get = |suffix: &str| {
                values
                    .iter()
                    .find(|(k, _)| k.ends_with(suffix))
                    .and_then(|(_, v)| v.as_f64())
            };
            let Some(input) = get("_input") else {
                continue;
            };
            let alarm = values
                .iter()
                .any(|(k, v)| k.ends_with("_alarm") && v.as_f64().unwrap_or(0.0) > 0.0);
            let verdict = match (get("_crit"), get("_max")) {
                (Some(c), _) if c > 0.0 && input >= c => Verdict::Fail,
                (_, Some(m)) if m > 0.0 && input >= m => Verdict::Warn,
                _ if alarm => Verdict::Warn,
                _ => continue,
            };
            out.push(Finding {
                verdict,
                text: format!("{chip} {feature}: {input}"),
                part: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_bmc_output_of_a_healthy_board_has_no_finding() {
        assert!(judge_sdr(include_str!(
            "../../../../tests/fixtures/real/ipmitool-sdr-elist-hp.txt"
        ))
        .is_empty());
        assert!(judge_sel(include_str!(
            "../../../../tests/fixtures/real/ipmitool-sel-elist.txt"
        ))
        .is_empty());
        assert!(!no_bmc(include_str!(
            "../../../../tests/fixtures/real/ipmitool-sdr-elist-hp.txt"
        )));
    }

    #[test]
    fn critical_sensors_and_failure_events_are_findings() {
        let sdr = judge_sdr("PS2 Status       | 0x00h | cr  | 10.2 | Failure detected\nFan1 | 30h | nc | 29.1 | 1200 RPM\n");
        assert_eq!(sdr[0].verdict, Verdict::Fail);
        assert_eq!(sdr[1].verdict, Verdict::Warn);
        let sel = judge_sel("   1 | 01/15/2024 | 10:00:00 | Power Supply PS1 Status | Failure detected | Asserted\n   2 | 01/15/2024 | 10:05:00 | Power Supply PS1 Status | Failure detected | Deasserted\n");
        assert_eq!(sel.len(), 1);
        assert!(sel[0].text.contains("01/15/2024 10:00:00"));
        let hot = judge_sensors(
            r#"{"coretemp-isa-0000":{"Adapter":"ISA adapter","Package id 0":{"temp1_input":101.0,"temp1_max":80.0,"temp1_crit":100.0,"temp1_crit_alarm":0.0},"Core 0":{"temp2_input":45.0,"temp2_max":80.0,"temp2_crit":100.0}}}"#,
        );
        assert_eq!(hot.len(), 1);
        assert_eq!(hot[0].verdict, Verdict::Fail);
        assert!(judge_sensors("not json").is_empty());
    }
}
