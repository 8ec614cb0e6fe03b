//! A ticket as the unit of work: its runs read back from the journal as one history across
//! operators and levels (who, at which level, what each run did in plain words, how long), and
//! the ticket's own events: escalations, the customer's report, closing.

mod list;
mod note;
mod phrase;

use anyhow::{Context as _, Result};
use serde::Serialize;

pub use list::{list, Filter, TicketList};
pub use note::{handoff, Note, Style};
pub use phrase::{Kind, Phrase};

use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::journal::query::summarize;
use crate::journal::{Escalation, Event, Head, Journal, RunStatus, StoredEvent};
use crate::ops::handoff::{describe, OperatorTime};

/// The commands that work on the ticket itself rather than on servers.
const TICKET_COMMANDS: [&str; 2] = ["ticket escalate", "ticket close"];

/// `ticket show`: the timeline, the time per level and per operator.
#[derive(Debug, Serialize)]
pub struct Timeline {
    pub ticket: String,
    /// The level the ticket is at now (its last escalation, else the last level recorded).
    pub level: Option<u8>,
    pub open: bool,
    /// What the customer reported, if someone recorded it.
    pub reported: Vec<String>,
    pub total_ms: u64,
    pub levels: Vec<LevelTime>,
    pub operators: Vec<OperatorTime>,
    pub entries: Vec<Entry>,
    pub escalations: Vec<Escalated>,
    /// The journal's last row when this was read: an anchor for `log verify --head`.
    pub journal_head: Option<Head>,
    /// Whether the entries carry their remote commands (`-v`).
    #[serde(skip)]
    pub verbose: bool,
}

/// One run of the ticket, in a person's words.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub run_id: String,
    pub started: String,
    /// `user@machine`
    pub operator: String,
    /// The operator's level during the run (recorded, else the ticket's level then).
    pub level: Option<u8>,
    pub command: String,
    pub status: RunStatus,
    pub exit_code: Option<i32>,
    pub duration_ms: u64,
    #[serde(flatten)]
    pub phrase: Phrase,
    /// The remote commands, copies and steps underneath (only with `-v`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct LevelTime {
    pub level: Option<u8>,
    pub runs: u64,
    pub duration_ms: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Escalated {
    pub at: String,
    pub by: String,
    #[serde(flatten)]
    pub escalation: Escalation,
}

impl Timeline {
    /// The runs that worked on servers (not escalating or closing).
    pub fn work(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| !TICKET_COMMANDS.contains(&e.command.as_str()))
    }

    pub fn last_escalation(&self) -> Option<&Escalated> {
        self.escalations.last()
    }
}

/// `L3`, or `L?` when no level was recorded.
pub fn level_name(level: Option<u8>) -> String {
    level.map_or_else(|| "L?".to_string(), |l| format!("L{l}"))
}

/// Reads the ticket's history (exit 1 when the journal has nothing of it).
pub fn show(ctx: &Context, ticket: &str, verbose: bool) -> Result<Timeline> {
    let journal = ctx.read_journal()?;
    let timeline = timeline(&journal, ticket, verbose)?;
    if timeline.entries.is_empty() {
        return Err(StatusError {
            status: ExitStatus::Failure,
            message: format!(
                "nothing recorded for ticket {ticket} in `{}`",
                journal.name()
            ),
        }
        .into());
    }
    Ok(timeline)
}

pub fn timeline(journal: &Journal, ticket: &str, verbose: bool) -> Result<Timeline> {
    let mut t = build(ticket, &journal.ticket_events(ticket)?, verbose);
    t.journal_head = journal.head()?;
    Ok(t)
}

