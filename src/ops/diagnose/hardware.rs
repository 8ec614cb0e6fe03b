//! `hostops diagnose hardware`: disks, software RAID, memory errors, BMC, sensors and the
//! kernel log of each host, read by one constant probe in one round trip, judged OK, WARN or
//! FAIL per component (each part's module documents its thresholds), compared with the host's
//! previous run from the journal, with the facts a vendor needs for every FAIL.

mod bmc;
mod history;
mod kernel;
mod memory;
mod probe;
mod raid;
mod render;
mod smart;

use anyhow::Result;
use serde::Serialize;

pub use history::{Readings, Trend};

use crate::context::Context;
use crate::hardware_thresholds::HardwareThresholds;
use crate::host::kv::sections;
use crate::ops::fanout;
use crate::ops::outcome::{error_text, Outcome};
use crate::transport::{self, Cmd, TransportError};
use history::Prior;

/// A component's (or a host's) verdict; the order is "how bad", worst last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The tool is not installed, or the hardware or driver is not there.
    NotAvailable,
    Ok,
    Warn,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::NotAvailable => "n/a",
            Verdict::Ok => "OK",
            Verdict::Warn => "WARN",
            Verdict::Fail => "FAIL",
        }
    }
}

/// One thing found, with the part it is about when it is a part a vendor replaces.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub verdict: Verdict,
    pub text: String,
    #[serde(skip)]
    pub part: Option<Part>,
}

/// A replaceable part, as a vendor identifies it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    /// `disk`, `raid`, `memory`.
    pub kind: String,
    pub model: Option<String>,
    pub serial: Option<String>,
    /// Device, controller slot, array member or DIMM label.
    pub slot: String,
}

impl Part {
    /// What identifies it across runs.
    fn key(&self) -> String {
        self.serial.clone().unwrap_or_else(|| self.slot.clone())
    }
}

/// One component of a host: `disks`, `raid`, `memory`, `bmc`, `sensors`, `kernel`.
#[derive(Clone, Debug, Serialize)]
pub struct Component {
    pub name: &'static str,
    pub verdict: Verdict,
    /// Why it is not available, or what was looked at (`3 disks`).
    pub note: String,
    pub findings: Vec<Finding>,
}

/// A FAIL ready for the escalation note: what failed, where, and since when.
#[derive(Clone, Debug, Serialize)]
pub struct Escalation {
    #[serde(flatten)]
    pub part: Part,
    pub failed: String,
    /// The day hostops first saw it failing in the current row of runs.
    pub since: String,
}

/// One host asked about.
#[derive(Serialize)]
pub struct HostDiagnosis {
    pub host: String,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "error_text")]
    pub error: Option<TransportError>,
    /// The worst component; None when the host could not be probed.
    pub verdict: Option<Verdict>,
    pub components: Vec<Component>,
    /// Counters that changed since the previous run of this host.
    pub trends: Vec<Trend>,
    /// When the previous run probed this host.
    pub previous: Option<String>,
    pub escalations: Vec<Escalation>,
    /// What this run read (journaled for the next run).
    pub readings: Option<Readings>,
}

/// Every host asked about, worst first.
#[derive(Serialize)]
pub struct HardwareReport {
    pub hosts: Vec<HostDiagnosis>,
}

/// Probes the hosts `names` name, `forks` at a time.
pub fn diagnose(ctx: &Context, names: &[String], forks: usize) -> Result<HardwareReport> {
    let hosts = ctx.hosts(names)?;
    let history = history::load(ctx)?;
    let today = history::day(&crate::journal::timestamp_text(jiff::Timestamp::now()));
    let bar = ctx.printer.count(hosts.len() as u64, "probing");
    let results = fanout::for_each(&hosts, forks, |h| {
        let cmd = Cmd::new("sh").args(["-c", probe::PROBE]);
        let r = ctx
            .connect(h)
            .and_then(|t| transport::run_ok(&*t, &cmd))
            .map(|o| o.stdout_text());
        bar.inc(1);
        r
    });
    drop(bar);
    let mut out = Vec::new();
    for (h, r) in hosts.iter().zip(results) {
        let d = match r {
            Ok(text) => {
                let prior = history.get(&h.name).map(Vec::as_slice).unwrap_or(&[]);
                let d = judge_host(&h.name, &text, prior, &today, &ctx.config.diagnose_hardware);
                if let Some(readings) = &d.readings {
                    history::record(ctx, &h.name, readings)?;
                }
                d
            }
            Err(e) => HostDiagnosis {
                host: h.name.clone(),
                outcome: Outcome::of_error(&e),
                error: Some(e),
                verdict: None,
                components: Vec::new(),
                trends: Vec::new(),
                previous: None,
                escalations: Vec::new(),
                readings: None,
            },
        };
        out.push(d);
    }
    out.sort_by_key(rank);
    Ok(HardwareReport { hosts: out })
}

