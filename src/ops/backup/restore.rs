//! `backup restore`: choose the restore point, preview, keep a safety snapshot, restore the
//! whole account with the panel's tool or only some parts by hostops itself, verify the
//! result against the backup, and put the snapshot back when the restore fails.

use std::collections::BTreeMap;

use anyhow::{bail, Context as _, Result};
use serde::{Deserialize, Serialize};

use super::database;
use super::links;
use super::ownership;
use super::parts::{self, Parts};
use super::points::{self, Wanted};
use super::preview::{self, FileChanges, Listings, LiveListings, Part, Piece, Selection};
use super::state::{self, Fingerprint};
use super::OPERATION;
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::listing::{self, read_tar, split_path, Source};
use crate::ops::runner::{Journaled, Output, Outputs, Runner, StepName, Steps, Typed};
use crate::output::{human_bytes, Task};
use crate::panel::{self, Account, Panel, RestorePoint};
use crate::transport::copy::NoProgress;
use crate::transport::{self, Cmd, Transport};

/// What `backup restore` was asked.
pub struct Request<'a> {
    pub account: &'a str,
    pub wanted: Wanted<'a>,
    pub parts: Vec<Part>,
    pub snapshot: bool,
}

#[derive(Debug, Serialize)]
pub struct DatabaseChange {
    pub database: String,
    /// `replace`, `create` or (whole-account restores) `drop`.
    pub action: &'static str,
    pub current_bytes: Option<u64>,
    pub backup_bytes: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct MailboxChange {
    pub mailbox: String,
    pub backup_messages: u64,
    pub current_messages: u64,
}

#[derive(Debug, Serialize)]
pub struct SnapshotPlan {
    pub dir: String,
    /// The panel's package of the whole account, or copies of only the parts replaced.
    pub whole: bool,
    pub needed_bytes: u64,
    pub free_bytes: u64,
}

/// Everything decided before a change: shown as the preview, then carried out.
#[derive(Debug, Serialize)]
pub struct Plan {
    pub host: String,
    pub point: RestorePoint,
    /// Whole account (the panel's restore) or only `parts`.
    pub whole: bool,
    pub parts: Vec<Part>,
    pub account_exists: bool,
    pub files: Vec<FileChanges>,
    pub databases: Vec<DatabaseChange>,
    pub mailboxes: Vec<MailboxChange>,
    pub snapshot: Option<SnapshotPlan>,
    #[serde(skip)]
    pub account: Account,
    #[serde(skip)]
    selection: Selection,
    #[serde(skip)]
    sides: Vec<(Piece, preview::LiveAndBackup)>,
}

/// Where safety snapshots are kept on a server (one directory per run).
pub fn snapshot_root(panel: &dyn Panel) -> String {
    format!("{}/.hostops-snapshots", panel.data_root())
}

/// Reads the restore point and the account and works out the preview. Changes nothing.
pub fn plan(t: &dyn Transport, panel: &dyn Panel, req: &Request) -> Result<Plan> {
    let backups = panel.backups_on(&t.target().name)?;
    if req.parts.is_empty() {
        // The whole account is restored (and snapshotted) with the panel's own tools.
        panel.packaging_on(&t.target().name)?;
    }
    let current = panel
        .accounts(t)?
        .into_iter()
        .find(|a| a.user == req.account);
    if current.is_none() && !req.parts.is_empty() {
        bail!(StatusError::usage(format!(
            "{} has no account {}: a partial restore (--only) needs the account; \
             without --only the whole account is restored",
            t.target().name,
            req.account
        )));
    }
    let mut point = points::choose(t, panel, req.account, current.as_ref(), req.wanted)?;
    let mut listings = Listings::default();
    if let Wanted::File(_) = req.wanted {
        ownership::check(t, panel.kind(), req.account, &mut point, &mut listings)?;
    }
    // Reading every archive of the restore point up front proves it whole (a truncated or
    // damaged archive fails tar) before anything is shown or changed.
    let unusable = |e: anyhow::Error| {
        StatusError::refused(format!(
            "the restore point cannot be used, nothing was changed: {e:#}"
        ))
    };
    let outer = listings
        .get(t, &backups.backup_source(&point))
        .map_err(unusable)?;
    let contents = backups.backup_contents(&point, outer);
    let trees = contents
        .home
        .iter()
        .chain(contents.mail.iter().map(|(_, t)| t));
    let sources: Vec<Source> = trees
        .map(|t| t.source.clone())
        .chain(contents.databases.iter().map(|d| d.source.clone()))
        .collect();
    for source in &sources {
        listings.get(t, source).map_err(unusable)?;
    }
    if contents.home.is_empty() && contents.databases.is_empty() {
        bail!(StatusError::usage(format!(
            "{} holds no backup of {} that hostops can read",
            point.path, req.account
        )));
    }
    let account = current.clone().unwrap_or_else(|| Account {
        user: req.account.to_string(),
        domains: point.domain.iter().cloned().collect(),
        ..Account::default()
    });
    let home = panel.data_dir(&account);
    let selection = preview::select(&contents, &req.parts, &home, t, &mut listings)?;
    let whole = req.parts.is_empty();
    if !whole {
        let lives: Vec<&str> = selection
            .pieces
            .iter()
            .map(|p| p.tree.live.as_str())
            .collect();
        links::refuse(t, &home, &lives, "restore files")?;
    }

    let mut files = Vec::new();
    let mut sides = Vec::new();
    let mut lives = LiveListings::default();
    for piece in &selection.pieces {
        let backup = preview::backup_side(piece, listings.get(t, &piece.tree.source)?);
        let live = lives.side(t, piece)?;
        files.push(preview::diff(&piece.tree.live, &backup, &live));
        sides.push((piece.clone(), preview::LiveAndBackup { backup, live }));
    }
    let mailboxes = contents
        .mail
        .iter()
        .filter_map(|(mailbox, tree)| {
            let (_, s) = sides.iter().find(|(p, _)| p.tree.live == tree.live)?;
            Some(MailboxChange {
                mailbox: mailbox.clone(),
                backup_messages: preview::messages(&s.backup),
                current_messages: preview::messages(&s.live),
            })
        })
        .collect();
    // One query sizes both the backup's databases and the account's current ones.
    let dumped = selection.dumps.iter().map(|d| &d.database);
    let names = database_names(dumped.chain(&account.databases));
    let sizes = database::sizes(t, &names)?;
    let databases = database_changes(&account, &selection, whole && current.is_some(), &sizes);
    let snapshot = match (req.snapshot, &current) {
        (true, Some(a)) => {
            // What the restore replaces: the whole account, or only the selected parts.
            let (dirs, dbs): (Vec<String>, Vec<String>) = if whole {
                let mut dirs = vec![panel.data_dir(a)];
                dirs.extend(a.mailboxes.iter().map(|m| panel.mail_dir(a, m)));
                (dirs, a.databases.clone())
            } else {
                let dirs = selection.pieces.iter().map(|p| p.tree.live.clone());
                let dbs = selection.dumps.iter().map(|d| d.database.clone());
                (dirs.collect(), dbs.collect())
            };
            let db_bytes = dbs.iter().filter_map(|d| sizes.get(d)).sum();
            Some(snapshot_plan(t, panel, &dirs, db_bytes, whole)?)
        }
        _ => None,
    };
    Ok(Plan {
        host: t.target().name.clone(),
        point,
        whole,
        parts: req.parts.clone(),
        account_exists: current.is_some(),
        files,
        databases,
        mailboxes,
        snapshot,
        account,
        selection,
        sides,
    })
}

/// Valid database names, sorted, each once.
fn database_names<'a>(names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut v: Vec<String> = names
        .filter(|n| preview::valid_db_name(n))
        .cloned()
        .collect();
    v.sort();
    v.dedup();
    v
}

