//! `backup list|restore|undo` against lab hosts running each panel's emulator.

use std::path::Path;

use crate::builder::Test;
use crate::hostile::Hostile;
use crate::support::{assert_said, envelope, json, stderr, stdout, Env, Lab};

const TICKET: &str = "BAK-7";

/// One account's data on a host: every file under `dirs` with type, mode, owner, size and
/// SHA-256, and a dump of each of `dbs`. Equal strings mean equal data.
fn account(lab: &Lab, dirs: &[&str], dbs: &[&str]) -> String {
    let script = r#"
        n=$1; shift
        i=0; for d in "$@"; do i=$((i+1)); [ "$i" -le "$n" ] || break
          { find "$d" -mindepth 1 -type d -printf '%p d %m %u\n'
            find "$d" -mindepth 1 ! -type d -printf '%p %y %m %u %s\n'; } | sort
          find "$d" -type f -print0 | sort -z | xargs -0r sha256sum
        done
        i=0; for db in "$@"; do i=$((i+1)); [ "$i" -gt "$n" ] || continue
          mariadb-dump --skip-dump-date --skip-comments "$db"
        done"#;
    let n = dirs.len().to_string();
    let mut argv = vec!["bash", "-c", script, "bash", n.as_str()];
    argv.extend(dirs);
    argv.extend(dbs);
    let out = lab.sh("h1", &argv);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// `text` with each run ID (a UUID) written `RUN_ID` and without the free space where the
/// snapshot goes (which other processes on the machine change), so that two runs' plans
/// compare.
fn masked(text: &str) -> String {
    let text: Vec<&str> = text
        .lines()
        .filter(|l| !(l.starts_with("Safety snapshot:") && l.ends_with(" free)")))
        .collect();
    let text = text.join("\n");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        match rest
            .get(..36)
            .filter(|id| uuid::Uuid::try_parse(id).is_ok())
        {
            Some(id) => {
                out.push_str("RUN_ID");
                rest = &rest[id.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// Asserts two [`account`] readings are equal, showing only the lines that differ.
#[track_caller]
fn assert_same(got: &str, want: &str, what: &str) {
    if got == want {
        return;
    }
    let only = |a: &str, b: &str| -> Vec<String> {
        let b: std::collections::HashSet<&str> = b.lines().collect();
        a.lines()
            .filter(|l| !b.contains(l))
            .take(10)
            .map(|l| l.chars().take(160).collect())
            .collect()
    };
    panic!(
        "{what}\nonly now:\n  {}\nonly expected:\n  {}",
        only(got, want).join("\n  "),
        only(want, got).join("\n  ")
    );
}

fn sh(lab: &Lab, script: &str) -> String {
    let out = lab.sh("h1", &["bash", "-c", script]);
    assert!(out.status.success(), "{script}: {}", stderr(&out));
    stdout(&out)
}

/// `backup restore h1 --account USER` with `args`.
fn restore(env: &Env, lab: &Lab, user: &str, args: &[&str]) -> std::process::Output {
    lab.hostops_yes(env, TICKET)
        .args(["backup", "restore", "h1", "--account", user])
        .args(args)
        .output()
        .unwrap()
}

/// The run ID of a restore from its JSON answer (the envelope's, which its report repeats).
fn run_id(o: &std::process::Output) -> String {
    let id = envelope(o)["run_id"].as_str().expect("run_id").to_string();
    assert_eq!(json(o)["report"]["run_id"], id.as_str());
    id
}

struct Account<'a> {
    panel: &'a str,
    user: &'a str,
    domain: &'a str,
    home: String,
    /// The web root, relative to the home.
    docroot: String,
    db: String,
    other_db: String,
}

/// A lab host with one account, backed up on 2026-11-01.
fn backed_up(a: &Account) -> (Env, Lab) {
    let (env, lab) = (Env::new(), Lab::up_with(1, a.panel));
    lab.lab(
        "add-account",
        &[
            "h1",
            a.user,
            "--domain",
            a.domain,
            "--db",
            "shop",
            "--db",
            "blog",
            "--mailbox",
            "info",
            "--size",
            "2",
        ],
    );
    lab.lab("make-backup", &["h1", a.user, "--date", "2026-11-01"]);
    (env, lab)
}

/// Deletes the home page, adds a file, drops a table and changes the other database.
fn damage(lab: &Lab, a: &Account) {
    sh(
        lab,
        &format!(
            "rm {home}/{doc}/index.html && echo late > {home}/{doc}/late.txt && \
             chown --reference={home}/{doc}/style.css {home}/{doc}/late.txt && \
             mariadb -e 'DROP TABLE options' {db} && mariadb -e 'DELETE FROM posts LIMIT 1' {other}",
            home = a.home,
            doc = a.docroot,
            db = a.db,
            other = a.other_db
        ),
    );
}

fn restore_whole_partial_and_undo(a: &Account) {
    let (env, lab) = backed_up(a);
    let docroot = format!("{}/{}", a.home, a.docroot);
    let dirs = [a.home.as_str()];
    let dbs = [a.db.as_str(), a.other_db.as_str()];
    let at_backup = account(&lab, &dirs, &dbs);
    let docroot_at_backup = account(&lab, &[&docroot], &[]);
    let db_at_backup = account(&lab, &[], &[&a.db]);

    let list = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "backup", "list", "h1", "--account", a.user])
        .output()
        .unwrap();
    assert_said(&list, 0, "");
    let listed = json(&list);
    assert_eq!(listed["host"], "h1", "{listed}");
    assert_eq!(listed["account"], a.user, "{listed}");
    let points = &listed["points"];
    assert_eq!(points[0]["date"], "2026-11-01", "{points}");
    assert_eq!(points[0]["period"], "daily");
    assert_eq!(points[0]["format"], "compressed");

    damage(&lab, a);
    let damaged = account(&lab, &dirs, &dbs);
    assert_ne!(damaged, at_backup);

    // The preview names what would change, and a dry run changes nothing.
    let dry = restore(&env, &lab, a.user, &["--dry-run", "--date", "2026-11-01"]);
    assert_said(&dry, 0, "");
    let text = stdout(&dry);
    assert!(text.contains(&format!("+ {docroot}/index.html")), "{text}");
    assert!(text.contains(&format!("- {docroot}/late.txt")), "{text}");
    assert!(text.contains(&format!("{}  replace", a.db)), "{text}");
    assert_same(
        &account(&lab, &dirs, &dbs),
        &damaged,
        "the dry run changed the account",
    );

    // The whole account back as it was at the backup.
    let whole = restore(&env, &lab, a.user, &["--json", "--date", "2026-11-01"]);
    assert_said(&whole, 0, "");
    let done = json(&whole);
    assert_eq!(done["report"]["differences"], serde_json::json!([]));
    assert_eq!(done["report"]["account"], a.user, "{done}");
    assert_eq!(done["plan"]["detail"]["whole"], true, "{done}");
    assert_eq!(done["plan"]["detail"]["point"]["date"], "2026-11-01");
    assert_same(
        &account(&lab, &dirs, &dbs),
        &at_backup,
        "the restore is not the backup",
    );

    // Undo's dry run: the panel's own commands, the restore of the snapshot among them.
    let run = run_id(&whole);
    let dry = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "--dry-run", "backup", "undo", &run])
        .output()
        .unwrap();
    assert_said(&dry, 0, "");
    let plan = &json(&dry)["plan"];
    assert_eq!(plan["detail"]["undo"], "snapshot", "{plan}");
    assert_eq!(plan["detail"]["run_id"], run.as_str(), "{plan}");
    let snapshot = done["report"]["snapshot"].as_str().expect("a snapshot");
    assert!(
        plan["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["command"].as_str().is_some_and(|c| c.contains(snapshot))),
        "no command restores the snapshot {snapshot}: {plan}"
    );
    assert_same(
        &account(&lab, &dirs, &dbs),
        &at_backup,
        "undo's dry run changed the account",
    );

    // Undo puts back exactly the damaged state.
    let undo = lab
        .hostops_yes(&env, TICKET)
        .args(["backup", "undo", &run])
        .output()
        .unwrap();
    assert_said(&undo, 0, "as it was before");
    assert_same(
        &account(&lab, &dirs, &dbs),
        &damaged,
        "undo did not restore the previous state",
    );

    // A part of the account, without a snapshot.
    let restore_only = |part: &str| {
        let out = restore(
            &env,
            &lab,
            a.user,
            &["--date", "2026-11-01", "--only", part, "--no-snapshot"],
        );
        assert_said(&out, 0, "restored and verified");
    };

    // One path: only the web root comes back; the databases stay as they are.
    restore_only(&format!("path:{}", a.docroot));
    assert_same(
        &account(&lab, &[&docroot], &[]),
        &docroot_at_backup,
        "the path restore",
    );
    assert!(!sh(&lab, &format!("mariadb -N -e 'SHOW TABLES' {}", a.db)).contains("options"));
    let untouched = account(&lab, &dirs, &[&a.other_db]);

    // One database: it comes back; the other one and the files are untouched.
    restore_only(&format!("db:{}", a.db));
    assert_same(
        &account(&lab, &[], &[&a.db]),
        &db_at_backup,
        "the database restore",
    );
    assert_same(
        &account(&lab, &dirs, &[&a.other_db]),
        &untouched,
        "a database restore touched the files or another database",
    );
}

/// The cPanel account alice.
fn alice() -> Account<'static> {
    Account {
        panel: "cpanel",
        user: "alice",
        domain: "alice.test",
        home: "/home/alice".into(),
        docroot: "public_html".into(),
        db: "alice_shop".into(),
        other_db: "alice_blog".into(),
    }
}

