//! Test harness: an isolated environment per test (own HOME, journal and config), a command
//! builder for the real binary, and the lab of real sshd hosts.

use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output};
use std::sync::RwLock;

use assert_cmd::Command;
use tempfile::TempDir;

/// A private HOME, journal and config for one test.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::Builder::new()
            .prefix("hostops-it-")
            .tempdir()
            .expect("temp dir");
        std::fs::create_dir_all(dir.path().join("home/.ssh")).unwrap();
        Env { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn journal(&self) -> PathBuf {
        self.path().join("journal.sqlite")
    }

    pub fn home(&self) -> PathBuf {
        self.path().join("home")
    }

    /// The hostops binary with this environment and nothing inherited that could leak in.
    pub fn hostops(&self) -> Command {
        Command::from_std(self.hostops_std())
    }

    /// The same, as a std Command (to spawn and signal it).
    pub fn hostops_std(&self) -> StdCommand {
        let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("hostops"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.home())
            .env("USER", "tester")
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("HOSTOPS_JOURNAL", self.journal())
            .env("NO_COLOR", "1");
        cmd
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts that a run ended with `code` and said `needle` on stderr.
#[track_caller]
pub fn assert_exit(o: &Output, code: i32, needle: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr:\n{}", stderr(o));
    assert!(
        stderr(o).contains(needle),
        "expected {needle:?} on stderr:\n{}",
        stderr(o)
    );
}

/// Asserts that a run ended with `code` and said `needle` on stdout or stderr (`""`: the
/// exit code alone, both outputs shown if it differs).
#[track_caller]
pub fn assert_said(o: &Output, code: i32, needle: &str) {
    let said = format!("{}{}", stdout(o), stderr(o));
    assert_eq!(o.status.code(), Some(code), "{said}");
    assert!(said.contains(needle), "expected {needle:?} in:\n{said}");
}

/// The `result` of a `--json` run, once its envelope is checked (see [`envelope`]).
#[track_caller]
pub fn json(o: &Output) -> serde_json::Value {
    envelope(o)["result"].clone()
}

/// The JSON envelope a `--json` run printed on stdout, checked against README "JSON output":
/// every field present, `exit_code` the process's, `ok` when it is 0, and one error at least
/// when it is not.
#[track_caller]
pub fn envelope(o: &Output) -> serde_json::Value {
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            stdout(o),
            stderr(o)
        )
    });
    let fields = [
        "command",
        "ticket",
        "run_id",
        "journal_head",
        "dry_run",
        "ok",
        "exit_code",
        "result",
        "errors",
    ];
    let keys: Vec<&str> = doc
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert_eq!(keys.len(), fields.len(), "envelope fields: {doc:#}");
    for f in fields {
        assert!(keys.contains(&f), "no `{f}` in the envelope: {doc:#}");
    }
    let code = o.status.code().expect("an exit code");
    assert_eq!(doc["exit_code"], code, "{doc:#}");
    assert_eq!(doc["ok"], code == 0, "{doc:#}");
    let errors = doc["errors"].as_array().expect("errors is a list");
    if code != 0 {
        assert!(
            !errors.is_empty() || !doc["result"].is_null(),
            "a failure with neither result nor errors: {doc:#}"
        );
    }
    doc
}

/// Real OpenSSH servers, each its own host (tests/lab/lab). Stopped on drop, even on panic.
pub struct Lab {
    pub dir: TempDir,
    /// Held while the lab lives: see [`PANEL_TOOLS`].
    _tools: Option<Box<dyn std::any::Any>>,
}

/// Lab hosts share the machine's process table, so a playbook's "no backup or transfer
/// running" pre-check (pgrep) would see the panel tools of other tests' labs. Panel labs hold
/// this lock shared; labs whose tests need no other panel tool running hold it alone.
static PANEL_TOOLS: RwLock<()> = RwLock::new(());

/// apt and dpkg state (/usr, /var/lib/dpkg) is shared by the machine and every lab host; only
/// /etc is private. Tests that install or purge packages hold this alone (one at a time);
/// tests that need the packages `.ci/deps` installs (the web lab's apache2 and php-fpm)
/// hold it shared, so no purge runs under them.
pub static APT: RwLock<()> = RwLock::new(());

/// A panel lab's shared hold on [`PANEL_TOOLS`] (none without a panel).
fn shared_tools(panel: &str) -> Option<Box<dyn std::any::Any>> {
    (panel != "none").then(|| {
        Box::new(PANEL_TOOLS.read().unwrap_or_else(|p| p.into_inner())) as Box<dyn std::any::Any>
    })
}

