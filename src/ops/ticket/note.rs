//! The hand-over note to paste into the helpdesk: the summary first (what the customer
//! reported, what was checked, what was changed and how to undo it, what remains, the question
//! for the next level), then the evidence (runs, verdicts, the journal head). Remote commands
//! only when asked (`-v`); secrets never (the journal has none).

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use super::{level_name, Entry, Escalated, Kind, Timeline};
use crate::context::Context;
use crate::journal::query::short_run_id;
use crate::journal::{Event, Head};
use crate::ops::handoff::one_line;
use crate::output::human_duration;

#[derive(Debug, Serialize)]
pub struct Note {
    pub ticket: String,
    pub level: Option<u8>,
    pub open: bool,
    pub reported: Vec<String>,
    pub escalation: Option<Escalated>,
    pub checked: Vec<String>,
    /// The operator's own commands (`exec`): what they did is theirs to say.
    pub ran: Vec<String>,
    pub changed: Vec<String>,
    pub remains: Vec<String>,
    /// For the vendor (L4): what the diagnosing runs found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub vendor_facts: Vec<String>,
    pub time_spent: Vec<String>,
    pub evidence: Vec<Evidence>,
    pub journal_head: Option<Head>,
}

#[derive(Debug, Serialize)]
pub struct Evidence {
    pub run_id: String,
    pub started: String,
    pub operator: String,
    pub level: Option<u8>,
    pub command: String,
    pub verdict: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub commands: Vec<String>,
}

/// `ticket handoff`: the note of `ticket` (exit 1 when nothing is recorded of it).
pub fn handoff(ctx: &Context, ticket: &str, verbose: bool) -> Result<Note> {
    let t = super::show(ctx, ticket, verbose)?;
    let events = ctx.read_journal()?.ticket_events(ticket)?;
    let diagnosing: Vec<&str> = t
        .work()
        .filter(|e| e.command.starts_with("diagnose"))
        .map(|e| e.run_id.as_str())
        .collect();
    let vendor_facts = events
        .iter()
        .filter(|e| diagnosing.contains(&e.run_id.as_str()))
        .filter_map(|e| match &e.event {
            Event::Note { text } => Some(one_line(text)),
            _ => None,
        })
        .collect();
    Ok(note(&t, vendor_facts))
}

fn note(t: &Timeline, vendor_facts: Vec<String>) -> Note {
    let line = |e: &Entry| format!("{} ({}, {})", e.phrase.line, who(e), level_name(e.level));
    let of = |kind: Kind| -> Vec<String> {
        t.work()
            .filter(|e| e.phrase.kind == kind)
            .map(line)
            .collect()
    };
    let escalation = t.last_escalation().cloned();
    Note {
        ticket: t.ticket.clone(),
        level: t.level,
        open: t.open,
        reported: t.reported.iter().map(|r| one_line(r)).collect(),
        remains: remains(t, escalation.as_ref()),
        vendor_facts: if t.level == Some(4) {
            vendor_facts
        } else {
            Vec::new()
        },
        escalation,
        checked: of(Kind::Checked),
        ran: of(Kind::Ran),
        changed: of(Kind::Changed),
        time_spent: time_spent(t),
        evidence: t
            .work()
            .map(|e| Evidence {
                run_id: e.run_id.clone(),
                started: e.started.clone(),
                operator: e.operator.clone(),
                level: e.level,
                command: e.command.clone(),
                verdict: match e.exit_code {
                    Some(c) => format!("{} (exit {c})", e.status.as_str()),
                    None => e.status.as_str().to_string(),
                },
                commands: e.commands.clone(),
            })
            .collect(),
        journal_head: t.journal_head.clone(),
    }
}

fn who(e: &Entry) -> &str {
    e.operator.split('@').next().unwrap_or_default()
}

