//! `hostops mail trace` on real exim servers: two cPanel lab hosts (`lab up --mail`) run
//! Debian's exim on their own addresses, delivering to dovecot over LMTP with the panel's
//! quota and to each other by SMTP. Each situation is made for real (a full mailbox, an
//! unknown recipient refused at RCPT, a remote whose port 25 is closed, a frozen bounce, a
//! rate-limited sender, a log rotation in the middle of a message's life) and traced.

use crate::support::{json, stderr, stdout, Env, Lab};
use serde_json::Value;

/// Runs `script` with `sh -c` inside `host`; panics with its output if it fails.
pub(crate) fn sh(lab: &Lab, host: &str, script: &str) -> String {
    let out = lab.sh(host, &["sh", "-c", script]);
    assert!(
        out.status.success(),
        "{script}\n{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    stdout(&out)
}

/// Sends a message with subject `subject` from `from` to `to` through `host`'s exim (a local
/// submission delivered at once, `-odi`; its exit status is the delivery's, so a bounce is
/// not an error here: the traces check what happened).
pub(crate) fn send(lab: &Lab, host: &str, from: &str, to: &str, subject: &str) {
    lab.sh(
        host,
        &[
            "sh",
            "-c",
            "printf 'Subject: %s\\n\\n%s\\n' \"$3\" \"$(head -c 3000 /dev/zero | tr '\\0' x | fold -w 70)\" | exim4 -odi -f \"$1\" \"$2\"",
            "send",
            from,
            to,
            subject,
        ],
    );
}

fn trace(env: &Env, lab: &Lab, args: &[&str]) -> (i32, Value) {
    let out = lab
        .hostops(env)
        .args(["--json", "mail", "trace"])
        .args(args)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), json(&out))
}

/// The one message of `v` with `subject`.
fn by_subject<'a>(v: &'a Value, subject: &str) -> &'a Value {
    v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["subject"] == subject)
        .unwrap_or_else(|| panic!("no message {subject:?} in {v:#}"))
}

/// alice (alpha.test: info@ and full@) on h1, bob (beta.test: sales@) on `bob_host`.
pub(crate) fn alice_and_bob(lab: &Lab, bob_host: &str) {
    let alice = [
        "h1",
        "alice",
        "--domain",
        "alpha.test",
        "--mailbox",
        "info",
        "--mailbox",
        "full",
    ];
    lab.lab("add-account", &alice);
    let bob = [
        bob_host,
        "bob",
        "--domain",
        "beta.test",
        "--mailbox",
        "sales",
    ];
    lab.lab("add-account", &bob);
}