/// Worst first: FAIL, then hosts that could not be probed, WARN, OK.
fn rank(d: &HostDiagnosis) -> u8 {
    match d.verdict {
        Some(Verdict::Fail) => 0,
        None => 1,
        Some(Verdict::Warn) => 2,
        Some(_) => 3,
    }
}

/// The diagnosis of one host from its probe output, its earlier runs, today's date and the
/// configured thresholds.
fn judge_host(
    host: &str,
    text: &str,
    history: &[Prior],
    today: &str,
    thresholds: &HardwareThresholds,
) -> HostDiagnosis {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(String::as_str);
    let tools: Vec<&str> = get("tools").unwrap_or("").lines().collect();
    let has = |t: &str| tools.contains(&t);
    let previous = history.last();

    let mut readings = Readings::default();
    for (name, body) in &s {
        let Some(rest) = name.strip_prefix("smart ") else {
            continue;
        };
        let (device, kind) = rest.split_once(' ').unwrap_or((rest, "auto"));
        readings.disks.push(smart::parse(device, kind, body));
    }
    if let Some(mdstat) = get("mdstat") {
        readings.arrays = raid::parse_mdstat(mdstat);
        for a in &mut readings.arrays {
            if let Some(detail) = get(&format!("mdadm {}", a.name)) {
                raid::add_detail(a, detail);
            }
        }
    }
    readings.memory = get("edac").map(memory::parse).unwrap_or_default();
    let trends = previous
        .map(|p| history::trends(&readings, p))
        .unwrap_or_default();

    let disks = if has("smartctl") {
        let findings = readings
            .disks
            .iter()
            .flat_map(|d| {
                let grown: Vec<String> = trends
                    .iter()
                    .filter(|t| {
                        t.to > t.from && t.part.ends_with(&d.key()) && t.what.ends_with("sectors")
                    })
                    .map(|t| t.what.clone())
                    .collect();
                smart::judge(d, &grown, thresholds)
            })
            .collect();
        let n = readings.disks.len();
        let note = match n {
            0 => "no disk with SMART found".to_string(),
            1 => "1 disk".to_string(),
            n => format!("{n} disks"),
        };
        component("disks", note, findings)
    } else {
        not_available("disks", "smartctl is not installed (smartmontools)")
    };
    let raid = match get("mdstat") {
        None => not_available("raid", "no /proc/mdstat (no md driver)"),
        Some(_) if !has("mdadm") && readings.arrays.is_empty() => {
            component("raid", "no md arrays".into(), Vec::new())
        }
        Some(_) => {
            let findings = readings.arrays.iter().flat_map(raid::judge).collect();
            let note = match readings.arrays.len() {
                0 => "no md arrays".to_string(),
                n => format!("{n} md arrays"),
            };
            component("raid", note, findings)
        }
    };
    let memory = match get("edac") {
        None => not_available("memory", "no EDAC driver loaded"),
        Some(_) => {
            let mut findings = memory::judge(&readings.memory, thresholds);
            findings.extend(
                trends
                    .iter()
                    .filter(|t| t.what.contains("memory"))
                    .map(|t| Finding {
                        verdict: Verdict::Warn,
                        text: t.to_string(),
                        part: None,
                    }),
            );
            component(
                "memory",
                format!("{} controllers/DIMMs", readings.memory.len()),
                findings,
            )
        }
    };
    let bmc = match (get("ipmi-sel"), get("ipmi-sdr")) {
        _ if !has("ipmitool") => not_available("bmc", "ipmitool is not installed"),
        (Some(sel), Some(sdr)) if !bmc::no_bmc(sel) || !bmc::no_bmc(sdr) => {
            let mut findings = bmc::judge_sdr(sdr);
            findings.extend(bmc::judge_sel(sel));
            component("bmc", "SEL and SDR read".into(), findings)
        }
        _ => not_available("bmc", "no BMC device (/dev/ipmi0)"),
    };
    let sensors = match get("sensors") {
        Some(text) if has("sensors") => component(
            "sensors",
            "sensors -j read".into(),
            bmc::judge_sensors(text),
        ),
        _ => not_available("sensors", "sensors is not installed (lm-sensors)"),
    };
    let kernel = component(
        "kernel",
        "kernel log since boot".into(),
        kernel::judge(get("kernel").unwrap_or("")),
    );
    let components = vec![disks, raid, memory, bmc, sensors, kernel];

    let mut escalations = Vec::new();
    for f in components.iter().flat_map(|c| &c.findings) {
        if let (Verdict::Fail, Some(part)) = (f.verdict, &f.part) {
            escalations.push(Escalation {
                part: part.clone(),
                failed: f.text.clone(),
                since: history::failing_since(&part.key(), history, today),
            });
        }
    }
    readings.failing = escalations.iter().map(|e| e.part.key()).collect();
    readings.failing.sort();
    readings.failing.dedup();
    HostDiagnosis {
        host: host.to_string(),
        outcome: Outcome::Ok,
        error: None,
        verdict: components.iter().map(|c| c.verdict).max(),
        components,
        trends,
        previous: previous.map(|p| history::day(&p.at)),
        escalations,
        readings: Some(readings),
    }
}