/// What happens to each database: the backup's are replaced or created; a whole restore of
/// an existing account (`replacing`) also drops the account's databases the backup lacks.
fn database_changes(
    account: &Account,
    selection: &Selection,
    replacing: bool,
    sizes: &BTreeMap<String, u64>,
) -> Vec<DatabaseChange> {
    let current = account.databases.iter().filter(|_| replacing);
    let dumped = selection.dumps.iter().map(|d| &d.database);
    database_names(dumped.chain(current))
        .into_iter()
        .map(|name| {
            let dump = selection.dumps.iter().find(|d| d.database == name);
            let current = sizes.get(&name).copied();
            DatabaseChange {
                action: match (dump, current) {
                    (Some(_), Some(_)) => "replace",
                    (Some(_), None) => "create",
                    (None, _) => "drop",
                },
                backup_bytes: dump.map(|d| d.size),
                current_bytes: current,
                database: name,
            }
        })
        .collect()
}

/// Room for the snapshot: what the restore replaces (files in `dirs`, `dbs` bytes of
/// databases), uncompressed, must fit in the free space where snapshots go, with 64 MiB to
/// spare.
fn snapshot_plan(
    t: &dyn Transport,
    panel: &dyn Panel,
    dirs: &[String],
    dbs: u64,
    whole: bool,
) -> Result<SnapshotPlan> {
    let du = Cmd::new("sh")
        .args([
            "-c",
            r#"root=$1; shift; df -B1 --output=avail "$root" | tail -n 1; du -sbc -- "$@" 2>/dev/null | tail -n 1 | cut -f1"#,
            "sh",
            panel.data_root(),
        ])
        .args(dirs.iter().cloned());
    let out = transport::run_ok(t, &du)?.stdout_text();
    let mut nums = out.lines().filter_map(|l| l.trim().parse::<u64>().ok());
    let (free, files) = (nums.next().unwrap_or(0), nums.next().unwrap_or(0));
    Ok(SnapshotPlan {
        dir: snapshot_root(panel),
        whole,
        needed_bytes: files + dbs + (64 << 20),
        free_bytes: free,
    })
}

