//! `hostops playbook list|show|lint|run`: resolve the playbook, check the operator's level,
//! confirm, run, and render progress, the check-mode plan and the per-host summary.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use anyhow::Result;
use serde_json::json;

use super::exec::TerminalSink;
use crate::cli::{PlaybookArgs, PlaybookCommand, PlaybookRunArgs as RunArgs};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::exec::{ExecSink, Stream};
use crate::ops::playbook::{
    self, fleet, is_identifier, parse, vars, HostReport, Library, Observer, Outcome, RunOptions,
    StepReport, StepStatus,
};
use crate::output::{human_duration, verdict, Printer, Table};

pub fn run(ctx: &Context, args: PlaybookArgs) -> Result<ExitStatus> {
    let library = Library::new(args.playbooks.or_else(|| ctx.config.playbooks.clone()));
    match args.command {
        PlaybookCommand::List => list(ctx, &library),
        PlaybookCommand::Show { name } => show(ctx, &library, &name),
        PlaybookCommand::Lint { files } => lint(ctx, &files),
        PlaybookCommand::Run(run) => run_playbook(ctx, &library, run),
    }
}

fn list(ctx: &Context, library: &Library) -> Result<ExitStatus> {
    let mut rows = Vec::new();
    for source in library.list()? {
        let p = source.parse()?;
        rows.push((source, p));
    }
    if ctx.printer.is_json() {
        let list: Vec<_> = rows
            .iter()
            .map(|(s, p)| {
                json!({ "name": p.name, "level": p.level.0, "description": p.description,
                        "applies_to": p.applies_to, "origin": s.origin })
            })
            .collect();
        ctx.printer.json(&json!({ "playbooks": list }))?;
        return Ok(ExitStatus::Success);
    }
    let mut t = Table::new(["NAME", "LEVEL", "DESCRIPTION", "FROM"]);
    for (s, p) in &rows {
        t.row([
            p.name.clone(),
            p.level.to_string(),
            p.description.lines().next().unwrap_or("").to_string(),
            s.origin.clone(),
        ]);
    }
    ctx.printer.table(&t);
    Ok(ExitStatus::Success)
}

fn show(ctx: &Context, library: &Library, name: &str) -> Result<ExitStatus> {
    let source = library.find(name)?;
    if ctx.printer.is_json() {
        ctx.printer
            .json(&json!({ "name": source.name, "origin": source.origin, "yaml": source.text }))?;
    } else {
        ctx.printer.data(source.text.trim_end());
    }
    Ok(ExitStatus::Success)
}

