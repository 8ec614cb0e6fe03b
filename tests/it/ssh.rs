//! Against real OpenSSH servers (tests/lab/lab): parallel exec, stdin, exit status, timeout,
//! streaming copy, host key policy, authentication, ProxyJump, hostile arguments, journaling.

use std::io::Write;

use sha2::{Digest, Sha256};

use crate::support::{assert_exit, json, stderr, stdout, Env, Lab, Terminal};

/// The ticket of this module's lab runs (`Lab::hostops_yes`).
const TICKET: &str = "LAB-1";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn exec_on_three_hosts_in_parallel() {
    let (env, lab) = (Env::new(), Lab::up(3));
    let out = lab
        .hostops_yes(&env, TICKET)
        .args([
            "--json",
            "exec",
            "lab",
            "--",
            "cat",
            "/proc/sys/kernel/hostname",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    let v = &json(&out)["report"];
    let got: Vec<(String, String)> = v["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["host"].as_str().unwrap().to_string(),
                h["stdout"].as_str().unwrap().trim().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("h1".into(), "h1".into()),
            ("h2".into(), "h2".into()),
            ("h3".into(), "h3".into())
        ]
    );
    assert_eq!(v["summary"]["ok"], 3);

    // Human mode prefixes each line with its host.
    let human = lab
        .hostops_yes(&env, TICKET)
        .args(["exec", "h1", "h2", "--", "echo", "hi"])
        .output()
        .unwrap();
    let text = stdout(&human);
    assert!(
        text.contains("h1 | hi") && text.contains("h2 | hi"),
        "{text}"
    );
}

#[test]
fn hosts_check_reports_each_lab_host() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "hosts", "check", "all"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    let v = json(&out);
    let names: Vec<&str> = v["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["hostname"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["h1", "h2"]);
    assert_eq!(v["hosts"][0]["panel"]["kind"], "none");
    assert!(v["hosts"][0]["cpus"].as_u64().unwrap() >= 1);
}

#[test]
fn stdin_reaches_the_remote_command() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let input = env.path().join("input.bin");
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    std::fs::write(&input, &data).unwrap();
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "exec", "h1", "h2", "--stdin"])
        .arg(&input)
        .args(["--", "sha256sum"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    let want = hex(&Sha256::digest(&data));
    for h in json(&out)["report"]["hosts"].as_array().unwrap() {
        assert!(h["stdout"].as_str().unwrap().starts_with(&want), "{h}");
    }
}

#[test]
fn exit_status_and_stderr_come_back() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = lab
        .hostops_yes(&env, TICKET)
        .args([
            "--json",
            "exec",
            "h1",
            "h2",
            "--",
            "sh",
            "-c",
            "echo oops >&2; [ \"$(hostname)\" = h1 ] && exit 0; exit 42",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = &json(&out)["report"];
    assert_eq!(v["hosts"][0]["exit"]["code"], 0);
    assert_eq!(v["hosts"][1]["exit"]["code"], 42);
    assert_eq!(v["hosts"][1]["stderr"], "oops\n");
    assert_eq!(v["summary"]["failed"], 1);
}

#[test]
fn timeout_kills_the_remote_command() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let started = std::time::Instant::now();
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["exec", "h1", "--timeout", "2", "--", "sleep", "29417"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "timed out after 2s");
    assert!(
        started.elapsed().as_secs() < 30,
        "took {:?}",
        started.elapsed()
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let left = lab.sh("h1", &["pgrep", "-f", "sleep 29417"]);
    assert_ne!(
        left.status.code(),
        Some(0),
        "the remote command is still running: {}",
        stdout(&left)
    );
}

#[test]
fn copy_streams_100_mb_both_ways_with_checksum() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let src = env.path().join("big.bin");
    let mut f = std::fs::File::create(&src).unwrap();
    let mut hasher = Sha256::new();
    let mut block = vec![0u8; 1 << 20];
    for i in 0..100u32 {
        for (j, b) in block.iter_mut().enumerate() {
            *b = (j as u32)
                .wrapping_mul(2_654_435_761)
                .wrapping_add(i)
                .to_le_bytes()[1];
        }
        hasher.update(&block);
        f.write_all(&block).unwrap();
    }
    drop(f);
    let want = hex(&hasher.finalize());

    let up = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "copy"])
        .arg(&src)
        .arg("h1:/root/big.bin")
        .output()
        .unwrap();
    assert_exit(&up, 0, "");
    assert_eq!(json(&up)["report"]["sha256"], want);
    assert_eq!(json(&up)["report"]["bytes"], 100 * 1024 * 1024);
    let remote = lab.sh("h1", &["sha256sum", "/root/big.bin"]);
    assert!(stdout(&remote).starts_with(&want), "{}", stdout(&remote));
    let leftovers = lab.sh("h1", &["sh", "-c", "ls /root | grep -c hostops || true"]);
    assert_eq!(stdout(&leftovers).trim(), "0", "temporary file left behind");

    let back = env.path().join("back.bin");
    let down = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "copy", "h1:/root/big.bin"])
        .arg(&back)
        .output()
        .unwrap();
    assert_exit(&down, 0, "");
    assert_eq!(hex(&Sha256::digest(std::fs::read(&back).unwrap())), want);

    let journal = json(
        &env.hostops()
            .args(["log", "export", "LAB-1", "--format", "json"])
            .output()
            .unwrap(),
    );
    let copies: Vec<&serde_json::Value> = journal["runs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["events"].as_array().unwrap())
        .filter(|e| e["kind"] == "copy")
        .collect();
    assert_eq!(copies.len(), 2);
    assert!(copies.iter().all(|c| c["sha256"] == want.as_str()));
}