/// What a restore did.
#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub snapshot: Option<String>,
    /// Differences between the result and the backup (empty: verified).
    pub differences: Vec<String>,
}

/// Refuses a plan that cannot be carried out safely.
pub fn check(plan: &Plan) -> Result<()> {
    if let Some(s) = &plan.snapshot {
        if s.needed_bytes > s.free_bytes {
            bail!(StatusError::refused(format!(
                "not enough disk for the safety snapshot on {}: it needs about {} in {} and {} is free. \
                 Free some space, or restore with --no-snapshot (then a failed restore cannot be undone)",
                plan.host,
                human_bytes(s.needed_bytes),
                s.dir,
                human_bytes(s.free_bytes)
            )));
        }
    }
    Ok(())
}

/// The steps of a restore, each journaled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Where the snapshot is taken, journaled before it begins, so that `backup undo` of a
    /// run killed meanwhile finds the partial snapshot to remove.
    Begun,
    Snapshot,
    Restore,
    Verify,
}

impl StepName for Step {
    fn name(self) -> &'static str {
        match self {
            Step::Begun => SNAPSHOT_BEGUN,
            Step::Snapshot => SNAPSHOT,
            Step::Restore => "restore",
            Step::Verify => "verify",
        }
    }
}

/// What the verify step found: the differences between the result and the backup.
#[derive(Debug, Serialize, Deserialize)]
struct Verified {
    differences: Vec<String>,
}

/// Each step with the type of its output (the restore's: the restore point's path).
const BEGUN: Typed<Step, Begun> = Typed::new(Step::Begun);
const SNAPSHOTTED: Typed<Step, Snapshot> = Typed::new(Step::Snapshot);
const RESTORED: Typed<Step, String> = Typed::new(Step::Restore);
const VERIFIED: Typed<Step, Verified> = Typed::new(Step::Verify);

/// A restore's steps: carried out one after the other, each its own stage (no step undoes
/// another: a failed one is repaired from the snapshot, see [`apply`]).
struct Restoring<'a> {
    t: &'a dyn Transport,
    panel: &'a dyn Panel,
    plan: &'a Plan,
    run_id: &'a str,
    dir: String,
}

impl Steps for Restoring<'_> {
    type Step = Step;

    fn run(&self, step: Step, _: &Outputs<Step>, _: &Task) -> Result<Output> {
        let (t, panel, plan) = (self.t, self.panel, self.plan);
        match step {
            Step::Begun => BEGUN.output(&Begun {
                host: plan.host.clone(),
                account: plan.account.user.clone(),
                dir: self.dir.clone(),
            }),
            Step::Snapshot => SNAPSHOTTED.output(&take_snapshot(t, panel, plan, &self.dir)?),
            Step::Restore => {
                if plan.whole {
                    restore_whole(t, panel, plan)?;
                } else {
                    restore_parts(t, panel, plan, self.run_id)?;
                }
                RESTORED.output(&plan.point.path)
            }
            // Journaled failed too: the restore is done, only its check could not be made.
            Step::Verify => VERIFIED.output(&Verified {
                differences: verify(t, plan)?,
            }),
        }
    }
}

const STAGES: [&[&[Step]]; 3] = [
    &[&[Step::Snapshot]],
    &[&[Step::Restore]],
    &[&[Step::Verify]],
];