fn lint(ctx: &Context, files: &[PathBuf]) -> Result<ExitStatus> {
    let mut results = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let result = std::fs::read_to_string(file)
            .map_err(|e| format!("{name}: cannot read: {e}"))
            .and_then(|text| parse(&name, &text).map_err(|e| e.to_string()));
        match &result {
            Ok(p) => {
                ctx.printer
                    .status(format!("{name}: ok ({}, {} steps)", p.name, p.steps.len()))
            }
            Err(e) => ctx
                .printer
                .status(format!("{} {e}", verdict(false, "error:"))),
        }
        results.push(json!({ "file": name, "ok": result.is_ok(), "error": result.err() }));
    }
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({ "files": results }))?;
    }
    Ok(if results.iter().all(|r| r["ok"] == true) {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The operator's level: HOSTOPS_LEVEL, else `level` in the config.
fn operator_level(ctx: &Context) -> Result<Option<u8>> {
    match std::env::var("HOSTOPS_LEVEL") {
        Ok(v) if !v.trim().is_empty() => v
            .trim()
            .trim_start_matches(['L', 'l'])
            .parse()
            .map(Some)
            .map_err(|_| {
                StatusError::usage(format!(
                    "HOSTOPS_LEVEL=`{v}` is not a support level: use 2 or 3"
                ))
                .into()
            }),
        _ => Ok(ctx.config.level),
    }
}

fn parse_vars(pairs: &[String]) -> Result<Vec<(String, String)>> {
    let mut vars = Vec::new();
    for pair in pairs {
        let (key, value) = pair.split_once('=').ok_or_else(|| {
            StatusError::usage(format!(
                "--var `{pair}`: expected KEY=VALUE, e.g. --var extension=intl"
            ))
        })?;
        if !is_identifier(key) {
            return Err(StatusError::usage(format!(
                "--var `{pair}`: `{key}` is not a variable name (letters, digits, _)"
            ))
            .into());
        }
        vars.push((key.to_string(), value.to_string()));
    }
    Ok(vars)
}

/// Registers the secret `--var` values of a `playbook run` before the run's argv is
/// journaled, so that a secret declared in the playbook's `secrets` (whatever its name) is
/// masked there too. Errors are left for the run itself to report.
pub fn register_secrets(ctx: &Context, args: &PlaybookArgs) {
    let PlaybookCommand::Run(run) = &args.command else {
        return;
    };
    let library = Library::new(
        args.playbooks
            .clone()
            .or_else(|| ctx.config.playbooks.clone()),
    );
    let book = library.find(&run.playbook).and_then(|s| s.parse());
    if let (Ok(book), Ok(pairs)) = (book, parse_vars(&run.vars)) {
        for (_, value) in pairs.iter().filter(|(k, _)| book.is_secret(k)) {
            ctx.add_secret(value);
        }
    }
}

fn run_playbook(ctx: &Context, library: &Library, args: RunArgs) -> Result<ExitStatus> {
    let source = library.find(&args.playbook)?;
    let book = source.parse()?;
    playbook::check_level(&book, operator_level(ctx)?)?;
    let vars = vars::resolve(ctx, &book, &parse_vars(&args.vars)?, ctx.prompter())?;
    let hosts = ctx.hosts(&args.hosts)?;
    let opts = RunOptions {
        check: args.check || ctx.dry_run(),
        vars,
        forks: args.forks,
        serial: args.serial.map(|n| n as usize),
        max_fail: args.max_fail,
    };
    let names: Vec<&str> = hosts.iter().map(|h| h.name.as_str()).collect();
    let plan = format!(
        "run playbook `{}` ({}) on {} host(s): {}",
        book.name,
        source.origin,
        hosts.len(),
        names.join(", ")
    );
    if opts.check {
        ctx.note(format!("check mode: {plan}"))?;
    } else {
        ctx.confirm_change(&plan)?;
        ctx.note(plan)?;
    }
    let observer = Progress {
        ctx,
        stream: (!ctx.printer.is_json() && tracing::enabled!(tracing::Level::INFO))
            .then(|| TerminalSink::new(&ctx.printer, true)),
        partial: Mutex::new(HashMap::new()),
    };
    let reports = fleet::run(ctx, &book, &opts, &hosts, &observer);
    observer.finish();
    if ctx.printer.is_json() {
        ctx.printer.json(&json!({
            "playbook": book.name, "check": opts.check, "hosts": reports,
        }))?;
    } else {
        if opts.check {
            print_plan(&ctx.printer, &reports);
        }
        print_summary(&ctx.printer, &reports);
    }
    Ok(reports.iter().fold(ExitStatus::Success, |s, r| {
        s.worst(match r.outcome {
            Outcome::Unreachable => ExitStatus::Connection,
            o if o.is_failure() => ExitStatus::Failure,
            _ => ExitStatus::Success,
        })
    }))
}

/// Progress on stderr, one line per step; host output streamed with -v, line by line with
/// the secrets masked (a whole line, so that a secret split between two reads is masked too).
struct Progress<'a> {
    ctx: &'a Context,
    stream: Option<TerminalSink<'a>>,
    /// The unfinished last line of each host's stdout and stderr.
    partial: Mutex<HashMap<(String, bool), Vec<u8>>>,
}

impl Progress<'_> {
    fn emit(&self, sink: &TerminalSink, host: &str, stream: Stream, line: &[u8]) {
        let masked = self.ctx.redact(&String::from_utf8_lossy(line));
        sink.output(host, stream, masked.as_bytes());
    }

    /// Prints what is left of unfinished lines.
    fn finish(&self) {
        let Some(sink) = &self.stream else {
            return;
        };
        let rest = std::mem::take(&mut *self.partial.lock().unwrap_or_else(|p| p.into_inner()));
        for ((host, stderr), bytes) in rest {
            let stream = if stderr {
                Stream::Stderr
            } else {
                Stream::Stdout
            };
            self.emit(sink, &host, stream, &bytes);
        }
        sink.finish();
    }
}

