//! `hostops account find|show` on a mixed lab: one cPanel, one Plesk, one DirectAdmin and one
//! panel-less host (four labs, one inventory), accounts made by each panel's `lab
//! add-account` with addon, parked and sub domains, mailboxes and databases.

use std::path::PathBuf;

use serde_json::Value;

use crate::hostile::Hostile;
use crate::support::{json, stderr, Env, Lab};

/// The four hosts (`cp`, `pl`, `da`, `no`) in one inventory, and an unreachable `dead`.
struct Mixed {
    env: Env,
    labs: Vec<(&'static str, Lab)>,
    inventory: PathBuf,
}

impl Mixed {
    fn up() -> Mixed {
        let env = Env::new();
        let labs: Vec<(&str, Lab)> = [
            ("cp", "cpanel"),
            ("pl", "plesk"),
            ("da", "directadmin"),
            ("no", "none"),
        ]
        .into_iter()
        .map(|(name, panel)| (name, Lab::up_with(1, panel)))
        .collect();
        let mut inv = String::new();
        for (name, lab) in &labs {
            let d = lab.dir.path().display();
            inv.push_str(&format!(
                "[[host]]\nname = \"{name}\"\naddress = \"{}\"\nuser = \"root\"\n\
                 identity_file = \"{d}/client_key\"\nknown_hosts = \"{d}/known_hosts\"\n\n",
                lab.address(1)
            ));
        }
        inv.push_str("[[host]]\nname = \"dead\"\naddress = \"127.0.0.1\"\nport = 1\n");
        let inventory = env.path().join("mixed.toml");
        std::fs::write(&inventory, inv).unwrap();
        let m = Mixed {
            env,
            labs,
            inventory,
        };
        m.lab("cp").lab(
            "add-account",
            &[
                "h1",
                "bob",
                "--domain",
                "bob.example",
                "--db",
                "wp",
                "--mailbox",
                "info",
                "--addon",
                "shop.example",
                "--parked",
                "bob.example.net",
                "--sub",
                "blog",
                "--quota",
                "50",
                "--forward",
                "sales=boss@elsewhere.example",
            ],
        );
        // Hostile files in bob's home: a link out of his mailbox, and folders whose names
        // would make a `du` line of their own claiming a size for that mailbox.
        for argv in [
            &[
                "mkdir",
                "-p",
                "/home/bob/x\n999999\t/home/bob/mail/bob.example/info",
            ][..],
            &["ln", "-s", "/usr", "/home/bob/mail/bob.example/info/evil"],
        ] {
            let out = m.lab("cp").sh("h1", argv);
            assert!(out.status.success(), "{}", stderr(&out));
        }
        m.lab("pl").lab(
            "add-account",
            &[
                "h1",
                "pluser",
                "--domain",
                "pl.example",
                "--db",
                "wp",
                "--mailbox",
                "sales",
                "--quota",
                "50",
                "--forward",
                "sales=boss@elsewhere.example",
                "--ftp",
                "plupload",
            ],
        );
        m.lab("da").lab(
            "add-account",
            &[
                "h1",
                "dave",
                "--domain",
                "da.example",
                "--db",
                "wp",
                "--mailbox",
                "info",
                "--alias",
                "da-alias.example",
                "--sub",
                "blog",
                "--forward",
                "sales=dave@elsewhere.example",
            ],
        );
        let vhost = "<VirtualHost *:80>\n    ServerName nina.example\n    ServerAlias www.nina.example\n    \
                     DocumentRoot /home/nina/public_html\n</VirtualHost>\n";
        let script = format!(
            "useradd -m -d /home/nina nina && mkdir -p /etc/apache2/sites-enabled && \
             printf '%s' '{vhost}' > /etc/apache2/sites-enabled/nina.conf && \
             mkdir -p /home/nina/mail/nina.example/info/Maildir/cur /etc/dovecot && \
             printf 'hi\\n' > /home/nina/mail/nina.example/info/Maildir/cur/1 && \
             printf 'info@nina.example:{{SHA512-CRYPT}}x:%s:%s::/home/nina/mail/nina.example/info::\
             userdb_quota_rule=*:storage=10M\\n' $(id -u nina) $(id -g nina) >> /etc/dovecot/users"
        );
        let out = m.lab("no").sh("h1", &["sh", "-c", &script]);
        assert!(out.status.success(), "{}", stderr(&out));
        m
    }

