//! Unit tests of `backup restore` against a scripted host: a failure injected at each step
//! (snapshot, restore, verify) of a whole-account restore and in a partial one, and what
//! follows (the snapshot put back, the partial account or snapshot removed), the journal rows
//! and the exit status.

use super::*;
use crate::context::tests::{journaled, steps as journaled_steps};
use crate::exit::ExitStatus;
use crate::panel::backup::{Dump, Format, Period};
use crate::panel::PanelKind;
use crate::transport::fake::{Fake, Matcher, Reply};
use crate::transport::unreachable_cause;

const RUN: &str = "run1";
const POINT: &str = "/home/admin/admin_backups/user.admin.bob.tar.gz";

fn driver() -> Box<dyn Panel> {
    panel::driver(PanelKind::Directadmin)
}

fn bob() -> Account {
    Account {
        user: "bob".into(),
        domains: vec!["bob.example".into()],
        databases: vec!["bob_wp".into()],
        ..Account::default()
    }
}

/// A whole-account restore of bob's backup holding the database `bob_wp`, with a safety
/// snapshot when `snapshot`, over the existing account when `exists`.
fn plan(snapshot: bool, exists: bool) -> Plan {
    Plan {
        host: "h1".into(),
        point: RestorePoint {
            account: "bob".into(),
            date: "2026-12-01".into(),
            period: Period::Daily,
            format: Format::Compressed,
            size_bytes: 1000,
            path: POINT.into(),
            domain: None,
        },
        whole: true,
        parts: Vec::new(),
        account_exists: exists,
        files: Vec::new(),
        databases: Vec::new(),
        mailboxes: Vec::new(),
        snapshot: snapshot.then(|| SnapshotPlan {
            dir: snapshot_root(driver().as_ref()),
            whole: true,
            needed_bytes: 1,
            free_bytes: 2,
        }),
        account: bob(),
        selection: Selection {
            pieces: Vec::new(),
            dumps: vec![Dump {
                database: "bob_wp".into(),
                source: Source::Tar(POINT.into()),
                member: "backup/bob_wp.sql".into(),
                size: 10,
            }],
        },
        sides: Vec::new(),
    }
}

fn snapshot_dir() -> String {
    super::snapshot_dir(driver().as_ref(), RUN)
}

/// The snapshot's package of the account.
fn snapshot_archive() -> String {
    driver()
        .packaging()
        .expect("a packaging panel")
        .snapshot_command(&bob(), &snapshot_dir())
        .1
}

fn answer(ok: bool, failure: &str) -> Reply {
    if ok {
        Reply::ok("")
    } else {
        Reply::fails(1, failure.to_string())
    }
}

/// The panel's commands, as argv matchers.
fn package(dir: &str) -> Matcher {
    Matcher::argv(
        driver()
            .packaging()
            .expect("a packaging panel")
            .snapshot_command(&bob(), dir)
            .0
            .argv()
            .to_vec(),
    )
}
fn restore_from(archive: &str) -> Matcher {
    Matcher::argv(
        driver()
            .packaging()
            .expect("a packaging panel")
            .restore_command(&bob(), archive)
            .argv()
            .to_vec(),
    )
}
fn remove() -> Matcher {
    Matcher::argv(
        driver()
            .packaging()
            .expect("a packaging panel")
            .remove_command(&bob())
            .argv()
            .to_vec(),
    )
}

/// The steps of a restore with a snapshot of an existing account.
#[derive(Clone, Copy, Debug, PartialEq)]
enum At {
    Snapshot,
    Restore,
    Verify,
}

/// Scripts the host for a restore with a snapshot of the existing bob, failing at `fail`.
fn script(t: &Fake, fail: Option<At>) {
    let dir = snapshot_dir();
    t.expect(
        Matcher::argv(["install", "-d", "-m", "0700", "--", &dir]),
        Reply::ok(""),
    );
    // The fingerprint of the account before: its files and databases.
    t.allow(Matcher::script("exit 0; shift; exec"), Reply::ok(""))
        .allow(Matcher::script("mysqldump"), Reply::ok("bob_wp\t5a1d\n"));
    let snapshot_ok = fail != Some(At::Snapshot);
    t.expect(package(&dir), answer(snapshot_ok, "pkg: no space left"));
    if !snapshot_ok {
        t.expect(Matcher::argv(["rm", "-rf", "--", &dir]), Reply::ok(""));
        return;
    }
    t.expect(
        Matcher::upload(&format!("{dir}/before.entries")),
        Reply::ok(""),
    );
    // DirectAdmin restores over nothing: the account is removed first.
    t.expect(remove(), Reply::ok(""));
    let restore_ok = fail != Some(At::Restore);
    t.expect(
        restore_from(POINT),
        answer(restore_ok, "restore: corrupt archive"),
    );
    if !restore_ok {
        // Put back: what the failed restore left removed, the snapshot restored.
        t.expect(remove(), Reply::ok(""))
            .expect(restore_from(&snapshot_archive()), Reply::ok(""));
        return;
    }
    let sizes = Matcher::when("mysql", "information_schema sizes", |c| {
        String::from_utf8_lossy(&c.stdin).contains("information_schema.schemata")
    });
    let reply = if fail == Some(At::Verify) {
        Reply::lost()
    } else {
        Reply::ok("bob_wp\t4096\n")
    };
    t.expect(sizes, reply);
}

