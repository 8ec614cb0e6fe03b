//! `hostops password reset` on mail labs (real dovecot, pure-ftpd, MariaDB, PAM): each target
//! on each panel, the new password logs in for real and the old one does not, and the secret
//! is on no process command line on the machine while hostops runs (sampled with `ps` from a
//! lab host, which shares the machine's process table), in no journal and in no output.

use std::io::Write;
use std::process::{Child, Command as StdCommand, Output, Stdio};

use serde_json::Value;

use crate::hostile::Hostile;
use crate::support::{json, stderr, stdout, Env, Lab};

const OLD: &str = "Lab-mail-pass-1";

/// `lab add-account h1 USER --domain DOMAIN --mailbox info --password OLD [EXTRA...]`.
fn add_account(lab: &Lab, user: &str, domain: &str, extra: &[&str]) {
    let args = [
        &[
            "h1",
            user,
            "--domain",
            domain,
            "--mailbox",
            "info",
            "--password",
            OLD,
        ],
        extra,
    ]
    .concat();
    lab.lab("add-account", &args);
}

/// `ps -eo args` in a loop on h1 while the tests run, keeping only the lines that hold one
/// of the patterns (read by grep from a file, so they are on no command line themselves).
struct PsSampler {
    child: Child,
    out: std::path::PathBuf,
    stop: std::path::PathBuf,
}

impl PsSampler {
    fn start(lab: &Lab, patterns: &[&str]) -> PsSampler {
        std::fs::write(
            lab.host_path("h1", "/tmp/ps-patterns"),
            patterns.join("\n") + "\n",
        )
        .unwrap();
        let out = lab.dir.path().join("ps-samples");
        let stop = lab.host_path("h1", "/tmp/ps-stop");
        let child = StdCommand::new("bash")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/lab/lab"))
            .arg("sh")
            .arg(lab.dir.path())
            .args(["h1", "--", "sh", "-c"])
            .arg(
                "n=0; while [ ! -e /tmp/ps-stop ]; do ps -eo args | grep -F -f /tmp/ps-patterns; \
                 n=$((n + 1)); done; echo \"samples $n\"",
            )
            .stdout(std::fs::File::create(&out).unwrap())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the ps sampler");
        PsSampler { child, out, stop }
    }

    /// Stops the sampler: the matching lines, and how many samples were taken.
    fn stop(mut self) -> (String, usize) {
        std::fs::write(&self.stop, "").unwrap();
        self.child.wait().unwrap();
        let text = std::fs::read_to_string(&self.out).unwrap();
        let samples = text
            .lines()
            .last()
            .and_then(|l| l.strip_prefix("samples "))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        (text, samples)
    }
}

/// An IMAP session that polls the server until it is disconnected (then exits 0; 1 if it is
/// still connected after 30 s).
fn open_imap_session(address: &str, user: &str, password: &str) -> Child {
    let script = "import imaplib, sys, time\n\
        m = imaplib.IMAP4(sys.argv[1], 143, timeout=10)\n\
        m.login(sys.argv[2], sys.stdin.readline().rstrip('\\n'))\n\
        print('in', flush=True)\n\
        for _ in range(150):\n\
        \x20   try:\n\
        \x20       m.noop()\n\
        \x20   except (imaplib.IMAP4.abort, OSError):\n\
        \x20       sys.exit(0)\n\
        \x20   time.sleep(0.2)\n\
        sys.exit(1)\n";
    let mut child = StdCommand::new("python3")
        .args(["-c", script, address, user])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.as_mut().unwrap()),
        &mut line,
    )
    .unwrap();
    assert_eq!(line.trim(), "in", "the IMAP session did not log in");
    child
}

/// `password reset h1 ARGS... --stdin` with `password` on hostops' stdin.
fn reset(lab: &Lab, env: &Env, args: &[&str], password: &str) -> Output {
    let mut child = env
        .hostops_std()
        .arg("--inventory")
        .arg(lab.inventory())
        .args(["-t", "LAB-1", "-y", "password", "reset", "h1"])
        .args(args)
        .arg("--stdin")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    child.wait_with_output().unwrap()
}

/// A reset that passed its verification; its output does not hold the password.
#[track_caller]
fn assert_reset(out: &Output, password: &str, login: &str) {
    let said = format!("{}{}", stdout(out), stderr(out));
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains(&format!("PASS {login}")), "{said}");
    assert!(
        !said.contains(password),
        "the password is in the output:\n{said}"
    );
}

