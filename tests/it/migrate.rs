//! `hostops migrate`: preflight refusals that need no panel emulator.

use std::process::Output;

use std::path::Path;

use crate::builder::Test;
use crate::hostile::Hostile;
use crate::support::{assert_exit, assert_said, json, stderr, stdout, Env, Lab};

#[test]
fn plan_refuses_servers_without_a_panel() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = env
        .hostops()
        .arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", "MIG-1", "--json", "migrate", "plan", "--from", "h1", "--to", "h2", "bob",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let v = json(&out);
    assert_eq!(v["clean"], false);
    assert!(
        v["plan"]["blockers"][0]
            .as_str()
            .unwrap()
            .contains("h1 runs no control panel: packaging"),
        "{v}"
    );
}

#[test]
fn plan_refuses_hostile_account_names_before_contacting_anything() {
    let env = Env::new();
    let inv = env.path().join("inv.toml");
    std::fs::write(&inv, "[[host]]\nname = \"a\"\naddress = \"192.0.2.1\"\n[[host]]\nname = \"b\"\naddress = \"192.0.2.2\"\n").unwrap();
    for bad in ["bob;touch /tmp/x", "$(id)", "../root", "-rf", "Bob"] {
        let out = env
            .hostops()
            .arg("--inventory")
            .arg(&inv)
            .args([
                "-t", "MIG-2", "migrate", "plan", "--from", "a", "--to", "b", "--", bad,
            ])
            .output()
            .unwrap();
        assert_exit(&out, 2, "is not a valid account name");
        for sub in ["run", "verify", "sync"] {
            let out = env
                .hostops()
                .arg("--inventory")
                .arg(&inv)
                .args([
                    "-t", "MIG-2", "-y", "migrate", sub, "--from", "a", "--to", "b", "--", bad,
                ])
                .output()
                .unwrap();
            assert_exit(&out, 2, "is not a valid account name");
        }
    }
    let same = env
        .hostops()
        .arg("--inventory")
        .arg(&inv)
        .args([
            "-t", "MIG-2", "migrate", "plan", "--from", "a", "--to", "a", "bob",
        ])
        .output()
        .unwrap();
    assert_exit(&same, 2, "name two different servers");
    let none = env
        .hostops()
        .arg("--inventory")
        .arg(&inv)
        .args(["-t", "MIG-2", "migrate", "plan", "--from", "a", "--to", "b"])
        .output()
        .unwrap();
    assert_eq!(
        none.status.code(),
        Some(2),
        "an account, --all or --owner is required"
    );
}

/// The ticket of this module's lab runs (`Lab::hostops_yes`).
pub(crate) const TICKET: &str = "MIG-9";

/// `hostops GLOBAL... migrate SUB --from h1 --to h2 ARGS...` on the lab, with the ticket and
/// --yes.
pub(crate) fn migrate(env: &Env, lab: &Lab, global: &[&str], sub: &str, args: &[&str]) -> Output {
    lab.hostops_yes(env, TICKET)
        .args(global)
        .args(["migrate", sub, "--from", "h1", "--to", "h2"])
        .args(args)
        .output()
        .unwrap()
}

