//! The only way hostops touches a host: run a command given as argv, or stream a file.
//! Implementations: `local` (this machine) and `ssh` (ssh2); `journaled` wraps either so that
//! every command and copy is recorded against the ticket.

pub mod cmd;
pub mod copy;
pub mod dest;
#[cfg(test)]
pub mod fake;
pub mod interrupt;
pub mod journaled;
pub mod local;
pub mod process;
pub mod pump;
pub mod ssh;

use std::io::{Read, Write};
use std::time::Duration;

use serde::Serialize;

pub use cmd::Cmd;
pub use copy::{CopyReport, Progress};
pub use process::ProcessError;

/// Who and where a transport reaches, for the journal and for messages.
#[derive(Clone, Debug, Serialize)]
pub struct Target {
    /// Inventory name (`h1`, `web01`, `local`).
    pub name: String,
    /// Address and port actually connected to (`127.0.0.1:22`), or `local`.
    pub address: String,
    /// Remote user the commands run as.
    pub user: String,
    /// SHA256 fingerprint of the host key that was verified (None for `local`).
    pub host_key: Option<String>,
}

/// Where a command's input comes from and its output goes, as it streams.
pub struct ExecIo<'a> {
    pub stdin: Option<&'a mut (dyn Read + Send)>,
    pub stdout: &'a mut (dyn Write + Send),
    pub stderr: &'a mut (dyn Write + Send),
    /// Kill the command (and report `TimedOut`) after this long.
    pub timeout: Option<Duration>,
}

/// How a remote command ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "ended", rename_all = "snake_case")]
pub enum Exit {
    Code { code: i32 },
    Signal { signal: String },
}

impl Exit {
    pub fn success(&self) -> bool {
        matches!(self, Exit::Code { code: 0 })
    }
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code { code } => write!(f, "exit {code}"),
            Exit::Signal { signal } => write!(f, "killed by SIG{signal}"),
        }
    }
}

/// A captured command result, for callers that want the output in memory.
#[derive(Clone, Debug)]
pub struct Output {
    pub exit: Exit,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Output {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Why a transport could not do what was asked. Host-key and auth problems are typed so that
/// they carry the facts the engineer needs, and the top of hostops picks the exit code from the
/// variant (`commands::status`).
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("cannot connect to {host} ({address}): {reason}")]
    Connect {
        host: String,
        address: String,
        reason: String,
    },
    #[error(
        "host key of {host} ({address}) is not known ({fingerprint}); it is not in `{known_hosts}`.\n\
         Check the fingerprint with the server's owner, then re-run with --accept-new-host-key \
         (or answer the prompt on a terminal)"
    )]
    HostKeyUnknown {
        host: String,
        address: String,
        fingerprint: String,
        known_hosts: String,
    },
    #[error("{0}")]
    HostKeyChanged(Box<ChangedHostKey>),
    #[error(
        "REVOKED HOST KEY for {host} ({address}): the server presented {fingerprint}, which \
         `{known_hosts}` marks @revoked.\nA stolen key may be in use to impersonate this host. \
         hostops never accepts a revoked key: reach the server's owner"
    )]
    HostKeyRevoked {
        host: String,
        address: String,
        fingerprint: String,
        known_hosts: String,
    },
    #[error("authentication failed for {user}@{host} ({address}): {tried}")]
    Auth {
        host: String,
        address: String,
        user: String,
        tried: String,
    },
    #[error("`{command}` on {host} timed out after {seconds}s and was killed")]
    TimedOut {
        host: String,
        command: String,
        seconds: u64,
    },
    #[error("`{command}` on {host} was stopped: hostops was interrupted")]
    Interrupted { host: String, command: String },
    #[error("{host}: {context}: {source}")]
    Io {
        host: String,
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{host}: {context}: {message}")]
    Ssh {
        host: String,
        context: String,
        message: String,
    },
    /// Refused by a check on the host (a copy onto a special file, say): exit 4.
    #[error("{0}")]
    Refused(String),
    /// The link to a host went down while a command ran on it (the server rebooted, sshd or
    /// the session was killed, the network dropped): the command's outcome is unknown.
    #[error("lost the connection to {host} ({address}) during {during}: {reason}")]
    Lost {
        host: String,
        address: String,
        during: String,
        reason: String,
    },
    /// A command ran and ended with a non-zero exit or a signal.
    #[error("{0}")]
    Process(Box<ProcessError>),
    #[error("{0}")]
    Other(String),
}