/// The secret is not in the journal file.
#[track_caller]
fn assert_not_journaled(env: &Env, secrets: &[&str]) {
    // The database and its write-ahead log (where recent events are until a checkpoint).
    let mut journal = std::fs::read(env.journal()).unwrap();
    let mut wal = env.journal().into_os_string();
    wal.push("-wal");
    journal.extend(std::fs::read(wal).unwrap_or_default());
    let text = String::from_utf8_lossy(&journal);
    assert!(text.contains("password reset: "), "no reset was journaled");
    for s in secrets {
        assert!(!text.contains(s), "{s} is in the journal");
    }
}

/// What the sampler must see to have sampled while a reset ran: hostops' own command line
/// (the machine's process table is the lab host's), alive for the whole run.
const RUNNING: &str = "password reset h1";

/// The sampler sampled while the resets ran (it saw [`RUNNING`]) and saw no password on any
/// command line.
#[track_caller]
fn assert_no_secret_in_ps(sampled: (String, usize), seen: &str, secrets: &[&str]) {
    let (text, samples) = sampled;
    assert!(samples >= 3, "the ps sampler took {samples} samples");
    assert!(
        text.contains(seen),
        "the sampler never saw {seen:?}:\n{text}"
    );
    for s in secrets {
        assert!(!text.contains(s), "{s} was on a command line:\n{text}");
    }
}

#[test]
fn cpanel_resets_each_target_through_its_https_api_and_no_secret_leaks() {
    let lab = Lab::up_mail(1, "cpanel");
    add_account(&lab, "mailu", "mailu.test", &["--db", "wp"]);
    let env = Env::new();
    let new = [
        "Mbox-new-Pass-31",
        "Ftp-new-Pass-32",
        "Acct-new-Pass-33",
        "Dbase-new-Pass-34",
    ];
    let sampler = PsSampler::start(&lab, &[&new[..], &[RUNNING]].concat());

    let out = reset(&lab, &env, &["--mailbox", "info@mailu.test"], new[0]);
    assert_reset(&out, new[0], "imap");
    let out = reset(&lab, &env, &["--ftp", "mailu"], new[1]);
    assert_reset(&out, new[1], "ftp");
    // A domain where the account is expected: its account.
    let out = reset(&lab, &env, &["--account", "mailu.test"], new[2]);
    assert_reset(&out, new[2], "pam");
    assert!(stdout(&out).contains("account mailu"), "{}", stdout(&out));
    let out = reset(&lab, &env, &["--db-user", "mailu"], new[3]);
    assert_reset(&out, new[3], "mariadb");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &new);

    assert!(lab.login("h1", "imap", "info@mailu.test", new[0]));
    assert!(!lab.login("h1", "imap", "info@mailu.test", OLD));
    // whmapi1 passwd sets the account's own FTP login with its system password.
    assert!(lab.login("h1", "ftp", "mailu", new[2]));
    assert!(!lab.login("h1", "ftp", "mailu", new[1]));
    let db = |pw: &str| {
        lab.sh(
            "h1",
            &[
                "mariadb",
                "-u",
                "mailu",
                &format!("-p{pw}"),
                "-e",
                "SELECT 1",
            ],
        )
        .status
        .success()
    };
    assert!(db(new[3]) && !db(OLD));
    assert_not_journaled(&env, &new);
    // Every API token made for a reset was revoked.
    let tokens = lab.sh(
        "h1",
        &["cat", "/var/cpanel/authn/api_tokens_v2/whostmgr/root.json"],
    );
    assert_eq!(stdout(&tokens).trim(), "{}", "tokens left behind");

    // Generated, with --json: the secret only with --show-secret, and then it logs in.
    let generated = |extra: &[&str]| {
        let out = lab
            .hostops_yes(&env, "LAB-1")
            .args(["--json", "password", "reset", "h1", "--generate"])
            .args(["--mailbox", "info@mailu.test"])
            .args(extra)
            .output()
            .unwrap();
        json(&out)
    };
    let r = generated(&["--length", "30"]);
    assert_eq!(r["report"]["verified"], true, "{r}");
    assert_eq!(r["report"]["length"], 30);
    assert!(r["report"].get("secret").is_none(), "{r}");
    let r = generated(&["--show-secret"]);
    let secret = r["report"]["secret"]
        .as_str()
        .expect("the secret")
        .to_string();
    assert_eq!(secret.len(), 24);
    assert!(lab.login("h1", "imap", "info@mailu.test", &secret));
    assert_not_journaled(&env, &[&secret]);

    // An unknown mailbox: cPanel's refusal, exit 1.
    let out = reset(&lab, &env, &["--mailbox", "nobody@mailu.test"], new[0]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("cPanel refused"), "{}", stderr(&out));
}