#[test]
fn cpanel_restore_whole_partial_and_undo() {
    restore_whole_partial_and_undo(&alice());
}

#[test]
fn plesk_restore_whole_partial_and_undo() {
    restore_whole_partial_and_undo(&Account {
        panel: "plesk",
        user: "shopuser",
        domain: "shop.example",
        home: "/var/www/vhosts/shop.example".into(),
        docroot: "httpdocs".into(),
        db: "shopuser_shop".into(),
        other_db: "shopuser_blog".into(),
    });
}

#[test]
fn directadmin_restore_whole_partial_and_undo() {
    restore_whole_partial_and_undo(&Account {
        panel: "directadmin",
        user: "amy",
        domain: "amy.example",
        home: "/home/amy".into(),
        docroot: "domains/amy.example/public_html".into(),
        db: "amy_shop".into(),
        other_db: "amy_blog".into(),
    });
}

/// Everything on the host that a refused restore must leave alone.
fn host(lab: &Lab) -> String {
    account(
        lab,
        &["/home", "/var/cpanel", "/var/named", "/backup"],
        &["alice_shop", "alice_blog"],
    )
}

#[test]
fn refusals_change_nothing_and_a_deleted_account_comes_back_whole() {
    let alice = alice();
    let (env, lab) = backed_up(&alice);
    lab.lab(
        "make-backup",
        &[
            "h1",
            "alice",
            "--date",
            "2026-10-25",
            "--period",
            "weekly",
            "--uncompressed",
        ],
    );
    let at_backup = account(&lab, &["/home/alice"], &["alice_shop", "alice_blog"]);
    damage(&lab, &alice);

    // Both restore points are listed, newest first, with their type and format.
    let list = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "backup", "list", "h1"])
        .output()
        .unwrap();
    assert_said(&list, 0, "");
    let listed = json(&list);
    assert!(listed["account"].is_null(), "{listed}");
    let seen: Vec<(&str, &str, &str, &str)> = listed["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let f = |k: &str| p[k].as_str().unwrap_or("");
            (f("date"), f("period"), f("format"), f("path"))
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "2026-11-01",
                "daily",
                "compressed",
                "/backup/2026-11-01/accounts/alice.tar.gz"
            ),
            (
                "2026-10-25",
                "weekly",
                "uncompressed",
                "/backup/weekly/2026-10-25/accounts/alice"
            ),
        ]
    );
    let before = host(&lab);
    let restore = |args: &[&str]| restore(&env, &lab, "alice", args);

    // Without --yes and without a terminal: the plan a dry run prints (the preview, then the
    // panel's own snapshot and restore commands) is shown, and the restore refused (exit 4).
    let unconfirmed = |extra: &[&str]| {
        env.hostops()
            .arg("--inventory")
            .arg(lab.inventory())
            .args(["-t", TICKET])
            .args(extra)
            .args(["backup", "restore", "h1", "--account", "alice"])
            .args(["--date", "2026-11-01"])
            .output()
            .unwrap()
    };
    let dry = unconfirmed(&["--dry-run"]);
    assert_said(&dry, 0, "");
    let plan = masked(&stdout(&dry));
    for shown in [
        "would restore alice (the whole account: it is replaced) on h1 from /backup/2026-11-01/accounts/alice.tar.gz:",
        "on h1: /scripts/pkgacct --nocompress alice /home/.hostops-snapshots/RUN_ID",
        "on h1: /scripts/restorepkg --force /backup/2026-11-01/accounts/alice.tar.gz",
    ] {
        assert!(plan.contains(shown), "{shown:?} not in the plan:\n{plan}");
    }
    let refused = unconfirmed(&[]);
    assert_said(&refused, 4, "there is no terminal to ask on");
    let shown = masked(&stderr(&refused));
    assert!(
        shown.contains(plan.trim_end()),
        "the plan shown before the refusal is not the dry run's:\n{shown}\ndry run:\n{plan}"
    );
    assert_same(
        &host(&lab),
        &before,
        "an unconfirmed restore changed the host",
    );

    // No restore point on that date: exit 2, naming the dates there are.
    assert_said(
        &restore(&["--date", "2026-10-01"]),
        2,
        "there are: 2026-11-01",
    );
    // Bad parts and paths that leave the home: exit 2.
    assert_said(
        &restore(&["--date", "2026-11-01", "--only", "path:../../etc"]),
        2,
        "..",
    );
    assert_said(
        &restore(&["--date", "2026-11-01", "--only", "db:x;drop"]),
        2,
        "not a database name",
    );
    assert_said(
        &restore(&["--date", "2026-11-01", "--only", "path:nope"]),
        2,
        "not in the backup",
    );
    assert_same(&host(&lab), &before, "a refused restore changed the host");

    // A truncated archive: refused before anything changes.
    sh(
        &lab,
        "mkdir -p /backup/2026-11-02/accounts && a=/backup/2026-11-01/accounts/alice.tar.gz &&          head -c $(( $(stat -c %s $a) / 2 )) $a > /backup/2026-11-02/accounts/alice.tar.gz",
    );
    let before = host(&lab);
    assert_said(
        &restore(&["--date", "2026-11-02"]),
        4,
        "cannot be used, nothing was changed",
    );
    assert_same(&host(&lab), &before, "a refused restore changed the host");

    // An uncompressed (directory) restore point restores a path without an archive.
    let docroot = account(&lab, &["/home/alice/public_html"], &[]);
    assert_said(
        &restore(&[
            "--date",
            "2026-10-25",
            "--only",
            "path:public_html/index.html",
            "--no-snapshot",
        ]),
        0,
        "restored and verified",
    );
    assert_ne!(account(&lab, &["/home/alice/public_html"], &[]), docroot);
    assert!(sh(&lab, "cat /home/alice/public_html/index.html").contains("<title>"));
    assert!(
        sh(&lab, "ls /home/alice/public_html").contains("late.txt"),
        "a file restore removed a sibling"
    );

    // Not enough disk for the safety snapshot: refused; --no-snapshot is offered.
    lab.lab("limit-home", &["h1", "40"]);
    let before = host(&lab);
    assert_said(
        &restore(&["--date", "2026-11-01"]),
        4,
        "not enough disk for the safety snapshot",
    );
    assert_same(&host(&lab), &before, "a refused restore changed the host");

    // A deleted account gets a full restore.
    sh(
        &lab,
        "whmapi1 removeacct user=alice >/dev/null && ! id alice",
    );
    let dry = restore(&["--dry-run", "--date", "2026-11-01"]);
    assert_said(&dry, 0, "it does not exist now");
    assert_said(
        &restore(&["--date", "2026-11-01", "--only", "home"]),
        2,
        "needs the account",
    );
    assert_said(
        &restore(&["--date", "2026-11-01"]),
        0,
        "restored and verified",
    );
    assert_same(
        &account(&lab, &["/home/alice"], &["alice_shop", "alice_blog"]),
        &at_backup,
        "differs",
    );
}