/// A fingerprint of everything an account has on a host: files with modes and hashes, the
/// panel's records, database rows, mail. Equal fingerprints mean nothing changed.
fn state(lab: &Lab, host: &str) -> String {
    let script = r#"
        cd / && find home var/cpanel var/www/vhosts usr/local/directadmin/data/users var/qmail/mailnames var/named etc/userdatadomains \
            -type f -printf '%p %m %s\n' 2>/dev/null | sort
        find home var/cpanel var/www/vhosts var/qmail/mailnames -type f 2>/dev/null | sort | xargs -r sha256sum 2>/dev/null
        for db in $(mariadb -N -e 'SHOW DATABASES' | grep -v -e _schema -e '^mysql$' -e '^sys$'); do mariadb-dump --skip-dump-date "$db"; done
        getent passwd | sort"#;
    let out = lab.sh(host, &["sh", "-c", script]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn rows(lab: &Lab, host: &str, db: &str) -> String {
    let out = lab.sh(host, &["sh", "-c", &format!("for t in $(mariadb -N -e 'SHOW TABLES' {db}); do mariadb -N -e \"SELECT '$t', COUNT(*) FROM $t\" {db}; done")]);
    stdout(&out)
}

fn title(lab: &Lab, host: usize, domain: &str) -> String {
    let out = std::process::Command::new("curl")
        .args([
            "-s",
            "-H",
            &format!("Host: {domain}"),
            &format!("http://{}/", lab.address(host)),
        ])
        .output()
        .unwrap();
    let page = stdout(&out);
    page.split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("")
        .to_string()
}

fn migrate_one_account(panel: &str, user: &str, domain: &str) {
    let (env, lab) = (Env::new(), Lab::up_with(2, panel));
    lab.lab(
        "add-account",
        &[
            "h1",
            user,
            "--domain",
            domain,
            "--db",
            "shop",
            "--mailbox",
            "info",
            "--size",
            "3",
        ],
    );
    let before = state(&lab, "h1");
    let plan = migrate(&env, &lab, &["--json"], "plan", &[user]);
    assert_said(&plan, 0, "");
    let out = migrate(&env, &lab, &["--json"], "run", &[user]);
    assert_said(&out, 0, "");
    assert_eq!(json(&out)["report"]["accounts"][0]["ok"], true);
    assert_eq!(state(&lab, "h1"), before, "the source changed");
    let db = format!("{user}_shop");
    assert_eq!(rows(&lab, "h2", &db), rows(&lab, "h1", &db));
    assert!(!rows(&lab, "h2", &db).is_empty());
    let (t1, t2) = (title(&lab, 1, domain), title(&lab, 2, domain));
    assert!(!t1.is_empty() && t1 == t2, "titles {t1:?} / {t2:?}");
    let leftovers = lab.sh(
        "h2",
        &[
            "sh",
            "-c",
            "ls -a /home /var/www/vhosts 2>/dev/null | grep -c hostops || true",
        ],
    );
    assert_eq!(
        stdout(&leftovers).trim(),
        "0",
        "temporary files left on the target"
    );

    let verify = |deep: bool| {
        let deep: &[&str] = if deep { &["--deep"] } else { &[] };
        migrate(&env, &lab, &["--json"], "verify", &[&[user], deep].concat())
    };
    let same = verify(true);
    assert_said(&same, 0, "");
    let checks = json(&same)["accounts"][0]["checks"].to_string();
    for what in [
        "home files",
        "home contents",
        "db ",
        "mail ",
        "zone ",
        "cron",
        "http ",
    ] {
        assert!(checks.contains(what), "no {what:?} check: {checks}");
    }
    // Damage the copy: one file gone, one row gone.
    let damage = format!(
        "f=$(find /home/{user} /var/www/vhosts/{domain} -name index.html 2>/dev/null | head -1); rm -f \"$f\"; mariadb -e 'DELETE FROM posts LIMIT 1' {db}"
    );
    assert!(lab.sh("h2", &["sh", "-c", &damage]).status.success());
    let differs = verify(false);
    assert_eq!(differs.status.code(), Some(1), "{}", stdout(&differs));
    let v = json(&differs);
    let different: Vec<String> = v["accounts"][0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["same"] == false)
        .map(|c| c["what"].as_str().unwrap().to_string())
        .collect();
    assert!(different.iter().any(|w| w == "home files"), "{different:?}");
    assert!(
        different.iter().any(|w| w.starts_with("db ")),
        "{different:?}"
    );
    assert!(
        different.iter().any(|w| w.starts_with("http ")),
        "{different:?}"
    );
}

#[test]
fn cpanel_single_account_migration() {
    migrate_one_account("cpanel", "bob", "bob.example");
}

#[test]
fn plesk_single_account_migration() {
    migrate_one_account("plesk", "shopuser", "shop.example");
}

#[test]
fn directadmin_single_account_migration() {
    migrate_one_account("directadmin", "amy", "amy.example");
}

/// `migrate plan --json` from h1 to h2 with `args`: exit code and document.
fn plan_json(env: &Env, lab: &Lab, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let out = migrate(env, lab, &["--json"], "plan", args);
    (out.status.code(), json(&out))
}

pub(crate) fn add(lab: &Lab, host: &str, user: &str, domain: &str, size_mb: &str) {
    lab.lab(
        "add-account",
        &[
            host,
            user,
            "--domain",
            domain,
            "--db",
            "wp",
            "--mailbox",
            "info",
            "--size",
            size_mb,
        ],
    );
}

#[test]
fn three_cpanel_accounts_in_parallel() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    for (u, d) in [
        ("bob", "bob.example"),
        ("amy", "amy.example"),
        ("joe", "joe.example"),
    ] {
        add(&lab, "h1", u, d, "2");
    }
    let out = migrate(
        &env,
        &lab,
        &["--json"],
        "run",
        &["--parallel", "3", "bob", "amy", "joe"],
    );
    assert_said(&out, 0, "");
    let listed = stdout(&lab.sh("h2", &["whmapi1", "--output=json", "listaccts"]));
    for (u, d) in [
        ("bob", "bob.example"),
        ("amy", "amy.example"),
        ("joe", "joe.example"),
    ] {
        assert!(
            listed.contains(&format!("\"user\":\"{u}\""))
                || listed.contains(&format!("\"user\": \"{u}\"")),
            "{u} missing: {listed}"
        );
        assert_eq!(
            rows(&lab, "h2", &format!("{u}_wp")),
            rows(&lab, "h1", &format!("{u}_wp"))
        );
        assert_eq!(title(&lab, 2, d), title(&lab, 1, d));
    }
}

#[test]
fn version_mismatch_and_clashes_are_found_by_plan() {
    let t = Test::lab("cpanel", 2)
        .account("h1", "bob", "bob.example")
        .account("h1", "amy", "amy.example")
        .account("h2", "bob", "other.example")
        .account("h2", "zed", "amy.example")
        .ticket(TICKET)
        .yes();
    let h1_to_h2 = ["migrate", "plan", "--from", "h1", "--to", "h2"];
    let plan = |accounts: &[&str]| t.clone().hostops(&h1_to_h2).hostops(accounts).status(4);
    plan(&["bob", "amy"]).json(|v| {
        let blockers = v["plan"]["accounts"].to_string();
        for clash in [
            "username `bob` already exists on h2",
            "database bob_wp already exists on h2",
            "domain amy.example already exists on h2 (account `zed`)",
        ] {
            assert!(blockers.contains(clash), "{blockers}");
        }
    });

    t.lab_ref().lab("set-version", &["h2", "11.122.0.20"]);
    plan(&["bob"]).json(|v| {
        let blockers = v["plan"]["blockers"].to_string();
        assert!(blockers.contains("same panel version"), "{v}");
    });
    let run = ["migrate", "run", "--from", "h1", "--to", "h2", "bob"];
    t.clone()
        .hostops(&run)
        .status(4)
        .stderr_has("nothing was changed")
        .run();
    // With --json the refused plan is the result: its blockers, no actions, no report.
    t.hostops(&run).status(4).json(|v| {
        let blockers = v["plan"]["blockers"].to_string();
        assert!(blockers.contains("same panel version"), "{v}");
        assert_eq!(v["plan"]["actions"], serde_json::json!([]), "{v}");
        assert!(v["report"].is_null(), "{v}");
    });
}

#[test]
fn more_than_twenty_accounts_need_a_schedule() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    for i in 1..=21 {
        add(
            &lab,
            "h1",
            &format!("user{i}"),
            &format!("site{i}.example"),
            "1",
        );
    }
    let refused = migrate(&env, &lab, &["--json"], "plan", &["--all"]);
    assert_eq!(refused.status.code(), Some(4));
    assert!(
        json(&refused)["plan"]["blockers"]
            .to_string()
            .contains("--scheduled"),
        "{}",
        stdout(&refused)
    );
    let scheduled = migrate(
        &env,
        &lab,
        &["--json"],
        "plan",
        &["--all", "--scheduled", "ACC-2026-114"],
    );
    assert_eq!(scheduled.status.code(), Some(0), "{}", stdout(&scheduled));
    let journal = stdout(
        &env.hostops()
            .args(["log", "export", "MIG-9"])
            .output()
            .unwrap(),
    );
    assert!(journal.contains("scheduled as ACC-2026-114"), "{journal}");
}

