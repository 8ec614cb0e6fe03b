//! What the next support level needs from the journal: a ticket's runs, what each did on which
//! host, and the time each operator spent — as a timeline, a Markdown note or JSON.

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use crate::journal::{Event, Head, Journal, RunSummary, StoredEvent};
use crate::output::human_duration;

#[derive(Debug, Serialize)]
pub struct TicketReport {
    pub ticket: String,
    pub total_ms: u64,
    pub operators: Vec<OperatorTime>,
    pub runs: Vec<RunReport>,
    /// The journal's last row when the report was made: an anchor for `log verify --head`.
    pub journal_head: Option<Head>,
}

#[derive(Debug, Serialize)]
pub struct OperatorTime {
    /// `user@machine`
    pub operator: String,
    pub runs: u64,
    pub duration_ms: u64,
}

#[derive(Debug, Serialize)]
pub struct RunReport {
    #[serde(flatten)]
    pub summary: RunSummary,
    /// Remote commands, copies and notes, in order.
    pub events: Vec<StoredEvent>,
}

pub fn ticket_report(journal: &Journal, ticket: &str) -> Result<TicketReport> {
    let events = journal.ticket_events(ticket)?;
    let runs: Vec<RunReport> = crate::journal::query::summarize(&events)
        .into_iter()
        .map(|summary| RunReport {
            events: events
                .iter()
                .filter(|e| e.run_id == summary.run_id)
                .filter(|e| !matches!(e.event, Event::RunStart(_) | Event::RunEnd(_)))
                .cloned()
                .collect(),
            summary,
        })
        .collect();
    let mut operators: Vec<OperatorTime> = Vec::new();
    for r in &runs {
        let who = format!("{}@{}", r.summary.operator, r.summary.machine);
        match operators.iter_mut().find(|o| o.operator == who) {
            Some(o) => {
                o.runs += 1;
                o.duration_ms += r.summary.duration_ms;
            }
            None => operators.push(OperatorTime {
                operator: who,
                runs: 1,
                duration_ms: r.summary.duration_ms,
            }),
        }
    }
    Ok(TicketReport {
        journal_head: journal.head()?,
        ticket: ticket.to_string(),
        total_ms: operators.iter().map(|o| o.duration_ms).sum(),
        operators,
        runs,
    })
}

/// One line describing an event, for the timeline and the Markdown note.
pub fn describe(e: &Event) -> String {
    match e {
        Event::ExecStart(x) => format!("{}: `{}` started", x.host, one_line(&x.command)),
        Event::Exec(x) => {
            let end = match (&x.error, x.exit_code, &x.signal) {
                (Some(err), _, _) => format!("error: {err}"),
                (None, Some(c), _) => format!("exit {c}"),
                (None, None, Some(s)) => format!("killed by SIG{s}"),
                _ => "unknown end".into(),
            };
            format!(
                "{}: `{}` -> {end} ({})",
                x.host,
                one_line(&x.command),
                human_duration(x.duration_ms)
            )
        }
        Event::Copy(c) => {
            let end = match (&c.error, c.bytes) {
                (Some(err), _) => format!("error: {err}"),
                (None, Some(b)) => format!("{} verified", crate::output::human_bytes(b)),
                _ => "done".into(),
            };
            format!("{}: {} {} -> {end}", c.host, c.direction, c.remote_path)
        }
        Event::Note { text } => format!("note: {text}"),
        Event::Step(s) => format!(
            "{} {}: {} {} ({})",
            s.operation,
            s.unit,
            s.step,
            match &s.error {
                Some(e) => format!("failed: {e}"),
                None => "done".into(),
            },
            human_duration(s.duration_ms)
        ),
        Event::Escalation(x) => format!(
            "escalated {} -> L{}: {}",
            x.from
                .map(|l| format!("L{l}"))
                .unwrap_or_else(|| "?".into()),
            x.to,
            one_line(&x.note)
        ),
        Event::Reported { text } => format!("the customer reported: {}", one_line(text)),
        Event::Closed { note } => match note {
            Some(n) => format!("ticket closed: {}", one_line(n)),
            None => "ticket closed".into(),
        },
        Event::RunStart(_) | Event::RunEnd(_) => String::new(),
    }
}

pub fn one_line(s: &str) -> String {
    let flat = s.replace('\n', "\\n");
    if flat.chars().count() > 120 {
        format!("{}...", flat.chars().take(117).collect::<String>())
    } else {
        flat
    }
}

/// The hand-over note to paste into the helpdesk ticket.
pub fn markdown(r: &TicketReport) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "### hostops activity on ticket {}\n", r.ticket);
    let _ = writeln!(
        md,
        "{} run(s), {} in all.\n\n**Time spent per operator**\n",
        r.runs.len(),
        human_duration(r.total_ms)
    );
    for o in &r.operators {
        let _ = writeln!(
            md,
            "- {}: {} in {} run(s)",
            o.operator,
            human_duration(o.duration_ms),
            o.runs
        );
    }
    let _ = writeln!(md, "\n**Runs**\n\n| started (UTC) | operator | command | result | duration |\n|---|---|---|---|---|");
    for run in &r.runs {
        let s = &run.summary;
        let result = match s.exit_code {
            Some(c) => format!("{} (exit {c})", s.status.as_str()),
            None => s.status.as_str().to_string(),
        };
        let _ = writeln!(
            md,
            "| {} | {}@{} | `{}`{} | {} | {} |",
            &s.started[..19.min(s.started.len())].replace('T', " "),
            s.operator,
            s.machine,
            s.argv.join(" ").replace('|', "\\|"),
            if s.dry_run { " (dry run)" } else { "" },
            result,
            human_duration(s.duration_ms)
        );
    }
    let _ = writeln!(md, "\n**What was done on the servers**\n");
    for run in &r.runs {
        for e in &run.events {
            let _ = writeln!(
                md,
                "- {} {}",
                &e.at[11..19.min(e.at.len())],
                describe(&e.event).replace('|', "\\|")
            );
        }
    }
    if let Some(h) = &r.journal_head {
        let _ = writeln!(
            md,
            "\nJournal head when this note was made: `{}` (row {}). \
             `hostops log verify --head {}` shows whether the journal was rewritten since.",
            h.hash,
            h.seq,
            h.short()
        );
    }
    md
}
