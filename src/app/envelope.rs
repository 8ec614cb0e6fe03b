//! The one JSON document every command prints with `--json`, on success and on failure alike:
//! `{command, ticket, run_id, journal_head, dry_run, ok, exit_code, result, errors}` (README "JSON output").

use serde::Serialize;

use crate::exit::ExitStatus;

#[derive(Debug, Serialize)]
pub struct Envelope<'a> {
    /// The command as typed, without its arguments: `migrate run`, `log show`.
    pub command: &'a str,
    pub ticket: Option<&'a str>,
    /// The journal's id of this run (null for commands that are not journaled).
    pub run_id: Option<&'a str>,
    /// The journal's last row once the run is recorded: `log verify --head` checks it later.
    pub journal_head: Option<&'a str>,
    pub dry_run: bool,
    /// `exit_code == 0`.
    pub ok: bool,
    pub exit_code: i32,
    /// The command's typed result; null when it failed before having one.
    pub result: &'a serde_json::Value,
    pub errors: Vec<ErrorDoc>,
}

/// One error: its message with every cause, and the exit status it maps to.
#[derive(Debug, Serialize)]
pub struct ErrorDoc {
    /// `usage`, `connection`, `refused`, `failure`, `interrupted`.
    pub kind: ExitStatus,
    /// The whole chain on one line: `outer: cause: root cause`.
    pub message: String,
    /// The chain, outermost first.
    pub causes: Vec<String>,
}

impl ErrorDoc {
    pub fn new(err: &anyhow::Error, kind: ExitStatus) -> ErrorDoc {
        ErrorDoc {
            kind,
            message: format!("{err:#}"),
            causes: err.chain().map(|c| c.to_string()).collect(),
        }
    }
}