fn rows(ctx: &Context) -> Vec<(String, bool)> {
    journaled_steps(ctx, OPERATION)
        .into_iter()
        .map(|(unit, step, ok)| {
            assert_eq!(unit, "bob");
            (step, ok)
        })
        .collect()
}

fn want(rows: &[(&str, bool)]) -> Vec<(String, bool)> {
    rows.iter().map(|(s, ok)| (s.to_string(), *ok)).collect()
}

#[test]
fn a_restore_that_goes_well_is_verified_and_keeps_its_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let t = Fake::ordered("h1");
    script(&t, None);
    let out = apply(&ctx, &t, driver().as_ref(), &plan(true, true), RUN).unwrap();
    assert_eq!(out.snapshot, Some(snapshot_dir()));
    assert!(out.differences.is_empty(), "{:?}", out.differences);
    assert_eq!(
        rows(&ctx),
        want(&[
            (SNAPSHOT_BEGUN, true),
            ("snapshot", true),
            ("restore", true),
            ("verify", true)
        ])
    );
}

#[test]
fn a_failure_at_each_step_is_journaled_and_undone() {
    let cases = [
        (
            At::Snapshot,
            "nothing was restored; the partial snapshot",
            ExitStatus::Failure,
            &[(SNAPSHOT_BEGUN, true), ("snapshot", false)][..],
        ),
        (
            At::Restore,
            "the restore failed; the account was put back from the safety snapshot",
            ExitStatus::Failure,
            &[
                (SNAPSHOT_BEGUN, true),
                ("snapshot", true),
                ("restore", false),
            ][..],
        ),
        (
            At::Verify,
            "lost the connection to h1",
            ExitStatus::Connection,
            &[
                (SNAPSHOT_BEGUN, true),
                ("snapshot", true),
                ("restore", true),
                ("verify", false),
            ][..],
        ),
    ];
    for (at, said, status, journaled_rows) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let ctx = journaled(tmp.path());
        let t = Fake::ordered("h1");
        script(&t, Some(at));
        let err = apply(&ctx, &t, driver().as_ref(), &plan(true, true), RUN).unwrap_err();
        let text = format!("{err:#}");
        assert!(text.contains(said), "{at:?}: {text}");
        assert_eq!(
            unreachable_cause(&err),
            status == ExitStatus::Connection,
            "{at:?}: {text}"
        );
        assert_eq!(rows(&ctx), want(journaled_rows), "{at:?}");
    }
}

#[test]
fn a_failed_restore_of_a_new_account_removes_the_partial_one() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let t = Fake::ordered("h1");
    t.expect(restore_from(POINT), Reply::fails(1, "restore: error"))
        .expect(remove(), Reply::ok(""));
    let err = apply(&ctx, &t, driver().as_ref(), &plan(false, false), RUN).unwrap_err();
    assert!(format!("{err:#}").contains("the partial account was removed"));
    assert_eq!(rows(&ctx), want(&[("snapshot", true), ("restore", false)]));
}

#[test]
fn without_a_snapshot_a_failed_restore_changes_nothing_more() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let t = Fake::ordered("h1");
    t.expect(remove(), Reply::ok(""))
        .expect(restore_from(POINT), Reply::lost());
    let err = apply(&ctx, &t, driver().as_ref(), &plan(false, true), RUN).unwrap_err();
    let text = format!("{err:#}");
    assert!(
        text.contains("there is no safety snapshot (--no-snapshot)"),
        "{text}"
    );
    assert!(unreachable_cause(&err), "{text}");
    assert_eq!(rows(&ctx), want(&[("snapshot", true), ("restore", false)]));
}

/// A restore of only bob's `public_html` (`--only`), from a backup kept as a directory.
fn partial_plan() -> Plan {
    let piece = Piece {
        tree: crate::panel::backup::Tree {
            source: Source::Dir(BACKUP_DIR.into()),
            prefix: "public_html".into(),
            live: LIVE.into(),
            exclude: Vec::new(),
        },
        file: false,
    };
    let sides = preview::LiveAndBackup {
        backup: Default::default(),
        live: Default::default(),
    };
    Plan {
        whole: false,
        parts: vec![Part::Path("public_html".into())],
        selection: Selection {
            pieces: vec![piece.clone()],
            dumps: Vec::new(),
        },
        sides: vec![(piece, sides)],
        ..plan(true, true)
    }
}

