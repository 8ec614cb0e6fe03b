//! The one hostile-input table (`tests/fixtures/hostile.json`), for every field of every
//! command and every name a server can return. Each value carries a marker path: a value that
//! ran as code would create it, so [`Hostile::assert_nothing_ran`] proves nothing did.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The table's values for one test, with `{MARK}` replaced by a path unique to it.
pub struct Hostile {
    mark: PathBuf,
    values: Vec<(String, String)>,
}

impl Hostile {
    /// The table with markers under `dir` (a test's own temporary directory, or a lab host's
    /// `/tmp` as the host sees it: the marker path is what a command there would create).
    pub fn new(dir: &Path) -> Hostile {
        let mark = dir.join("hostops-pwned");
        let table: Value = serde_json::from_str(include_str!("../fixtures/hostile.json"))
            .expect("tests/fixtures/hostile.json is JSON");
        let values = table["values"]
            .as_array()
            .expect("values")
            .iter()
            .map(|v| {
                let value = v["value"].as_str().expect("value");
                (
                    v["name"].as_str().expect("name").to_string(),
                    value.replace("{MARK}", &mark.to_string_lossy()),
                )
            })
            .collect();
        Hostile { mark, values }
    }

    /// `(name, value)` pairs.
    pub fn values(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The values that are not empty (for fields where empty is its own, simpler refusal).
    pub fn non_empty(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values().filter(|(_, v)| !v.is_empty())
    }

    /// Fails when the marker exists at `seen_at` (the marker path as this machine sees it,
    /// e.g. under a lab host's private directory).
    #[track_caller]
    pub fn assert_nothing_ran_at(&self, seen_at: &Path) {
        assert!(
            !seen_at.exists(),
            "a hostile value ran as code: {} exists",
            seen_at.display()
        );
    }

    #[track_caller]
    pub fn assert_nothing_ran(&self) {
        self.assert_nothing_ran_at(&self.mark);
    }
}

/// `exec` on the local host: every value arrives as one argument, unchanged, and runs nothing.
#[test]
fn exec_arguments_arrive_verbatim() {
    let env = crate::support::Env::new();
    let h = Hostile::new(env.path());
    let values: Vec<&str> = h.non_empty().map(|(_, v)| v).collect();
    let out = env
        .hostops()
        .args([
            "-t",
            "HOSTILE-1",
            "-y",
            "exec",
            "local",
            "--",
            "printf",
            "%s\\0",
        ])
        .args(&values)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&out)
    );
    let printed: Vec<&str> = std::str::from_utf8(&out.stdout)
        .unwrap()
        .split_terminator('\0')
        .collect();
    assert_eq!(printed, values);
    h.assert_nothing_ran();
}

