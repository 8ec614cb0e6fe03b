//! The journal: every run recorded, secrets redacted, tampering detected, hand-over notes.

use std::os::unix::fs::PermissionsExt;

use rusqlite::Connection;

use crate::builder::Test;
use crate::support::{assert_exit, envelope, json, stderr, stdout, Env};

fn run_local(env: &Env, ticket: &str, user: &str, argv: &[&str]) {
    let out = env
        .hostops()
        .env("USER", user)
        .args(["-t", ticket, "-y", "exec", "local", "--"])
        .args(argv)
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{}", stderr(&out));
}

#[test]
fn journal_file_is_private() {
    let env = Env::new();
    run_local(&env, "T-1", "alice", &["true"]);
    let mode = std::fs::metadata(env.journal())
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn every_run_records_who_what_when_and_the_outcome() {
    let env = Env::new();
    run_local(&env, "T-9", "alice", &["sh", "-c", "echo hello; exit 3"]);
    let out = env
        .hostops()
        .args(["--json", "log", "export", "T-9", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    // `--format json` is the envelope with or without --json, the hand-over document its result.
    let plain = env
        .hostops()
        .args(["log", "export", "T-9", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(envelope(&plain)["command"], "log export");
    assert_eq!(json(&plain), v);
    let run = &v["runs"][0];
    assert_eq!(run["operator"], "alice");
    assert_eq!(run["status"], "failed");
    assert_eq!(run["exit_code"], 1);
    assert_eq!(run["command"], "exec");
    assert!(run["argv"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "echo hello; exit 3"));
    let events = run["events"].as_array().unwrap();
    assert_eq!(events[0]["kind"], "note", "the plan comes first");
    assert_eq!(events[1]["kind"], "exec_start");
    let exec = &events[2];
    assert_eq!(exec["kind"], "exec");
    assert_eq!(exec["host"], "local");
    assert_eq!(exec["exit_code"], 3);
    assert_eq!(exec["stdout"]["text"], "hello\n");
    assert_eq!(exec["stdout"]["bytes"], 6);
    assert_eq!(
        exec["stdout"]["sha256"],
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"
    );
}

#[test]
fn large_output_is_capped_in_the_journal_with_full_count_and_hash() {
    let env = Env::new();
    run_local(
        &env,
        "T-2",
        "alice",
        &["head", "-c", "1000000", "/dev/zero"],
    );
    let v = json(
        &env.hostops()
            .args(["log", "export", "T-2", "--format", "json"])
            .output()
            .unwrap(),
    );
    // events: the plan, the exec start, the exec.
    let captured = &v["runs"][0]["events"][2]["stdout"];
    assert_eq!(captured["bytes"], 1_000_000);
    assert_eq!(captured["truncated"], true);
    assert_eq!(captured["text"].as_str().unwrap().len(), 64 * 1024);
    assert_eq!(
        captured["sha256"],
        "d29751f2649b32ff572b5e0a9f541ea660a50f94ff0beedfb0b692b924cc8025"
    );
}

#[test]
fn secrets_are_redacted_in_the_journal() {
    let env = Env::new();
    run_local(
        &env,
        "T-3",
        "alice",
        &["echo", "password=hunter22", "--db-password", "swordfish"],
    );
    let raw = std::fs::read(env.journal()).unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.contains("hunter22"),
        "secret value stored in the journal file"
    );
    let md = stdout(
        &env.hostops()
            .args(["log", "export", "T-3"])
            .output()
            .unwrap(),
    );
    assert!(md.contains("password=***"), "{md}");
    assert!(
        !md.contains("hunter22") && !md.contains("swordfish"),
        "{md}"
    );
}

#[test]
fn show_gives_time_per_operator_for_the_next_level() {
    let env = Env::new();
    run_local(&env, "ESC-1", "alice", &["sleep", "0.3"]);
    run_local(&env, "ESC-1", "bob", &["sleep", "0.6"]);
    run_local(&env, "ESC-1", "alice", &["true"]);
    run_local(&env, "OTHER-1", "carol", &["true"]);
    let v = json(
        &env.hostops()
            .args(["--json", "log", "show", "ESC-1"])
            .output()
            .unwrap(),
    );
    let ops = v["operators"].as_array().unwrap();
    assert_eq!(ops.len(), 2);
    let alice = ops
        .iter()
        .find(|o| o["operator"].as_str().unwrap().starts_with("alice@"))
        .unwrap();
    let bob = ops
        .iter()
        .find(|o| o["operator"].as_str().unwrap().starts_with("bob@"))
        .unwrap();
    assert_eq!(alice["runs"], 2);
    assert!(alice["duration_ms"].as_u64().unwrap() >= 300);
    assert!(bob["duration_ms"].as_u64().unwrap() >= 600);
    assert_eq!(v["runs"].as_array().unwrap().len(), 3);
    let human = stdout(
        &env.hostops()
            .args(["log", "show", "ESC-1"])
            .output()
            .unwrap(),
    );
    assert!(
        human.contains("alice@") && human.contains("bob@") && human.contains("sleep 0.6"),
        "{human}"
    );
    assert!(!human.contains("carol"));
}

#[test]
fn export_markdown_is_a_pasteable_note() {
    let env = Env::new();
    run_local(&env, "ESC-2", "alice", &["uptime"]);
    let md = stdout(
        &env.hostops()
            .args(["log", "export", "ESC-2", "--format", "markdown"])
            .output()
            .unwrap(),
    );
    assert!(
        md.starts_with("### hostops activity on ticket ESC-2"),
        "{md}"
    );
    assert!(md.contains("| started (UTC) | operator | command | result | duration |"));
    assert!(md.contains("local: `uptime` -> exit 0"), "{md}");
    assert!(md.contains("alice@"));
    let v = json(
        &env.hostops()
            .args(["--json", "log", "export", "ESC-2", "--format", "markdown"])
            .output()
            .unwrap(),
    );
    assert_eq!(v["markdown"], md.as_str());
}

#[test]
fn unknown_ticket_has_no_report() {
    let ran = Test::new()
        .ticket("T-1")
        .var("USER", "alice")
        .yes()
        .hostops(&["exec", "local", "--", "true"])
        .run();
    ran.then(&["log", "show", "NOPE-1"])
        .status(1)
        .stderr_has("no runs recorded for ticket NOPE-1")
        .run();
    let doc = ran
        .then(&["log", "show", "NOPE-1"])
        .status(1)
        .json(|result| {
            assert!(result.is_null(), "{result:#}");
        });
    let envelope = doc.envelope.as_ref().unwrap();
    assert_eq!(envelope["command"], "log show");
    assert_eq!(envelope["errors"][0]["kind"], "failure", "{envelope:#}");
}

#[test]
fn list_filters_by_ticket_and_date() {
    let env = Env::new();
    run_local(&env, "A-1", "alice", &["true"]);
    run_local(&env, "B-1", "alice", &["true"]);
    let all = json(
        &env.hostops()
            .args(["--json", "log", "list"])
            .output()
            .unwrap(),
    );
    assert_eq!(all["runs"].as_array().unwrap().len(), 2);
    let one = json(
        &env.hostops()
            .args(["--json", "-t", "B-1", "log", "list"])
            .output()
            .unwrap(),
    );
    assert_eq!(one["runs"].as_array().unwrap().len(), 1);
    assert_eq!(one["runs"][0]["ticket"], "B-1");
    let future = json(
        &env.hostops()
            .args(["--json", "log", "list", "--since", "2999-01-01"])
            .output()
            .unwrap(),
    );
    assert!(future["runs"].as_array().unwrap().is_empty());
    let past = json(
        &env.hostops()
            .args(["--json", "log", "list", "--since", "2000-01-01T00:00:00Z"])
            .output()
            .unwrap(),
    );
    assert_eq!(past["runs"].as_array().unwrap().len(), 2);
    let bad = env
        .hostops()
        .args(["log", "list", "--since", "yesterday-ish"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

fn journal_with_runs(env: &Env) -> Connection {
    for i in 0..3 {
        run_local(env, "TAMPER-1", "alice", &["echo", &format!("run {i}")]);
    }
    let ok = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    assert!(stdout(&ok).contains("hash chain intact"));
    Connection::open(env.journal()).unwrap()
}

#[test]
fn verify_detects_an_edited_row() {
    let env = Env::new();
    let db = journal_with_runs(&env);
    let n = db
        .execute("UPDATE events SET body = replace(body, 'run 1', 'run X') WHERE kind = 'exec' AND body LIKE '%run 1%'", [])
        .unwrap();
    assert_eq!(n, 1);
    drop(db);
    let out = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("was edited"), "{}", stdout(&out));
}

#[test]
fn verify_detects_a_deleted_row() {
    let env = Env::new();
    let db = journal_with_runs(&env);
    db.execute("DELETE FROM events WHERE seq = 4", []).unwrap();
    drop(db);
    let out = env
        .hostops()
        .args(["--json", "log", "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let problems = json(&out)["problems"].to_string();
    assert!(problems.contains("missing (deleted)"), "{problems}");
}

#[test]
fn verify_detects_the_last_rows_deleted() {
    let env = Env::new();
    let db = journal_with_runs(&env);
    db.execute(
        "DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)",
        [],
    )
    .unwrap();
    drop(db);
    let out = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("rows were deleted or added at the end"),
        "{}",
        stdout(&out)
    );
}

/// The chain hash of one row, as hostops computes it: what an editor who re-hashes would do.
fn row_hash(
    prev: &str,
    seq: i64,
    run_id: &str,
    ticket: &str,
    at: &str,
    kind: &str,
    body: &str,
) -> String {
    use sha2::Digest;
    let fields = serde_json::to_vec(&(prev, seq, run_id, ticket, at, kind, body)).unwrap();
    sha2::Sha256::digest(&fields)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Re-hashes every row from `from` on, as someone rewriting the file would, and fixes the head.
fn rehash_from(db: &Connection, from: i64) {
    let rows: Vec<(i64, String, String, String, String, String)> = db
        .prepare(
            "SELECT seq, run_id, ticket, at, kind, body FROM events WHERE seq >= ?1 ORDER BY seq",
        )
        .unwrap()
        .query_map([from], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut prev: String = db
        .query_row("SELECT hash FROM events WHERE seq = ?1", [from - 1], |r| {
            r.get(0)
        })
        .unwrap_or_else(|_| "0".repeat(64));
    for (seq, run_id, ticket, at, kind, body) in rows {
        let hash = row_hash(&prev, seq, &run_id, &ticket, &at, &kind, &body);
        db.execute(
            "UPDATE events SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
            rusqlite::params![prev, hash, seq],
        )
        .unwrap();
        prev = hash;
    }
    db.execute(
        "UPDATE chain_head SET seq = (SELECT max(seq) FROM events), hash = ?1",
        [prev],
    )
    .unwrap();
}

#[test]
fn verify_detects_a_rehashed_edit() {
    // An editor who recomputes the edited row's own hash still breaks the link to the next row.
    let env = Env::new();
    let db = journal_with_runs(&env);
    let (prev, run_id, ticket, at, kind, body): (String, String, String, String, String, String) =
        db.query_row(
            "SELECT prev_hash, run_id, ticket, at, kind, body FROM events WHERE seq = 2",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .unwrap();
    let body = body.replace("run 0", "run Z");
    let hash = row_hash(&prev, 2, &run_id, &ticket, &at, &kind, &body);
    db.execute(
        "UPDATE events SET body = ?1, hash = ?2 WHERE seq = 2",
        rusqlite::params![body, hash],
    )
    .unwrap();
    drop(db);
    let out = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("row 3 does not follow"),
        "{}",
        stdout(&out)
    );
}

/// The head a run summary printed (`journal head: HASH`) on stderr.
fn summary_head(out: &std::process::Output) -> String {
    let err = stderr(out);
    let at = err
        .find("journal head: ")
        .unwrap_or_else(|| panic!("no journal head in the run summary:\n{err}"));
    err[at + "journal head: ".len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

/// Three runs of TAMPER-1, and the head the last run's summary showed.
fn journal_with_recorded_head(env: &Env) -> (Connection, String) {
    let mut head = String::new();
    for i in 0..3 {
        let out = env
            .hostops()
            .args(["-t", "TAMPER-1", "-y", "exec", "local", "--", "echo"])
            .arg(format!("run {i}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        head = summary_head(&out);
    }
    (Connection::open(env.journal()).unwrap(), head)
}

fn verify_head(env: &Env, head: &str) -> std::process::Output {
    env.hostops()
        .args(["log", "verify", "--head", head])
        .output()
        .unwrap()
}

#[track_caller]
fn assert_head_gone(env: &Env, head: &str) {
    let out = verify_head(env, head);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains(&format!(
            "the journal no longer contains the head {head} you recorded: rows were removed or rewritten"
        )),
        "{}",
        stdout(&out)
    );
}

#[test]
fn verify_head_holds_through_later_runs() {
    let env = Env::new();
    let (db, head) = journal_with_recorded_head(&env);
    drop(db);
    run_local(&env, "TAMPER-2", "bob", &["true"]);
    let out = verify_head(&env, &head);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("the head {head} you recorded is row 18")),
        "{}",
        stdout(&out)
    );
    // The full hash works as well as the short one.
    let full = json(
        &env.hostops()
            .args(["--json", "log", "verify"])
            .output()
            .unwrap(),
    )["head"]["hash"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        verify_head(&env, &full.to_uppercase()).status.code(),
        Some(0)
    );
}

#[test]
fn verify_head_detects_the_last_run_deleted_with_the_head_fixed() {
    let env = Env::new();
    let (db, head) = journal_with_recorded_head(&env);
    db.execute("DELETE FROM events WHERE seq > 6", []).unwrap();
    db.execute(
        "UPDATE chain_head SET seq = 6, hash = (SELECT hash FROM events WHERE seq = 6)",
        [],
    )
    .unwrap();
    drop(db);
    // The chain alone cannot tell, and says so...
    let alone = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(alone.status.code(), Some(0), "{}", stdout(&alone));
    assert!(
        stdout(&alone).contains("rows removed from the end with the head row fixed"),
        "{}",
        stdout(&alone)
    );
    // ...the head recorded outside it can.
    assert_head_gone(&env, &head);
}

#[test]
fn verify_head_detects_a_chain_rehashed_from_an_edited_row() {
    let env = Env::new();
    let (db, head) = journal_with_recorded_head(&env);
    db.execute(
        "UPDATE events SET body = replace(body, 'run 1', 'run X') WHERE body LIKE '%run 1%'",
        [],
    )
    .unwrap();
    rehash_from(&db, 4);
    drop(db);
    let alone = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(alone.status.code(), Some(0), "{}", stdout(&alone));
    assert_head_gone(&env, &head);
}

#[test]
fn verify_head_detects_every_row_deleted() {
    let env = Env::new();
    let (db, head) = journal_with_recorded_head(&env);
    db.execute_batch("DELETE FROM events; DELETE FROM chain_head;")
        .unwrap();
    drop(db);
    assert_head_gone(&env, &head);
}

#[test]
fn verify_head_detects_a_replaced_journal() {
    let env = Env::new();
    let (db, head) = journal_with_recorded_head(&env);
    drop(db);
    let other = Env::new();
    run_local(&other, "TAMPER-1", "alice", &["echo", "run 0"]);
    // Checkpointed, the other journal is one file to copy over.
    Connection::open(other.journal())
        .unwrap()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    for side in ["-wal", "-shm"] {
        let mut path = env.journal().into_os_string();
        path.push(side);
        let _ = std::fs::remove_file(path);
    }
    std::fs::copy(other.journal(), env.journal()).unwrap();
    assert_head_gone(&env, &head);
}

#[test]
fn verify_head_must_look_like_a_recorded_head() {
    let env = Env::new();
    run_local(&env, "T-1", "alice", &["true"]);
    for bad in ["abc123", "not-a-hash-at-all-zzzz", &"0".repeat(65)] {
        let out = verify_head(&env, bad);
        assert_exit(&out, 2, "16 to 64 hex digits");
    }
}

#[test]
fn every_run_summary_shows_the_journal_head() {
    let env = Env::new();
    let human = env
        .hostops()
        .args(["-t", "T-1", "-y", "exec", "local", "--", "true"])
        .output()
        .unwrap();
    let short = summary_head(&human);
    assert_eq!(short.len(), 16, "{short}");
    let machine = env
        .hostops()
        .args(["--json", "-t", "T-1", "-y", "exec", "local", "--", "false"])
        .output()
        .unwrap();
    // With --json the envelope is the run summary.
    let summary = envelope(&machine);
    let v = json(
        &env.hostops()
            .args(["--json", "log", "verify"])
            .output()
            .unwrap(),
    );
    assert_eq!(summary["journal_head"], v["head"]["hash"], "{summary}");
    assert_eq!(
        v["head"]["seq"], 12,
        "two runs of six rows: start, plan, exec start, exec, applied, end"
    );
    assert!(v["head"]["hash"].as_str().unwrap().len() == 64);
    let run_id = summary["run_id"].as_str().unwrap();
    let runs = json(
        &env.hostops()
            .args(["--json", "log", "list"])
            .output()
            .unwrap(),
    );
    assert_eq!(runs["runs"][1]["run_id"], run_id);
}

#[test]
fn the_hand_over_note_carries_the_journal_head() {
    let env = Env::new();
    run_local(&env, "ESC-3", "alice", &["true"]);
    run_local(&env, "OTHER-3", "bob", &["true"]);
    let v = json(
        &env.hostops()
            .args(["--json", "log", "verify"])
            .output()
            .unwrap(),
    );
    let hash = v["head"]["hash"].as_str().unwrap();
    let md = stdout(
        &env.hostops()
            .args(["log", "export", "ESC-3"])
            .output()
            .unwrap(),
    );
    assert!(
        md.contains(&format!(
            "Journal head when this note was made: `{hash}` (row 12)"
        )),
        "{md}"
    );
    assert!(
        md.contains(&format!("hostops log verify --head {}", &hash[..16])),
        "{md}"
    );
    let exported = json(
        &env.hostops()
            .args(["log", "export", "ESC-3", "--format", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(exported["journal_head"], v["head"]);
}

#[test]
fn reading_commands_never_create_a_journal() {
    let env = Env::new();
    let missing = env.path().join("no/such/journal.sqlite");
    for args in [
        &["log", "list"][..],
        &["log", "show", "T-1"],
        &["log", "export", "T-1"],
        &["log", "verify"],
    ] {
        let out = env
            .hostops()
            .arg("--journal")
            .arg(&missing)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!("no journal at `{}`", missing.display()))
                && err.contains("--journal")
                && err.contains("HOSTOPS_JOURNAL"),
            "{err}"
        );
        assert!(!missing.exists() && !missing.parent().unwrap().exists());
    }
}

#[test]
fn verify_never_changes_the_journal() {
    let env = Env::new();
    run_local(&env, "T-1", "alice", &["true"]);
    let path = env.journal();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    for args in [
        &["log", "verify"][..],
        &["log", "list"],
        &["log", "show", "T-1"],
    ] {
        let out = env.hostops().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(
        meta.permissions().mode() & 0o777,
        0o644,
        "the journal was chmod-ed"
    );
    assert_eq!(meta.modified().unwrap(), modified);
    assert!(
        std::fs::read(&path).unwrap() == before,
        "the journal was written"
    );
}

#[test]
fn a_file_that_is_not_a_journal_is_not_called_tampered() {
    let env = Env::new();
    let cases = [
        ("text", b"just some notes\n".repeat(200)),
        ("sqlite", Vec::new()),
    ];
    for (what, bytes) in cases {
        let path = env.path().join(format!("{what}.sqlite"));
        if bytes.is_empty() {
            Connection::open(&path)
                .unwrap()
                .execute_batch("CREATE TABLE notes (x TEXT)")
                .unwrap();
        } else {
            std::fs::write(&path, &bytes).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let out = env
            .hostops()
            .arg("--journal")
            .arg(&path)
            .args(["log", "verify"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}: {}", stdout(&out));
        assert!(!stdout(&out).contains("TAMPERED"), "{}", stdout(&out));
        assert!(
            stderr(&out).contains("not a hostops journal")
                && stderr(&out).contains(&path.display().to_string()),
            "{}",
            stderr(&out)
        );
        assert!(
            std::fs::read(&path).unwrap() == before,
            "{what} was changed"
        );
    }
    let out = env
        .hostops()
        .arg("--journal")
        .arg(env.path())
        .args(["log", "list"])
        .output()
        .unwrap();
    assert_exit(&out, 2, "is a directory");
    // A path that cannot be read (here: under a file; a permission error reads the same).
    let unreadable = env.path().join("text.sqlite/journal.sqlite");
    let out = env
        .hostops()
        .arg("--journal")
        .arg(&unreadable)
        .args(["log", "verify"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!(
            "cannot read the journal `{}`",
            unreadable.display()
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn list_since_keeps_the_time_of_day() {
    let env = Env::new();
    run_local(&env, "S-1", "alice", &["true"]);
    let now = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC);
    let list = |since: &str| {
        let out = env
            .hostops()
            .env("TZ", "UTC")
            .args(["--json", "log", "list", "--since", since])
            .output()
            .unwrap();
        json(&out)["runs"].as_array().unwrap().len()
    };
    let minute = jiff::SignedDuration::from_secs(60);
    let later = now.checked_add(minute).unwrap();
    let earlier = now.checked_sub(minute).unwrap();
    // The date alone takes the run; a time of day after it must not.
    for format in ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"] {
        assert_eq!(list(&later.strftime(format).to_string()), 0, "{format}");
        assert_eq!(list(&earlier.strftime(format).to_string()), 1, "{format}");
    }
    assert_eq!(list("2h"), 1);
    assert_eq!(list("today"), 1);
    let bad = env
        .hostops()
        .args(["log", "list", "--since", "2026-12-03 1:57pm"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("30m, 2h, 1d, 1w") && stderr(&bad).contains("2026-11-01 10:00"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn run_ids_are_uuids_and_commands_take_a_prefix() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["--json", "-t", "R-1", "-y", "exec", "local", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let runs = json(
        &env.hostops()
            .args(["--json", "log", "list"])
            .output()
            .unwrap(),
    );
    let id = runs["runs"][0]["run_id"].as_str().unwrap().to_string();
    let uuid = uuid::Uuid::parse_str(&id).unwrap_or_else(|e| panic!("{id}: {e}"));
    assert_eq!(uuid.hyphenated().to_string(), id);
    let table = stdout(&env.hostops().args(["log", "list"]).output().unwrap());
    assert!(table.contains(&id[..13]) && !table.contains(&id), "{table}");
    // A prefix reaches the command's own lookup as the whole ID.
    for args in [
        &["backup", "undo", &id[..8]][..],
        &["migrate", "run", "--resume", &id[..8]],
    ] {
        let out = env
            .hostops()
            .args(["-t", "R-1", "-y"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            stderr(&out).contains(&format!("run {id}")),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let short = env
        .hostops()
        .args(["-t", "R-1", "-y", "backup", "undo", &id[..4]])
        .output()
        .unwrap();
    assert_exit(&short, 2, "at least 8 characters");
}

/// `--since`, `--head`, a ticket to show and a run ID to undo: every hostile value is data.
#[test]
fn log_fields_take_hostile_values_as_data() {
    let env = Env::new();
    let h = crate::hostile::Hostile::new(env.path());
    run_local(&env, "H-1", "alice", &["true"]);
    for (name, value) in h.values() {
        for flag in ["--since", "--head"] {
            let sub = if flag == "--since" { "list" } else { "verify" };
            let out = env
                .hostops()
                .args(["log", sub])
                .arg(format!("{flag}={value}"))
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(2),
                "{name} {flag}: {}",
                stderr(&out)
            );
        }
        let show = env
            .hostops()
            .args(["log", "show", "--", value])
            .output()
            .unwrap();
        assert_ne!(show.status.code(), Some(0), "{name}: {}", stdout(&show));
        let undo = env
            .hostops()
            .args(["-t", "H-1", "-y", "backup", "undo", "--", value])
            .output()
            .unwrap();
        assert_ne!(undo.status.code(), Some(0), "{name}: {}", stdout(&undo));
        // Filters are data: no run matches them; a level that is none is exit 2.
        for flag in ["--host", "--operator"] {
            let out = env
                .hostops()
                .args(["--json", "log", "list"])
                .arg(format!("{flag}={value}"))
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "{name} {flag}: {}",
                stderr(&out)
            );
            assert!(
                json(&out)["runs"].as_array().unwrap().is_empty(),
                "{name} {flag}"
            );
        }
        let level = env
            .hostops()
            .args(["log", "list"])
            .arg(format!("--level={value}"))
            .output()
            .unwrap();
        assert_eq!(level.status.code(), Some(2), "{name}: {}", stderr(&level));
        // An account name a refused run was given comes back as the same data.
        env.hostops()
            .env("HOSTOPS_LEVEL", "2")
            .args([
                "-t", "H-2", "migrate", "run", "--from", "h1", "--to", "h2", "bob", "--",
            ])
            .arg(value)
            .output()
            .unwrap();
        let runs = json(
            &env.hostops()
                .args(["--json", "-t", "H-2", "log", "list"])
                .output()
                .unwrap(),
        );
        let last = runs["runs"].as_array().unwrap().last().cloned().unwrap();
        assert_eq!(last["touched"]["accounts"][1], value, "{name}");
        let table = env
            .hostops()
            .args(["-t", "H-2", "log", "list"])
            .output()
            .unwrap();
        assert_eq!(table.status.code(), Some(0), "{name}: {}", stderr(&table));
    }
    h.assert_nothing_ran();
    let ok = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
}

#[test]
fn list_shows_what_each_run_touched_and_filters_by_host_operator_outcome_and_level() {
    let env = Env::new();
    let exec = |user: &str, level: &str, argv: &[&str]| {
        env.hostops()
            .env("USER", user)
            .env("HOSTOPS_LEVEL", level)
            .args(["-t", "F-1", "-y", "exec", "local", "--"])
            .args(argv)
            .output()
            .unwrap()
    };
    exec("alice", "2", &["true"]);
    exec("bob", "3", &["false"]);
    // Refused by the policy: it names accounts and touched no host.
    env.hostops()
        .env("USER", "alice")
        .env("HOSTOPS_LEVEL", "2")
        .args([
            "-t", "F-2", "migrate", "run", "--from", "h1", "--to", "h2", "amy", "joe",
        ])
        .output()
        .unwrap();
    let list = |filters: &[&str]| {
        let out = env
            .hostops()
            .args(["--json", "log", "list"])
            .args(filters)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json(&out)["runs"].as_array().unwrap().clone()
    };
    let all = list(&[]);
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["touched"]["hosts"], serde_json::json!(["local"]));
    assert_eq!(all[0]["level"], 2);
    assert_eq!(all[2]["touched"]["hosts"], serde_json::json!([]));
    assert_eq!(
        all[2]["touched"]["accounts"],
        serde_json::json!(["amy", "joe"])
    );
    let operators = |runs: Vec<serde_json::Value>| -> Vec<String> {
        runs.iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r["operator"].as_str().unwrap(),
                    r["command"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        operators(list(&["--host", "local"])),
        ["alice exec", "bob exec"]
    );
    assert!(list(&["--host", "h1"]).is_empty());
    assert_eq!(
        operators(list(&["--operator", "alice"])),
        ["alice exec", "alice migrate run"]
    );
    assert_eq!(operators(list(&["--outcome", "ok"])), ["alice exec"]);
    assert_eq!(
        operators(list(&["--outcome", "failed", "--level", "L2"])),
        ["alice migrate run"]
    );
    assert_eq!(operators(list(&["--level", "3"])), ["bob exec"]);
    // The table: the level and what was touched.
    let table = stdout(
        &env.hostops()
            .args(["log", "list", "--level", "2"])
            .output()
            .unwrap(),
    );
    assert!(
        table.contains("LEVEL") && table.contains("TOUCHED"),
        "{table}"
    );
    assert!(table.contains("amy, joe"), "{table}");
    let bad = env
        .hostops()
        .args(["log", "list", "--level", "7"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));
}
