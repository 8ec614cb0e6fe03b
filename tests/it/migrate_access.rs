//! `hostops migrate`'s one-off keys (direct route): what the source authorizes, and that
//! nothing of it outlives the run, even a killed one.

use std::path::Path;

use crate::hostile::Hostile;
use crate::migrate::{add, migrate, TICKET};
use crate::support::{assert_said, json, stderr, stdout, Env, Lab};

/// The hostops lines of the source's root authorized_keys.
fn source_keys(lab: &Lab) -> Vec<String> {
    let out = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "cat /root/.ssh/authorized_keys 2>/dev/null || true",
        ],
    );
    stdout(&out)
        .lines()
        .filter(|l| l.contains("hostops-access"))
        .map(str::to_string)
        .collect()
}

/// The one-off private key directories on the target.
fn target_private_keys(lab: &Lab) -> String {
    let out = lab.sh(
        "h2",
        &[
            "sh",
            "-c",
            "ls -d /tmp/hostops-access.* 2>/dev/null || true",
        ],
    );
    stdout(&out).trim().to_string()
}

#[test]
fn a_clean_run_says_what_it_granted_and_leaves_no_key_on_either_server() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "2");
    // Keys an older hostops left (no expiry, comments from account names, hostile ones
    // too) go; the customer's own key stays.
    let hostile = Hostile::new(Path::new("/tmp"));
    let mut lines = vec!["ssh-ed25519 AAAAcustomerkey admin@laptop".to_string()];
    lines.extend(hostile.values().enumerate().map(|(i, (_, v))| {
        format!("restrict ssh-ed25519 AAAAleft{i} hostops-access-RUN-{v}-home")
    }));
    let mut argv = vec![
        "sh",
        "-c",
        r#"mkdir -p /root/.ssh && for l; do printf '%s\n' "$l" >> /root/.ssh/authorized_keys; done"#,
        "sh",
    ];
    argv.extend(lines.iter().map(String::as_str));
    assert!(lab.sh("h1", &argv).status.success());
    let out = migrate(&env, &lab, &[], "run", &["bob"]);
    assert_said(&out, 0, "");
    for host in ["h1", "h2"] {
        hostile.assert_nothing_ran_at(&lab.host_path(host, "/tmp/hostops-pwned"));
    }
    let kept = stdout(&lab.sh("h1", &["cat", "/root/.ssh/authorized_keys"]));
    assert!(kept.contains("AAAAcustomerkey admin@laptop"), "{kept}");
    assert!(!kept.contains("AAAAleft"), "leftover keys stayed: {kept}");
    let said = stderr(&out);
    assert!(
        said.contains("granted h2 a one-off key to root@")
            && said.contains("(from 127.")
            && said.contains("only `tar -C /home/bob --format=posix -cf - .`"),
        "{said}"
    );
    assert!(said.contains("revoked the one-off key on"), "{said}");
    assert_eq!(source_keys(&lab), Vec::<String>::new());
    assert_eq!(target_private_keys(&lab), "");
}