#[test]
fn dry_run_leaves_both_servers_byte_identical() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "2");
    let (h1, h2) = (state(&lab, "h1"), state(&lab, "h2"));
    let out = migrate(&env, &lab, &["--dry-run"], "run", &["bob"]);
    assert_exit(&out, 0, "");
    let text = stdout(&out);
    assert!(
        text.contains("/scripts/pkgacct --skiphomedir --nocompress bob /home/.hostops-migrate-"),
        "{text}"
    );
    assert!(
        text.contains("/scripts/restorepkg /home/.hostops-migrate-"),
        "{text}"
    );
    assert_eq!(state(&lab, "h1"), h1, "dry run changed the source");
    assert_eq!(state(&lab, "h2"), h2, "dry run changed the target");
}

/// The action lines of a plan as printed (`  on HOST: ...`), the run ID in the temporary
/// directory's name written as RUN (each run has its own).
fn action_lines(text: &str) -> Vec<String> {
    const DIR: &str = ".hostops-migrate-";
    text.lines()
        .filter(|l| l.starts_with("  on "))
        .map(|l| {
            let mut out = String::new();
            let mut rest = l;
            while let Some(at) = rest.find(DIR) {
                out.push_str(&rest[..at + DIR.len()]);
                rest = rest[at + DIR.len()..]
                    .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-');
                out.push_str("RUN");
            }
            out + rest
        })
        .collect()
}

