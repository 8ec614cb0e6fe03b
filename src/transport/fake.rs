//! A scripted transport for fast unit tests of the orchestration (no root, sshd or MariaDB):
//! the test says which commands to expect and what each answers (output, exit code, or a
//! transport error); the fake records every call, panics with the argv on a command nobody
//! expected, and, when dropped, on an expectation left unused.

use std::fmt;
use std::io::{Read, Write};
use std::sync::{Mutex, MutexGuard};

use sha2::{Digest, Sha256};

use super::{Cmd, CopyReport, ExecIo, Exit, Progress, Target, Transport, TransportError};

/// The program name under which an upload is recorded and matched (`(upload) DEST`).
pub const UPLOAD: &str = "(upload)";

/// One command run on the fake: its argv and what it read on stdin.
#[derive(Clone, Debug)]
pub struct Call {
    pub argv: Vec<String>,
    pub stdin: Vec<u8>,
}

impl Call {
    /// The script of `sh -c SCRIPT ...` / `bash -c SCRIPT ...`.
    pub fn script(&self) -> Option<&str> {
        match self.argv.as_slice() {
            [shell, c, script, ..] if c == "-c" && (shell == "sh" || shell == "bash") => {
                Some(script)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Cmd::from_argv(self.argv.clone()) {
            Some(cmd) => f.write_str(&cmd.display()),
            None => f.write_str("(empty argv)"),
        }
    }
}

type Test = Box<dyn Fn(&Call) -> bool + Send + Sync>;

/// Which calls an expectation answers, with a description for messages.
pub struct Matcher {
    what: String,
    test: Test,
}

impl Matcher {
    /// Exactly this argv.
    pub fn argv<I, S>(argv: I) -> Matcher
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let want: Vec<String> = argv.into_iter().map(Into::into).collect();
        Matcher {
            what: format!("{want:?}"),
            test: Box::new(move |c| c.argv == want),
        }
    }

    /// `program` with any arguments.
    pub fn program(program: &str) -> Matcher {
        Matcher::when(program, "...", |_| true)
    }

    /// `program` with any arguments for which `pred` holds; `what` describes them.
    pub fn when(
        program: &str,
        what: &str,
        pred: impl Fn(&Call) -> bool + Send + Sync + 'static,
    ) -> Matcher {
        let program = program.to_string();
        Matcher {
            what: format!("{program} {what}"),
            test: Box::new(move |c| c.argv.first() == Some(&program) && pred(c)),
        }
    }

    /// A `sh -c`/`bash -c` script containing `fragment`.
    pub fn script(fragment: &str) -> Matcher {
        let fragment = fragment.to_string();
        Matcher {
            what: format!("a script containing {fragment:?}"),
            test: Box::new(move |c| c.script().is_some_and(|s| s.contains(&fragment))),
        }
    }

    /// An upload to exactly `dest`.
    pub fn upload(dest: &str) -> Matcher {
        Matcher::argv([UPLOAD, dest])
    }
}

type Fail = Box<dyn Fn(&Target, &Call) -> TransportError + Send + Sync>;

/// What an expected call answers.
pub enum Reply {
    Exit {
        code: i32,
        stdout: Vec<u8>,
        stderr: Vec<u8>,
    },
    /// The transport itself fails (connection lost, timeout...).
    Error(Fail),
}

impl Reply {
    /// Exit 0 with `stdout`.
    pub fn ok(stdout: impl Into<Vec<u8>>) -> Reply {
        Reply::output(0, stdout, "")
    }

    /// Exit `code` with `stderr`.
    pub fn fails(code: i32, stderr: impl Into<Vec<u8>>) -> Reply {
        Reply::output(code, "", stderr)
    }

    pub fn output(code: i32, stdout: impl Into<Vec<u8>>, stderr: impl Into<Vec<u8>>) -> Reply {
        Reply::Exit {
            code,
            stdout: stdout.into(),
            stderr: stderr.into(),
        }
    }

    /// The transport returns the error `make` builds for the host and call.
    pub fn error(make: impl Fn(&Target, &Call) -> TransportError + Send + Sync + 'static) -> Reply {
        Reply::Error(Box::new(make))
    }

