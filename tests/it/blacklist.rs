//! `hostops blacklist` against a real rbldnsd serving test zones (listings with TXT, IPv6,
//! a zone answering refusal codes, a zone listing everything, a domain zone, mail records),
//! a nameserver that never answers, and lab hosts holding a planted spam run.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::dnsbl_fixture::{Blackhole, FakeNameserver, Rbldnsd};
use crate::hostile::Hostile;
use crate::support::{assert_exit, json, stderr, stdout, Env, Lab};

const ZONES: &str = r#"
[[zone]]
name = "bl.test"
kind = "ip"
delist = "https://bl.test/remove"
[zone.codes]
"127.0.0.2" = "test listing"
"127.0.0.4" = "spam source"

[[zone]]
name = "refuse.test"
kind = "ip"
delist = "https://refuse.test/"
[zone.codes]
"127.0.0.2" = "listed"
[zone.errors]
"127.255.255.254" = "query via public resolver"

[[zone]]
name = "all.test"
kind = "ip"
[zone.codes]
"127.0.0.2" = "listed"

[[zone]]
name = "dbl.test"
kind = "domain"
delist = "https://dbl.test/remove"
[zone.codes]
"127.0.1.2" = "spam domain"
"#;

fn dnsbl() -> Rbldnsd {
    Rbldnsd::start(&[
        (
            "bl.test",
            "ip4set",
            ":127.0.0.2:Listed in bl.test: $\n127.0.0.2\n192.0.2.10 :127.0.0.4:spam source $\n192.0.2.11",
        ),
        ("bl.test", "ip6trie", ":127.0.0.2:IPv6 listed: $\n2001:db8::10/128"),
        ("refuse.test", "ip4trie", ":127.255.255.254:\n0/0"),
        ("all.test", "ip4trie", ":127.0.0.2:everything is listed\n0/0"),
        ("dbl.test", "dnset", ":127.0.1.2:spam domain $\ntest\nspam.example"),
        (
            "mail.test",
            "generic",
            "@ MX 10 mx.mail.test.\n@ TXT \"v=spf1 mx -all\"\n_dmarc TXT \"v=DMARC1; p=reject\"\nmx A 192.0.2.25",
        ),
    ])
}

/// `hostops -t BL-1 blacklist check --zones ZONES --nameserver NS` in `env`.
fn check(env: &Env, ns: &str) -> assert_cmd::Command {
    let zones = env.path().join("zones.toml");
    std::fs::write(&zones, ZONES).unwrap();
    let mut cmd = env.hostops();
    cmd.args(["-t", "BL-1", "blacklist", "check", "--zones"])
        .arg(zones)
        .args(["--nameserver", ns]);
    cmd
}

/// The results of `target` as (zone, verdict) pairs.
fn results<'a>(v: &'a Value, target: &str) -> &'a Vec<Value> {
    v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["target"] == target)
        .unwrap_or_else(|| panic!("{target} not in {v:#}"))["results"]
        .as_array()
        .unwrap()
}

#[test]
fn listing_has_code_txt_delist_url_and_is_journaled() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--json", "--zone", "bl.test", "192.0.2.10", "192.0.2.99"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    let r = &results(&v, "192.0.2.10")[0];
    assert_eq!(r["zone"], "bl.test");
    assert_eq!(r["verdict"], "listed");
    assert_eq!(r["codes"][0]["answer"], "127.0.0.4");
    assert_eq!(r["codes"][0]["meaning"], "spam source");
    assert_eq!(r["reason"], "spam source 192.0.2.10");
    assert_eq!(r["delist"], "https://bl.test/remove");
    assert_eq!(results(&v, "192.0.2.99")[0]["verdict"], "clean");
    assert_eq!(v["zones"][0]["health"], "ok");
    // Listings come first.
    assert_eq!(v["targets"][0]["target"], "192.0.2.10");

    let log = env
        .hostops()
        .args(["log", "show", "BL-1"])
        .output()
        .unwrap();
    let text = stdout(&log);
    assert!(
        text.contains("1 listed") && text.contains("192.0.2.10 in bl.test"),
        "{text}"
    );
}

