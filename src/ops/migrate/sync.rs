//! `migrate sync`: the final delta sync for accounts already migrated, so that mail delivered
//! and rows written on the source during the copy are not lost. Files: rsync run by the target
//! (newer files on the target are kept, nothing is deleted); databases: a fresh dump of each
//! source database loaded on the target. `--relay` streams both through hostops instead.

use anyhow::{bail, Result};
use serde::Serialize;

use super::actions::stream;
use super::home;
use crate::app::Action;
use crate::host::mysql;
use crate::inventory::HostSpec;
use crate::ops::pull_access::{with_access, Origin, Remote};
use crate::ops::transfer::{self, Route};
use crate::panel::{Account, Panel};
use crate::transport::{self, Cmd, Progress, Transport};

#[derive(Debug, Serialize)]
pub struct Synced {
    pub user: String,
    /// Directories brought up to date (home, and mail kept outside it).
    pub directories: Vec<String>,
    /// Regular files rsync sent (direct route).
    pub files_sent: Option<u64>,
    pub databases: Vec<String>,
}

fn dump(db: &str) -> Cmd {
    Cmd::new("mysqldump").args(["--single-transaction", "--routines", "--triggers", "--", db])
}

fn load(db: &str) -> Cmd {
    mysql::client().arg(format!("--database={db}"))
}

/// Run on the target: a relayed directory unpacked over the one there (owners kept).
fn unpack(dir: &str) -> Cmd {
    Cmd::new("tar").args(["-C", dir, "-xpf", "-"])
}

/// The directories of an account to bring up to date: its data directory, and maildirs that
/// live outside it.
fn directories(panel: &dyn Panel, a: &Account) -> Vec<String> {
    let home = panel.data_dir(a);
    let mut dirs = vec![home.clone()];
    for m in &a.mailboxes {
        let dir = panel.mail_dir(a, m);
        if !dir.starts_with(&format!("{home}/")) {
            dirs.push(dir);
        }
    }
    dirs
}

/// The actions a sync of `a` takes (its plan), built from the commands it sends. Direct,
/// rsync's ssh is shown as `ssh -i KEY`: KEY stands for the one-off key's file.
pub fn actions(
    panel: &dyn Panel,
    a: &Account,
    route: Route,
    from: &HostSpec,
    to: &str,
) -> Vec<Action> {
    let mut out = Vec::new();
    for d in directories(panel, a) {
        let why = format!("{}: files and mail brought up to date", a.user);
        out.push(match route {
            Route::Direct => Action::step(
                to,
                format!(
                    "rsync {d} from {0} (a one-off key allowing only its rsync server, {0}'s verified host key pinned): {1}",
                    from.name,
                    rsync_command(
                        &format!("ssh -i KEY -p {}", from.port),
                        &format!("{}@{}:", from.user, from.address),
                        &d
                    )
                ),
                format!("{why} (newer files on {to} kept, nothing deleted)"),
            ),
            Route::Relay => stream(route, from, to, &d, (&home::produce(&d), &unpack(&d)), why),
        });
    }
    for db in &a.databases {
        let why = format!("{}: {db} on {to} replaced by a fresh dump", a.user);
        out.push(stream(
            route,
            from,
            to,
            &format!("database {db}"),
            (&dump(db), &load(db)),
            why,
        ));
    }
    out
}

pub struct Servers<'a> {
    pub origin: Origin<'a>,
    pub target: &'a dyn Transport,
}

/// Brings account `a` on the target up to date; a relayed sync reports its bytes (of
/// unknown total) to `progress`.
pub fn account(
    panel: &dyn Panel,
    s: &Servers<'_>,
    a: &Account,
    route: Route,
    tag: &str,
    progress: &dyn Progress,
) -> Result<Synced> {
    let present = transport::run(
        s.target,
        &Cmd::new("test").args(["-d", &panel.data_dir(a)]),
        None,
        None,
    )?;
    if !present.exit.success() {
        bail!(
            "{} has no {}: migrate the account before syncing it",
            s.target.target().name,
            panel.data_dir(a)
        );
    }
    let dirs = directories(panel, a);
    let files_sent = match route {
        Route::Direct => {
            // One one-off key per command, each allowing only that command.
            let mut sent = 0;
            for d in &dirs {
                sent += rsync(s, &format!("{tag}-{d}"), d)?;
            }
            for db in &a.databases {
                transfer::pull(
                    &s.origin,
                    s.target,
                    &format!("{tag}-{db}"),
                    &dump(db),
                    &load(db),
                )?;
            }
            Some(sent)
        }
        Route::Relay => {
            for d in &dirs {
                transfer::pipe(
                    s.origin.t,
                    &home::produce(d),
                    s.target,
                    &unpack(d),
                    progress,
                )?;
            }
            for db in &a.databases {
                transfer::pipe(s.origin.t, &dump(db), s.target, &load(db), progress)?;
            }
            None
        }
    };
    Ok(Synced {
        user: a.user.clone(),
        directories: dirs,
        files_sent,
        databases: a.databases.clone(),
    })
}

/// Run on the target: rsync of `dir` from the remote `prefix` (`user@host:`) over `shell`.
fn rsync_command(shell: &str, prefix: &str, dir: &str) -> Cmd {
    Cmd::new("rsync").args([
        "-a",
        "--update",
        "--stats",
        // The remote path reaches the origin's shell: as one word, whatever rsync's version.
        "--protect-args",
        "-e",
        shell,
        &format!("{prefix}{dir}/"),
        &format!("{dir}/"),
    ])
}

/// rsync of one directory from the origin, with a one-off key that allows only its rsync
/// server; returns how many files it sent.
fn rsync(s: &Servers<'_>, tag: &str, dir: &str) -> Result<u64> {
    let client = |shell: &str, prefix: &str| rsync_command(shell, prefix, dir);
    let out = with_access(&s.origin, s.target, tag, Remote::Rsync(&client), |access| {
        let (shell, prefix) = access.rsync_remote();
        access.run(s.target, &rsync_command(&shell, &prefix, dir))
    })?;
    Ok(out
        .stdout_text()
        .lines()
        .find_map(|l| l.strip_prefix("Number of regular files transferred:"))
        .and_then(|n| n.trim().replace(',', "").parse().ok())
        .unwrap_or(0))
}
