//! `ticket show|escalate|handoff|list|close`: a ticket worked by an L2 operator on the lab, then
//! escalated to L3 and worked by a second operator (each with their own config file's `level`):
//! the timeline and the hand-over note say what each run did in words, the time per level and
//! per operator, and show the remote commands only with `-v`.

use crate::builder::{Done, Test, TICKET};

/// A config file giving the operator's support level.
fn config(t: &Test, name: &str, level: u8) -> String {
    let path = t.env().path().join(name);
    std::fs::write(&path, format!("level = {level}\n")).unwrap();
    path.display().to_string()
}

/// A note with what changes between runs named: run ids, hashes, times, the machine.
fn redacted(done: &Done, text: &str) -> String {
    let text = done.redact(text);
    let short = regex::Regex::new(r"\b[0-9a-f]{8}-[0-9a-f]{4}\b").unwrap();
    let text = short.replace_all(&text, "[RUN]").into_owned();
    let machine = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap();
    text.replace(&format!("@{}", machine.trim()), "@[MACHINE]")
}

#[test]
fn an_l2_ticket_escalated_to_l3_reads_as_a_timeline_and_a_short_note() {
    let t = Test::lab("none", 2).yes();
    let (l2, l3) = (config(&t, "alice.toml", 2), config(&t, "bob.toml", 3));
    let alice = |args: &[&str]| {
        t.clone()
            .hostops(args)
            .var("USER", "alice")
            .var("HOSTOPS_CONFIG", &l2)
    };
    alice(&["exec", "h1", "h2", "--", "uptime"]).run();
    alice(&["hosts", "check", "h1"]).run();
    alice(&[
        "ticket",
        "escalate",
        TICKET,
        "--to",
        "L3",
        "--note",
        "load stays high after the restart: needs a look at MySQL",
        "--reported",
        "the shop is slow since Monday",
    ])
    .run();
    let bob = |args: &[&str]| {
        t.clone()
            .hostops(args)
            .var("USER", "bob")
            .var("HOSTOPS_CONFIG", &l3)
    };
    bob(&["exec", "h1", "--", "sh", "-c", "exit 3"])
        .status(1)
        .run();

    // The timeline: one line per run in words, the level of each, the time per level.
    let show = bob(&["ticket", "show", TICKET]).json(|r| {
        assert_eq!(r["level"], 3, "{r:#}");
        assert_eq!(r["open"], true);
        assert_eq!(r["reported"][0], "the shop is slow since Monday");
        let entries = r["entries"].as_array().unwrap();
        let levels: Vec<_> = entries.iter().map(|e| e["level"].as_u64()).collect();
        assert_eq!(levels, [Some(2), Some(2), Some(2), Some(3)], "{r:#}");
        let lines: Vec<&str> = entries
            .iter()
            .map(|e| e["line"].as_str().unwrap())
            .collect();
        assert!(
            lines[0].starts_with("ran `uptime` on 2 host(s): 2 ok; ok"),
            "{lines:#?}"
        );
        assert!(lines[1].starts_with("checked h1; ok"), "{lines:#?}");
        assert!(
            lines[2].contains("escalated L2 → L3: load stays high"),
            "{lines:#?}"
        );
        assert!(
            lines[3].contains("on 1 host(s): 1 failed; failed (exit 1)"),
            "{lines:#?}"
        );
        let per_level: Vec<_> = r["levels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| (l["level"].as_u64(), l["runs"].as_u64()))
            .collect();
        assert_eq!(per_level, [(Some(2), Some(2)), (Some(3), Some(1))]);
        let operators: Vec<&str> = r["operators"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["operator"].as_str().unwrap())
            .collect();
        assert!(operators[0].starts_with("alice@") && operators[1].starts_with("bob@"));
        assert!(entries.iter().all(|e| e.get("commands").is_none()), "{r:#}");
    });

    // The probes `hosts check` ran are there with -v, and only then.
    let verbose = show.then(&["ticket", "show", TICKET, "-v"]).run();
    let plain = show.then(&["ticket", "show", TICKET]).run();
    let probes: Vec<&str> = verbose
        .stdout
        .lines()
        .filter(|l| l.starts_with("      h1: `"))
        .collect();
    assert!(probes.len() > 2, "{}", verbose.stdout);
    for p in &probes {
        assert!(
            !plain.stdout.contains(p.trim()),
            "{p} without -v:\n{}",
            plain.stdout
        );
    }
    assert!(plain.stdout.contains("L2 alice@"), "{}", plain.stdout);

    // The note: summary first, then the evidence; no probe, the question for L3.
    let note = show.then(&["ticket", "handoff", TICKET]).run();
    for p in &probes {
        let cmd = p.trim().trim_start_matches("h1: ");
        assert!(!note.stdout.contains(cmd), "probe {cmd} in the note");
    }
    assert!(note.stdout.lines().count() < 40, "{}", note.stdout);
    insta::assert_snapshot!("ticket-handoff-markdown", redacted(&note, &note.stdout));
    let text = show
        .then(&["ticket", "handoff", TICKET, "--format", "text"])
        .run();
    assert!(!text.stdout.contains("**"), "{}", text.stdout);
    assert!(
        text.stdout
            .contains("Asked of L3: load stays high after the restart: needs a look at MySQL"),
        "{}",
        text.stdout
    );
    show.then(&["ticket", "handoff", TICKET, "--format", "json"])
        .json(|r| {
            assert_eq!(r["escalation"]["to"], 3, "{r:#}");
            assert_eq!(r["evidence"].as_array().unwrap().len(), 3, "{r:#}");
        });

    // The list, filtered; closing takes the ticket out of --open.
    show.then(&["ticket", "list", "--level", "L3", "--open"])
        .json(|r| assert_eq!(r["tickets"][0]["ticket"], TICKET, "{r:#}"));
    show.then(&["ticket", "list", "--mine"])
        .var("USER", "carol")
        .json(|r| assert_eq!(r["tickets"], serde_json::json!([]), "{r:#}"));
    bob(&["ticket", "close", TICKET, "--note", "MySQL tuned"]).run();
    show.then(&["ticket", "list", "--open"])
        .json(|r| assert_eq!(r["tickets"], serde_json::json!([]), "{r:#}"));
    show.then(&["ticket", "list"])
        .json(|r| assert_eq!(r["tickets"][0]["open"], false, "{r:#}"));
}

#[test]
fn an_escalation_to_the_level_the_ticket_is_at_is_refused() {
    let t = Test::new();
    let l3 = config(&t, "l3.toml", 3);
    t.clone()
        .hostops(&["ticket", "escalate", "T-9", "--to", "L3", "--note", "x"])
        .var("HOSTOPS_CONFIG", &l3)
        .status(4)
        .stderr_has("is at L3 already")
        .run();
    t.hostops(&["ticket", "show", "T-9"])
        .status(0)
        .said("ticket escalate T-9 L3 x; failed (exit 4)")
        .run();
}

#[test]
fn a_ticket_with_nothing_recorded_is_a_failure() {
    let t = Test::new();
    t.clone()
        .hostops(&["ticket", "close", "T-1"])
        .run()
        .then(&["ticket", "handoff", "T-404"])
        .status(1)
        .stderr_has("nothing recorded for ticket T-404")
        .run();
}

/// Every hostile value as an escalation note, a customer's report and a closing note: stored
/// as given, shown without raw control characters, markup or a line of its own, and never run.
#[test]
fn hostile_note_text_is_kept_and_shown_inert() {
    let t = Test::new();
    let h = crate::hostile::Hostile::new(t.env().path());
    for (i, (name, value)) in h.non_empty().enumerate() {
        let ticket = format!("H-{i}");
        let (note, reported) = (format!("--note={value}"), format!("--reported={value}"));
        let escalate = [
            "ticket", "escalate", &ticket, "--to", "L4", &note, &reported,
        ];
        t.clone().hostops(&escalate).json(|r| {
            assert_eq!(r["note"], value, "{name}: {r:#}");
        });
        t.clone()
            .hostops(&["ticket", "handoff", &ticket, "--format", "json"])
            .json(|r| {
                assert_eq!(
                    r["reported"][0].as_str().map(|s| s.contains('\n')),
                    Some(false)
                );
                assert_eq!(r["escalation"]["note"], value, "{name}: {r:#}");
            });
        for args in [
            vec!["ticket", "show", &ticket],
            vec!["ticket", "handoff", &ticket],
            vec!["ticket", "handoff", &ticket, "--format", "text"],
            vec!["ticket", "close", &ticket, &note],
            vec!["ticket", "list"],
        ] {
            let done = t.clone().hostops(&args).run();
            let said = format!("{}{}", done.stdout, done.stderr);
            assert!(
                !said.contains(['\u{1b}', '\u{7}']),
                "{name}: {args:?} printed a control character raw"
            );
            if args[1] == "handoff" {
                assert!(!said.contains("\ntouch "), "{name}: a line of its own");
            }
            if args.len() == 3 && args[1] == "handoff" {
                let bare = done
                    .stdout
                    .match_indices('|')
                    .any(|(at, _)| !done.stdout[..at].ends_with('\\'));
                assert!(!bare, "{name}: a table pipe in the Markdown note");
            }
        }
        h.assert_nothing_ran();
    }
}

/// On the shared journal (a real PostgreSQL): an escalation made on one machine is the
/// ticket's level on another, and the chain stays verifiable.
#[test]
fn an_escalation_on_the_shared_journal_is_seen_from_another_machine() {
    use crate::support::{json, stderr, Env};
    let pg = crate::pg_cluster::Cluster::start();
    let url = pg.url("postgres");
    let (desk1, desk2) = (Env::new(), Env::new());
    let hostops = |env: &Env, user: &str, level: &str, args: &[&str]| {
        let out = env
            .hostops()
            .env("HOSTOPS_JOURNAL", &url)
            .env("USER", user)
            .env("HOSTOPS_LEVEL", level)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        out
    };
    hostops(&desk1, "tester", "", &["log", "init-server", &url]);
    hostops(
        &desk1,
        "alice",
        "2",
        &[
            "ticket",
            "escalate",
            "T-7",
            "--to",
            "L3",
            "--note",
            "over to you",
            "--reported",
            "500 errors",
        ],
    );
    hostops(
        &desk2,
        "bob",
        "3",
        &["ticket", "close", "T-7", "--note", "fixed"],
    );
    let shown = json(&hostops(
        &desk2,
        "bob",
        "3",
        &["--json", "ticket", "show", "T-7"],
    ));
    assert_eq!(shown["level"], 3, "{shown:#}");
    assert_eq!(shown["open"], false, "{shown:#}");
    assert_eq!(shown["reported"][0], "500 errors");
    let by = shown["escalations"][0]["by"].as_str().unwrap();
    assert!(by.starts_with("alice@"), "{shown:#}");
    let verified = json(&hostops(&desk2, "bob", "3", &["--json", "log", "verify"]));
    assert_eq!(verified["problems"], serde_json::json!([]), "{verified:#}");
}