#[test]
fn cpanel_refuses_the_current_password_before_any_change() {
    let lab = Lab::up_mail(1, "cpanel");
    add_account(&lab, "mailu", "mailu.test", &["--db", "wp"]);
    let env = Env::new();
    // The lab's accounts start with OLD everywhere: each target logs in with it already.
    for target in [
        ["--mailbox", "info@mailu.test"],
        ["--ftp", "mailu"],
        ["--account", "mailu"],
    ] {
        let out = reset(&lab, &env, &target, OLD);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("is its current one"),
            "{}",
            stderr(&out)
        );
    }
    assert!(lab.login("h1", "imap", "info@mailu.test", OLD));
    // Another password goes through.
    let out = reset(
        &lab,
        &env,
        &["--mailbox", "info@mailu.test"],
        "Mbox-new-Pass-71",
    );
    assert_reset(&out, "Mbox-new-Pass-71", "imap");
}

#[test]
fn none_resets_mailbox_account_and_ftp_and_a_failed_verification_is_exit_1() {
    let lab = Lab::up_mail(1, "none");
    add_account(&lab, "mailu", "mailu.test", &[]);
    let env = Env::new();
    let new = ["Mbox-new-Pass-41", "Acct-new-Pass-42"];
    let sampler = PsSampler::start(&lab, &[&new[..], &[RUNNING]].concat());
    // An open IMAP session (logged in with the old password), ended by --kill-sessions.
    let mut session = open_imap_session(&lab.address(1), "info@mailu.test", OLD);
    let out = reset(
        &lab,
        &env,
        &["--mailbox", "info@mailu.test", "--kill-sessions"],
        new[0],
    );
    assert_reset(&out, new[0], "imap");
    assert!(stdout(&out).contains("sessions: "), "{}", stdout(&out));
    assert!(
        session.wait().unwrap().success(),
        "the IMAP session was not ended"
    );
    let out = reset(&lab, &env, &["--account", "mailu"], new[1]);
    assert_reset(&out, new[1], "pam");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &new);
    assert!(lab.login("h1", "imap", "info@mailu.test", new[0]));
    assert!(!lab.login("h1", "imap", "info@mailu.test", OLD));
    // The system user is the FTP login and the IMAP login through PAM.
    assert!(lab.login("h1", "ftp", "mailu", new[1]));
    assert!(!lab.login("h1", "imap", "mailu", OLD));
    let out = reset(&lab, &env, &["--ftp", "mailu"], "Ftp-new-Pass-43");
    assert_reset(&out, "Ftp-new-Pass-43", "ftp");
    assert_not_journaled(&env, &[new[0], new[1], "Ftp-new-Pass-43"]);

    // A weak password: refused with the reason before anything runs.
    let out = reset(&lab, &env, &["--mailbox", "info@mailu.test"], "info12345");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("too weak"), "{}", stderr(&out));
    assert!(lab.login("h1", "imap", "info@mailu.test", new[0]));

    // A generated password written to a new 0600 file, not shown.
    let file = env.path().join("secret.txt");
    let out = lab
        .hostops_yes(&env, "LAB-1")
        .args(["password", "reset", "h1", "--ftp", "mailu", "--generate"])
        .arg("--secret-file")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let secret = std::fs::read_to_string(&file).unwrap().trim().to_string();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(!stdout(&out).contains(&secret) && !stderr(&out).contains(&secret));
    assert!(lab.login("h1", "ftp", "mailu", &secret));

    // dovecot stopped: the reset is done but not verified, exit 1, and it says what failed.
    lab.sh("h1", &["doveadm", "stop"]);
    let out = reset(
        &lab,
        &env,
        &["--mailbox", "info@mailu.test"],
        "Mbox-new-Pass-44",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("FAIL imap") && said.contains("NOT verified"),
        "{said}"
    );
}

