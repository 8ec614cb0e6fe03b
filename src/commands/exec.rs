//! `hostops exec`: plan, confirm, run everywhere, stream output (prefixed by host when there
//! are several), summarise.

use std::collections::HashMap;
use std::ffi::OsString;
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::Parser;
use serde_json::json;

use super::status;
use crate::cli::{Cli, ExecArgs};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::exec::{self, ExecOptions, ExecSink, HostRun, StdinSource, Stream};
use crate::output::{escape, human_duration, verdict, Printer};
use crate::transport::Cmd;

pub fn run(ctx: &Context, args: ExecArgs) -> Result<ExitStatus> {
    let hosts = ctx.hosts(&args.hosts)?;
    let cmd = Cmd::from_argv(args.command)
        .ok_or_else(|| StatusError::usage("no command given after `--`"))?;
    if let Err(e) = cmd.to_shell_line() {
        bail!(StatusError::usage(e.to_string()));
    }
    let stdin = match args.stdin {
        None => None,
        Some(p) if p.as_os_str() == "-" => {
            if hosts.len() > 1 {
                bail!(StatusError::usage("--stdin - reads hostops' own input, which only one host can consume: use --stdin FILE"));
            }
            Some(StdinSource::Inherit)
        }
        Some(p) if !p.is_file() => bail!(StatusError::usage(format!(
            "--stdin: `{}` is not a readable file",
            p.display()
        ))),
        Some(p) => Some(StdinSource::File(p)),
    };
    let names: Vec<&str> = hosts.iter().map(|h| h.name.as_str()).collect();
    let plan = format!(
        "run `{cmd}` on {} host(s): {}",
        hosts.len(),
        names.join(", ")
    );
    if ctx.dry_run() {
        ctx.note(format!("dry run: would {plan}"))?;
        if ctx.printer.is_json() {
            ctx.printer
                .json(&json!({ "dry_run": true, "command": cmd.argv(), "hosts": names }))?;
        } else {
            ctx.printer.data(format!("would {plan}"));
        }
        return Ok(ExitStatus::Success);
    }
    ctx.confirm_change(&plan)?;
    let opts = ExecOptions {
        hosts,
        cmd,
        forks: args.forks,
        timeout: args.timeout.map(Duration::from_secs),
        stdin,
        capture: ctx.printer.is_json(),
    };
    let sink = TerminalSink::new(&ctx.printer, opts.hosts.len() > 1);
    let results = exec::run(ctx, &opts, &sink);
    sink.finish();
    let status = results
        .iter()
        .fold(ExitStatus::Success, |s, r| s.worst(host_status(r)));
    if ctx.printer.is_json() {
        ctx.printer.json(
            &json!({ "command": opts.cmd.argv(), "hosts": results, "summary": summary(&results) }),
        )?;
    } else {
        report(&ctx.printer, &results);
    }
    Ok(status)
}

/// The exit status of one host's run: its transport error's, or whether the command succeeded.
fn host_status(r: &HostRun) -> ExitStatus {
    match (&r.error, &r.exit) {
        (Some(e), _) => status::of_transport(e),
        (None, Some(exit)) if exit.success() => ExitStatus::Success,
        (None, _) => ExitStatus::Failure,
    }
}

/// For `hostops exec lab uptime` (no `--`): the same command line with `--` where it parses,
/// `hostops exec lab -- uptime`, or None when that is not the problem.
pub fn missing_separator_hint(argv: &[OsString]) -> Option<String> {
    let args: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if args.iter().any(|a| a == "--") {
        return None;
    }
    let exec = args.iter().position(|a| a == "exec")?;
    (exec + 2..args.len()).find_map(|at| {
        let mut fixed = args.clone();
        fixed.insert(at, "--".into());
        Cli::try_parse_from(&fixed).ok()?;
        let line = Cmd::from_argv(fixed.into_iter().skip(1))?;
        Some(format!("hostops {line}"))
    })
}

fn summary(results: &[HostRun]) -> serde_json::Value {
    let count = |o: &str| results.iter().filter(|r| r.outcome == o).count();
    json!({ "ok": count("ok"), "failed": count("failed"), "unreachable": count("unreachable") })
}

/// Status goes to stderr: stdout carries only the hosts' own output.
fn report(p: &Printer, results: &[HostRun]) {
    let multi = results.len() > 1;
    for r in results {
        let outcome = match (&r.error, &r.exit) {
            (Some(e), _) => e.to_string(),
            (None, Some(exit)) => exit.to_string(),
            (None, None) => "no result".into(),
        };
        let line = format!(
            "{}: {}: {} ({})",
            r.host,
            verdict(r.outcome == "ok", r.outcome),
            outcome,
            human_duration(r.duration_ms)
        );
        if r.outcome != "ok" {
            p.warn(line);
        } else if multi {
            p.status(line);
        }
    }
    if multi {
        let s = summary(results);
        p.status(format!(
            "{} hosts: {} ok, {} failed, {} unreachable",
            results.len(),
            s["ok"],
            s["failed"],
            s["unreachable"]
        ));
    }
}

/// Longest piece of a line held back waiting for its end: a longer line is printed in pieces
/// of about this size, each on its own prefixed line, so memory stays bounded per host.
const LINE_PIECE: usize = 64 * 1024;

/// Live output: for one host as it comes; for several, line by line prefixed `host | `. On a
/// terminal (human mode) control characters are shown escaped; piped output of one host
/// stays byte-exact.
pub(crate) struct TerminalSink<'a> {
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
    pub(crate) fn new(printer: &'a Printer, prefixed: bool) -> Self {
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
    pub(crate) fn finish(&self) {
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
