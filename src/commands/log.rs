//! `hostops log list|show|export|verify`

use anyhow::{bail, Result};

use crate::cli::{ExportFormat, LogCommand};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::journal::query::timestamp_text;
use crate::ops::handoff::{self, TicketReport};
use crate::output::{human_duration, verdict, Table};

pub fn run(ctx: &Context, cmd: LogCommand) -> Result<ExitStatus> {
    match cmd {
        LogCommand::List { since } => list(ctx, since.as_deref()),
        LogCommand::Show { ticket } => show(ctx, &ticket),
        LogCommand::Export { ticket, format } => export(ctx, &ticket, format),
        LogCommand::Verify => verify(ctx),
    }
}

/// `2026-11-01` or a full RFC 3339 time, as journal timestamp text.
fn parse_since(s: &str) -> Result<String> {
    if let Ok(date) = s.parse::<jiff::civil::Date>() {
        return Ok(timestamp_text(
            date.to_zoned(jiff::tz::TimeZone::UTC)?.timestamp(),
        ));
    }
    match s.parse::<jiff::Timestamp>() {
        Ok(ts) => Ok(timestamp_text(ts)),
        Err(_) => bail!(StatusError::usage(format!(
            "--since {s:?}: expected a date (2026-11-01) or a time (2026-11-01T10:00:00Z)"
        ))),
    }
}

fn list(ctx: &Context, since: Option<&str>) -> Result<ExitStatus> {
    let since = since.map(parse_since).transpose()?;
    let runs = ctx
        .open_journal()?
        .runs(ctx.ticket().map(|t| t.as_str()), since.as_deref())?;
    if ctx.printer.is_json() {
        ctx.printer.json(&serde_json::json!({ "runs": runs }))?;
        return Ok(ExitStatus::Success);
    }
    let mut t = Table::new([
        "RUN",
        "TICKET",
        "STARTED (UTC)",
        "OPERATOR",
        "COMMAND",
        "STATUS",
        "TIME",
    ]);
    for r in &runs {
        t.row([
            r.run_id.clone(),
            r.ticket.clone(),
            r.started[..19.min(r.started.len())].replace('T', " "),
            format!("{}@{}", r.operator, r.machine),
            format!("{}{}", r.command, if r.dry_run { " (dry run)" } else { "" }),
            status_text(r.status.as_str(), r.exit_code),
            human_duration(r.duration_ms),
        ]);
    }
    ctx.printer.table(&t);
    Ok(ExitStatus::Success)
}

fn status_text(status: &str, exit: Option<i32>) -> String {
    let ok = status == "ok";
    match exit {
        Some(c) => verdict(ok, &format!("{status} ({c})")),
        None => verdict(ok, status),
    }
}

fn report(ctx: &Context, ticket: &str) -> Result<TicketReport> {
    let journal = ctx.open_journal()?;
    let r = handoff::ticket_report(&journal, ticket)?;
    if r.runs.is_empty() {
        bail!(StatusError {
            status: ExitStatus::Failure,
            message: format!(
                "no runs recorded for ticket {ticket} in `{}`",
                journal.path().display()
            ),
        });
    }
    Ok(r)
}

fn show(ctx: &Context, ticket: &str) -> Result<ExitStatus> {
    let r = report(ctx, ticket)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&r)?;
        return Ok(ExitStatus::Success);
    }
    let p = &ctx.printer;
    p.data(format!(
        "Ticket {}: {} run(s), {} in all\n",
        r.ticket,
        r.runs.len(),
        human_duration(r.total_ms)
    ));
    let mut t = Table::new(["OPERATOR", "RUNS", "TIME SPENT"]);
    for o in &r.operators {
        t.row([
            o.operator.clone(),
            o.runs.to_string(),
            human_duration(o.duration_ms),
        ]);
    }
    p.table(&t);
    p.data("");
    for run in &r.runs {
        let s = &run.summary;
        p.data(format!(
            "{}  {}@{}  {}{}  {}  {}  [{}]",
            s.started[..19.min(s.started.len())].replace('T', " "),
            s.operator,
            s.machine,
            s.argv.join(" "),
            if s.dry_run { " (dry run)" } else { "" },
            status_text(s.status.as_str(), s.exit_code),
            human_duration(s.duration_ms),
            s.run_id
        ));
        for e in &run.events {
            p.data(format!(
                "    {}  {}",
                &e.at[11..19.min(e.at.len())],
                handoff::describe(&e.event)
            ));
        }
    }
    Ok(ExitStatus::Success)
}

fn export(ctx: &Context, ticket: &str, format: ExportFormat) -> Result<ExitStatus> {
    let r = report(ctx, ticket)?;
    match format {
        ExportFormat::Json => ctx.printer.json(&r)?,
        ExportFormat::Markdown => ctx.printer.raw(handoff::markdown(&r).as_bytes()),
    }
    Ok(ExitStatus::Success)
}

fn verify(ctx: &Context) -> Result<ExitStatus> {
    let journal = ctx.open_journal()?;
    let v = journal.verify()?;
    if ctx.printer.is_json() {
        ctx.printer.json(&v)?;
    } else if v.intact() {
        ctx.printer.data(format!(
            "journal `{}`: {} rows, hash chain intact",
            journal.path().display(),
            v.rows
        ));
    } else {
        ctx.printer.data(format!(
            "journal `{}`: {} rows, TAMPERED:",
            journal.path().display(),
            v.rows
        ));
        for problem in &v.problems {
            ctx.printer.data(format!("  - {problem}"));
        }
    }
    Ok(if v.intact() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
