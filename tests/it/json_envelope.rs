//! README "JSON output", command by command: every command run with `--json` once in a way
//! that succeeds and once in a way that fails prints one JSON document on stdout with the
//! envelope (`support::envelope`), its `command`, `ticket`, `dry_run`, a run id when the run
//! is journaled, and on failure the error's `kind` for its exit code. Each test goes through
//! all its cases and then names every one that failed.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::builder::{Done, Test, TICKET};
use crate::dnsbl_fixture::Rbldnsd;

/// The cases of one test, and the ones that failed.
#[derive(Default)]
struct Cases {
    failed: Vec<String>,
}

/// The `kind` of an error for each exit code (README "Exit codes").
fn kind(code: i32) -> &'static str {
    match code {
        1 => "failure",
        2 => "usage",
        3 => "connection",
        4 => "refused",
        _ => "interrupted",
    }
}

impl Cases {
    /// `t` with `--json` must end with `code` and print the envelope of `command`; `None` (and
    /// the case counted as failed) when it does not.
    fn check(&mut self, command: &str, code: i32, t: Test) -> Option<Done> {
        let journaled = !matches!(
            command.split(' ').next(),
            Some("log" | "completions" | "man" | "hostops")
        ) && !matches!(
            command,
            "hosts list"
                | "playbook list"
                | "playbook show"
                | "playbook lint"
                | "ticket show"
                | "ticket handoff"
                | "ticket list"
        );
        let dry_run = t.has_arg("--dry-run");
        let ticket = t.given_ticket().map(str::to_string);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let done = t.status(code).json(|_| {});
            let e = done.envelope.as_ref().unwrap();
            assert_eq!(e["command"], command, "{e:#}");
            assert_eq!(e["dry_run"], dry_run, "{e:#}");
            let errors = e["errors"].as_array().unwrap();
            if code == 0 {
                assert!(errors.is_empty(), "errors on success: {e:#}");
                assert!(!e["result"].is_null(), "no result: {e:#}");
                if journaled {
                    assert_eq!(e["ticket"].as_str(), ticket.as_deref(), "{e:#}");
                    assert!(e["run_id"].is_string(), "no run id: {e:#}");
                    assert!(e["journal_head"].is_string(), "no journal head: {e:#}");
                }
            }
            for err in errors {
                assert_eq!(err["kind"], kind(code), "{e:#}");
                assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
                assert!(err["causes"].as_array().is_some_and(|c| !c.is_empty()));
            }
            done
        }));
        match outcome {
            Ok(done) => Some(done),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("(panicked)");
                let first = if why.contains("envelope fields") {
                    "prints its own JSON, not the envelope".to_string()
                } else if why.contains("stdout is not JSON") {
                    "prints no JSON document".to_string()
                } else {
                    why.lines().next().unwrap_or("").chars().take(200).collect()
                };
                self.failed.push(format!(
                    "{command}{} (exit {code} expected): {first}",
                    if dry_run { " --dry-run" } else { "" }
                ));
                None
            }
        }
    }

    #[track_caller]
    fn finish(self) {
        assert!(
            self.failed.is_empty(),
            "{} case(s) without the envelope:\n  {}",
            self.failed.len(),
            self.failed.join("\n  ")
        );
    }
}

/// A playbook that changes one marker file.
const TOUCH: &str =
    "name: touch\nlevel: 2\nsteps:\n  - name: mark\n    run: touch /tmp/json-envelope\n";