/// The history of one ticket from its events in chain order.
pub fn build(ticket: &str, events: &[StoredEvent], verbose: bool) -> Timeline {
    let mut escalations: Vec<Escalated> = Vec::new();
    let mut reported = Vec::new();
    let mut closed_at: Option<String> = None;
    let runs = summarize(events);
    for e in events {
        match &e.event {
            Event::Escalation(x) => escalations.push(Escalated {
                at: e.at.clone(),
                by: runs
                    .iter()
                    .find(|r| r.run_id == e.run_id)
                    .map(|r| format!("{}@{}", r.operator, r.machine))
                    .unwrap_or_default(),
                escalation: x.clone(),
            }),
            Event::Reported { text } => reported.push(text.clone()),
            Event::Closed { .. } => closed_at = Some(e.at.clone()),
            _ => {}
        }
    }
    let mut entries = Vec::new();
    for r in &runs {
        let mine: Vec<&StoredEvent> = events.iter().filter(|e| e.run_id == r.run_id).collect();
        let recorded = mine.iter().find_map(|e| match &e.event {
            Event::RunStart(s) => s.level,
            _ => None,
        });
        let commands = if verbose {
            mine.iter()
                .filter(|e| matches!(e.event, Event::Exec(_) | Event::Copy(_) | Event::Step(_)))
                .map(|e| describe(&e.event))
                .collect()
        } else {
            Vec::new()
        };
        entries.push(Entry {
            level: recorded.or_else(|| level_at(&escalations, &r.started)),
            phrase: phrase::phrase(r, &mine),
            operator: format!("{}@{}", r.operator, r.machine),
            run_id: r.run_id.clone(),
            started: r.started.clone(),
            command: r.command.clone(),
            status: r.status,
            exit_code: r.exit_code,
            duration_ms: r.duration_ms,
            commands,
        });
    }
    let level = escalations
        .last()
        .map(|e| e.escalation.to)
        .or_else(|| entries.iter().rev().find_map(|e| e.level));
    // A run on servers after the ticket was closed reopens it.
    let open = closed_at.is_none_or(|at| {
        entries
            .iter()
            .any(|e| e.started > at && !TICKET_COMMANDS.contains(&e.command.as_str()))
    });
    let mut t = Timeline {
        ticket: ticket.to_string(),
        level,
        open,
        reported,
        total_ms: 0,
        levels: Vec::new(),
        operators: Vec::new(),
        entries,
        escalations,
        journal_head: None,
        verbose,
    };
    (t.levels, t.operators) = time_spent(&t);
    t.total_ms = t.levels.iter().map(|l| l.duration_ms).sum();
    t
}

/// The ticket's level at `at`: the target of the last escalation before it, else the level
/// the first escalation started from.
fn level_at(escalations: &[Escalated], at: &str) -> Option<u8> {
    match escalations.iter().rev().find(|e| e.at.as_str() <= at) {
        Some(e) => Some(e.escalation.to),
        None => escalations.first().and_then(|e| e.escalation.from),
    }
}

/// The time of the runs on servers, per level and per operator, in order of first appearance.
fn time_spent(t: &Timeline) -> (Vec<LevelTime>, Vec<OperatorTime>) {
    let mut levels: Vec<LevelTime> = Vec::new();
    let mut operators: Vec<OperatorTime> = Vec::new();
    for e in t.work() {
        match levels.iter_mut().find(|l| l.level == e.level) {
            Some(l) => {
                l.runs += 1;
                l.duration_ms += e.duration_ms;
            }
            None => levels.push(LevelTime {
                level: e.level,
                runs: 1,
                duration_ms: e.duration_ms,
            }),
        }
        match operators.iter_mut().find(|o| o.operator == e.operator) {
            Some(o) => {
                o.runs += 1;
                o.duration_ms += e.duration_ms;
            }
            None => operators.push(OperatorTime {
                operator: e.operator.clone(),
                runs: 1,
                duration_ms: e.duration_ms,
            }),
        }
    }
    (levels, operators)
}

/// What `ticket escalate` recorded.
#[derive(Debug, Serialize)]
pub struct Escalate {
    pub ticket: String,
    #[serde(flatten)]
    pub escalation: Escalation,
}

/// Records the escalation (and the customer's report) in this run. Refuses (exit 4) a level
/// the ticket is already at or above.
pub fn escalate(ctx: &Context, to: u8, note: &str, reported: Option<&str>) -> Result<Escalate> {
    let log = ctx.run_log().context("ticket escalate is journaled")?;
    let ticket = log.ticket().as_str().to_string();
    let before = build(&ticket, &log.journal().ticket_events(&ticket)?, false);
    let from = before
        .level
        .or(crate::app::policy::operator_level(ctx)?.map(|l| l.number()));
    if from.is_some_and(|f| f >= to) {
        return Err(StatusError::refused(format!(
            "ticket {ticket} is at {} already: escalate to a higher level",
            level_name(from)
        ))
        .into());
    }
    if let Some(text) = reported {
        log.record(Event::Reported {
            text: text.to_string(),
        })?;
    }
    let escalation = Escalation {
        from,
        to,
        note: ctx.redact(note),
    };
    log.record(Event::Escalation(escalation.clone()))?;
    Ok(Escalate { ticket, escalation })
}

/// What `ticket close` recorded.
#[derive(Debug, Serialize)]
pub struct Closed {
    pub ticket: String,
    pub note: Option<String>,
}

pub fn close(ctx: &Context, note: Option<&str>) -> Result<Closed> {
    let log = ctx.run_log().context("ticket close is journaled")?;
    let note = note.map(|n| ctx.redact(n));
    log.record(Event::Closed { note: note.clone() })?;
    Ok(Closed {
        ticket: log.ticket().as_str().to_string(),
        note,
    })
}