/// Carries out `plan` for run `run_id`: snapshot, restore, verify. A restore that fails
/// puts the snapshot back (or, for an account that did not exist, removes the partial one).
pub fn apply(
    ctx: &Context,
    t: &dyn Transport,
    panel: &dyn Panel,
    plan: &Plan,
    run_id: &str,
) -> Result<Outcome> {
    let steps = Restoring {
        t,
        panel,
        plan,
        run_id,
        dir: snapshot_dir(panel, run_id),
    };
    let journaled = Journaled::new(run_id);
    let runner = Runner {
        ctx,
        operation: OPERATION,
        journaled: &journaled,
        unit: &plan.account.user,
        announce: false,
    };
    let begun: &[&[&[Step]]] = if plan.snapshot.is_some() {
        &[&[&[Step::Begun]]]
    } else {
        &[]
    };
    let stages: Vec<&[&[Step]]> = begun.iter().chain(&STAGES).copied().collect();
    let ran = runner.run(&steps, &stages)?;
    let Some(failure) = ran.failure else {
        let snapshot = ran.outputs.get(&SNAPSHOTTED)?;
        return Ok(Outcome {
            snapshot: snapshot.dir,
            differences: ran.outputs.get(&VERIFIED)?.differences,
        });
    };
    let said = match failure.step {
        Step::Snapshot if plan.snapshot.is_some() => {
            let dir = &steps.dir;
            let removed = transport::run(t, &Cmd::new("rm").args(["-rf", "--", dir]), None, None);
            Some(match removed {
                Ok(o) if o.exit.success() => {
                    format!("nothing was restored; the partial snapshot {dir} was removed")
                }
                _ => {
                    format!("nothing was restored; the partial snapshot {dir} could not be removed")
                }
            })
        }
        Step::Restore => Some(match ran.outputs.get(&SNAPSHOTTED) {
            Ok(snapshot) => put_back(t, panel, &plan.account, &snapshot, run_id),
            Err(e) => format!("the restore failed, and its snapshot cannot be read back: {e:#}"),
        }),
        _ => None,
    };
    Err(match said {
        Some(said) => failure.error.context(said),
        None => failure.error,
    })
}

/// The journal's step saying a snapshot is being taken (host, account, directory).
pub const SNAPSHOT_BEGUN: &str = "snapshot_begun";
/// The journal's step of the safety snapshot, whose output is a [`Snapshot`].
pub const SNAPSHOT: &str = "snapshot";

/// Where a snapshot was being taken (journaled before it began).
#[derive(Debug, Serialize, Deserialize)]
pub struct Begun {
    pub host: String,
    pub account: String,
    pub dir: String,
}

/// The journaled record of what the restore replaces, before it: what undo puts back and
/// checks.
#[derive(Debug, Serialize, Deserialize)]
pub struct Snapshot {
    pub host: String,
    pub account: String,
    pub domains: Vec<String>,
    pub existed: bool,
    /// The panel's package of the whole account (None: no snapshot was taken, or a partial
    /// restore's).
    pub path: Option<String>,
    /// A partial restore's copies of the paths and databases it replaces.
    #[serde(default)]
    pub parts: Option<Parts>,
    pub before: Option<Fingerprint>,
    /// The snapshot's directory on the server; it also keeps the entries `before` hashed.
    #[serde(default)]
    pub dir: Option<String>,
}

impl Snapshot {
    /// Where the entries of the fingerprint before the restore are kept.
    pub fn entries_file(&self) -> Option<String> {
        self.dir.as_ref().map(|d| format!("{d}/before.entries"))
    }
}

/// The snapshot directory of run `run_id`.
pub(super) fn snapshot_dir(panel: &dyn Panel, run_id: &str) -> String {
    format!("{}/{run_id}", snapshot_root(panel))
}