fn lab_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lab/lab")
}

impl Lab {
    pub fn up(hosts: usize) -> Lab {
        Lab::up_with(hosts, "none")
    }

    /// A lab whose hosts run a panel emulator (`cpanel`, `plesk`, `directadmin`).
    pub fn up_with(hosts: usize, panel: &str) -> Lab {
        Lab::start(hosts, panel, &[], shared_tools(panel))
    }

    /// The same with each host's real web stack (`lab up --web`): Debian's Apache and
    /// PHP-FPM on the host's address, ports 80 and 443, in the panel's layout.
    pub fn up_with_web(hosts: usize, panel: &str) -> Lab {
        Lab::start(hosts, panel, &["--web"], shared_tools(panel))
    }

    /// A lab whose hosts also run dovecot (IMAP, POP3) and pure-ftpd reading the panel's own
    /// password files (`lab up --mail`; `none`: system users and a dovecot passwd-file).
    pub fn up_mail(hosts: usize, panel: &str) -> Lab {
        Lab::start(hosts, panel, &["--mail"], shared_tools(panel))
    }

    /// The same with Postfix on port 25 instead of exim (`lab up --mail --postfix`: Debian's
    /// package unpacked by .ci/deps, its own /etc/postfix per host).
    pub fn up_postfix(hosts: usize, panel: &str) -> Lab {
        Lab::start(hosts, panel, &["--mail", "--postfix"], shared_tools(panel))
    }

    /// A panel lab while no other test's panel tools run (see [`PANEL_TOOLS`]).
    pub fn up_alone(hosts: usize, panel: &str) -> Lab {
        let guard = PANEL_TOOLS.write().unwrap_or_else(|p| p.into_inner());
        Lab::start(hosts, panel, &[], Some(Box::new(guard)))
    }

    /// A lab whose hosts each run BIND 9 (`lab up --dns`): named on the host's address,
    /// port 53, serving the zones where the panel keeps them.
    pub fn up_with_dns(hosts: usize, panel: &str) -> Lab {
        Lab::start(hosts, panel, &["--dns"], shared_tools(panel))
    }

    /// Both: exim and dovecot (`--mail`) and BIND (`--dns`) on each host.
    pub fn up_mail_dns(hosts: usize, panel: &str) -> Lab {
        Lab::start(hosts, panel, &["--mail", "--dns"], shared_tools(panel))
    }

    fn start(
        hosts: usize,
        panel: &str,
        extra: &[&str],
        tools: Option<Box<dyn std::any::Any>>,
    ) -> Lab {
        assert!(
            // SAFETY: geteuid cannot fail.
            unsafe { libc_geteuid() } == 0,
            "the lab tests start real sshd servers in namespaces and need root (CI runs them as root)"
        );
        let dir = tempfile::Builder::new()
            .prefix("hostops-lab-")
            .tempdir()
            .expect("temp dir");
        let out = StdCommand::new("bash")
            .arg(lab_script())
            .args(["up", "--dir"])
            .arg(dir.path())
            .args(["--hosts", &hosts.to_string(), "--panel", panel])
            .args(extra)
            .output()
            .expect("run tests/lab/lab");
        assert!(
            out.status.success(),
            "lab up failed:\n{}\n{}",
            stdout(&out),
            stderr(&out)
        );
        Lab { dir, _tools: tools }
    }

    pub fn inventory(&self) -> PathBuf {
        self.dir.path().join("inventory.toml")
    }

