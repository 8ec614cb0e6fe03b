//! `backup undo`: puts back what a restore replaced (the whole account, or only the parts a
//! partial restore replaced), from the safety snapshot that run journaled, and proves it by
//! the state fingerprint taken before the restore. A run killed while taking its snapshot
//! changed nothing: its undo removes the partial snapshot.

use anyhow::{bail, Result};

use super::parts;
use super::restore::{Begun, Snapshot, SNAPSHOT, SNAPSHOT_BEGUN};
use super::state;
use super::OPERATION;
use crate::exit::StatusError;
use crate::host::listing::{self};
use crate::journal::Journal;
use crate::ops::runner::Journaled;
use crate::panel::{self, backup, Account, Panel};
use crate::transport::{self, Cmd, Transport};

/// What the journal holds of a restore run.
pub enum Found {
    /// It took its snapshot (or ran with --no-snapshot): this can be undone.
    Snapshot(Snapshot),
    /// It was interrupted while taking its snapshot, before restoring anything: the partial
    /// snapshot is in `dir` on `host`.
    Interrupted(Begun),
}

/// What restore run `run_id` of `ticket` journaled.
pub fn load(journal: &Journal, ticket: &str, run_id: &str) -> Result<Found> {
    let events = journal.ticket_events(ticket)?;
    let ran = events.iter().any(|e| e.run_id == run_id);
    let journaled = Journaled::read(&events, OPERATION, run_id);
    if let Some(snapshot) = journaled.any::<Snapshot>(SNAPSHOT)? {
        return Ok(Found::Snapshot(snapshot));
    }
    match (journaled.any::<Begun>(SNAPSHOT_BEGUN)?, ran) {
        (Some(b), _) => Ok(Found::Interrupted(b)),
        (None, true) => bail!(StatusError::refused(format!(
            "run {run_id} of ticket {ticket} journaled no safety snapshot, and a restore changes \
             nothing before its snapshot is journaled: there is nothing to undo (`hostops --ticket \
             {ticket} log show` shows how it ended; a run of an older hostops killed while taking \
             its snapshot may have left .hostops-snapshots/{run_id} in the server's account space)"
        ))),
        (None, false) => bail!(StatusError::usage(format!(
            "ticket {ticket} has no backup restore run {run_id}: `hostops --ticket {ticket} log show` lists its runs \
             (undo under the ticket the restore was made for)"
        ))),
    }
}

/// What undoing will do, in words (for the preview and the confirmation).
pub fn describe(s: &Snapshot) -> Result<String> {
    if let Some(p) = &s.parts {
        let mut what = p.lives();
        what.extend(
            p.database_names()
                .into_iter()
                .map(|d| format!("database {d}")),
        );
        return Ok(format!(
            "put back on {} what the restore of {} replaced ({}) from the safety snapshot {}",
            s.host,
            s.account,
            what.join(", "),
            s.dir.as_deref().unwrap_or_default()
        ));
    }
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
    if let Some(p) = &s.parts {
        return parts::check(t, p);
    }
    if let Some(path) = &s.path {
        listing::list(t, &backup::archive_or_dir(path)).map_err(|e| {
            StatusError::refused(format!("the safety snapshot cannot be used: {e:#}"))
        })?;
    }
    Ok(())
}

/// Removes the partial snapshot of an interrupted run; says what it did.
pub fn clean_interrupted(t: &dyn Transport, b: &Begun, run_id: &str) -> Result<String> {
    let there = transport::run(t, &Cmd::new("test").args(["-e", &b.dir]), None, None)?;
    if !there.exit.success() {
        return Ok(format!(
            "restore run {run_id} of {} was interrupted while taking its safety snapshot, before \
             restoring anything: there is nothing to undo, and no partial snapshot is left on {}",
            b.account, b.host
        ));
    }
    transport::run_ok(t, &partial_removal(b))?;
    Ok(format!(
        "restore run {run_id} of {} was interrupted while taking its safety snapshot, before \
         restoring anything: there is nothing to undo; its partial snapshot {} was removed from {}",
        b.account, b.dir, b.host
    ))
}

/// The command that removes the partial snapshot of an interrupted run.
pub fn partial_removal(b: &Begun) -> Cmd {
    Cmd::new("rm").args(["-rf", "--", &b.dir])
}

/// The account as it is now (None: gone), and the one the panel's tools are given (as it was
/// journaled, when it is gone).
pub fn account(
    t: &dyn Transport,
    panel: &dyn Panel,
    s: &Snapshot,
) -> Result<(Option<Account>, Account)> {
    let current = panel.accounts(t)?.into_iter().find(|a| a.user == s.account);
    let account = current.clone().unwrap_or_else(|| Account {
        user: s.account.clone(),
        domains: s.domains.clone(),
        ..Account::default()
    });
    Ok((current, account))
}

/// Undoes the restore; returns how the result differs from the state before it (empty: the
/// same).
pub fn apply(
    t: &dyn Transport,
    panel: &dyn Panel,
    s: &Snapshot,
    run_id: &str,
) -> Result<Vec<String>> {
    // The entries before the restore, kept beside the snapshot (older runs kept none).
    let entries = match s.entries_file() {
        Some(f) => {
            let out = transport::run(t, &Cmd::new("cat").args(["--", &f]), None, None)?;
            out.exit.success().then(|| out.stdout_text())
        }
        None => None,
    };
    if let Some(p) = &s.parts {
        let tag: String = run_id.chars().filter(char::is_ascii_alphanumeric).collect();
        parts::put_back(t, p, &tag)?;
        let Some(before) = &s.before else {
            return Ok(Vec::new());
        };
        let after = state::of_paths(t, &p.lives(), &p.database_names())?;
        return Ok(state::differences(before, &after, entries.as_deref()));
    }
    let (current, account) = account(t, panel, s)?;
    let tools = panel.packaging_on(&s.host)?;
    if current.is_some() {
        panel::remove(tools, t, &account)?;
    }
    let Some(path) = &s.path else {
        return Ok(Vec::new());
    };
    panel::restore(tools, t, &account, path)?;
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
        Some(after) => state::differences(before, &after, entries.as_deref()),
        None => vec![format!(
            "account {} is not there after putting the snapshot back",
            s.account
        )],
    })
}
