//! What the journal records: one serde-tagged enum, stored as JSON in the chained rows.

use serde::{Deserialize, Serialize};

use super::Redactor;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Event {
    RunStart(RunStart),
    /// A remote command about to start, recorded before it runs: a run killed while its
    /// commands run still shows what was started where.
    ExecStart(ExecStart),
    Exec(ExecEvent),
    Copy(CopyEvent),
    /// A plan, a decision or a finding an op wants the next support level to see.
    Note {
        text: String,
    },
    /// One step of a long operation, recorded so an interrupted run can be resumed.
    Step(StepEvent),
    RunEnd(RunEnd),
}

impl Event {
    pub fn kind(&self) -> &'static str {
        match self {
            Event::RunStart(_) => "run_start",
            Event::ExecStart(_) => "exec_start",
            Event::Exec(_) => "exec",
            Event::Copy(_) => "copy",
            Event::Note { .. } => "note",
            Event::Step(_) => "step",
            Event::RunEnd(_) => "run_end",
        }
    }

    /// Removes secrets from every free-text field before the event is stored.
    pub fn redact(&mut self, r: &Redactor) {
        match self {
            Event::RunStart(s) => s.argv = r.redact_argv(&s.argv),
            Event::ExecStart(e) => e.command = r.redact(&e.command),
            Event::Exec(e) => {
                e.command = r.redact(&e.command);
                e.stdout.text = r.redact(&e.stdout.text);
                e.stderr.text = r.redact(&e.stderr.text);
                e.error = e.error.as_deref().map(|t| r.redact(t));
            }
            Event::Copy(c) => c.error = c.error.as_deref().map(|t| r.redact(t)),
            Event::Note { text } => *text = r.redact(text),
            Event::Step(s) => s.error = s.error.as_deref().map(|t| r.redact(t)),
            Event::RunEnd(_) => {}
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunStart {
    /// Local user running hostops.
    pub operator: String,
    /// Machine hostops ran on.
    pub machine: String,
    /// The command group and subcommand (`hosts check`).
    pub command: String,
    /// Full argv, secrets redacted.
    pub argv: Vec<String>,
    pub version: String,
    pub dry_run: bool,
    pub pid: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExecStart {
    pub host: String,
    pub address: String,
    pub host_key: Option<String>,
    pub user: String,
    pub command: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ExecEvent {
    pub host: String,
    pub address: String,
    pub host_key: Option<String>,
    pub user: String,
    pub command: String,
    pub exit_code: Option<i32>,
    pub signal: Option<String>,
    /// Set when the command could not run or did not finish (timeout, lost connection).
    pub error: Option<String>,
    pub duration_ms: u64,
    pub stdin_bytes: Option<u64>,
    pub stdout: Captured,
    pub stderr: Captured,
}

/// The first bytes of a stream, with the full byte count and SHA-256 of all of it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Captured {
    pub bytes: u64,
    pub sha256: String,
    pub text: String,
    pub truncated: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CopyEvent {
    pub host: String,
    pub address: String,
    pub host_key: Option<String>,
    pub user: String,
    /// `upload` or `download`.
    pub direction: String,
    pub remote_path: String,
    pub bytes: Option<u64>,
    pub sha256: Option<String>,
    pub error: Option<String>,
    pub duration_ms: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StepEvent {
    /// The operation (`migrate`).
    pub operation: String,
    /// The run that started the operation; resumed runs keep it.
    pub origin: String,
    /// What the step works on (an account).
    pub unit: String,
    pub step: String,
    pub ok: bool,
    pub error: Option<String>,
    /// Whatever a later step or a resume needs (paths, sizes).
    pub detail: serde_json::Value,
    pub duration_ms: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunEnd {
    pub exit_code: i32,
    pub status: RunStatus,
    pub duration_ms: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Ok,
    Failed,
    Interrupted,
    /// Derived, never stored: started, not ended, and its process is still alive.
    Running,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Ok => "ok",
            RunStatus::Failed => "failed",
            RunStatus::Interrupted => "interrupted",
            RunStatus::Running => "running",
        }
    }
}
