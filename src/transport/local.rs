//! The host named `local`: this machine, without SSH. Same contract as the ssh transport
//! (argv in, streams out, exit 127 for a missing program), so every op works on it. The
//! command runs in its own process group, so a deadline or an interruption stops all of it.

use std::io;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::{interrupt, Cmd, ExecIo, Exit, Target, Transport, TransportError};

pub const LOCAL: &str = "local";
/// How often a running command checks for an interruption.
const POLL: Duration = Duration::from_millis(100);
/// How long an interrupted command has to end on SIGTERM before it gets SIGKILL.
const STOP_GRACE: Duration = Duration::from_millis(1500);

/// Why a command ended early.
enum Stopped {
    TimedOut,
    Interrupted,
}

pub struct LocalTransport {
    target: Target,
}

impl LocalTransport {
    pub fn new() -> Self {
        LocalTransport {
            target: Target {
                name: LOCAL.into(),
                address: LOCAL.into(),
                user: crate::identity::operator(),
                host_key: None,
            },
        }
    }
}

impl Default for LocalTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl Transport for LocalTransport {
    fn target(&self) -> &Target {
        &self.target
    }

    fn exec(&self, cmd: &Cmd, io: ExecIo<'_>) -> Result<Exit, TransportError> {
        let argv = cmd.argv();
        let mut command = Command::new(&argv[0]);
        command
            .args(&argv[1..])
            .stdin(if io.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let _ = writeln!(io.stderr, "hostops: {}: command not found", argv[0]);
                return Ok(Exit::Code { code: 127 });
            }
            Err(e) => return Err(TransportError::io(LOCAL, format!("cannot run `{cmd}`"), e)),
        };
        let pid = child.id() as libc::pid_t;
        let (mut child_in, mut child_out, mut child_err) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take());
        let ExecIo {
            stdin,
            stdout,
            stderr,
            timeout,
        } = io;

        let (status, stopped) = std::thread::scope(|s| {
            if let (Some(src), Some(mut dst)) = (stdin, child_in.take()) {
                // A child that exits without reading its input is not an error of ours.
                s.spawn(move || {
                    let _ = io::copy(src, &mut dst);
                });
            }
            let out = s.spawn(move || child_out.as_mut().map(|o| io::copy(o, stdout)));
            let err = s.spawn(move || child_err.as_mut().map(|e| io::copy(e, stderr)));
            let (tx, rx) = mpsc::channel();
            s.spawn(move || {
                let _ = tx.send(child.wait());
            });
            let (status, stopped) = wait(&rx, pid, timeout.map(|t| Instant::now() + t));
            let _ = out.join();
            let _ = err.join();
            (status, stopped)
        });
        match stopped {
            Some(Stopped::TimedOut) => {
                return Err(TransportError::TimedOut {
                    host: LOCAL.into(),
                    command: cmd.display(),
                    seconds: timeout.unwrap_or(Duration::ZERO).as_secs(),
                })
            }
            Some(Stopped::Interrupted) => {
                return Err(TransportError::Interrupted {
                    host: LOCAL.into(),
                    command: cmd.display(),
                })
            }
            None => {}
        }
        let status = status.map_err(|e| TransportError::io(LOCAL, "waiting for command", e))?;
        Ok(match (status.code(), status.signal()) {
            (Some(code), _) => Exit::Code { code },
            (None, Some(sig)) => Exit::Signal {
                signal: signal_name(sig),
            },
            (None, None) => Exit::Code { code: -1 },
        })
    }
}

/// Waits for the child `pid` (its exit status arrives on `rx`), killing its process group at
/// `deadline` or, more gently, when hostops is interrupted.
fn wait(
    rx: &mpsc::Receiver<io::Result<std::process::ExitStatus>>,
    pid: libc::pid_t,
    deadline: Option<Instant>,
) -> (io::Result<std::process::ExitStatus>, Option<Stopped>) {
    // SAFETY: kill(2) on the process group we created for this child.
    let kill = |sig| unsafe { libc::kill(-pid, sig) };
    loop {
        if let Ok(status) = rx.recv_timeout(POLL) {
            return (status, None);
        }
        if interrupt::requested() {
            kill(libc::SIGTERM);
            let status = rx.recv_timeout(STOP_GRACE).unwrap_or_else(|_| {
                kill(libc::SIGKILL);
                rx.recv().expect("waiter thread sends once")
            });
            return (status, Some(Stopped::Interrupted));
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            kill(libc::SIGKILL);
            let status = rx.recv().expect("waiter thread sends once");
            return (status, Some(Stopped::TimedOut));
        }
    }
}

/// Signal names as OpenSSH reports them (without the SIG prefix).
fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGHUP => "HUP",
        libc::SIGINT => "INT",
        libc::SIGQUIT => "QUIT",
        libc::SIGABRT => "ABRT",
        libc::SIGKILL => "KILL",
        libc::SIGSEGV => "SEGV",
        libc::SIGPIPE => "PIPE",
        libc::SIGALRM => "ALRM",
        libc::SIGTERM => "TERM",
        _ => return sig.to_string(),
    }
    .to_string()
}
