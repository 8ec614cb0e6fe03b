//! The journal: every run recorded, secrets redacted, tampering detected, hand-over notes.

use std::os::unix::fs::PermissionsExt;

use rusqlite::Connection;

use crate::support::{json, stderr, stdout, Env};

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
    assert_eq!(events[0]["kind"], "exec_start");
    let exec = &events[1];
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
    let captured = &v["runs"][0]["events"][1]["stdout"];
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
}

#[test]
fn unknown_ticket_has_no_report() {
    let env = Env::new();
    run_local(&env, "T-1", "alice", &["true"]);
    let out = env
        .hostops()
        .args(["log", "show", "NOPE-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no runs recorded for ticket NOPE-1"));
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

#[test]
fn verify_detects_a_rehashed_edit() {
    // An editor who recomputes the edited row's own hash still breaks the link to the next row.
    let env = Env::new();
    let db = journal_with_runs(&env);
    let (seq, prev, run_id, ticket, at, kind, body): (
        i64,
        String,
        String,
        String,
        String,
        String,
        String,
    ) = db
        .query_row(
            "SELECT seq, prev_hash, run_id, ticket, at, kind, body FROM events WHERE seq = 2",
            [],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .unwrap();
    let body = body.replace("run 0", "run Z");
    let fields = serde_json::to_vec(&(&prev, seq, &run_id, &ticket, &at, &kind, &body)).unwrap();
    use sha2::Digest;
    let hash: String = sha2::Sha256::digest(&fields)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
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
