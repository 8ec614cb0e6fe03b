//! `hostops copy`

use anyhow::Result;

use crate::cli::CopyArgs;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::ops::copy;
use crate::output::human_bytes;

pub fn run(ctx: &Context, args: CopyArgs) -> Result<ExitStatus> {
    let plan = copy::plan(
        ctx,
        &args.source,
        &args.destination,
        args.relay,
        args.recursive,
    )?;
    let text = plan.describe();
    if ctx.dry_run() {
        ctx.note(format!("dry run: would {text}"))?;
        if ctx.printer.is_json() {
            ctx.printer
                .json(&serde_json::json!({ "dry_run": true, "plan": plan }))?;
        } else {
            ctx.printer.data(format!("would {text}"));
        }
        return Ok(ExitStatus::Success);
    }
    if plan.changes_a_server() {
        ctx.confirm_change(&text)?;
    }
    let done = copy::execute(ctx, plan)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&done)?;
    } else {
        ctx.printer.data(if done.report.sha256.is_empty() {
            format!("done: {text}: {}", human_bytes(done.report.bytes))
        } else {
            format!(
                "done: {text}: {} sha256 {} verified",
                human_bytes(done.report.bytes),
                done.report.sha256
            )
        });
    }
    Ok(ExitStatus::Success)
}