#[test]
fn run_without_yes_or_a_terminal_refuses_after_showing_the_dry_run_plan() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "1");
    let (h1, h2) = (state(&lab, "h1"), state(&lab, "h2"));
    let dry = migrate(&env, &lab, &["--dry-run"], "run", &["bob"]);
    assert_exit(&dry, 0, "");
    let planned = action_lines(&stdout(&dry));
    assert!(
        planned.iter().any(|l| l.contains("/scripts/pkgacct"))
            && planned.iter().any(|l| l.contains("/scripts/restorepkg")),
        "{}",
        stdout(&dry)
    );
    // No --yes, and stdin is not a terminal: the plan is shown, then the change refused.
    let asked = env
        .hostops()
        .arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", TICKET, "migrate", "run", "--from", "h1", "--to", "h2", "bob",
        ])
        .output()
        .unwrap();
    assert_exit(&asked, 4, "without confirmation");
    assert_eq!(action_lines(&stderr(&asked)), planned, "{}", stderr(&asked));
    // The same plan in JSON: each command with its argv.
    let dry = migrate(&env, &lab, &["--dry-run", "--json"], "run", &["bob"]);
    let v = json(&dry);
    assert!(v["report"].is_null(), "{v}");
    let argv0: Vec<&str> = v["plan"]["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["argv"][0].as_str())
        .collect();
    assert!(
        argv0.contains(&"/scripts/pkgacct") && argv0.contains(&"/scripts/restorepkg"),
        "{v}"
    );
    assert_eq!(state(&lab, "h1"), h1, "the source changed");
    assert_eq!(state(&lab, "h2"), h2, "the target changed");
}

#[test]
fn a_full_target_disk_fails_cleanly_with_no_partial_account() {
    // A sparse file counts little in `du` (the plan's measure, as cPanel's rule) but is
    // written out in full when the archive is extracted: the target fills up mid-restore.
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "5");
    let sparse = lab.sh(
        "h1",
        &["truncate", "-s", "1600M", "/home/bob/public_html/disk.img"],
    );
    assert!(sparse.status.success());
    let before = state(&lab, "h1");
    lab.lab("limit-home", &["h2", "1200"]);
    let account = &failed_migration_of_bob(&env, &lab);
    assert_eq!(account["ok"], false);
    // cPanel's home streams to the target before the restore: the disk fills up there, and
    // the account is never created.
    let error = account["error"].as_str().unwrap();
    assert!(
        error.starts_with("home failed") && error.contains("No space left on device"),
        "{account}"
    );
    let leftovers = lab.sh("h2", &["sh", "-c", "ls -a /home/.hostops-migrate-*"]);
    assert!(
        !stdout(&leftovers).contains("bob.home"),
        "the partial home stayed on the target: {}",
        stdout(&leftovers)
    );
    assert_no_bob_on_h2(&lab);
    assert_ne!(
        lab.sh("h2", &["test", "-e", "/home/bob"]).status.code(),
        Some(0),
        "home left behind"
    );
    assert_eq!(state(&lab, "h1"), before, "the source changed");
}

/// `migrate run` of bob from h1 to h2, which must fail (exit 1): bob's outcome.
fn failed_migration_of_bob(env: &Env, lab: &Lab) -> serde_json::Value {
    let out = migrate(env, lab, &["--json"], "run", &["bob"]);
    assert_said(&out, 1, "");
    json(&out)["report"]["accounts"][0].clone()
}

/// h2 has no account bob, and no system user of that name.
fn assert_no_bob_on_h2(lab: &Lab) {
    let listed = stdout(&lab.sh("h2", &["whmapi1", "--output=json", "listaccts"]));
    assert!(!listed.contains("bob"), "partial account left: {listed}");
    assert_ne!(
        lab.sh("h2", &["id", "bob"]).status.code(),
        Some(0),
        "system user left behind"
    );
}