/// Every field of every command, `V` standing for the hostile value (`--flag=V`: glued). Hosts are `local` and
/// `dead` (a closed loopback port), so nothing leaves this machine and nothing waits.
const FIELDS: &[&[&str]] = &[
    &["-t", "V", "hosts", "check", "local"],
    &["hosts", "check", "V"],
    &["-y", "exec", "V", "--", "true"],
    &["-y", "exec", "dead", "--", "V"],
    &["-y", "copy", "V", "dead:/tmp/x"],
    &["-y", "copy", "/etc/hostname", "dead:V"],
    &["migrate", "plan", "--from", "dead", "--to", "dead", "V"],
    &["migrate", "plan", "--from", "V", "--to", "dead", "bob"],
    &[
        "migrate", "plan", "--from", "dead", "--to", "dead", "--owner", "V",
    ],
    &["migrate", "verify", "--from", "dead", "--to", "dead", "V"],
    &["-y", "migrate", "run", "--resume", "V"],
    &["backup", "list", "dead", "--account", "V"],
    &[
        "-n",
        "backup",
        "restore",
        "dead",
        "--account",
        "V",
        "--date",
        "2026-01-01",
    ],
    &[
        "-n",
        "backup",
        "restore",
        "dead",
        "--account",
        "bob",
        "--date",
        "V",
    ],
    &[
        "-n",
        "backup",
        "restore",
        "dead",
        "--account",
        "bob",
        "--date",
        "2026-01-01",
        "--only",
        "V",
    ],
    &[
        "-n",
        "backup",
        "restore",
        "dead",
        "--account",
        "bob",
        "--file",
        "V",
    ],
    &["-y", "backup", "undo", "V"],
    &["blacklist", "check", "V", "--nameserver", "127.0.0.1:1"],
    &["blacklist", "check", "192.0.2.1", "--nameserver", "V"],
    &["blacklist", "investigate", "V"],
    &["mail", "trace", "V", "--to", "a@b.test"],
    &["mail", "trace", "dead", "--to", "V"],
    &["mail", "trace", "dead", "--subject", "V"],
    &["mail", "trace", "dead", "--id", "V"],
    &[
        "mail", "trace", "dead", "--from", "a@b.test", "--since", "V",
    ],
    &["mail", "queue", "dead", "--sender", "V"],
    &["-n", "mail", "queue", "dead", "--remove", "--id", "V"],
    &["playbook", "show", "V"],
    &["playbook", "lint", "V"],
    &["-n", "playbook", "run", "V", "--host", "dead"],
    &["-n", "playbook", "run", "rebuild-php", "--host", "V"],
    &[
        "-n",
        "playbook",
        "run",
        "install-php-extension",
        "--host",
        "dead",
        "--var",
        "extension=V",
    ],
    &[
        "-n",
        "playbook",
        "run",
        "rebuild-php",
        "--host",
        "dead",
        "--var",
        "V=1",
    ],
    &["log", "list", "--since", "V"],
    &["log", "show", "V"],
    &["log", "export", "V", "--format", "markdown"],
    &["ticket", "show", "V"],
    &["ticket", "handoff", "V", "--format", "text"],
    &["ticket", "escalate", "V", "--to", "L3", "--note", "x"],
    &[
        "ticket",
        "escalate",
        "HOSTILE-1",
        "--to",
        "L5",
        "--note",
        "V",
    ],
    &["ticket", "close", "V"],
    &[
        "-y",
        "password",
        "reset",
        "V",
        "--account",
        "bob",
        "--generate",
    ],
    &[
        "-y",
        "password",
        "reset",
        "dead",
        "--account=V",
        "--generate",
    ],
    &[
        "-y",
        "password",
        "reset",
        "dead",
        "--mailbox=V",
        "--generate",
    ],
    &["-y", "password", "reset", "dead", "--ftp=V", "--generate"],
    &[
        "-y",
        "password",
        "reset",
        "dead",
        "--db-user=V",
        "--generate",
    ],
    &[
        "-y",
        "password",
        "reset",
        "dead",
        "--ftp",
        "bob",
        "--generate",
        "--length=V",
    ],
    &[
        "-y",
        "password",
        "reset",
        "dead",
        "--ftp",
        "bob",
        "--generate",
        "--secret-file=V",
    ],
];

/// Every field of every command with every hostile value: a documented exit code (never a
/// panic), nothing run, and no control character from the value printed raw.
#[test]
fn every_field_of_every_command_takes_every_value_safely() {
    let env = crate::support::Env::new();
    let inventory = env.path().join("inventory.toml");
    std::fs::write(
        &inventory,
        "[[host]]\nname = \"dead\"\naddress = \"127.0.0.1\"\nport = 1\n",
    )
    .unwrap();
    let h = Hostile::new(env.path());
    let mut failures = Vec::new();
    for field in FIELDS {
        for (name, value) in h.non_empty() {
            // `V` is the value; `--flag=V` the value glued to its flag (taken even when it
            // starts with `-`).
            let args: Vec<String> = field
                .iter()
                .map(|a| match a.strip_suffix("=V") {
                    Some(flag) => format!("{flag}={value}"),
                    None if *a == "V" => value.to_string(),
                    None => a.to_string(),
                })
                .collect();
            let mut cmd = env.hostops();
            cmd.arg("--inventory")
                .arg(&inventory)
                .args(["--connect-timeout", "2"]);
            if field[0] != "-t" {
                cmd.args(["-t", "HOSTILE-1"]);
            }
            let out = cmd
                .args(&args)
                .timeout(std::time::Duration::from_secs(60))
                .output()
                .unwrap();
            let said = [out.stdout.as_slice(), out.stderr.as_slice()].concat();
            let code = out.status.code();
            if !matches!(code, Some(0..=4)) {
                failures.push(format!(
                    "{field:?} with {name}: exit {code:?}\n{}",
                    String::from_utf8_lossy(&said)
                ));
            }
            if said.iter().any(|b| *b == 0x1b || *b == 0x07) {
                failures.push(format!(
                    "{field:?} with {name}: a control character printed raw"
                ));
            }
            h.assert_nothing_ran();
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_covers_what_issue_10_names() {
    let h = Hostile::new(Path::new("/tmp/x"));
    let all: String = h.values().map(|(_, v)| v).collect();
    for needle in [";", "$(", "`", "'", "\"", "\n", "../", "\u{1b}", "ø"] {
        assert!(all.contains(needle), "no value has {needle:?}");
    }
    assert!(h.values().any(|(_, v)| v.starts_with('-')));
    assert!(h.values().any(|(_, v)| v.len() > 255));
    assert!(h.values().all(|(_, v)| !v.contains("{MARK}")));
}
