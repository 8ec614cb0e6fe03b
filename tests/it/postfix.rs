//! A real Postfix server (`lab up --mail --postfix`, Plesk's usual MTA): `mail queue` and
//! `mail queue --remove` read and edit its queue (checked with `postqueue -j` before and
//! after), and a failed SMTP AUTH that its smtpd logs counts as a failed login in
//! `blacklist investigate`.

use crate::support::{assert_exit, assert_said, json, stdout, Env, Lab};
use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;

/// Runs `script` with `sh -c` inside h1 (its arguments `$1`...); panics if it fails.
fn sh(lab: &Lab, script: &str, args: &[&str]) -> String {
    let out = lab.sh("h1", &[&["sh", "-c", script, "sh"], args].concat());
    assert_said(&out, 0, "");
    stdout(&out)
}

/// Queues a message from `from` to `to` with postfix's sendmail on h1.
fn send(lab: &Lab, from: &str, to: &str, subject: &str) {
    sh(
        lab,
        "printf 'From: <%s>\\nTo: <%s>\\nSubject: %s\\n\\nbody\\n' \"$1\" \"$2\" \"$3\" | sendmail -f \"$1\" \"$2\"",
        &[from, to, subject],
    );
}

/// `postqueue -j` on h1: each message's queue ID and sender.
fn queue(lab: &Lab) -> BTreeSet<(String, String)> {
    sh(lab, "postqueue -j", &[])
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("a postqueue -j line");
            (
                v["queue_id"].as_str().unwrap().to_string(),
                v["sender"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `hostops` (as `cmd` starts it) `--json ARGS...`: asserts exit 0, returns the result.
fn ok(mut cmd: Command, args: &[&str]) -> Value {
    let out = cmd.arg("--json").args(args).output().unwrap();
    assert_exit(&out, 0, "");
    json(&out)
}

/// Waits until postfix has every message out of its incoming and active queues (all five
/// deferred or held), so that the queue holds still while the test reads it.
fn settle(lab: &Lab, messages: usize) {
    let script = "for i in $(seq 100); do
      n=$(postqueue -j | grep -c -e '\"queue_name\": \"deferred\"' -e '\"queue_name\": \"hold\"')
      [ \"$n\" = \"$1\" ] && exit 0; sleep 0.1; done; postqueue -j; exit 1";
    sh(lab, script, &[&messages.to_string()]);
}

#[test]
fn queue_and_removal_on_a_real_postfix() {
    let (env, lab) = (Env::new(), Lab::up_postfix(1, "plesk"));
    for i in 0..3 {
        send(
            &lab,
            "spam@shop.example",
            &format!("u{i}@remote.example"),
            "Offer",
        );
    }
    send(&lab, "info@shop.example", "ann@other.example", "Invoice");
    send(&lab, "info@shop.example", "bob@other.example", "Held");
    settle(&lab, 5);
    let held = sh(
        &lab,
        "postqueue -j | grep '\"bob@other.example\"' | sed 's/.*\"queue_id\": \"\\([^\"]*\\)\".*/\\1/'",
        &[],
    );
    sh(&lab, "postsuper -h \"$1\"", &[held.trim()]);
    settle(&lab, 5);

    // The figures, against postqueue's own listing.
    let v = ok(lab.hostops(&env), &["mail", "queue", "h1"]);
    assert_eq!(v["mta"], "postfix");
    assert_eq!(v["count"].as_u64(), Some(queue(&lab).len() as u64));
    assert_eq!(
        (v["count"].as_u64(), v["frozen"].as_u64()),
        (Some(5), Some(1))
    );
    assert_eq!(
        v["senders"][0],
        serde_json::json!({"name": "spam@shop.example", "count": 3})
    );
    assert_eq!(
        v["queues"],
        serde_json::json!([{"name": "deferred", "count": 4}, {"name": "hold", "count": 1}])
    );
    let human = lab
        .hostops(&env)
        .args(["mail", "queue", "h1", "--domain", "other.example"])
        .output()
        .unwrap();
    let text = stdout(&human);
    assert!(
        text.contains("ON HOLD") && text.contains("hold queue is the nearest"),
        "{text}"
    );

    // --dry-run: the plan lists exactly spam@'s three messages and the postsuper -d that
    // removes them; nothing is removed.
    let before = queue(&lab);
    let spam: BTreeSet<String> = before
        .iter()
        .filter(|(_, s)| s == "spam@shop.example")
        .map(|(id, _)| id.clone())
        .collect();
    assert_eq!(spam.len(), 3);
    let remove = [
        "mail",
        "queue",
        "h1",
        "--remove",
        "--sender",
        "SPAM@shop.example",
    ];
    let dry = [&["--dry-run"][..], &remove].concat();
    let plan = &ok(lab.hostops(&env), &dry)["plan"];
    let planned: BTreeSet<String> = plan["detail"]["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(planned, spam);
    assert!(plan["detail"]["messages"][0]["headers"]
        .to_string()
        .contains("Subject: Offer"));
    let argv = plan["actions"][0]["argv"].as_array().unwrap();
    assert_eq!(argv[0], "/usr/sbin/postsuper");
    assert_eq!(argv.len(), 7, "{argv:?}");
    assert_eq!(queue(&lab), before);

    // Confirmed: exactly those three go, and each is journaled with its headers.
    let removed: BTreeSet<String> = ok(lab.hostops_yes(&env, "LAB-PF"), &remove)["report"]
        ["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_string())
        .collect();
    assert_eq!(removed, spam);
    let after = queue(&lab);
    let expected: BTreeSet<(String, String)> = before
        .into_iter()
        .filter(|(id, _)| !spam.contains(id))
        .collect();
    assert_eq!(after, expected);
    let log = env
        .hostops()
        .args(["log", "export", "LAB-PF", "--format", "json"])
        .output()
        .unwrap();
    let journal = json(&log).to_string();
    for id in &spam {
        assert!(
            journal.contains(&format!("removed {id} from <spam@shop.example>")),
            "{id} not journaled: {journal}"
        );
    }

    // --frozen on postfix: the hold queue.
    let frozen = ["--dry-run", "mail", "queue", "h1", "--remove", "--frozen"];
    let plan = &ok(lab.hostops(&env), &frozen)["plan"];
    assert_eq!(plan["detail"]["messages"][0]["id"], held.trim());
    assert_eq!(plan["detail"]["messages"].as_array().unwrap().len(), 1);
    let human = lab.hostops(&env).args(frozen).output().unwrap();
    let text = stdout(&human);
    for said in [
        "remove 1 queued message(s) on hold (postfix has no frozen messages: its hold queue is the nearest) on h1",
        " hold <info@shop.example>  From: <info@shop.example> | To: <bob@other.example> | Subject: Held",
        "/usr/sbin/postsuper -d ",
    ] {
        assert!(text.contains(said), "{said:?} not in:\n{text}");
    }

    // The hostile-input table reaches the server's scripts as data, never as code, and
    // removes nothing.
    let before = queue(&lab);
    let h = crate::hostile::Hostile::new(std::path::Path::new("/tmp"));
    for (name, value) in h.non_empty() {
        for args in [
            &["mail", "queue", "h1", "--sender", value, "--domain", value][..],
            &[
                "--dry-run",
                "mail",
                "queue",
                "h1",
                "--remove",
                "--sender",
                value,
            ],
        ] {
            let out = lab.hostops(&env).args(args).output().unwrap();
            assert!(
                matches!(out.status.code(), Some(0..=2)),
                "{args:?} {name}: {}",
                stdout(&out)
            );
        }
    }
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
    assert_eq!(queue(&lab), before);

    // A wrong password over SMTP AUTH: postfix's smtpd logs the failure (through dovecot's
    // SASL), and blacklist investigate counts a failed login, never a sender.
    let auth = "import smtplib, sys
s = smtplib.SMTP(sys.argv[1], 25, timeout=10, source_address=(sys.argv[1], 0))
s.ehlo('guesser')
for _ in range(3):
    try:
        s.login('admin@shop.example', 'wrong-password')
    except smtplib.SMTPAuthenticationError:
        pass
s.quit()";
    let addr = lab.address(1);
    assert_said(&lab.sh("h1", &["python3", "-c", auth, &addr]), 0, "");
    let out = lab
        .hostops(&env)
        .args(["--json", "blacklist", "investigate", "h1"])
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(v["mta"], "postfix", "{v:#}");
    assert_eq!(v["log"], "/var/log/maillog");
    assert!(v["failed_logins"]["count"].as_u64() >= Some(3), "{v:#}");
    assert_eq!(
        v["failed_logins"]["usernames"][0]["name"],
        "admin@shop.example"
    );
    assert_eq!(v["failed_logins"]["clients"][0]["name"], addr.as_str());
    assert!(!v["mailboxes"].to_string().contains("admin@"), "{v:#}");
}