#[test]
fn a_file_that_is_not_a_backup_of_the_account_is_refused_before_any_change() {
    let alice = alice();
    let (env, lab) = backed_up(&alice);
    lab.lab(
        "add-account",
        &[
            "h1",
            "bobby",
            "--domain",
            "bobby.test",
            "--db",
            "shop",
            "--size",
            "1",
        ],
    );
    lab.lab("make-backup", &["h1", "bobby", "--date", "2026-11-01"]);
    let state = || {
        account(
            &lab,
            &["/home", "/var/cpanel", "/backup"],
            &["alice_shop", "alice_blog", "bobby_shop"],
        )
    };
    let before = state();
    for (file, why) in [
        (
            "/backup/2026-11-01/accounts/bobby.tar.gz",
            "its top directory is bobby/",
        ),
        ("/etc/hostname", "is not a backup of account alice"),
    ] {
        let out = restore(&env, &lab, "alice", &["--file", file]);
        assert_said(&out, 4, why);
        assert_said(&out, 4, "nothing was changed");
        assert_same(&state(), &before, "a refused restore changed the host");
    }
    // Hostile --file values and --only paths: refused (exit 2 or 4), nothing ran or changed.
    let hostile = Hostile::new(Path::new("/tmp"));
    for (name, v) in hostile.non_empty() {
        for args in [
            vec!["--file", v],
            vec!["--date", "2026-11-01", "--only", &format!("path:{v}")],
        ] {
            let out = restore(&env, &lab, "alice", &args);
            assert!(
                matches!(out.status.code(), Some(2 | 4)),
                "{name}: {args:?}: {}{}",
                stdout(&out),
                stderr(&out)
            );
        }
    }
    hostile.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
    assert_same(&state(), &before, "a hostile restore changed the host");
    // alice's own archive named as a file is taken.
    let out = restore(
        &env,
        &lab,
        "alice",
        &[
            "--dry-run",
            "--file",
            "/backup/2026-11-01/accounts/alice.tar.gz",
        ],
    );
    assert_said(&out, 0, "");
}

