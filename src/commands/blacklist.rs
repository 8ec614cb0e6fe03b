//! `hostops blacklist check|investigate`: options from argv, one op call, tables or JSON.

use std::time::Duration;

use anyhow::Result;

use crate::cli::{BlacklistCommand, CheckArgs, InvestigateArgs};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::blacklist::dns::{self, DnsOptions};
use crate::ops::blacklist::dnsauth::Status;
use crate::ops::blacklist::engine::{Health, ZoneHealth};
use crate::ops::blacklist::investigate::{self, FailedLogins, InvestigateOptions, Investigation};
use crate::ops::blacklist::query::Family;
use crate::ops::blacklist::verdict::Verdict;
use crate::ops::blacklist::{self, zones, CheckOptions, Report};
use crate::output::{verdict, Table};

pub fn run(ctx: &Context, cmd: BlacklistCommand) -> Result<ExitStatus> {
    match cmd {
        BlacklistCommand::Check(args) => check(ctx, args),
        BlacklistCommand::Investigate(args) => investigate(ctx, args),
    }
}

fn check(ctx: &Context, args: CheckArgs) -> Result<ExitStatus> {
    let dqs_key = match &args.dqs_key_file {
        Some(path) => {
            let key = std::fs::read_to_string(path)
                .map_err(|e| {
                    StatusError::usage(format!(
                        "--dqs-key-file: cannot read `{}`: {e}",
                        path.display()
                    ))
                })?
                .trim()
                .to_string();
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(StatusError::usage(format!(
                    "`{}` does not hold a DQS key (one line of letters and digits, from the Spamhaus DQS portal)",
                    path.display()
                ))
                .into());
            }
            ctx.add_secret(&key);
            Some(key)
        }
        None => None,
    };
    let set = match &args.zones {
        Some(path) => zones::load(path)?,
        None => zones::builtin(),
    };
    let nameservers = args
        .nameserver
        .iter()
        .map(|s| dns::parse_nameserver(s))
        .collect::<Result<Vec<_>, _>>()?;
    if args.in_flight == 0 || args.timeout == 0 || args.deadline == 0 {
        return Err(
            StatusError::usage("--in-flight, --timeout and --deadline must be at least 1").into(),
        );
    }
    let opts = CheckOptions {
        targets: args.targets,
        zones: zones::select(set, &args.zone, dqs_key.as_deref())?,
        dns: DnsOptions {
            nameservers,
            timeout: Duration::from_millis(args.timeout),
            retries: args.retries,
        },
        in_flight: args.in_flight,
        max_addresses: args.max_addresses,
        deadline: Duration::from_secs(args.deadline),
    };
    let report = blacklist::check(ctx, &opts)?;
    ctx.note(report.journal_line())?;
    if ctx.printer.is_json() {
        ctx.printer.json(&report)?;
    } else {
        render(ctx, &report);
    }
    Ok(check_status(&report))
}

/// 0 clean, 1 listed, 3 could not check (a refusal, an unknown, an unreachable host, a target
/// no zone applies to).
fn check_status(report: &Report) -> ExitStatus {
    let s = &report.summary;
    if s.listed > 0 {
        ExitStatus::Failure
    } else if s.refused + s.unknown > 0
        || !report.host_errors.is_empty()
        || !report.unchecked.is_empty()
    {
        ExitStatus::Connection
    } else {
        ExitStatus::Success
    }
}

