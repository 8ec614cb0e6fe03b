//! One remote command on one SSH channel: stdin, stdout and stderr pumped concurrently in
//! non-blocking mode (a blocking write of stdin while the remote fills stdout would deadlock),
//! a deadline, and the exit status or signal. A command stopped early (deadline, hostops
//! interrupted) is killed with its process group (see `group`), not just abandoned.

use std::io::{ErrorKind, Read, Write};
use std::time::{Duration, Instant};

use ssh2::{Channel, ErrorCode};

use super::group::{self, GroupLine};
use super::{wait, SshTransport};
use crate::transport::{interrupt, Cmd, ExecIo, Exit, TransportError};

/// Receive window and packet size: large enough to stream near OpenSSH speed.
const WINDOW: u32 = 8 * 1024 * 1024;
const PACKET: u32 = 32 * 1024;
const CHUNK: usize = 64 * 1024;
/// How long past the remote `timeout` we wait before giving up on the link itself.
const GRACE: Duration = Duration::from_secs(8);
const EAGAIN: ErrorCode = ErrorCode::Session(-37);
/// How often a quiet command checks for an interruption.
const POLL: Duration = Duration::from_millis(200);
/// How long a signalled command has to end on SIGTERM before it gets SIGKILL.
const STOP_GRACE: Duration = Duration::from_millis(1500);

/// Why the pump stopped.
enum Pumped {
    /// The remote side sent EOF: the command is done.
    Done,
    TimedOut,
    Interrupted,
}

pub(super) fn run(
    t: &SshTransport,
    line: &str,
    cmd: &Cmd,
    io: ExecIo<'_>,
) -> Result<Exit, TransportError> {
    let session = &t.session;
    session.set_blocking(true);
    let mut ch = session
        .channel_open("session", WINDOW, PACKET, None)
        .map_err(|e| t.ssh_err("opening a channel", e))?;
    ch.exec(&group::reporting_group(line))
        .map_err(|e| t.ssh_err(&format!("starting `{cmd}`"), e))?;
    let started = Instant::now();
    session.set_blocking(false);
    let mut stdout = GroupLine::new(io.stdout);
    let pumped = pump(
        t,
        cmd,
        &mut ch,
        io.stdin,
        &mut stdout,
        io.stderr,
        io.timeout.map(|d| started + d + GRACE),
    );
    let pgid = stdout.pgid;
    session.set_blocking(true);
    let timed_out = || TransportError::TimedOut {
        host: t.target.name.clone(),
        command: cmd.display(),
        seconds: io.timeout.unwrap_or_default().as_secs(),
    };
    match pumped {
        Ok(Pumped::Done) => {}
        Ok(Pumped::TimedOut) => {
            stop(t, cmd, &mut ch, pgid);
            return Err(timed_out());
        }
        Ok(Pumped::Interrupted) => {
            stop(t, cmd, &mut ch, pgid);
            return Err(TransportError::Interrupted {
                host: t.target.name.clone(),
                command: cmd.display(),
            });
        }
        Err(e) => {
            stop(t, cmd, &mut ch, pgid);
            return Err(e);
        }
    }
    ch.wait_close()
        .map_err(|e| t.ssh_err(&format!("`{cmd}`"), e))?;
    let exit = match ch.exit_signal().ok().and_then(|s| s.exit_signal) {
        Some(signal) => Exit::Signal { signal },
        None => Exit::Code {
            code: ch
                .exit_status()
                .map_err(|e| t.ssh_err("reading exit status", e))?,
        },
    };
    // The remote `timeout` wrapper exits 124 when it had to kill the command.
    if let Some(limit) = io.timeout {
        if exit == (Exit::Code { code: 124 }) && started.elapsed() >= limit {
            return Err(timed_out());
        }
    }
    Ok(exit)
}