/// Runs whose last attempt did not finish well, and the question the ticket was escalated with.
fn remains(t: &Timeline, escalation: Option<&Escalated>) -> Vec<String> {
    let work: Vec<&Entry> = t.work().collect();
    let mut left = Vec::new();
    for (i, e) in work.iter().enumerate() {
        let retried = work[i + 1..]
            .iter()
            .any(|later| later.command == e.command && later.status.as_str() == "ok");
        if e.status.as_str() == "ok" || retried {
            continue;
        }
        let next = match &e.phrase.resume {
            Some(cmd) => format!("resume with `{cmd}`"),
            None => format!("see run {}", short_run_id(&e.run_id)),
        };
        left.push(format!("`{}` {}: {next}", e.command, e.status.as_str()));
    }
    if let (Some(x), true) = (escalation, t.open) {
        let asked = match x.escalation.to {
            4 => "For the vendor (L4)".to_string(),
            5 => "Policy question for L5".to_string(),
            l => format!("Asked of L{l}"),
        };
        left.push(format!("{asked}: {}", one_line(&x.escalation.note)));
    }
    if !t.open {
        left.push("nothing: the ticket is closed".to_string());
    }
    left
}

fn time_spent(t: &Timeline) -> Vec<String> {
    let mut lines = vec![format!("{} in all", human_duration(t.total_ms))];
    lines.extend(t.levels.iter().map(|l| {
        format!(
            "{}: {} in {} run(s)",
            level_name(l.level),
            human_duration(l.duration_ms),
            l.runs
        )
    }));
    lines.extend(t.operators.iter().map(|o| {
        format!(
            "{}: {} in {} run(s)",
            o.operator,
            human_duration(o.duration_ms),
            o.runs
        )
    }));
    lines
}

/// How the note is written out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Markdown,
    Text,
}

impl Note {
    pub fn write(&self, style: Style) -> String {
        let md = style == Style::Markdown;
        let mut out = String::new();
        let state = if self.open { "open" } else { "closed" };
        let title = format!(
            "Ticket {}: hand-over at {} ({state})",
            self.ticket,
            level_name(self.level)
        );
        let _ = writeln!(out, "{}{}\n", if md { "### " } else { "" }, esc(&title, md));
        if let Some(x) = &self.escalation {
            let _ = writeln!(
                out,
                "Escalated {} → L{} by {} at {}.\n",
                level_name(x.escalation.from),
                x.escalation.to,
                esc(&x.by, md),
                to_the_minute(&x.at)
            );
        }
        let sections: [(&str, &[String]); 6] = [
            ("Reported by the customer", &self.reported),
            ("What was checked", &self.checked),
            ("Commands run", &self.ran),
            ("What was changed", &self.changed),
            ("What remains", &self.remains),
            ("Facts for the vendor", &self.vendor_facts),
        ];
        for (name, lines) in sections {
            if lines.is_empty() && name != "What was changed" {
                continue;
            }
            heading(&mut out, name, md);
            if lines.is_empty() {
                let _ = writeln!(out, "- nothing");
            }
            for l in lines {
                let _ = writeln!(out, "- {}", esc(l, md));
            }
            out.push('\n');
        }
        heading(&mut out, "Time spent", md);
        for l in &self.time_spent {
            let _ = writeln!(out, "- {}", esc(l, md));
        }
        out.push('\n');
        heading(&mut out, "Evidence", md);
        for e in &self.evidence {
            let _ = writeln!(
                out,
                "- run {} {} {} {} `{}`: {}",
                short_run_id(&e.run_id),
                to_the_minute(&e.started),
                esc(&e.operator, md),
                level_name(e.level),
                e.command,
                e.verdict
            );
            for c in &e.commands {
                let _ = writeln!(out, "  - {}", esc(c, md));
            }
        }
        if let Some(h) = &self.journal_head {
            let _ = writeln!(
                out,
                "\nJournal head: `{}` (row {}); `hostops log verify --head {}` shows whether the \
                 journal was rewritten since.",
                h.hash,
                h.seq,
                h.short()
            );
        }
        out
    }
}

fn heading(out: &mut String, name: &str, md: bool) {
    let _ = if md {
        writeln!(out, "**{name}**")
    } else {
        writeln!(out, "{name}:")
    };
}

/// Text from operators and servers, kept from becoming markup in Markdown (HTML tags, table
/// pipes); plain text as it is. One line either way.
fn esc(s: &str, md: bool) -> String {
    let flat = s.replace(['\n', '\r'], " ");
    if !md {
        return flat;
    }
    flat.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
}

/// `2026-11-22T10:30:01.123456Z` → `2026-11-22 10:30`.
fn to_the_minute(at: &str) -> String {
    at.get(..16).unwrap_or(at).replace('T', " ")
}
