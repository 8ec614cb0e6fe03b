//! A builder for integration tests, after just's `tests/test.rs`: the world (an [`Env`],
//! optionally a [`Lab`] with accounts), one hostops command line, what it must end with, and
//! what it printed handed back:
//!
//! ```ignore
//! Test::lab("cpanel", 2)
//!     .account("h1", "bob", "bob.example")
//!     .hostops(&["migrate", "plan", "--from", "h1", "--to", "h2", "bob"])
//!     .status(0)
//!     .json(|r| assert_eq!(r["clean"], true));
//! ```
//!
//! A run has the lab's inventory, ticket `LAB-1` (see [`Test::ticket`]) and the environment's
//! directory as its working directory; [`Done::then`] runs the next command in the same world.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Output;
use std::rc::Rc;

use serde_json::Value;

use crate::support::{envelope, stderr, stdout, Env, Lab};

/// The ticket runs get unless told otherwise (the one `Lab::hostops` gives).
pub const TICKET: &str = "LAB-1";

/// What commands run in: an environment, and the lab they point at (if any).
pub struct World {
    pub env: Env,
    pub lab: Option<Lab>,
}

/// One command to run, and what it must end with.
#[derive(Clone)]
pub struct Test {
    world: Rc<World>,
    args: Vec<OsString>,
    ticket: Option<String>,
    yes: bool,
    vars: Vec<(String, String)>,
    status: i32,
    stderr_has: Vec<String>,
    said: Vec<String>,
}

/// A finished run: its output, its envelope when it ran with `--json`.
pub struct Done {
    world: Rc<World>,
    pub output: Output,
    pub stdout: String,
    pub stderr: String,
    pub envelope: Option<Value>,
}

impl Test {
    /// A fresh environment and no lab.
    pub fn new() -> Test {
        Test::in_world(World {
            env: Env::new(),
            lab: None,
        })
    }

    /// A fresh environment and a lab of `hosts` hosts running `panel` (`none`: no panel).
    pub fn lab(panel: &str, hosts: usize) -> Test {
        Test::with_lab(Lab::up_with(hosts, panel))
    }

    /// The same with the hosts' real web stack, Apache and PHP-FPM (`Lab::up_with_web`).
    pub fn web_lab(panel: &str, hosts: usize) -> Test {
        Test::with_lab(Lab::up_with_web(hosts, panel))
    }

    /// The same with the hosts' real nameserver, BIND 9 (`Lab::up_with_dns`).
    pub fn dns_lab(panel: &str, hosts: usize) -> Test {
        Test::with_lab(Lab::up_with_dns(hosts, panel))
    }

    fn with_lab(lab: Lab) -> Test {
        Test::in_world(World {
            env: Env::new(),
            lab: Some(lab),
        })
    }

    /// [`Test::lab`] whose hosts also run dovecot and pure-ftpd on the panel's own password
    /// files (`lab up --mail`; log in with [`Lab::login`]).
    pub fn lab_mail(panel: &str, hosts: usize) -> Test {
        Test::in_world(World {
            env: Env::new(),
            lab: Some(Lab::up_mail(hosts, panel)),
        })
    }

    fn in_world(world: World) -> Test {
        Test::sharing(Rc::new(world))
    }

    fn sharing(world: Rc<World>) -> Test {
        Test {
            world,
            args: Vec::new(),
            ticket: Some(TICKET.to_string()),
            yes: false,
            vars: Vec::new(),
            status: 0,
            stderr_has: Vec::new(),
            said: Vec::new(),
        }
    }

    pub fn env(&self) -> &Env {
        &self.world.env
    }

    pub fn lab_ref(&self) -> &Lab {
        self.world.lab.as_ref().expect("a test with a lab")
    }

    /// An account with a small website (`migrate::add`): `domain`, database `USER_wp`,
    /// mailbox `info`, 1 MiB of files.
    pub fn account(self, host: &str, user: &str, domain: &str) -> Test {
        crate::migrate::add(self.lab_ref(), host, user, domain, "1");
        self
    }

    /// `lab make-backup HOST USER --date DATE`: a panel backup of the account, now.
    pub fn backup(self, host: &str, user: &str, date: &str) -> Test {
        self.lab_ref()
            .lab("make-backup", &[host, user, "--date", date]);
        self
    }

    /// Writes `text` to `name` in the environment's directory (the runs' working directory).
    pub fn file(self, name: &str, text: &str) -> Test {
        std::fs::write(self.path(name), text).unwrap();
        self
    }