#[test]
fn copy_of_a_missing_remote_file_fails_and_leaves_nothing() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let dest = env.path().join("never.bin");
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["copy", "h1:/root/no-such-file"])
        .arg(&dest)
        .output()
        .unwrap();
    assert_exit(&out, 1, "no-such-file");
    assert!(!dest.exists());
}

#[test]
fn unknown_host_key_is_refused_unless_accepted() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let known = env.path().join("empty_known_hosts");
    std::fs::write(&known, "").unwrap();
    let inv = env.path().join("inv.toml");
    std::fs::write(
        &inv,
        format!(
            "[defaults]\nidentity_file = \"{}\"\nknown_hosts = \"{}\"\n[[host]]\nname = \"h1\"\naddress = \"{}\"\n",
            lab.dir.path().join("client_key").display(),
            known.display(),
            lab.address(1)
        ),
    )
    .unwrap();
    let run = |extra: &[&str]| {
        env.hostops()
            .arg("--inventory")
            .arg(&inv)
            .args(["-t", "LAB-1", "-y"])
            .args(extra)
            .args(["exec", "h1", "--", "true"])
            .output()
            .unwrap()
    };
    let refused = run(&[]);
    assert_exit(&refused, 3, "is not known (SHA256:");
    assert_eq!(
        std::fs::read_to_string(&known).unwrap(),
        "",
        "nothing added without consent"
    );

    let accepted = run(&["--accept-new-host-key"]);
    assert_exit(&accepted, 0, "");
    let line = std::fs::read_to_string(&known).unwrap();
    assert!(
        line.starts_with(&format!("{} ssh-ed25519 ", lab.address(1))),
        "{line}"
    );
    assert_eq!(
        run(&[]).status.code(),
        Some(0),
        "a recorded key is trusted from then on"
    );
}

