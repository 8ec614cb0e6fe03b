//! `hostops copy`

use anyhow::Result;

use crate::cli::CopyArgs;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::ops::copy;
use crate::output::human_bytes;

pub fn run(ctx: &Context, args: CopyArgs) -> Result<ExitStatus> {
    let (plan, host) = copy::plan(ctx, &args.source, &args.destination)?;
    let text = match plan.direction {
        "upload" => format!(
            "upload `{}` ({}) to {}:{}",
            plan.local_path.display(),
            human_bytes(plan.bytes.unwrap_or(0)),
            plan.host,
            plan.remote_path
        ),
        _ => format!(
            "download {}:{} to `{}`",
            plan.host,
            plan.remote_path,
            plan.local_path.display()
        ),
    };
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
    if plan.direction == "upload" {
        ctx.confirm_change(&text)?;
    }
    let done = copy::execute(ctx, plan, &host)?;
    if ctx.printer.is_json() {
        ctx.printer.json(&done)?;
    } else {
        ctx.printer.data(format!(
            "{} {} {}:{} sha256 {} verified",
            if done.plan.direction == "upload" {
                "uploaded"
            } else {
                "downloaded"
            },
            human_bytes(done.report.bytes),
            done.plan.host,
            done.plan.remote_path,
            done.report.sha256
        ));
    }
    Ok(ExitStatus::Success)
}
