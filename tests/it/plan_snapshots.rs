//! Snapshots (insta) of what an operator reads before anything changes: the dry-run plans of
//! `copy`, `migrate run`, `backup restore`, `playbook run`, `mail queue --remove` and
//! `dns set` (human, and the JSON plan), and the
//! messages of the common errors. What changes from run to run (temporary directories, lab
//! addresses, run ids, hashes, times) is redacted by `Done::redact`.
//! Re-bless with `INSTA_UPDATE=always cargo test --test it plan_snapshots::` and review the diff.

use serde_json::Value;

use crate::builder::{Done, Test};

/// What a run printed, stdout then stderr, redacted.
pub fn screen(done: &Done) -> String {
    done.redact(&format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        done.output.status.code().unwrap_or(-1),
        done.stdout,
        done.stderr
    ))
}

/// A `--json` run's envelope, pretty, with its run id and journal head named, redacted.
fn document(done: &Done) -> String {
    let mut doc: Value = done.envelope.clone().expect("a run with --json");
    for (field, name) in [("run_id", "[RUN_ID]"), ("journal_head", "[HASH]")] {
        if doc[field].is_string() {
            doc[field] = Value::from(name);
        }
    }
    done.redact(&serde_json::to_string_pretty(&doc).unwrap())
}

const TOUCH: &str =
    "name: touch\nlevel: 2\nsteps:\n  - name: mark\n    run: touch /tmp/plan-snapshot\n";

#[test]
fn copy_plans_and_common_errors() {
    let t = Test::lab("none", 1).file("f.txt", "hello\n");
    let copy = ["copy", "f.txt", "h1:/root/f.txt"];
    let dry = t.clone().hostops(&["--dry-run"]).hostops(&copy).run();
    insta::assert_snapshot!("copy-dry-run", screen(&dry));
    let dry = t
        .clone()
        .hostops(&["--dry-run"])
        .hostops(&copy)
        .json(|_| {});
    insta::assert_snapshot!("copy-dry-run-json", document(&dry));

    let exec = ["exec", "h1", "--", "true"];
    for (name, test) in [
        ("error-missing-ticket", t.clone().no_ticket().hostops(&exec)),
        (
            "error-malformed-ticket",
            t.clone().ticket("not a ticket!").hostops(&exec),
        ),
        (
            "error-unknown-host",
            t.clone().yes().hostops(&["exec", "nosuch", "--", "true"]),
        ),
        ("error-refused-without-terminal", t.clone().hostops(&copy)),
    ] {
        let code = if name.ends_with("terminal") { 4 } else { 2 };
        insta::assert_snapshot!(name, screen(&test.clone().status(code).run()));
        let json = format!("{name}-json");
        insta::assert_snapshot!(json, document(&test.status(code).json(|_| {})));
    }
}

#[test]
fn playbook_run_dry_run_plan() {
    let t = Test::lab("none", 1).file("touch.yml", TOUCH);
    let run = ["--dry-run", "playbook", "run", "touch.yml", "--host", "h1"];
    insta::assert_snapshot!(
        "playbook-run-dry-run",
        screen(&t.clone().hostops(&run).run())
    );
}

#[test]
fn migrate_run_dry_run_plan() {
    let t = Test::lab("cpanel", 2).account("h1", "bob", "bob.example");
    let run = [
        "--dry-run",
        "migrate",
        "run",
        "--from",
        "h1",
        "--to",
        "h2",
        "bob",
    ];
    insta::assert_snapshot!(
        "migrate-run-dry-run",
        screen(&t.clone().hostops(&run).run())
    );
}

#[test]
fn backup_restore_dry_run_plan_and_unknown_account() {
    let t = Test::lab("cpanel", 1)
        .account("h1", "bob", "bob.example")
        .backup("h1", "bob", "2026-11-01");
    let restore = |user: &str| {
        t.clone().hostops(&[
            "--dry-run",
            "backup",
            "restore",
            "h1",
            "--account",
            user,
            "--date",
            "2026-11-01",
        ])
    };
    insta::assert_snapshot!("backup-restore-dry-run", screen(&restore("bob").run()));
    let unknown = restore("nobody").status(2).run();
    insta::assert_snapshot!("error-unknown-account", screen(&unknown));
}

