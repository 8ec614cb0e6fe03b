//! `hostops exec`: one command on many hosts in parallel, as a change (one action per host:
//! the command exactly as it runs), each host's output streamed to a sink as it arrives, and a
//! result per host.

mod sink;

use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use serde::Serialize;

use super::fanout;
use super::outcome::{error_text, Outcome};
use crate::app::change::{Action, Change, Plan};
use crate::context::Context;
use crate::exit::StatusError;
use crate::inventory::HostSpec;
use crate::transport::{Cmd, ExecIo, Exit, TransportError};

pub use sink::TerminalSink;

/// What the operator asked for, as typed.
pub struct ExecRequest {
    /// Hosts or groups.
    pub hosts: Vec<String>,
    /// The command and its arguments.
    pub command: Vec<String>,
    pub forks: usize,
    pub timeout: Option<Duration>,
    /// A file every host reads on its stdin, or `-` for hostops' own (one host only).
    pub stdin: Option<PathBuf>,
}

/// The checked request: what [`run`] does.
struct ExecOptions {
    hosts: Vec<HostSpec>,
    cmd: Cmd,
    forks: usize,
    timeout: Option<Duration>,
    stdin: Option<StdinSource>,
    /// Keep each host's output in the result (for --json).
    capture: bool,
}

/// Where each host's stdin comes from.
enum StdinSource {
    /// Each host reads the file from the start.
    File(PathBuf),
    /// hostops' own stdin (one host only).
    Inherit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Where live output goes (a terminal with host prefixes, or nowhere).
pub trait ExecSink: Sync {
    fn output(&self, host: &str, stream: Stream, bytes: &[u8]);
}

#[derive(Debug, Serialize)]
pub struct HostRun {
    pub host: String,
    /// `failed` is a non-zero exit, a signal or a timeout.
    pub outcome: Outcome,
    pub exit: Option<Exit>,
    /// Why the command has no exit (the host was unreachable, the command timed out...).
    #[serde(serialize_with = "error_text")]
    pub error: Option<TransportError>,
    pub duration_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdout: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
}

/// What came of an exec: the command, each host's result in host order, and the counts.
#[derive(Debug, Serialize)]
pub struct ExecReport {
    /// The command's argv.
    pub command: Vec<String>,
    pub hosts: Vec<HostRun>,
    pub summary: Summary,
}

/// How many hosts ended how.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub ok: usize,
    pub failed: usize,
    pub unreachable: usize,
}

impl ExecReport {
    fn new(cmd: &Cmd, hosts: Vec<HostRun>) -> ExecReport {
        let count = |o: Outcome| hosts.iter().filter(|r| r.outcome == o).count();
        let summary = Summary {
            ok: count(Outcome::Ok),
            failed: count(Outcome::Failed),
            unreachable: count(Outcome::Unreachable),
        };
        ExecReport {
            command: cmd.argv().to_vec(),
            hosts,
            summary,
        }
    }
}

/// An exec through the change protocol: planned with one action per host.
pub struct Exec {
    plan: Plan,
    opts: ExecOptions,
}

impl Change for Exec {
    type Detail = ();
    type Report = ExecReport;