impl ExecSink for Progress<'_> {
    fn output(&self, host: &str, stream: Stream, bytes: &[u8]) {
        let Some(sink) = &self.stream else {
            return;
        };
        let mut partial = self.partial.lock().unwrap_or_else(|p| p.into_inner());
        let stderr = stream == Stream::Stderr;
        let buf = partial.entry((host.to_string(), stderr)).or_default();
        buf.extend_from_slice(bytes);
        while let Some(nl) = buf.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = buf.drain(..=nl).collect();
            self.emit(sink, host, stream, &line);
        }
    }
}

impl Observer for Progress<'_> {
    fn step(&self, host: &str, step: &StepReport) {
        let line = format!(
            "{host} | {}: {} ({})",
            verdict(step.status != StepStatus::Failed, step.status.as_str()),
            step.name,
            human_duration(step.duration_ms)
        );
        match &step.message {
            Some(m) if step.status == StepStatus::Failed => {
                self.ctx.printer.warn(format!("{line}: {m}"))
            }
            _ => self.ctx.printer.status(line),
        }
    }
}

/// Check mode: every step of every host with its rendered command and what would happen.
fn print_plan(p: &Printer, reports: &[HostReport]) {
    for r in reports {
        let about = r
            .facts
            .as_ref()
            .map(|f| format!(" ({} {}, {}, panel {})", f.os, f.os_version, f.pkg, f.panel))
            .unwrap_or_default();
        p.data(format!("{}{about}", r.host));
        if let Some(e) = &r.error {
            p.data(format!("  {}: {e}", r.outcome.as_str()));
        }
        for s in &r.steps {
            let phase = match s.phase {
                playbook::Phase::Steps => "",
                playbook::Phase::Rescue => "rescue: ",
                playbook::Phase::Always => "always: ",
            };
            let status = match s.status {
                StepStatus::WouldChange => "would run",
                StepStatus::Ok => "ran (probe)",
                other => other.as_str(),
            };
            p.data(format!("  {status:<12} {phase}{}", s.name));
            if let Some(cmd) = &s.command {
                for line in cmd.trim_end().lines() {
                    p.data(format!("      $ {line}"));
                }
            }
            if let Some(diff) = &s.diff {
                for line in diff.lines() {
                    p.data(format!("      {line}"));
                }
            }
            if let Some(m) = &s.message {
                p.data(format!("      ({m})"));
            }
        }
    }
}

fn print_summary(p: &Printer, reports: &[HostReport]) {
    let mut t = Table::new([
        "HOST", "OUTCOME", "OK", "CHANGED", "FAILED", "SKIPPED", "RESCUED", "TIME",
    ]);
    for r in reports {
        let c = &r.counts;
        t.row([
            r.host.clone(),
            verdict(!r.outcome.is_failure(), r.outcome.as_str()),
            c.ok.to_string(),
            c.changed.to_string(),
            c.failed.to_string(),
            c.skipped.to_string(),
            c.rescued.to_string(),
            human_duration(r.duration_ms),
        ]);
    }
    p.table(&t);
    for r in reports.iter().filter(|r| r.outcome.is_failure()) {
        if let Some(e) = &r.error {
            p.warn(format!("{}: {e}", r.host));
        }
    }
}