#[test]
fn password_reset_dry_run_plan() {
    let t = Test::lab("none", 1);
    let reset = [
        "--dry-run",
        "password",
        "reset",
        "h1",
        "--account",
        "root",
        "--generate",
    ];
    insta::assert_snapshot!(
        "password-reset-dry-run",
        screen(&t.clone().hostops(&reset).run())
    );
}

#[test]
fn plesk_database_user_reset_dry_run_plan() {
    // The database the user belongs to is read from the server: the plan names Plesk's call.
    let t = Test::lab("plesk", 1).account("h1", "bob", "bob.example");
    let reset = [
        "--dry-run",
        "password",
        "reset",
        "h1",
        "--db-user",
        "bob_wp_u",
        "--generate",
    ];
    insta::assert_snapshot!(
        "password-reset-plesk-db-user-dry-run",
        screen(&t.clone().hostops(&reset).run())
    );
}

#[test]
fn mail_queue_remove_dry_run_plan() {
    let t = Test::lab_mail("none", 1);
    // Two messages for a domain routed to an address where nothing listens (deferred, they
    // stay queued): one from the sender the plan selects, one from another.
    let route = format!(
        "echo 'dead.test: {}.250' >> /etc/exim4/lab-routes",
        t.lab_ref().net()
    );
    assert!(t.lab_ref().sh("h1", &["sh", "-c", &route]).status.success());
    for from in ["info@shop.test", "other@shop.test"] {
        let out = t.lab_ref().sh(
            "h1",
            &[
                "sh",
                "-c",
                "printf 'From: %s\\nTo: x@dead.test\\nSubject: offer\\n\\nbody\\n' \"$1\" | exim4 -odq -f \"$1\" x@dead.test",
                "send",
                from,
            ],
        );
        assert!(out.status.success(), "{out:?}");
    }
    let remove = [
        "--dry-run",
        "mail",
        "queue",
        "h1",
        "--remove",
        "--sender",
        "info@shop.test",
    ];
    let done = t.clone().hostops(&remove).run();
    // exim's message IDs and the queue ages change from run to run.
    let text = regex::Regex::new(r"\b[0-9A-Za-z]{6}-[0-9A-Za-z]{6}-[0-9A-Za-z]{2}\b")
        .unwrap()
        .replace_all(&screen(&done), "[MSGID]")
        .into_owned();
    let text = regex::Regex::new(r"(\[MSGID\]) +\d+[smhd] ")
        .unwrap()
        .replace_all(&text, "$1 [AGE] ")
        .into_owned();
    insta::assert_snapshot!("mail-queue-remove-dry-run", text);
}

#[test]
fn dns_set_dry_run_plan_shows_the_record_diff_and_the_guard_rails() {
    let t = Test::dns_lab("cpanel", 1).account("h1", "bob", "bob.example");
    let set = [
        "--dry-run",
        "dns",
        "set",
        "bob.example",
        "@",
        "MX",
        "10",
        "mx2.bob.example.",
        "--host",
        "h1",
    ];
    // The lab's zones have today's serial (YYYYMMDD01).
    let serial = regex::Regex::new(r"\b20\d{8}\b").unwrap();
    let redact = |text: String| serial.replace_all(&text, "[SERIAL]").into_owned();
    let human = screen(&t.clone().hostops(&set).run());
    assert!(human.contains("MODIFY bob.example. MX"), "{human}");
    insta::assert_snapshot!("dns-set-dry-run", redact(human));
    let json = document(&t.hostops(&set).json(|_| {}));
    insta::assert_snapshot!("dns-set-dry-run-json", redact(json));
}