fn take_snapshot(t: &dyn Transport, panel: &dyn Panel, plan: &Plan, dir: &str) -> Result<Snapshot> {
    let mut s = Snapshot {
        host: plan.host.clone(),
        account: plan.account.user.clone(),
        domains: plan.account.domains.clone(),
        existed: plan.account_exists,
        path: None,
        parts: None,
        before: None,
        dir: None,
    };
    if plan.snapshot.is_some() {
        transport::run_ok(
            t,
            &Cmd::new("install").args(["-d", "-m", "0700", "--", dir]),
        )?;
        s.dir = Some(dir.to_string());
        let taken = if plan.whole {
            let taken = state::fingerprint(t, panel, &plan.account)?;
            s.path = Some(
                panel::snapshot(panel.packaging_on(&plan.host)?, t, &plan.account, dir)
                    .context("taking the safety snapshot")?,
            );
            taken
        } else {
            let pieces = &plan.selection.pieces;
            let dbs: Vec<String> = plan
                .selection
                .dumps
                .iter()
                .map(|d| d.database.clone())
                .collect();
            let lives: Vec<String> = pieces.iter().map(|p| p.tree.live.clone()).collect();
            let taken = state::of_paths(t, &lives, &dbs)?;
            let home = panel.data_dir(&plan.account);
            s.parts = Some(
                parts::take(t, dir, &home, pieces, &dbs).context("taking the safety snapshot")?,
            );
            taken
        };
        if let Some(file) = s.entries_file() {
            t.upload(&mut taken.entries.as_bytes(), &file, &NoProgress)?;
        }
        s.before = Some(taken.fingerprint);
    }
    Ok(s)
}

/// Whole account: the existing account is removed, then the panel restores the backup.
/// Where the panel restores over an existing account (cPanel's `restorepkg --force`), that is
/// faster than removing it first: the account's databases are dropped before (each is then
/// loaded from its dump into an empty database), and files the backup lacks are removed
/// after, so the result is the backup all the same.
fn restore_whole(t: &dyn Transport, panel: &dyn Panel, plan: &Plan) -> Result<()> {
    let tools = panel.packaging_on(&plan.host)?;
    if plan.account_exists {
        if let Some(cmd) = tools.restore_over_command(&plan.account, &plan.point.path) {
            database::drop_all(t, &plan.account.databases)?;
            panel::restore_with(tools, t, &plan.account, &cmd)?;
            return remove_extras(t, plan);
        }
        panel::remove(tools, t, &plan.account)?;
    }
    panel::restore(tools, t, &plan.account, &plan.point.path)
}

/// Removes the files the preview found live but not in the backup; never through a link
/// the restored backup may have put on their way.
fn remove_extras(t: &dyn Transport, plan: &Plan) -> Result<()> {
    let mut paths = Vec::new();
    let mut parents = Vec::new();
    for (piece, sides) in &plan.sides {
        for rel in sides.live.keys() {
            let outside_backup = !sides.backup.contains_key(rel);
            let parent_removed = rel.rsplit_once('/').is_some_and(|(dir, _)| {
                !sides.backup.contains_key(dir) && sides.live.contains_key(dir)
            });
            if outside_backup && !parent_removed && !rel.is_empty() {
                let path = format!("{}/{}", piece.tree.live, listing::unescape(rel));
                let (parent, _) = split_path(&path);
                parents.push((piece.tree.live.clone(), parent.to_string()));
                paths.push(path);
            }
        }
    }
    parents.sort();
    parents.dedup();
    for (piece, _) in &plan.sides {
        let root = &piece.tree.live;
        let under: Vec<&str> = parents
            .iter()
            .filter(|(r, _)| r == root)
            .map(|(_, p)| p.as_str())
            .collect();
        links::refuse(t, root, &under, "remove files")?;
    }
    for batch in paths.chunks(500) {
        transport::run_ok(
            t,
            &Cmd::new("rm")
                .args(["-rf", "--"])
                .args(batch.iter().cloned()),
        )?;
    }
    Ok(())
}

/// Only the selected parts: each tree mirrored from the backup (through a staging directory
/// for archives), each database replaced from its dump.
fn restore_parts(t: &dyn Transport, panel: &dyn Panel, plan: &Plan, run_id: &str) -> Result<()> {
    let stage = format!("{}/.hostops-restore-{run_id}", panel.data_root());
    transport::run_ok(
        t,
        &Cmd::new("install").args(["-d", "-m", "0700", "--", &stage]),
    )?;
    let result = (|| {
        let owner = panel.file_owner(&plan.account);
        for piece in &plan.selection.pieces {
            mirror(t, piece, &stage, owner.as_deref())?;
        }
        let tag: String = run_id.chars().filter(char::is_ascii_alphanumeric).collect();
        for dump in &plan.selection.dumps {
            database::replace(t, dump, &tag)?;
        }
        Ok(())
    })();
    let _ = transport::run(t, &Cmd::new("rm").args(["-rf", "--", &stage]), None, None);
    result
}