#[test]
fn partial_restores_snapshot_and_put_back_only_their_parts_and_never_follow_links() {
    let alice = alice();
    let (env, lab) = backed_up(&alice);
    damage(&lab, &alice);
    let dbs = ["alice_shop", "alice_blog"];
    let state = || account(&lab, &["/home/alice"], &dbs);

    // A restore point whose dump of alice_shop does not load: the files are restored first,
    // then the database fails; only those files and that database are put back.
    sh(
        &lab,
        "set -e; w=$(mktemp -d); tar -xzf /backup/2026-11-01/accounts/alice.tar.gz -C $w; \
         echo 'THIS IS NOT SQL;' >> $w/alice/mysql/alice_shop.sql; \
         mkdir -p /backup/2026-11-03/accounts; tar -czf /backup/2026-11-03/accounts/alice.tar.gz -C $w alice; rm -rf $w",
    );
    let before = state();
    let failed = restore(
        &env,
        &lab,
        "alice",
        &[
            "--date",
            "2026-11-03",
            "--only",
            "path:public_html",
            "--only",
            "db:alice_shop",
        ],
    );
    assert_ne!(failed.status.code(), Some(0), "{}", stdout(&failed));
    assert_said(
        &failed,
        failed.status.code().unwrap(),
        "what it replaced (/home/alice/public_html, database alice_shop) was put back",
    );
    assert_same(
        &state(),
        &before,
        "a failed partial restore left the account changed",
    );

    // A one-file restore snapshots that file only, and undo puts back exactly it.
    let restored = restore(
        &env,
        &lab,
        "alice",
        &[
            "--json",
            "--date",
            "2026-11-01",
            "--only",
            "path:public_html/style.css",
        ],
    );
    assert_said(&restored, 0, "");
    let run = run_id(&restored);
    let snapshot = format!("/home/.hostops-snapshots/{run}");
    let size: u64 = sh(&lab, &format!("du -sb {snapshot} | cut -f1"))
        .trim()
        .parse()
        .unwrap();
    assert!(
        size < 200 << 10,
        "a one-file restore kept a {size}-byte snapshot"
    );
    // Elsewhere in the account, a change after the restore that undo must leave alone.
    sh(&lab, "echo later > /home/alice/later.txt");
    let undo = |args: &[&str]| {
        lab.hostops_yes(&env, TICKET)
            .args(["backup", "undo", &run])
            .args(args)
            .output()
            .unwrap()
    };
    assert_said(&undo(&[]), 0, "as it was before");
    sh(&lab, "rm /home/alice/later.txt");
    assert_same(&state(), &before, "undo did not put back exactly the file");

    // Undo names the paths that differ: the snapshot's copy changed behind its back.
    let restored = restore(
        &env,
        &lab,
        "alice",
        &[
            "--json",
            "--date",
            "2026-11-01",
            "--only",
            "path:public_html/style.css",
        ],
    );
    assert_said(&restored, 0, "");
    let run = run_id(&restored);
    sh(
        &lab,
        &format!("chmod 600 /home/.hostops-snapshots/{run}/files/0"),
    );
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["backup", "undo", &run])
        .output()
        .unwrap();
    assert_said(&out, 1, "differing: /home/alice/public_html/style.css");

    // public_html a link to a directory of root's: refused before anything changes, and
    // the directory it points at is neither read into a snapshot nor written.
    sh(
        &lab,
        "mkdir -p /root/victim && echo secret > /root/victim/keep && \
         mv /home/alice/public_html /home/alice/public_html.real && \
         ln -s /root/victim /home/alice/public_html",
    );
    let before = state();
    let victim = account(&lab, &["/root/victim"], &[]);
    let snapshots = || sh(&lab, "ls /home/.hostops-snapshots");
    let kept = snapshots();
    let out = restore(
        &env,
        &lab,
        "alice",
        &["--date", "2026-11-01", "--only", "path:public_html"],
    );
    assert_said(
        &out,
        4,
        "/home/alice/public_html on h1 is a symbolic link (to /root/victim)",
    );
    assert_same(&state(), &before, "a refused restore changed the account");
    assert_same(
        &account(&lab, &["/root/victim"], &[]),
        &victim,
        "root's directory changed",
    );
    assert_eq!(snapshots(), kept, "a refused restore left a snapshot");
}