#[test]
fn a_killed_run_leaves_a_narrow_expiring_key_that_the_resume_removes_with_the_private_key() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    add(&lab, "h1", "bob", "bob.example", "150");
    let mut running = env
        .hostops_std()
        .arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", TICKET, "-y", "migrate", "run", "--from", "h1", "--to", "h2", "bob",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // The lab's hosts share loopback: the source sees the target connect from 127.0.0.1,
    // which is what the target's route to it says and the key names.
    // Killed (only the process this test started) once a key is authorized on the source.
    let granted = (0..3000).find_map(|_| {
        std::thread::sleep(std::time::Duration::from_millis(20));
        source_keys(&lab).into_iter().next()
    });
    // SIGKILL: nothing of hostops runs afterwards.
    running.kill().unwrap();
    running.wait().unwrap();

    // The keys the killed job left do nothing but the command each was made for (the home
    // stream and the transfer may each hold one: every key on the target is tried). Killed
    // first: a running job revokes a key as soon as its stream ends.
    let other = lab.sh(
        "h2",
        &[
            "sh",
            "-c",
            &format!(
                "for k in /tmp/hostops-access.*/key; do \
                 ssh -i \"$k\" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes root@{} touch /tmp/hostops-owned; done",
                lab.address(1)
            ),
        ],
    );

    let key = granted.expect("no one-off key was ever authorized");
    assert!(
        key.starts_with("restrict,expiry-time=\""),
        "not restricted and expiring: {key}"
    );
    assert!(
        key.contains(",from=\"127.") && key.contains("\",command=\""),
        "not limited to the target and one command: {key}"
    );
    assert!(
        !lab.sh("h1", &["test", "-e", "/tmp/hostops-owned"])
            .status
            .success(),
        "the one-off key ran another command: {}",
        stderr(&other)
    );
    assert!(
        stderr(&other).contains("allows only the command it was made for"),
        "{}",
        stderr(&other)
    );

    let list = json(
        &env.hostops()
            .args(["-t", TICKET, "--json", "log", "list"])
            .output()
            .unwrap(),
    );
    let id = list["runs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["command"] == "migrate run")
        .unwrap()["run_id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["migrate", "run", "--resume", &id])
        .output()
        .unwrap();
    assert_said(&out, 0, "");
    assert!(
        stderr(&out).contains("leftover one-off key(s) of runs no longer running"),
        "{}",
        stderr(&out)
    );
    assert_eq!(source_keys(&lab), Vec::<String>::new());
    assert_eq!(target_private_keys(&lab), "");
    // Nothing of the killed run's streams outlives the resume (its unpacking tar was ended
    // before its directory was made afresh).
    let left = std::process::Command::new("pgrep")
        .args(["-a", "-f", "--", &format!("hostops-migrate-{id}")])
        .output()
        .unwrap();
    assert_eq!(stdout(&left), "", "processes of the killed run remain");
}

/// A killed run's home stream outlives it: its unpacking tar still holds (and may still write
/// into) the staged directory when the run is resumed, and an `rm -rf` racing it fails
/// ("Directory not empty"). Making the directory afresh ends that tar first (only it: its
/// whole command line, which names the run's directory), then empties the directory.
#[test]
fn a_fresh_staged_home_ends_the_unpacking_tar_a_killed_run_left() {
    use hostops::ops::migrate::home;
    let lab = Lab::up(1);
    let dir = "/home/.hostops-migrate-killed-run";
    let staged = format!("{dir}/bob.home");
    // The killed run's stream, started by this test: a feeder that never ends (its pid kept,
    // to end it afterwards) piped into the very tar a run starts, which unpacked a file.
    let orphan = r#"d=$1 s=$2; shift 2
mkdir -p "$s" && touch "$s/partial"
(sh -c 'echo $$ >"$1/feeder.pid"; exec sleep 300' sh "$d" </dev/null 2>/dev/null | "$@" >/dev/null 2>&1 &)"#;
    let unpack = home::consume(&staged);
    let mut argv = vec!["sh", "-c", orphan, "sh", dir, &staged];
    argv.extend(unpack.argv().iter().map(String::as_str));
    assert!(lab.sh("h1", &argv).status.success());
    let running = || {
        let out = std::process::Command::new("pgrep")
            .args(["-a", "-f", "--", "hostops-migrate-killed-run/bob"])
            .output()
            .unwrap();
        stdout(&out)
    };
    let started = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        !running().is_empty()
    });
    assert!(started, "the test's unpacking tar never started");

    let fresh = home::fresh_dir(&staged);
    let argv: Vec<&str> = fresh.argv().iter().map(String::as_str).collect();
    let out = lab.sh("h1", &argv);
    let left = running();
    let listed = lab.sh("h1", &["ls", "-A", &staged]);
    let feeder = lab.sh(
        "h1",
        &["sh", "-c", "kill \"$(cat \"$1/feeder.pid\")\"", "sh", dir],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(left, "", "the killed run's tar still runs");
    assert_eq!(stdout(&listed), "", "the staged home is not empty");
    assert!(feeder.status.success(), "{}", stderr(&feeder));
}