    /// `name` in the environment's directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.env().path().join(name)
    }

    /// The command line, after the global options the test adds (`--inventory`, `-t`, `-y`).
    pub fn hostops<S: AsRef<std::ffi::OsStr>>(mut self, args: &[S]) -> Test {
        self.args
            .extend(args.iter().map(|a| a.as_ref().to_os_string()));
        self
    }

    /// Whether the command line has `arg`.
    pub fn has_arg(&self, arg: &str) -> bool {
        self.args.iter().any(|a| a == arg)
    }

    /// The ticket the run is given.
    pub fn given_ticket(&self) -> Option<&str> {
        self.ticket.as_deref()
    }

    /// Runs under this ticket instead of [`TICKET`].
    pub fn ticket(mut self, ticket: &str) -> Test {
        self.ticket = Some(ticket.to_string());
        self
    }

    /// Runs without a ticket.
    pub fn no_ticket(mut self) -> Test {
        self.ticket = None;
        self
    }

    /// Answers yes to confirmations (`-y`).
    pub fn yes(mut self) -> Test {
        self.yes = true;
        self
    }

    /// Sets an environment variable of the run.
    pub fn var(mut self, key: &str, value: &str) -> Test {
        self.vars.push((key.to_string(), value.to_string()));
        self
    }

    /// The exit code the run must end with (0 unless told).
    pub fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// Something stderr must contain.
    pub fn stderr_has(mut self, needle: &str) -> Test {
        self.stderr_has.push(needle.to_string());
        self
    }

    /// Something stdout or stderr must contain.
    pub fn said(mut self, needle: &str) -> Test {
        self.said.push(needle.to_string());
        self
    }

    /// Runs the command and checks its exit code and outputs.
    #[track_caller]
    pub fn run(self) -> Done {
        self.run_with(false)
    }

    /// Runs the command with `--json`, checks it as [`Test::run`] does and its envelope with
    /// `support::envelope`, and hands the envelope's `result` to `check`.
    #[track_caller]
    pub fn json(self, check: impl FnOnce(&Value)) -> Done {
        let done = self.run_with(true);
        check(done.result());
        done
    }

    #[track_caller]
    fn run_with(self, json: bool) -> Done {
        let env = &self.world.env;
        let mut cmd = env.hostops();
        cmd.current_dir(env.path());
        if let Some(lab) = &self.world.lab {
            cmd.arg("--inventory").arg(lab.inventory());
        }
        if let Some(t) = &self.ticket {
            cmd.args(["-t", t]);
        }
        if self.yes {
            cmd.arg("-y");
        }
        if json {
            cmd.arg("--json");
        }
        for (k, v) in &self.vars {
            cmd.env(k, v);
        }
        let output = cmd.args(&self.args).output().unwrap();
        let (out, err) = (stdout(&output), stderr(&output));
        let shown = || format!("{:?}\nstdout:\n{out}\nstderr:\n{err}", self.args);
        assert!(
            output.status.code() == Some(self.status),
            "exit {:?}, expected {}: {}",
            output.status.code(),
            self.status,
            shown()
        );
        for needle in &self.stderr_has {
            assert!(err.contains(needle), "no {needle:?} on stderr: {}", shown());
        }
        for needle in &self.said {
            assert!(
                out.contains(needle) || err.contains(needle),
                "{needle:?} not said: {}",
                shown()
            );
        }
        let envelope = if json { Some(envelope(&output)) } else { None };
        Done {
            world: self.world,
            output,
            stdout: out,
            stderr: err,
            envelope,
        }
    }
}

impl Done {
    /// The envelope's `result` (the run had `--json`).
    pub fn result(&self) -> &Value {
        &self.envelope.as_ref().expect("a run with --json")["result"]
    }

    /// The next command, in the same environment and lab.
    pub fn then<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Test {
        Test::sharing(self.world.clone()).hostops(args)
    }

    /// `text` with what changes from run to run replaced by a name: the environment's and the
    /// lab's directories, the lab's addresses, run ids, hashes, times (for snapshots).
    pub fn redact(&self, text: &str) -> String {
        let mut text = text.replace(&self.world.env.path().display().to_string(), "[ENV]");
        if let Some(lab) = &self.world.lab {
            text = text
                .replace(&lab.dir.path().display().to_string(), "[LAB]")
                .replace(&format!("{}.", lab.net()), "[NET].");
        }
        let volatile = [
            (
                r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                "[RUN_ID]",
            ),
            (r"\b[0-9a-f]{16,64}\b", "[HASH]"),
            (r"hostops-[a-zA-Z]+-[A-Za-z0-9]{6}\b", "hostops-[TMP]"),
            (
                r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?",
                "[TIME]",
            ),
            (r"\b\d+(\.\d+)?(ms|s)\b", "[DURATION]"),
            (r"\b[0-9.]+ [KMGT]?i?B free\b", "[SIZE] free"),
            (
                r"does not resolve \([^)]*\)",
                "does not resolve ([RESOLVER])",
            ),
        ];
        for (pattern, name) in volatile {
            text = regex::Regex::new(pattern)
                .unwrap()
                .replace_all(&text, name)
                .into_owned();
        }
        text
    }
}