#[test]
fn a_target_no_zone_of_the_set_applies_to_is_reported_unchecked() {
    let (env, bl) = (Env::new(), dnsbl());
    // bl.test lists addresses only: the domain is not checked, and that is not "clean".
    let out = check(&env, &bl.nameserver())
        .args(["--zone", "bl.test", "192.0.2.99", "spam.example"])
        .output()
        .unwrap();
    assert_exit(
        &out,
        3,
        "spam.example: no zone of the set lists this kind of target; not checked",
    );
    let out = check(&env, &bl.nameserver())
        .args(["--json", "--zone", "bl.test", "192.0.2.99", "spam.example"])
        .output()
        .unwrap();
    assert_eq!(json(&out)["unchecked"], serde_json::json!(["spam.example"]));
}

#[test]
fn clean_exits_0_and_ipv6_is_checked_by_nibbles() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--zone", "bl.test", "192.0.2.99"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    assert!(stdout(&out).contains("clean"), "{}", stdout(&out));

    let out = check(&env, &bl.nameserver())
        .args([
            "--json",
            "--zone",
            "bl.test",
            "2001:db8::10",
            "2001:db8::11",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    let r = &results(&v, "2001:db8::10")[0];
    assert_eq!(r["verdict"], "listed");
    assert_eq!(r["reason"], "IPv6 listed: 2001:db8::10");
    assert_eq!(results(&v, "2001:db8::11")[0]["verdict"], "clean");
}

#[test]
fn a_refusal_code_is_refused_never_listed() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--json", "--zone", "refuse.test", "192.0.2.10"])
        .output()
        .unwrap();
    assert_exit(&out, 3, "");
    let v = json(&out);
    let r = &results(&v, "192.0.2.10")[0];
    assert_eq!(r["verdict"], "refused", "{r:#}");
    assert_eq!(r["answer"], "127.255.255.254");
    assert_eq!(r["meaning"], "query via public resolver");
    assert!(
        r["advice"].as_str().unwrap().contains("--nameserver"),
        "{r:#}"
    );
    assert_eq!(v["zones"][0]["health"], "refused");
    assert_eq!(v["summary"]["listed"], 0);
}

#[test]
fn a_zone_that_lists_everything_is_broken_and_not_counted() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--zone", "all.test", "192.0.2.99"])
        .output()
        .unwrap();
    assert_exit(&out, 3, "");
    assert!(
        stderr(&out).contains("zone all.test is broken"),
        "{}",
        stderr(&out)
    );
    let text = stdout(&out);
    let verdicts: Vec<&str> = text
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().nth(2))
        .collect();
    assert_eq!(verdicts, ["unknown"], "{text}");
}

