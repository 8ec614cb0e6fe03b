//! `mail trace`'s report for people (one row per message, then each message's recipients and
//! log lines) and its exit code: 0 messages found, 1 none, 3 the server could not be reached.

use crate::app;
use crate::exit::ExitStatus;
use crate::ops::mail::join::Verdict;
use crate::ops::mail::trace::Trace;
use crate::ops::outcome::Outcome;
use crate::output::{verdict, Printer, Table};

impl app::Report for Trace {
    fn render(&self, p: &Printer) {
        if let Some(error) = &self.error {
            let mut t = Table::new(["HOST", "OUTCOME", "ERROR"]);
            t.row([
                self.host.clone(),
                verdict(false, self.outcome.as_str()),
                error.clone(),
            ]);
            p.table(&t);
            return;
        }
        if self.mta.is_none() {
            p.warn(format!(
                "{}: no exim main log found (/var/log/exim_mainlog, /var/log/exim/mainlog, /var/log/exim4/mainlog)",
                self.host
            ));
            return;
        }
        let mut t = Table::new(["ID", "TIME", "FROM", "VERDICT", "REASON"]);
        for m in &self.messages {
            t.row([
                m.id.clone().unwrap_or_else(|| "-".to_string()),
                m.time.clone(),
                m.sender.clone().unwrap_or_else(|| "-".to_string()),
                verdict(
                    matches!(m.verdict, Verdict::Delivered),
                    m.verdict.as_str(),
                ),
                m.reason.clone(),
            ]);
        }
        p.table(&t);
        for m in &self.messages {
            p.data(format!(
                "\n{} ({}):",
                m.id.as_deref().unwrap_or("refused during SMTP"),
                m.verdict.as_str()
            ));
            for line in &m.lines {
                p.data(format!("  {line}"));
            }
        }
        p.status(format!(
            "{}: {} message(s) found in {} ({} shown; {} bytes over SSH)",
            self.host,
            self.found,
            self.files.join(", "),
            self.messages.len(),
            self.bytes
        ));
    }

    fn status(&self) -> ExitStatus {
        match self.outcome {
            Outcome::Ok if !self.messages.is_empty() => ExitStatus::Success,
            Outcome::Ok | Outcome::Failed => ExitStatus::Failure,
            Outcome::Unreachable => ExitStatus::Connection,
            Outcome::Interrupted => ExitStatus::Interrupted,
        }
    }
}