#[test]
fn plesk_resets_mailbox_account_and_ftp_with_psa_password_read_from_stdin() {
    let lab = Lab::up_mail(1, "plesk");
    add_account(&lab, "mailu", "mailu.test", &[]);
    let env = Env::new();
    let new = "Mbox-new-Pass-51";
    let sampler = PsSampler::start(&lab, &[new, RUNNING]);
    let out = reset(&lab, &env, &["--mailbox", "info@mailu.test"], new);
    assert_reset(&out, new, "imap");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &[new]);
    assert!(lab.login("h1", "imap", "info@mailu.test", new));
    assert!(!lab.login("h1", "imap", "info@mailu.test", OLD));
    // The subscription's system user (the account, given by its domain) and its FTP login.
    let account = "Acct-new-Pass-52";
    let out = reset(&lab, &env, &["--account", "mailu.test"], account);
    assert_reset(&out, account, "pam");
    assert!(lab.login("h1", "ftp", "mailu", account));
    let ftp = "Ftp-new-Pass-53";
    let out = reset(&lab, &env, &["--ftp", "mailu"], ftp);
    assert_reset(&out, ftp, "ftp");
    assert!(!lab.login("h1", "ftp", "mailu", account));
    assert_not_journaled(&env, &[new, account, ftp]);
}

#[test]
fn plesk_resets_additional_ftp_accounts_and_database_users_through_its_utilities() {
    let lab = Lab::up_mail(1, "plesk");
    add_account(
        &lab,
        "mailu",
        "mailu.test",
        &["--db", "wp", "--ftp", "upload"],
    );
    let env = Env::new();
    let new = [
        "Ftpsub-new-Pass-61",
        "Dbase-new-Pass-62",
        "Dbase-new-Pass-63",
    ];
    let sampler = PsSampler::start(&lab, &[&new[..], &[RUNNING]].concat());
    // An additional FTP account (a system user sharing the subscription's UID): ftpsubaccount.
    assert!(lab.login("h1", "ftp", "upload", OLD));
    let out = reset(&lab, &env, &["--ftp", "upload"], new[0]);
    assert_reset(&out, new[0], "ftp");
    assert!(lab.login("h1", "ftp", "upload", new[0]));
    assert!(!lab.login("h1", "ftp", "upload", OLD));
    // The subscription's own FTP login is untouched.
    assert!(lab.login("h1", "ftp", "mailu", OLD));
    // A database user: `database -u DB -update_user LOGIN` (twice: the first new password is
    // then the old one), verified by hostops with a real MariaDB login.
    let out = reset(&lab, &env, &["--db-user", "mailu_wp_u"], new[1]);
    assert_reset(&out, new[1], "mariadb");
    let out = reset(&lab, &env, &["--db-user", "mailu_wp_u"], new[2]);
    assert_reset(&out, new[2], "mariadb");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &new);
    // The test's own logins (password on argv) only after the sampler stopped.
    let db = |pw: &str| {
        let opt = format!("--password={pw}");
        let args = ["mariadb", "-u", "mailu_wp_u", &opt, "-e", "SELECT 1"];
        lab.sh("h1", &args).status.success()
    };
    assert!(db(new[2]) && !db(new[1]));
    // The current password again: a real login tells, refused before any change (exit 2).
    for (target, current) in [
        (["--ftp", "upload"], new[0]),
        (["--db-user", "mailu_wp_u"], new[2]),
        (["--ftp", "mailu"], OLD),
    ] {
        let out = reset(&lab, &env, &target, current);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("is its current one"),
            "{}",
            stderr(&out)
        );
    }
    assert_not_journaled(&env, &[&new[..], &[OLD]].concat());
    // What the server does not have is refused before any change (exit 4).
    for target in [["--db-user", "nobody_u"], ["--ftp", "nobody"]] {
        let out = reset(&lab, &env, &target, new[0]);
        assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    }
}