#[test]
fn a_database_that_does_not_load_fails_the_restore_and_removes_the_account() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "1");
    // The dump's INSERT no longer fits in one packet on the target: restorepkg reports the
    // database as failed in its output and still exits 0, as cPanel's does.
    let small = lab.sh(
        "h2",
        &[
            "mariadb",
            "-e",
            "SET GLOBAL net_buffer_length=1024; SET GLOBAL max_allowed_packet=1024",
        ],
    );
    assert!(small.status.success(), "{}", stderr(&small));
    let before = state(&lab, "h1");
    let account = &failed_migration_of_bob(&env, &lab);
    let error = account["error"].as_str().unwrap();
    assert!(
        error.starts_with("restore failed")
            && error
                .contains("The system failed to reinstall the MySQL database “bob_wp” as “bob_wp”"),
        "{account}"
    );
    assert!(
        account["cleanup"]
            .as_str()
            .unwrap()
            .contains("partial account bob was removed"),
        "{account}"
    );
    assert_no_bob_on_h2(&lab);
    let dbs = stdout(&lab.sh("h2", &["mariadb", "-N", "-e", "SHOW DATABASES"]));
    assert!(!dbs.contains("bob_"), "database left: {dbs}");
    assert_eq!(state(&lab, "h1"), before, "the source changed");
}

#[test]
fn a_killed_run_resumes_without_redoing_finished_steps() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "150");
    let mut cmd = env.hostops_std();
    cmd.arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", "MIG-9", "-y", "migrate", "run", "--relay", "--from", "h1", "--to", "h2", "bob",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut running = cmd.spawn().unwrap();
    // Kill it once the transfer has started (the package step is journaled as done).
    let started = (0..3000).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        let md = stdout(
            &env.hostops()
                .args(["log", "export", "MIG-9"])
                .output()
                .unwrap(),
        );
        md.contains("migrate bob: package done")
    });
    assert!(started, "the package step never finished");
    std::thread::sleep(std::time::Duration::from_millis(300));
    running.kill().unwrap();
    running.wait().unwrap();
    let list = json(
        &env.hostops()
            .args(["-t", "MIG-9", "--json", "log", "list"])
            .output()
            .unwrap(),
    );
    let run = list["runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["command"] == "migrate run")
        .unwrap()
        .clone();
    assert_eq!(run["status"], "interrupted");
    let id = run["run_id"].as_str().unwrap();

    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "migrate", "run", "--resume", id])
        .output()
        .unwrap();
    assert_said(&out, 0, "");
    let steps = &json(&out)["report"]["accounts"][0]["steps"];
    // Killed while cPanel's home still streamed beside the package, transfer and restore
    // lane: the package step, done by then, is not done again.
    let package = steps
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["step"] == "package")
        .unwrap_or_else(|| panic!("no package step: {steps}"));
    assert_eq!(
        package["resumed"], true,
        "the package step was redone: {steps}"
    );
    assert_eq!(rows(&lab, "h2", "bob_wp"), rows(&lab, "h1", "bob_wp"));
    let sums = |h: &str| {
        stdout(&lab.sh(h, &["sh", "-c", "cd /home/bob && find . -type f ! -path './mail/*' -print0 | sort -z | xargs -0 sha256sum"]))
    };
    assert_eq!(
        sums("h2"),
        sums("h1"),
        "home directories differ after the resume"
    );
}

/// New mail, a new file and a new row on the source after the migration.
fn write_during_copy(lab: &Lab, user: &str, maildir: &str, home: &str, db: &str) {
    let script = format!(
        "mkdir -p {maildir}/new && printf 'Subject: late\\n\\nhi\\n' > {maildir}/new/1800000000.late.h1 && \
         echo late > {home}/late.txt && mariadb -e \"INSERT INTO posts (title, body, created) VALUES ('late', 'x', NOW())\" {db}"
    );
    let out = lab.sh("h1", &["sh", "-c", &script]);
    assert!(out.status.success(), "{user}: {}", stderr(&out));
}

