//! `hostops mail check`'s filters, autoresponder, PTR and HELO, and `mail hold` for real: the
//! panels' own files written in a lab host (`lab up --mail [--dns]`), the lab's BIND serving
//! the reverse zone of the lab's addresses, and the lab's exim honouring cPanel's hold list.

use crate::mail::{alice_and_bob, check, field_of, send, sh, verdict_of};
use crate::support::{json, stderr, Env, Lab};
use serde_json::Value;

/// The text of check `name`.
fn text_of(v: &Value, name: &str) -> String {
    field_of(v, name, "text")
}

/// `mail check info@mailu.test --host h1` (without a panel no account lookup finds the
/// domain): its result.
fn check_mailu(env: &Env, lab: &Lab) -> Value {
    let out = lab
        .hostops(env)
        .args(["--json", "mail", "check", "info@mailu.test", "--host", "h1"])
        .args(["--nameserver", &lab.address(1)])
        .output()
        .unwrap();
    json(&out)
}

/// Adds account mailu (mailu.test, mailbox info) to h1: no filter, no autoresponder yet.
fn with_mailu(env: &Env, lab: &Lab) {
    lab.lab(
        "add-account",
        &["h1", "mailu", "--domain", "mailu.test", "--mailbox", "info"],
    );
    let v = check_mailu(env, lab);
    assert_eq!(verdict_of(&v, "filters"), "ok", "{v:#}");
    assert_eq!(verdict_of(&v, "autoresponder"), "ok", "{v:#}");
}

/// cPanel's places: the account's global filter /etc/vfilters/DOMAIN and the mailbox's own
/// ~/etc/DOMAIN/BOX/filter (exim filters: exim's documented language, first line `# Exim
/// filter`, a `#NAME` comment before each rule), the autoresponder's message
/// ~/.autorespond/BOX@DOMAIN (headers, a blank line, the body) with its window in
/// BOX@DOMAIN.json (`start`, `stop`, as UAPI Email::get_auto_responder names them), and its
/// pipe in /etc/valiases/DOMAIN (the line cPanel's restore writes).
const CPANEL_RULES: &str = r#"set -e
mkdir -p /etc/vfilters /etc/valiases
cat > /etc/vfilters/alpha.test <<'F'
# Exim filter

if error_message then finish endif

#Drop spammer
if
 $header_from: contains "spammer@example.com"
then
 save "/dev/null" 660
endif
F
mkdir -p /home/alice/etc/alpha.test/info /home/alice/.autorespond
cat > /home/alice/etc/alpha.test/info/filter <<'F'
# Exim filter

if error_message then finish endif

#Everything away
if
 $header_to: contains "@"
then
 deliver "sales@beta.test"
endif
F
printf 'From: "Alice" <info@alpha.test>\nSubject: Out of office\nCharset: utf-8\nContent-type: text/plain\n\nBack on Monday.\n' > /home/alice/.autorespond/info@alpha.test
printf '{"interval":8,"start":%s,"stop":null}\n' "$(( $(date +%s) - 60 ))" > /home/alice/.autorespond/info@alpha.test.json
printf 'info@alpha.test: "|/usr/local/cpanel/bin/autorespond info@alpha.test /home/alice/.autorespond"\n' >> /etc/valiases/alpha.test
"#;