fn render(ctx: &Context, report: &Report) {
    let p = &ctx.printer;
    // Zones that failed alike (one dead resolver fails them all) make one warning.
    let mut silent: Vec<(&str, Vec<String>)> = Vec::new();
    let mut slow = Vec::new();
    for z in &report.zones {
        let name = zone_label(z);
        match z.health {
            Health::Ok | Health::NoTestPoint if z.unanswered + z.cut > 0 => slow.push(format!(
                "{name} ({} without an answer{})",
                z.unanswered + z.cut,
                if z.cut > 0 {
                    format!(", {} of them cut by the deadline", z.cut)
                } else {
                    String::new()
                }
            )),
            _ => {}
        }
        match z.health {
            Health::Ok => {}
            Health::Broken => p.warn(format!("{name} is broken: {}", z.detail)),
            Health::Refused => p.warn(format!("{name} refuses our queries: {}", z.detail)),
            Health::Unreachable => match silent.iter_mut().find(|(r, _)| *r == z.detail) {
                Some((_, zones)) => zones.push(name),
                None => silent.push((&z.detail, vec![name])),
            },
            Health::NoTestPoint => p.warn(format!("{name} {}", z.detail)),
        }
    }
    for (reason, zones) in silent {
        p.warn(match zones.as_slice() {
            [one] => format!("{one} did not answer its test points: {reason}"),
            many => format!(
                "{} zones did not answer their test points ({}): {reason}",
                many.len(),
                many.join(", ")
            ),
        });
    }
    if !slow.is_empty() {
        let cut = report.zones.iter().any(|z| z.cut > 0);
        p.warn(format!(
            "slow or silent zones, their queries count as unknown: {}{}",
            slow.join("; "),
            if cut {
                " (raise --deadline to wait longer)"
            } else {
                ""
            }
        ));
    }
    for e in &report.host_errors {
        p.warn(format!("{}: {}", e.host, e.error));
    }
    for t in &report.unchecked {
        p.warn(format!(
            "{t}: no zone of the set lists this kind of target; not checked"
        ));
    }
    let mut t = Table::new(["TARGET", "ZONE", "VERDICT", "DETAIL", "DELIST"]);
    for target in &report.targets {
        let label = match &target.origin {
            Some(o) => format!("{} ({o})", target.target),
            None => target.target.clone(),
        };
        for r in target
            .results
            .iter()
            .filter(|r| r.verdict != Verdict::Clean)
        {
            let delist = match &r.verdict {
                Verdict::Listed { delist, .. } => delist.clone(),
                _ => None,
            };
            t.row([
                label.clone(),
                r.zone.clone(),
                verdict(false, r.verdict.word()),
                r.verdict.detail(),
                delist.unwrap_or_default(),
            ]);
        }
        let clean = target
            .results
            .iter()
            .filter(|r| r.verdict == Verdict::Clean)
            .count();
        if clean > 0 {
            t.row([
                label.clone(),
                format!("{clean} zone(s)"),
                verdict(true, "clean"),
                String::new(),
                String::new(),
            ]);
        }
    }
    // The rest of a block: one row per zone and verdict, and one for the clean addresses.
    for b in &report.blocks {
        for c in &b.counts {
            t.row([
                format!("{} address(es) of {}", c.addresses, b.block),
                c.zone.clone(),
                verdict(false, c.verdict),
                c.detail.clone(),
                String::new(),
            ]);
        }
        if b.clean_addresses > 0 {
            let zones = report
                .zones
                .iter()
                .filter(|z| z.family != Family::Domain)
                .map(|z| &z.zone)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            t.row([
                format!("{} address(es) of {}", b.clean_addresses, b.block),
                format!("{zones} zone(s)"),
                verdict(true, "clean"),
                String::new(),
                String::new(),
            ]);
        }
    }
    p.table(&t);
    let checks: Vec<_> = report
        .targets
        .iter()
        .flat_map(|t| t.checks.iter().map(move |c| (t, c)))
        .collect();
    if !checks.is_empty() {
        let mut t = Table::new(["TARGET", "CHECK", "RESULT", "DETAIL"]);
        for (target, c) in checks {
            let word = match c.status {
                Status::Pass => verdict(true, "pass"),
                Status::Fail => verdict(false, "fail"),
                Status::Unknown => verdict(false, "unknown"),
            };
            t.row([
                target.target.clone(),
                c.name.to_uppercase(),
                word,
                c.detail.clone(),
            ]);
        }
        p.data("");
        p.table(&t);
    }
    let s = &report.summary;
    p.status(format!(
        "{} target(s), {} zone(s): {} listed, {} refused, {} unknown, {} clean",
        s.targets, s.zones, s.listed, s.refused, s.unknown, s.clean
    ));
}

