//! The one error for a command that ran and ended badly (non-zero exit or a signal): the host,
//! the command as shown to people, how it ended and the tails of what it printed.

use super::{Cmd, Exit, Transport};

/// How many of the last lines of each output stream an error keeps.
const TAIL_LINES: usize = 20;
/// How many of the last bytes of each output stream an error keeps.
const TAIL_BYTES: usize = 4 * 1024;

/// A command that ended with a non-zero exit or a signal on a host.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessError {
    /// Inventory name of the host the command ran on.
    pub host: String,
    /// The command's display form, the run's secrets redacted.
    pub command: String,
    pub exit: Exit,
    /// The last lines of stdout (at most 20 lines and 4 KiB).
    pub stdout_tail: String,
    /// The last lines of stderr (at most 20 lines and 4 KiB).
    pub stderr_tail: String,
}

impl ProcessError {
    /// The error for `cmd` ending with `exit` on `t`, keeping the tails of its output.
    pub fn new(
        t: &(impl Transport + ?Sized),
        cmd: &Cmd,
        exit: &Exit,
        stdout: &[u8],
        stderr: &[u8],
    ) -> Self {
        ProcessError {
            host: t.target().name.clone(),
            command: t.shown(cmd),
            exit: exit.clone(),
            stdout_tail: tail(stdout),
            stderr_tail: tail(stderr),
        }
    }
}

impl std::fmt::Display for ProcessError {
    /// `host: `cmd` failed (exit 1): <stderr>`; stdout stands in when stderr is empty, as
    /// some tools (mysql -e, panel APIs) print their errors there.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self.stderr_tail.trim() {
            "" => self.stdout_tail.trim(),
            err => err,
        };
        write!(
            f,
            "{}: `{}` failed ({}): {said}",
            self.host, self.command, self.exit
        )
    }
}

impl std::error::Error for ProcessError {}

/// The end of an output stream as text: its last [`TAIL_LINES`] lines within its last
/// [`TAIL_BYTES`] bytes.
fn tail(bytes: &[u8]) -> String {
    let bytes = &bytes[bytes.len().saturating_sub(TAIL_BYTES)..];
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_end_matches('\n');
    let start = text
        .rmatch_indices('\n')
        .nth(TAIL_LINES - 1)
        .map_or(0, |(i, _)| i + 1);
    text[start..].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_last_twenty_lines() {
        let text: String = (1..=30).map(|i| format!("line {i}\n")).collect();
        let t = tail(text.as_bytes());
        assert_eq!(t.lines().count(), 20);
        assert!(t.starts_with("line 11\n"), "{t}");
        assert!(t.ends_with("line 30"), "{t}");
        assert_eq!(tail(b"one\ntwo\n"), "one\ntwo");
        assert_eq!(tail(b""), "");
    }

    #[test]
    fn tail_keeps_the_last_four_kib_of_a_long_line() {
        let mut text = vec![b'a'; 10_000];
        text.extend_from_slice(b"END");
        let t = tail(&text);
        assert_eq!(t.len(), TAIL_BYTES);
        assert!(t.ends_with("aEND"));
    }

    fn failed(stdout: &str, stderr: &str) -> ProcessError {
        ProcessError {
            host: "h1".into(),
            command: "mysql -e 'SELECT 1'".into(),
            exit: Exit::Code { code: 1 },
            stdout_tail: stdout.into(),
            stderr_tail: stderr.into(),
        }
    }

    #[test]
    fn the_message_names_host_command_exit_and_stderr() {
        assert_eq!(
            failed("rows\n", "ERROR 1045: Access denied\n").to_string(),
            "h1: `mysql -e 'SELECT 1'` failed (exit 1): ERROR 1045: Access denied"
        );
    }

    #[test]
    fn the_message_shows_stdout_when_stderr_is_empty() {
        assert_eq!(
            failed("{\"result\":0,\"reason\":\"no such user\"}\n", "").to_string(),
            "h1: `mysql -e 'SELECT 1'` failed (exit 1): {\"result\":0,\"reason\":\"no such user\"}"
        );
    }
}