    fn lab(&self, name: &str) -> &Lab {
        &self.labs.iter().find(|(n, _)| *n == name).unwrap().1
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.run_as("ACC-1", args)
    }

    fn run_as(&self, ticket: &str, args: &[&str]) -> std::process::Output {
        self.env
            .hostops()
            .arg("--inventory")
            .arg(&self.inventory)
            .args(["-t", ticket, "--json"])
            .args(args)
            .output()
            .unwrap()
    }

    /// The commands `ticket`'s runs journaled as run on a host.
    fn commands(&self, ticket: &str) -> Vec<String> {
        let v = json(&self.run_as(ticket, &["log", "export", ticket, "--format", "json"]));
        v["runs"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["events"].as_array().unwrap().iter())
            .filter(|e| e["kind"] == "exec")
            .map(|e| e["command"].as_str().unwrap().to_string())
            .collect()
    }

    /// `du -s -P [--inodes]` of `path` on host `name`'s h1: kilobytes (or inodes).
    fn du(&self, name: &str, path: &str, inodes: bool) -> u64 {
        let unit = if inodes { "--inodes" } else { "-k" };
        let out = self
            .lab(name)
            .sh("h1", &["du", "-s", "-P", "-x", unit, "--", path]);
        assert!(out.status.success(), "du {path}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        text.split('\t').next().unwrap().trim().parse().unwrap()
    }
}

/// The (host, account, matched, name) rows of a find's result.
fn rows(result: &Value) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for h in result["hosts"].as_array().unwrap() {
        for f in h["found"].as_array().unwrap() {
            let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
            out.push((
                s(&h["host"]),
                s(&f["account"]),
                s(&f["matched"]),
                s(&f["name"]),
            ));
        }
    }
    out
}

#[test]
fn find_and_show_on_every_panel() {
    let m = Mixed::up();
    let hosts = ["cp", "pl", "da", "no"];

    // Every inventory host by default: the dead one is a row, and the exit status says so.
    let out = m.run(&["account", "find", "bob.example"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let r = json(&out);
    let dead = r["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["host"] == "dead")
        .unwrap();
    assert_eq!(dead["outcome"], "unreachable", "{r}");
    assert_eq!(r["hosts"].as_array().unwrap().len(), 5);

    let cases = [
        ("bob.example", "cp", "bob", "main_domain"),
        ("SHOP.example", "cp", "bob", "addon_domain"),
        ("bob.example.net", "cp", "bob", "parked_domain"),
        ("blog.bob.example", "cp", "bob", "subdomain"),
        ("info@bob.example", "cp", "bob", "mailbox"),
        ("bob_wp", "cp", "bob", "database"),
        ("bob", "cp", "bob", "account"),
        ("pl.example", "pl", "pluser", "main_domain"),
        ("blog.pl.example", "pl", "pluser", "subdomain"),
        ("sales@pl.example", "pl", "pluser", "mailbox"),
        ("pluser_wp", "pl", "pluser", "database"),
        ("pluser", "pl", "pluser", "account"),
        ("plupload", "pl", "pluser", "ftp_login"),
        ("da.example", "da", "dave", "main_domain"),
        ("blog.da.example", "da", "dave", "subdomain"),
        ("da-alias.example", "da", "dave", "parked_domain"),
        ("info@da.example", "da", "dave", "mailbox"),
        ("dave_wp", "da", "dave", "database"),
        ("nina.example", "no", "nina", "main_domain"),
        ("www.nina.example", "no", "nina", "parked_domain"),
        ("nina", "no", "nina", "account"),
    ];
    let mut failed = Vec::new();
    for (query, host, account, matched) in cases {
        let mut args = vec!["account", "find", query];
        args.extend(hosts);
        let out = m.run(&args);
        let got = rows(&json(&out));
        let fine = out.status.code() == Some(0)
            && got.len() == 1
            && (got[0].0.as_str(), got[0].1.as_str(), got[0].2.as_str())
                == (host, account, matched);
        if !fine {
            failed.push(format!("{query}: exit {:?}, {got:?}", out.status.code()));
        }
    }
    // On Plesk, the subscription holding the match; an additional FTP login says so.
    let mut args = vec!["account", "find", "plupload"];
    args.extend(hosts);
    let r = json(&m.run(&args));
    let pl = r["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["host"] == "pl");
    assert_eq!(pl.unwrap()["found"][0]["subscription"], "pl.example", "{r}");
    let mut args = vec!["account", "find", "nosuch.example"];
    args.extend(hosts);
    let out = m.run(&args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(rows(&json(&out)).is_empty());
    assert!(
        failed.is_empty(),
        "finds that went wrong:\n{}",
        failed.join("\n")
    );

    // show, by account and by domain, against what the lab made.
    // Each show under a ticket of its own: its disk usage is measured in the same round trip
    // as the panel's details (one command runs `du`: the details script).
    let show = |host: &str, name: &str| {
        let ticket = format!("SHOW-{host}");
        let out = m.run_as(&ticket, &["account", "show", host, name]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{host} {name}: {}",
            stderr(&out)
        );
        let commands = m.commands(&ticket);
        let du: Vec<&String> = commands.iter().filter(|c| c.contains("du ")).collect();
        // Only the account's own mail folders are listed (not every account's, one by one).
        let listings = commands.iter().filter(|c| c.starts_with("find ")).count();
        assert!(
            du.len() == 1 && du[0].contains("hostops-details") && listings <= 1,
            "{host}: {} commands, {} measuring, {listings} listing: {commands:#?}",
            commands.len(),
            du.len()
        );
        json(&out)
    };
    // The figures a show gives are `du`'s own on the host (without following links).
    let measured = |r: &Value, host: &str, home: &str, mail: &str| {
        let kib = |v: &Value| v.as_u64().unwrap() / 1024;
        assert_eq!(kib(&r["disk_used_bytes"]), m.du(host, home, false), "{r}");
        assert_eq!(r["inodes"].as_u64().unwrap(), m.du(host, home, true), "{r}");
        let used = kib(&r["mailboxes"][0]["used_bytes"]);
        assert!(used > 0 && used == m.du(host, mail, false), "{r}");
    };
    let domains = |r: &Value| -> Vec<(String, String)> {
        r["domains"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["domain"].as_str().unwrap().into(),
                    d["kind"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap_or_default().to_string())
            .collect()
    };
    let pair = |d: &str, k: &str| (d.to_string(), k.to_string());

    let cp = show("cp", "shop.example");
    assert_eq!(
        (cp["account"].as_str(), cp["from_domain"].as_str()),
        (Some("bob"), Some("shop.example"))
    );
    assert_eq!(
        domains(&cp),
        [
            pair("bob.example", "main"),
            pair("shop.example.bob.example", "sub"),
            pair("shop.example", "addon"),
            pair("bob.example.net", "parked"),
            pair("blog.bob.example", "sub")
        ]
    );
    assert_eq!(cp["domains"][2]["document_root"], "/home/bob/shop.example");
    assert_eq!(cp["mailboxes"][0]["address"], "info@bob.example");
    measured(&cp, "cp", "/home/bob", "/home/bob/mail/bob.example/info");
    assert_eq!(cp["mailboxes"][0]["quota_bytes"], 50 << 20, "{cp}");
    assert_eq!(cp["forwarders"][0]["address"], "sales@bob.example", "{cp}");
    assert_eq!(
        strings(&cp["forwarders"][0]["targets"]),
        ["boss@elsewhere.example"]
    );
    assert_eq!(strings(&cp["ftp_accounts"]), ["bob"]);
    assert_eq!(strings(&cp["databases"]), ["bob_wp"]);
    assert_eq!(
        (cp["plan"].as_str(), cp["suspended"].as_bool()),
        (Some("default"), Some(false))
    );
    assert!(
        cp["disk_used_bytes"].as_u64().unwrap() > 1 << 20 && cp["inodes"].as_u64().unwrap() > 10,
        "{cp}"
    );

    let pl = show("pl", "pl.example");
    assert_eq!(pl["account"], "pluser");
    assert_eq!(domains(&pl), [pair("pl.example", "main")]);
    assert_eq!(
        pl["domains"][0]["document_root"],
        "/var/www/vhosts/pl.example/httpdocs"
    );
    assert_eq!(pl["mailboxes"][0]["address"], "sales@pl.example");
    assert_eq!(strings(&pl["databases"]), ["pluser_wp"]);
    // The subscription's FTP login, then its additional FTP account.
    assert_eq!(strings(&pl["ftp_accounts"]), ["pluser", "plupload"]);
    // Quota and forwarding from `plesk bin mail --info`.
    assert_eq!(pl["mailboxes"][0]["quota_bytes"], 50 << 20, "{pl}");
    assert_eq!(pl["forwarders"][0]["address"], "sales@pl.example", "{pl}");
    assert_eq!(
        strings(&pl["forwarders"][0]["targets"]),
        ["boss@elsewhere.example"]
    );
    measured(
        &pl,
        "pl",
        "/var/www/vhosts/pl.example",
        "/var/qmail/mailnames/pl.example/sales/Maildir",
    );
    assert_eq!(pl["owner"], "admin");

    let da = show("da", "dave");
    assert_eq!(
        domains(&da),
        [
            pair("da.example", "main"),
            pair("blog.da.example", "sub"),
            pair("da-alias.example", "parked")
        ]
    );
    assert_eq!(
        (da["plan"].as_str(), da["suspended"].as_bool()),
        (Some("default"), Some(false))
    );
    assert_eq!(da["mailboxes"][0]["address"], "info@da.example");
    assert_eq!(strings(&da["databases"]), ["dave_wp"]);
    assert_eq!(da["mailboxes"][0]["quota_bytes"], Value::Null, "{da}");
    measured(
        &da,
        "da",
        "/home/dave",
        "/home/dave/imap/da.example/info/Maildir",
    );
    assert_eq!(
        (
            da["forwarders"][0]["address"].as_str(),
            strings(&da["forwarders"][0]["targets"])
        ),
        (
            Some("sales@da.example"),
            vec!["dave@elsewhere.example".to_string()]
        ),
        "{da}"
    );
    assert_eq!(strings(&da["ftp_accounts"]), ["dave"]);
    assert_eq!(da["owner"], "admin");

    let no = show("no", "www.nina.example");
    assert_eq!(no["account"], "nina");
    assert_eq!(
        domains(&no),
        [
            pair("nina.example", "main"),
            pair("www.nina.example", "parked")
        ]
    );
    assert_eq!(no["domains"][0]["document_root"], "/home/nina/public_html");
    assert_eq!(no["mailboxes"][0]["address"], "info@nina.example", "{no}");
    assert_eq!(no["mailboxes"][0]["quota_bytes"], 10 << 20, "{no}");
    measured(&no, "no", "/home/nina", "/home/nina/mail/nina.example/info");
}

/// Every hostile value as QUERY, as the account of `show` and as `backup restore --account`
/// (which takes a domain too): refused (exit 2) or searched for verbatim and not found (exit
/// 1); nothing runs on the hosts.
#[test]
fn hostile_queries_run_nothing() {
    let lab = Lab::up_with(1, "cpanel");
    lab.lab("add-account", &["h1", "bob", "--domain", "bob.example"]);
    let env = Env::new();
    let h = Hostile::new(std::path::Path::new("/tmp"));
    for (name, value) in h.values() {
        for args in [
            vec!["account", "find", "--", value, "h1"],
            vec!["account", "show", "h1", "--", value],
            vec![
                "--dry-run",
                "backup",
                "restore",
                "h1",
                "--date",
                "2026-11-01",
                "--account",
                value,
            ],
        ] {
            let out = lab.hostops(&env).args(&args).output().unwrap();
            let code = out.status.code();
            assert!(
                matches!(code, Some(1 | 2)),
                "{name} ({value:?}) {args:?}: exit {code:?}\n{}",
                stderr(&out)
            );
        }
    }
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
}
