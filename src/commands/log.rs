//! `hostops log list|show|export|verify|push|init-server`

use anyhow::{bail, Result};

use super::Ran;
use crate::app::finish;
use crate::cli::{ExportFormat, LogCommand};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::journal::query::short_run_id;
use crate::journal::timestamp_text;
use crate::journal::{parse_anchor, since, Anchor, Head, Verification, ANCHOR_MIN};
use crate::ops::handoff::{self, TicketReport};
use crate::ops::shared_journal::{self, PushOptions};
use crate::output::{human_duration, verdict, Printer, Table};

pub(super) fn run(ctx: &Context, cmd: LogCommand) -> Result<Ran> {
    let printed = match cmd {
        LogCommand::List { since } => list(ctx, since.as_deref()),
        LogCommand::Show { ticket } => show(ctx, &ticket),
        LogCommand::Export { ticket, format } => export(ctx, &ticket, format),
        LogCommand::Verify { head } => verify(ctx, head.as_deref()),
        LogCommand::Push { url } => {
            let opts = PushOptions::new(&ctx.settings.journal, url.as_deref())?;
            return finish(ctx, &shared_journal::push_local(&opts)?).map(Ran::Finished);
        }
        LogCommand::InitServer { url, operators } => {
            let ready = shared_journal::init_server(&url, &operators)?;
            return finish(ctx, &ready).map(Ran::Finished);
        }
    };
    printed.map(Ran::Printed)
}

/// `--since` as journal timestamp text; local forms are read in the system time zone.
fn parse_since(s: &str) -> Result<String> {
    match since::parse(s, &jiff::Zoned::now()) {
        Some(ts) => Ok(timestamp_text(ts)),
        None => bail!(StatusError::usage(format!(
            "--since {s:?}: expected {}",
            since::FORMS
        ))),
    }
}

fn list(ctx: &Context, since: Option<&str>) -> Result<ExitStatus> {
    let since = since.map(parse_since).transpose()?;
    let runs = ctx
        .read_journal()?
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
            short_run_id(&r.run_id).to_string(),
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
    let journal = ctx.read_journal()?;
    let r = handoff::ticket_report(&journal, ticket)?;
    if r.runs.is_empty() {
        bail!(StatusError {
            status: ExitStatus::Failure,
            message: format!(
                "no runs recorded for ticket {ticket} in `{}`",
                journal.name()
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
            short_run_id(&s.run_id)
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

fn verify(ctx: &Context, anchor: Option<&str>) -> Result<ExitStatus> {
    let anchor = anchor
        .map(|given| {
            parse_anchor(given).ok_or_else(|| {
                StatusError::usage(format!(
                    "--head {given:?}: expected the head a run summary or hand-over note showed \
                     ({} to 64 hex digits)",
                    ANCHOR_MIN
                ))
            })
        })
        .transpose()?;
    let journal = ctx.read_journal()?;
    let v = journal.verify(anchor.as_deref())?;
    if ctx.printer.is_json() {
        ctx.printer.json(&v)?;
    } else {
        render_verification(ctx, journal.name(), &v);
    }
    Ok(if v.intact() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn render_verification(ctx: &Context, path: &str, v: &Verification) {
    let p = &ctx.printer;
    let head = match &v.head {
        Some(h) => format!("head {} (row {})", h.short(), h.seq),
        None => "no head".into(),
    };
    if v.intact() {
        p.data(format!(
            "journal `{path}`: {} rows, hash chain intact, {head}",
            v.rows
        ));
    } else {
        p.data(format!("journal `{path}`: {} rows, TAMPERED:", v.rows));
        for problem in &v.problems {
            p.data(format!("  - {problem}"));
        }
    }
    if let Some(Anchor {
        hash,
        row: Some(row),
    }) = &v.anchor
    {
        p.data(format!(
            "the head {hash} you recorded is row {row}: no row up to it was removed or rewritten"
        ));
    }
    p.data(format!("\n{}", v.scope));
}

/// The last line of every journaled run (stderr): its ID and the chain head after it, an anchor
/// to keep outside the journal (`log verify --head`). One JSON object with --json.
pub(super) fn print_run_summary(printer: &Printer, run_id: &str, head: &Head) {
    if printer.is_json() {
        printer.status(serde_json::json!({ "run_id": run_id, "journal_head": head }));
    } else {
        printer.status(format!(
            "run {run_id} journaled; journal head: {} (check later: hostops log verify --head {})",
            head.short(),
            head.short()
        ));
    }
}
