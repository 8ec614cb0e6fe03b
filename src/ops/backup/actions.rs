//! The actions a restore and an undo plan, in the order they run: the panel's own commands
//! exactly as they run (built by the same `Packaging` methods), the steps of more than one
//! command in words.

use anyhow::Result;

use super::restore::Begun;
use super::restore::{self, Plan, Snapshot};
use super::undo;
use crate::app::Action;
use crate::panel::{Account, Panel};

/// What `backup restore` of `plan` does in run `run_id`: safety snapshot, restore, verify.
pub fn restore(plan: &Plan, panel: &dyn Panel, run_id: &str) -> Result<Vec<Action>> {
    let (host, account) = (plan.host.as_str(), &plan.account);
    let dir = restore::snapshot_dir(panel, run_id);
    let mut v = Vec::new();
    let lives: Vec<&str> = plan.files.iter().map(|f| f.live.as_str()).collect();
    let dbs: Vec<String> = plan
        .databases
        .iter()
        .map(|d| format!("database {}", d.database))
        .collect();
    if !plan.whole {
        if plan.snapshot.is_some() {
            let what: Vec<&str> = lives
                .iter()
                .copied()
                .chain(dbs.iter().map(String::as_str))
                .collect();
            let what = what.join(", ");
            v.push(Action::step(
                host,
                format!("copy {what} into {dir}, with a fingerprint of them"),
                "the safety snapshot of only what the restore replaces: put back if the restore fails, or by `backup undo`",
            ));
        }
        for live in &lives {
            v.push(Action::step(
                host,
                format!("make {live} what the backup holds (rsync --delete)"),
                "files added since the backup are removed",
            ));
        }
        for d in &plan.databases {
            v.push(Action::step(
                host,
                format!("replace database {} from its dump", d.database),
                "loaded into a scratch database first; its tables replace the live ones in one RENAME TABLE",
            ));
        }
    } else {
        let tools = panel.packaging_on(host)?;
        if plan.snapshot.is_some() {
            v.push(Action::run(
                host,
                tools.snapshot_command(account, &dir).0,
                format!("the safety snapshot: the panel's package of the account in {dir}, with a fingerprint of its files and databases"),
            ));
        }
        let archive = &plan.point.path;
        match tools.restore_over_command(account, archive) {
            Some(cmd) if plan.account_exists => {
                if !account.databases.is_empty() {
                    v.push(Action::step(
                        host,
                        format!("drop databases {}", account.databases.join(", ")),
                        "each is then loaded from its dump into an empty database",
                    ));
                }
                v.push(Action::run(
                    host,
                    cmd,
                    "the panel's restore over the existing account",
                ));
                v.push(Action::step(
                    host,
                    "remove the files the backup lacks (listed as removed above)",
                    "so that the account is the backup",
                ));
            }
            _ => {
                if plan.account_exists {
                    v.push(Action::run(
                        host,
                        tools.remove_command(account),
                        "the panel removes the account before restoring it",
                    ));
                }
                v.push(Action::run(
                    host,
                    tools.restore_command(account, archive),
                    "the panel's restore of the backup",
                ));
            }
        }
    }
    v.push(Action::step(
        host,
        "compare the result with the backup: each file's type, size and mode, each database",
        "a difference is reported (exit 1)",
    ));
    Ok(v)
}

/// What `backup undo` does with snapshot `s`; `now` is the account as it is now (None: gone)
/// and `account` the one the panel's tools are given (see [`undo::account`]).
pub fn undo(
    s: &Snapshot,
    panel: &dyn Panel,
    now: Option<&Account>,
    account: &Account,
) -> Result<Vec<Action>> {
    let host = s.host.as_str();
    let mut v = Vec::new();
    if let Some(p) = &s.parts {
        let what: Vec<String> = p
            .lives()
            .into_iter()
            .chain(
                p.database_names()
                    .into_iter()
                    .map(|d| format!("database {d}")),
            )
            .collect();
        v.push(Action::step(
            host,
            format!(
                "put back {} from their copies in {}",
                what.join(", "),
                s.dir.as_deref().unwrap_or_default()
            ),
            "only what the restore replaced; the rest of the account is left alone",
        ));
    } else {
        let tools = panel.packaging_on(host)?;
        if now.is_some() {
            v.push(Action::run(
                host,
                tools.remove_command(account),
                "the panel removes the account as the restore left it",
            ));
        }
        if let Some(path) = &s.path {
            v.push(Action::run(
                host,
                tools.restore_command(account, path),
                "the panel restores the safety snapshot",
            ));
        }
    }
    if s.before.is_some() {
        v.push(Action::step(
            host,
            "compare the result with the fingerprint taken before the restore",
            "a difference names its paths (exit 1)",
        ));
    }
    Ok(v)
}

/// Removing the partial snapshot of a run interrupted while taking it.
pub fn interrupted(b: &Begun) -> Vec<Action> {
    vec![Action::run(
        b.host.as_str(),
        undo::partial_removal(b),
        "the run was interrupted while taking its safety snapshot, before restoring anything",
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::change::Work;
    use crate::panel::{self, PanelKind};

    fn commands(actions: &[Action]) -> Vec<String> {
        actions
            .iter()
            .map(|a| match &a.work {
                Work::Run { cmd, .. } => cmd.display(),
                Work::Step(what) => format!("step: {what}"),
            })
            .collect()
    }

    fn snapshot(path: Option<&str>) -> Snapshot {
        Snapshot {
            host: "h1".into(),
            account: "bob".into(),
            domains: vec!["bob.example".into()],
            existed: true,
            path: path.map(String::from),
            parts: None,
            before: Some(super::super::state::Fingerprint {
                files: Default::default(),
                databases: Default::default(),
            }),
            dir: Some("/home/.hostops-snapshots/run1".into()),
        }
    }

    #[test]
    fn undo_plans_the_panels_own_commands_for_the_account_there_is() {
        let panel = panel::driver(PanelKind::Plesk);
        let tools = panel.packaging().expect("packaging");
        let archive = "/home/.hostops-snapshots/run1/backup_info_1.xml";
        let s = snapshot(Some(archive));
        let bob = Account {
            user: "bob".into(),
            domains: vec!["bob.example".into()],
            ..Account::default()
        };
        let there = commands(&undo(&s, panel.as_ref(), Some(&bob), &bob).unwrap());
        assert_eq!(
            there[..2],
            [
                tools.remove_command(&bob).display(),
                tools.restore_command(&bob, archive).display()
            ]
        );
        assert!(there[2].starts_with("step: compare"), "{there:?}");
        // Gone since: nothing to remove first.
        let gone = commands(&undo(&s, panel.as_ref(), None, &bob).unwrap());
        assert_eq!(gone[0], tools.restore_command(&bob, archive).display());
        assert_eq!(gone.len(), 2, "{gone:?}");
    }

    #[test]
    fn an_interrupted_run_plans_the_removal_of_its_partial_snapshot() {
        let b = Begun {
            host: "h1".into(),
            account: "bob".into(),
            dir: "/home/.hostops-snapshots/run 1".into(),
        };
        assert_eq!(
            commands(&interrupted(&b)),
            ["rm -rf -- '/home/.hostops-snapshots/run 1'"]
        );
    }
}
