//! `hostops exec`: plan, confirm, run everywhere, stream output (prefixed by host when there
//! are several), summarise.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{bail, Result};
use serde_json::json;

use crate::cli::ExecArgs;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::exec::{self, ExecOptions, ExecSink, HostRun, StdinSource, Stream};
use crate::output::{human_duration, verdict, Printer};
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
        .fold(ExitStatus::Success, |s, r| s.worst(r.status));
    if ctx.printer.is_json() {
        ctx.printer.json(
            &json!({ "command": opts.cmd.argv(), "hosts": results, "summary": summary(&results) }),
        )?;
    } else {
        report(&ctx.printer, &results);
    }
    Ok(status)
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
            (Some(e), _) => e.clone(),
            (None, Some(exit)) => exit.to_string(),
            (None, None) => "no result".into(),
        };
        let line = format!(
            "{}: {} {} ({})",
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

/// Live output: raw for one host; for several, whole lines prefixed `host | `.
pub(crate) struct TerminalSink<'a> {
    printer: &'a Printer,
    prefixed: bool,
    partial: Mutex<HashMap<(String, bool), Vec<u8>>>,
}

impl<'a> TerminalSink<'a> {
    pub(crate) fn new(printer: &'a Printer, prefixed: bool) -> Self {
        TerminalSink {
            printer,
            prefixed,
            partial: Mutex::new(HashMap::new()),
        }
    }

    fn emit(&self, host: &str, stderr: bool, line: &[u8]) {
        let mut out = format!("{host} | ").into_bytes();
        out.extend_from_slice(line);
        if !line.ends_with(b"\n") {
            out.push(b'\n');
        }
        if stderr {
            self.printer.raw_err(&out);
        } else {
            self.printer.raw(&out);
        }
    }

    /// Prints what is left of unfinished lines.
    pub(crate) fn finish(&self) {
        let rest = std::mem::take(&mut *self.partial.lock().unwrap_or_else(|p| p.into_inner()));
        for ((host, stderr), bytes) in rest {
            if !bytes.is_empty() {
                self.emit(&host, stderr, &bytes);
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
        if !self.prefixed {
            if stderr {
                self.printer.raw_err(bytes);
            } else {
                self.printer.raw(bytes);
            }
            return;
        }
        let mut partial = self.partial.lock().unwrap_or_else(|p| p.into_inner());
        let buf = partial.entry((host.to_string(), stderr)).or_default();
        buf.extend_from_slice(bytes);
        while let Some(nl) = buf.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = buf.drain(..=nl).collect();
            self.emit(host, stderr, &line);
        }
    }
}
