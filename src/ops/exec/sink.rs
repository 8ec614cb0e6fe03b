//! `hostops exec`'s live output: for one host as it comes; for several, line by line prefixed
//! `host | `, long lines in bounded pieces; server output escaped on a terminal.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{ExecSink, Stream};
use crate::output::{escape, Printer};

/// Longest piece of a line held back waiting for its end: a longer line is printed in pieces
/// of about this size, each on its own prefixed line, so memory stays bounded per host.
const LINE_PIECE: usize = 64 * 1024;

/// Live output: for one host as it comes; for several, line by line prefixed `host | `. On a
/// terminal (human mode) control characters are shown escaped; piped output of one host
/// stays byte-exact.
pub struct TerminalSink<'a> {
    printer: &'a Printer,
    prefixed: bool,
    streams: Mutex<HashMap<(String, bool), Partial>>,
}

/// One host's stream: the unfinished line (at most [`LINE_PIECE`] and one chunk) and the
/// escaper's state.
#[derive(Default)]
struct Partial {
    line: Vec<u8>,
    escaper: escape::Bytes,
}

impl<'a> TerminalSink<'a> {
    pub fn new(printer: &'a Printer, prefixed: bool) -> Self {
        TerminalSink {
            printer,
            prefixed,
            streams: Mutex::new(HashMap::new()),
        }
    }

    fn write(&self, stderr: bool, bytes: &[u8]) {
        if stderr {
            self.printer.raw_err(bytes);
        } else {
            self.printer.raw(bytes);
        }
    }

    /// Prints `prefix` + `line` (+ a newline if it has none) in one write.
    fn emit(&self, host: &str, stderr: bool, line: &[u8]) {
        let mut out = Vec::with_capacity(host.len() + 3 + line.len() + 1);
        out.extend_from_slice(host.as_bytes());
        out.extend_from_slice(b" | ");
        out.extend_from_slice(line);
        if !line.ends_with(b"\n") {
            out.push(b'\n');
        }
        self.write(stderr, &out);
    }

    /// Server output is escaped on a terminal, and kept byte-exact for files and pipes.
    fn escapes(&self, stderr: bool) -> bool {
        self.printer.is_terminal(stderr)
    }

    /// Prints what is left of unfinished lines.
    pub fn finish(&self) {
        let rest = std::mem::take(&mut *self.streams.lock().unwrap_or_else(|p| p.into_inner()));
        for ((host, stderr), mut partial) in rest {
            let mut tail = std::mem::take(&mut partial.line);
            if self.escapes(stderr) {
                partial.escaper.finish(&mut tail);
            }
            if tail.is_empty() {
                continue;
            }
            if self.prefixed {
                self.emit(&host, stderr, &tail);
            } else {
                self.write(stderr, &tail);
            }
        }
    }
}

impl ExecSink for TerminalSink<'_> {
    fn output(&self, host: &str, stream: Stream, bytes: &[u8]) {
        if self.printer.is_json() {
            return;
        }
        let stderr = stream == Stream::Stderr;
        let escape = self.escapes(stderr);
        if !self.prefixed && !escape {
            self.write(stderr, bytes);
            return;
        }
        let mut streams = self.streams.lock().unwrap_or_else(|p| p.into_inner());
        let partial = streams.entry((host.to_string(), stderr)).or_default();
        let mut escaped = Vec::new();
        let bytes = if escape {
            partial.escaper.feed(bytes, &mut escaped);
            &escaped[..]
        } else {
            bytes
        };
        if !self.prefixed {
            self.write(stderr, bytes);
            return;
        }
        // Only the new bytes are searched for line ends: linear in the output's size.
        let mut rest = bytes;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let (line, after) = rest.split_at(nl + 1);
            if partial.line.is_empty() {
                self.emit(host, stderr, line);
            } else {
                partial.line.extend_from_slice(line);
                self.emit(host, stderr, &partial.line);
                partial.line.clear();
            }
            rest = after;
        }
        partial.line.extend_from_slice(rest);
        if partial.line.len() >= LINE_PIECE {
            self.emit(host, stderr, &partial.line);
            partial.line.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Format;
    use std::sync::Arc;

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Two hosts each print one 4 MiB line, interleaved in 32 KiB chunks: it arrives intact
    /// and in pieces no longer than the bound (nothing holds a whole line in memory).
    #[test]
    fn long_lines_stream_in_bounded_pieces() {
        let out = Shared::default();
        let printer = Printer::to_writers(
            Format::Human,
            Box::new(out.clone()),
            Box::new(Shared::default()),
        );
        let sink = TerminalSink::new(&printer, true);
        let line: Vec<u8> = (0..4 << 20).map(|i| b'a' + (i % 26) as u8).collect();
        for chunk in line.chunks(32 * 1024) {
            sink.output("h1", Stream::Stdout, chunk);
            sink.output("h2", Stream::Stdout, chunk);
        }
        sink.output("h1", Stream::Stdout, b"\nend\n");
        sink.output("h2", Stream::Stdout, b"\n");
        sink.finish();
        let text = out.0.lock().unwrap().clone();
        for host in ["h1", "h2"] {
            let prefix = format!("{host} | ");
            let mut got = Vec::new();
            for l in text
                .split(|&b| b == b'\n')
                .filter(|l| l.starts_with(prefix.as_bytes()))
            {
                assert!(l.len() <= 2 * LINE_PIECE, "a {} byte line", l.len());
                got.extend_from_slice(&l[prefix.len()..]);
            }
            let want = if host == "h1" {
                [&line[..], b"end"].concat()
            } else {
                line.clone()
            };
            assert!(got == want, "{host}'s output was not passed on intact");
        }
    }
}
