//! What a command hands back to the top: its typed report, rendered for people at once or kept
//! as the `result` of the JSON envelope, and the exit status it means.

use anyhow::Result;
use serde::Serialize;

use crate::context::Context;
use crate::exit::ExitStatus;
use crate::output::Printer;

/// A command's typed result: rendered for people, serialized as the envelope's `result`.
pub trait Report: Serialize {
    /// Writes the report for people: data on stdout, notes and warnings on stderr.
    fn render(&self, p: &Printer);

    /// The exit status this report means (findings, failed hosts...).
    fn status(&self) -> ExitStatus {
        ExitStatus::Success
    }
}

/// A finished command: its result for the JSON envelope, its exit status, and the errors
/// that go with it (a refusal that still has a result to show, such as a blocked plan).
pub struct Finished {
    pub result: serde_json::Value,
    pub status: ExitStatus,
    pub errors: Vec<anyhow::Error>,
}

/// Renders `report` for people (nothing is printed in JSON mode: the top prints the envelope)
/// and keeps it as the result.
pub fn finish<R: Report>(ctx: &Context, report: &R) -> Result<Finished> {
    if !ctx.printer.is_json() {
        report.render(&ctx.printer);
    }
    Ok(Finished {
        result: serde_json::to_value(report)?,
        status: report.status(),
        errors: Vec::new(),
    })
}