#[test]
fn commands_without_hosts() {
    let mut cases = Cases::default();
    let t = Test::new().file("touch.yml", TOUCH).file(
        "bad.yml",
        "name: bad\nlevel: 2\nsteps:\n  - name: typo\n    rn: echo\n",
    );
    let run = |args: &[&str]| t.clone().hostops(args);

    cases.check("exec", 0, run(&["exec", "local", "--", "true"]).yes());
    cases.check(
        "exec",
        2,
        run(&["exec", "local", "--", "true"]).yes().no_ticket(),
    );
    cases.check(
        "hosts list",
        2,
        run(&["--inventory", "nosuch.toml", "hosts", "list"]),
    );
    cases.check("playbook list", 0, run(&["playbook", "list"]));
    cases.check(
        "playbook list",
        1,
        run(&["playbook", "list", "--playbooks", "nosuch-dir"]),
    );
    cases.check(
        "playbook show",
        0,
        run(&["playbook", "show", "rebuild-apache"]),
    );
    cases.check(
        "playbook show",
        2,
        run(&["playbook", "show", "no-such-book"]),
    );
    cases.check("playbook lint", 0, run(&["playbook", "lint", "touch.yml"]));
    cases.check("playbook lint", 1, run(&["playbook", "lint", "bad.yml"]));
    cases.check("log list", 0, run(&["log", "list"]));
    cases.check("log list", 2, run(&["log", "list", "--since", "soon"]));
    cases.check(
        "log list",
        0,
        run(&[
            "log",
            "list",
            "--host",
            "h1",
            "--outcome",
            "failed",
            "--level",
            "L2",
        ]),
    );
    cases.check("hostops", 2, run(&["log", "list", "--outcome", "fine"]));
    // Above the operator's level: refused before any host is looked up.
    cases.check(
        "migrate run",
        4,
        run(&["migrate", "run", "--from", "h1", "--to", "h2", "bob", "amy"])
            .var("HOSTOPS_LEVEL", "2"),
    );
    cases.check("log show", 0, run(&["log", "show", TICKET]));
    cases.check("log show", 1, run(&["log", "show", "NOPE-1"]));
    cases.check("log export", 0, run(&["log", "export", TICKET]));
    cases.check("log export", 1, run(&["log", "export", "NOPE-1"]));
    cases.check("log verify", 0, run(&["log", "verify"]));
    cases.check(
        "log verify",
        1,
        run(&["log", "verify", "--head", "0123456789abcdef"]),
    );
    let escalate = |to: &str| run(&["ticket", "escalate", TICKET, "--to", to, "--note", "why"]);
    cases.check("ticket escalate", 0, escalate("L3"));
    cases.check("ticket escalate", 4, escalate("L2"));
    cases.check("ticket show", 0, run(&["ticket", "show", TICKET]));
    cases.check("ticket show", 1, run(&["ticket", "show", "NOPE-1"]));
    cases.check("ticket handoff", 0, run(&["ticket", "handoff", TICKET]));
    cases.check(
        "ticket handoff",
        0,
        run(&["ticket", "handoff", TICKET, "--format", "json"]),
    );
    cases.check("ticket handoff", 1, run(&["ticket", "handoff", "NOPE-1"]));
    cases.check("ticket list", 0, run(&["ticket", "list", "--open"]));
    cases.check(
        "ticket list",
        2,
        run(&["--journal", "nosuch.sqlite", "ticket", "list"]),
    );
    cases.check("ticket close", 0, run(&["ticket", "close", TICKET]));
    cases.check("ticket close", 2, run(&["ticket", "close", "no ticket"]));
    cases.check("completions", 0, run(&["completions", "bash"]));
    // A bad argument is a usage error of the command line as a whole (`hostops`).
    cases.check("hostops", 2, run(&["completions", "no-such-shell"]));
    cases.check("man", 0, run(&["man"]));
    cases.check("hostops", 2, run(&["man", "--no-such-flag"]));
    // A malformed ticket is refused before any command runs.
    cases.check(
        "exec",
        2,
        run(&["exec", "local", "--", "true"]).ticket("no ticket"),
    );
    cases.finish();
}

