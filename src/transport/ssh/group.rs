//! Stopping a remote command early (deadline, hostops interrupted). Closing its channel does
//! not end a command that is not writing, and OpenSSH's "signal" channel request cannot be
//! sent through libssh2 once the command runs. So the remote shell first prints its PID, which
//! sshd made the leader of a new session and process group for this command, then becomes the
//! command; stopping it is `kill -- -PGID` on a second channel of the same session.

use std::io::{self, Write};

use ssh2::Session;

use crate::transport::Cmd;

/// The remote shell line for `line`: prints the process group, then runs `line` in its place.
pub(super) fn reporting_group(line: &str) -> String {
    format!("echo $$; exec {line}")
}

/// The command's stdout, after the first line (the process group) is taken off it.
pub(super) struct GroupLine<'a> {
    inner: &'a mut (dyn Write + Send),
    head: Vec<u8>,
    done: bool,
    pub(super) pgid: Option<u32>,
}

impl<'a> GroupLine<'a> {
    pub(super) fn new(inner: &'a mut (dyn Write + Send)) -> Self {
        GroupLine {
            inner,
            head: Vec::new(),
            done: false,
            pgid: None,
        }
    }
}

impl Write for GroupLine<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.done {
            return self.inner.write(buf);
        }
        let Some(nl) = buf.iter().position(|&b| b == b'\n') else {
            self.head.extend_from_slice(buf);
            // A PID is a few digits: a longer line is not the one we printed; pass it on.
            if self.head.len() > 20 {
                self.done = true;
                self.inner.write_all(&std::mem::take(&mut self.head))?;
            }
            return Ok(buf.len());
        };
        self.head.extend_from_slice(&buf[..nl]);
        self.done = true;
        self.pgid = std::str::from_utf8(&self.head)
            .ok()
            .and_then(|s| s.parse().ok())
            .filter(|&p| p > 1);
        if self.pgid.is_none() {
            self.inner.write_all(&self.head)?;
            self.inner.write_all(b"\n")?;
        }
        self.inner.write_all(&buf[nl + 1..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Sends `signal` (TERM, KILL) to the process group `pgid` from a second channel. The session
/// must be in blocking mode. Returns why it could not, if it could not.
pub(super) fn kill(session: &Session, pgid: u32, signal: &str) -> Result<(), String> {
    let line = Cmd::new("kill")
        .args([format!("-{signal}"), "--".into(), format!("-{pgid}")])
        .to_shell_line()
        .map_err(|e| e.to_string())?;
    let mut ch = session.channel_session().map_err(|e| e.to_string())?;
    ch.exec(&line).map_err(|e| e.to_string())?;
    let _ = io::copy(&mut ch.stderr(), &mut io::sink());
    ch.wait_close().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_is_the_group_and_the_rest_passes_through() {
        let mut out = Vec::new();
        let mut w = GroupLine::new(&mut out);
        w.write_all(b"12").unwrap();
        w.write_all(b"34\nhello\n").unwrap();
        w.write_all(b"world").unwrap();
        assert_eq!(w.pgid, Some(1234));
        assert_eq!(out, b"hello\nworld");
    }

    #[test]
    fn a_first_line_that_is_no_pid_is_output() {
        let mut out = Vec::new();
        let mut w = GroupLine::new(&mut out);
        w.write_all(b"welcome\nx").unwrap();
        assert_eq!(w.pgid, None);
        assert_eq!(out, b"welcome\nx");
    }
}