const BACKUP_DIR: &str = "/home/admin/admin_backups/2026-12-01/bob";
const LIVE: &str = "/home/bob/public_html";

#[test]
fn a_failed_partial_restore_puts_back_only_what_it_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let t = Fake::new("h1");
    let dir = snapshot_dir();
    let copy = format!("{dir}/files/0");
    t.expect(
        Matcher::argv(["install", "-d", "-m", "0700", "--", &dir]),
        Reply::ok(""),
    );
    // Listings of the live tree (fingerprint before, verify after).
    t.allow(Matcher::script("exit 0; shift; exec"), Reply::ok(""));
    // No link on the way to the paths replaced (checked before the copy).
    t.expect(Matcher::script("readlink"), Reply::ok(""));
    // The copy of what the restore replaces.
    let (files, db) = (format!("{dir}/files"), format!("{dir}/db"));
    t.expect(
        Matcher::argv(["install", "-d", "-m", "0700", "--", &files, &db]),
        Reply::ok(""),
    )
    .expect(
        Matcher::when("sh", "(does LIVE exist)", |c| {
            c.argv.last().unwrap() == LIVE
        }),
        Reply::ok(""),
    )
    .expect(
        Matcher::argv([
            "rsync",
            "--archive",
            "--hard-links",
            "--",
            &format!("{LIVE}/"),
            &format!("{copy}/"),
        ]),
        Reply::ok(""),
    )
    .expect(
        Matcher::upload(&format!("{dir}/before.entries")),
        Reply::ok(""),
    );
    // The restore, through a staging directory removed whatever happens; its copy fails.
    let stage = "/home/.hostops-restore-run1";
    t.expect(
        Matcher::argv(["install", "-d", "-m", "0700", "--", stage]),
        Reply::ok(""),
    )
    .expect(
        Matcher::argv(["mkdir", "-p", "--", "/home/bob"]),
        Reply::ok(""),
    )
    .expect(
        Matcher::when(
            "rsync",
            "--chown=bob:bob (the backup into the live tree)",
            |c| c.argv.iter().any(|a| a == "--chown=bob:bob"),
        ),
        Reply::fails(23, "rsync: write failed: No space left on device"),
    )
    .expect(Matcher::argv(["rm", "-rf", "--", stage]), Reply::ok(""));
    // Put back: the copy over the live tree (no link on its way), nothing else.
    t.expect(Matcher::script("readlink"), Reply::ok(""))
        .expect(
            Matcher::argv(["mkdir", "-p", "--", "/home/bob"]),
            Reply::ok(""),
        )
        .expect(
            Matcher::argv([
                "rsync",
                "--archive",
                "--hard-links",
                "--delete",
                "--",
                &format!("{copy}/"),
                &format!("{LIVE}/"),
            ]),
            Reply::ok(""),
        );
    let plan = partial_plan();
    let err = apply(&ctx, &t, driver().as_ref(), &plan, RUN).unwrap_err();
    let text = format!("{err:#}");
    assert!(
        text.contains(&format!(
            "what it replaced ({LIVE}) was put back from the safety snapshot {dir}"
        )),
        "{text}"
    );
    // The copy went back last, after the failed restore.
    let put_back = format!("rsync --archive --hard-links --delete -- {copy}/ {LIVE}/");
    assert_eq!(t.lines().last(), Some(&put_back));
    assert_eq!(
        rows(&ctx),
        want(&[
            (SNAPSHOT_BEGUN, true),
            ("snapshot", true),
            ("restore", false)
        ])
    );
}

/// The plan shows the panel's commands exactly as apply runs them, in the order it runs them.
#[test]
fn the_planned_commands_are_the_ones_apply_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let t = Fake::ordered("h1");
    script(&t, None);
    let plan = plan(true, true);
    let actions = super::super::actions::restore(&plan, driver().as_ref(), RUN).unwrap();
    let planned: Vec<String> = actions
        .iter()
        .filter_map(|a| match &a.work {
            crate::app::change::Work::Run { cmd, .. } => Some(cmd.display()),
            crate::app::change::Work::Step(_) => None,
        })
        .collect();
    // DirectAdmin: the snapshot package, the account removed, the backup restored.
    assert_eq!(planned.len(), 3, "{planned:?}");
    apply(&ctx, &t, driver().as_ref(), &plan, RUN).unwrap();
    let ran: Vec<String> = t
        .lines()
        .into_iter()
        .filter(|l| planned.contains(l))
        .collect();
    assert_eq!(ran, planned);
}
