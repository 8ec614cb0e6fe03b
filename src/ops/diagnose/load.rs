//! `hostops diagnose load`: why a server is slow, now or in a past window. One constant probe
//! per host (one round trip), hosts in parallel; per host one verdict per check and the
//! likely causes, worst hosts first.

use anyhow::Result;
use jiff::Timestamp;
use serde::Serialize;

use super::load_checks::{self, Cause, Check, Thresholds, Verdict};
use super::load_probe;
use super::load_readings::{self, Readings, Window};
use crate::context::Context;
use crate::ops::fanout;
use crate::ops::outcome::{error_text, Outcome};
use crate::transport::{self, TransportError};

pub struct LoadOptions {
    /// A past window (`--since`/`--until`, or `--at` with `log_minutes` on each side); None
    /// is "now".
    pub past: Option<(Timestamp, Timestamp)>,
    pub thresholds: Thresholds,
    pub forks: usize,
}

/// Every host asked about, worst first.
#[derive(Serialize)]
pub struct LoadReport {
    pub hosts: Vec<HostLoad>,
}

/// One host: its worst verdict, the checks, the likely causes and the readings behind them.
#[derive(Serialize)]
pub struct HostLoad {
    pub host: String,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "error_text")]
    pub error: Option<TransportError>,
    /// The worst check's verdict ("not available" counts as OK); FAIL for a host that could
    /// not be probed.
    pub verdict: Verdict,
    pub checks: Vec<Check>,
    pub causes: Vec<Cause>,
    pub readings: Option<Readings>,
}

pub fn run(ctx: &Context, names: &[String], opts: &LoadOptions) -> Result<LoadReport> {
    let hosts = ctx.hosts(names)?;
    let window = match opts.past {
        Some((from, to)) => Window::Past { from, to },
        None => Window::Recent {
            minutes: opts.thresholds.log_minutes,
        },
    };
    let bar = ctx.printer.count(hosts.len() as u64, "diagnosing");
    let results = fanout::for_each(&hosts, opts.forks, |h| {
        let r = ctx.connect(h).and_then(|t| {
            let out = transport::run_ok(&*t, &load_probe::command(opts.past))?;
            Ok(load_readings::parse(&out.stdout_text(), window))
        });
        bar.inc(1);
        r
    });
    drop(bar);
    let mut rows: Vec<HostLoad> = hosts
        .iter()
        .zip(results)
        .map(|(h, r)| match r {
            Ok(readings) => {
                let checks = load_checks::checks(&readings, &opts.thresholds);
                let causes = load_checks::causes(&readings, &opts.thresholds);
                HostLoad {
                    host: h.name.clone(),
                    outcome: Outcome::Ok,
                    error: None,
                    verdict: checks
                        .iter()
                        .map(|c| c.verdict)
                        .filter(|v| *v != Verdict::NotAvailable)
                        .max()
                        .unwrap_or(Verdict::Ok),
                    checks,
                    causes,
                    readings: Some(readings),
                }
            }
            Err(e) => HostLoad {
                host: h.name.clone(),
                outcome: Outcome::of_error(&e),
                error: Some(e),
                verdict: Verdict::Fail,
                checks: Vec::new(),
                causes: Vec::new(),
                readings: None,
            },
        })
        .collect();
    for r in rows.iter().filter(|r| r.verdict >= Verdict::Warn) {
        let cause = r.causes.first().map(|c| c.cause.as_str()).unwrap_or("-");
        ctx.note(format!(
            "diagnose load {}: {} (likely cause: {cause})",
            r.host,
            r.verdict.word()
        ))?;
    }
    rows.sort_by_key(|r| std::cmp::Reverse((r.error.is_some(), r.verdict)));
    Ok(LoadReport { hosts: rows })
}
