//! One run in a person's words: what it did (from its plan and whether it was applied, or what
//! it checked), how it went on the hosts and the steps, the outcome, the time, and how to undo
//! or resume it.

use serde::Serialize;

use crate::journal::query::short_run_id;
use crate::journal::{Event, RunStatus, RunSummary, StoredEvent};
use crate::ops::handoff::one_line;
use crate::output::human_duration;

/// What a run did, for the timeline and the hand-over note.
#[derive(Debug, Clone, Serialize)]
pub struct Phrase {
    /// The line: "restored bob on h1 from ...: ok, 2 min".
    pub line: String,
    pub kind: Kind,
    /// The command that undoes it, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undo: Option<String>,
    /// The command that resumes it, when it stopped part-way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume: Option<String>,
}

/// What a run did to the servers, as the hand-over note groups runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Only looked (probes, checks, dry runs, plans not applied).
    Checked,
    /// Ran the operator's own commands (`exec`): hostops cannot tell whether they changed anything.
    Ran,
    /// Applied a change.
    Changed,
    /// Worked on the ticket itself (escalated, closed).
    Ticket,
}

/// Past tenses of the verbs plan summaries begin with.
const PAST: &[(&str, &str)] = &[
    ("run", "ran"),
    ("migrate", "migrated"),
    ("restore", "restored"),
    ("copy", "copied"),
    ("undo", "undid"),
    ("sync", "synced"),
    ("install", "installed"),
    ("rebuild", "rebuilt"),
    ("upgrade", "upgraded"),
    ("remove", "removed"),
    ("repair", "repaired"),
    ("apply", "applied"),
];

pub fn phrase(run: &RunSummary, events: &[&StoredEvent]) -> Phrase {
    let notes: Vec<&str> = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let first_line = |n: &str| n.lines().next().unwrap_or_default().to_string();
    let plan = notes
        .iter()
        .find_map(|n| n.strip_prefix("plan: "))
        .map(first_line);
    let would = notes
        .iter()
        .find(|n| n.starts_with("dry run: would "))
        .map(|n| first_line(n));
    let applied = notes.iter().any(|n| n.starts_with("applied: "));
    let own = ticket_event(events);
    let kind = match (&own, applied && !run.dry_run) {
        (Some(_), _) => Kind::Ticket,
        (None, true) if run.command == "exec" => Kind::Ran,
        (None, true) => Kind::Changed,
        (None, false) => Kind::Checked,
    };
    let what = if let Some(own) = own {
        own
    } else {
        match (plan, would) {
            (Some(p), _) if applied => past(&shorten(&p)),
            (Some(p), _) => format!("planned to {}, not applied", shorten(&p)),
            (None, Some(w)) => shorten(&w),
            (None, None) => checked(run, &notes),
        }
    };
    let mut parts = vec![match hosts(events, &notes) {
        Some(tally) => format!("{what}: {tally}"),
        None => what,
    }];
    parts.extend(steps(run, events));
    let outcome = match (run.status, run.exit_code) {
        (RunStatus::Ok, _) => "ok".to_string(),
        (RunStatus::Failed, Some(c)) => format!("failed (exit {c})"),
        (s, _) => s.as_str().to_string(),
    };
    let id = short_run_id(&run.run_id);
    let undo = (kind == Kind::Changed && run.command == "backup restore")
        .then(|| format!("hostops --ticket {} backup undo {id}", run.ticket));
    let resume = (run.command == "migrate run"
        && matches!(run.status, RunStatus::Interrupted | RunStatus::Failed))
    .then(|| format!("hostops --ticket {} migrate run --resume {id}", run.ticket));
    let mut line = format!(
        "{}; {outcome}, {}",
        parts.join(", "),
        human_duration(run.duration_ms)
    );
    if let Some(u) = &undo {
        line.push_str(&format!(" (undo: `{u}`)"));
    }
    Phrase {
        line,
        kind,
        undo,
        resume,
    }
}