#[test]
fn commands_on_a_plain_host() {
    let mut cases = Cases::default();
    let t = Test::lab("none", 1)
        .file("touch.yml", TOUCH)
        .file("f.txt", "hello\n");
    let run = |args: &[&str]| t.clone().hostops(args);
    std::fs::write(
        t.lab_ref().host_path("h1", "/var/log/exim_mainlog"),
        "2026-11-22 06:00:01 1tGood-000001-EF <= sales@shop.example H=(pc) [203.0.113.5]:40000 \
         P=esmtpsa A=dovecot_plain:sales@shop.example S=999 for client@partner.example\n",
    )
    .unwrap();

    cases.check("hosts list", 0, run(&["hosts", "list"]));
    let checked = cases.check("hosts check", 0, run(&["hosts", "check", "h1"]));
    if let Some(done) = checked {
        let hosts = &done.result()["hosts"];
        if hosts[0]["host"] != "h1" || hosts[0]["outcome"] != "ok" {
            cases
                .failed
                .push(format!("hosts check: result.hosts {hosts}"));
        }
    }
    cases.check("hosts check", 2, run(&["hosts", "check", "nosuch"]));
    cases.check("diagnose hardware", 0, run(&["diagnose", "hardware", "h1"]));
    cases.check(
        "diagnose hardware",
        2,
        run(&["diagnose", "hardware", "nosuch"]),
    );
    cases.check("diagnose load", 2, run(&["diagnose", "load", "nosuch"]));
    cases.check(
        "diagnose load",
        2,
        run(&["diagnose", "load", "h1", "--since", "not a time"]),
    );
    cases.check("exec", 0, run(&["exec", "h1", "--", "true"]).yes());
    cases.check("exec", 2, run(&["exec", "nosuch", "--", "true"]).yes());
    cases.check("copy", 0, run(&["copy", "f.txt", "h1:/root/f.txt"]).yes());
    cases.check(
        "copy",
        0,
        run(&["--dry-run", "copy", "f.txt", "h1:/root/d.txt"]),
    );
    cases.check(
        "copy",
        2,
        run(&["copy", "f.txt", "nosuch:/root/f.txt"]).yes(),
    );
    // No terminal to ask on and no --yes: refused, the plan as the result.
    cases.check("copy", 4, run(&["copy", "f.txt", "h1:/root/g.txt"]));
    cases.check(
        "blacklist investigate",
        0,
        run(&["blacklist", "investigate", "h1"]),
    );
    cases.check(
        "blacklist investigate",
        2,
        run(&["blacklist", "investigate", "nosuch"]),
    );
    // A host without an exim log: nothing to trace, exit 1.
    cases.check(
        "mail trace",
        1,
        run(&["mail", "trace", "h1", "--to", "info@shop.test"]),
    );
    cases.check(
        "mail trace",
        2,
        run(&["mail", "trace", "h1", "--id", "not-an-id"]),
    );
    // Nothing answers DNS on port 9: the domain could not be checked.
    let mcheck = ["mail", "check", "info@shop.test", "--host", "h1"];
    cases.check(
        "mail check",
        3,
        run(&[&mcheck[..], &["--nameserver", "127.0.0.1:9"]].concat()),
    );
    cases.check(
        "mail check",
        2,
        run(&["mail", "check", "not-an-address", "--host", "h1"]),
    );
    // No panel: no per-account hold to call, the capability refusal.
    cases.check(
        "mail hold",
        4,
        run(&["mail", "hold", "h1", "--account", "bob"]).yes(),
    );
    cases.check(
        "mail release",
        2,
        run(&["mail", "release", "h1", "--account", "a.b"]).yes(),
    );
    cases.check("mail queue", 0, run(&["mail", "queue", "h1"]));
    cases.check("mail queue", 2, run(&["mail", "queue", "nosuch"]));
    cases.check(
        "mail queue remove",
        0,
        run(&["mail", "queue", "h1", "--remove", "--frozen"]).hostops(&["--dry-run"]),
    );
    cases.check(
        "mail queue remove",
        2,
        run(&["mail", "queue", "h1", "--remove"]),
    );
    let book = ["playbook", "run", "touch.yml", "--host", "h1"];
    cases.check("playbook run", 0, run(&book).yes());
    cases.check("playbook run", 0, run(&book).hostops(&["--dry-run"]));
    cases.check("playbook run", 2, run(&book).yes().no_ticket());
    cases.check("playbook run", 4, run(&book));
    cases.finish();
}

