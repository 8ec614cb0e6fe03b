//! Global behaviour that needs no server: tickets, exit codes, refusal without a terminal,
//! dry runs, the local host.

use crate::builder::Test;
use crate::support::{assert_exit, envelope, json, stderr, stdout, Env};

#[test]
fn missing_ticket_is_a_usage_error_that_says_how_to_pass_one() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["hosts", "check", "local"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("--ticket") && err.contains("HOSTOPS_TICKET"),
        "{err}"
    );
    assert!(
        !env.journal().exists(),
        "nothing is journaled without a ticket"
    );
}

#[test]
fn malformed_tickets_are_refused_with_the_expected_format() {
    let env = Env::new();
    for bad in ["", "has space", "x;id", "$(id)", &"x".repeat(65)] {
        let out = env
            .hostops()
            .args(["--ticket", bad, "hosts", "check", "local"])
            .output()
            .unwrap();
        assert_exit(&out, 2, "malformed ticket");
    }
}

#[test]
fn ticket_format_is_configurable() {
    let t = Test::new().file("config.toml", "ticket_pattern = '^ZD-[0-9]+$'\n");
    let cfg = t.path("config.toml");
    let check = |ticket| {
        t.clone()
            .var("HOSTOPS_CONFIG", cfg.to_str().unwrap())
            .ticket(ticket)
            .hostops(&["hosts", "check", "local"])
    };
    check("INC-1").status(2).run();
    check("ZD-42").run();
}

