//! `blacklist investigate`'s report for people (the server's figures, the evidence, the likely
//! source and what to run next) and its exit code: 0 nothing stands out, 1 a likely source,
//! 3 the server could not be reached.

use crate::app;
use crate::exit::ExitStatus;
use crate::ops::blacklist::host::Outcome;
use crate::ops::blacklist::investigate::{self, FailedLogins, Investigation};
use crate::output::{verdict, Printer, Table};

impl app::Report for Investigation {
    fn render(&self, p: &Printer) {
        match &self.error {
            None => render_found(p, self),
            Some(error) => {
                let mut t = Table::new(["HOST", "OUTCOME", "ERROR"]);
                t.row([
                    self.host.clone(),
                    verdict(false, self.outcome.as_str()),
                    error.clone(),
                ]);
                p.table(&t);
            }
        }
    }

    fn status(&self) -> ExitStatus {
        match self.outcome {
            Outcome::Ok if self.sources.is_empty() => ExitStatus::Success,
            Outcome::Ok | Outcome::Failed => ExitStatus::Failure,
            Outcome::Unreachable => ExitStatus::Connection,
            Outcome::Interrupted => ExitStatus::Interrupted,
        }
    }
}

/// The host's queue and log figures, the evidence, and the likely source with what to run next.
fn render_found(p: &Printer, inv: &Investigation) {
    let n = |v: Option<u64>| v.map_or("-".to_string(), |v| v.to_string());
    let Some(mta) = &inv.mta else {
        p.warn(format!(
            "{}: neither exim nor postfix (nor their logs) found: nothing to investigate",
            inv.host
        ));
        return;
    };
    let mut t = Table::new([
        "HOST",
        "MTA",
        "QUEUE",
        "FROZEN/HELD",
        "QUEUED BOUNCES",
        "LOG",
        "RECEIVED",
        "BOUNCED",
    ]);
    t.row([
        inv.host.clone(),
        mta.clone(),
        n(inv.queue.size),
        n(inv.queue.frozen.or(inv.queue.held)),
        n(inv.queue.bounces),
        inv.log.clone().unwrap_or_else(|| "-".into()),
        n(inv.received),
        n(inv.bounced),
    ]);
    p.table(&t);
    let mut t = Table::new(["EVIDENCE", "NAME", "MESSAGES"]);
    let groups = [
        ("queued from", &inv.queue.senders),
        ("mailbox login", &inv.mailboxes),
        ("script dir", &inv.scripts),
        ("local account", &inv.accounts),
        ("over hourly limit", &inv.rate_limited),
    ];
    for (what, counts) in groups {
        for c in counts.iter().take(5) {
            t.row([what.to_string(), c.name.clone(), c.count.to_string()]);
        }
    }
    p.data("");
    p.table(&t);
    if let Some(line) = failed_logins_line(&inv.failed_logins) {
        p.data(format!("\n{line}"));
    }
    match inv.sources.first() {
        None => p.data("\nNo likely source: no sender stands out in the queue or the log."),
        Some(s) => {
            p.data(format!(
                "\nLikely source: {} {}: {}",
                s.kind.word(),
                s.name,
                s.evidence
            ));
            p.data("Next (hostops changes nothing by itself):");
            for line in &s.next {
                p.data(format!("  {line}"));
            }
            for other in inv.sources.iter().skip(1).take(4) {
                p.data(format!("Also: {}", other.evidence));
            }
        }
    }
}

/// Password guessing, on a line of its own: failed logins send nothing, so they are never
/// a source, but a mailbox being guessed at is worth knowing.
fn failed_logins_line(f: &FailedLogins) -> Option<String> {
    let count = f.count.filter(|c| *c > 0)?;
    let top = |counts: &[investigate::Count]| {
        counts
            .iter()
            .take(5)
            .map(|c| format!("{} ({})", c.name, c.count))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut line = format!("Password guessing: {count} failed SMTP login(s)");
    if !f.usernames.is_empty() {
        line.push_str(&format!("; usernames tried: {}", top(&f.usernames)));
    }
    if !f.clients.is_empty() {
        line.push_str(&format!("; from: {}", top(&f.clients)));
    }
    Some(line)
}