#[test]
fn changed_host_key_is_always_refused_with_both_fingerprints() {
    let (env, lab) = (Env::new(), Lab::up(1));
    assert_eq!(
        lab.hostops_yes(&env, TICKET)
            .args(["exec", "h1", "--", "true"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(0)
    );
    lab.rekey("h1");
    for extra in [vec![], vec!["--accept-new-host-key"]] {
        let out = lab
            .hostops_yes(&env, TICKET)
            .args(&extra)
            .args(["exec", "h1", "--", "touch", "/root/pwned"])
            .output()
            .unwrap();
        assert_exit(&out, 3, "");
        let err = stderr(&out);
        assert!(err.contains("HOST KEY CHANGED"), "{err}");
        assert_eq!(
            err.matches("SHA256:").count(),
            2,
            "both fingerprints: {err}"
        );
    }
    assert_ne!(
        lab.sh("h1", &["test", "-e", "/root/pwned"]).status.code(),
        Some(0)
    );
}

#[test]
fn wrong_key_is_refused() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let key = env.path().join("stranger");
    let gen = std::process::Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(&key)
        .output()
        .unwrap();
    assert!(gen.status.success());
    let inv = env.path().join("inv.toml");
    std::fs::write(
        &inv,
        format!(
            "[defaults]\nidentity_file = \"{}\"\nknown_hosts = \"{}\"\n[[host]]\nname = \"h1\"\naddress = \"{}\"\n",
            key.display(),
            lab.dir.path().join("known_hosts").display(),
            lab.address(1)
        ),
    )
    .unwrap();
    let out = env
        .hostops()
        .arg("--inventory")
        .arg(&inv)
        .args(["-t", "LAB-1", "-y", "exec", "h1", "--", "true"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("authentication failed for root@h1") && err.contains("rejected"),
        "{err}"
    );
    assert!(err.contains("password not tried (no terminal"), "{err}");
}

#[test]
fn unreachable_host_is_a_connection_error() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let inv = env.path().join("inv.toml");
    let text = std::fs::read_to_string(lab.inventory()).unwrap()
        + "\n[[host]]\nname = \"gone\"\naddress = \"127.0.0.1\"\nport = 1\n";
    std::fs::write(&inv, text).unwrap();
    let out = env
        .hostops()
        .arg("--inventory")
        .arg(&inv)
        .args([
            "-t", "LAB-1", "-y", "--json", "exec", "h1", "gone", "--", "true",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let v = &json(&out)["report"];
    assert_eq!(v["hosts"][0]["outcome"], "ok");
    assert_eq!(v["hosts"][1]["outcome"], "unreachable");
    assert!(v["hosts"][1]["error"]
        .as_str()
        .unwrap()
        .contains("cannot connect to gone"));
}

#[test]
fn proxy_jump_reaches_a_host_through_another() {
    // `hidden-h2` resolves only inside h1 (its private /etc/hosts): reaching it proves the
    // connection was made by h1, not by hostops directly.
    let (env, lab) = (Env::new(), Lab::up(2));
    let line = format!("{} hidden-h2\n", lab.address(2));
    let added = lab.sh(
        "h1",
        &["sh", "-c", &format!("printf '%s' '{line}' >> /etc/hosts")],
    );
    assert!(added.status.success(), "{}", stderr(&added));
    let known = env.path().join("known_hosts");
    let mut keys = std::fs::read_to_string(lab.dir.path().join("known_hosts")).unwrap();
    let h2_key = keys
        .lines()
        .find(|l| l.starts_with(&format!("{} ", lab.address(2))))
        .unwrap()
        .to_string();
    keys.push_str(&h2_key.replacen(&lab.address(2), "hidden-h2", 1));
    keys.push('\n');
    std::fs::write(&known, keys).unwrap();
    let inv = env.path().join("inv.toml");
    let text = std::fs::read_to_string(lab.inventory()).unwrap().replace(
        &lab.dir.path().join("known_hosts").display().to_string(),
        &known.display().to_string(),
    ) + "\n[[host]]\nname = \"behind\"\naddress = \"hidden-h2\"\njump = \"h1\"\n";
    std::fs::write(&inv, text).unwrap();
    let run = |host: &str| {
        env.hostops()
            .arg("--inventory")
            .arg(&inv)
            .args([
                "-t",
                "LAB-1",
                "-y",
                "--json",
                "exec",
                host,
                "--",
                "cat",
                "/proc/sys/kernel/hostname",
            ])
            .output()
            .unwrap()
    };
    let out = run("behind");
    assert_exit(&out, 0, "");
    assert_eq!(json(&out)["report"]["hosts"][0]["stdout"], "h2\n");

    let direct = std::fs::read_to_string(&inv)
        .unwrap()
        .replace("jump = \"h1\"", "");
    std::fs::write(&inv, direct).unwrap();
    assert_eq!(
        run("behind").status.code(),
        Some(3),
        "hidden-h2 must not be reachable directly"
    );
}

#[test]
fn hostile_arguments_arrive_verbatim_and_run_nothing() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let hostile = [
        "; touch /tmp/pwned1",
        "$(touch /tmp/pwned2)",
        "`touch /tmp/pwned3`",
        "' ; touch /tmp/pwned4 ; '",
        "\" ; touch /tmp/pwned5 ; \"",
        "line1\ntouch /tmp/pwned6",
        "-n",
        "--version",
        "&& touch /tmp/pwned7 ||",
        "| tee /tmp/pwned8",
        "> /tmp/pwned9",
        "../../../etc/passwd",
        "",
    ];
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["--json", "exec", "h1", "--", "printf", "%s\\0"])
        .args(hostile)
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    let got = json(&out)["report"]["hosts"][0]["stdout"]
        .as_str()
        .unwrap()
        .to_string();
    let args: Vec<&str> = got.split('\0').collect();
    assert_eq!(&args[..hostile.len()], hostile);
    let made = lab.sh("h1", &["sh", "-c", "ls /tmp | grep -c pwned || true"]);
    assert_eq!(
        stdout(&made).trim(),
        "0",
        "a hostile argument ran a command"
    );

    // A hostile program name is one argument too: no such program, nothing run.
    let prog = lab
        .hostops_yes(&env, TICKET)
        .args(["exec", "h1", "--", "true; touch /tmp/pwned10"])
        .output()
        .unwrap();
    assert_eq!(prog.status.code(), Some(1));
    assert_ne!(
        lab.sh("h1", &["test", "-e", "/tmp/pwned10"]).status.code(),
        Some(0)
    );
}

#[test]
fn journal_records_each_remote_command_with_host_key() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["exec", "h1", "h2", "--", "uname", "-n"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    let v = json(
        &env.hostops()
            .args(["log", "export", "LAB-1", "--format", "json"])
            .output()
            .unwrap(),
    );
    let all = v["runs"][0]["events"].as_array().unwrap();
    let started: Vec<_> = all.iter().filter(|e| e["kind"] == "exec_start").collect();
    let events: Vec<_> = all.iter().filter(|e| e["kind"] == "exec").collect();
    assert_eq!((started.len(), events.len()), (2, 2), "{all:#?}");
    for host in ["h1", "h2"] {
        let s = started.iter().find(|x| x["host"] == host).unwrap();
        assert_eq!(s["command"], "uname -n");
        let e = events.iter().find(|x| x["host"] == host).unwrap();
        assert_eq!(e["command"], "uname -n");
        assert_eq!(e["user"], "root");
        assert_eq!(e["exit_code"], 0);
        assert_eq!(e["stdout"]["text"], format!("{host}\n"));
        assert!(e["host_key"].as_str().unwrap().starts_with("SHA256:"));
    }
    let verify = env.hostops().args(["log", "verify"]).output().unwrap();
    assert_eq!(verify.status.code(), Some(0));
}

#[test]
fn hosts_are_really_separate() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = lab
        .hostops_yes(&env, TICKET)
        .args(["exec", "h1", "--", "touch", "/home/only-on-h1"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    assert_eq!(
        lab.sh("h1", &["test", "-e", "/home/only-on-h1"])
            .status
            .code(),
        Some(0)
    );
    assert_ne!(
        lab.sh("h2", &["test", "-e", "/home/only-on-h1"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn on_a_terminal_the_host_key_and_password_are_asked_for() {
    // `script` gives hostops a real pseudo-terminal; what we pipe in is what the engineer types:
    // `y` to trust the fingerprint shown, then user `lab`'s password.
    let (env, lab) = (Env::new(), Lab::up(1));
    let known = env.path().join("known_hosts");
    let inv = env.path().join("inv.toml");
    std::fs::write(
        &inv,
        format!(
            "[[host]]\nname = \"h1\"\naddress = \"{}\"\nuser = \"lab\"\nknown_hosts = \"{}\"\n",
            lab.address(1),
            known.display()
        ),
    )
    .unwrap();
    // The command prints the password (built on the host, so it is not in argv): typed at
    // the prompt, it is a secret of the run and the journal masks it.
    let mut cmd = env.hostops_std();
    cmd.arg("--inventory").arg(&inv).args([
        "-t",
        "TTY-1",
        "-y",
        "exec",
        "h1",
        "--",
        "sh",
        "-c",
        "id -un; echo \"$(id -un)-password\"",
    ]);
    let mut term = Terminal::start(&cmd);
    term.answer("[y/N]", 1, b"y");
    term.answer("Password for lab@h1", 1, b"lab-password\n");
    let (status, screen) = term.finish();
    assert!(status.success(), "{screen}");
    assert!(screen.contains("Key fingerprint is SHA256:"), "{screen}");
    assert!(screen.contains("Password for lab@h1"), "{screen}");
    assert!(screen.lines().any(|l| l.trim() == "lab"), "{screen}");
    assert!(
        screen.matches("lab-password").count() <= 1,
        "the password was echoed: {screen}"
    );
    assert!(std::fs::read_to_string(&known)
        .unwrap()
        .contains("ssh-ed25519"));
    let journal = std::fs::read(env.journal()).unwrap();
    assert!(!String::from_utf8_lossy(&journal).contains("lab-password"));
    assert_eq!(
        crate::playbook::journal_rows_containing(&env, "lab-password"),
        Vec::<String>::new()
    );
    assert!(!crate::playbook::journal_rows_containing(&env, "\\n***\\n").is_empty());
}

#[test]
fn copy_between_hosts_direct_and_relayed_leaves_no_key_behind() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let made = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "head -c 20000000 /dev/urandom > /root/data.bin && sha256sum /root/data.bin",
        ],
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let want = stdout(&made).split_whitespace().next().unwrap().to_string();
    let keys = || {
        stdout(&lab.sh(
            "h1",
            &[
                "sh",
                "-c",
                "cat /root/.ssh/authorized_keys 2>/dev/null; true",
            ],
        ))
    };
    let keys_before = keys();
    for (extra, dest) in [
        (None, "/root/direct.bin"),
        (Some("--relay"), "/root/relayed.bin"),
    ] {
        let out = lab
            .hostops_yes(&env, TICKET)
            .args(["--json", "copy", "h1:/root/data.bin", &format!("h2:{dest}")])
            .args(extra)
            .output()
            .unwrap();
        assert_exit(&out, 0, "");
        let v = json(&out);
        assert_eq!(v["report"]["sha256"], want.as_str());
        assert_eq!(
            v["plan"]["detail"]["route"],
            if extra.is_some() { "relay" } else { "direct" }
        );
        let arrived = lab.sh("h2", &["sha256sum", dest]);
        assert!(stdout(&arrived).starts_with(&want), "{}", stdout(&arrived));
    }
    assert_eq!(
        keys(),
        keys_before,
        "the one-off key must be revoked on the source"
    );
    let leftovers = lab.sh(
        "h2",
        &["sh", "-c", "ls -a /root | grep -c hostops-xfer || true"],
    );
    assert_eq!(stdout(&leftovers).trim(), "0");
    assert_ne!(
        lab.sh("h1", &["test", "-e", "/root/direct.bin"])
            .status
            .code(),
        Some(0),
        "source untouched"
    );
}

#[test]
fn copy_between_hosts_refuses_without_yes_and_dry_run_changes_nothing() {
    let (env, lab) = (Env::new(), Lab::up(2));
    lab.sh("h1", &["sh", "-c", "echo hi > /root/f"]);
    let base = || {
        let mut c = env.hostops();
        c.arg("--inventory")
            .arg(lab.inventory())
            .args(["-t", "LAB-1"]);
        c
    };
    let refused = base()
        .args(["copy", "h1:/root/f", "h2:/root/f"])
        .output()
        .unwrap();
    assert_exit(&refused, 4, "--yes");
    let dry = base()
        .args(["--dry-run", "copy", "h1:/root/f", "h2:/root/f"])
        .output()
        .unwrap();
    assert_exit(&dry, 0, "");
    assert!(
        stdout(&dry).contains("h2 pulls it from h1 with a one-off key"),
        "{}",
        stdout(&dry)
    );
    assert_ne!(
        lab.sh("h2", &["test", "-e", "/root/f"]).status.code(),
        Some(0)
    );
}