fn component(name: &'static str, note: String, findings: Vec<Finding>) -> Component {
    Component {
        name,
        verdict: findings
            .iter()
            .map(|f| f.verdict)
            .max()
            .unwrap_or(Verdict::Ok),
        note,
        findings,
    }
}

fn not_available(name: &'static str, why: &str) -> Component {
    Component {
        name,
        verdict: Verdict::NotAvailable,
        note: why.to_string(),
        findings: Vec::new(),
    }
}

/// The sections of a probe output by name (for the tests of the parts).
#[cfg(test)]
fn probe_text(parts: &[(&str, &str)]) -> String {
    let by_name: std::collections::BTreeMap<&str, &str> = parts.iter().copied().collect();
    by_name
        .iter()
        .map(|(k, v)| format!("\n@@{k}\n{v}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_disk_makes_the_host_fail_with_an_escalation() {
        let failing =
            include_str!("../../../tests/fixtures/real/smartctl-ata-failing-hitachi.json");
        let text = probe_text(&[
            ("tools", "smartctl\nmdadm"),
            ("smart /dev/sdc sat", failing),
            ("mdstat", "Personalities :\nunused devices: <none>\n"),
            ("kernel", ""),
        ]);
        let d = judge_host(
            "h1",
            &text,
            &[],
            "2026-12-03",
            &HardwareThresholds::default(),
        );
        assert_eq!(d.verdict, Some(Verdict::Fail));
        assert_eq!(d.components[0].verdict, Verdict::Fail);
        assert_eq!(d.components[1].verdict, Verdict::Ok);
        for (i, name) in ["memory", "bmc", "sensors"].iter().enumerate() {
            assert_eq!(d.components[i + 2].name, *name);
            assert_eq!(d.components[i + 2].verdict, Verdict::NotAvailable);
        }
        let e = &d.escalations[0];
        assert_eq!(e.part.serial.as_deref(), Some("MSK423Y20S3HBC"));
        assert_eq!(e.since, "2026-12-03");
        let r = d.readings.unwrap();
        assert_eq!(r.failing, vec!["MSK423Y20S3HBC".to_string()]);
    }

    #[test]
    fn no_tools_at_all_is_not_available_never_fail() {
        let d = judge_host(
            "h2",
            &probe_text(&[("tools", ""), ("kernel", "")]),
            &[],
            "x",
            &HardwareThresholds::default(),
        );
        assert_eq!(d.verdict, Some(Verdict::Ok));
        assert_eq!(d.components[0].verdict, Verdict::NotAvailable);
        assert!(d.components[0].note.contains("smartctl is not installed"));
    }
}