fn sync_after_migration(
    panel: &str,
    user: &str,
    domain: &str,
    maildir: &str,
    home: &str,
    relay: bool,
) {
    let (env, lab) = (Env::new(), Lab::up_with(2, panel));
    add(&lab, "h1", user, domain, "2");
    let run = migrate(&env, &lab, &[], "run", &[user]);
    assert_exit(&run, 0, "");
    let db = format!("{user}_wp");
    write_during_copy(&lab, user, maildir, home, &db);
    let verify = || migrate(&env, &lab, &[], "verify", &[user]);
    assert_eq!(
        verify().status.code(),
        Some(1),
        "the late writes should show as differences"
    );
    let relay_arg: &[&str] = if relay { &["--relay"] } else { &[] };
    let sync_args = [&[user][..], relay_arg].concat();
    let dry = migrate(&env, &lab, &["--dry-run"], "sync", &sync_args);
    assert_exit(&dry, 0, "");
    let plan = stdout(&dry);
    let expected = if relay {
        "mysqldump --single-transaction"
    } else {
        "rsync -a --update"
    };
    assert!(plan.contains(expected) && plan.contains(&db), "{plan}");
    assert_eq!(
        verify().status.code(),
        Some(1),
        "a dry run must not sync anything"
    );
    let out = migrate(&env, &lab, &["--json"], "sync", &sync_args);
    assert_said(&out, 0, "");
    let synced = &json(&out)["report"]["accounts"][0];
    assert_eq!(synced["user"], user, "{synced}");
    assert!(synced["databases"].to_string().contains(&db), "{synced}");
    assert_eq!(rows(&lab, "h2", &db), rows(&lab, "h1", &db));
    assert!(
        lab.sh(
            "h2",
            &["test", "-f", &format!("{maildir}/new/1800000000.late.h1")]
        )
        .status
        .success(),
        "late mail lost"
    );
    let after = verify();
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
}

#[test]
fn cpanel_sync_brings_over_what_was_written_during_the_copy() {
    sync_after_migration(
        "cpanel",
        "bob",
        "bob.example",
        "/home/bob/mail/bob.example/info",
        "/home/bob",
        false,
    );
}

#[test]
fn plesk_relayed_sync_brings_over_mail_kept_outside_the_home() {
    sync_after_migration(
        "plesk",
        "shopuser",
        "shop.example",
        "/var/qmail/mailnames/shop.example/info/Maildir",
        "/var/www/vhosts/shop.example",
        true,
    );
}

#[test]
fn hostile_names_planted_on_the_source_are_refused_and_never_run() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "1");
    // Inside a lab host, the marker is under its own /tmp.
    let h = Hostile::new(Path::new("/tmp"));
    // Accounts are the files of /var/cpanel/users (a name can hold no `/`, at most 255
    // bytes); domains are lines of /etc/userdatadomains (no `:` or newline).
    const ACCOUNT: &str = r#"printf 'DNS=planted.example\nOWNER=root\n' > "/var/cpanel/users/$1""#;
    const DOMAIN: &str = r#"printf '%s: bob==root==addon==bob.example==/home/bob/public_html==127.0.0.1:80==\n' "$1" >> /etc/userdatadomains"#;
    let mut planted = Vec::new();
    for (_, v) in h.non_empty() {
        let as_account = !v.contains('/') && v.len() <= 255;
        let as_domain = !v.contains(':') && !v.contains('\n');
        for (ok, script) in [(as_account, ACCOUNT), (as_domain, DOMAIN)] {
            if ok {
                let out = lab.sh("h1", &["sh", "-c", script, "sh", v]);
                assert!(out.status.success(), "{v:?}: {}", stderr(&out));
            }
        }
        if as_account || as_domain {
            planted.push(v);
        }
    }
    assert!(planted.len() + 1 >= h.non_empty().count(), "{planted:?}");
    assert!(planted.contains(&"-rf") && planted.contains(&"$(touch /tmp/hostops-pwned)"));

    for sel in [&["--all"][..], &["--owner", "root"]] {
        let (code, v) = plan_json(&env, &lab, sel);
        assert_eq!(code, Some(4), "{v}");
        let blockers = v["plan"]["accounts"].to_string();
        for name in &planted {
            let escaped = serde_json::to_string(&name.escape_debug().to_string()).unwrap();
            let escaped = &escaped[1..escaped.len() - 1];
            assert!(
                blockers.contains(escaped),
                "no blocker names {name:?} ({escaped}): {blockers}"
            );
        }
        let bob = v["plan"]["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["user"] == "bob")
            .unwrap();
        assert!(
            bob["blockers"]
                .to_string()
                .contains("which is not a valid domain name"),
            "{bob}"
        );
        let run = migrate(&env, &lab, &[], "run", sel);
        assert_exit(&run, 4, "nothing was changed");
        let dry = migrate(&env, &lab, &["--dry-run"], "run", sel);
        assert_eq!(dry.status.code(), Some(4), "{}", stderr(&dry));
        // The table escapes what it prints: no control character reaches the terminal.
        let text = stdout(&migrate(&env, &lab, &[], "plan", sel));
        assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text:?}");
    }
    for host in ["h1", "h2"] {
        h.assert_nothing_ran_at(&lab.host_path(host, "/tmp/hostops-pwned"));
    }
    // Every command hostops sent is in the journal: no packaging, and no planted value as
    // an argument of its own (an option).
    let journal = stdout(
        &env.hostops()
            .args(["log", "export", TICKET])
            .output()
            .unwrap(),
    );
    assert!(
        !journal.contains("pkgacct") && !journal.contains("restorepkg"),
        "{journal}"
    );
    for name in planted.iter().filter(|n| n.starts_with('-')) {
        assert!(
            !journal.contains(&format!(" {name} ")) && !journal.contains(&format!(" {name}\n")),
            "{name} reached a command as an option: {journal}"
        );
    }
}

