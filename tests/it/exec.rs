//! `exec` against real OpenSSH servers (tests/lab/lab): what an interrupted run leaves behind,
//! long output lines, hostile output on a terminal, unreachable hosts.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::hostile::Hostile;
use crate::support::{json, stderr, stdout, Env, Lab};

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
    let mut cmd = env.hostops_std();
    cmd.arg("--inventory").arg(lab.inventory());
    interrupt_and_check(&env, cmd, &["h1", "h2"], &["sleep", &arg], &arg);
}

#[test]
fn sigterm_stops_a_local_command_and_what_it_started() {
    let env = Env::new();
    let arg = unique_sleep();
    let script = format!("sleep {arg}; :");
    interrupt_and_check(
        &env,
        env.hostops_std(),
        &["local"],
        &["sh", "-c", &script],
        &arg,
    );
}

/// Runs `exec HOSTS -- ARGV` (which starts `sleep ARG` on each host), SIGTERMs hostops once
/// every host runs it, then checks: exit 130, no `sleep ARG` left, and a journaled start and
/// interrupted end per host.
fn interrupt_and_check(env: &Env, mut hostops: Command, hosts: &[&str], argv: &[&str], arg: &str) {
    let child = hostops
        .args(["-t", TICKET, "-y", "exec"])
        .args(hosts)
        .arg("--")
        .args(argv)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while sleeping(arg).len() < hosts.len() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the commands did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // SAFETY: kill(2) on the hostops process this test spawned.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "stderr:\n{}", stderr(&out));

    let gone = Instant::now();
    while !sleeping(arg).is_empty() && gone.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let left = sleeping(arg);
    for pid in &left {
        // SAFETY: kill(2) on a `sleep` with this test's unique argument: the test started it.
        unsafe { libc::kill(*pid as libc::pid_t, libc::SIGKILL) };
    }
    assert_eq!(left, Vec::<u32>::new(), "the commands outlived hostops");

    let log = env
        .hostops()
        .args(["log", "export", TICKET, "--format", "json"])
        .output()
        .unwrap();
    let v = json(&log);
    let run = &v["runs"][0];
    let events = run["events"].as_array().unwrap();
    for host in hosts {
        let started = events
            .iter()
            .filter(|e| e["kind"] == "exec_start" && e["host"] == *host)
            .count();
        assert_eq!(started, 1, "{host} has no exec_start: {events:#?}");
        assert!(
            events.iter().any(|e| e["kind"] == "exec"
                && e["host"] == *host
                && e["error"].as_str().unwrap_or("").contains("interrupted")),
            "{host} has no interrupted end: {events:#?}"
        );
    }
    assert_eq!(run["status"], "interrupted", "{run:#}");
}

/// The lab's inventory plus a host nothing listens for.
fn inventory_with_dead_host(env: &Env, lab: &Lab) -> std::path::PathBuf {
    let inv = env.path().join("inv.toml");
    let text = std::fs::read_to_string(lab.inventory()).unwrap()
        + "\n[[host]]\nname = \"dead\"\naddress = \"127.0.0.1\"\nport = 1\n";
    std::fs::write(&inv, text).unwrap();
    inv
}

#[test]
fn hosts_check_lists_unreachable_hosts_with_their_reason() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let inv = inventory_with_dead_host(&env, &lab);
    let run = |extra: &[&str]| {
        env.hostops()
            .arg("--inventory")
            .arg(&inv)
            .args(["-t", TICKET])
            .args(extra)
            .args(["hosts", "check", "h1", "dead"])
            .output()
            .unwrap()
    };
    let out = run(&["-q"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.starts_with("dead "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains("unreachable: cannot connect to dead"),
        "{text}"
    );
    assert!(text.lines().any(|l| l.starts_with("h1 ")), "{text}");
    assert_eq!(stderr(&out), "", "-q prints no warnings");

    let v = json(&run(&["--json"]));
    assert_eq!(v["hosts"][0]["host"], "h1");
    assert_eq!(v["hosts"][0]["outcome"], "ok");
    assert_eq!(v["hosts"][1]["host"], "dead");
    assert_eq!(v["hosts"][1]["outcome"], "unreachable");
    assert!(v["hosts"][1]["error"]
        .as_str()
        .unwrap()
        .contains("cannot connect"));
}

#[test]
fn exec_reports_unreachable_hosts_with_their_reason() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let inv = inventory_with_dead_host(&env, &lab);
    let run = |quiet: bool| {
        let mut cmd = env.hostops();
        cmd.arg("--inventory").arg(&inv).args(["-t", TICKET, "-y"]);
        if quiet {
            cmd.arg("-q");
        }
        cmd.args(["exec", "h1", "dead", "--", "echo", "hi"])
            .output()
            .unwrap()
    };
    let out = run(false);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(stdout(&out), "h1 | hi\n");
    let err = stderr(&out);
    assert!(err.contains("h1: ok: exit 0"), "{err}");
    assert!(
        err.contains("dead: unreachable: cannot connect to dead"),
        "{err}"
    );
    assert!(
        err.contains("2 hosts: 1 ok, 0 failed, 1 unreachable"),
        "{err}"
    );
    let quiet = run(true);
    assert_eq!(quiet.status.code(), Some(3));
    assert_eq!(stderr(&quiet), "", "-q prints no warnings");
}

#[test]
fn hosts_check_shows_hostile_os_release_escaped() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let h = Hostile::new(Path::new("/tmp"));
    let controls: Vec<&str> = h
        .values()
        .map(|(_, v)| v)
        .filter(|v| v.chars().any(|c| c.is_control() && c != '\n'))
        .collect();
    assert!(controls.len() >= 2, "the table has ESC and CR values");
    let os_release = format!(
        "ID={}\nVERSION_ID={}\nPRETTY_NAME=\"{}\"\n",
        controls[0], controls[1], controls[0]
    );
    // /etc/os-release is a symlink into /usr, which the lab host shares with this machine:
    // replace the link (in the host's own /etc), never write through it.
    let set = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "rm -f /etc/os-release && printf %s \"$1\" >/etc/os-release",
            "sh",
            &os_release,
        ],
    );
    assert!(set.status.success(), "{}", stderr(&set));
    let out = lab
        .hostops(&env)
        .args(["hosts", "check", "h1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let all = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
    assert!(
        !all.contains(&0x1b) && !all.contains(&b'\r'),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("\\e]0;pwned"), "{}", stdout(&out));
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
}

#[test]
fn log_show_escapes_hostile_journaled_arguments() {
    let env = Env::new();
    let h = Hostile::new(env.path());
    let values: Vec<&str> = h.non_empty().map(|(_, v)| v).collect();
    let out = env
        .hostops()
        .args([
            "-t",
            "HOSTILE-2",
            "-y",
            "exec",
            "local",
            "--",
            "printf",
            "%s",
        ])
        .args(&values)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.contains(&0x1b), "piped output stays byte-exact");
    let show = env
        .hostops()
        .args(["log", "show", "HOSTILE-2"])
        .output()
        .unwrap();
    assert_eq!(show.status.code(), Some(0), "{}", stderr(&show));
    assert!(stdout(&show).contains("printf"), "{}", stdout(&show));
    let all = [show.stdout.as_slice(), show.stderr.as_slice()].concat();
    assert!(
        !all.contains(&0x1b) && !all.contains(&b'\r'),
        "{}",
        stdout(&show)
    );
    h.assert_nothing_ran();
}