    fn plan(&self) -> &Plan {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<ExecReport> {
        let sink = TerminalSink::new(&ctx.printer, self.opts.hosts.len() > 1);
        let hosts = run(ctx, &self.opts, &sink);
        sink.finish();
        Ok(ExecReport::new(&self.opts.cmd, hosts))
    }
}

/// The exec `req` asks for, checked (hosts known, a command that can be quoted, a readable
/// stdin) and planned; nothing is contacted.
pub fn change(ctx: &Context, req: ExecRequest) -> Result<Exec> {
    let hosts = ctx.hosts(&req.hosts)?;
    let cmd = Cmd::from_argv(req.command)
        .ok_or_else(|| StatusError::usage("no command given after `--`"))?;
    if let Err(e) = cmd.to_shell_line() {
        bail!(StatusError::usage(e.to_string()));
    }
    let stdin = match req.stdin {
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
    let why = match &stdin {
        None => String::new(),
        Some(StdinSource::File(p)) => format!("its stdin is the file `{}`", p.display()),
        Some(StdinSource::Inherit) => "its stdin is hostops' own".to_string(),
    };
    let names: Vec<&str> = hosts.iter().map(|h| h.name.as_str()).collect();
    let summary = format!(
        "run `{cmd}` on {} host(s): {}",
        hosts.len(),
        names.join(", ")
    );
    let mut plan = Plan::new(summary, ());
    plan.actions = hosts
        .iter()
        .map(|h| Action::run(&h.name, cmd.clone(), why.as_str()))
        .collect();
    let opts = ExecOptions {
        hosts,
        cmd,
        forks: req.forks,
        timeout: req.timeout,
        stdin,
        capture: ctx.printer.is_json(),
    };
    Ok(Exec { plan, opts })
}

/// Runs the command everywhere and returns one result per host, in host order.
fn run(ctx: &Context, opts: &ExecOptions, sink: &dyn ExecSink) -> Vec<HostRun> {
    fanout::for_each(&opts.hosts, opts.forks, |host| {
        run_one(ctx, opts, host, sink)
    })
}

fn run_one(ctx: &Context, opts: &ExecOptions, host: &HostSpec, sink: &dyn ExecSink) -> HostRun {
    let started = Instant::now();
    let mut out = SinkWriter {
        host: &host.name,
        stream: Stream::Stdout,
        sink,
        keep: opts.capture.then(Vec::new),
    };
    let mut err = SinkWriter {
        host: &host.name,
        stream: Stream::Stderr,
        sink,
        keep: opts.capture.then(Vec::new),
    };
    let result = ctx.connect(host).and_then(|t| {
        let mut file;
        let mut own_stdin;
        let stdin: Option<&mut (dyn Read + Send)> = match &opts.stdin {
            None => None,
            Some(StdinSource::File(path)) => {
                file = File::open(path).map_err(|e| {
                    TransportError::io(
                        &host.name,
                        format!("opening stdin file `{}`", path.display()),
                        e,
                    )
                })?;
                Some(&mut file)
            }
            Some(StdinSource::Inherit) => {
                own_stdin = std::io::stdin();
                Some(&mut own_stdin)
            }
        };
        t.exec(
            &opts.cmd,
            ExecIo {
                stdin,
                stdout: &mut out,
                stderr: &mut err,
                timeout: opts.timeout,
            },
        )
    });
    let (outcome, exit, error) = match result {
        Ok(exit) if exit.success() => (Outcome::Ok, Some(exit), None),
        Ok(exit) => (Outcome::Failed, Some(exit), None),
        Err(e) => (Outcome::of_error(&e), None, Some(e)),
    };
    HostRun {
        host: host.name.clone(),
        outcome,
        exit,
        error,
        duration_ms: started.elapsed().as_millis() as u64,
        stdout: out.keep.map(|b| String::from_utf8_lossy(&b).into_owned()),
        stderr: err.keep.map(|b| String::from_utf8_lossy(&b).into_owned()),
    }
}

/// A command's stdout or stderr: forwarded to the sink as it arrives, and kept when asked.
pub(crate) struct SinkWriter<'a> {
    pub(crate) host: &'a str,
    pub(crate) stream: Stream,
    pub(crate) sink: &'a dyn ExecSink,
    pub(crate) keep: Option<Vec<u8>>,
}

impl Write for SinkWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.sink.output(self.host, self.stream, buf);
        if let Some(k) = self.keep.as_mut() {
            k.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::change::Work;
    use crate::exit::ExitStatus;

    fn request(hosts: &[&str], command: &[&str], stdin: Option<PathBuf>) -> ExecRequest {
        ExecRequest {
            hosts: hosts.iter().map(|h| h.to_string()).collect(),
            command: command.iter().map(|a| a.to_string()).collect(),
            forks: 2,
            timeout: None,
            stdin,
        }
    }

    fn usage(r: Result<Exec>) -> String {
        let err = r.err().expect("refused");
        let status = err.downcast_ref::<StatusError>().expect("a status error");
        assert_eq!(status.status, ExitStatus::Usage);
        err.to_string()
    }

    /// The plan's one action per host is the very command apply runs, the stdin file noted.
    #[test]
    fn the_plan_has_the_command_that_runs_on_each_host() {
        let ctx = crate::context::tests::ctx();
        let file = tempfile::NamedTempFile::new().unwrap();
        let exec = change(
            &ctx,
            request(&["local"], &["touch", "a b"], Some(file.path().into())),
        )
        .unwrap();
        let plan = exec.plan();
        assert_eq!(plan.summary, "run `touch 'a b'` on 1 host(s): local");
        assert_eq!(plan.actions.len(), 1);
        let Work::Run { cmd, stdin } = &plan.actions[0].work else {
            panic!("a command")
        };
        assert_eq!(cmd, &exec.opts.cmd);
        assert!(stdin.is_none(), "a file is not a secret");
        assert!(plan.actions[0]
            .why
            .contains(&file.path().display().to_string()));
    }

    #[test]
    fn what_cannot_run_is_a_usage_error() {
        let ctx = crate::context::tests::ctx();
        assert!(usage(change(&ctx, request(&["local"], &[], None))).contains("no command"));
        assert!(usage(change(&ctx, request(&["nosuch"], &["true"], None))).contains("nosuch"));
        let two = request(&["local", "root@192.0.2.1"], &["cat"], Some("-".into()));
        assert!(usage(change(&ctx, two)).contains("only one host"));
        let missing = request(&["local"], &["cat"], Some("/nonexistent/in".into()));
        assert!(usage(change(&ctx, missing)).contains("not a readable file"));
    }
}
