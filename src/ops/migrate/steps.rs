//! The steps of one account's migration and the record of which are done, read back from the
//! journal, so an interrupted run continues without redoing finished work.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::journal::{query, Journal, RunStatus};
use crate::ops::runner::{self, Journaled, StepName, Typed};
use crate::ops::transfer::Route;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The home directory streamed into the target's temporary directory (panels that
    /// package without it).
    Home,
    Package,
    Transfer,
    Restore,
    /// The streamed home directory put in place in the restored account.
    PlaceHome,
    Verify,
    Cleanup,
}

/// Steps done one after the other.
pub type Lane = &'static [Step];

/// The stages of one account's migration, in order; the lanes of one stage run at the same
/// time. When the panel packages without the home directory, the home streams to the target
/// (on connections of its own) while the rest is packaged, moved and restored, and goes in
/// place once both are done.
pub fn stages(streamed_home: bool) -> &'static [&'static [Lane]] {
    if streamed_home {
        &[
            &[
                &[Step::Home],
                &[Step::Package, Step::Transfer, Step::Restore],
            ],
            &[&[Step::PlaceHome]],
            &[&[Step::Verify]],
            &[&[Step::Cleanup]],
        ]
    } else {
        &[
            &[&[Step::Package]],
            &[&[Step::Transfer]],
            &[&[Step::Restore]],
            &[&[Step::Verify]],
            &[&[Step::Cleanup]],
        ]
    }
}

impl StepName for Step {
    fn name(self) -> &'static str {
        self.as_str()
    }
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Home => "home",
            Step::Package => "package",
            Step::Transfer => "transfer",
            Step::Restore => "restore",
            Step::PlaceHome => "place_home",
            Step::Verify => "verify",
            Step::Cleanup => "cleanup",
        }
    }

    /// Whether a failure of this step can leave a partial account on the target.
    pub fn may_leave_partial_account(self) -> bool {
        matches!(self, Step::Restore | Step::PlaceHome)
    }
}

/// What a migration run was asked to do: journaled first, so `--resume` needs only a run ID.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Request {
    pub from: String,
    pub to: String,
    pub accounts: Vec<String>,
    pub route: Route,
    pub scheduled: Option<String>,
}

/// The journaled name of the request step, and the unit it is journaled for.
pub const REQUEST: &str = "request";
pub const REQUEST_UNIT: &str = "*";
pub const OPERATION: &str = "migrate";

/// Steps already done for a migration, with what they left behind.
pub type Done = Journaled;

/// What the home stream left, and its placing: the account's home directory.
#[derive(Debug, Serialize, Deserialize)]
pub struct Home {
    pub home: String,
}

/// The account's package on the source.
#[derive(Debug, Serialize, Deserialize)]
pub struct Packaged {
    pub archive: String,
}

/// The package, moved to the target.
#[derive(Debug, Serialize, Deserialize)]
pub struct Moved {
    pub archive: String,
    pub bytes: u64,
    pub sha256: String,
}

/// What the target lists of the restored account.
#[derive(Debug, Serialize, Deserialize)]
pub struct Listed {
    pub domains: usize,
    pub databases: usize,
}

/// The output of a step that leaves nothing a later one needs.
#[derive(Debug, Serialize, Deserialize)]
pub struct Nothing {}

/// Each step with the type of its output.
pub const HOME: Typed<Step, Home> = Typed::new(Step::Home);
pub const PACKAGE: Typed<Step, Packaged> = Typed::new(Step::Package);
pub const TRANSFER: Typed<Step, Moved> = Typed::new(Step::Transfer);
pub const RESTORE: Typed<Step, Nothing> = Typed::new(Step::Restore);
pub const PLACE_HOME: Typed<Step, Home> = Typed::new(Step::PlaceHome);
pub const VERIFY: Typed<Step, Listed> = Typed::new(Step::Verify);
pub const CLEANUP: Typed<Step, Nothing> = Typed::new(Step::Cleanup);

/// The run to resume instead of starting `request` over: the latest run in `ticket`'s journal
/// of the same migration (same servers, same accounts), when that run was interrupted.
pub fn interrupted(journal: &Journal, ticket: &str, request: &Request) -> Result<Option<String>> {
    let events = journal.ticket_events(ticket)?;
    let same = |r: &Request| {
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v
        };
        r.from == request.from
            && r.to == request.to
            && sorted(&r.accounts) == sorted(&request.accounts)
    };
    let latest = runner::outputs_of::<Request>(&events, OPERATION, REQUEST)
        .into_iter()
        .rev()
        .find_map(|(id, r)| same(&r).then_some(id));
    Ok(latest.filter(|id| {
        query::summarize(&events)
            .iter()
            .any(|r| &r.run_id == id && r.status == RunStatus::Interrupted)
    }))
}

/// Reads the request and the finished steps of migration run `run_id` (or of the run it
/// resumed) from `ticket`'s journal.
pub fn load(journal: &Journal, ticket: &str, run_id: &str) -> Result<(Request, Done)> {
    let events = journal.ticket_events(ticket)?;
    let done = runner::origin_of(&events, OPERATION, run_id)
        .map(|origin| Journaled::read(&events, OPERATION, &origin));
    let request = match &done {
        Some(done) => done.output::<Request>(REQUEST_UNIT, REQUEST)?,
        None => None,
    };
    let (Some(request), Some(done)) = (request, done) else {
        bail!(
            "ticket {ticket} has no migration run {run_id}: `hostops --ticket {ticket} log list` shows its runs \
             (resume under the ticket the run was made for)"
        );
    };
    Ok((request, done))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use serde_json::json;

    use super::*;
    use crate::context::tests::journaled;

    #[test]
    fn a_journal_written_before_the_step_runner_resumes() {
        let tmp = tempfile::tempdir().unwrap();
        let ctx = journaled(tmp.path());
        let run_id = ctx.run_log().unwrap().run_id().to_string();
        // The rows as the bookkeeping before the runner wrote them.
        let rows: [(&str, &str, Result<serde_json::Value, &str>); 4] = [
            (
                "*",
                REQUEST,
                Ok(
                    json!({"from": "h1", "to": "h2", "accounts": ["bob"], "route": "relay", "scheduled": null}),
                ),
            ),
            (
                "bob",
                "package",
                Ok(json!({"archive": "/home/x/bob.tar.gz"})),
            ),
            (
                "bob",
                "transfer",
                Ok(json!({"archive": "/home/y/bob.tar.gz", "bytes": 7, "sha256": "5a1d"})),
            ),
            ("bob", "restore", Err("restore failed")),
        ];
        for (unit, step, result) in rows {
            ctx.record_step(OPERATION, &run_id, unit, step, &result, Duration::ZERO)
                .unwrap();
        }
        let journal = ctx.open_journal().unwrap();
        let (request, done) = load(&journal, "T-1", &run_id).unwrap();
        assert_eq!((request.from.as_str(), request.accounts.len()), ("h1", 1));
        assert_eq!(done.origin, run_id);
        let moved: Moved = done.output("bob", "transfer").unwrap().unwrap();
        assert_eq!(
            (moved.archive.as_str(), moved.bytes),
            ("/home/y/bob.tar.gz", 7)
        );
        let packaged: Packaged = done.output("bob", "package").unwrap().unwrap();
        assert_eq!(packaged.archive, "/home/x/bob.tar.gz");
        assert!(!done.finished("bob", "restore"));
    }
}