#[test]
fn a_nameserver_that_never_answers_gives_unknown_never_clean() {
    let (env, hole) = (Env::new(), Blackhole::start());
    let started = Instant::now();
    let out = check(&env, &hole.addr.to_string())
        .args([
            "--json",
            "--timeout",
            "200",
            "--retries",
            "1",
            "192.0.2.0/28",
            "example.com",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 3, "");
    let v = json(&out);
    assert_eq!(v["summary"]["clean"], 0);
    assert_eq!(v["summary"]["listed"], 0);
    // 16 addresses x 3 ip zones + 1 domain x 1 domain zone: each one ends as unknown.
    assert_eq!(v["summary"]["unknown"], 16 * 3 + 1);
    for z in v["zones"].as_array().unwrap() {
        assert_eq!(z["health"], "unreachable", "{z:#}");
    }
    for c in v["targets"][0]["checks"].as_array().unwrap() {
        assert_eq!(c["status"], "unknown", "{c:#}");
    }
    // The test points tell the zone is unreachable: the 64 queries are not each waited for.
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_dqs_key_redirects_queries_and_stays_out_of_the_journal() {
    let bl = Rbldnsd::start(&[(
        "k3ysecret.zen.dq.test",
        "ip4set",
        ":127.0.0.2:via DQS $\n127.0.0.2\n192.0.2.10",
    )]);
    let env = Env::new();
    let zones = env.path().join("dqs.toml");
    std::fs::write(
        &zones,
        "[[zone]]\nname = \"zen.test\"\nkind = \"ip\"\ndqs = \"zen.dq.test\"\n[zone.codes]\n\"127.0.0.2\" = \"SBL\"\n",
    )
    .unwrap();
    let key = env.path().join("dqs.key");
    std::fs::write(&key, "k3ysecret\n").unwrap();
    let out = env
        .hostops()
        .args(["-t", "BL-3", "--json", "blacklist", "check", "--zones"])
        .arg(&zones)
        .args(["--nameserver", &bl.nameserver(), "--dqs-key-file"])
        .arg(&key)
        .arg("192.0.2.10")
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    assert_eq!(results(&v, "192.0.2.10")[0]["zone"], "zen.test");
    assert_eq!(results(&v, "192.0.2.10")[0]["reason"], "via DQS 192.0.2.10");
    let log = env
        .hostops()
        .args(["log", "export", "BL-3", "--format", "json"])
        .output()
        .unwrap();
    assert!(stdout(&log).contains("zen.test"), "{}", stdout(&log));
    assert!(!stdout(&log).contains("k3ysecret"), "{}", stdout(&log));
}

#[test]
fn a_zone_without_its_test_point_proves_no_clean() {
    let bl = Rbldnsd::start(&[("dead.test", "ip4set", "192.0.2.10")]);
    let env = Env::new();
    let zones = env.path().join("dead.toml");
    std::fs::write(&zones, "[[zone]]\nname = \"dead.test\"\nkind = \"ip\"\n").unwrap();
    let out = env
        .hostops()
        .args(["-t", "BL-4", "--json", "blacklist", "check", "--zones"])
        .arg(&zones)
        .args(["--nameserver", &bl.nameserver(), "192.0.2.10", "192.0.2.99"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    assert_eq!(v["zones"][0]["health"], "no_test_point");
    assert_eq!(results(&v, "192.0.2.10")[0]["verdict"], "listed");
    assert_eq!(results(&v, "192.0.2.99")[0]["verdict"], "unknown");
}

#[test]
fn a_retry_goes_to_the_next_nameserver() {
    let (env, bl, hole) = (Env::new(), dnsbl(), Blackhole::start());
    let out = check(&env, &hole.addr.to_string())
        .args([
            "--nameserver",
            &bl.nameserver(),
            "--timeout",
            "300",
            "--retries",
            "1",
        ])
        .args(["--json", "--zone", "bl.test", "192.0.2.10", "192.0.2.99"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    assert_eq!(v["summary"]["listed"], 1);
    assert_eq!(v["summary"]["clean"], 1);
    assert_eq!(v["summary"]["unknown"], 0);
}

#[test]
fn domains_against_domain_zones_with_mx_spf_dmarc() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--json", "spam.example", "mail.test"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    let spam = results(&v, "spam.example");
    assert_eq!(spam.len(), 1, "domains only meet domain zones");
    assert_eq!(spam[0]["zone"], "dbl.test");
    assert_eq!(spam[0]["codes"][0]["meaning"], "spam domain");
    assert_eq!(spam[0]["reason"], "spam domain spam.example");
    assert_eq!(results(&v, "mail.test")[0]["verdict"], "clean");
    let mail = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["target"] == "mail.test")
        .unwrap();
    let checks: Vec<(&str, &str)> = mail["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["name"].as_str().unwrap(), c["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        checks,
        [("mx", "pass"), ("spf", "pass"), ("dmarc", "pass")],
        "{mail:#}"
    );
}

#[test]
fn every_query_of_a_block_ends_with_one_verdict() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--json", "192.0.2.0/24"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    let s = &v["summary"];
    assert_eq!(s["targets"], 256);
    assert_eq!(s["listed"], 2, "192.0.2.10 and .11 in bl.test");
    assert_eq!(s["refused"], 256, "refuse.test");
    assert_eq!(s["unknown"], 256, "all.test is broken");
    assert_eq!(s["clean"], 254);
    // A block is summed up: its listed addresses are targets, the rest is counted per zone.
    let listed: Vec<&str> = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            assert_eq!(t["origin"], "192.0.2.0/24");
            assert_eq!(t["results"][0]["verdict"], "listed", "{t:#}");
            t["target"].as_str().unwrap()
        })
        .collect();
    assert_eq!(listed, ["192.0.2.10", "192.0.2.11"]);
    let block = &v["blocks"][0];
    assert_eq!(block["addresses"], 256);
    assert_eq!(
        block["clean_addresses"], 0,
        "refuse.test and all.test never say clean"
    );
    let counts: Vec<(&str, &str, u64)> = block["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["zone"].as_str().unwrap(),
                c["verdict"].as_str().unwrap(),
                c["addresses"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("refuse.test", "refused", 256),
            ("all.test", "unknown", 256)
        ]
    );
    // People get one row for the clean rest of the block.
    let human = check(&env, &bl.nameserver())
        .args(["--zone", "bl.test", "192.0.2.0/24"])
        .output()
        .unwrap();
    let text = stdout(&human);
    assert!(text.contains("254 address(es) of 192.0.2.0/24"), "{text}");
    assert!(
        text.lines().nth(1).unwrap().starts_with("192.0.2.1"),
        "{text}"
    );
}

#[test]
fn usage_errors_say_what_to_fix() {
    let env = Env::new();
    let bad = env.path().join("bad.toml");
    std::fs::write(&bad, "[[zone]]\nname = \"x.test\"\nkind = \"asn\"\n").unwrap();
    let out = env
        .hostops()
        .args(["-t", "BL-2", "blacklist", "check", "--zones"])
        .arg(&bad)
        .arg("192.0.2.1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a valid zone file"),
        "{}",
        stderr(&out)
    );

    for (args, says) in [
        (vec!["192.0.2.0/21"], "more than --max-addresses 1024"),
        (
            vec!["--zone", "nope.test", "192.0.2.1"],
            "known zones: zen.spamhaus.org",
        ),
        (vec!["not_a_target"], "is not an IP address"),
        (
            vec!["--zones", "/nonexistent.toml", "192.0.2.1"],
            "--zones: cannot read",
        ),
        (
            vec!["--zone", "zen.spamhaus.org", "example.com"],
            "no zone of the set applies to example.com",
        ),
        (
            vec!["--nameserver", "dns.example", "192.0.2.1"],
            "--nameserver dns.example",
        ),
    ] {
        let out = env
            .hostops()
            .args(["-t", "BL-2", "blacklist", "check"])
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }

    let out = env
        .hostops()
        .args(["blacklist", "check", "192.0.2.1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ticket"), "{}", stderr(&out));
}

