//! ~/.ssh/config and ad-hoc hosts against real sshd lab hosts: UserKnownHostsFile,
//! IdentityFile, User, Port, ProxyJump chains (with loops refused), ProxyCommand refused,
//! and hosts named as ssh would name them, without any inventory.

use crate::support::{assert_exit, assert_said, json, Env, Lab};

fn write_config(env: &Env, text: &str) {
    std::fs::write(env.home().join(".ssh/config"), text).unwrap();
}

/// `exec HOST -- cat /proc/sys/kernel/hostname` without an inventory: what host answered.
fn hostname(env: &Env, host: &str) -> std::process::Output {
    env.hostops()
        .args(["-t", "LAB-1", "-y", "--json", "exec", host, "--"])
        .args(["cat", "/proc/sys/kernel/hostname"])
        .output()
        .unwrap()
}

#[test]
fn ssh_config_hosts_use_their_known_hosts_file_key_user_and_jumps() {
    let (env, lab) = (Env::new(), Lab::up(3));
    let (kh, key) = (
        lab.dir.path().join("known_hosts"),
        lab.dir.path().join("client_key"),
    );
    // `far` resolves only inside h2: reaching it proves the chain j1 -> j2 -> far.
    let line = format!("{} far\n", lab.address(3));
    let added = lab.sh(
        "h2",
        &["sh", "-c", &format!("printf '%s' '{line}' >> /etc/hosts")],
    );
    assert!(added.status.success());
    let mut keys = std::fs::read_to_string(&kh).unwrap();
    let h3 = keys
        .lines()
        .find(|l| l.starts_with(&format!("{} ", lab.address(3))))
        .unwrap()
        .replacen(&lab.address(3), "far", 1);
    keys.push_str(&format!("{h3}\n"));
    let kh2 = env.path().join("known_hosts");
    std::fs::write(&kh2, keys).unwrap();
    write_config(
        &env,
        &format!(
            "Host j1\n  HostName {a1}\n\
             Host j2\n  HostName {a2}\n  ProxyJump j1\n\
             Host far\n  ProxyJump j2\n\
             Host loop1\n  HostName {a1}\n  ProxyJump loop2\n\
             Host loop2\n  HostName {a2}\n  ProxyJump loop1\n\
             Host old\n  HostName {a1}\n  ProxyCommand nc %h %p\n\
             Host *\n  User root\n  Port 22\n  IdentityFile {key}\n  UserKnownHostsFile {kh}\n",
            a1 = lab.address(1),
            a2 = lab.address(2),
            key = key.display(),
            kh = kh2.display(),
        ),
    );
    let out = hostname(&env, "j1");
    assert_exit(&out, 0, "");
    assert_eq!(json(&out)["report"]["hosts"][0]["stdout"], "h1\n");
    let out = hostname(&env, "far");
    assert_exit(&out, 0, "");
    assert_eq!(json(&out)["report"]["hosts"][0]["stdout"], "h3\n");

    assert_exit(&hostname(&env, "loop1"), 2, "loop1 -> loop2 -> loop1");
    assert_exit(&hostname(&env, "old"), 2, "ProxyCommand");

    // Ad-hoc: an address with a user, and one with ~/.ssh/config's `Host *` user and key.
    let out = hostname(&env, &format!("root@{}:22", lab.address(2)));
    assert_exit(&out, 0, "");
    assert_eq!(json(&out)["report"]["hosts"][0]["stdout"], "h2\n");
    let out = hostname(&env, &lab.address(3));
    assert_exit(&out, 0, "");
    assert_eq!(json(&out)["report"]["hosts"][0]["stdout"], "h3\n");
    // Still strict: a host whose key is on no file is refused.
    std::fs::write(&kh2, "").unwrap();
    assert_said(&hostname(&env, &lab.address(3)), 3, "is not known");
}
