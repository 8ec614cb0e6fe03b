//! The transport wrapper that makes "every run is logged against a ticket" hold by
//! construction: every exec and copy through it becomes a journal event, whoever the caller.
//! A command is recorded when it starts and again when it ends, so a run killed while its
//! commands run still shows what was started where.

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::Instant;

use super::interrupt::InFlight;
use super::pump::{CountingReader, Digested, Tee};
use super::{Cmd, CopyReport, ExecIo, Exit, Progress, Target, Transport, TransportError};
use crate::journal::{Captured, CopyEvent, Event, ExecEvent, ExecStart, RunLog};

/// How much of each output stream the journal keeps (full size and SHA-256 are always kept).
pub const CAPTURE_LIMIT: usize = 64 * 1024;

pub struct Journaled {
    inner: Box<dyn Transport>,
    log: Arc<RunLog>,
}

impl Journaled {
    pub fn new(inner: Box<dyn Transport>, log: Arc<RunLog>) -> Self {
        Journaled { inner, log }
    }

    fn record(&self, event: Event) -> Result<(), TransportError> {
        self.log
            .record(event)
            .map_err(|e| TransportError::Other(format!("cannot write the journal: {e:#}")))
    }

    fn copy_event(
        &self,
        direction: &str,
        path: &str,
        started: Instant,
        result: &Result<CopyReport, TransportError>,
    ) -> Event {
        let t = self.inner.target();
        Event::Copy(CopyEvent {
            host: t.name.clone(),
            address: t.address.clone(),
            host_key: t.host_key.clone(),
            user: t.user.clone(),
            direction: direction.into(),
            remote_path: path.into(),
            bytes: result.as_ref().ok().map(|r| r.bytes),
            sha256: result.as_ref().ok().map(|r| r.sha256.clone()),
            error: result.as_ref().err().map(|e| e.to_string()),
            duration_ms: started.elapsed().as_millis() as u64,
        })
    }
}

fn captured(d: Digested) -> Captured {
    Captured {
        truncated: d.bytes > d.head.len() as u64,
        text: String::from_utf8_lossy(&d.head).into_owned(),
        bytes: d.bytes,
        sha256: d.sha256,
    }
}

impl Transport for Journaled {
    fn target(&self) -> &Target {
        self.inner.target()
    }

    fn shown(&self, cmd: &Cmd) -> String {
        self.log.redactor().redact(&cmd.display())
    }

    fn exec(&self, cmd: &Cmd, io: ExecIo<'_>) -> Result<Exit, TransportError> {
        let t = self.inner.target();
        // Held until the end is recorded: an interrupted hostops waits for it.
        let Some(_in_flight) = InFlight::enter() else {
            return Err(TransportError::Interrupted {
                host: t.name.clone(),
                command: cmd.display(),
            });
        };
        self.record(Event::ExecStart(ExecStart {
            host: t.name.clone(),
            address: t.address.clone(),
            host_key: t.host_key.clone(),
            user: t.user.clone(),
            command: cmd.display(),
        }))?;
        let started = Instant::now();
        let mut out = Tee::new(io.stdout, CAPTURE_LIMIT);
        let mut err = Tee::new(io.stderr, CAPTURE_LIMIT);
        let mut input = io.stdin.map(CountingReader::new);
        let result = self.inner.exec(
            cmd,
            ExecIo {
                stdin: input.as_mut().map(|i| i as &mut (dyn Read + Send)),
                stdout: &mut out as &mut (dyn Write + Send),
                stderr: &mut err as &mut (dyn Write + Send),
                timeout: io.timeout,
            },
        );
        let shown = self.shown(cmd);
        match &result {
            Ok(exit) => {
                tracing::info!("{}: $ {shown} -> {exit} in {:?}", t.name, started.elapsed())
            }
            Err(e) => tracing::info!(
                "{}: $ {shown} -> {}",
                t.name,
                self.log.redactor().redact(&e.to_string())
            ),
        }
        let (exit_code, signal) = match &result {
            Ok(Exit::Code { code }) => (Some(*code), None),
            Ok(Exit::Signal { signal }) => (None, Some(signal.clone())),
            Err(_) => (None, None),
        };
        self.record(Event::Exec(ExecEvent {
            host: t.name.clone(),
            address: t.address.clone(),
            host_key: t.host_key.clone(),
            user: t.user.clone(),
            command: cmd.display(),
            exit_code,
            signal,
            error: result.as_ref().err().map(|e| e.to_string()),
            duration_ms: started.elapsed().as_millis() as u64,
            stdin_bytes: input.map(|i| i.bytes),
            stdout: captured(out.finish()),
            stderr: captured(err.finish()),
        }))?;
        result
    }

    fn upload(
        &self,
        src: &mut (dyn Read + Send),
        dest: &str,
        progress: &dyn Progress,
    ) -> Result<CopyReport, TransportError> {
        let started = Instant::now();
        let result = self.inner.upload(src, dest, progress);
        self.record(self.copy_event("upload", dest, started, &result))?;
        result
    }

    fn download(
        &self,
        src: &str,
        dest: &mut (dyn Write + Send),
        progress: &dyn Progress,
    ) -> Result<CopyReport, TransportError> {
        let started = Instant::now();
        let result = self.inner.download(src, dest, progress);
        self.record(self.copy_event("download", src, started, &result))?;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Fallback, Journal, Redactor, RunStart};
    use crate::transport::local::LocalTransport;
    use crate::transport::{run_ok, ProcessError};

    #[test]
    fn a_failed_command_is_a_process_error_with_the_runs_secrets_masked() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Arc::new(Journal::open(&dir.path().join("journal.sqlite")).unwrap());
        let redactor = Arc::new(Redactor::default());
        redactor.add_secret("hunter22");
        let ticket =
            crate::ticket::Ticket::parse("T-1", &regex::Regex::new(".+").unwrap()).unwrap();
        let start = RunStart {
            operator: "op".into(),
            machine: "m".into(),
            command: "exec".into(),
            argv: Vec::new(),
            version: "0".into(),
            dry_run: false,
            pid: 1,
            level: None,
        };
        let log =
            Arc::new(RunLog::start(journal, Fallback::None, ticket, start, redactor).unwrap());
        let t = Journaled::new(Box::new(LocalTransport::new()), log);
        let script = "for i in $(seq 30); do echo out$i; echo err$i >&2; done; exit 3";
        let cmd = Cmd::new("sh").args(["-c", script, "sh", "hunter22"]);
        let Err(TransportError::Process(e)) = run_ok(&t, &cmd) else {
            panic!("a command exiting 3 is a ProcessError");
        };
        let ProcessError {
            host,
            command,
            exit,
            stdout_tail,
            stderr_tail,
        } = *e.clone();
        assert_eq!(host, "local");
        assert!(command.ends_with("sh ***"), "{command}");
        assert_eq!(exit, Exit::Code { code: 3 });
        assert_eq!(stdout_tail.lines().count(), 20);
        assert!(stderr_tail.starts_with("err11\n") && stderr_tail.ends_with("err30"));
        let message = e.to_string();
        assert!(message.starts_with("local: `sh -c "), "{message}");
        assert!(message.contains("failed (exit 3): err11\n"), "{message}");
        assert!(!message.contains("hunter22"), "{message}");
    }
}
