//! `hostops exec`: one command on many hosts in parallel, each host's output streamed to a
//! sink as it arrives, and a result per host.

use std::fs::File;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use serde::Serialize;

use super::fanout;
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::transport::{Cmd, ExecIo, Exit, TransportError};

pub struct ExecOptions {
    pub hosts: Vec<HostSpec>,
    pub cmd: Cmd,
    pub forks: usize,
    pub timeout: Option<Duration>,
    pub stdin: Option<StdinSource>,
    /// Keep each host's output in the result (for --json).
    pub capture: bool,
}

pub enum StdinSource {
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
    /// `ok`, `failed` (non-zero exit, signal, timeout), `unreachable` (connect, auth, host key)
    /// or `interrupted` (hostops was stopped by SIGINT/SIGTERM and stopped the command).
    pub outcome: &'static str,
    pub exit: Option<Exit>,
    /// Why the command has no exit (the host was unreachable, the command timed out...).
    #[serde(serialize_with = "as_text")]
    pub error: Option<TransportError>,
    pub duration_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stdout: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
}

fn as_text<S: serde::Serializer>(e: &Option<TransportError>, s: S) -> Result<S::Ok, S::Error> {
    e.as_ref().map(ToString::to_string).serialize(s)
}

/// Runs the command everywhere and returns one result per host, in host order.
pub fn run(ctx: &Context, opts: &ExecOptions, sink: &dyn ExecSink) -> Vec<HostRun> {
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
        Ok(exit) if exit.success() => ("ok", Some(exit), None),
        Ok(exit) => ("failed", Some(exit), None),
        Err(e) => {
            let outcome = match &e {
                e if e.unreachable() => "unreachable",
                TransportError::Interrupted { .. } => "interrupted",
                _ => "failed",
            };
            (outcome, None, Some(e))
        }
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
