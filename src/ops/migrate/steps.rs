//! The steps of one account's migration and the record of which are done, read back from the
//! journal, so an interrupted run continues without redoing finished work.

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::journal::{query, Event, Journal, RunStatus};
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

/// The journaled name of the request step.
pub const REQUEST: &str = "request";
pub const OPERATION: &str = "migrate";

/// Steps already done for an operation started by `origin`, with what they left behind.
#[derive(Clone, Debug, Default)]
pub struct Done {
    pub origin: String,
    /// Whether this is a resumed run (an earlier one may have stopped in the middle of a step).
    pub resumed: bool,
    steps: Vec<(String, Step, serde_json::Value)>,
}

impl Done {
    pub fn new(origin: &str) -> Done {
        Done {
            origin: origin.to_string(),
            resumed: false,
            steps: Vec::new(),
        }
    }

    pub fn get(&self, user: &str, step: Step) -> Option<&serde_json::Value> {
        self.steps
            .iter()
            .find(|(u, s, _)| u == user && *s == step)
            .map(|(_, _, d)| d)
    }
}

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
    let latest = events.iter().rev().find_map(|e| match &e.event {
        Event::Step(s) if s.operation == OPERATION && s.step == REQUEST => {
            serde_json::from_value::<Request>(s.detail.clone())
                .ok()
                .filter(same)
                .map(|_| e.run_id.clone())
        }
        _ => None,
    });
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
    let request = events.iter().find_map(|e| match &e.event {
        Event::Step(s) if e.run_id == run_id && s.operation == OPERATION && s.step == REQUEST => {
            Some((s.origin.clone(), s.detail.clone()))
        }
        _ => None,
    });
    let Some((origin, detail)) = request else {
        bail!(
            "ticket {ticket} has no migration run {run_id}: `hostops --ticket {ticket} log list` shows its runs \
             (resume under the ticket the run was made for)"
        );
    };
    let request: Request = serde_json::from_value(detail)?;
    let mut done = Done::new(&origin);
    done.resumed = true;
    // The last event of a step wins: a step journaled as done and later undone is not done.
    for e in &events {
        if let Event::Step(s) = &e.event {
            if s.operation == OPERATION && s.origin == origin {
                if let Ok(step) =
                    serde_json::from_value::<Step>(serde_json::Value::String(s.step.clone()))
                {
                    done.steps
                        .retain(|(u, st, _)| !(*u == s.unit && *st == step));
                    if s.ok {
                        done.steps.push((s.unit.clone(), step, s.detail.clone()));
                    }
                }
            }
        }
    }
    Ok((request, done))
}
