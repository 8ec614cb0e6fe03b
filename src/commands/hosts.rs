//! `hostops hosts list|check`

use anyhow::Result;
use serde::Serialize;

use super::status;
use crate::cli::HostsCommand;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::ops::facts::{self, HostFacts};
use crate::ops::fanout;
use crate::output::{human_bytes, Table};

pub fn run(ctx: &Context, cmd: HostsCommand) -> Result<ExitStatus> {
    match cmd {
        HostsCommand::List => list(ctx),
        HostsCommand::Check { hosts, forks } => check(ctx, &hosts, forks),
    }
}

fn list(ctx: &Context) -> Result<ExitStatus> {
    let inv = ctx.inventory()?;
    if ctx.printer.is_json() {
        ctx.printer
            .json(&serde_json::json!({ "hosts": inv.hosts }))?;
        return Ok(ExitStatus::Success);
    }
    let mut t = Table::new(["HOST", "ADDRESS", "USER", "GROUPS", "JUMP", "FROM"]);
    for h in &inv.hosts {
        let address = if h.is_local() {
            "-".to_string()
        } else {
            format!("{}:{}", h.address, h.port)
        };
        t.row([
            h.name.clone(),
            address,
            h.user.clone(),
            h.groups.join(","),
            h.jump.clone().unwrap_or_else(|| "-".into()),
            h.source.to_string(),
        ]);
    }
    ctx.printer.table(&t);
    Ok(ExitStatus::Success)
}

/// One host asked about and what came of it: every host has a row, reachable or not. In JSON
/// a reached host's facts (which name the host) are the entry's own fields.
#[derive(Serialize)]
struct Checked {
    /// Only for a host without facts (the facts name their host).
    #[serde(skip_serializing_if = "Option::is_none")]
    host: Option<String>,
    /// `ok`, `unreachable` (connect, auth, host key) or `failed` (the probe failed).
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(flatten)]
    facts: Option<HostFacts>,
}

fn check(ctx: &Context, names: &[String], forks: usize) -> Result<ExitStatus> {
    let hosts = ctx.hosts(names)?;
    let bar = ctx.printer.count(hosts.len() as u64, "checking");
    let results = fanout::for_each(&hosts, forks, |h| {
        let r = ctx.connect(h).and_then(|t| facts::gather(&*t));
        bar.inc(1);
        r
    });
    drop(bar);
    let mut status = ExitStatus::Success;
    let checked: Vec<Checked> = hosts
        .iter()
        .zip(results)
        .map(|(h, r)| match r {
            Ok(f) => Checked {
                host: None,
                outcome: "ok",
                error: None,
                facts: Some(f),
            },
            Err(e) => {
                status = status.worst(status::of_transport(&e));
                Checked {
                    host: Some(h.name.clone()),
                    outcome: if e.unreachable() {
                        "unreachable"
                    } else {
                        "failed"
                    },
                    error: Some(e.to_string()),
                    facts: None,
                }
            }
        })
        .collect();
    if ctx.printer.is_json() {
        ctx.printer.json(&serde_json::json!({ "hosts": checked }))?;
    } else {
        render(ctx, &checked);
    }
    Ok(status)
}

fn render(ctx: &Context, checked: &[Checked]) {
    let mut t = Table::new([
        "HOST",
        "HOSTNAME",
        "OS",
        "PANEL",
        "CPUS",
        "LOAD 1/5/15",
        "MEM AVAIL/TOTAL",
        "DISK FREE",
    ]);
    for c in checked {
        let Some(f) = &c.facts else {
            let error = c.error.as_deref().unwrap_or("");
            let host = c.host.clone().unwrap_or_default();
            t.row([host, format!("{}: {error}", c.outcome)]);
            continue;
        };
        let panel = match (&f.panel.version, f.panel.kind.as_str()) {
            (Some(v), kind) => format!("{kind} {v}"),
            (None, kind) => kind.to_string(),
        };
        let disks: Vec<String> = f
            .disks
            .iter()
            .map(|d| {
                let pct = d
                    .available_kib
                    .saturating_mul(100)
                    .checked_div(d.size_kib)
                    .unwrap_or(0);
                format!(
                    "{} {} ({pct}%)",
                    d.mount,
                    human_bytes(d.available_kib * 1024)
                )
            })
            .collect();
        t.row([
            f.host.clone(),
            f.hostname.clone(),
            format!("{} {}", f.os.id, f.os.version).trim().to_string(),
            panel,
            f.cpus.to_string(),
            format!("{:.2} {:.2} {:.2}", f.load[0], f.load[1], f.load[2]),
            format!(
                "{} / {}",
                human_bytes(f.memory.available_kib * 1024),
                human_bytes(f.memory.total_kib * 1024)
            ),
            disks.join(", "),
        ]);
    }
    ctx.printer.table(&t);
}