/// README "JSON output": a fleet command reports every host it was asked about in
/// `result.hosts`, an unreachable one as a row with its outcome and error (exit 3).
#[test]
fn fleet_commands_report_unreachable_hosts_as_rows() {
    let mut cases = Cases::default();
    let t = Test::lab("none", 1).file("touch.yml", TOUCH);
    let inventory = t.lab_ref().inventory();
    let text = std::fs::read_to_string(&inventory).unwrap()
        + "\n[[host]]\nname = \"dead\"\naddress = \"127.0.0.1\"\nport = 1\n";
    std::fs::write(&inventory, text).unwrap();
    let run = |args: &[&str]| t.clone().yes().hostops(args);
    for (command, test) in [
        ("hosts check", run(&["hosts", "check", "h1", "dead"])),
        (
            "diagnose hardware",
            run(&["diagnose", "hardware", "h1", "dead"]),
        ),
        ("diagnose load", run(&["diagnose", "load", "h1", "dead"])),
        ("exec", run(&["exec", "h1", "dead", "--", "true"])),
        (
            "account find",
            run(&["account", "find", "h1.example", "h1", "dead"]),
        ),
        (
            "playbook run",
            run(&[
                "playbook",
                "run",
                "touch.yml",
                "--host",
                "h1",
                "--host",
                "dead",
            ]),
        ),
    ] {
        let Some(done) = cases.check(command, 3, test) else {
            continue;
        };
        // A change's hosts are in its report.
        let result = done.result();
        let hosts = match result.get("report") {
            Some(report) => &report["hosts"],
            None => &result["hosts"],
        };
        let rows = hosts.as_array().cloned().unwrap_or_default();
        let row = |name: &str| rows.iter().find(|r| r["host"] == name).cloned();
        let (h1, dead) = (row("h1"), row("dead"));
        // A playbook also says `changed` of a host it changed.
        let fine = h1
            .as_ref()
            .is_some_and(|r| r["outcome"] == "ok" || r["outcome"] == "changed")
            && dead.as_ref().is_some_and(|r| {
                r["outcome"] == "unreachable"
                    && r["error"]
                        .as_str()
                        .is_some_and(|e| e.contains("cannot connect"))
            });
        if !fine {
            cases.failed.push(format!("{command}: hosts {hosts}"));
        }
    }
    cases.finish();
}

/// `blacklist check` against a real rbldnsd: a clean address, and a mistyped one.
#[test]
fn blacklist_check() {
    let bl = Rbldnsd::start(&[("bl.test", "ip4set", ":127.0.0.2:Listed $\n127.0.0.2")]);
    let mut cases = Cases::default();
    let t = Test::new().file(
        "zones.toml",
        "[[zone]]\nname = \"bl.test\"\nkind = \"ip\"\n[zone.codes]\n\"127.0.0.2\" = \"listed\"\n",
    );
    let ns = bl.nameserver();
    let check = |target: &str| {
        t.clone().hostops(&[
            "blacklist",
            "check",
            "--zones",
            "zones.toml",
            "--nameserver",
            &ns,
            target,
        ])
    };
    cases.check("blacklist check", 0, check("192.0.2.99"));
    cases.check("blacklist check", 1, check("127.0.0.2"));
    cases.check("blacklist check", 2, check("192.0.2"));
    cases.finish();
}

#[test]
fn migrate_commands() {
    let mut cases = Cases::default();
    let t = Test::lab("cpanel", 2).account("h1", "bob", "bob.example");
    let migrate = |sub: &str, to: &str| {
        t.clone()
            .hostops(&["migrate", sub, "--from", "h1", "--to", to, "bob"])
    };
    cases.check("migrate plan", 0, migrate("plan", "h2"));
    cases.check("migrate plan", 2, migrate("plan", "h1"));
    let by_domain = [
        "migrate",
        "plan",
        "--from",
        "h1",
        "--to",
        "h2",
        "bob.example",
    ];
    if let Some(done) = cases.check("migrate plan", 0, t.clone().hostops(&by_domain)) {
        let r = &done.result()["plan"];
        let named = &r["named_by_domain"][0];
        if r["accounts"][0]["user"] != "bob" || named["from_domain"] != "bob.example" {
            cases.failed.push(format!("migrate plan bob.example: {r}"));
        }
    }
    cases.check("migrate run", 4, migrate("run", "h2"));
    cases.check(
        "migrate run",
        0,
        migrate("run", "h2").hostops(&["--dry-run"]),
    );
    cases.check("migrate run", 0, migrate("run", "h2").yes());
    cases.check("migrate verify", 0, migrate("verify", "h2"));
    cases.check("migrate verify", 2, migrate("verify", "nosuch"));
    cases.check("migrate sync", 0, migrate("sync", "h2").yes());
    cases.check("migrate sync", 2, migrate("sync", "h2").yes().no_ticket());
    cases.finish();
}

