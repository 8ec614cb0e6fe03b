//! known_hosts against real sshd lab hosts: `@revoked` keys, bad lines, patterns, direct and
//! through a jump host.

use std::path::{Path, PathBuf};

use crate::support::{assert_exit, stderr, Env, Lab};

/// The lab's recorded line for host `n`: (address, "type key").
fn lab_line(lab: &Lab, n: usize) -> (String, String) {
    let text = std::fs::read_to_string(lab.dir.path().join("known_hosts")).unwrap();
    let addr = lab.address(n);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{addr} ")))
        .unwrap()
        .to_string();
    (addr.clone(), line[addr.len() + 1..].to_string())
}

/// An inventory of the lab's hosts reading `known`; `extra` appended (more hosts).
fn inventory(env: &Env, lab: &Lab, known: &Path, extra: &str) -> PathBuf {
    let inv = env.path().join("inv.toml");
    let text = std::fs::read_to_string(lab.inventory()).unwrap().replace(
        &lab.dir.path().join("known_hosts").display().to_string(),
        &known.display().to_string(),
    ) + extra;
    std::fs::write(&inv, text).unwrap();
    inv
}

fn exec(env: &Env, inv: &Path, host: &str, accept: bool) -> std::process::Output {
    let mut cmd = env.hostops();
    cmd.arg("--inventory").arg(inv).args(["-t", "LAB-1", "-y"]);
    if accept {
        cmd.arg("--accept-new-host-key");
    }
    cmd.args(["exec", host, "--", "touch", "/root/reached"])
        .output()
        .unwrap()
}

#[test]
fn revoked_host_key_is_refused_direct_and_through_a_jump() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let known = env.path().join("known_hosts");
    let (a1, k1) = lab_line(&lab, 1);
    let (a2, k2) = lab_line(&lab, 2);
    let behind = format!("\n[[host]]\nname = \"behind\"\naddress = \"{a2}\"\njump = \"h1\"\n");
    let inv = inventory(&env, &lab, &known, &behind);
    let cases = [
        // The key both listed and revoked.
        (format!("{a1} {k1}\n{a2} {k2}\n@revoked {a1} {k1}\n"), "h1"),
        // Only the @revoked line: unknown otherwise, so accepting new keys must not add it.
        (format!("@revoked * {k1}\n"), "h1"),
        // The jump host revoked.
        (
            format!("{a1} {k1}\n{a2} {k2}\n@revoked {a1} {k1}\n"),
            "behind",
        ),
        // The host behind the jump revoked.
        (
            format!("{a1} {k1}\n{a2} {k2}\n@revoked {a2} {k2}\n"),
            "behind",
        ),
    ];
    for (text, host) in cases {
        for accept in [false, true] {
            std::fs::write(&known, &text).unwrap();
            let out = exec(&env, &inv, host, accept);
            assert_exit(&out, 3, "REVOKED HOST KEY");
            assert_eq!(
                std::fs::read_to_string(&known).unwrap(),
                text,
                "nothing added to known_hosts"
            );
        }
    }
    for h in ["h1", "h2"] {
        assert_ne!(
            lab.sh(h, &["test", "-e", "/root/reached"]).status.code(),
            Some(0),
            "{h} was reached"
        );
    }
}

#[test]
fn bad_lines_are_skipped_and_patterns_match_as_in_openssh() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let known = env.path().join("known_hosts");
    let inv = inventory(&env, &lab, &known, "");
    let (a1, k1) = lab_line(&lab, 1);
    let net = lab.net();

    // One garbage line before a good one: a warning naming file:line, and the host connects.
    std::fs::write(&known, format!("garbage line\n{a1} {k1}\n")).unwrap();
    let out = exec(&env, &inv, "h1", false);
    assert_exit(&out, 0, &format!("{}:1:", known.display()));

    // A wildcard matches; a negated pattern for this address keeps the line off it.
    std::fs::write(&known, format!("{net}.* {k1}\n")).unwrap();
    assert_exit(&exec(&env, &inv, "h1", false), 0, "");
    std::fs::write(&known, format!("{net}.*,!{a1} {k1}\n")).unwrap();
    assert_exit(&exec(&env, &inv, "h1", false), 3, "is not known");

    // A [addr]:port entry is not used for port 22, and a plain one not for another port.
    std::fs::write(&known, format!("[{a1}]:22 {k1}\n")).unwrap();
    assert_exit(&exec(&env, &inv, "h1", false), 3, "is not known");

    // Hashed entries keep working.
    std::fs::write(&known, format!("{a1} {k1}\n")).unwrap();
    let hashed = std::process::Command::new("ssh-keygen")
        .arg("-H")
        .arg("-f")
        .arg(&known)
        .output()
        .unwrap();
    assert!(hashed.status.success(), "{}", stderr(&hashed));
    assert!(std::fs::read_to_string(&known).unwrap().starts_with("|1|"));
    assert_exit(&exec(&env, &inv, "h1", false), 0, "");
}