/// Whether `err` comes from a host that could not be reached (or whose link dropped).
pub fn unreachable_cause(err: &anyhow::Error) -> bool {
    err.chain()
        .find_map(|c| c.downcast_ref::<TransportError>())
        .is_some_and(TransportError::unreachable)
}

impl TransportError {
    /// The host could not be reached, trusted or logged into, or the link to it dropped: the
    /// command's outcome is unknown, not failed.
    pub fn unreachable(&self) -> bool {
        matches!(
            self,
            TransportError::Connect { .. }
                | TransportError::HostKeyUnknown { .. }
                | TransportError::HostKeyChanged(_)
                | TransportError::HostKeyRevoked { .. }
                | TransportError::Auth { .. }
                | TransportError::Lost { .. }
        )
    }

    pub fn io(host: &str, context: impl Into<String>, source: std::io::Error) -> Self {
        TransportError::Io {
            host: host.to_string(),
            context: context.into(),
            source,
        }
    }
}

impl From<ProcessError> for TransportError {
    fn from(e: ProcessError) -> Self {
        TransportError::Process(Box::new(e))
    }
}

/// A host whose key differs from the one on record: always refused, with both fingerprints.
#[derive(Debug, thiserror::Error)]
#[error(
    "HOST KEY CHANGED for {host} ({address}): the server presented {presented} but `{known_hosts}` \
     records {recorded}.\nSomeone could be intercepting the connection, or the server was \
     reinstalled. hostops never accepts a changed key: verify it, then remove the old line \
     (ssh-keygen -R {lookup} -f {known_hosts})"
)]
pub struct ChangedHostKey {
    pub host: String,
    pub address: String,
    pub lookup: String,
    pub presented: String,
    pub recorded: String,
    pub known_hosts: String,
}

/// A host that commands can run on and files can be streamed to and from.
pub trait Transport: Send + Sync {
    fn target(&self) -> &Target;

    /// `cmd` as messages show it; the journaled transport redacts the run's secrets.
    fn shown(&self, cmd: &Cmd) -> String {
        cmd.display()
    }

    /// Runs `cmd`, streaming stdin/stdout/stderr through `io`, and reports how it ended.
    fn exec(&self, cmd: &Cmd, io: ExecIo<'_>) -> Result<Exit, TransportError>;

    /// Streams `src` into the remote file `dest` atomically, verifying SHA-256 on both sides.
    fn upload(
        &self,
        src: &mut (dyn Read + Send),
        dest: &str,
        progress: &dyn Progress,
    ) -> Result<CopyReport, TransportError> {
        copy::upload(self, src, dest, progress)
    }

    /// Streams the remote file `src` into `dest`, verifying SHA-256 against the remote file.
    fn download(
        &self,
        src: &str,
        dest: &mut (dyn Write + Send),
        progress: &dyn Progress,
    ) -> Result<CopyReport, TransportError> {
        copy::download(self, src, dest, progress)
    }
}

/// Runs `cmd` with optional stdin bytes and captures its output in memory.
pub fn run(
    t: &(impl Transport + ?Sized),
    cmd: &Cmd,
    stdin: Option<&[u8]>,
    timeout: Option<Duration>,
) -> Result<Output, TransportError> {
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let mut input = stdin.map(std::io::Cursor::new);
    let exit = t.exec(
        cmd,
        ExecIo {
            stdin: input.as_mut().map(|c| c as &mut (dyn Read + Send)),
            stdout: &mut stdout,
            stderr: &mut stderr,
            timeout,
        },
    )?;
    Ok(Output {
        exit,
        stdout,
        stderr,
    })
}

/// Like [`run`], but a non-zero exit is a [`ProcessError`] that carries the command, host and
/// the tails of its output.
pub fn run_ok(t: &(impl Transport + ?Sized), cmd: &Cmd) -> Result<Output, TransportError> {
    let out = run(t, cmd, None, None)?;
    if out.exit.success() {
        Ok(out)
    } else {
        Err(ProcessError::new(t, cmd, &out.exit, &out.stdout, &out.stderr).into())
    }
}