#[test]
fn backup_commands() {
    let mut cases = Cases::default();
    let t = Test::lab("cpanel", 1)
        .account("h1", "bob", "bob.example")
        .backup("h1", "bob", "2026-11-01");
    let run = |args: &[&str]| t.clone().hostops(args);
    let restore = [
        "backup",
        "restore",
        "h1",
        "--account",
        "bob",
        "--date",
        "2026-11-01",
    ];

    cases.check("backup list", 0, run(&["backup", "list", "h1"]));
    cases.check("backup list", 2, run(&["backup", "list", "nosuch"]));
    cases.check("backup restore", 4, run(&restore));
    cases.check("backup restore", 0, run(&restore).hostops(&["--dry-run"]));
    cases.check("backup restore", 0, run(&restore).yes());
    cases.check("backup undo", 2, run(&["backup", "undo", "0000000"]).yes());
    let run_id = last_run(&t, "backup restore");
    cases.check("backup undo", 0, run(&["backup", "undo", &run_id]).yes());
    // A domain stands for its account.
    let by_domain = [
        "--dry-run",
        "backup",
        "restore",
        "h1",
        "--account",
        "bob.example",
    ];
    cases.check(
        "backup restore",
        0,
        run(&by_domain).hostops(&["--date", "2026-11-01"]),
    );
    cases.check("account find", 0, run(&["account", "find", "bob.example"]));
    cases.check(
        "account find",
        1,
        run(&["account", "find", "nosuch.example"]),
    );
    cases.check("account find", 2, run(&["account", "find", "a;b"]));
    cases.check("account show", 0, run(&["account", "show", "h1", "bob"]));
    cases.check(
        "account show",
        2,
        run(&["account", "show", "h1", "nosuch.example"]),
    );
    let reset = ["password", "reset", "h1", "--account", "bob", "--generate"];
    cases.check("password reset", 0, run(&reset).yes());
    cases.check("password reset", 0, run(&reset).hostops(&["--dry-run"]));
    cases.check("password reset", 4, run(&reset));
    cases.check(
        "password reset",
        2,
        run(&[
            "password",
            "reset",
            "h1",
            "--mailbox",
            "a;b@x.test",
            "--generate",
        ])
        .yes(),
    );
    cases.finish();
}

#[test]
fn dns_commands() {
    let mut cases = Cases::default();
    let t = Test::lab("cpanel", 1).account("h1", "bob", "bob.example");
    let run = |args: &[&str]| t.clone().hostops(args);
    cases.check("dns show", 0, run(&["dns", "show", "bob.example"]));
    cases.check("dns show", 2, run(&["dns", "show", "a;b"]));
    cases.check("dns check", 2, run(&["dns", "check", "a;b"]));
    cases.check(
        "dns check",
        3,
        run(&["dns", "check", "--nameserver", "127.0.0.1:9", "bob.example"]),
    );
    let set = [
        "dns",
        "set",
        "--host",
        "h1",
        "bob.example",
        "www2",
        "A",
        "192.0.2.1",
    ];
    cases.check("dns set", 0, run(&set).hostops(&["--dry-run"]));
    cases.check("dns set", 4, run(&set));
    cases.check(
        "dns set",
        2,
        run(&[
            "dns",
            "set",
            "--host",
            "h1",
            "bob.example",
            "www",
            "A",
            "x;y",
        ]),
    );
    let add = [
        "dns",
        "add",
        "--host",
        "h1",
        "bob.example",
        "www",
        "A",
        "192.0.2.1",
    ];
    cases.check("dns add", 2, run(&add).hostops(&["--dry-run"]));
    let rm = ["dns", "rm", "--host", "h1", "bob.example", "mail", "A"];
    cases.check("dns rm", 0, run(&rm).hostops(&["--dry-run"]));
    cases.check(
        "dns rm",
        2,
        run(&["dns", "rm", "--host", "h1", "bob.example", "nosuch", "A"]),
    );
    cases.check("dns undo", 2, run(&["dns", "undo", "0000000"]).yes());
    let records = t.path("bob.records");
    std::fs::write(&records, "api 300 IN A 192.0.2.50\n").unwrap();
    let apply = ["dns", "apply", "--host", "h1", "bob.example", "--file"];
    let file = records.to_str().unwrap();
    cases.check("dns apply", 0, run(&apply).hostops(&[file, "--dry-run"]));
    cases.check(
        "dns apply",
        2,
        run(&apply).hostops(&["/nonexistent/records"]),
    );
    cases.finish();
}