#[test]
fn an_inventory_host_is_checked_by_its_mail_domains() {
    let (env, bl, lab) = (Env::new(), dnsbl(), Lab::up(1));
    let planted = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "printf 'spam.example\\nmail.test\\n' > /etc/localdomains",
        ],
    );
    assert!(planted.status.success(), "{}", stderr(&planted));
    let zones = env.path().join("zones.toml");
    std::fs::write(&zones, ZONES).unwrap();
    let out = lab
        .hostops(&env)
        .args([
            "--accept-new-host-key",
            "--json",
            "blacklist",
            "check",
            "h1",
            "--zones",
        ])
        .arg(&zones)
        .args(["--nameserver", &bl.nameserver()])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    assert_eq!(v["targets"][0]["target"], "spam.example");
    assert_eq!(v["targets"][0]["origin"], "h1");
    assert_eq!(v["hosts"][0]["host"], "h1");
    assert_eq!(v["hosts"][0]["outcome"], "ok");
    let from_h1 = v["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["origin"] == "h1")
        .count();
    assert_eq!(v["hosts"][0]["targets"], from_h1, "{v:#}");
    assert_eq!(results(&v, "mail.test")[0]["verdict"], "clean");
    // The lab's addresses are loopback or private: none is checked.
    assert!(v["targets"].as_array().unwrap().iter().all(|t| t["target"]
        .as_str()
        .unwrap()
        .contains('.')
        && !t["target"].as_str().unwrap().starts_with("127.")));
}

/// An inventory with one host nothing listens for.
fn dead_inventory(env: &Env) -> std::path::PathBuf {
    let inv = env.path().join("dead.toml");
    std::fs::write(
        &inv,
        "[[host]]\nname = \"dead\"\naddress = \"127.0.0.1\"\nport = 1\n",
    )
    .unwrap();
    inv
}

