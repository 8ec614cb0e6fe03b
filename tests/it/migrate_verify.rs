//! `migrate verify` on the cPanel lab: names from the servers stay data (no SQL or shell runs
//! from a table or database name), an identical copy is the same whatever filesystem holds
//! it, and a difference is named, within the report's width.

use std::path::Path;

use crate::hostile::Hostile;
use crate::support::{assert_said, json, stderr, stdout, Env, Lab};

const TICKET: &str = "VERIFY-1";

/// The table a customer who may create tables in their own database names to make a
/// spliced probe grant carol everything.
const GRANTING_TABLE: &str = "y`;GRANT/**/ALL/**/ON/**/*.*/**/TO/**/carol@localhost;#";

/// `name` as a MariaDB identifier (the test's own quoting, to set the lab up).
fn ident(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// Runs `sql` as root in HOST's MariaDB; true when it succeeded.
fn sql(lab: &Lab, host: &str, sql: &str) -> bool {
    lab.sh(
        host,
        &["mariadb", "--default-character-set=utf8mb4", "-e", sql],
    )
    .status
    .success()
}

fn grants_of_carol(lab: &Lab, host: &str) -> String {
    let out = lab.sh(
        host,
        &["mariadb", "-N", "-e", "SHOW GRANTS FOR carol@localhost"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

/// `hostops GLOBAL... migrate verify --from h1 --to h2 bob ARGS...`
fn verify(env: &Env, lab: &Lab, global: &[&str], args: &[&str]) -> std::process::Output {
    lab.hostops_yes(env, TICKET)
        .args(global)
        .args(["migrate", "verify", "--from", "h1", "--to", "h2", "bob"])
        .args(args)
        .output()
        .unwrap()
}

fn check<'a>(doc: &'a serde_json::Value, what: &str) -> &'a serde_json::Value {
    doc["accounts"][0]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["what"] == what)
        .unwrap_or_else(|| panic!("no check {what:?} in {doc:#}"))
}

#[test]
fn table_and_database_names_are_data_not_sql() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    let hostile = Hostile::new(Path::new("/tmp"));
    let mut tables = vec![GRANTING_TABLE.to_string(), "y".to_string()];
    let mut databases = Vec::new();
    for host in ["h1", "h2"] {
        lab.lab("add-account", &[host, "bob", "--domain", "bob.example"]);
        assert!(sql(
            &lab,
            host,
            "CREATE USER carol@localhost; CREATE DATABASE bob_hostile"
        ));
    }
    let before = grants_of_carol(&lab, "h1");
    for (_, v) in hostile.non_empty() {
        let table = format!("{}.{}", ident("bob_hostile"), ident(v));
        if sql(&lab, "h1", &format!("CREATE TABLE {table} (n INT)")) {
            tables.push(v.to_string());
        }
        let db = format!("bob_{v}");
        if sql(&lab, "h1", &format!("CREATE DATABASE {}", ident(&db))) {
            databases.push(db);
        }
    }
    assert!(
        tables.len() > 10 && databases.len() > 10,
        "{tables:?} {databases:?}"
    );
    for host in ["h1", "h2"] {
        let mut setup = String::new();
        for (i, t) in tables.iter().enumerate() {
            let table = format!("{}.{}", ident("bob_hostile"), ident(t));
            setup += &format!("CREATE TABLE IF NOT EXISTS {table} (n INT); ");
            for n in 0..=(i % 3) {
                setup += &format!("INSERT INTO {table} VALUES ({n}); ");
            }
        }
        for db in &databases {
            setup += &format!(
                "CREATE DATABASE IF NOT EXISTS {0}; CREATE TABLE {0}.t (n INT); INSERT INTO {0}.t VALUES (1); ",
                ident(db)
            );
        }
        assert!(sql(&lab, host, &setup), "setting up {host}");
    }
    // One row more on the target, in the table whose name is an attack.
    assert!(sql(
        &lab,
        "h2",
        &format!(
            "INSERT INTO bob_hostile.{} VALUES (9)",
            ident(GRANTING_TABLE)
        )
    ));

    let out = verify(&env, &lab, &["--json"], &[]);
    for host in ["h1", "h2"] {
        assert_eq!(
            grants_of_carol(&lab, host),
            before,
            "a table name ran as SQL on {host}"
        );
        hostile.assert_nothing_ran_at(&lab.host_path(host, "/tmp/hostops-pwned"));
    }
    assert_said(&out, 1, "");
    let doc = json(&out);
    let db = check(&doc, "db bob_hostile");
    assert_eq!(db["same"], false);
    let n = tables.len();
    let rows: usize = (0..n).map(|i| i % 3 + 1).sum();
    assert_eq!(db["source"], format!("{n} tables, {rows} rows"));
    assert_eq!(
        db["differences"],
        serde_json::json!([{ "change": "changed", "item": GRANTING_TABLE, "detail": "rows 1 -> 2" }])
    );
    for name in &databases {
        let c = check(&doc, &format!("db {name}"));
        assert_eq!(c["same"], true, "{c:#}");
        assert_eq!(c["source"], "1 tables, 1 rows", "{c:#}");
    }
}

