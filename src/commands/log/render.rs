//! The `log` reports for people: the runs table, a ticket's timeline, the hand-over note or
//! document, the verified chain, and the summary line every journaled run ends with.

use serde::Serialize;

use crate::app::Report;
use crate::exit::ExitStatus;
use crate::journal::query::short_run_id;
use crate::journal::{Anchor, Head};
use crate::ops::handoff::{self, TicketReport};
use crate::ops::journal_read::{JournalCheck, RunList, Touched};
use crate::output::{human_duration, verdict, Printer, Table};

impl Report for RunList {
    fn render(&self, p: &Printer) {
        let mut t = Table::new([
            "RUN",
            "TICKET",
            "STARTED (UTC)",
            "OPERATOR",
            "LEVEL",
            "COMMAND",
            "TOUCHED",
            "STATUS",
            "TIME",
        ]);
        for row in &self.runs {
            let r = &row.summary;
            t.row([
                short_run_id(&r.run_id).to_string(),
                r.ticket.clone(),
                to_the_second(&r.started),
                format!("{}@{}", r.operator, r.machine),
                row.level.map_or("-".into(), |l| format!("L{l}")),
                format!("{}{}", r.command, if r.dry_run { " (dry run)" } else { "" }),
                touched(&row.touched),
                status_text(r.status.as_str(), r.exit_code),
                human_duration(r.duration_ms),
            ]);
        }
        p.table(&t);
    }
}

/// `h1, h2: bob, example.com`: the hosts, then the accounts and domains (`-` for nothing).
fn touched(t: &Touched) -> String {
    let mut out = t.hosts.join(", ");
    let named: Vec<&str> = t
        .accounts
        .iter()
        .chain(&t.domains)
        .map(String::as_str)
        .collect();
    if !named.is_empty() {
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&named.join(", "));
    }
    if out.is_empty() {
        "-".into()
    } else {
        out
    }
}

/// `log show`: time per operator, then each run with what it did.
impl Report for TicketReport {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "Ticket {}: {} run(s), {} in all\n",
            self.ticket,
            self.runs.len(),
            human_duration(self.total_ms)
        ));
        let mut t = Table::new(["OPERATOR", "RUNS", "TIME SPENT"]);
        for o in &self.operators {
            t.row([
                o.operator.clone(),
                o.runs.to_string(),
                human_duration(o.duration_ms),
            ]);
        }
        p.table(&t);
        p.data("");
        for run in &self.runs {
            let s = &run.summary;
            p.data(format!(
                "{}  {}@{}  {}{}  {}  {}  [{}]",
                to_the_second(&s.started),
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
    }
}

/// `log export --format markdown`: the note to paste into the ticket (`{"markdown": ...}` in
/// the envelope). With `--format json` the export is the hand-over document itself.
#[derive(Debug, Serialize)]
pub struct Markdown {
    pub markdown: String,
}

impl Report for Markdown {
    fn render(&self, p: &Printer) {
        p.raw(self.markdown.as_bytes());
    }
}

/// `log verify`: intact or every problem found, the anchor asked about, and what the check can
/// and cannot detect. A tampered journal exits 1.
impl Report for JournalCheck {
    fn render(&self, p: &Printer) {
        let v = &self.verification;
        let path = &self.journal;
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

    fn status(&self) -> ExitStatus {
        if self.verification.intact() {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

/// A journal timestamp to the second, `T` as a space.
fn to_the_second(at: &str) -> String {
    at[..19.min(at.len())].replace('T', " ")
}

fn status_text(status: &str, exit: Option<i32>) -> String {
    let ok = status == "ok";
    match exit {
        Some(c) => verdict(ok, &format!("{status} ({c})")),
        None => verdict(ok, status),
    }
}

/// The last line of every journaled run (stderr): its ID and the chain head after it, an anchor
/// to keep outside the journal (`log verify --head`). With --json the envelope carries both.
pub fn print_run_summary(printer: &Printer, run_id: &str, head: &Head) {
    printer.status(format!(
        "run {run_id} journaled; journal head: {} (check later: hostops log verify --head {})",
        head.short(),
        head.short()
    ));
}