#[test]
fn an_unreachable_inventory_host_is_a_row_with_its_outcome() {
    let (env, bl) = (Env::new(), dnsbl());
    let inv = dead_inventory(&env);
    let run = |json: bool, address: &str| {
        let mut cmd = check(&env, &bl.nameserver());
        cmd.arg("--inventory").arg(&inv);
        if json {
            cmd.arg("--json");
        }
        cmd.args(["--zone", "bl.test", "dead", address])
            .output()
            .unwrap()
    };
    // Nothing listed, but a host could not be read: not clean (3).
    let out = run(false, "192.0.2.99");
    assert_exit(&out, 3, "");
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.starts_with("dead (inventory host)"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        row.contains("unreachable") && row.contains("cannot connect to dead"),
        "{text}"
    );
    assert!(
        !stderr(&out).contains("cannot connect"),
        "a row, not a warning"
    );
    let v = json(&run(true, "192.0.2.99"));
    assert_eq!(v["hosts"][0]["host"], "dead");
    assert_eq!(v["hosts"][0]["outcome"], "unreachable");
    assert!(v["hosts"][0]["error"]
        .as_str()
        .unwrap()
        .contains("cannot connect"));
    assert_eq!(results(&v, "192.0.2.99")[0]["verdict"], "clean");
    // A listing wins over the host not read (1).
    let out = run(true, "192.0.2.10");
    assert_exit(&out, 1, "");
    assert_eq!(json(&out)["hosts"][0]["outcome"], "unreachable");

    let investigate = |json: bool| {
        let mut cmd = env.hostops();
        cmd.arg("--inventory").arg(&inv).args(["-t", "BL-1"]);
        if json {
            cmd.arg("--json");
        }
        cmd.args(["blacklist", "investigate", "dead"])
            .output()
            .unwrap()
    };
    let out = investigate(false);
    assert_exit(&out, 3, "");
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("dead ") && l.contains("unreachable")),
        "{text}"
    );
    let v = json(&investigate(true));
    assert_eq!(v["host"], "dead");
    assert_eq!(v["outcome"], "unreachable");
    assert!(v["error"].as_str().unwrap().contains("cannot connect"));
}

/// `blacklist investigate h1 --json` on the lab, which finds a spam source (exit 1): the report.
fn investigate_h1(env: &Env, lab: &Lab) -> Value {
    let out = lab
        .hostops(env)
        .args([
            "--accept-new-host-key",
            "--json",
            "blacklist",
            "investigate",
            "h1",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    json(&out)
}

/// A compromised mailbox and an exploited script on a cPanel-style exim server.
fn exim_spam_run() -> String {
    let mut log = String::new();
    for i in 0..150 {
        log.push_str(&format!(
            "2026-11-22 03:{:02}:{:02} 1tSpam-{i:06}-AB <= info@victim.example H=(User) [198.51.100.7]:5{i:04} \
             P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:info@victim.example S=2345 \
             id={i}@victim.example T=\"Invoice {i}\" for buyer{i}@mailbox.example\n",
            i / 60,
            i % 60
        ));
        if i % 3 == 0 {
            log.push_str(&format!(
                "2026-11-22 03:{:02}:{:02} 1tSpam-{i:06}-AB ** buyer{i}@mailbox.example R=dkim_lookuphost \
                 T=dkim_remote_smtp H=mx.mailbox.example [192.0.2.1]: SMTP error from remote mail server \
                 after end of data: 550 5.7.1 blocked using zen.spamhaus.org\n",
                i / 60,
                i % 60
            ));
        }
    }
    for i in 0..40 {
        log.push_str(&format!(
            "2026-11-22 04:00:{:02} cwd=/home/bob/public_html/wp-content/uploads 3 args: /usr/sbin/sendmail -t -i\n\
             2026-11-22 04:00:{:02} 1tScri-{i:06}-CD <= bob@shop.example U=bob P=local S=1234 T=\"Hi\" for x{i}@y.example\n",
            i % 60,
            i % 60
        ));
    }
    for i in 0..12 {
        log.push_str(&format!(
            "2026-11-22 05:00:{i:02} Domain victim.example has exceeded the max emails per hour (100/100 (100%)) allowed.  Message discarded.\n"
        ));
    }
    for i in 0..5 {
        log.push_str(&format!(
            "2026-11-22 06:00:{i:02} 1tGood-{i:06}-EF <= sales@shop.example H=(pc) [203.0.113.5]:40000 P=esmtpsa \
             A=dovecot_plain:sales@shop.example S=999 for client@partner.example\n"
        ));
    }
    log
}

#[test]
fn investigate_names_the_stolen_mailbox_on_exim() {
    let (env, lab) = (Env::new(), Lab::up(1));
    std::fs::write(
        lab.host_path("h1", "/var/log/exim_mainlog"),
        exim_spam_run(),
    )
    .unwrap();
    // The queue is real: Debian's exim queues without a daemon (-odq) into the host's
    // private spool; 30 spam messages, 5 bounces, 4 of them frozen.
    let planted = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "set -e; printf 'victim.example: vic\\nshop.example: bob\\n' > /etc/userdomains
             mkdir -p /var/spool/exim4 && chown Debian-exim:Debian-exim /var/spool/exim4
             for i in $(seq 30); do printf 'Subject: invoice %s\\n\\npay now\\n' $i |
               exim4 -odq -f info@victim.example buyer$i@mailbox.example; done
             for i in $(seq 5); do printf 'Subject: failure\\n\\nundeliverable\\n' |
               exim4 -odq -f '<>' info@victim.example; done
             exim4 -bpr | awk '/^ *[0-9]+[smhdw] /{print $3}' | head -n 4 | xargs -n1 exim4 -Mf",
        ],
    );
    assert!(planted.status.success(), "{}", stderr(&planted));
    let spool = lab.sh("h1", &["exim4", "-bpc"]);
    assert_eq!(stdout(&spool).trim(), "35", "{}", stderr(&spool));
    let before = std::fs::read(lab.host_path("h1", "/var/log/exim_mainlog")).unwrap();
    let v = investigate_h1(&env, &lab);
    assert_eq!(v["mta"], "exim");
    assert_eq!(v["panel"], "cpanel");
    assert_eq!(v["queue"]["size"], 35);
    assert_eq!(v["queue"]["frozen"], 4);
    assert_eq!(v["queue"]["bounces"], 5);
    assert_eq!(v["queue"]["senders"][0]["name"], "info@victim.example");
    assert_eq!(v["queue"]["senders"][0]["count"], 30);
    assert_eq!(v["log"], "/var/log/exim_mainlog");
    assert_eq!(v["received"], 195);
    assert_eq!(v["bounced"], 50);
    let top = &v["sources"][0];
    assert_eq!(top["kind"], "mailbox");
    assert_eq!(top["name"], "info@victim.example");
    assert_eq!(top["count"], 150);
    assert_eq!(
        v["scripts"][0]["name"],
        "/home/bob/public_html/wp-content/uploads"
    );
    assert_eq!(v["scripts"][0]["count"], 40);
    assert_eq!(v["rate_limited"][0]["name"], "victim.example");
    let kinds: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"script") && kinds.contains(&"domain"),
        "{kinds:?}"
    );
    // Normal use (5 messages) is not a suspect.
    assert!(!v["sources"].to_string().contains("sales@shop.example"));
    // Nothing changed on the server.
    assert_eq!(
        std::fs::read(lab.host_path("h1", "/var/log/exim_mainlog")).unwrap(),
        before
    );
    assert_eq!(stdout(&lab.sh("h1", &["exim4", "-bpc"])).trim(), "35");

    let human = lab
        .hostops(&env)
        .args(["blacklist", "investigate", "h1"])
        .output()
        .unwrap();
    let text = stdout(&human);
    assert!(
        text.contains("Likely source: mailbox info@victim.example"),
        "{text}"
    );
    assert!(
        text.contains("hostops --ticket LAB-1 exec h1 -- whmapi1 hold_outgoing_email user=vic"),
        "{text}"
    );
}