#[test]
fn undo_of_a_run_killed_during_its_snapshot_removes_the_partial_snapshot() {
    let alice = alice();
    let (env, lab) = (Env::new(), Lab::up_with(1, alice.panel));
    lab.lab(
        "add-account",
        &[
            "h1",
            "alice",
            "--domain",
            alice.domain,
            "--db",
            "shop",
            "--size",
            "150",
        ],
    );
    lab.lab("make-backup", &["h1", "alice", "--date", "2026-11-01"]);
    let snapshots = lab.host_path("h1", "/home/.hostops-snapshots");
    let mut running = env
        .hostops_std()
        .arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t",
            TICKET,
            "-y",
            "backup",
            "restore",
            "h1",
            "--account",
            "alice",
            "--date",
            "2026-11-01",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed (only the process this test started) once the snapshot directory exists.
    let begun = (0..6000).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(10));
        std::fs::read_dir(&snapshots).is_ok_and(|mut d| d.next().is_some())
    });
    running.kill().unwrap();
    running.wait().unwrap();
    assert!(begun, "the snapshot never began");
    // The snapshot's directory is named by the killed run's ID.
    let run = std::fs::read_dir(&snapshots)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let run = run.file_name().into_string().unwrap();
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["backup", "undo", &run])
        .output()
        .unwrap();
    assert_said(&out, 0, "was interrupted while taking its safety snapshot");
    assert!(
        !lab.host_path("h1", &format!("/home/.hostops-snapshots/{run}"))
            .exists(),
        "the partial snapshot is still there"
    );
}

