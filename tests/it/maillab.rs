//! The lab's real mail-box and FTP servers (`lab up --mail`): dovecot and pure-ftpd in each
//! host read the panel's own password files, so a real login proves a password, and the
//! emulators' password calls change what they read.

use crate::builder::Test;
use crate::support::{stdout, Lab};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

const PASSWORD: &str = "Lab-mail-pass-1";
const WRONG: &str = "Lab-mail-pass-2";
/// The mailbox `with_account` creates.
const BOX: &str = "info@mailu.test";

/// `lab add-account h1 USER --domain DOMAIN --mailbox info --password PASSWORD`.
fn add_account(lab: &Lab, user: &str, domain: &str) {
    lab.lab(
        "add-account",
        &[
            "h1",
            user,
            "--domain",
            domain,
            "--mailbox",
            "info",
            "--password",
            PASSWORD,
        ],
    );
}

/// `password` logs in to the mailbox by IMAP and POP3 and `wrong` does not.
fn assert_mailbox_password(lab: &Lab, address: &str, password: &str, wrong: &str) {
    for protocol in ["imap", "pop3"] {
        assert!(
            lab.login("h1", protocol, address, password),
            "{protocol} {address} refused its password"
        );
        assert!(
            !lab.login("h1", protocol, address, wrong),
            "{protocol} {address} accepted a wrong password"
        );
    }
}

/// `password` logs in to FTP as `user` and `wrong` does not.
fn assert_ftp_password(lab: &Lab, user: &str, password: &str, wrong: &str) {
    assert!(
        lab.login("h1", "ftp", user, password),
        "FTP {user} refused its password"
    );
    assert!(
        !lab.login("h1", "ftp", user, wrong),
        "FTP {user} accepted a wrong password"
    );
}

/// Adds to h1 an account `mailu` (domain `mailu.test`, mailbox `info`) whose mailbox and
/// FTP logins take the account's password and refuse another.
fn with_account(lab: &Lab) {
    add_account(lab, "mailu", "mailu.test");
    assert_mailbox_password(lab, BOX, PASSWORD, WRONG);
    assert_ftp_password(lab, "mailu", PASSWORD, WRONG);
}

fn listens(addr: &str, port: u16) -> bool {
    let addr: SocketAddr = format!("{addr}:{port}").parse().expect("address");
    TcpStream::connect_timeout(&addr, Duration::from_secs(2)).is_ok()
}

/// `uapi --output=json --user=mailu ARGS...` on h1: its reply.
fn uapi(lab: &Lab, args: &[&str]) -> serde_json::Value {
    let argv = [&["uapi", "--output=json", "--user=mailu"], args].concat();
    let out = lab.sh("h1", &argv);
    serde_json::from_str(&stdout(&out)).expect("uapi JSON")
}

#[test]
fn cpanel_logins_and_uapi_password_calls() {
    let lab = Lab::up_mail(1, "cpanel");
    with_account(&lab);
    let reply = uapi(
        &lab,
        &[
            "Email",
            "passwd_pop",
            "email=info",
            "domain=mailu.test",
            "password=New-mail-pass-3",
        ],
    );
    assert_eq!(reply["result"]["status"], 1, "{reply}");
    assert_eq!(reply["func"], "passwd_pop");
    assert_mailbox_password(&lab, BOX, "New-mail-pass-3", PASSWORD);

    let reply = uapi(
        &lab,
        &["Ftp", "passwd", "user=mailu", "pass=New-ftp-pass-4"],
    );
    assert_eq!(reply["result"]["status"], 1, "{reply}");
    assert_ftp_password(&lab, "mailu", "New-ftp-pass-4", PASSWORD);

    // An unknown mailbox: status 0 with the reason, and nothing changed.
    let reply = uapi(
        &lab,
        &[
            "Email",
            "passwd_pop",
            "email=nobody@mailu.test",
            "password=New-mail-pass-5",
        ],
    );
    assert_eq!(reply["result"]["status"], 0, "{reply}");
    assert!(reply["result"]["errors"][0].is_string(), "{reply}");
    assert_mailbox_password(&lab, BOX, "New-mail-pass-3", "New-mail-pass-5");
}

#[test]
fn plesk_logins_and_psa_password_calls() {
    let lab = Lab::up_mail(1, "plesk");
    with_account(&lab);
    // The documented way: the password in PSA_PASSWORD, read from stdin, `-passwd ''`.
    let set = |utility: &str, name: &str, password: &str| {
        let script = format!(
            "printf '%s\\n' '{password}' | (IFS= read -r PSA_PASSWORD && export PSA_PASSWORD && exec plesk bin {utility} -u {name} -passwd '')"
        );
        lab.sh("h1", &["sh", "-c", &script])
    };
    let out = set("mail", BOX, "New-mail-pass-3");
    assert!(out.status.success(), "plesk bin mail: {out:?}");
    assert_mailbox_password(&lab, BOX, "New-mail-pass-3", PASSWORD);
    let out = set("domain", "mailu.test", "New-ftp-pass-4");
    assert!(out.status.success(), "plesk bin domain: {out:?}");
    assert_ftp_password(&lab, "mailu", "New-ftp-pass-4", PASSWORD);

    let out = set("mail", "nobody@mailu.test", "New-mail-pass-5");
    assert_eq!(out.status.code(), Some(1), "an unknown mail name: {out:?}");
    assert_mailbox_password(&lab, BOX, "New-mail-pass-3", "New-mail-pass-5");
}

#[test]
fn directadmin_logins() {
    let test = Test::lab_mail("directadmin", 1);
    let lab = test.lab_ref();
    with_account(lab);
    // A second account's mailbox: each domain's own /etc/virtual/D/passwd.
    add_account(lab, "mailv", "mailv.test");
    assert_mailbox_password(lab, "info@mailv.test", PASSWORD, WRONG);
}

#[test]
fn none_logins_and_down_stops_the_servers() {
    let lab = Lab::up_mail(1, "none");
    with_account(&lab);
    // The system user itself logs in by IMAP through PAM.
    assert!(lab.login("h1", "imap", "mailu", PASSWORD));
    assert!(!lab.login("h1", "imap", "mailu", WRONG));
    let addr = lab.address(1);
    for port in [21, 110, 143] {
        assert!(listens(&addr, port), "nothing on {addr}:{port}");
    }
    drop(lab);
    for port in [21, 110, 143] {
        assert!(
            !listens(&addr, port),
            "{addr}:{port} still open after lab down"
        );
    }
}

#[test]
fn without_mail_a_lab_runs_no_mail_server() {
    let lab = Lab::up(1);
    let addr = lab.address(1);
    for port in [21, 110, 143] {
        assert!(!listens(&addr, port), "{addr}:{port} open without --mail");
    }
}