#[test]
fn investigate_names_the_sasl_user_on_postfix() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let mut log = String::new();
    for i in 0..80 {
        log.push_str(&format!(
            "Nov 22 03:00:{s:02} h1 postfix/smtpd[{p}]: 4Xq{i:05}A: client=unknown[198.51.100.9], sasl_method=LOGIN, sasl_username=sales@victim.example\n\
             Nov 22 03:00:{s:02} h1 postfix/qmgr[900]: 4Xq{i:05}A: from=<sales@victim.example>, size=2345, nrcpt=1 (queue active)\n\
             Nov 22 03:00:{s:02} h1 postfix/smtp[{p}]: 4Xq{i:05}A: to=<u{i}@mailbox.example>, relay=mx.mailbox.example[192.0.2.1]:25, delay=1, dsn=5.7.1, status=bounced (host said: 550 5.7.1 blocked using zen.spamhaus.org)\n",
            s = i % 60,
            p = 2000 + i
        ));
    }
    log.push_str("Nov 22 04:00:00 h1 postfix/smtpd[3000]: 4Xr00001A: client=pc[203.0.113.5], sasl_method=PLAIN, sasl_username=ann@shop.example\n");
    // Password guessing (Postfix 3.9+ logs the username tried): failed logins send nothing.
    for i in 0..200 {
        log.push_str(&format!(
            "Nov 22 05:00:{:02} h1 postfix/submission/smtpd[{}]: warning: unknown[203.0.113.66]: SASL LOGIN authentication failed: UGFzc3dvcmQ6, sasl_username=admin\n",
            i % 60,
            4000 + i
        ));
    }
    std::fs::write(lab.host_path("h1", "/var/log/maillog"), log).unwrap();
    let v = investigate_h1(&env, &lab);
    assert_eq!(v["mta"], "postfix");
    assert_eq!(v["log"], "/var/log/maillog");
    assert_eq!(v["bounced"], 80);
    assert_eq!(v["received"], 80);
    assert_eq!(v["mailboxes"][0]["name"], "sales@victim.example");
    assert_eq!(v["sources"][0]["name"], "sales@victim.example");
    assert_eq!(v["sources"].as_array().unwrap().len(), 1, "{v:#}");
    assert!(!v["mailboxes"].to_string().contains("admin"), "{v:#}");
    assert_eq!(v["failed_logins"]["count"], 200);
    assert_eq!(v["failed_logins"]["usernames"][0]["name"], "admin");
    assert_eq!(v["failed_logins"]["clients"][0]["name"], "203.0.113.66");
    assert!(
        v["sources"][0]["next"][0]
            .as_str()
            .unwrap()
            .ends_with("exec h1 -- postsuper -h ALL deferred"),
        "{v:#}"
    );
    let human = lab
        .hostops(&env)
        .args(["blacklist", "investigate", "h1"])
        .output()
        .unwrap();
    let text = stdout(&human);
    assert!(
        text.contains("Password guessing: 200 failed SMTP login(s); usernames tried: admin (200); from: 203.0.113.66 (200)"),
        "{text}"
    );
}

