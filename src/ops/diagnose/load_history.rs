//! A past window from sysstat's history: `sadf -j SAFILE -- -q -u -r -d` (JSON; sysstat 12)
//! read into load, CPU split, memory and disks per sample, and summed up over the window.

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
    /// The busiest disk of any sample: its %util and await (ms); None without disk samples.
    pub disk_util_max_pct: Option<f64>,
    pub disk_await_max_ms: Option<f64>,
    pub disk_busiest: Option<String>,
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
    #[serde(default)]
    disk: Vec<Disk>,
}
#[derive(Deserialize)]
struct Disk {
    #[serde(rename = "disk-device")]
    device: String,
    #[serde(rename = "util-percent", default)]
    util_pct: f64,
    #[serde(default)]
    r#await: f64,
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
        for d in &s.disk {
            if h.disk_util_max_pct.is_none_or(|u| d.util_pct > u) {
                h.disk_util_max_pct = Some(d.util_pct);
                h.disk_busiest = Some(d.device.clone());
            }
            h.disk_await_max_ms = Some(h.disk_await_max_ms.unwrap_or(0.0).max(d.r#await));
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

    /// `sadc -S DISK 1 3` while `dd` wrote 200 MiB (tests/fixtures/real/README.md).
    const REAL: &str = include_str!("../../../tests/fixtures/real/sadf-j-q-u-r-d.json");

    #[test]
    fn reads_a_real_sadf_json_window() {
        let from: Timestamp = "2026-12-03T11:08:00Z".parse().unwrap();
        let to: Timestamp = "2026-12-03T11:09:00Z".parse().unwrap();
        let h = parse(REAL, from, to).unwrap();
        assert_eq!(h.samples, 2);
        assert_eq!(h.load1_max, 0.58);
        assert_eq!(
            h.load1_peak_at,
            Some("2026-12-03T11:08:34Z".parse().unwrap())
        );
        assert_eq!(
            (h.system_mean, h.iowait_mean, h.steal_mean),
            (3.25, 2.01, 2.25)
        );
        assert_eq!(h.memory_used_max_pct, 1.53);
        assert_eq!(
            (
                h.disk_busiest.as_deref(),
                h.disk_util_max_pct,
                h.disk_await_max_ms
            ),
            (Some("vda"), Some(15.6), Some(0.65))
        );
        let later: Timestamp = "2026-12-03T11:10:00Z".parse().unwrap();
        assert_eq!(parse(REAL, later, later).unwrap().samples, 0);
        assert!(parse("not json", from, to).is_none());
    }
}