/// The id of the last journaled run of `command` (read from the journal itself, whatever the
/// command printed).
fn last_run(t: &Test, command: &str) -> String {
    let db = rusqlite::Connection::open(t.env().journal()).unwrap();
    db.query_row(
        "SELECT run_id FROM events WHERE kind = 'run_start' AND instr(body, ?1) > 0 \
         ORDER BY seq DESC LIMIT 1",
        [format!("\"command\":\"{command}\"")],
        |r| r.get(0),
    )
    .unwrap_or_else(|e| panic!("no {command} run in the journal: {e}"))
}

/// `web ...` on a host with its real Apache (`lab up --web`).
#[test]
fn web_commands() {
    let _apt = crate::weblab::web_packages();
    let mut cases = Cases::default();
    let t = Test::web_lab("none", 1);
    t.lab_ref()
        .lab("add-account", &["h1", "webby", "--domain", "webby.test"]);
    let run = |args: &[&str]| t.clone().hostops(args);
    let check = ["web", "check", "webby.test", "--host", "h1"];
    cases.check("web check", 0, run(&check));
    cases.check(
        "web check",
        2,
        run(&["web", "check", "a;b", "--host", "h1"]),
    );
    cases.check(
        "web check",
        2,
        run(&["web", "check", "webby.test"]).hostops(&["--path", "x y"]),
    );
    let broken = t.lab_ref().sh(
        "h1",
        &[
            "sh",
            "-c",
            "echo 'php_flag engine off' > /var/www/webby.test/public_html/.htaccess",
        ],
    );
    assert!(broken.status.success());
    cases.check("web check", 1, run(&check));
    let show = ["web", "config", "show", "webby.test", "--host", "h1"];
    cases.check("web config show", 0, run(&show));
    cases.check(
        "web config show",
        2,
        run(&["web", "config", "show", "a;b", "--host", "h1"]),
    );
    let fixed = t
        .lab_ref()
        .sh("h1", &["rm", "/var/www/webby.test/public_html/.htaccess"]);
    assert!(fixed.status.success());
    let edit = [
        "web",
        "config",
        "edit",
        "webby.test",
        "--host",
        "h1",
        "--set",
    ];
    let edited = cases.check(
        "web config edit",
        0,
        run(&edit).hostops(&["Header set X-A 1"]).yes(),
    );
    cases.check(
        "web config edit",
        1,
        run(&edit).hostops(&["Frobnicate on"]).yes(),
    );
    cases.check(
        "web config edit",
        4,
        run(&edit).hostops(&["Header set X-B 1"]),
    );
    if let Some(done) = edited {
        let id = done.envelope.as_ref().unwrap()["run_id"]
            .as_str()
            .unwrap()
            .to_string();
        cases.check("web undo", 0, run(&["web", "undo", &id]).yes());
    }
    cases.check("web undo", 2, run(&["web", "undo", "no-such-run"]).yes());
    let pw = [
        "web",
        "htpasswd",
        "webby.test",
        "/var/www/webby.test/.htpasswd",
        "--host",
        "h1",
    ];
    cases.check(
        "web htpasswd",
        0,
        run(&pw).hostops(&["--user", "bob", "--generate"]).yes(),
    );
    cases.check(
        "web htpasswd",
        2,
        run(&pw).hostops(&["--user", "a:b", "--generate"]).yes(),
    );
    cases.finish();
}