#[test]
fn an_identical_copy_on_tmpfs_is_the_same_and_a_changed_file_is_named() {
    let (env, lab) = (Env::new(), Lab::up_with(2, "cpanel"));
    let account = [
        "h1",
        "bob",
        "--domain",
        "bob.example",
        "--db",
        "shop",
        "--mailbox",
        "info",
    ];
    lab.lab("add-account", &account);
    // Files named with every hostile value a file name can hold, migrated with the rest.
    let hostile = Hostile::new(Path::new("/tmp"));
    let names: Vec<&str> = hostile
        .non_empty()
        .map(|(_, v)| v)
        .filter(|v| !v.contains('/') && v.len() < 255)
        .collect();
    let make = r#"d=$1; shift; mkdir -p "$d" && for n in "$@"; do printf x > "$d/$n"; done && chown -R bob: "$d""#;
    let dir = "/home/bob/public_html/names";
    let made = lab.sh(
        "h1",
        &[&["sh", "-c", make, "sh", dir][..], &names[..]].concat(),
    );
    assert!(made.status.success(), "{}", stderr(&made));
    let run = lab
        .hostops_yes(&env, TICKET)
        .args(["migrate", "run", "--from", "h1", "--to", "h2", "bob"])
        .output()
        .unwrap();
    assert_said(&run, 0, "");
    // The target's homes move to a tmpfs: directory sizes differ from the source's disk.
    lab.lab("limit-home", &["h2", "1200"]);
    let sizes = |host: &str| {
        let argv = ["find", "/home/bob", "-maxdepth", "0", "-printf", "%s"];
        stdout(&lab.sh(host, &argv))
    };
    assert_ne!(
        sizes("h1"),
        sizes("h2"),
        "the lab should show different directory sizes"
    );
    let same = verify(&env, &lab, &[], &["--deep"]);
    assert_said(&same, 0, "the same on both servers");
    let report = stdout(&same);
    assert!(
        !report.contains("MAILTO"),
        "whole identical files shown:\n{report}"
    );
    for host in ["h1", "h2"] {
        hostile.assert_nothing_ran_at(&lab.host_path(host, "/tmp/hostops-pwned"));
    }

    // A DKIM key as cPanel writes it (`\;` inside quotes) on both, then changed on the target.
    let record = r#"default._domainkey 14400 IN TXT "v=DKIM1\; k=rsa\; p=MIIBIjAN""#;
    let append = r#"printf '%s\n' "$1" >> /var/named/bob.example.db"#;
    for host in ["h1", "h2"] {
        assert!(lab
            .sh(host, &["sh", "-c", append, "sh", record])
            .status
            .success());
    }
    assert_said(&verify(&env, &lab, &[], &[]), 0, "");
    let new_key = [
        "sed",
        "-i",
        "s/p=MIIBIjAN/p=MIIBIjAX/",
        "/var/named/bob.example.db",
    ];
    assert!(lab.sh("h2", &new_key).status.success());
    let changed_key = verify(&env, &lab, &[], &[]);
    let txt = r#"default._domainkey 14400 TXT "v=DKIM1; k=rsa; p=MIIBIjA"#;
    assert_said(&changed_key, 1, &format!("only on h2  {txt}X\""));
    assert_said(&changed_key, 1, &format!("missing on h2  {txt}N\""));
    let old_key = [
        "sed",
        "-i",
        "s/p=MIIBIjAX/p=MIIBIjAN/",
        "/var/named/bob.example.db",
    ];
    assert!(lab.sh("h2", &old_key).status.success());

    // One file changed, and one whose name would drive a terminal, on the target.
    let change = r#"echo changed >> /home/bob/public_html/index.html && printf x > "$1""#;
    let odd = "/home/bob/a\u{1b}]0;pwned\u{7}\u{1b}[2Jb";
    assert!(lab
        .sh("h2", &["sh", "-c", change, "sh", odd])
        .status
        .success());
    let differs = verify(&env, &lab, &[], &[]);
    assert_said(&differs, 1, "changed  public_html/index.html: size ");
    let report = stdout(&differs);
    assert!(
        !report.contains('\u{1b}'),
        "a control character reached the terminal"
    );
    assert!(
        report.contains(r"only on h2  a\u{1b}]0;pwned\u{7}\u{1b}[2Jb"),
        "{report}"
    );
    for line in report.lines() {
        assert!(line.chars().count() <= 100, "line too long: {line}");
        let hex = line
            .split(|c: char| !c.is_ascii_hexdigit())
            .any(|w| w.len() >= 32);
        assert!(!hex, "a hash in the report: {line}");
    }
    let doc = json(&verify(&env, &lab, &["--json"], &[]));
    let home = check(&doc, "home files");
    assert_eq!(home["same"], false);
    let d = &home["differences"];
    assert_eq!(d.as_array().unwrap().len(), 2, "{d:#}");
    assert_eq!(d[0]["change"], "added");
    assert_eq!(d[0]["item"], "a\u{1b}]0;pwned\u{7}\u{1b}[2Jb");
    assert_eq!(d[1]["change"], "changed");
    assert_eq!(d[1]["item"], "public_html/index.html");
    assert!(d[1]["detail"].as_str().unwrap().contains("size"), "{d:#}");
}
