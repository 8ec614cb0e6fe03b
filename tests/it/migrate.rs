//! `hostops migrate`: preflight refusals that need no panel emulator.

use crate::support::{assert_exit, json, stderr, stdout, Env, Lab};

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

/// hostops on a lab's inventory with a ticket and --yes.
fn ops(env: &Env, lab: &Lab) -> assert_cmd::Command {
    let mut cmd = env.hostops();
    cmd.arg("--inventory")
        .arg(lab.inventory())
        .args(["-t", "MIG-9", "-y"]);
    cmd
}

/// A fingerprint of everything an account has on a host: files with modes and hashes, the
/// panel's records, database rows, mail. Equal fingerprints mean nothing changed.
fn state(lab: &Lab, host: &str) -> String {
    let script = r#"
        cd / && find home var/cpanel var/www/vhosts usr/local/directadmin/data/users var/qmail/mailnames var/named etc/userdatadomains \
            -path '*/.hostops-migrate-*' -prune -o -type f -printf '%p %m %s\n' 2>/dev/null | sort
        find home var/cpanel var/www/vhosts var/qmail/mailnames -type f 2>/dev/null | sort | xargs -r sha256sum 2>/dev/null
        for db in $(mariadb -N -e 'SHOW DATABASES' | grep -v -e _schema -e '^mysql$' -e '^sys$'); do mariadb-dump --skip-dump-date "$db"; done
        getent passwd | sort"#;
    let out = lab.sh(host, &["sh", "-c", script]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn rows(lab: &Lab, host: &str, db: &str) -> String {
    let out = lab.sh(host, &["sh", "-c", &format!("for t in $(mariadb -N -e 'SHOW TABLES' {db}); do mariadb -N -e \"SELECT '$t', COUNT(*) FROM $t\" {db}; done")]);
    stdout(&out)
}

fn title(lab: &Lab, host: usize, domain: &str) -> String {
    let out = std::process::Command::new("curl")
        .args([
            "-s",
            "-H",
            &format!("Host: {domain}"),
            &format!("http://{}/", lab.address(host)),
        ])
        .output()
        .unwrap();
    let page = stdout(&out);
    page.split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .unwrap_or("")
        .to_string()
}

fn migrate_one_account(panel: &str, user: &str, domain: &str) {
    let (env, lab) = (Env::new(), Lab::up_with(2, panel));
    lab.lab(
        "add-account",
        &[
            "h1",
            user,
            "--domain",
            domain,
            "--db",
            "shop",
            "--mailbox",
            "info",
            "--size",
            "3",
        ],
    );
    let before = state(&lab, "h1");
    let plan = ops(&env, &lab)
        .args([
            "--json", "migrate", "plan", "--from", "h1", "--to", "h2", user,
        ])
        .output()
        .unwrap();
    assert_eq!(
        plan.status.code(),
        Some(0),
        "{}{}",
        stdout(&plan),
        stderr(&plan)
    );
    let out = ops(&env, &lab)
        .args([
            "--json", "migrate", "run", "--from", "h1", "--to", "h2", user,
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(json(&out)["accounts"][0]["ok"], true);
    assert_eq!(state(&lab, "h1"), before, "the source changed");
    let db = format!("{user}_shop");
    assert_eq!(rows(&lab, "h2", &db), rows(&lab, "h1", &db));
    assert!(!rows(&lab, "h2", &db).is_empty());
    let (t1, t2) = (title(&lab, 1, domain), title(&lab, 2, domain));
    assert!(!t1.is_empty() && t1 == t2, "titles {t1:?} / {t2:?}");
    let leftovers = lab.sh(
        "h2",
        &[
            "sh",
            "-c",
            "ls -a /home /var/www/vhosts 2>/dev/null | grep -c hostops || true",
        ],
    );
    assert_eq!(
        stdout(&leftovers).trim(),
        "0",
        "temporary files left on the target"
    );
}

#[test]
fn cpanel_single_account_migration() {
    migrate_one_account("cpanel", "bob", "bob.example");
}

#[test]
fn plesk_single_account_migration() {
    migrate_one_account("plesk", "shopuser", "shop.example");
}

#[test]
fn directadmin_single_account_migration() {
    migrate_one_account("directadmin", "amy", "amy.example");
}
