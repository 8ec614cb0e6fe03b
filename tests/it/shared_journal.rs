//! The shared journal on a real PostgreSQL (a throwaway cluster on loopback): many writers on
//! two machines keep one chain, tampering is detected, an unreachable server leaves the run in
//! the local file until `log push`, and operators can only INSERT and SELECT.

use std::process::Output;

use crate::pg_cluster::Cluster;
use crate::support::{assert_exit, json, stderr, Env};

/// A cluster with the journal's schema, created by `log init-server` as the superuser.
fn shared_journal() -> Cluster {
    let pg = Cluster::start();
    let out = Env::new()
        .hostops()
        .args(["log", "init-server", &pg.url("postgres")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    pg
}

/// `hostops ARGS` in `env` with the shared journal at `url`.
fn hostops(env: &Env, url: &str, args: &[&str]) -> Output {
    env.hostops()
        .env("HOSTOPS_JOURNAL", url)
        .args(args)
        .output()
        .unwrap()
}

/// The local journal a run falls back to: the default path under the env's XDG_DATA_HOME.
fn local_journal(env: &Env) -> std::path::PathBuf {
    env.path().join("data/hostops/journal.sqlite")
}

/// The runs `log list --json` printed (in the envelope's result, or alone).
fn listed(out: &Output) -> Vec<serde_json::Value> {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = if doc.get("result").is_some() {
        json(out)["runs"].clone()
    } else {
        doc["runs"].clone()
    };
    list.as_array().expect("a list of runs").clone()
}

fn count(pg: &Cluster, sql: &str) -> i64 {
    pg.admin().query_one(sql, &[]).unwrap().get(0)
}

#[test]
fn twenty_writers_on_two_machines_keep_one_chain() {
    let pg = shared_journal();
    let url = pg.url("postgres");
    let machines = [Env::new(), Env::new()];
    let children: Vec<_> = (0..20)
        .map(|i| {
            let env = &machines[i % 2];
            env.hostops_std()
                .env("HOSTOPS_JOURNAL", &url)
                .env("USER", if i % 2 == 0 { "alice" } else { "bob" })
                .args(["-t", &format!("T-{i}"), "-y", "exec", "local", "--", "true"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(!stderr(&out).contains("locally"), "{}", stderr(&out));
    }
    for env in &machines {
        assert!(
            !local_journal(env).exists(),
            "a run fell back to the local file"
        );
    }
    let runs = listed(&hostops(&machines[0], &url, &["--json", "log", "list"]));
    assert_eq!(runs.len(), 20, "{runs:#?}");
    let mut tickets: Vec<&str> = runs.iter().map(|r| r["ticket"].as_str().unwrap()).collect();
    tickets.sort();
    tickets.dedup();
    assert_eq!(
        tickets.len(),
        20,
        "one run per ticket, none lost or doubled"
    );
    assert!(runs.iter().all(|r| r["status"] == "ok"), "{runs:#?}");
    // Each run: run_start, the plan, exec_start, exec, applied, run_end, numbered 1..6 in its run.
    assert_eq!(count(&pg, "SELECT count(*) FROM hostops.events"), 120);
    assert_eq!(
        count(&pg, "SELECT count(DISTINCT (run_id, run_seq)) FROM hostops.events WHERE run_seq BETWEEN 1 AND 6"),
        120
    );
    let out = hostops(&machines[1], &url, &["log", "verify"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stdout(&out)
    );
    assert!(crate::support::stdout(&out).contains("120 rows, hash chain intact"));
}

/// `log verify` on the shared journal: exit 1 and the problems it printed.
fn verify(url: &str) -> (Option<i32>, String) {
    let out = hostops(&Env::new(), url, &["log", "verify"]);
    (out.status.code(), crate::support::stdout(&out))
}

#[test]
fn verify_detects_an_edited_a_deleted_and_a_reordered_row() {
    let pg = shared_journal();
    let url = pg.url("postgres");
    let env = Env::new();
    for t in ["T-1", "T-2"] {
        let out = hostops(&env, &url, &["-t", t, "-y", "exec", "local", "--", "true"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(verify(&url).0, Some(0));
    let mut admin = pg.admin();
    admin
        .batch_execute("CREATE TABLE kept AS SELECT * FROM hostops.events")
        .unwrap();
    let restore = "DELETE FROM hostops.events; INSERT INTO hostops.events SELECT * FROM kept";
    let cases = [
        (
            "UPDATE hostops.events SET body = replace(body, 'true', 'false') WHERE seq = 3",
            "row 3 was edited",
        ),
        (
            "DELETE FROM hostops.events WHERE seq = 3",
            "rows 3..3 are missing (deleted)",
        ),
        (
            "UPDATE hostops.events SET seq = -3 WHERE seq = 3; \
             UPDATE hostops.events SET seq = 3 WHERE seq = 4; \
             UPDATE hostops.events SET seq = 4 WHERE seq = -3",
            "row 3 does not follow the row before it",
        ),
    ];
    for (tamper, found) in cases {
        admin.batch_execute(tamper).unwrap();
        let (code, said) = verify(&url);
        assert_eq!(code, Some(1), "{tamper}: {said}");
        assert!(
            said.contains("TAMPERED") && said.contains(found),
            "{tamper}: {said}"
        );
        admin.batch_execute(restore).unwrap();
        assert_eq!(verify(&url).0, Some(0), "restored after {tamper}");
    }
}

#[test]
fn a_run_whose_shared_journal_stops_is_journaled_locally_and_pushed_once() {
    let pg = shared_journal();
    let url = pg.url("postgres");
    let env = Env::new();
    let child = env
        .hostops_std()
        .env("HOSTOPS_JOURNAL", &url)
        .args(["-t", "T-7", "-y", "exec", "local", "--", "sleep", "3"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Stopped once the run has started its command: its first events are in PostgreSQL.
    let started = std::time::Instant::now();
    while count(
        &pg,
        "SELECT count(*) FROM hostops.events WHERE kind = 'exec_start'",
    ) == 0
    {
        assert!(
            started.elapsed().as_secs() < 20,
            "the run never wrote to PostgreSQL"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    pg.down();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("journaled locally") && stderr(&out).contains("hostops log push"),
        "{}",
        stderr(&out)
    );
    // A run started while the server is down: journaled locally from the start, and it says so.
    let out = hostops(
        &env,
        &url,
        &["-t", "T-8", "-y", "exec", "local", "--", "true"],
    );
    assert_exit(&out, 0, "cannot reach the shared journal");

    // The local file holds both runs whole, and its chain is intact.
    let local = local_journal(&env);
    let out = env
        .hostops()
        .env("HOSTOPS_JOURNAL", &local)
        .args(["--json", "log", "list"])
        .output()
        .unwrap();
    let runs = listed(&out);
    assert_eq!(runs.len(), 2, "{runs:#?}");
    assert!(runs.iter().all(|r| r["status"] == "ok"), "{runs:#?}");
    let local_rows = 12;

    pg.up();
    // What the interrupted run wrote before the server stopped (run_start, the plan,
    // exec_start, and perhaps its exec): the push skips those.
    let before = count(&pg, "SELECT count(*) FROM hostops.events") as u64;
    assert!((3..5).contains(&before), "{before} rows");
    let push = |env: &Env| {
        let out = hostops(env, &url, &["--json", "log", "push"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json(&out)
    };
    let first = push(&env);
    assert_eq!(first["rows"], local_rows, "{first:#}");
    assert_eq!(first["runs"], 2, "{first:#}");
    assert_eq!(first["sent"], local_rows - before, "{first:#}");
    assert_eq!(first["skipped"], before, "{first:#}");
    let second = push(&env);
    assert_eq!(second["sent"], 0, "{second:#}");
    assert_eq!(second["skipped"], local_rows, "{second:#}");

    assert_eq!(
        count(&pg, "SELECT count(*) FROM hostops.events"),
        local_rows as i64
    );
    let shared = listed(&hostops(&env, &url, &["--json", "log", "list"]));
    assert_eq!(shared.len(), 2, "{shared:#?}");
    assert!(shared.iter().all(|r| r["status"] == "ok"), "{shared:#?}");
    assert_eq!(verify(&url).0, Some(0));
}

#[test]
fn operators_may_insert_and_select_but_never_update_or_delete() {
    let pg = Cluster::start();
    pg.admin().batch_execute("CREATE ROLE alice LOGIN").unwrap();
    let env = Env::new();
    for _ in 0..2 {
        // Running it again changes nothing already in place.
        let out = env
            .hostops()
            .args([
                "--json",
                "log",
                "init-server",
                &pg.url("postgres"),
                "--operator",
                "alice",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(json(&out)["role"], "hostops_operator");
    }
    let url = pg.url("alice");
    let out = hostops(
        &env,
        &url,
        &["-t", "T-1", "-y", "exec", "local", "--", "true"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("locally"), "{}", stderr(&out));
    assert_eq!(verify(&url).0, Some(0));

    let mut alice = pg.client("alice");
    for sql in [
        "UPDATE hostops.events SET body = '{}' WHERE seq = 1",
        "DELETE FROM hostops.events WHERE seq = 4",
        "TRUNCATE hostops.events",
    ] {
        let e = alice.batch_execute(sql).expect_err(sql);
        assert_eq!(
            e.code(),
            Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
            "{sql}: {e}"
        );
    }
    assert_eq!(count(&pg, "SELECT count(*) FROM hostops.events"), 6);
    assert_eq!(verify(&url).0, Some(0));
}

#[test]
fn a_server_without_the_schema_is_named_with_the_command_that_creates_it() {
    let pg = Cluster::start();
    let out = hostops(&Env::new(), &pg.url("postgres"), &["log", "verify"]);
    assert_exit(&out, 2, "hostops log init-server");
}

#[test]
fn a_tampered_local_journal_is_never_pushed() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["-t", "T-1", "-y", "exec", "local", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    rusqlite::Connection::open(env.journal())
        .unwrap()
        .execute(
            "UPDATE events SET body = replace(body, 'true', 'false') WHERE seq = 2",
            [],
        )
        .unwrap();
    // Refused before any connection: nothing listens on port 1.
    let out = env
        .hostops()
        .args(["log", "push", "postgres://ops@127.0.0.1:1/hostops"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("fails its hash check") && stderr(&out).contains("row 2 was edited"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_config_file_names_the_shared_journal_and_its_password_is_never_recorded() {
    let env = Env::new();
    let config = env.path().join("config.toml");
    // Nothing listens on port 1: the run falls back to the local file, and says which journal.
    std::fs::write(
        &config,
        "journal = \"postgres://ops@127.0.0.1:1/hostops\"\n",
    )
    .unwrap();
    let out = env
        .hostops()
        .env_remove("HOSTOPS_JOURNAL")
        .env("HOSTOPS_CONFIG", &config)
        .args(["-t", "T-1", "-y", "exec", "local", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("cannot reach the shared journal `postgres://ops@127.0.0.1:1/hostops`"),
        "{}",
        stderr(&out)
    );
    // A password in the URL on the command line: masked in the journal and never printed.
    let out = env
        .hostops()
        .env_remove("HOSTOPS_JOURNAL")
        .args(["--journal", "postgres://ops:s3cr3t-pw@127.0.0.1:1/hostops"])
        .args(["-t", "T-2", "-y", "exec", "local", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("s3cr3t-pw"), "{}", stderr(&out));
    let local = std::fs::read(local_journal(&env)).unwrap();
    assert!(!String::from_utf8_lossy(&local).contains("s3cr3t-pw"));
    let out = env
        .hostops()
        .env("HOSTOPS_JOURNAL", local_journal(&env))
        .args(["--json", "log", "list"])
        .output()
        .unwrap();
    let runs = listed(&out);
    assert_eq!(runs.len(), 2, "{runs:#?}");
    assert!(
        runs[1]["argv"].to_string().contains("postgres://ops:***@"),
        "{runs:#?}"
    );
}
