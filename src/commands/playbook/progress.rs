//! A playbook run's progress on stderr: one line per step, and with -v each host's output
//! streamed line by line with the secrets masked (a whole line at a time, so that a secret
//! split between two reads is masked too).

use std::collections::HashMap;
use std::sync::Mutex;

use crate::commands::exec::TerminalSink;
use crate::context::Context;
use crate::ops::exec::{ExecSink, Stream};
use crate::ops::playbook::{Observer, StepReport, StepStatus};
use crate::output::{human_duration, verdict};

pub struct Progress<'a> {
    ctx: &'a Context,
    stream: Option<TerminalSink<'a>>,
    /// The unfinished last line of each host's stdout and stderr.
    partial: Mutex<HashMap<(String, bool), Vec<u8>>>,
}

impl<'a> Progress<'a> {
    pub fn new(ctx: &'a Context) -> Progress<'a> {
        Progress {
            ctx,
            stream: (!ctx.printer.is_json() && tracing::enabled!(tracing::Level::INFO))
                .then(|| TerminalSink::new(&ctx.printer, true)),
            partial: Mutex::new(HashMap::new()),
        }
    }

    fn emit(&self, sink: &TerminalSink, host: &str, stream: Stream, line: &[u8]) {
        let masked = self.ctx.redact(&String::from_utf8_lossy(line));
        sink.output(host, stream, masked.as_bytes());
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

    /// Prints what is left of unfinished lines.
    fn finished(&self) {
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
