//! The append-only record of every run, keyed by helpdesk ticket: SQLite (embedded), each event
//! hash-chained to the one before so that an edited or deleted row is detected, and secrets
//! redacted before anything is written.

mod chain;
pub mod event;
pub mod query;
pub mod redact;
mod store;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context as _, Result};

pub use chain::Verification;
pub use event::{Captured, CopyEvent, Event, ExecEvent, RunEnd, RunStart, RunStatus, StepEvent};
pub use query::{RunSummary, StoredEvent};
pub use redact::Redactor;
pub use store::Journal;

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
    pub fn record(&self, mut event: Event) -> Result<()> {
        event.redact(&self.redactor);
        self.journal
            .append(&self.run_id, self.ticket.as_str(), &event)
    }

    /// Records how the run ended.
    pub fn finish(&self, exit_code: i32, status: RunStatus) -> Result<()> {
        self.record(Event::RunEnd(RunEnd {
            exit_code,
            status,
            duration_ms: self.started.elapsed().as_millis() as u64,
        }))
    }
}

/// A run ID that sorts by time and is short enough to type: `20261122-103001-7f3a`.
fn new_run_id() -> String {
    use sha2::{Digest, Sha256};
    let now = jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::UTC);
    let seed = format!(
        "{} {} {:?}",
        now.timestamp().as_nanosecond(),
        std::process::id(),
        std::thread::current().id()
    );
    let tag = Sha256::digest(seed.as_bytes());
    format!(
        "{}-{:02x}{:02x}",
        now.strftime("%Y%m%d-%H%M%S"),
        tag[0],
        tag[1]
    )
}