/// Makes `piece.tree.live` what the backup holds (files not in the backup are removed), owned
/// by `owner` when given.
fn mirror(t: &dyn Transport, piece: &Piece, stage: &str, owner: Option<&str>) -> Result<()> {
    let tree = &piece.tree;
    let from = match &tree.source {
        Source::Tar(archive) => {
            let mut x = read_tar(archive, ["--extract", "--directory", stage]);
            if tree.prefix != "." {
                x = x.args(["--", &tree.prefix]);
            }
            transport::run_ok(t, &x)?;
            format!("{stage}/{}", tree.prefix)
        }
        Source::Dir(dir) => format!("{}/{}", split_path(dir).0, tree.prefix),
    };
    let (parent, _) = split_path(&tree.live);
    transport::run_ok(t, &Cmd::new("mkdir").args(["-p", "--", parent]))?;
    let mut rsync = Cmd::new("rsync").args(["--archive", "--hard-links", "--delete"]);
    for x in &tree.exclude {
        rsync = rsync.arg(format!("--exclude=/{x}"));
    }
    if let Some(owner) = owner {
        rsync = rsync.arg(format!("--chown={owner}"));
    }
    rsync = if piece.file {
        rsync.args(["--", &from, &tree.live])
    } else {
        rsync.args(["--", &format!("{from}/"), &format!("{}/", tree.live)])
    };
    transport::run_ok(t, &rsync)?;
    Ok(())
}

/// After a failed restore: what it replaced back from the snapshot (only the parts, for a
/// partial restore), or the partial account gone. Says which.
fn put_back(
    t: &dyn Transport,
    panel: &dyn Panel,
    account: &Account,
    snapshot: &Snapshot,
    run_id: &str,
) -> String {
    if let Some(p) = &snapshot.parts {
        let dir = snapshot.dir.as_deref().unwrap_or_default();
        let tag: String = run_id.chars().filter(char::is_ascii_alphanumeric).collect();
        return match parts::put_back(t, p, &tag) {
            Ok(()) => format!(
                "the restore failed; what it replaced ({}) was put back from the safety snapshot {dir}",
                p.lives().into_iter().chain(p.database_names().into_iter().map(|d| format!("database {d}"))).collect::<Vec<_>>().join(", ")
            ),
            Err(e) => format!(
                "the restore failed, and so did putting back what it replaced ({e:#}); the copies \
                 are still in {dir}: `hostops backup undo {run_id}` tries again"
            ),
        };
    }
    let tools = match panel.packaging_on(&snapshot.host) {
        Ok(tools) => tools,
        Err(e) => return format!("the restore failed, and the account cannot be put back: {e}"),
    };
    match (snapshot.path.as_deref(), snapshot.existed) {
        (Some(path), _) => {
            let _ = panel::remove(tools, t, account);
            match panel::restore(tools, t, account, path) {
                Ok(()) => format!("the restore failed; the account was put back from the safety snapshot {path}"),
                Err(e) => format!(
                    "the restore failed, and so did putting back the safety snapshot {path} ({e:#}); \
                     it is still there: restore it with the panel's tool"
                ),
            }
        }
        (None, false) => match panel::remove(tools, t, account) {
            Ok(()) => "the restore failed; the partial account was removed".to_string(),
            Err(e) => {
                format!("the restore failed, and removing the partial account failed too: {e:#}")
            }
        },
        (None, true) => {
            "the restore failed and there is no safety snapshot (--no-snapshot): check the account"
                .to_string()
        }
    }
}

/// The result against the backup: every file of each piece present with its type, size and
/// mode (and, for partial restores, nothing else); every database there.
fn verify(t: &dyn Transport, plan: &Plan) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut lives = LiveListings::default();
    for (piece, sides) in &plan.sides {
        let live = lives.side(t, piece)?;
        problems.extend(preview::compare(
            &piece.tree.live,
            &sides.backup,
            &live,
            !plan.whole,
        ));
    }
    let want: Vec<String> = plan
        .selection
        .dumps
        .iter()
        .map(|d| d.database.clone())
        .collect();
    let have = database::sizes(t, &want)?;
    for db in want.iter().filter(|d| !have.contains_key(*d)) {
        problems.push(format!("database {db} is missing"));
    }
    Ok(problems)
}

#[cfg(test)]
#[path = "restore_faults.rs"]
mod faults;