#[test]
fn ticket_comes_from_the_environment_too() {
    let env = Env::new();
    let out = env
        .hostops()
        .env("HOSTOPS_TICKET", "ENV-7")
        .args(["--json", "hosts", "check", "local"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let log = env
        .hostops()
        .args(["--json", "log", "list"])
        .output()
        .unwrap();
    assert_eq!(json(&log)["runs"][0]["ticket"], "ENV-7");
}

#[test]
fn unknown_flag_and_unknown_host_are_usage_errors() {
    let env = Env::new();
    assert_eq!(
        env.hostops()
            .args(["--frobnicate"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    let out = env
        .hostops()
        .args(["-t", "T-1", "hosts", "check", "nosuchhost"])
        .output()
        .unwrap();
    assert_exit(&out, 2, "unknown host or group `nosuchhost`");
}

#[test]
fn hosts_check_local_reports_facts() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["-t", "DEMO-1", "--json", "hosts", "check", "local"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let h = &v["hosts"][0];
    assert_eq!(h["host"], "local");
    assert!(h["cpus"].as_u64().unwrap() >= 1);
    assert!(h["memory"]["total_kib"].as_u64().unwrap() > 0);
    assert_eq!(h["panel"]["kind"], "none");
    assert!(!h["disks"].as_array().unwrap().is_empty());
    assert!(h["kernel"].as_str().unwrap().starts_with("Linux"));
}

#[test]
fn a_change_without_terminal_and_without_yes_is_refused_not_hung() {
    let env = Env::new();
    let marker = env.path().join("marker");
    let out = env
        .hostops()
        .args(["-t", "T-1", "exec", "local", "--", "touch"])
        .arg(&marker)
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_exit(&out, 4, "--yes");
    assert!(!marker.exists());
}

#[test]
fn dry_run_shows_the_plan_and_changes_nothing() {
    let env = Env::new();
    let marker = env.path().join("marker");
    let out = env
        .hostops()
        .args(["-t", "T-1", "--dry-run", "exec", "local", "--", "touch"])
        .arg(&marker)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("would run `touch"),
        "{}",
        stdout(&out)
    );
    assert!(!marker.exists());
    let plan = env
        .hostops()
        .args([
            "-t",
            "T-1",
            "--dry-run",
            "--json",
            "exec",
            "local",
            "--",
            "touch",
        ])
        .arg(&marker)
        .output()
        .unwrap();
    assert_eq!(plan.status.code(), Some(0), "{}", stderr(&plan));
    let v = json(&plan);
    let marker = marker.display().to_string();
    assert_eq!(v["plan"]["actions"][0]["host"], "local");
    assert_eq!(
        v["plan"]["actions"][0]["argv"],
        serde_json::json!(["touch", marker])
    );
    assert!(v["report"].is_null(), "{v:#}");
    assert!(!std::path::Path::new(&marker).exists());
    let md = env
        .hostops()
        .args(["log", "export", "T-1"])
        .output()
        .unwrap();
    assert!(stdout(&md).contains("dry run"), "{}", stdout(&md));
}

#[test]
fn exec_reports_each_exit_status_and_fails_when_any_host_fails() {
    let env = Env::new();
    let ok = env
        .hostops()
        .args(["-t", "T-1", "-y", "exec", "local", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0));
    let out = env
        .hostops()
        .args([
            "-t",
            "T-1",
            "-y",
            "--json",
            "exec",
            "local",
            "--",
            "sh",
            "-c",
            "echo out; echo err >&2; exit 7",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = &json(&out)["report"];
    assert_eq!(v["hosts"][0]["exit"]["code"], 7);
    assert_eq!(v["hosts"][0]["stdout"], "out\n");
    assert_eq!(v["hosts"][0]["stderr"], "err\n");
    assert_eq!(v["summary"]["failed"], 1);
}

#[test]
fn exec_timeout_kills_the_command() {
    let env = Env::new();
    let started = std::time::Instant::now();
    let out = env
        .hostops()
        .args([
            "-t",
            "T-1",
            "-y",
            "exec",
            "local",
            "--timeout",
            "1",
            "--",
            "sleep",
            "30",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 1, "timed out after 1s");
    assert!(started.elapsed().as_secs() < 20);
}

/// Starts `exec local -- sleep 30` under `ticket` and returns once the run is journaled.
fn start_sleeping_run(env: &Env, ticket: &str) -> std::process::Child {
    let child = env
        .hostops_std()
        .args(["-t", ticket, "-y", "exec", "local", "--", "sleep", "30"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    wait_for_run_start(env, ticket);
    child
}

/// The one run journaled under `ticket`, as `log list --json` shows it.
fn only_run(env: &Env, ticket: &str) -> serde_json::Value {
    let list = env
        .hostops()
        .args(["-t", ticket, "--json", "log", "list"])
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(0), "{}", stderr(&list));
    json(&list)["runs"][0].clone()
}

#[test]
fn sigint_is_recorded_as_interrupted_with_exit_130() {
    let env = Env::new();
    let mut child = start_sleeping_run(&env, "SIG-1");
    // SAFETY: kill(2) on our own child.
    unsafe { libc_kill(child.id() as i32, 2) };
    assert_eq!(child.wait().unwrap().code(), Some(130));
    let run = only_run(&env, "SIG-1");
    assert_eq!(run["status"], "interrupted");
    assert_eq!(run["exit_code"], 130);
}

#[test]
fn sigkill_leaves_a_readable_journal_showing_the_run_interrupted() {
    let env = Env::new();
    let mut child = start_sleeping_run(&env, "KILL-1");
    child.kill().unwrap();
    child.wait().unwrap();
    let run = only_run(&env, "KILL-1");
    assert_eq!(run["status"], "interrupted");
    assert!(run["exit_code"].is_null());
    let verify = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(verify.status.code(), Some(0), "{}", stdout(&verify));
}

fn wait_for_run_start(env: &Env, ticket: &str) {
    for _ in 0..200 {
        if env.journal().exists() {
            let list = env
                .hostops()
                .args(["-t", ticket, "--json", "log", "list"])
                .output()
                .unwrap();
            if list.status.success() && json(&list)["runs"][0]["status"] == "running" {
                std::thread::sleep(std::time::Duration::from_millis(200));
                return;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("run {ticket} never started");
}

extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn copy_to_local_path_with_dry_run_changes_nothing() {
    let env = Env::new();
    let src = env.path().join("src.txt");
    std::fs::write(&src, "hello").unwrap();
    let out = env
        .hostops()
        .args(["-t", "T-1", "--dry-run", "copy"])
        .arg(&src)
        .arg("local:/tmp/should-not-exist-hostops")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("would upload"));
    assert!(!std::path::Path::new("/tmp/should-not-exist-hostops").exists());
}

#[test]
fn hosts_list_needs_no_ticket_and_shows_inventory_hosts() {
    let env = Env::new();
    let inv = env.path().join("inv.toml");
    std::fs::write(
        &inv,
        "[[host]]\nname = \"web01\"\naddress = \"203.0.113.10\"\ngroups = [\"cpanel\"]\n",
    )
    .unwrap();
    let out = env
        .hostops()
        .args(["--json", "hosts", "list", "--inventory"])
        .arg(&inv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let names: Vec<&str> = v["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["local", "web01"]);
    assert_eq!(v["hosts"][1]["user"], "root");
    assert_eq!(v["hosts"][1]["port"], 22);
}

#[test]
fn inventory_typos_are_errors_not_defaults() {
    let env = Env::new();
    let inv = env.path().join("inv.toml");
    std::fs::write(
        &inv,
        "[[host]]\nname = \"web01\"\nadress = \"203.0.113.10\"\n",
    )
    .unwrap();
    let out = env
        .hostops()
        .args(["hosts", "list", "--inventory"])
        .arg(&inv)
        .output()
        .unwrap();
    assert_exit(&out, 2, "adress");
}

/// `s` without colour codes (`ESC [ ... m`).
fn strip_ansi(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        rest = after.find('m').map_or("", |m| &after[m + 1..]);
    }
    out + rest
}

#[test]
fn coloured_tables_stay_aligned() {
    let env = Env::new();
    let ok = env
        .hostops()
        .args(["-t", "COL-1", "hosts", "check", "local"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let failed = env
        .hostops()
        .args(["-t", "COL-2", "-y", "exec", "local", "--", "false"])
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    let out = env
        .hostops()
        .args(["--color", "always", "log", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let raw = stdout(&out);
    assert!(raw.contains('\u{1b}'), "colour was forced:\n{raw}");
    let plain = strip_ansi(&raw);
    let lines: Vec<Vec<char>> = plain.lines().map(|l| l.chars().collect()).collect();
    let header: String = lines[0].iter().collect();
    assert!(header.starts_with("RUN "), "{plain}");
    let at = |name: &str| header[..header.find(name).unwrap()].chars().count();
    let (status, time) = (at("STATUS"), at("TIME"));
    for row in &lines[1..] {
        let cell = |from: usize| {
            row[from..]
                .iter()
                .take_while(|c| **c != ' ')
                .collect::<String>()
        };
        assert!(
            row[status - 1] == ' ' && ["ok", "failed"].contains(&cell(status).as_str()),
            "STATUS column misaligned:\n{plain}"
        );
        assert!(
            row[time - 1] == ' '
                && cell(time)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_digit()),
            "TIME column misaligned:\n{plain}"
        );
    }
}

#[test]
fn exec_without_the_separator_says_where_it_goes() {
    let out = Env::new()
        .hostops()
        .args(["exec", "lab", "uptime"])
        .output()
        .unwrap();
    assert_exit(
        &out,
        2,
        "hint: put `--` before the remote command: hostops exec lab -- uptime",
    );
}

#[test]
fn usage_errors_with_json_are_an_envelope_with_exit_2() {
    let env = Env::new();
    for (args, command, says) in [
        (&["--json", "exec"][..], "hostops", "required"),
        (
            &["--json", "-t", "T-1", "exec", "nosuchhost", "--", "true"],
            "exec",
            "unknown host or group `nosuchhost`",
        ),
        (
            &["--json", "-t", "T-1", "hosts", "check", "nosuchhost"],
            "hosts check",
            "unknown host or group `nosuchhost`",
        ),
    ] {
        let out = env.hostops().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let doc = envelope(&out);
        assert_eq!(doc["command"], command, "{doc:#}");
        assert!(doc["result"].is_null(), "{doc:#}");
        assert_eq!(doc["errors"][0]["kind"], "usage", "{doc:#}");
        let message = doc["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(says), "{doc:#}");
    }
}

#[test]
fn completions_and_man_print_raw_text_or_the_envelope() {
    let env = Env::new();
    let run = |args: &[&str]| {
        let out = env.hostops().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        out
    };
    let script = stdout(&run(&["completions", "bash"]));
    assert!(script.contains("_hostops()"), "{script}");
    let v = json(&run(&["--json", "completions", "bash"]));
    assert_eq!(v["shell"], "bash");
    assert_eq!(v["script"], script.as_str());
    let page = stdout(&run(&["man"]));
    assert!(page.contains(".TH hostops 1"), "{page}");
    assert_eq!(json(&run(&["--json", "man"]))["page"], page.as_str());
}
