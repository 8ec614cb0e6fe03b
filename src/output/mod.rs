//! Output discipline: data on stdout (a table or one JSON document), everything else
//! (status, warnings, errors, progress, prompts) on stderr; readable without colour, NO_COLOR
//! honoured, progress bars only on a terminal.

pub mod escape;
pub mod progress;
pub mod prompt;
pub mod table;

use std::fmt::Display;
use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use anyhow::Result;
use console::style;
use serde::Serialize;

pub use progress::Task;
pub use table::Table;

use progress::Reporter;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

type Sink = Mutex<Box<dyn Write + Send>>;

pub struct Printer {
    format: Format,
    quiet: bool,
    stdout: Sink,
    stderr: Sink,
    stdout_is_terminal: bool,
    stderr_is_terminal: bool,
    progress: Reporter,
}

impl Printer {
    /// A printer on the process's stdout and stderr.
    pub fn terminal(format: Format, quiet: bool) -> Printer {
        Printer {
            format,
            quiet,
            stdout: Mutex::new(Box::new(io::stdout())),
            stderr: Mutex::new(Box::new(io::stderr())),
            stdout_is_terminal: io::stdout().is_terminal(),
            stderr_is_terminal: io::stderr().is_terminal(),
            progress: if io::stderr().is_terminal() && !quiet && format == Format::Human {
                Reporter::stderr()
            } else {
                Reporter::hidden()
            },
        }
    }

    /// A printer on any writers (tests, or capturing output).
    pub fn to_writers(
        format: Format,
        stdout: Box<dyn Write + Send>,
        stderr: Box<dyn Write + Send>,
    ) -> Printer {
        Printer {
            format,
            quiet: false,
            stdout: Mutex::new(stdout),
            stderr: Mutex::new(stderr),
            stdout_is_terminal: false,
            stderr_is_terminal: false,
            progress: Reporter::hidden(),
        }
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn is_json(&self) -> bool {
        self.format == Format::Json
    }

    /// Whether stdout (or stderr) is a terminal, where server output is shown escaped.
    pub fn is_terminal(&self, stderr: bool) -> bool {
        if stderr {
            self.stderr_is_terminal
        } else {
            self.stdout_is_terminal
        }
    }

    fn out(&self) -> std::sync::MutexGuard<'_, Box<dyn Write + Send>> {
        self.stdout.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn err(&self) -> std::sync::MutexGuard<'_, Box<dyn Write + Send>> {
        self.stderr.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Writes `f` to stdout or stderr with the progress lines cleared meanwhile.
    fn write(&self, stderr: bool, f: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
        self.progress.suspend(|| {
            let mut sink = if stderr { self.err() } else { self.out() };
            let _ = f(&mut **sink);
            let _ = sink.flush();
        });
    }

    /// Writes one JSON document to stdout, in one write (stdout is line-buffered: a large
    /// document written line by line costs a system call per line).
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut doc = serde_json::to_vec_pretty(value)?;
        doc.push(b'\n');
        let mut out = self.out();
        out.write_all(&doc)?;
        out.flush()?;
        Ok(())
    }

    /// Writes human data to stdout (ignored in JSON mode: JSON callers print a document),
    /// control characters from servers escaped.
    pub fn data(&self, text: impl Display) {
        if !self.is_json() {
            let text = escape::keeping_colour(&text.to_string()).into_owned();
            self.write(false, |w| writeln!(w, "{text}"));
        }
    }

    /// Writes raw bytes to stdout (a streamed command's output).
    pub fn raw(&self, bytes: &[u8]) {
        self.write(false, |w| w.write_all(bytes));
    }

    /// Writes raw bytes to stderr.
    pub fn raw_err(&self, bytes: &[u8]) {
        self.write(true, |w| w.write_all(bytes));
    }

    pub fn table(&self, table: &Table) {
        self.data(table.render());
    }

    /// A status line on stderr (silenced by -q).
    pub fn status(&self, text: impl Display) {
        if !self.quiet {
            let text = escaped(text);
            self.write(true, |w| writeln!(w, "{text}"));
        }
    }

    /// A warning on stderr (silenced by -q).
    pub fn warn(&self, text: impl Display) {
        if !self.quiet {
            let text = escaped(text);
            self.write(true, |w| {
                writeln!(w, "{} {text}", style("warning:").yellow().bold())
            });
        }
    }

    /// The final error line, with each cause on its own line.
    pub fn error(&self, err: &anyhow::Error) {
        self.write(true, |e| {
            writeln!(e, "{} {}", style("error:").red().bold(), escaped(err))?;
            for cause in err.chain().skip(1) {
                writeln!(e, "  {} {}", style("caused by:").dim(), escaped(cause))?;
            }
            Ok(())
        });
    }

    /// A long step starting: a spinner with `label` and the time spent at a terminal (bytes,
    /// rate and ETA once bytes flow), else the status line `label ...` (silenced by -q).
    pub fn step(&self, label: &str) -> Task {
        if !self.progress.is_shown() {
            self.status(format!("{label} ..."));
        }
        self.progress.task(label)
    }

    /// A long step that only a terminal shows (as [`Printer::step`]); nothing otherwise.
    pub fn task(&self, label: &str) -> Task {
        self.progress.task(label)
    }

    /// `total` things to count (hosts checked), shown only at a terminal.
    pub fn count(&self, total: u64, label: &str) -> Task {
        self.progress.count(total, label)
    }
}

/// A message for people, with server-supplied control characters escaped.
fn escaped(text: impl Display) -> String {
    escape::keeping_colour(&text.to_string()).into_owned()
}

/// A verdict word, coloured when colour is on.
pub fn verdict(ok: bool, text: &str) -> String {
    if ok {
        style(text).green().to_string()
    } else {
        style(text).red().bold().to_string()
    }
}

/// Bytes for people: `1.5 GiB`.
pub fn human_bytes(bytes: u64) -> String {
    indicatif::BinaryBytes(bytes).to_string()
}

/// Milliseconds for people: `850ms`, `12.3s`, `4m 05s`, `2h 03m`.
pub fn human_duration(ms: u64) -> String {
    match ms {
        0..=999 => format!("{ms}ms"),
        1000..=59_999 => format!("{:.1}s", ms as f64 / 1000.0),
        60_000..=3_599_999 => format!("{}m {:02}s", ms / 60_000, (ms / 1000) % 60),
        _ => format!("{}h {:02}m", ms / 3_600_000, (ms / 60_000) % 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(850), "850ms");
        assert_eq!(human_duration(12_340), "12.3s");
        assert_eq!(human_duration(245_000), "4m 05s");
        assert_eq!(human_duration(7_380_000), "2h 03m");
    }
}