#[test]
fn a_broken_resolver_makes_unknown_never_fail_with_one_warning() {
    // NXDOMAIN to everything without an SOA (an offline resolver), and SERVFAIL.
    for rcode in [3, 2] {
        let (env, broken) = (Env::new(), FakeNameserver::broken(rcode));
        let out = env
            .hostops()
            .args(["-t", "BL-5", "--json", "blacklist", "check", "--nameserver"])
            .arg(broken.nameserver())
            .args(["example.com", "8.8.8.8"])
            .output()
            .unwrap();
        assert_exit(&out, 3, "");
        let v = json(&out);
        assert_eq!(v["summary"]["clean"], 0, "rcode {rcode}: {v:#}");
        for t in v["targets"].as_array().unwrap() {
            for c in t["checks"].as_array().unwrap() {
                assert_eq!(c["status"], "unknown", "rcode {rcode}: {c:#}");
            }
        }
        let names: Vec<&str> = v["targets"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|t| t["checks"].as_array().unwrap())
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(names.len(), 4, "mx, spf, dmarc, fcrdns: {names:?}");

        let human = env
            .hostops()
            .args(["-t", "BL-5", "blacklist", "check", "--nameserver"])
            .arg(broken.nameserver())
            .args(["example.com", "8.8.8.8"])
            .output()
            .unwrap();
        assert_eq!(human.status.code(), Some(3));
        let err = stderr(&human);
        let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
        assert_eq!(warnings.len(), 1, "one dead resolver, one warning: {err}");
        assert!(warnings[0].contains("12 zones did not answer"), "{err}");
        assert!(!stdout(&human).contains("fail"), "{}", stdout(&human));
    }
}

#[test]
fn a_mistyped_address_is_a_usage_error_and_a_url_is_reduced_to_its_host() {
    let (env, bl) = (Env::new(), dnsbl());
    let out = check(&env, &bl.nameserver())
        .args(["--zone", "bl.test", "300.1.2.3"])
        .output()
        .unwrap();
    assert_exit(&out, 2, "`300.1.2.3` is not a valid IP address");
    let out = check(&env, &bl.nameserver())
        .args([
            "--json",
            "--zone",
            "dbl.test",
            "http://spam.example/path?x=1",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 1, "a URL was given: checking its host spam.example");
    assert_eq!(results(&json(&out), "spam.example")[0]["verdict"], "listed");
}

/// Every hostile value as a TARGET (also as a URL's host), a `--zone` name, a zone name in a `--zones` file and a
/// `--nameserver`: a usage error (exit 2) before any query, and nothing runs.
#[test]
fn hostile_targets_and_zone_names_are_usage_errors() {
    let env = Env::new();
    let h = Hostile::new(env.path());
    let hole = Blackhole::start();
    let ns = hole.addr.to_string();
    for (name, value) in h.values() {
        let zones = env.path().join("hostile.toml");
        std::fs::write(
            &zones,
            format!(
                "[[zone]]\nname = {}\nkind = \"ip\"\n",
                serde_json::to_string(value).unwrap()
            ),
        )
        .unwrap();
        let runs: [Vec<std::ffi::OsString>; 5] = [
            vec!["--".into(), value.into()],
            vec!["--".into(), format!("http://{value}/x").into()],
            vec!["--zone".into(), value.into(), "192.0.2.1".into()],
            vec!["--zones".into(), zones.clone().into(), "192.0.2.1".into()],
            vec!["192.0.2.1".into(), format!("--nameserver={value}").into()],
        ];
        for args in runs {
            let out = env
                .hostops()
                .args(["-t", "BL-6", "blacklist", "check", "--nameserver", &ns])
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(2),
                "{name} {args:?}: {}{}",
                stdout(&out),
                stderr(&out)
            );
        }
        h.assert_nothing_ran();
    }
    assert!(!hole.was_asked(), "a refused run sends no query");
}