#[test]
fn directadmin_resets_through_its_http_api_with_a_login_key_and_no_secret_leaks() {
    let lab = Lab::up_mail(1, "directadmin");
    add_account(&lab, "mailu", "mailu.test", &[]);
    let env = Env::new();
    let new = ["Mbox-new-Pass-61", "Acct-new-Pass-62", "Ftp-new-Pass-63"];
    let sampler = PsSampler::start(&lab, &[&new[..], &[RUNNING]].concat());
    let out = reset(&lab, &env, &["--mailbox", "info@mailu.test"], new[0]);
    assert_reset(&out, new[0], "imap");
    // The account, given by its domain: CMD_API_USER_PASSWD, also its own FTP login.
    let out = reset(&lab, &env, &["--account", "mailu.test"], new[1]);
    assert_reset(&out, new[1], "pam");
    assert!(lab.login("h1", "ftp", "mailu", new[1]));
    let out = reset(&lab, &env, &["--ftp", "mailu"], new[2]);
    assert_reset(&out, new[2], "ftp");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &new);
    assert!(lab.login("h1", "imap", "info@mailu.test", new[0]));
    assert!(!lab.login("h1", "imap", "info@mailu.test", OLD));
    assert!(!lab.login("h1", "ftp", "mailu", new[1]));
    assert_not_journaled(&env, &new);
    let log = lab.sh("h1", &["cat", "/var/log/lab-da-api.log"]);
    let log = stdout(&log);
    assert!(log.contains("POST /CMD_API_POP 200"), "{log}");
    assert!(log.contains("POST /CMD_API_USER_PASSWD 200"), "{log}");

    // An unknown mailbox: DirectAdmin's error=1, exit 1.
    let out = reset(&lab, &env, &["--mailbox", "nobody@mailu.test"], new[0]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("DirectAdmin refused"),
        "{}",
        stderr(&out)
    );
}

/// Every hostile value in every target field is refused (exit 2) before anything runs; as the
/// password, it is refused as weak or passed verbatim (a strong one logs in as it is).
#[test]
fn hostile_targets_are_refused_and_hostile_passwords_pass_verbatim() {
    let lab = Lab::up_mail(1, "cpanel");
    add_account(&lab, "mailu", "mailu.test", &[]);
    let env = Env::new();
    let h = Hostile::new(std::path::Path::new("/tmp"));
    for (name, value) in h.values() {
        for field in ["--account", "--mailbox", "--ftp", "--db-user"] {
            let out = lab
                .hostops(&env)
                .args(["-y", "password", "reset", "h1", "--generate"])
                .arg(format!("{field}={value}"))
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(2),
                "{field} {name} ({value:?}): {}",
                stderr(&out)
            );
        }
        let out = reset(&lab, &env, &["--mailbox", "info@mailu.test", "-n"], value);
        assert!(
            matches!(out.status.code(), Some(0 | 2)),
            "password {name}: {}",
            stderr(&out)
        );
    }
    // Quotes, `$(...)`, backticks, `;` and a backslash, strong enough: set and logs in as is.
    let strong = "Aa1'\"$(touch /tmp/hostops-pwned)`id`;\\x";
    let out = reset(&lab, &env, &["--mailbox", "info@mailu.test"], strong);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(lab.login("h1", "imap", "info@mailu.test", strong));
    h.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
    h.assert_nothing_ran();
}

