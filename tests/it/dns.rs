//! `hostops dns` against lab hosts running BIND 9 (`lab up --dns`): each change is served by
//! the host's real named (asked with dig), the zone checks clean, and `dns undo` puts the
//! previous answers back exactly; invalid zones and hostile names are refused before anything
//! changes, hostile TXT values stay data through every panel; a concurrent edit (cPanel's
//! serial lock) is planned again, never lost. One lab per panel.

use std::path::Path;
use std::process::Command;

use hostops::host::zone;
use hostops::ops::dns::record;

use crate::hostile::Hostile;
use crate::support::{json, stderr, Env, Lab, Terminal};

const DOMAIN: &str = "shop.test";

/// What dig gets from the host's named for NAME TYPE (RD=0), sorted.
fn dig(lab: &Lab, name: &str, rtype: &str) -> Vec<String> {
    let out = Command::new("dig")
        .args(["+norec", "+short", "+time=2", "+tries=2"])
        .arg(format!("@{}", lab.address(1)))
        .args([name, rtype])
        .output()
        .expect("dig (bind9-dnsutils, see .ci/deps)");
    assert!(out.status.success(), "dig: {}", stderr(&out));
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

/// TXT answers as their strings joined (dig prints `"a" "b"`).
fn txt(lab: &Lab, name: &str) -> Vec<String> {
    dig(lab, name, "TXT")
        .iter()
        .map(|l| {
            l.trim_matches('"')
                .split("\" \"")
                .collect::<String>()
                .replace("\\\"", "\"")
        })
        .collect()
}

/// The zone's records other than the SOA, as `dns show --json` reads them.
fn records(lab: &Lab, env: &Env) -> Vec<serde_json::Value> {
    let out = lab
        .hostops(env)
        .args(["--json", "dns", "show", DOMAIN, "--host", "h1"])
        .output()
        .unwrap();
    assert!(out.status.success(), "dns show: {}", stderr(&out));
    json(&out)["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["rtype"] != "SOA")
        .cloned()
        .collect::<Vec<_>>()
}

/// `dns ARGS` with `--host h1` after the subcommand (undo has none), so that values after
/// `--` stay values.
fn dns(lab: &Lab, env: &Env, args: &[&str]) -> std::process::Output {
    let mut cmd = lab.hostops_yes(env, "LAB-1");
    cmd.args(["--json", "dns", args[0]]);
    if args[0] != "undo" {
        cmd.args(["--host", "h1"]);
    }
    cmd.args(&args[1..]).output().unwrap()
}

/// Runs a dns change with --yes; returns its run id.
fn change(lab: &Lab, env: &Env, args: &[&str]) -> String {
    let out = dns(lab, env, args);
    assert_eq!(out.status.code(), Some(0), "dns {args:?}: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["result"]["report"]["problem"].is_null(), "{v:#}");
    v["run_id"].as_str().unwrap().to_string()
}

/// Runs a dns command expected to fail with `code`; returns stderr.
fn refused(lab: &Lab, env: &Env, args: &[&str], code: i32) -> String {
    let out = dns(lab, env, args);
    assert_eq!(
        out.status.code(),
        Some(code),
        "dns {args:?}: {}",
        stderr(&out)
    );
    stderr(&out)
}

/// The zone file checks clean with named-checkzone inside the host.
fn zone_checks_clean(lab: &Lab, zone_file: &str) {
    let out = lab.sh("h1", &["named-checkzone", DOMAIN, zone_file]);
    assert!(
        out.status.success(),
        "named-checkzone {zone_file}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
}

/// add, set and remove an A, an MX and a long DKIM TXT on PANEL; each served by the host's
/// named; a CNAME beside other data refused; then every run undone, latest first.
fn changes_are_served_and_undone(panel: &str, zone_file: &str) -> (Lab, Env) {
    let env = Env::new();
    let lab = Lab::up_with_dns(1, panel);
    lab.lab("add-account", &["h1", "shopper", "--domain", DOMAIN]);
    let before = records(&lab, &env);
    let mail_before = dig(&lab, "mail.shop.test", "A");
    assert_eq!(mail_before.len(), 1, "the lab's zone has mail.{DOMAIN}");

    let mut runs = Vec::new();
    runs.push(change(
        &lab,
        &env,
        &["set", DOMAIN, "mail", "A", "192.0.2.7", "--ttl", "300"],
    ));
    assert_eq!(dig(&lab, "mail.shop.test", "A"), ["192.0.2.7"]);
    runs.push(change(
        &lab,
        &env,
        &["add", DOMAIN, "@", "MX", "20", "mail.shop.test."],
    ));
    assert_eq!(
        dig(&lab, DOMAIN, "MX"),
        ["0 mail.shop.test.", "20 mail.shop.test."]
    );
    let key = format!("v=DKIM1; k=rsa; p={}", "MIIBIjANBgkqhkiG9w0B".repeat(20));
    runs.push(change(
        &lab,
        &env,
        &["add", DOMAIN, "default._domainkey", "TXT", &key],
    ));
    assert_eq!(txt(&lab, "default._domainkey.shop.test"), [key]);
    runs.push(change(
        &lab,
        &env,
        &["rm", DOMAIN, "@", "MX", "20", "mail.shop.test."],
    ));
    assert_eq!(dig(&lab, DOMAIN, "MX"), ["0 mail.shop.test."]);
    // Several sets in one change from a desired-state file.
    let file = env.path().join("shop.records");
    std::fs::write(&file, "api 300 IN A 192.0.2.50\napi 300 IN A 192.0.2.51\n").unwrap();
    runs.push(change(
        &lab,
        &env,
        &["apply", DOMAIN, "--file", file.to_str().unwrap()],
    ));
    assert_eq!(
        dig(&lab, "api.shop.test", "A"),
        ["192.0.2.50", "192.0.2.51"]
    );
    zone_checks_clean(&lab, zone_file);

    // A CNAME beside the A of the same name: named-checkzone's message, exit 2, no change.
    let unchanged = records(&lab, &env);
    let err = refused(
        &lab,
        &env,
        &["add", DOMAIN, "mail", "CNAME", "shop.test."],
        2,
    );
    assert!(err.contains("CNAME and other data"), "{err}");
    assert_eq!(records(&lab, &env), unchanged);

    for run in runs.iter().rev() {
        change(&lab, &env, &["undo", run]);
    }
    assert_eq!(dig(&lab, "mail.shop.test", "A"), mail_before);
    assert_eq!(dig(&lab, DOMAIN, "MX"), ["0 mail.shop.test."]);
    assert!(txt(&lab, "default._domainkey.shop.test").is_empty());
    assert!(dig(&lab, "api.shop.test", "A").is_empty());
    let mut after = records(&lab, &env);
    let mut before = before;
    after.sort_by_key(|r| r.to_string());
    before.sort_by_key(|r| r.to_string());
    assert_eq!(after, before, "undo puts every record back exactly");
    zone_checks_clean(&lab, zone_file);
    (lab, env)
}

/// Every hostile value as the TXT text of its own name (`evil-N`), in one `dns apply` through
/// the panel: each read back through the panel exactly as given and served by named as one
/// record; the zone checks clean; nothing ran.
fn hostile_txt_values_stay_data(lab: &Lab, env: &Env, zone_file: &str) {
    let h = Hostile::new(Path::new("/tmp"));
    let values: Vec<&str> = h.non_empty().map(|(_, v)| v).collect();
    let text: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let name = format!("evil-{i}");
            let r = record::parse(DOMAIN, &name, "TXT", &[v.to_string()], 300).unwrap();
            format!("{r}\n")
        })
        .collect();
    let file = env.path().join("hostile.records");
    std::fs::write(&file, text).unwrap();
    change(
        lab,
        env,
        &["apply", DOMAIN, "--file", file.to_str().unwrap()],
    );
    let read = records(lab, env);
    for (i, v) in values.iter().enumerate() {
        let name = format!("evil-{i}.{DOMAIN}");
        let got = text_values(&read, &format!("{name}."));
        assert_eq!(got, [*v], "{name}");
        assert_eq!(txt(lab, &name).len(), 1, "{name}: one TXT record served");
    }
    zone_checks_clean(lab, zone_file);
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
    h.assert_nothing_ran();
}

/// The TXT texts (strings joined) of the records named `name` (fully qualified) in `read`.
fn text_values(read: &[serde_json::Value], name: &str) -> Vec<String> {
    read.iter()
        .filter(|r| r["name"] == name)
        .map(|r| zone::strings(r["data"].as_str().unwrap()).unwrap().concat())
        .collect()
}

/// Sets the emulator's lab switch `/etc/hostops-lab/NAME` on h1 to `text` (a line, or empty).
fn lab_switch(lab: &Lab, name: &str, text: &str) {
    let write = "mkdir -p /etc/hostops-lab && printf '%s' \"$2\" >\"/etc/hostops-lab/$1\"";
    let out = lab.sh("h1", &["sh", "-c", write, "sh", name, text]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Another admin's edit (a zone line) lands on h1 between our plan and its apply (lab switch).
fn concurrent_edit(lab: &Lab, line: &str) {
    lab_switch(lab, "dns-concurrent-edit", &format!("{line}\n"));
}

#[test]
fn dns_changes_on_cpanel_are_served_and_undone_and_a_concurrent_edit_is_not_lost() {
    let (lab, env) = changes_are_served_and_undone("cpanel", "/var/named/shop.test.db");
    hostile_txt_values_stay_data(&lab, &env, "/var/named/shop.test.db");
    // Another admin adds a record between the plan and the apply: cPanel's serial lock
    // refuses ours, hostops reads the zone again and plans anew; the new plan makes the same
    // change, so --yes applies it, and theirs stays.
    concurrent_edit(&lab, "other 60 IN A 192.0.2.99");
    let out = dns(&lab, &env, &["set", DOMAIN, "mail", "A", "192.0.2.8"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warnings = json(&out)["plan"]["warnings"].to_string();
    assert!(
        warnings.contains("+ other.shop.test. 60 A 192.0.2.99"),
        "{warnings}"
    );
    assert_eq!(dig(&lab, "mail.shop.test", "A"), ["192.0.2.8"]);
    assert_eq!(dig(&lab, "other.shop.test", "A"), ["192.0.2.99"]);
    // Their edit touches the set we change: the new plan would remove their record too, so
    // --yes refuses (exit 4) naming it, and nothing of ours is applied.
    concurrent_edit(&lab, "mail 60 IN A 192.0.2.77");
    let err = refused(&lab, &env, &["set", DOMAIN, "mail", "A", "192.0.2.9"], 4);
    assert!(err.contains("+ mail.shop.test. 60 A 192.0.2.77"), "{err}");
    assert_eq!(
        dig(&lab, "mail.shop.test", "A"),
        ["192.0.2.77", "192.0.2.8"]
    );
    // On a terminal the engineer decides: the plan made again (it now removes their record
    // too) is shown with their edit named and asked about again; a yes applies it.
    concurrent_edit(&lab, "mail 60 IN A 192.0.2.66");
    let mut cmd = env.hostops_std();
    cmd.arg("--inventory").arg(lab.inventory()).args([
        "-t",
        "LAB-1",
        "dns",
        "set",
        "--host",
        "h1",
        DOMAIN,
        "mail",
        "A",
        "192.0.2.10",
    ]);
    let mut term = Terminal::start(&cmd);
    term.answer("[y/N]", 1, b"y");
    term.answer("[y/N]", 2, b"y");
    let (status, screen) = term.finish();
    assert!(status.success(), "{screen}");
    assert!(
        screen.contains("+ mail.shop.test. 60 A 192.0.2.66); the change planned again:"),
        "{screen}"
    );
    assert_eq!(dig(&lab, "mail.shop.test", "A"), ["192.0.2.10"]);
    zone_checks_clean(&lab, "/var/named/shop.test.db");
}

#[test]
fn dns_changes_without_a_panel_are_served_and_undone_and_hostile_input_stays_data() {
    let (lab, env) = changes_are_served_and_undone("none", "/etc/bind/zones/shop.test.db");
    let h = Hostile::new(Path::new("/tmp"));
    for (what, v) in h.non_empty() {
        // As a name or an A value: refused before anything runs (exit 2).
        refused(&lab, &env, &["set", DOMAIN, "--", v, "A", "192.0.2.1"], 2);
        refused(&lab, &env, &["set", DOMAIN, "evil", "A", "--", v], 2);
        // As TXT text: one value, read back exactly as given, and served.
        change(&lab, &env, &["set", DOMAIN, "evil", "TXT", "--", v]);
        let evil = text_values(&records(&lab, &env), "evil.shop.test.");
        assert_eq!(evil, [v], "{what}");
        assert_eq!(
            txt(&lab, "evil.shop.test").len(),
            1,
            "{what}: one TXT record"
        );
    }
    zone_checks_clean(&lab, "/etc/bind/zones/shop.test.db");
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
    h.assert_nothing_ran();
}

#[test]
fn dns_changes_on_plesk_are_served_and_undone_and_a_failed_add_puts_the_old_record_back() {
    let (lab, env) = changes_are_served_and_undone("plesk", "/var/named/run-root/var/shop.test");
    hostile_txt_values_stay_data(&lab, &env, "/var/named/run-root/var/shop.test");
    // Plesk has no update: `set` is --del then --add. The add fails (lab switch): the deleted
    // record is added back, the change fails (exit 1), the answer is the old one.
    let before = dig(&lab, "mail.shop.test", "A");
    lab_switch(&lab, "dns-fail-add", "");
    let err = refused(&lab, &env, &["set", DOMAIN, "mail", "A", "192.0.2.9"], 1);
    assert!(err.contains("were undone"), "{err}");
    assert_eq!(dig(&lab, "mail.shop.test", "A"), before);
    zone_checks_clean(&lab, "/var/named/run-root/var/shop.test");
}

#[test]
fn dns_changes_on_directadmin_go_through_its_api_and_are_served_and_undone() {
    let (lab, env) = changes_are_served_and_undone("directadmin", "/var/named/shop.test.db");
    // Every change went through DirectAdmin's HTTP API, with a login key of `da api-url`.
    let log = lab.sh("h1", &["cat", "/var/log/lab-da-api.log"]);
    let log = String::from_utf8_lossy(&log.stdout);
    assert!(log.contains("POST /CMD_API_DNS_ADMIN 200"), "{log}");
    assert!(!log.contains(" 401"), "{log}");
    // Another admin deletes mail's A between the plan and the apply: DirectAdmin answers our
    // delete with error=0 and "did not exist"; hostops calls that a failure (exit 1) and
    // does not add the new record.
    lab_switch(&lab, "dns-concurrent-delete", "mail A\n");
    let err = refused(&lab, &env, &["set", DOMAIN, "mail", "A", "192.0.2.8"], 1);
    assert!(err.contains("did not exist"), "{err}");
    assert!(dig(&lab, "mail.shop.test", "A").is_empty());
    zone_checks_clean(&lab, "/var/named/shop.test.db");

    // Hostile TXT text travels url-encoded in curl's configuration: one value, read back as
    // given, nothing run.
    let h = Hostile::new(Path::new("/tmp"));
    for (what, v) in h.non_empty() {
        change(&lab, &env, &["set", DOMAIN, "evil", "TXT", "--", v]);
        let evil = text_values(&records(&lab, &env), "evil.shop.test.");
        assert_eq!(evil, [v], "{what}");
    }
    zone_checks_clean(&lab, "/var/named/shop.test.db");
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
    h.assert_nothing_ran();
}

/// The zone shop.test naming h1, h2 and h3 as its nameservers, with SERIAL and apex A.
fn shared_zone(net: &str, serial: u32, a: &str) -> String {
    format!(
        "$TTL 300\n@ IN SOA ns1.shop.test. h.shop.test. {serial} 3600 1800 1209600 300\n\
         @ IN NS ns1.shop.test.\n@ IN NS ns2.shop.test.\n@ IN NS ns3.shop.test.\n\
         ns1 IN A {net}.1\nns2 IN A {net}.2\nns3 IN A {net}.3\n@ IN A {a}\n\
         @ IN MX 10 mail.shop.test.\nmail IN A {net}.1\n@ IN TXT \"v=spf1 a mx -all\"\n\
         _dmarc IN TXT \"v=DMARC1; p=none\"\n"
    )
}

fn serve(lab: &Lab, host: &str, zone: &str) {
    let path = lab.host_path(host, "/tmp/shop.test.db");
    std::fs::write(&path, zone).unwrap();
    let out = lab.sh(
        host,
        &[
            "sh",
            "-c",
            "cat /tmp/shop.test.db >/etc/bind/zones/shop.test.db && rndc reload shop.test",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn dns_check_finds_a_stale_secondary_and_a_lame_nameserver() {
    let env = Env::new();
    let lab = Lab::up_with_dns(3, "none");
    let net = lab.net();
    for h in ["h1", "h2"] {
        lab.lab("add-account", &[h, "shopper", "--domain", DOMAIN]);
    }
    serve(&lab, "h1", &shared_zone(&net, 2026120305, "192.0.2.1"));
    serve(&lab, "h2", &shared_zone(&net, 2026120301, "192.0.2.9"));
    let check = |domains: &[&str]| {
        lab.hostops(&env)
            .args(["--json", "dns", "check", "--nameserver", &lab.address(1)])
            .args(domains)
            .output()
            .unwrap()
    };
    let out = check(&[DOMAIN]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let d = &json(&out)["domains"][0];
    let findings = d["findings"].to_string();
    assert!(findings.contains("different serials"), "{findings}");
    assert!(findings.contains("A differs"), "{findings}");
    assert!(
        findings.contains("ns3.shop.test") && findings.contains("lame"),
        "{findings}"
    );
    let serial = |name: &str| {
        d["servers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == name)
            .map(|s| s["serial"].clone())
            .unwrap()
    };
    assert_eq!(serial("ns1.shop.test"), 2026120305);
    assert_eq!(serial("ns2.shop.test"), 2026120301);

    // h3 serves it too, h2 catches up: consistent (exit 0).
    lab.lab("add-account", &["h3", "shopper", "--domain", DOMAIN]);
    for h in ["h2", "h3"] {
        serve(&lab, h, &shared_zone(&net, 2026120305, "192.0.2.1"));
    }
    let out = check(&[DOMAIN]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // A domain no server knows cannot be checked (exit 3).
    let out = check(&[DOMAIN, "nosuch.test"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(json(&out)["domains"][1]["outcome"], "unchecked");
}