/// Starts `migrate run --relay bob` from h1 to h2 and stops it with SIGTERM once `step` of
/// bob is journaled as done: its stderr and exit code, and the run's ID.
fn interrupt_migration_of_bob(env: &Env, lab: &Lab, step: &str) -> (String, Option<i32>, String) {
    let mut cmd = env.hostops_std();
    cmd.arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", TICKET, "-y", "migrate", "run", "--relay", "--from", "h1", "--to", "h2", "bob",
        ])
        .stdout(std::process::Stdio::null())
        // A file, not a pipe nobody reads while it runs: progress bars would fill it.
        .stderr(std::fs::File::create(env.path().join("interrupted.err")).unwrap());
    let mut running = cmd.spawn().unwrap();
    let reached = (0..3000).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        stdout(
            &env.hostops()
                .args(["log", "export", TICKET])
                .output()
                .unwrap(),
        )
        .contains(&format!("migrate bob: {step} done"))
    });
    assert!(reached, "the {step} step never finished");
    // SAFETY: signals the hostops process this test started, by its pid.
    assert_eq!(unsafe { libc::kill(running.id() as i32, libc::SIGTERM) }, 0);
    let status = running.wait().unwrap();
    let err = std::fs::read_to_string(env.path().join("interrupted.err")).unwrap();
    let list = json(
        &env.hostops()
            .args(["-t", TICKET, "--json", "log", "list"])
            .output()
            .unwrap(),
    );
    let run = list["runs"]
        .as_array()
        .unwrap()
        .iter()
        .rfind(|r| r["command"] == "migrate run")
        .unwrap()
        .clone();
    assert_eq!(run["status"], "interrupted", "{run}");
    (
        err,
        status.code(),
        run["run_id"].as_str().unwrap().to_string(),
    )
}

#[test]
fn an_interrupted_run_says_how_to_resume_and_is_not_started_over() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "150");
    let (err, code, id) = interrupt_migration_of_bob(&env, &lab, "package");
    assert_eq!(code, Some(130), "{err}");
    assert!(
        err.contains(&format!("hostops migrate run --resume {id}")),
        "{err}"
    );
    // Starting the same migration again points to the interrupted run: with nothing of
    // bob on h2 yet, as a warning (a dry run here)...
    let again = migrate(&env, &lab, &["--dry-run"], "run", &["bob"]);
    assert_said(
        &again,
        0,
        &format!("continue it with `hostops migrate run --resume {id}`"),
    );
    // ... and instead of the clashes, once h2 has what the interrupted run restored.
    add(&lab, "h2", "bob", "bob.example", "1");
    let refused = migrate(&env, &lab, &[], "run", &["bob"]);
    assert_exit(
        &refused,
        4,
        &format!("continue it with `hostops migrate run --resume {id}`"),
    );
    assert!(
        !stdout(&refused).contains("already exists"),
        "{}",
        stdout(&refused)
    );
}