/// A zone as the warnings name it; IPv6 test points are a zone's second health.
fn zone_label(z: &ZoneHealth) -> String {
    match z.family {
        Family::Ipv6 => format!("zone {} (IPv6)", z.zone),
        _ => format!("zone {}", z.zone),
    }
}

fn investigate(ctx: &Context, args: InvestigateArgs) -> Result<ExitStatus> {
    let hosts = ctx.hosts(std::slice::from_ref(&args.host))?;
    let [host] = hosts.as_slice() else {
        return Err(StatusError::usage(format!(
            "`{}` names {} hosts: investigate one mail server at a time",
            args.host,
            hosts.len()
        ))
        .into());
    };
    let opts = InvestigateOptions {
        lines: args.lines,
        ticket: ctx.ticket().map(|t| t.to_string()).unwrap_or_default(),
    };
    let inv = investigate::run(&*ctx.connect(host)?, &opts)?;
    let summary = match inv.sources.first() {
        Some(s) => format!("likely source: {} ({})", s.name, s.evidence),
        None => "no likely source found".to_string(),
    };
    ctx.note(format!("blacklist investigate {}: {summary}", inv.host))?;
    if ctx.printer.is_json() {
        ctx.printer.json(&inv)?;
    } else {
        render_investigation(ctx, &inv);
    }
    Ok(if inv.sources.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn render_investigation(ctx: &Context, inv: &Investigation) {
    let p = &ctx.printer;
    let n = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    let Some(mta) = &inv.mta else {
        p.warn(format!(
            "{}: neither exim nor postfix (nor their logs) found: nothing to investigate",
            inv.host
        ));
        return;
    };
    let mut t = Table::new([
        "HOST",
        "MTA",
        "QUEUE",
        "FROZEN/HELD",
        "QUEUED BOUNCES",
        "LOG",
        "RECEIVED",
        "BOUNCED",
    ]);
    t.row([
        inv.host.clone(),
        mta.clone(),
        n(inv.queue.size),
        n(inv.queue.frozen.or(inv.queue.held)),
        n(inv.queue.bounces),
        inv.log.clone().unwrap_or_else(|| "-".into()),
        n(inv.received),
        n(inv.bounced),
    ]);
    p.table(&t);
    let mut t = Table::new(["EVIDENCE", "NAME", "MESSAGES"]);
    let groups = [
        ("queued from", &inv.queue.senders),
        ("mailbox login", &inv.mailboxes),
        ("script dir", &inv.scripts),
        ("local account", &inv.accounts),
        ("over hourly limit", &inv.rate_limited),
    ];
    for (what, counts) in groups {
        for c in counts.iter().take(5) {
            t.row([what.to_string(), c.name.clone(), c.count.to_string()]);
        }
    }
    p.data("");
    p.table(&t);
    if let Some(line) = failed_logins_line(&inv.failed_logins) {
        p.data(format!("\n{line}"));
    }
    match inv.sources.first() {
        None => p.data("\nNo likely source: no sender stands out in the queue or the log."),
        Some(s) => {
            p.data(format!(
                "\nLikely source: {} {}: {}",
                s.kind.word(),
                s.name,
                s.evidence
            ));
            p.data("Next (hostops changes nothing by itself):");
            for line in &s.next {
                p.data(format!("  {line}"));
            }
            for other in inv.sources.iter().skip(1).take(4) {
                p.data(format!("Also: {}", other.evidence));
            }
        }
    }
}

/// Password guessing, on a line of its own: failed logins send nothing, so they are never
/// a source, but a mailbox being guessed at is worth knowing.
fn failed_logins_line(f: &FailedLogins) -> Option<String> {
    let count = f.count.filter(|c| *c > 0)?;
    let top = |counts: &[investigate::Count]| {
        counts
            .iter()
            .take(5)
            .map(|c| format!("{} ({})", c.name, c.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut line = format!("Password guessing: {count} failed SMTP login(s)");
    if !f.usernames.is_empty() {
        line.push_str(&format!("; usernames tried: {}", top(&f.usernames)));
    }
    if !f.clients.is_empty() {
        line.push_str(&format!("; from: {}", top(&f.clients)));
    }
    Some(line)
}