    pub fn net(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("net"))
            .unwrap()
            .trim()
            .to_string()
    }

    pub fn address(&self, host: usize) -> String {
        format!("{}.{host}", self.net())
    }

    /// Runs a command inside a lab host (as root, outside hostops).
    pub fn sh(&self, host: &str, argv: &[&str]) -> Output {
        StdCommand::new("bash")
            .arg(lab_script())
            .arg("sh")
            .arg(self.dir.path())
            .arg(host)
            .arg("--")
            .args(argv)
            .output()
            .expect("run lab sh")
    }

    /// hostops pointed at this lab's inventory, with a ticket.
    pub fn hostops(&self, env: &Env) -> Command {
        let mut cmd = env.hostops();
        cmd.arg("--inventory")
            .arg(self.inventory())
            .args(["--ticket", "LAB-1"]);
        cmd
    }

    /// hostops pointed at this lab's inventory, with `-t TICKET` and `-y` (no prompts).
    pub fn hostops_yes(&self, env: &Env, ticket: &str) -> Command {
        let mut cmd = env.hostops();
        cmd.arg("--inventory")
            .arg(self.inventory())
            .args(["-t", ticket, "-y"]);
        cmd
    }

    /// Where a host's private directory (`/var/log`, `/var/spool`, `/home`, ...) lives on
    /// this machine: files written there appear inside the host.
    pub fn host_path(&self, host: &str, path: &str) -> PathBuf {
        self.dir
            .path()
            .join("hosts")
            .join(host)
            .join("fs")
            .join(path.trim_start_matches('/'))
    }

    /// `lab COMMAND DIR ARGS...` (rekey, add-account, set-version, make-backup, limit-home),
    /// which must succeed.
    pub fn lab(&self, command: &str, args: &[&str]) -> Output {
        let out = StdCommand::new("bash")
            .arg(lab_script())
            .arg(command)
            .arg(self.dir.path())
            .args(args)
            .output()
            .expect("run tests/lab/lab");
        assert!(
            out.status.success(),
            "lab {command} {args:?} failed: {}{}",
            stdout(&out),
            stderr(&out)
        );
        out
    }

    /// A real login to `host`'s dovecot (`imap`, `pop3`) or pure-ftpd (`ftp`) of a lab
    /// started with [`Lab::up_mail`] (`lab login`, the password on its stdin): true when the
    /// server accepted the password, false when it refused it; panics if it cannot be reached.
    pub fn login(&self, host: &str, protocol: &str, user: &str, password: &str) -> bool {
        let mut child = StdCommand::new("bash")
            .arg(lab_script())
            .args(["login"])
            .arg(self.dir.path())
            .args([host, protocol, user])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run lab login");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            writeln!(stdin, "{password}").expect("write the password");
        }
        let out = child.wait_with_output().expect("lab login");
        match out.status.code() {
            Some(0) => true,
            Some(1) => false,
            _ => panic!(
                "lab login {host} {protocol} {user}: {}{}",
                stdout(&out),
                stderr(&out)
            ),
        }
    }

    pub fn rekey(&self, host: &str) {
        self.lab("rekey", &[host]);
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        let _ = StdCommand::new("bash")
            .arg(lab_script())
            .args(["down", "--dir"])
            .arg(self.dir.path())
            .output();
    }
}

extern "C" {
    #[link_name = "geteuid"]
    fn libc_geteuid() -> u32;
}

/// A command run on a real pseudo-terminal (`script`): what the test types is what an engineer
/// types, once the prompt it waits for is on the screen.
pub struct Terminal {
    child: std::process::Child,
    keyboard: Option<std::process::ChildStdin>,
    seen: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Terminal {
    /// Starts `cmd` (its program, arguments and environment) on a terminal of its own.
    pub fn start(cmd: &StdCommand) -> Terminal {
        let words = std::iter::once(cmd.get_program())
            .chain(cmd.get_args())
            .map(|w| w.to_str().expect("a UTF-8 argument"));
        let line = shlex::try_join(words).expect("no NUL in the arguments");
        let mut script = StdCommand::new("script");
        script.args(["-qec", &line, "/dev/null"]).env_clear();
        for (k, v) in cmd.get_envs() {
            if let Some(v) = v {
                script.env(k, v);
            }
        }
        script
            .env("TERM", "dumb")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        let mut child = script.spawn().expect("script (util-linux) runs");
        let keyboard = child.stdin.take();
        let mut display = child.stdout.take().unwrap();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let reader = {
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = std::io::Read::read(&mut display, &mut buf) {
                    if n == 0 {
                        break;
                    }
                    seen.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            })
        };
        Terminal {
            child,
            keyboard,
            seen,
            reader: Some(reader),
        }
    }

    /// Everything shown so far.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().unwrap()).into_owned()
    }

    /// Types `keys` once `prompt` has been shown `times` times (fails after 30 s without).
    pub fn answer(&mut self, prompt: &str, times: usize, keys: &[u8]) {
        let shown = (0..300).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(100));
            self.screen().matches(prompt).count() >= times
        });
        assert!(shown, "no prompt {prompt:?} ({times}): {}", self.screen());
        let keyboard = self.keyboard.as_mut().expect("the keyboard is still there");
        std::io::Write::write_all(keyboard, keys).unwrap();
        std::io::Write::flush(keyboard).unwrap();
    }

    /// Waits for the command's end: its status and everything it showed.
    pub fn finish(mut self) -> (std::process::ExitStatus, String) {
        drop(self.keyboard.take());
        let status = self.child.wait().unwrap();
        if let Some(reader) = self.reader.take() {
            reader.join().unwrap();
        }
        (status, self.screen())
    }
}