/// One cPanel host with exim, dovecot and BIND: filters and autoresponder found and judged,
/// the PTR of the host's address checked against exim's HELO name (matching, then another
/// name, then none), and `mail hold` keeping a message in the queue until `mail release`.
#[test]
fn check_reads_cpanel_filters_autoresponder_ptr_and_hold_holds() {
    let (env, lab) = (Env::new(), Lab::up_mail_dns(1, "cpanel"));
    alice_and_bob(&lab, "h1");
    let ip = lab.address(1);

    let (_, v) = check(&env, &lab, "info@alpha.test");
    for c in ["filters", "autoresponder", "ptr", "helo"] {
        assert_eq!(verdict_of(&v, c), "ok", "{c}: {v:#}");
    }
    assert_eq!(text_of(&v, "autoresponder"), "none");
    assert!(text_of(&v, "ptr").contains("h1.lab"), "{v:#}");

    sh(&lab, "h1", CPANEL_RULES);
    let (code, v) = check(&env, &lab, "info@alpha.test");
    assert_eq!(code, 1, "{v:#}");
    // Rules that keep mail from the mailbox: a warning naming each.
    assert_eq!(verdict_of(&v, "filters"), "warn", "{v:#}");
    let filters = text_of(&v, "filters");
    assert!(
        filters.contains("rule \"Drop spammer\" discards the message when $header_from: contains \"spammer@example.com\" (/etc/vfilters/alpha.test)"),
        "{filters}"
    );
    assert!(
        filters.contains("redirects the message to sales@beta.test")
            && filters.contains("/home/alice/etc/alpha.test/info/filter"),
        "{filters}"
    );
    assert_eq!(verdict_of(&v, "autoresponder"), "warn", "{v:#}");
    assert!(
        text_of(&v, "autoresponder").starts_with(
            "autoresponder active: replies to every message (subject \"Out of office\")"
        ),
        "{v:#}"
    );
    // sales@beta.test (bob's) has none of alice's rules.
    let (_, v) = check(&env, &lab, "sales@beta.test");
    assert_eq!(verdict_of(&v, "filters"), "ok", "{v:#}");
    assert_eq!(verdict_of(&v, "autoresponder"), "ok", "{v:#}");

    // The PTR names another host of the lab (h2.lab, whose address is not h1's): it fails
    // with the fix; then no PTR at all.
    let last = ip.rsplit('.').next().unwrap().to_string();
    let ptr_to = |records: &str| {
        sh(
            &lab,
            "h1",
            &format!(
                "sed -i 's/^\\$GENERATE 1-254 /$GENERATE 2-254 /' /etc/bind/lab/reverse.db && sed -i '/^{last}\\t/d' /etc/bind/lab/reverse.db && printf '{records}' >> /etc/bind/lab/reverse.db && rndc reload >/dev/null"
            ),
        )
    };
    ptr_to(&format!("{last}\\tIN\\tPTR\\th2.lab.\\n"));
    let (code, v) = check(&env, &lab, "sales@beta.test");
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(verdict_of(&v, "ptr"), "fail", "{v:#}");
    assert!(
        text_of(&v, "ptr").contains(&format!("set the PTR of {ip} to h1.lab")),
        "{v:#}"
    );
    assert_eq!(verdict_of(&v, "helo"), "ok", "{v:#}");
    ptr_to("");
    let (_, v) = check(&env, &lab, "sales@beta.test");
    assert_eq!(verdict_of(&v, "ptr"), "fail", "{v:#}");
    assert!(
        text_of(&v, "ptr").starts_with(&format!("{ip} has no PTR record")),
        "{v:#}"
    );

    // mail hold: a message alice's domain sends stays in the queue (deferred by exim's
    // router reading cPanel's hold list) until mail release sends it.
    let hold = |verb: &str| {
        let out = lab
            .hostops(&env)
            .args(["--json", "mail", verb, "h1", "--account", "alice", "--yes"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        json(&out)
    };
    hold("hold");
    send(&lab, "h1", "info@alpha.test", "sales@beta.test", "held-1");
    let queue = sh(&lab, "h1", "exim4 -bp");
    assert!(queue.contains("<info@alpha.test>"), "not held: {queue:?}");
    let delivered = || {
        sh(
            &lab,
            "h1",
            "grep -l '^Subject: held-1' /home/bob/mail/beta.test/sales/new/* 2>/dev/null | wc -l",
        )
        .trim()
        .to_string()
    };
    assert_eq!(delivered(), "0");
    let (_, v) = check(&env, &lab, "sales@beta.test");
    assert_eq!(verdict_of(&v, "queue"), "warn", "{v:#}");
    assert_eq!(verdict_of(&v, "hold"), "ok", "bob is not held: {v:#}");
    let (_, v) = check(&env, &lab, "info@alpha.test");
    assert_eq!(verdict_of(&v, "hold"), "warn", "{v:#}");
    assert!(
        text_of(&v, "hold").contains("hostops mail release h1 --account alice"),
        "{v:#}"
    );
    hold("release");
    assert_eq!(
        sh(&lab, "h1", "exim4 -bp"),
        "",
        "still queued after release"
    );
    assert_eq!(delivered(), "1");
}

/// DirectAdmin's layout, all in /etc/virtual/DOMAIN: the domain's exim filter `filter`, the
/// list of mailboxes with an autoresponder autoresponder.conf, and reply/BOX.msg.
#[test]
fn check_reads_directadmin_filter_and_autoresponder() {
    let (env, lab) = (Env::new(), Lab::up_mail(1, "directadmin"));
    with_mailu(&env, &lab);
    sh(
        &lab,
        "h1",
        r#"set -e
        d=/etc/virtual/mailu.test
        printf '# Exim Filter\nif $header_subject: contains "lottery" then\n  seen finish\nendif\n' > $d/filter
        mkdir -p $d/reply
        printf 'info:\n' > $d/autoresponder.conf
        printf 'Subject: Away\n\nOn holiday.\n' > $d/reply/info.msg"#,
    );
    let v = check_mailu(&env, &lab);
    assert_eq!(verdict_of(&v, "filters"), "warn", "{v:#}");
    assert!(
        text_of(&v, "filters").contains(
            "discards the message when $header_subject: contains \"lottery\" (/etc/virtual/mailu.test/filter)"
        ),
        "{v:#}"
    );
    assert_eq!(verdict_of(&v, "autoresponder"), "warn", "{v:#}");
    assert!(
        text_of(&v, "autoresponder").contains("(subject \"Away\")"),
        "{v:#}"
    );
    // Taken off the list, the message left behind replies to nothing.
    sh(&lab, "h1", ": > /etc/virtual/mailu.test/autoresponder.conf");
    let v = check_mailu(&env, &lab);
    assert_eq!(verdict_of(&v, "autoresponder"), "ok", "{v:#}");
}

/// No panel: dovecot's Sieve script in the mailbox's home (`doveadm user -f home`), its
/// `redirect` a filter and its `vacation` the autoresponder.
#[test]
fn check_reads_a_sieve_script_without_a_panel() {
    let (env, lab) = (Env::new(), Lab::up_mail(1, "none"));
    with_mailu(&env, &lab);
    sh(
        &lab,
        "h1",
        r#"set -e
        home=$(doveadm user -f home info@mailu.test)
        cat > "$home/.dovecot.sieve" <<'S'
require ["fileinto", "vacation"];
if address :is "from" "boss@example.com" {
  redirect "info@elsewhere.test";
}
vacation :days 1 :subject "Away" "I am away until Monday.";
S"#,
    );
    let v = check_mailu(&env, &lab);
    assert_eq!(verdict_of(&v, "filters"), "warn", "{v:#}");
    assert!(
        text_of(&v, "filters").contains(
            "redirects the message to info@elsewhere.test when address :is \"from\" \"boss@example.com\""
        ),
        "{v:#}"
    );
    assert_eq!(verdict_of(&v, "autoresponder"), "warn", "{v:#}");
    assert!(
        text_of(&v, "autoresponder").contains("(subject \"Away\")")
            && text_of(&v, "autoresponder").contains("Sieve vacation in /"),
        "{v:#}"
    );
}
