//! The append-only record of every run, keyed by helpdesk ticket: SQLite (embedded) or
//! PostgreSQL (shared by the team), each event hash-chained to the one before so that a row
//! edited or deleted in the middle is detected (and, against a head recorded outside, a rewrite
//! or truncation), and secrets redacted before anything is written.

mod chain;
pub mod event;
mod handle;
mod pg;
pub mod push;
pub mod query;
pub mod redact;
mod run;
#[cfg(test)]
pub(crate) use run::tests::start as test_start;
pub mod since;
mod sqlite;
mod store;
mod target;
mod verify;

use std::path::PathBuf;

use anyhow::{Context as _, Result};

pub use chain::{parse_anchor, Anchor, Head, Verification, ANCHOR_MIN};
pub use event::{
    Captured, CopyEvent, Escalation, Event, ExecEvent, ExecStart, RunEnd, RunStart, RunStatus,
    StepEvent,
};
pub use handle::Journal;
pub use pg::{init_server, OPERATOR_ROLE};
pub use query::{RunSummary, StoredEvent};
pub use redact::Redactor;
pub use run::{Fallback, RunLog};
pub use store::{timestamp_text, Entry};
pub use target::{PgUrl, Target};

/// Where the journal lives unless --journal or HOSTOPS_JOURNAL says otherwise.
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "hostops")
        .context("cannot find a home directory for the journal: pass --journal PATH")?;
    Ok(dirs.data_dir().join("journal.sqlite"))
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
