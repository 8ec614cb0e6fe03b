//! `exec` against real OpenSSH servers (tests/lab/lab): what an interrupted run leaves behind,
//! long output lines, hostile output on a terminal, unreachable hosts.

use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::{json, stderr, Env, Lab};

const TICKET: &str = "LAB-1";

/// A `sleep` argument no other process on the machine has: it is how the test finds (only)
/// the commands it started.
fn unique_sleep() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("3000.{}{:09}", std::process::id(), nanos)
}

/// PIDs of processes whose command line is exactly `sleep ARG` (every lab host shares this
/// machine's process table, and the remote shell execs the command).
fn sleeping(arg: &str) -> Vec<u32> {
    let want = format!("sleep\0{arg}\0");
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline"))
                .map(|c| c == want.as_bytes())
                .unwrap_or(false)
        })
        .collect()
}

#[test]
fn sigterm_stops_the_remote_commands_and_journals_each_start() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let arg = unique_sleep();
    let mut child = env
        .hostops_std()
        .arg("--inventory")
        .arg(lab.inventory())
        .args(["-t", TICKET, "-y", "exec", "h1", "h2", "--", "sleep", &arg])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while sleeping(&arg).len() < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the remote commands did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // SAFETY: kill(2) on the hostops process this test spawned.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "stderr:\n{}", stderr(&out));

    let gone = Instant::now();
    while !sleeping(&arg).is_empty() && gone.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        sleeping(&arg),
        Vec::<u32>::new(),
        "the remote commands outlived hostops"
    );

    let log = env
        .hostops()
        .args(["log", "export", TICKET, "--format", "json"])
        .output()
        .unwrap();
    let v = json(&log);
    let run = &v["runs"][0];
    let events = run["events"].as_array().unwrap();
    for host in ["h1", "h2"] {
        let started = events
            .iter()
            .filter(|e| e["kind"] == "exec_start" && e["host"] == host)
            .count();
        assert_eq!(started, 1, "{host} has no exec_start: {events:#?}");
        assert!(
            events.iter().any(|e| e["kind"] == "exec"
                && e["host"] == host
                && e["error"].as_str().unwrap_or("").contains("interrupted")),
            "{host} has no interrupted end: {events:#?}"
        );
    }
    assert_eq!(run["status"], "interrupted", "{run:#}");
}