    /// The connection drops while the command runs.
    pub fn lost() -> Reply {
        Reply::error(|t, c| TransportError::Lost {
            host: t.name.clone(),
            address: t.address.clone(),
            during: c.to_string(),
            reason: "the fake connection was cut".into(),
        })
    }
}

struct Expectation {
    matcher: Matcher,
    reply: Reply,
    /// Answers any number of calls and may go unused.
    repeats: bool,
    used: bool,
}

#[derive(Default)]
struct State {
    expected: Vec<Expectation>,
    calls: Vec<Call>,
}

/// A host whose commands are answered from a script.
pub struct Fake {
    target: Target,
    /// Each call must match the first expectation not yet used (else: any unused one).
    ordered: bool,
    state: Mutex<State>,
}

impl Fake {
    /// A fake host `name`; calls match expectations in any order.
    pub fn new(name: &str) -> Fake {
        Fake::build(name, false)
    }

    /// A fake host whose expectations must be met in the order they were given.
    pub fn ordered(name: &str) -> Fake {
        Fake::build(name, true)
    }

    fn build(name: &str, ordered: bool) -> Fake {
        Fake {
            target: Target {
                name: name.into(),
                address: format!("{name}.fake:22"),
                user: "root".into(),
                host_key: Some("SHA256:fake".into()),
            },
            ordered,
            state: Mutex::new(State::default()),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Expects one call matching `m`, answered with `reply`.
    pub fn expect(&self, m: Matcher, reply: Reply) -> &Self {
        self.push(m, reply, false)
    }

    /// Answers any number of calls matching `m` (none at all is fine too).
    pub fn allow(&self, m: Matcher, reply: Reply) -> &Self {
        self.push(m, reply, true)
    }

    fn push(&self, matcher: Matcher, reply: Reply, repeats: bool) -> &Self {
        self.state().expected.push(Expectation {
            matcher,
            reply,
            repeats,
            used: false,
        });
        self
    }

    /// Every call so far, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.state().calls.clone()
    }

    /// Every call so far as shell lines, in order.
    pub fn lines(&self) -> Vec<String> {
        self.calls().iter().map(Call::to_string).collect()
    }

    /// Records `call` and answers it from the script; panics on a call nobody expected.
    fn answer(&self, call: Call) -> Result<(i32, Vec<u8>, Vec<u8>), TransportError> {
        let mut state = self.state();
        state.calls.push(call.clone());
        let matches = |e: &Expectation| (e.repeats || !e.used) && (e.matcher.test)(&call);
        let next = state.expected.iter().position(|e| !e.repeats && !e.used);
        let found = match next {
            Some(i) if self.ordered => Some(i)
                .filter(|&i| matches(&state.expected[i]))
                .or_else(|| state.expected.iter().position(|e| e.repeats && matches(e))),
            _ => state.expected.iter().position(matches),
        };
        let Some(i) = found else {
            let waiting = pending(&state.expected);
            drop(state);
            panic!(
                "{}: unexpected command {:?}\n  as a shell line: {call}\n  still expected:{waiting}",
                self.target.name, call.argv
            );
        };
        let e = &mut state.expected[i];
        e.used = true;
        match &e.reply {
            Reply::Exit {
                code,
                stdout,
                stderr,
            } => Ok((*code, stdout.clone(), stderr.clone())),
            Reply::Error(make) => Err(make(&self.target, &call)),
        }
    }
}

/// The expectations not met yet, one per line.
fn pending(expected: &[Expectation]) -> String {
    let lines: Vec<String> = expected
        .iter()
        .filter(|e| !e.repeats && !e.used)
        .map(|e| format!("\n    {}", e.matcher.what))
        .collect();
    if lines.is_empty() {
        " nothing".into()
    } else {
        lines.concat()
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let state = self.state();
        let waiting = pending(&state.expected);
        if waiting != " nothing" {
            let ran: Vec<String> = state.calls.iter().map(|c| format!("\n    {c}")).collect();
            panic!(
                "{}: expected commands never ran:{waiting}\n  what ran:{}",
                self.target.name,
                ran.concat()
            );
        }
    }
}

impl Transport for Fake {
    fn target(&self) -> &Target {
        &self.target
    }