/// The words of a run that escalated, reported or closed the ticket.
fn ticket_event(events: &[&StoredEvent]) -> Option<String> {
    let words: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Escalation(x) => Some(format!(
                "escalated {} → L{}: {}",
                super::level_name(x.from),
                x.to,
                one_line(&x.note)
            )),
            Event::Reported { text } => Some(format!(
                "recorded the customer's report: {}",
                one_line(text)
            )),
            Event::Closed { note } => Some(match note {
                Some(n) => format!("closed the ticket: {}", one_line(n)),
                None => "closed the ticket".to_string(),
            }),
            _ => None,
        })
        .collect();
    (!words.is_empty()).then(|| words.join("; "))
}

/// A plan summary without the host list exec plans carry (`... on 3 host(s): a, b, c`).
fn shorten(summary: &str) -> String {
    match summary.find(" host(s): ") {
        Some(i) => format!("{} host(s)", &summary[..i]),
        None => summary.to_string(),
    }
}

/// `restore bob ...` → `restored bob ...`.
fn past(summary: &str) -> String {
    let (verb, rest) = summary.split_once(' ').unwrap_or((summary, ""));
    match PAST.iter().find(|(v, _)| *v == verb) {
        Some((_, done)) => format!("{done} {rest}"),
        None => format!("applied: {summary}"),
    }
}

/// A run that changed nothing: the command, its operands, and its last finding.
fn checked(run: &RunSummary, notes: &[&str]) -> String {
    let operands: Vec<&str> = run
        .argv
        .iter()
        .skip_while(|a| !run.command.split(' ').next_back().is_some_and(|w| w == *a))
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .take(4)
        .collect();
    let mut what = format!("{} {}", run.command, operands.join(" "));
    what = what.trim_end().to_string();
    if let Some(last) = notes.last() {
        what.push_str(&format!(
            ": {}",
            one_line(last.lines().next().unwrap_or_default())
        ));
    }
    what
}

/// How the remote commands went, per host: `2 ok, 1 failed, 1 unreachable` (a host the plan
/// named that ran nothing counts as unreachable).
fn hosts(events: &[&StoredEvent], notes: &[&str]) -> Option<String> {
    let mut seen: Vec<(&str, bool)> = Vec::new();
    for e in events {
        if let Event::Exec(x) = &e.event {
            let ok = x.error.is_none() && x.exit_code == Some(0);
            match seen.iter_mut().find(|(h, _)| *h == x.host) {
                Some((_, all_ok)) => *all_ok &= ok,
                None => seen.push((&x.host, ok)),
            }
        }
    }
    let planned: Vec<&str> = notes
        .iter()
        .find_map(|n| n.strip_prefix("plan: "))
        .and_then(|p| p.lines().next()?.split_once(" host(s): "))
        .map(|(_, names)| names.split(", ").collect())
        .unwrap_or_default();
    let unreachable = planned
        .iter()
        .filter(|p| !seen.iter().any(|(h, _)| h == *p))
        .count();
    let ok = seen.iter().filter(|(_, ok)| *ok).count();
    let failed = seen.len() - ok;
    let counts: Vec<String> = [(ok, "ok"), (failed, "failed"), (unreachable, "unreachable")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
    (planned.len() > 1 || failed + unreachable > 0 || seen.len() > 1)
        .then(|| counts.join(", "))
        .filter(|_| !counts.is_empty())
}

/// The steps of a long operation: resumed, where it failed or stopped, verified.
fn steps(run: &RunSummary, events: &[&StoredEvent]) -> Vec<String> {
    let steps: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Step(s) => Some(s),
            _ => None,
        })
        .collect();
    let mut words = Vec::new();
    if steps.iter().any(|s| s.origin != run.run_id) {
        words.push("resumed".to_string());
    }
    for s in steps.iter().filter(|s| !s.ok) {
        words.push(format!("{} failed at {}", s.unit, s.step));
    }
    if let (RunStatus::Interrupted, Some(last)) = (run.status, steps.last()) {
        words.push(format!("interrupted after {} ({})", last.step, last.unit));
    }
    if steps.iter().any(|s| s.ok && s.step == "verify") {
        words.push("verified".to_string());
    }
    words
}
