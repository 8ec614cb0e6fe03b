//! `hostops migrate`: preflight refusals that need no panel emulator.

use crate::support::{assert_exit, json, Env, Lab};

#[test]
fn plan_refuses_servers_without_a_panel() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let out = env
        .hostops()
        .arg("--inventory")
        .arg(lab.inventory())
        .args([
            "-t", "MIG-1", "--json", "migrate", "plan", "--from", "h1", "--to", "h2", "bob",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let v = json(&out);
    assert_eq!(v["clean"], false);
    assert!(
        v["plan"]["blockers"][0]
            .as_str()
            .unwrap()
            .contains("no control panel detected on h1"),
        "{v}"
    );
}

#[test]
fn plan_refuses_hostile_account_names_before_contacting_anything() {
    let env = Env::new();
    let inv = env.path().join("inv.toml");
    std::fs::write(&inv, "[[host]]\nname = \"a\"\naddress = \"192.0.2.1\"\n[[host]]\nname = \"b\"\naddress = \"192.0.2.2\"\n").unwrap();
    for bad in ["bob;touch /tmp/x", "$(id)", "../root", "-rf", "Bob"] {
        let out = env
            .hostops()
            .arg("--inventory")
            .arg(&inv)
            .args([
                "-t", "MIG-2", "migrate", "plan", "--from", "a", "--to", "b", "--", bad,
            ])
            .output()
            .unwrap();
        assert_exit(&out, 2, "is not a valid account name");
    }
    let same = env
        .hostops()
        .arg("--inventory")
        .arg(&inv)
        .args([
            "-t", "MIG-2", "migrate", "plan", "--from", "a", "--to", "a", "bob",
        ])
        .output()
        .unwrap();
    assert_exit(&same, 2, "name two different servers");
    let none = env
        .hostops()
        .arg("--inventory")
        .arg(&inv)
        .args(["-t", "MIG-2", "migrate", "plan", "--from", "a", "--to", "b"])
        .output()
        .unwrap();
    assert_eq!(
        none.status.code(),
        Some(2),
        "an account, --all or --owner is required"
    );
}