    fn exec(&self, cmd: &Cmd, io: ExecIo<'_>) -> Result<Exit, TransportError> {
        // Drained first (outside the lock), as a command that reads its input would.
        let mut stdin = Vec::new();
        if let Some(input) = io.stdin {
            input
                .read_to_end(&mut stdin)
                .map_err(|e| TransportError::io(&self.target.name, "reading stdin", e))?;
        }
        let (code, stdout, stderr) = self.answer(Call {
            argv: cmd.argv().to_vec(),
            stdin,
        })?;
        let write = |w: &mut (dyn Write + Send), bytes: &[u8]| {
            w.write_all(bytes)
                .map_err(|e| TransportError::io(&self.target.name, "writing output", e))
        };
        write(io.stdout, &stdout)?;
        write(io.stderr, &stderr)?;
        Ok(Exit::Code { code })
    }

    /// Recorded as the call `(upload) DEST` with the bytes as its stdin; exit 0 is a good copy.
    fn upload(
        &self,
        src: &mut (dyn Read + Send),
        dest: &str,
        progress: &dyn Progress,
    ) -> Result<CopyReport, TransportError> {
        let mut data = Vec::new();
        src.read_to_end(&mut data)
            .map_err(|e| TransportError::io(&self.target.name, "reading the upload", e))?;
        progress.advance(data.len() as u64);
        let (code, _, stderr) = self.answer(Call {
            argv: vec![UPLOAD.into(), dest.into()],
            stdin: data.clone(),
        })?;
        if code != 0 {
            return Err(TransportError::Other(format!(
                "{}: upload to {dest} failed: {}",
                self.target.name,
                String::from_utf8_lossy(&stderr)
            )));
        }
        Ok(CopyReport {
            bytes: data.len() as u64,
            sha256: format!("{:x}", Sha256::digest(&data)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::{run, run_ok};

    #[test]
    fn answers_by_match_and_records_every_call() {
        let f = Fake::new("h1");
        f.expect(Matcher::argv(["id", "-u", "bob"]), Reply::ok("1000\n"))
            .expect(Matcher::program("ls"), Reply::fails(2, "no such file"));
        let ls = run(&f, &Cmd::new("ls").arg("/x"), Some(b"in"), None).unwrap();
        assert_eq!(ls.exit, Exit::Code { code: 2 });
        assert_eq!(ls.stderr_text(), "no such file");
        let id = run_ok(&f, &Cmd::new("id").args(["-u", "bob"])).unwrap();
        assert_eq!(id.stdout_text(), "1000\n");
        assert_eq!(f.lines(), ["ls /x", "id -u bob"]);
        assert_eq!(f.calls()[0].stdin, b"in");
    }

    #[test]
    #[should_panic(expected = "unexpected command [\"rm\", \"-rf\", \"--\", \"/\"]")]
    fn an_unexpected_command_fails_the_test_with_its_argv() {
        let f = Fake::new("h1");
        let _ = run(&f, &Cmd::new("rm").args(["-rf", "--", "/"]), None, None);
    }

    #[test]
    #[should_panic(expected = "expected commands never ran:\n    [\"true\"]")]
    fn an_expectation_left_unused_fails_the_test() {
        let f = Fake::new("h1");
        f.expect(Matcher::argv(["true"]), Reply::ok(""));
    }

    #[test]
    #[should_panic(expected = "unexpected command [\"b\"]")]
    fn an_ordered_fake_refuses_calls_out_of_order() {
        let f = Fake::ordered("h1");
        f.expect(Matcher::argv(["a"]), Reply::ok(""))
            .expect(Matcher::argv(["b"]), Reply::ok(""));
        let _ = run(&f, &Cmd::new("b"), None, None);
    }

    #[test]
    fn injected_errors_and_allowed_calls() {
        let f = Fake::ordered("h1");
        f.allow(Matcher::script("echo"), Reply::ok("hi"))
            .expect(Matcher::upload("/tmp/f"), Reply::ok(""))
            .expect(
                Matcher::when("cat", "of /etc/*", |c| c.argv[1].starts_with("/etc/")),
                Reply::lost(),
            );
        for _ in 0..2 {
            run_ok(&f, &Cmd::script("sh", "echo hi")).unwrap();
        }
        let report = f
            .upload(
                &mut &b"abc"[..],
                "/tmp/f",
                &crate::transport::copy::NoProgress,
            )
            .unwrap();
        assert_eq!(report.bytes, 3);
        let err = run(&f, &Cmd::new("cat").arg("/etc/passwd"), None, None).unwrap_err();
        assert!(matches!(err, TransportError::Lost { .. }), "{err}");
        assert_eq!(f.calls()[2].stdin, b"abc");
    }
}