/// Ends the remote command early: SIGTERM to its process group, SIGKILL if it is still there
/// after [`STOP_GRACE`], then closes the channel.
fn stop(t: &SshTransport, cmd: &Cmd, ch: &mut Channel, pgid: Option<u32>) {
    if let Some(pgid) = pgid {
        let deadline = Instant::now() + STOP_GRACE;
        signal(t, pgid, "TERM");
        let mut buf = vec![0u8; CHUNK];
        t.session.set_blocking(false);
        while !ch.eof() && Instant::now() < deadline {
            let mut sink = std::io::sink();
            let moved = drain(t, cmd, ch.stream(0), &mut sink, &mut buf, "stdout").unwrap_or(false)
                | drain(t, cmd, ch.stderr(), &mut sink, &mut buf, "stderr").unwrap_or(false);
            if !moved && !ch.eof() {
                wait::for_socket(&t.session, t.socket, Duration::from_millis(100));
            }
        }
        if !ch.eof() {
            signal(t, pgid, "KILL");
        }
    }
    t.session.set_blocking(true);
    t.session.set_timeout(STOP_GRACE.as_millis() as u32);
    let _ = ch.close();
    t.session.set_timeout(0);
}

/// Sends `name` (TERM, KILL) to the remote process group, waiting at most a moment.
fn signal(t: &SshTransport, pgid: u32, name: &str) {
    t.session.set_blocking(true);
    t.session.set_timeout(STOP_GRACE.as_millis() as u32);
    if let Err(e) = group::kill(&t.session, pgid, name) {
        tracing::warn!(
            "{}: could not stop the command (SIG{name}): {e}",
            t.target.name
        );
    }
    t.session.set_timeout(0);
}

/// Moves bytes until the remote side sends EOF, the deadline passes or hostops is interrupted.
fn pump(
    t: &SshTransport,
    cmd: &Cmd,
    ch: &mut Channel,
    mut stdin: Option<&mut (dyn Read + Send)>,
    stdout: &mut (dyn Write + Send),
    stderr: &mut (dyn Write + Send),
    deadline: Option<Instant>,
) -> Result<Pumped, TransportError> {
    let host = t.target.name.as_str();
    let mut buf = vec![0u8; CHUNK];
    let mut pending: Vec<u8> = Vec::new();
    let mut sent = 0usize;
    let mut eof_sent = false;
    loop {
        if interrupt::requested() {
            return Ok(Pumped::Interrupted);
        }
        let mut progressed = false;

        if let Some(src) = stdin.as_mut() {
            if sent == pending.len() {
                pending.resize(CHUNK, 0);
                let n = src
                    .read(&mut pending)
                    .map_err(|e| TransportError::io(host, "reading local input", e))?;
                pending.truncate(n);
                sent = 0;
                if n == 0 {
                    stdin = None;
                }
            }
            if sent < pending.len() {
                match ch.write(&pending[sent..]) {
                    Ok(n) => {
                        sent += n;
                        progressed = true;
                    }
                    Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                    // The command exited without reading all its input: stop sending it.
                    Err(_) => stdin = None,
                }
            }
        }
        if stdin.is_none() && !eof_sent {
            match ch.send_eof() {
                Err(e) if e.code() == EAGAIN => {}
                _ => eof_sent = true,
            }
        }

        let remote_done = ch.eof();
        progressed |= drain(t, cmd, ch.stream(0), stdout, &mut buf, "stdout")?;
        progressed |= drain(t, cmd, ch.stderr(), stderr, &mut buf, "stderr")?;
        if remote_done {
            return Ok(Pumped::Done);
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            return Ok(Pumped::TimedOut);
        }
        // The drain may itself have read the remote EOF into libssh2's buffers: look again
        // before sleeping on a socket that has nothing more to say.
        if !progressed && !ch.eof() {
            let limit = deadline
                .map(|d| d.saturating_duration_since(Instant::now()))
                .unwrap_or(POLL)
                .min(POLL);
            wait::for_socket(&t.session, t.socket, limit);
        }
    }
}

/// Reads everything available on one stream of `cmd` into `out`. Returns whether anything
/// moved.
fn drain(
    t: &SshTransport,
    cmd: &Cmd,
    mut stream: impl Read,
    out: &mut (dyn Write + Send),
    buf: &mut [u8],
    name: &str,
) -> Result<bool, TransportError> {
    let host = t.target.name.as_str();
    let mut moved = false;
    loop {
        match stream.read(buf) {
            Ok(0) => return Ok(moved),
            Ok(n) => {
                out.write_all(&buf[..n])
                    .map_err(|e| TransportError::io(host, format!("writing {name}"), e))?;
                moved = true;
            }
            Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(moved),
            Err(e) => {
                return Err(t.io_err(&format!("reading remote {name}"), &format!("`{cmd}`"), e))
            }
        }
    }
}
