//! The readings of earlier runs: each run journals what it read from a host (a typed step
//! row, operation `diagnose-hardware`), and the next run on that host, under any ticket, reads
//! them back to say what changed and since when a part has been failing.

use std::collections::HashMap;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::memory::McReading;
use super::raid::ArrayReading;
use super::smart::DiskReading;
use crate::context::Context;
use crate::journal::Event;

/// The journal's name for these rows.
pub const OPERATION: &str = "diagnose-hardware";
const STEP: &str = "readings";

/// What one run read from one host: the numbers a later run compares with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Readings {
    pub disks: Vec<DiskReading>,
    pub arrays: Vec<ArrayReading>,
    pub memory: Vec<McReading>,
    /// Parts that were FAIL in this run (disk serials or slots, `/dev/md0`, DIMM names).
    #[serde(default)]
    pub failing: Vec<String>,
}

/// One earlier run's readings of a host.
#[derive(Clone, Debug)]
pub struct Prior {
    /// When it was journaled (`2026-11-20T09:14:03...`).
    pub at: String,
    pub readings: Readings,
}

/// A number that changed since the previous run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    /// What it belongs to (`/dev/sda serial Z1X2`, `mc0/dimm1`).
    pub part: String,
    /// `reallocated sectors`.
    pub what: String,
    pub from: u64,
    pub to: u64,
    /// The date of the previous run.
    pub since: String,
}

impl std::fmt::Display for Trend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} {} -> {} since {}",
            self.part, self.what, self.from, self.to, self.since
        )
    }
}

/// Every earlier run's readings, per host, oldest first (none without a journal).
pub fn load(ctx: &Context) -> Result<HashMap<String, Vec<Prior>>> {
    let mut out: HashMap<String, Vec<Prior>> = HashMap::new();
    let Some(log) = ctx.run_log() else {
        return Ok(out);
    };
    let current = log.run_id().to_string();
    log.journal().scan(None, &mut |s| {
        if s.row.run_id == current || !s.row.body.contains(OPERATION) {
            return Ok(());
        }
        if let Ok(Event::Step(step)) = serde_json::from_str::<Event>(&s.row.body) {
            if step.operation == OPERATION && step.step == STEP {
                if let Ok(readings) = serde_json::from_value(step.detail) {
                    out.entry(step.unit).or_default().push(Prior {
                        at: s.row.at.clone(),
                        readings,
                    });
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Journals this run's readings of `host`.
pub fn record(ctx: &Context, host: &str, readings: &Readings) -> Result<()> {
    let Some(log) = ctx.run_log() else {
        return Ok(());
    };
    let run_id = log.run_id().to_string();
    let detail = serde_json::to_value(readings)?;
    ctx.record_step(
        OPERATION,
        &run_id,
        host,
        STEP,
        &Ok::<_, String>(detail),
        std::time::Duration::ZERO,
    )
}

/// The day of a journal time (`2026-11-20`).
pub fn day(at: &str) -> String {
    at.chars().take(10).collect()
}

/// The counters that went up since `prev`, per disk and DIMM.
pub fn trends(now: &Readings, prev: &Prior) -> Vec<Trend> {
    let since = day(&prev.at);
    let mut out = Vec::new();
    let mut push = |part: String, what: &str, from: Option<u64>, to: Option<u64>| {
        if let (Some(from), Some(to)) = (from, to) {
            if from != to {
                out.push(Trend {
                    part,
                    what: what.into(),
                    from,
                    to,
                    since: since.clone(),
                });
            }
        }
    };
    for d in &now.disks {
        let Some(p) = prev.readings.disks.iter().find(|p| p.key() == d.key()) else {
            continue;
        };
        let part = match &d.serial {
            Some(s) => format!("{} serial {s}", d.device),
            None => d.slot(),
        };
        push(
            part.clone(),
            "reallocated sectors",
            p.reallocated,
            d.reallocated,
        );
        push(part.clone(), "pending sectors", p.pending, d.pending);
        push(
            part.clone(),
            "uncorrectable sectors",
            p.uncorrectable,
            d.uncorrectable,
        );
        push(part.clone(), "media errors", p.media_errors, d.media_errors);
        push(part, "wear %", p.percentage_used, d.percentage_used);
    }
    for m in &now.memory {
        if let Some(p) = prev.readings.memory.iter().find(|p| p.name == m.name) {
            push(
                m.name.clone(),
                "corrected memory errors",
                Some(p.ce),
                Some(m.ce),
            );
            push(
                m.name.clone(),
                "uncorrected memory errors",
                Some(p.ue),
                Some(m.ue),
            );
        }
    }
    out
}

/// Since when `part` has been failing: the first run of the latest unbroken row of runs that
/// found it failing, or `now` when this run is the first.
pub fn failing_since(part: &str, history: &[Prior], now: &str) -> String {
    history
        .iter()
        .rev()
        .take_while(|p| p.readings.failing.iter().any(|f| f == part))
        .last()
        .map(|p| day(&p.at))
        .unwrap_or_else(|| now.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disk(serial: &str, reallocated: u64) -> DiskReading {
        DiskReading {
            device: "/dev/sda".into(),
            serial: Some(serial.into()),
            reallocated: Some(reallocated),
            ..DiskReading::default()
        }
    }

    fn prior(at: &str, disks: Vec<DiskReading>, failing: &[&str]) -> Prior {
        Prior {
            at: at.into(),
            readings: Readings {
                disks,
                failing: failing.iter().map(|s| s.to_string()).collect(),
                ..Readings::default()
            },
        }
    }

    #[test]
    fn a_counter_that_went_up_is_a_trend_since_the_previous_run() {
        let prev = prior(
            "2026-11-20T10:00:00Z",
            vec![disk("Z1", 8), disk("Z2", 3)],
            &[],
        );
        let now = Readings {
            disks: vec![disk("Z1", 24), disk("Z2", 3), disk("NEW", 1)],
            ..Readings::default()
        };
        let t = trends(&now, &prev);
        assert_eq!(t.len(), 1);
        assert_eq!(
            t[0].to_string(),
            "/dev/sda serial Z1: reallocated sectors 8 -> 24 since 2026-11-20"
        );
    }

    #[test]
    fn failing_since_is_the_start_of_the_latest_failing_streak() {
        let h = vec![
            prior("2026-11-01T00:00:00Z", vec![], &["Z1"]),
            prior("2026-11-10T00:00:00Z", vec![], &[]),
            prior("2026-11-20T00:00:00Z", vec![], &["Z1"]),
            prior("2026-11-25T00:00:00Z", vec![], &["Z1"]),
        ];
        assert_eq!(failing_since("Z1", &h, "2026-12-03"), "2026-11-20");
        assert_eq!(failing_since("Z9", &h, "2026-12-03"), "2026-12-03");
    }
}