#[test]
fn an_ipv6_only_zone_is_proven_by_the_ipv6_test_points() {
    // RFC 5782 section 5: an IPv6 zone lists ::FFFF:7F00:2 and not ::FFFF:7F00:1.
    let bl = Rbldnsd::start(&[(
        "v6.test",
        "ip6trie",
        ":127.0.0.2:IPv6 listed: $\n::ffff:7f00:2\n2001:db8::20",
    )]);
    let env = Env::new();
    let zones = env.path().join("v6.toml");
    std::fs::write(
        &zones,
        "[[zone]]\nname = \"v6.test\"\nkind = \"ip\"\n[zone.codes]\n\"127.0.0.2\" = \"listed\"\n",
    )
    .unwrap();
    let out = env
        .hostops()
        .args(["-t", "BL-7", "--json", "blacklist", "check", "--zones"])
        .arg(&zones)
        .args(["--nameserver", &bl.nameserver()])
        .args(["2001:db8::20", "2001:db8::21", "192.0.2.1"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "");
    let v = json(&out);
    assert_eq!(results(&v, "2001:db8::20")[0]["verdict"], "listed");
    assert_eq!(results(&v, "2001:db8::21")[0]["verdict"], "clean", "{v:#}");
    // The IPv4 test points are not in this zone: its IPv4 "not listed" proves nothing.
    assert_eq!(results(&v, "192.0.2.1")[0]["verdict"], "unknown");
    let health: Vec<(&str, &str)> = v["zones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| (z["family"].as_str().unwrap(), z["health"].as_str().unwrap()))
        .collect();
    assert_eq!(health, [("ipv4", "no_test_point"), ("ipv6", "ok")]);
}

#[test]
fn a_zone_that_drops_queries_is_cut_by_the_deadline_and_named() {
    // The zone answers its test points and drops every lookup: without a deadline, 256
    // lookups 4 at a time, 2 tries of 400 ms each, would take about 50 s.
    let (env, ns) = (Env::new(), FakeNameserver::test_points_only());
    let zones = env.path().join("slow.toml");
    std::fs::write(&zones, "[[zone]]\nname = \"slow.test\"\nkind = \"ip\"\n").unwrap();
    let run = |json: bool| {
        let mut cmd = env.hostops();
        cmd.args(["-t", "BL-8", "blacklist", "check", "--zones"])
            .arg(&zones)
            .args(["--nameserver", &ns.nameserver(), "--timeout", "400"])
            .args(["--in-flight", "4", "--deadline", "3", "192.0.2.0/24"]);
        if json {
            cmd.arg("--json");
        }
        let started = Instant::now();
        let out = cmd.output().unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the deadline ends the check"
        );
        out
    };
    let out = run(true);
    assert_exit(&out, 3, "");
    let v = json(&out);
    assert_eq!(v["summary"]["unknown"], 256, "{:#}", v["summary"]);
    let zone = &v["zones"][0];
    assert_eq!(zone["zone"], "slow.test");
    assert_eq!(zone["health"], "ok");
    assert!(zone["cut"].as_u64().unwrap() > 0, "{zone:#}");
    assert_eq!(
        zone["cut"].as_u64().unwrap() + zone["unanswered"].as_u64().unwrap(),
        256,
        "{zone:#}"
    );
    let out = run(false);
    assert_exit(
        &out,
        3,
        "slow or silent zones, their queries count as unknown: zone slow.test",
    );
    assert!(
        stdout(&out).contains("256 address(es) of 192.0.2.0/24"),
        "{}",
        stdout(&out)
    );
}