/// `--file` on DirectAdmin and Plesk: the account's own backup is taken; another name, or a
/// backup naming another account, is refused.
#[test]
fn directadmin_and_plesk_files_must_name_the_account() {
    for (panel, user, domain, other) in [
        ("directadmin", "amy", "amy.example", "zoe"),
        ("plesk", "shopuser", "shop.example", "zoe"),
    ] {
        let (env, lab) = (Env::new(), Lab::up_with(1, panel));
        for (u, d) in [(user, domain), (other, "zoe.example")] {
            lab.lab(
                "add-account",
                &["h1", u, "--domain", d, "--db", "shop", "--size", "1"],
            );
        }
        let path = stdout(&lab.lab("make-backup", &["h1", user]))
            .trim()
            .to_string();
        let ok = restore(&env, &lab, user, &["--dry-run", "--file", &path]);
        assert_said(&ok, 0, "");
        let refused = restore(&env, &lab, other, &["--dry-run", "--file", &path]);
        assert_said(&refused, 4, &format!("is not a backup of account {other}"));
        if panel == "directadmin" {
            // Renamed as the other account's: its user.conf still says whose it is.
            let renamed = format!("/home/admin/admin_backups/user.admin.{other}.tar.gz");
            sh(&lab, &format!("cp {path} {renamed}"));
            let out = restore(&env, &lab, other, &["--dry-run", "--file", &renamed]);
            assert_said(&out, 4, &format!("its backup/user.conf is of user {user}"));
        }
    }
}

/// A server without a panel has no panel backups: each backup command is the one typed
/// refusal (exit 4) naming the host, that it runs no panel, and the missing capability.
#[test]
fn a_server_without_a_panel_refuses_backup_commands_naming_the_capability() {
    let t = Test::lab("none", 1).ticket(TICKET).yes();
    for args in [
        &["backup", "list", "h1"][..],
        &[
            "backup",
            "restore",
            "h1",
            "--account",
            "lab",
            "--date",
            "2026-01-01",
        ],
        &["--json", "backup", "list", "h1"],
    ] {
        t.clone().hostops(args).status(4).said(
            "h1 runs no control panel: reading the panel's backups (backup list, restore, undo) is not supported there",
        ).run();
    }
}