/// SIGKILLs every process below `host`'s sshd listener: its SSH sessions and what they run
/// (all started by this test's lab), as when the link drops. The listener stays up.
fn drop_ssh_sessions(lab: &Lab, host: &str) {
    let pid_file = lab.dir.path().join("hosts").join(host).join("sshd.pid");
    let listener: i32 = std::fs::read_to_string(pid_file)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let parent_of = |pid: i32| -> Option<i32> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // `PID (COMM) STATE PPID ...`: COMM may hold spaces and parentheses.
        stat.rsplit_once(") ")?.1.split(' ').nth(1)?.parse().ok()
    };
    let all: Vec<i32> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    let below = |mut pid: i32| {
        while let Some(p) = parent_of(pid) {
            if p == listener {
                return true;
            }
            if p <= 1 {
                return false;
            }
            pid = p;
        }
        false
    };
    let doomed: Vec<i32> = all.into_iter().filter(|&p| below(p)).collect();
    assert!(!doomed.is_empty(), "no SSH session on {host}");
    for pid in doomed {
        // SAFETY: a process of this test's lab host, by pid.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
}

#[test]
fn a_lost_connection_exits_3_naming_the_host() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "150");
    let (out_file, err_file) = (env.path().join("lost.out"), env.path().join("lost.err"));
    let mut running = env
        .hostops_std()
        .arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", TICKET, "-y", "migrate", "run", "--relay", "--from", "h1", "--to", "h2", "bob",
        ])
        .stdout(std::fs::File::create(&out_file).unwrap())
        .stderr(std::fs::File::create(&err_file).unwrap())
        .spawn()
        .unwrap();
    let started = (0..3000).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(100));
        stdout(
            &env.hostops()
                .args(["log", "export", TICKET])
                .output()
                .unwrap(),
        )
        .contains("migrate bob: package done")
    });
    assert!(started, "the package step never finished");
    drop_ssh_sessions(&lab, "h2");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let status = loop {
        if let Some(s) = running.try_wait().unwrap() {
            break s;
        }
        if std::time::Instant::now() > deadline {
            running.kill().unwrap();
            panic!("hostops did not end after losing h2");
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    };
    let said =
        std::fs::read_to_string(&out_file).unwrap() + &std::fs::read_to_string(&err_file).unwrap();
    assert_eq!(status.code(), Some(3), "{said}");
    assert!(
        said.contains(&format!(
            "lost the connection to h2 ({}:22) during",
            lab.address(2)
        )),
        "{said}"
    );
}

#[test]
fn cpanel_migration_keeps_sub_second_times_and_directory_times() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "1");
    let set = "cd /home/bob && mkdir -p etc mail files && printf x > files/sub && \
               touch -d '2020-02-02 02:02:02.123456789' public_html/index.html && \
               touch -d '2021-03-04 05:06:07.987654321' files/sub && \
               touch -d '2011-11-11 11:11:11.5' public_html etc mail files .";
    assert!(lab.sh("h1", &["sh", "-c", set]).status.success());
    let times = |host: &str| {
        stdout(&lab.sh(
            host,
            &[
                "sh",
                "-c",
                "cd /home/bob && stat -c '%n %y %a' . public_html etc mail files public_html/index.html files/sub",
            ],
        ))
    };
    let before = times("h1");
    assert!(
        before.contains(".123456789") && before.contains("11:11:11.5"),
        "{before}"
    );
    let out = migrate(&env, &lab, &[], "run", &["bob"]);
    assert_said(&out, 0, "");
    assert_eq!(times("h2"), before, "times differ on the target");
}

#[test]
fn plesk_owner_is_the_login_of_the_subscriptions_owner() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "plesk"));
    add(&lab, "h1", "shopuser", "shop.example", "1");
    // The emulator prints Plesk's line: `Owner's contact name:   Administrator (admin)`.
    let info = stdout(&lab.sh(
        "h1",
        &["plesk", "bin", "subscription", "--info", "shop.example"],
    ));
    assert!(info.contains("Administrator (admin)"), "{info}");
    let (code, v) = plan_json(&env, &lab, &["--owner", "admin"]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["plan"]["accounts"][0]["user"], "shopuser", "{v}");
    let none = migrate(&env, &lab, &[], "plan", &["--owner", "Administrator"]);
    assert_exit(&none, 2, "no accounts selected");
}

/// Without a panel the accounts are the system users (uid 1000 and up, home /home/USER):
/// `migrate verify` compares the lab user on two plain servers instead of refusing them.
#[test]
fn verify_compares_system_users_between_servers_without_a_panel() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = lab
        .hostops_yes(&env, "MIG-1")
        .args([
            "--json", "migrate", "verify", "--from", "h1", "--to", "h2", "lab",
        ])
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(out.status.code(), Some(0), "{v:#}");
    assert_eq!(v["accounts"][0]["user"], "lab", "{v:#}");
    assert!(
        !v["accounts"][0]["checks"].as_array().unwrap().is_empty(),
        "{v:#}"
    );
}
