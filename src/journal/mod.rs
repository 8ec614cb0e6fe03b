//! The append-only record of every run, keyed by helpdesk ticket: SQLite (embedded), each event
//! hash-chained to the one before so that a row edited or deleted in the middle is detected (and,
//! against a head recorded outside, a rewrite or truncation), and secrets redacted before
//! anything is written.

mod chain;
pub mod event;
pub mod query;
pub mod redact;
pub mod since;
mod store;
mod verify;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context as _, Result};

pub use chain::{parse_anchor, Anchor, Head, Verification, ANCHOR_MIN};
pub use event::{
    Captured, CopyEvent, Event, ExecEvent, ExecStart, RunEnd, RunStart, RunStatus, StepEvent,
};
pub use query::{RunSummary, StoredEvent};
pub use redact::Redactor;
pub use store::{timestamp_text, Journal};

use crate::ticket::Ticket;

/// Where the journal lives unless --journal or HOSTOPS_JOURNAL says otherwise.
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hostops")
        .context("cannot find a home directory for the journal: pass --journal PATH")?;
    Ok(dirs.data_dir().join("journal.sqlite"))
}

/// The journal of one run: what the transport wrapper and the ops write through.
pub struct RunLog {
    journal: Arc<Journal>,
    run_id: String,
    ticket: Ticket,
    redactor: Arc<Redactor>,
    started: Instant,
}

impl RunLog {
    /// Records the start of a run and returns its handle.
    pub fn start(
        journal: Arc<Journal>,
        ticket: Ticket,
        start: RunStart,
        redactor: Arc<Redactor>,
    ) -> Result<RunLog> {
        let run_id = new_run_id();
        let log = RunLog {
            journal,
            run_id,
            ticket,
            redactor,
            started: Instant::now(),
        };
        log.record(Event::RunStart(start))?;
        Ok(log)
    }

    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// The journal this run writes to.
    pub fn journal(&self) -> &Arc<Journal> {
        &self.journal
    }

    pub fn ticket(&self) -> &Ticket {
        &self.ticket
    }

    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Appends one event (redacted) to the chain.
    pub fn record(&self, event: Event) -> Result<()> {
        self.append(event).map(drop)
    }

    fn append(&self, mut event: Event) -> Result<Head> {
        event.redact(&self.redactor);
        self.journal
            .append(&self.run_id, self.ticket.as_str(), &event)
    }

    /// Records how the run ended; returns the chain head after it, the run summary's anchor.
    pub fn finish(&self, exit_code: i32, status: RunStatus) -> Result<Head> {
        self.append(Event::RunEnd(RunEnd {
            exit_code,
            status,
            duration_ms: self.started.elapsed().as_millis() as u64,
        }))
    }
}

/// A run ID no other run shares, on any machine: 122 random bits as a UUID
/// (`1b4e28ba-2fa1-4d3b-883f-0016d3cca427`). Commands that take a run ID also take a unique
/// prefix of it (`query::RUN_PREFIX_MIN` characters or more).
fn new_run_id() -> String {
    uuid::Uuid::new_v4().hyphenated().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids_do_not_collide() {
        // The old IDs (time to the second + 16 random bits) repeated within one second.
        let ids: std::collections::HashSet<String> = (0..100_000).map(|_| new_run_id()).collect();
        assert_eq!(ids.len(), 100_000);
    }

    #[test]
    fn a_run_id_is_a_uuid() {
        let id = new_run_id();
        let parsed = uuid::Uuid::parse_str(&id).unwrap();
        assert_eq!(parsed.hyphenated().to_string(), id);
        assert_eq!(parsed.get_version_num(), 4);
    }
}
