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
    /// The ticket handed to a higher support level (`ticket escalate`).
    Escalation(Escalation),
    /// What the customer reported, in their words as the helpdesk has them.
    Reported {
        text: String,
    },
    /// The ticket closed (`ticket close`); a later run reopens it.
    Closed {
        note: Option<String>,
    },
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
            Event::Escalation(_) => "escalation",
            Event::Reported { .. } => "reported",
            Event::Closed { .. } => "closed",
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
            Event::Step(s) => {
                s.error = s.error.as_deref().map(|t| r.redact(t));
                redact_strings(&mut s.detail, r);
            }
            Event::Escalation(e) => e.note = r.redact(&e.note),
            Event::Reported { text } => *text = r.redact(text),
            Event::Closed { note } => *note = note.as_deref().map(|t| r.redact(t)),
            Event::RunEnd(_) => {}
        }
    }
}

/// Masks every string inside a step's typed detail (paths, names, command lines).
fn redact_strings(value: &mut serde_json::Value, r: &Redactor) {
    match value {
        serde_json::Value::String(text) => *text = r.redact(text),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| redact_strings(v, r)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| redact_strings(v, r)),
        _ => {}
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
    /// The operator's support level when the run started (HOSTOPS_LEVEL or the config's
    /// `level`); runs journaled before levels were recorded have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Escalation {
    /// The ticket's level before (None: not known, no level recorded yet).
    pub from: Option<u8>,
    pub to: u8,
    /// Why, and what the next level is asked: the hand-over's question.
    pub note: String,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steps_detail_is_masked_at_every_depth() {
        let r = Redactor::default();
        r.add_secret("s3cr3t-value");
        let mut event = Event::Step(StepEvent {
            operation: "migrate".into(),
            origin: "run".into(),
            unit: "bob".into(),
            step: "restore".into(),
            ok: true,
            error: None,
            detail: serde_json::json!({"cmd": "x s3cr3t-value", "list": [{"pw": "s3cr3t-value"}], "n": 3}),
            duration_ms: 1,
        });
        event.redact(&r);
        let Event::Step(s) = event else {
            unreachable!()
        };
        assert!(
            !s.detail.to_string().contains("s3cr3t-value"),
            "{}",
            s.detail
        );
        assert_eq!(s.detail["n"], 3);
    }

    #[test]
    fn a_run_start_journaled_before_levels_reads_without_one() {
        let old = r#"{"kind":"run_start","operator":"a","machine":"m","command":"exec",
            "argv":[],"version":"0.1","dry_run":false,"pid":7}"#;
        let Event::RunStart(s) = serde_json::from_str(old).unwrap() else {
            unreachable!()
        };
        assert_eq!(s.level, None);
        let body = serde_json::to_string(&Event::RunStart(s)).unwrap();
        assert!(!body.contains("level"), "{body}");
    }
}
