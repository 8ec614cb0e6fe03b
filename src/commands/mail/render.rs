//! `mail check`'s table of verdicts (0 all ok, 1 findings, 3 not checked); `mail trace`'s report for people (one row per message, then each message's log lines) and
//! its exit code: 0 messages found, 1 none, 3 the server could not be reached; `mail queue`'s
//! figures (0 read, 1 neither exim nor postfix or a failed probe, 3 unreachable).

use crate::app;
use crate::exit::ExitStatus;
use crate::ops::blacklist::investigate::Count;
use crate::ops::mail::check::{MailCheck, Verdict as CheckVerdict};
use crate::ops::mail::join::Verdict;
use crate::ops::mail::mta::Mta;
use crate::ops::mail::queue::Queue;
use crate::ops::mail::trace::Trace;
use crate::ops::outcome::Outcome;
use crate::output::{human_bytes, verdict, Printer, Table};

impl app::Report for Trace {
    fn render(&self, p: &Printer) {
        if let Some(error) = &self.error {
            return error_row(p, &self.host, self.outcome, error);
        }
        if self.mta.is_none() {
            p.warn(format!(
                "{}: no exim or postfix mail log found (/var/log/exim_mainlog, /var/log/exim/mainlog, /var/log/exim4/mainlog)",
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
                verdict(matches!(m.verdict, Verdict::Delivered), m.verdict.as_str()),
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
        status(self.outcome, !self.messages.is_empty())
    }
}

fn status(outcome: Outcome, found: bool) -> ExitStatus {
    match outcome {
        Outcome::Ok if found => ExitStatus::Success,
        Outcome::Ok | Outcome::Failed => ExitStatus::Failure,
        Outcome::Unreachable => ExitStatus::Connection,
        Outcome::Interrupted => ExitStatus::Interrupted,
    }
}

fn error_row(p: &Printer, host: &str, outcome: Outcome, error: &str) {
    let mut t = Table::new(["HOST", "OUTCOME", "ERROR"]);
    t.row([
        host.to_string(),
        verdict(false, outcome.as_str()),
        error.to_string(),
    ]);
    p.table(&t);
}

impl app::Report for Queue {
    fn render(&self, p: &Printer) {
        if let Some(error) = &self.error {
            return error_row(p, &self.host, self.outcome, error);
        }
        let Some(mta) = self.mta else {
            return p.warn(format!(
                "{}: neither exim nor postfix on this server",
                self.host
            ));
        };
        let stuck = match mta {
            Mta::Exim => "FROZEN",
            Mta::Postfix => "ON HOLD",
        };
        let mut t = Table::new(["HOST", "MESSAGES", "SIZE", stuck, "OLDEST", "AGES"]);
        t.row([
            self.host.clone(),
            self.count.to_string(),
            human_bytes(self.bytes),
            verdict(self.frozen == 0, &self.frozen.to_string()),
            format!("{} min", self.oldest_minutes),
            list(&self.ages),
        ]);
        p.table(&t);
        if mta == Mta::Postfix {
            p.data(format!("{stuck}: {}", mta.stuck()));
        }
        p.data(format!("queues: {}", list(&self.queues)));
        p.data(format!("top senders: {}", list(&self.senders)));
        p.data(format!("top destination domains: {}", list(&self.domains)));
    }

    fn status(&self) -> ExitStatus {
        status(self.outcome, self.mta.is_some())
    }
}

fn list(counts: &[Count]) -> String {
    if counts.is_empty() {
        return "-".to_string();
    }
    counts
        .iter()
        .map(|c| format!("{} ({})", c.name, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

impl app::Report for MailCheck {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "{} on {} ({}, {})",
            self.address,
            self.host,
            self.panel.as_str(),
            self.server_ip
        ));
        let mut t = Table::new(["CHECK", "VERDICT", "DETAIL"]);
        for c in &self.checks {
            t.row([
                c.check.to_string(),
                verdict(c.verdict <= CheckVerdict::Ok, c.verdict.as_str()),
                c.text.clone(),
            ]);
        }
        p.table(&t);
    }

    /// 0 every check ok or not available, 1 a warning or failure, 3 the resolver could not
    /// be asked.
    fn status(&self) -> ExitStatus {
        if self.dns_unchecked {
            ExitStatus::Connection
        } else if self.checks.iter().any(|c| c.verdict >= CheckVerdict::Warn) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}
