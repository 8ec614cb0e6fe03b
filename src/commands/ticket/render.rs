//! The `ticket` reports for people: the timeline, the note, the list, what was recorded.

use serde::Serialize;

use crate::app::Report;
use crate::cli::NoteFormat;
use crate::journal::query::short_run_id;
use crate::ops::ticket::{level_name, Closed, Escalate, Note, Style, TicketList, Timeline};
use crate::output::{human_duration, Printer, Table};

/// `ticket show`: the state, the time per level and operator, then one line per run.
impl Report for Timeline {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "Ticket {}: {}, {}; {} run(s), {} in all",
            self.ticket,
            level_name(self.level),
            if self.open { "open" } else { "closed" },
            self.work().count(),
            human_duration(self.total_ms)
        ));
        for r in &self.reported {
            p.data(format!("Reported: {r}"));
        }
        p.data("");
        let mut t = Table::new(["LEVEL / OPERATOR", "RUNS", "TIME SPENT"]);
        let levels = self
            .levels
            .iter()
            .map(|l| (level_name(l.level), l.runs, l.duration_ms));
        let operators = self
            .operators
            .iter()
            .map(|o| (o.operator.clone(), o.runs, o.duration_ms));
        for (who, runs, ms) in levels.chain(operators) {
            t.row([who, runs.to_string(), human_duration(ms)]);
        }
        p.table(&t);
        p.data("");
        for e in &self.entries {
            p.data(format!(
                "{}  {} {}  {}  [{}]",
                e.started.get(..16).unwrap_or(&e.started).replace('T', " "),
                level_name(e.level),
                e.operator,
                e.phrase.line,
                short_run_id(&e.run_id)
            ));
            for c in &e.commands {
                p.data(format!("      {c}"));
            }
        }
    }
}

/// `ticket handoff --format markdown|text`: the note (`{"format", "note"}` in the envelope).
#[derive(Debug, Serialize)]
pub struct Written {
    pub format: &'static str,
    pub note: String,
}

impl Written {
    pub fn of(note: &Note, format: NoteFormat) -> Written {
        let (name, style) = match format {
            NoteFormat::Text => ("text", Style::Text),
            _ => ("markdown", Style::Markdown),
        };
        Written {
            format: name,
            note: note.write(style),
        }
    }
}

impl Report for Written {
    fn render(&self, p: &Printer) {
        p.data(self.note.trim_end());
    }
}

impl Report for TicketList {
    fn render(&self, p: &Printer) {
        let mut t = Table::new([
            "TICKET",
            "LEVEL",
            "STATE",
            "RUNS",
            "TIME",
            "OPERATORS",
            "LAST (UTC)",
        ]);
        for r in &self.tickets {
            t.row([
                r.ticket.clone(),
                level_name(r.level),
                if r.open { "open" } else { "closed" }.to_string(),
                r.runs.to_string(),
                human_duration(r.total_ms),
                r.operators.join(", "),
                r.last_activity
                    .get(..16)
                    .unwrap_or(&r.last_activity)
                    .replace('T', " "),
            ]);
        }
        p.table(&t);
    }
}

impl Report for Escalate {
    fn render(&self, p: &Printer) {
        p.status(format!(
            "ticket {} escalated {} → L{}; `hostops ticket handoff {}` writes the note for the \
             helpdesk",
            self.ticket,
            level_name(self.escalation.from),
            self.escalation.to,
            self.ticket
        ));
    }
}

impl Report for Closed {
    fn render(&self, p: &Printer) {
        p.status(format!("ticket {} closed", self.ticket));
    }
}

/// `ticket handoff --format json`: the note as a document; for people, the Markdown.
impl Report for Note {
    fn render(&self, p: &Printer) {
        p.data(self.write(Style::Markdown).trim_end());
    }
}
