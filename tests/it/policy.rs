//! The support-level policy: a task above the operator's level is refused (exit 4) with the
//! escalation to run, before any host is contacted; the config file changes the table; the
//! playbooks' level check goes through the same table; no level configured refuses nothing.

use crate::builder::Test;
use crate::support::{assert_exit, json, stderr, Env};

/// `migrate run` of two accounts between two hosts no inventory knows: only the policy can
/// stop it before the hosts are looked up.
const TWO_ACCOUNTS: &[&str] = &[
    "-t", "POL-1", "migrate", "run", "--from", "h1", "--to", "h2", "bob", "amy",
];

#[test]
fn an_l2_operator_is_refused_an_l3_task_with_the_escalation_to_run() {
    let env = Env::new();
    let out = env
        .hostops()
        .env("HOSTOPS_LEVEL", "L2")
        .args(TWO_ACCOUNTS)
        .output()
        .unwrap();
    assert_exit(
        &out,
        4,
        "`migrate run` of 2 accounts is a level-3 task and your level is 2",
    );
    assert!(
        stderr(&out).contains("hostops ticket escalate POL-1 --to L3 --note"),
        "{}",
        stderr(&out)
    );
    // Refused before any host was looked up or contacted, and journaled with the level.
    assert!(!stderr(&out).contains("h1"), "{}", stderr(&out));
    let list = json(
        &env.hostops()
            .args(["--json", "log", "list"])
            .output()
            .unwrap(),
    );
    let run = &list["runs"][0];
    assert_eq!(run["exit_code"], 4, "{list:#}");
    assert_eq!(run["remote_actions"], 0, "{list:#}");
    assert_eq!(run["level"], 2, "{list:#}");
    // One account is an L2 task: it gets past the policy to the inventory.
    let one = env
        .hostops()
        .env("HOSTOPS_LEVEL", "2")
        .args(&TWO_ACCOUNTS[..TWO_ACCOUNTS.len() - 1])
        .output()
        .unwrap();
    assert_exit(&one, 2, "h1");
}

#[test]
fn an_l3_operator_and_an_unconfigured_level_get_through() {
    let env = Env::new();
    for level in [Some("3"), None] {
        let mut cmd = env.hostops();
        if let Some(l) = level {
            cmd.env("HOSTOPS_LEVEL", l);
        }
        let out = cmd.args(TWO_ACCOUNTS).output().unwrap();
        // Past the policy: the hosts are looked up (and are unknown).
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(!stderr(&out).contains("level-3 task"), "{}", stderr(&out));
    }
}

#[test]
fn the_config_file_sets_the_level_and_changes_the_table() {
    let t = Test::new().file("config.toml", "level = 2\n[levels]\n\"exec\" = 3\n");
    let config = t.path("config.toml");
    let config = config.to_str().unwrap();
    t.clone()
        .var("HOSTOPS_CONFIG", config)
        .yes()
        .hostops(&["exec", "local", "--", "true"])
        .status(4)
        .stderr_has("`exec` is a level-3 task and your level is 2")
        .stderr_has("hostops ticket escalate LAB-1 --to L3")
        .run();
    // HOSTOPS_LEVEL overrides the config's level; the task runs.
    t.clone()
        .var("HOSTOPS_CONFIG", config)
        .var("HOSTOPS_LEVEL", "3")
        .yes()
        .hostops(&["exec", "local", "--", "true"])
        .run();
    // The company may lower a row too: several accounts at L2.
    let lowered = Test::new().file(
        "config.toml",
        "level = 2\n[levels]\n\"migrate run (several accounts)\" = 2\n",
    );
    let config = lowered.path("config.toml");
    lowered
        .var("HOSTOPS_CONFIG", config.to_str().unwrap())
        .hostops(&["migrate", "run", "--from", "h1", "--to", "h2", "bob", "amy"])
        .status(2)
        .stderr_has("h1")
        .run();
}

#[test]
fn a_row_the_table_does_not_have_is_a_config_error() {
    let t = Test::new().file("config.toml", "[levels]\n\"migrate everything\" = 3\n");
    let config = t.path("config.toml");
    t.var("HOSTOPS_CONFIG", config.to_str().unwrap())
        .hostops(&["exec", "local", "--", "true"])
        .status(1)
        .stderr_has("no task `migrate everything`")
        .run();
}

#[test]
fn playbooks_are_checked_through_the_same_table() {
    // install-imagemagick declares level 2; the company makes every playbook run L3.
    let t = Test::new().file("config.toml", "level = 2\n[levels]\n\"playbook run\" = 3\n");
    let config = t.path("config.toml");
    t.var("HOSTOPS_CONFIG", config.to_str().unwrap())
        .hostops(&["playbook", "run", "install-imagemagick", "--host", "h1"])
        .status(4)
        .stderr_has("playbook `install-imagemagick` is a level-3 task and your level is 2")
        .stderr_has("hostops ticket escalate LAB-1 --to L3")
        .run();
}
