//! The one JSON document every command prints with `--json`, on success and on failure alike:
//! `{command, ticket, run_id, journal_head, dry_run, ok, exit_code, result, errors}` (README "JSON output").

use serde::Serialize;

use super::report::Finished;
use super::status;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::output::Printer;

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

/// Prints the errors of a finished command on stderr (secrets masked) and, with `--json`, its
/// envelope on stdout.
pub fn print(ctx: &Context, command: &str, journal_head: Option<&str>, finished: &Finished) {
    let shown: Vec<anyhow::Error> = finished
        .errors
        .iter()
        .map(|e| ctx.redact_error(e))
        .collect();
    for e in &shown {
        ctx.printer.error(e);
    }
    if !ctx.printer.is_json() {
        return;
    }
    let envelope = Envelope {
        command,
        ticket: ctx.ticket().map(|t| t.as_str()),
        run_id: ctx.run_log().map(|l| l.run_id()),
        journal_head,
        dry_run: ctx.dry_run(),
        ok: finished.status == ExitStatus::Success,
        exit_code: finished.status.code(),
        result: &finished.result,
        errors: shown
            .iter()
            .zip(&finished.errors)
            .map(|(shown, e)| ErrorDoc::new(shown, status::of_error(e)))
            .collect(),
    };
    if let Err(e) = ctx.printer.json(&envelope) {
        ctx.printer.error(&e);
    }
}

/// The envelope of a command that failed before it had a context (nothing journaled yet).
pub fn print_failure(
    printer: &Printer,
    command: &str,
    dry_run: bool,
    err: &anyhow::Error,
    status: ExitStatus,
) {
    let _ = printer.json(&Envelope {
        command,
        ticket: None,
        run_id: None,
        journal_head: None,
        dry_run,
        ok: false,
        exit_code: status.code(),
        result: &serde_json::Value::Null,
        errors: vec![ErrorDoc::new(err, status)],
    });
}
