//! A past window from sysstat's history: `sadf -j SAFILE -- -q -u -r` (JSON; sysstat 12)
//! read into load, CPU split and memory per sample, and summed up over the window.

use jiff::{civil, Timestamp};
use serde::{Deserialize, Serialize};

/// The window's samples summed up: the peak and mean of the 1-minute load, the mean CPU
/// split, the peak memory use.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct History {
    pub samples: usize,
    pub load1_max: f64,
    pub load1_mean: f64,
    pub user_mean: f64,
    pub system_mean: f64,
    pub iowait_mean: f64,
    pub steal_mean: f64,
    pub memory_used_max_pct: f64,
    /// When the 1-minute load peaked (the sample's UTC time).
    pub load1_peak_at: Option<Timestamp>,
}

#[derive(Deserialize)]
struct Doc {
    sysstat: Sysstat,
}
#[derive(Deserialize)]
struct Sysstat {
    hosts: Vec<Host>,
}
#[derive(Deserialize)]
struct Host {
    #[serde(default)]
    statistics: Vec<Sample>,
}
#[derive(Deserialize)]
struct Sample {
    timestamp: Stamp,
    #[serde(rename = "cpu-load", default)]
    cpu_load: Vec<CpuLoad>,
    memory: Option<Mem>,
    queue: Option<Queue>,
}
#[derive(Deserialize)]
struct Stamp {
    date: String,
    time: String,
}
#[derive(Deserialize)]
struct CpuLoad {
    cpu: String,
    #[serde(default)]
    user: f64,
    #[serde(default)]
    nice: f64,
    #[serde(default)]
    system: f64,
    #[serde(default)]
    iowait: f64,
    #[serde(default)]
    steal: f64,
}
#[derive(Deserialize)]
struct Mem {
    #[serde(rename = "memused-percent", default)]
    used_pct: f64,
}
#[derive(Deserialize)]
struct Queue {
    #[serde(rename = "ldavg-1", default)]
    load1: f64,
}

/// The samples of `json` between `from` and `to` (sadf -j writes UTC times with `"utc": 1`,
/// the default). None when the text is not sadf's JSON; zero samples when the window is empty.
pub fn parse(json: &str, from: Timestamp, to: Timestamp) -> Option<History> {
    let doc: Doc = serde_json::from_str(json).ok()?;
    let mut h = History::default();
    let (mut load, mut user, mut system, mut iowait, mut steal) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for s in doc.sysstat.hosts.iter().flat_map(|h| &h.statistics) {
        let Ok(dt) = civil::DateTime::strptime(
            "%Y-%m-%d %H:%M:%S",
            format!("{} {}", s.timestamp.date, s.timestamp.time),
        ) else {
            continue;
        };
        let Ok(at) = dt.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()) else {
            continue;
        };
        if at < from || at > to {
            continue;
        }
        h.samples += 1;
        if let Some(q) = &s.queue {
            load += q.load1;
            if q.load1 > h.load1_max || h.load1_peak_at.is_none() {
                h.load1_max = h.load1_max.max(q.load1);
                h.load1_peak_at = Some(at);
            }
        }
        if let Some(c) = s.cpu_load.iter().find(|c| c.cpu == "all") {
            user += c.user + c.nice;
            system += c.system;
            iowait += c.iowait;
            steal += c.steal;
        }
        if let Some(m) = &s.memory {
            h.memory_used_max_pct = h.memory_used_max_pct.max(m.used_pct);
        }
    }
    if h.samples > 0 {
        let n = h.samples as f64;
        let mean = |v: f64| (v * 100.0 / n).round() / 100.0;
        h.load1_mean = mean(load);
        h.user_mean = mean(user);
        h.system_mean = mean(system);
        h.iowait_mean = mean(iowait);
        h.steal_mean = mean(steal);
    }
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = include_str!("../../../tests/fixtures/real/sadf-j-q-u-r.json");

    #[test]
    fn reads_a_real_sadf_json_window() {
        let from: Timestamp = "2026-12-03T08:55:00Z".parse().unwrap();
        let to: Timestamp = "2026-12-03T08:56:00Z".parse().unwrap();
        let h = parse(REAL, from, to).unwrap();
        assert_eq!(h.samples, 2);
        assert_eq!(h.load1_max, 3.84);
        assert_eq!(h.user_mean, 58.21);
        assert_eq!(h.steal_mean, 3.24);
        assert_eq!(h.memory_used_max_pct, 2.08);
        let later: Timestamp = "2026-12-03T09:00:00Z".parse().unwrap();
        assert_eq!(parse(REAL, later, later).unwrap().samples, 0);
        assert!(parse("not json", from, to).is_none());
    }
}