#[test]
fn trace_gives_one_verdict_per_real_situation() {
    let (env, lab) = (Env::new(), Lab::up_mail(2, "cpanel"));
    alice_and_bob(&lab, "h2");
    let net = lab.net();
    // h1 sends beta.test to h2 and dead.test to an address of the lab where nothing
    // listens; the mailbox full@alpha.test holds 2000 bytes; spam@alpha.test may send 2
    // messages an hour.
    sh(
        &lab,
        "h1",
        &format!(
            "printf 'beta.test: {net}.2\\ndead.test: {net}.250\\n' >> /etc/exim4/lab-routes
             echo full:2000 > /home/alice/etc/alpha.test/quota
             echo 'spam@alpha.test: 2' > /etc/exim4/lab-ratelimit"
        ),
    );
    send(&lab, "h1", "sales@beta.test", "full@alpha.test", "quota");
    send(&lab, "h1", "info@alpha.test", "sales@beta.test", "hello");
    send(&lab, "h1", "info@alpha.test", "nosuch@beta.test", "nouser");
    send(&lab, "h1", "info@alpha.test", "someone@dead.test", "dead");
    send(
        &lab,
        "h1",
        "ghost@nowhere.invalid",
        "nobody@alpha.test",
        "lost",
    );
    send(&lab, "h1", "spam@alpha.test", "sales@beta.test", "offer 1");
    send(&lab, "h1", "spam@alpha.test", "sales@beta.test", "offer 2");
    send(&lab, "h1", "spam@alpha.test", "sales@beta.test", "offer 3");

    // A full mailbox: dovecot's 552 over LMTP, bounced, the bounce delivered to h2.
    let (code, v) = trace(&env, &lab, &["h1", "--to", "full@alpha.test"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["log"], "/var/log/exim_mainlog");
    let m = by_subject(&v, "quota");
    assert_eq!(m["verdict"], "bounced", "{m:#}");
    assert_eq!(m["recipients"][0]["cause"], "mailbox full");
    assert!(m["reason"].as_str().unwrap().contains("552 5.2.2"), "{m:#}");
    let bounce_id = m["bounces"][0].as_str().expect("the bounce it caused");
    let bounce = v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == bounce_id)
        .expect("the bounce is traced with it");
    assert_eq!(bounce["verdict"], "delivered", "{bounce:#}");
    assert_eq!(bounce["sender"], "<>");

    // By sender: delivered by SMTP to h2 with h2's reply; the unknown recipient bounced with
    // h2's 550 at RCPT; the closed port deferred.
    let (_, v) = trace(&env, &lab, &["h1", "--from", "info@alpha.test"]);
    let hello = by_subject(&v, "hello");
    assert_eq!(hello["verdict"], "delivered", "{hello:#}");
    assert!(
        hello["recipients"][0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("250 OK id="),
        "{hello:#}"
    );
    let nouser = by_subject(&v, "nouser");
    assert_eq!(nouser["verdict"], "bounced");
    assert_eq!(nouser["recipients"][0]["cause"], "unknown recipient");
    assert!(nouser["reason"]
        .as_str()
        .unwrap()
        .contains("after RCPT TO:<nosuch@beta.test>: 550 No Such User Here"));
    let dead = by_subject(&v, "dead");
    assert_eq!(dead["verdict"], "deferred");
    assert!(dead["reason"].as_str().unwrap().contains("port 25 closed"));
    // Still in the queue: exim's retry database (exinext) gives its next retry, the retry
    // rule's 15 minutes after the first failure.
    let pending = &dead["pending"];
    assert_eq!(pending["in_queue"], true, "{dead:#}");
    let next = pending["next_retry"].as_str().expect("a next retry");
    let retry = &pending["retries"][0];
    assert_eq!(retry["error"], "error 111: Connection refused", "{dead:#}");
    assert!(next > dead["time"].as_str().unwrap(), "{dead:#}");
    assert!(dead["reason"]
        .as_str()
        .unwrap()
        .ends_with(&format!("; still queued; next retry at {next}")));
    let exinext = sh(&lab, "h1", "exinext someone@dead.test");
    assert!(
        exinext.contains(&format!(" {}\n", &next[11..])),
        "{exinext}"
    );

    // h2 saw the refusal during the SMTP conversation: no ID, the check that refused it.
    let (code, v) = trace(&env, &lab, &["h2", "--to", "nosuch@beta.test"]);
    assert_eq!(code, 0, "{v:#}");
    let refused = &v["messages"][0];
    assert_eq!(refused["verdict"], "rejected", "{v:#}");
    assert_eq!(refused["id"], Value::Null);
    assert_eq!(refused["sender"], "info@alpha.test");
    assert!(refused["reason"]
        .as_str()
        .unwrap()
        .contains("refused at RCPT"));

    // A bounce that cannot be delivered either is frozen.
    let (_, v) = trace(&env, &lab, &["h1", "--from", "ghost@nowhere.invalid"]);
    let lost = by_subject(&v, "lost");
    assert_eq!(lost["verdict"], "bounced");
    let frozen = &v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["bounce_of"] == lost["id"])
        .expect("the frozen bounce");
    assert_eq!(frozen["verdict"], "frozen", "{v:#}");
    let bp = sh(&lab, "h1", "exim4 -bp");
    assert!(
        bp.contains(&format!(
            "{} <> *** frozen ***",
            frozen["id"].as_str().unwrap()
        )),
        "{bp}"
    );

    // Over its hourly rate, the sender's third message is discarded.
    let (_, v) = trace(&env, &lab, &["h1", "--from", "spam@alpha.test"]);
    assert_eq!(by_subject(&v, "offer 2")["verdict"], "delivered", "{v:#}");
    let offer = by_subject(&v, "offer 3");
    assert_eq!(offer["verdict"], "discarded", "{v:#}");
    assert_eq!(offer["recipients"][0]["cause"], "sending rate limit");

    // The log rotates (cPanel's logrotate: NAME-DATE, compressed) while the deferred message
    // waits; its retry lands in the new log. With a window, both files are read and joined.
    let dead_id = dead_id(&env, &lab);
    sh(
        &lab,
        "h1",
        "cd /var/log && mv exim_mainlog exim_mainlog-20261203 && gzip exim_mainlog-20261203
         touch exim_mainlog && chown Debian-exim:adm exim_mainlog",
    );
    let retry = lab.sh("h1", &["exim4", "-M", &dead_id]);
    assert!(retry.status.success(), "{}", stderr(&retry));
    let (_, v) = trace(&env, &lab, &["h1", "--to", "someone@dead.test"]);
    assert_eq!(v["files"], serde_json::json!(["/var/log/exim_mainlog"]));
    assert_eq!(
        v["messages"][0]["sender"],
        Value::Null,
        "only the retry without a window"
    );
    let (_, v) = trace(&env, &lab, &["h1", "--id", &dead_id, "--since", "1h"]);
    assert_eq!(
        v["files"],
        serde_json::json!(["/var/log/exim_mainlog-20261203.gz", "/var/log/exim_mainlog"])
    );
    let m = &v["messages"][0];
    assert_eq!(m["sender"], "info@alpha.test", "{m:#}");
    assert_eq!(m["verdict"], "deferred");
    assert_eq!(
        m["lines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l.as_str().unwrap().contains(" == someone@dead.test"))
            .count(),
        2,
        "{m:#}"
    );

    // Nothing matches: exit 1.
    let (code, v) = trace(&env, &lab, &["h1", "--to", "nobody@nowhere.test"]);
    assert_eq!((code, v["found"].as_u64()), (1, Some(0)));

    // The queue in figures, against exim's own count: the deferred message and the frozen
    // bounce.
    let queue = |args: &[&str]| {
        let out = lab
            .hostops(&env)
            .args(["--json", "mail", "queue", "h1"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json(&out)
    };
    let v = queue(&[]);
    assert_eq!(v["count"].to_string(), sh(&lab, "h1", "exim4 -bpc").trim());
    assert_eq!(
        (v["count"].as_u64(), v["frozen"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        v["ages"][0],
        serde_json::json!({"name": "under 1h", "count": 2})
    );
    let domains: Vec<&str> = v["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(domains, ["dead.test", "nowhere.invalid"]);
    let v = queue(&["--sender", "INFO@alpha.test"]);
    assert_eq!(
        (v["count"].as_u64(), v["frozen"].as_u64()),
        (Some(1), Some(0))
    );
    let v = queue(&["--domain", "nowhere.invalid"]);
    assert_eq!(v["senders"][0]["name"], "<>");

    // Removing one sender's messages is a change: --dry-run shows the plan (the message, its
    // headers, the exim -Mrm) and removes nothing; confirmed, exactly those go.
    let before = sh(&lab, "h1", "exim4 -bp");
    let remove = [
        "mail",
        "queue",
        "h1",
        "--remove",
        "--sender",
        "info@alpha.test",
    ];
    let out = lab
        .hostops(&env)
        .args(["--json", "--dry-run"])
        .args(remove)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = &json(&out)["plan"];
    assert_eq!(plan["detail"]["messages"][0]["id"], dead_id.as_str());
    assert!(plan["detail"]["messages"][0]["headers"]
        .to_string()
        .contains("Subject: dead"));
    assert_eq!(
        plan["actions"][0]["argv"],
        serde_json::json!(["/usr/sbin/exim", "-Mrm", dead_id])
    );
    assert_eq!(sh(&lab, "h1", "exim4 -bp"), before);
    let out = lab
        .hostops_yes(&env, "LAB-1")
        .arg("--json")
        .args(remove)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        json(&out)["report"]["removed"],
        serde_json::json!([dead_id])
    );
    let after = sh(&lab, "h1", "exim4 -bp");
    assert!(
        !after.contains(&dead_id) && after.contains("*** frozen ***"),
        "{after}"
    );
    assert_eq!(sh(&lab, "h1", "exim4 -bpc").trim(), "1");
}

/// The lines of the one message `id` of a trace.
fn lines_of(v: &Value, id: &str) -> Vec<String> {
    let m = v["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .unwrap_or_else(|| panic!("no message {id} in {v:#}"));
    m["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect()
}

/// Asserts that `lines` are a whole life: the arrival, two deferrals (the first try and the
/// retry), the removal and `Completed`.
fn whole(lines: &[String]) {
    let has = |marker: &str| lines.iter().filter(|l| l.contains(marker)).count();
    assert_eq!(
        (
            has(" <= info@alpha.test "),
            has(" == someone@dead.test "),
            has(" removed by root"),
            has(" Completed")
        ),
        (1, 2, 1, 1),
        "{lines:#?}"
    );
}

/// The one scan's shortcut (a message's lines read from around its matches) never loses a
/// line: a message whose retry is megabytes of other messages later in the log, found by a
/// line of each end (the stretch between is read) or by its arrival only (the rest by a full
/// scan), and a message whose life spans a rotation to `NAME.1`.
#[test]
fn trace_joins_lines_far_apart_and_across_a_rotation() {
    let (env, lab) = (Env::new(), Lab::up_mail(1, "cpanel"));
    lab.lab(
        "add-account",
        &["h1", "alice", "--domain", "alpha.test", "--mailbox", "info"],
    );
    let net = lab.net();
    sh(
        &lab,
        "h1",
        &format!("printf 'dead.test: {net}.250\\n' >> /etc/exim4/lab-routes"),
    );
    let log = lab.host_path("h1", "/var/log/exim_mainlog");
    // Retries it (a deferral again), then removes it: `removed by root`, `Completed`.
    let retry_and_remove = |id: &str| {
        for flag in ["-M", "-Mrm"] {
            let out = lab.sh("h1", &["exim4", flag, id]);
            assert!(out.status.success(), "{}", stderr(&out));
        }
    };

    send(&lab, "h1", "info@alpha.test", "someone@dead.test", "far");
    let far = dead_id(&env, &lab);
    // 8 MiB of other messages' lines between the first try and the retry.
    let filler: String = (0..70_000)
        .map(|n| {
            format!(
                "2026-12-03 10:00:00 1xZ4gD-{n:06}-0z <= filler@else.test U=root P=local S=300 T=\"filler\" for other{n}@else.test\n"
            )
        })
        .collect();
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&log)
        .unwrap()
        .write_all(filler.as_bytes())
        .unwrap();
    retry_and_remove(&far);
    let (code, by_rcpt) = trace(&env, &lab, &["h1", "--to", "someone@dead.test"]);
    assert_eq!(code, 0, "{by_rcpt:#}");
    whole(&lines_of(&by_rcpt, &far));
    let (_, by_sender) = trace(&env, &lab, &["h1", "--from", "info@alpha.test"]);
    assert_eq!(lines_of(&by_sender, &far), lines_of(&by_rcpt, &far));
    let removed = by_subject(&by_rcpt, "far");
    assert_eq!(removed["pending"]["in_queue"], false, "{removed:#}");

    // Tried before the rotation (plain NAME.1), retried and removed after it.
    send(
        &lab,
        "h1",
        "info@alpha.test",
        "someone@dead.test",
        "rotated",
    );
    let (_, v) = trace(&env, &lab, &["h1", "--to", "someone@dead.test"]);
    let rotated = by_subject(&v, "rotated")["id"]
        .as_str()
        .unwrap()
        .to_string();
    sh(
        &lab,
        "h1",
        "cd /var/log && mv exim_mainlog exim_mainlog.1
         touch exim_mainlog && chown Debian-exim:adm exim_mainlog",
    );
    retry_and_remove(&rotated);
    let (_, v) = trace(
        &env,
        &lab,
        &["h1", "--to", "someone@dead.test", "--since", "1h"],
    );
    assert_eq!(
        v["files"],
        serde_json::json!(["/var/log/exim_mainlog.1", "/var/log/exim_mainlog"])
    );
    whole(&lines_of(&v, &rotated));
    whole(&lines_of(&v, &far));
}

/// The ID of the deferred message to someone@dead.test.
fn dead_id(env: &Env, lab: &Lab) -> String {
    let (_, v) = trace(env, lab, &["h1", "--to", "someone@dead.test"]);
    v["messages"][0]["id"].as_str().unwrap().to_string()
}

/// A postfix server (Plesk's MTA): the lab runs no postfix (its Debian package conflicts
/// with exim's), so a real captured log is planted as the host's `/var/log/maillog`; the
/// same script filters it on the server.
#[test]
fn trace_reads_a_postfix_log() {
    let (env, lab) = (Env::new(), Lab::up(1));
    std::fs::write(
        lab.host_path("h1", "/var/log/maillog"),
        include_str!("../fixtures/real/postfix-trace.log"),
    )
    .unwrap();
    let (code, v) = trace(&env, &lab, &["h1", "--to", "arsenya08@mail.ru"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["mta"], "postfix");
    let ms = v["messages"].as_array().unwrap();
    assert_eq!(ms.len(), 2, "{v:#}");
    assert_eq!(ms[0]["verdict"], "bounced");
    assert_eq!(ms[0]["recipients"][0]["cause"], "unknown recipient");
    assert_eq!(ms[0]["bounces"][0], "D69F5DF04F4");
    assert_eq!(ms[1]["verdict"], "deferred");
    assert_eq!(ms[1]["lines"].as_array().unwrap().len(), 4, "{v:#}");
    let (_, v) = trace(&env, &lab, &["h1", "--from", "badactor@example.com"]);
    assert_eq!(v["messages"][0]["verdict"], "rejected", "{v:#}");
    assert_eq!(v["messages"][0]["id"], Value::Null);

    // The hostile-input table reaches the server's script as data, never as code.
    let h = crate::hostile::Hostile::new(std::path::Path::new("/tmp"));
    for (name, value) in h.non_empty() {
        for by in ["--to", "--subject"] {
            let out = lab
                .hostops(&env)
                .args(["--json", "mail", "trace", "h1", by, value])
                .output()
                .unwrap();
            assert!(
                matches!(out.status.code(), Some(0..=2)),
                "{by} {name}: {}",
                stderr(&out)
            );
        }
    }
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
}

pub(crate) fn check(env: &Env, lab: &Lab, address: &str) -> (i32, Value) {
    let out = lab
        .hostops(env)
        .args(["--json", "mail", "check", address, "--nameserver"])
        .arg(lab.address(1))
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), json(&out))
}

pub(crate) fn verdict_of(v: &Value, name: &str) -> String {
    field_of(v, name, "verdict")
}

/// `field` of `mail check`'s check `name`.
pub(crate) fn field_of(v: &Value, name: &str, field: &str) -> String {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {v:#}"))[field]
        .as_str()
        .unwrap()
        .to_string()
}

/// `mail check` on a cPanel host running exim, dovecot and BIND: a healthy mailbox, a full
/// one, and a domain whose MX points elsewhere, whose SPF does not allow the server and whose
/// DKIM record carries another key than the server's.
#[test]
fn check_finds_a_full_mailbox_and_a_domain_pointing_elsewhere() {
    let (env, lab) = (Env::new(), Lab::up_mail_dns(1, "cpanel"));
    alice_and_bob(&lab, "h1");
    // The server's DKIM keys (1024 bits: one TXT string); alpha.test publishes its own key,
    // beta.test another one; beta.test's MX and SPF name another network; DMARC for both.
    sh(
        &lab,
        "h1",
        r#"set -e
        mkdir -p /var/cpanel/domain_keys/public /tmp/dk
        for d in alpha.test beta.test; do
          openssl genrsa -out /tmp/dk/$d 1024 2>/dev/null
          openssl rsa -in /tmp/dk/$d -pubout -out /var/cpanel/domain_keys/public/$d 2>/dev/null
        done
        openssl genrsa 1024 2>/dev/null | openssl rsa -pubout -out /tmp/dk/other 2>/dev/null
        key() { sed '/^-----/d' "$1" | tr -d '\n'; }
        printf 'default._domainkey\t300\tIN\tTXT\t"v=DKIM1; k=rsa; p=%s"\n_dmarc\t300\tIN\tTXT\t"v=DMARC1; p=quarantine"\n' \
          "$(key /var/cpanel/domain_keys/public/alpha.test)" >> /var/named/alpha.test.db
        sed -i -e 's/MX\t0\tmail.beta.test./MX\t0\tmx.beta.test./' -e 's/"v=spf1 +a +mx ~all"/"v=spf1 ip4:192.0.2.0\/24 -all"/' /var/named/beta.test.db
        printf 'mx\t300\tIN\tA\t192.0.2.25\ndefault._domainkey\t300\tIN\tTXT\t"v=DKIM1; k=rsa; p=%s"\n_dmarc\t300\tIN\tTXT\t"v=DMARC1; p=none"\n' \
          "$(key /tmp/dk/other)" >> /var/named/beta.test.db
        rndc reload alpha.test >/dev/null; rndc reload beta.test >/dev/null"#,
    );
    // full@alpha.test receives a 3 KB message, then its quota becomes 2000 bytes.
    send(&lab, "h1", "info@alpha.test", "full@alpha.test", "fill");
    sh(
        &lab,
        "h1",
        "echo full:2000 > /home/alice/etc/alpha.test/quota",
    );

    let (code, v) = check(&env, &lab, "info@alpha.test");
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["host"], "h1");
    assert_eq!(v["mailbox"], "/home/alice/mail/alpha.test/info");
    for c in ["mailbox", "routing", "quota", "mx", "spf", "dkim", "dmarc"] {
        assert_eq!(verdict_of(&v, c), "ok", "{c}: {v:#}");
    }

    let (code, v) = check(&env, &lab, "full@alpha.test");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(verdict_of(&v, "quota"), "fail", "{v:#}");
    assert_eq!(verdict_of(&v, "mx"), "ok", "{v:#}");

    let (code, v) = check(&env, &lab, "sales@beta.test");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(verdict_of(&v, "mailbox"), "ok", "{v:#}");
    for c in ["mx", "spf", "dkim"] {
        assert_eq!(verdict_of(&v, c), "fail", "{c}: {v:#}");
    }
    assert_eq!(verdict_of(&v, "dmarc"), "ok", "{v:#}");

    // mail hold / release on the same host: the emulator's whmapi1 keeps cPanel's hold list.
    let held = || {
        sh(
            &lab,
            "h1",
            "cat /etc/outgoing_mail_hold_users 2>/dev/null || true",
        )
    };
    let hold = |verb: &str, extra: &[&str]| {
        lab.hostops(&env)
            .args(["--json", "mail", verb, "h1", "--account", "alice"])
            .args(extra)
            .output()
            .unwrap()
    };
    let out = hold("hold", &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(held(), "");
    let out = hold("hold", &["--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["report"]["hold"], true);
    assert_eq!(held(), "alice\n");
    let out = hold("release", &["--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(held(), "");
    let out = lab
        .hostops(&env)
        .args([
            "--json",
            "mail",
            "hold",
            "h1",
            "--account",
            "nosuch",
            "--yes",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));

    let (code, v) = check(&env, &lab, "nobody@alpha.test");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(verdict_of(&v, "mailbox"), "fail", "{v:#}");
    assert_eq!(verdict_of(&v, "routing"), "fail", "{v:#}");
}
