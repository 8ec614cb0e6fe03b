//! `backup undo`: puts back the account a restore replaced, from the safety snapshot that run
//! journaled, and proves it by the state fingerprint taken before the restore.

use anyhow::{bail, Result};

use super::restore::Snapshot;
use super::state;
use super::OPERATION;
use crate::exit::StatusError;
use crate::journal::{Event, Journal};
use crate::panel::listing::{self};
use crate::panel::{self, backup, Account, Panel};
use crate::transport::Transport;

/// The snapshot journaled by restore run `run_id` of `ticket`.
pub fn load(journal: &Journal, ticket: &str, run_id: &str) -> Result<Snapshot> {
    let found = journal
        .ticket_events(ticket)?
        .into_iter()
        .find_map(|e| match e.event {
            Event::Step(s)
                if s.operation == OPERATION
                    && s.origin == run_id
                    && s.step == "snapshot"
                    && s.ok =>
            {
                Some(s.detail)
            }
            _ => None,
        });
    match found {
        Some(detail) => Ok(serde_json::from_value(detail)?),
        None => bail!(StatusError::usage(format!(
            "ticket {ticket} has no backup restore run {run_id}: `hostops --ticket {ticket} log show` lists its runs \
             (undo under the ticket the restore was made for)"
        ))),
    }
}

/// What undoing will do, in words (for the preview and the confirmation).
pub fn describe(s: &Snapshot) -> Result<String> {
    match (&s.path, s.existed) {
        (Some(path), _) => Ok(format!(
            "replace account {} on {} with the safety snapshot {path}",
            s.account, s.host
        )),
        (None, false) => Ok(format!(
            "remove account {} from {} (it did not exist before the restore)",
            s.account, s.host
        )),
        (None, true) => bail!(StatusError::refused(format!(
            "the restore of {} on {} was made with --no-snapshot: there is nothing to put back",
            s.account, s.host
        ))),
    }
}

/// Checks the snapshot is there and readable before anything changes.
pub fn check(t: &dyn Transport, s: &Snapshot) -> Result<()> {
    if let Some(path) = &s.path {
        listing::list(t, &backup::archive_or_dir(path)).map_err(|e| {
            StatusError::refused(format!("the safety snapshot cannot be used: {e:#}"))
        })?;
    }
    Ok(())
}

/// Undoes the restore; returns how the result differs from the state before it (empty: the
/// same).
pub fn apply(t: &dyn Transport, panel: &dyn Panel, s: &Snapshot) -> Result<Vec<String>> {
    let current = panel.accounts(t)?.into_iter().find(|a| a.user == s.account);
    let account = current.clone().unwrap_or_else(|| Account {
        user: s.account.clone(),
        domains: s.domains.clone(),
        ..Account::default()
    });
    if current.is_some() {
        panel::remove(panel, t, &account)?;
    }
    let Some(path) = &s.path else {
        return Ok(Vec::new());
    };
    panel::restore(panel, t, &account, path)?;
    let Some(before) = &s.before else {
        return Ok(Vec::new());
    };
    let after = panel
        .accounts(t)?
        .into_iter()
        .find(|a| a.user == s.account)
        .map(|a| state::fingerprint(t, panel, &a))
        .transpose()?;
    Ok(match after {
        Some(after) => state::differences(before, &after),
        None => vec![format!(
            "account {} is not there after putting the snapshot back",
            s.account
        )],
    })
}