/// `--dry-run`: the plan names the commands and says the secret goes on stdin; nothing runs.
#[test]
fn a_dry_run_shows_the_commands_with_the_secret_on_stdin() {
    let lab = Lab::up_mail(1, "none");
    add_account(&lab, "mailu", "mailu.test", &[]);
    let env = Env::new();
    let out = reset(
        &lab,
        &env,
        &["--json", "-n", "--mailbox", "info@mailu.test"],
        "Dry-run-Pass-61",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r: Value = json(&out);
    let actions = r["plan"]["actions"].as_array().unwrap();
    assert_eq!(actions[0]["stdin"], "secret");
    assert_eq!(actions[0]["argv"][3], "hostops-mailbox");
    assert_eq!(actions[1]["argv"][3], "imap");
    assert!(!stdout(&out).contains("Dry-run-Pass-61"));
    assert!(lab.login("h1", "imap", "info@mailu.test", OLD));
}

/// A MariaDB login on h1 as `user` with `password` (the lab's test password, not a secret
/// under test, may be on the client's command line).
fn mariadb_login(lab: &Lab, user: &str, password: &str) -> bool {
    let pw = format!("-p{password}");
    let login = ["mariadb", "-u", user, &pw, "-e", "SELECT 1"];
    lab.sh("h1", &login).status.success()
}

/// On DirectAdmin, an extra FTP login `name@domain` (`CMD_API_FTP action=modify` as the
/// domain's owner, sent again the login's type and home read with `CMD_API_FTP_SHOW`, so its
/// home stays where it was) and a database user (the JSON API's change-password as its
/// owner): the new password logs in for real (FTP, MariaDB), the old one does not, and no
/// secret is on a command line or in the journal.
#[test]
fn directadmin_resets_an_extra_ftp_login_and_a_database_user_through_its_apis() {
    let lab = Lab::up_mail(1, "directadmin");
    add_account(&lab, "mailu", "mailu.test", &["--ftp", "up", "--db", "wp"]);
    let env = Env::new();
    let line = |login: &str| {
        let out = lab.sh(
            "h1",
            &["grep", &format!("^{login}:"), "/etc/proftpd.passwd"],
        );
        stdout(&out).trim().to_string()
    };
    let home = |l: String| l.split(':').skip(4).take(2).collect::<Vec<_>>().join(":");
    let before = home(line("up@mailu.test"));
    assert_eq!(
        before,
        "custom:/home/mailu/domains/mailu.test/public_html/up"
    );
    assert!(lab.login("h1", "ftp", "up@mailu.test", OLD));
    let (new, dbnew) = ("Ftp-extra-Pass-71", "Dbase-new-Pass-72");
    let sampler = PsSampler::start(&lab, &[new, dbnew, RUNNING]);
    // A dry run reads the login (as the domain's owner) and changes nothing.
    let out = reset(&lab, &env, &["-n", "--ftp", "up@mailu.test"], new);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = format!("{}{}", stdout(&out), stderr(&out));
    assert!(
        said.contains("account mailu") && !said.contains(new),
        "{said}"
    );
    assert!(lab.login("h1", "ftp", "up@mailu.test", OLD));
    let out = reset(&lab, &env, &["--ftp", "Up@mailu.test"], new);
    assert_reset(&out, new, "ftp");
    assert!(lab.login("h1", "ftp", "up@mailu.test", new));
    assert!(!lab.login("h1", "ftp", "up@mailu.test", OLD));
    assert_eq!(
        home(line("up@mailu.test")),
        before,
        "the login's home moved"
    );
    // The account's own FTP login is untouched.
    assert!(lab.login("h1", "ftp", "mailu", OLD));
    assert_not_journaled(&env, &[new]);
    let log = lab.sh("h1", &["cat", "/var/log/lab-da-api.log"]);
    let log = stdout(&log);
    assert!(log.contains("POST /CMD_API_FTP_SHOW 200"), "{log}");
    assert!(log.contains("POST /CMD_API_FTP 200"), "{log}");

    // An unknown extra login: refused while planning, nothing changed.
    let out = reset(&lab, &env, &["--ftp", "nobody@mailu.test"], new);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nobody@mailu.test"),
        "{}",
        stderr(&out)
    );

    // The database user (made with a random password by the lab: set a known one first).
    let sql = format!("ALTER USER 'mailu_wp'@'localhost' IDENTIFIED BY '{OLD}'");
    assert!(lab.sh("h1", &["mariadb", "-e", &sql]).status.success());
    let db = |pw: &str| mariadb_login(&lab, "mailu_wp", pw);
    assert!(db(OLD));
    let out = reset(&lab, &env, &["--db-user", "mailu_wp"], dbnew);
    assert_reset(&out, dbnew, "mariadb");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &[new, dbnew]);
    assert!(db(dbnew) && !db(OLD));
    assert_not_journaled(&env, &[new, dbnew]);
    let log = lab.sh("h1", &["cat", "/var/log/lab-da-api.log"]);
    let log = stdout(&log);
    assert!(
        log.contains("POST /api/db-manage/users/mailu_wp/change-password 204"),
        "{log}"
    );
    // The database user of no account: `da api-url --user` refuses, exit 1.
    let out = reset(&lab, &env, &["--db-user", "other_wp"], dbnew);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

/// `--db-user` without a panel: `ALTER USER` on the MySQL client's stdin for each of the
/// user's hosts; a real MariaDB login with the new password works and the old one fails, and
/// the password is on no command line and not in the journal.
#[test]
fn none_resets_a_database_user_verified_by_a_real_mariadb_login() {
    let lab = Lab::up_mail(1, "none");
    add_account(&lab, "mailu", "mailu.test", &["--db", "wp"]);
    let env = Env::new();
    let db = |pw: &str| mariadb_login(&lab, "mailu_wp", pw);
    assert!(db(OLD));
    let new = "Dbase-new-Pass-81";
    let sampler = PsSampler::start(&lab, &[new, RUNNING]);
    let out = reset(&lab, &env, &["--db-user", "mailu_wp"], new);
    assert_reset(&out, new, "mariadb");
    assert_no_secret_in_ps(sampler.stop(), RUNNING, &[new]);
    assert!(db(new) && !db(OLD));
    assert_not_journaled(&env, &[new]);

    // A database user that does not exist: a blocker, exit 4, nothing run.
    let out = reset(&lab, &env, &["--db-user", "mailu_nope"], new);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(db(new));
}
