//! What `log list|show|export|verify` read from the journal, as typed reports: runs, a
//! ticket's hand-over report, the chain verified. Reading never creates or changes the journal.

use anyhow::Result;
use serde::Serialize;

use super::handoff::{self, TicketReport};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::journal::{RunSummary, Verification};

/// `log list`: runs, newest last.
#[derive(Debug, Serialize)]
pub struct RunList {
    pub runs: Vec<RunSummary>,
}

/// The runs of `ticket` (every ticket when None) started at or after `since` (journal
/// timestamp text).
pub fn runs(ctx: &Context, ticket: Option<&str>, since: Option<&str>) -> Result<RunList> {
    let runs = ctx.read_journal()?.runs(ticket, since)?;
    Ok(RunList { runs })
}

/// What the next support level needs about `ticket` (exit 1 when it has no runs).
pub fn ticket(ctx: &Context, ticket: &str) -> Result<TicketReport> {
    let journal = ctx.read_journal()?;
    let r = handoff::ticket_report(&journal, ticket)?;
    if r.runs.is_empty() {
        return Err(StatusError {
            status: ExitStatus::Failure,
            message: format!(
                "no runs recorded for ticket {ticket} in `{}`",
                journal.name()
            ),
        }
        .into());
    }
    Ok(r)
}

/// `log verify`: the chain checked, and the journal it was read from.
#[derive(Debug, Serialize)]
pub struct JournalCheck {
    /// Where the journal is, as people are told (not in the JSON: the caller knows).
    #[serde(skip)]
    pub journal: String,
    #[serde(flatten)]
    pub verification: Verification,
}

/// Walks the whole chain; with `anchor` (a head recorded earlier), also looks for it.
pub fn verify(ctx: &Context, anchor: Option<&str>) -> Result<JournalCheck> {
    let journal = ctx.read_journal()?;
    let verification = journal.verify(anchor)?;
    Ok(JournalCheck {
        journal: journal.name().to_string(),
        verification,
    })
}
