//! `hostops backup list|restore|undo`

use std::sync::Arc;

use anyhow::{bail, Result};
use serde_json::json;

use crate::cli::{BackupCommand, BackupListArgs, BackupRestoreArgs, BackupUndoArgs};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::backup::points::{self, Wanted};
use crate::ops::backup::preview::{Counted, FileChanges, Part};
use crate::ops::backup::restore::{self, Plan, Request};
use crate::ops::backup::undo;
use crate::output::{human_bytes, Table};
use crate::panel::valid_account_name;
use crate::panel::Panel;
use crate::transport::Transport;

pub fn run(ctx: &Context, cmd: BackupCommand) -> Result<ExitStatus> {
    match cmd {
        BackupCommand::List(args) => list(ctx, args),
        BackupCommand::Restore(args) => restore(ctx, args),
        BackupCommand::Undo(args) => undo(ctx, args),
    }
}

/// The connection to `name` and its panel's driver.
fn server(ctx: &Context, name: &str) -> Result<(Arc<dyn Transport>, Box<dyn Panel>)> {
    let t = ctx.connect(&ctx.host(name)?)?;
    let driver = super::detected_panel(&*t)?;
    Ok((t, driver))
}

fn checked_account(name: &str) -> Result<()> {
    if !valid_account_name(name) {
        bail!(StatusError::usage(format!(
            "{name:?} is not a valid account name"
        )));
    }
    Ok(())
}

fn list(ctx: &Context, args: BackupListArgs) -> Result<ExitStatus> {
    if let Some(a) = &args.account {
        checked_account(a)?;
    }
    let (t, driver) = server(ctx, &args.host)?;
    let found = points::list(&*t, driver.as_ref(), args.account.as_deref())?;
    if ctx.printer.is_json() {
        ctx.printer.json(&found)?;
        return Ok(ExitStatus::Success);
    }
    if found.is_empty() {
        ctx.printer
            .status(format!("no restore points on {}", args.host));
        return Ok(ExitStatus::Success);
    }
    let mut table = Table::new(["ACCOUNT", "DATE", "TYPE", "FORMAT", "SIZE", "PATH"]);
    for p in &found {
        table.row([
            p.account.clone(),
            p.date.clone(),
            json_word(&p.period),
            json_word(&p.format),
            human_bytes(p.size_bytes),
            p.path.clone(),
        ]);
    }
    ctx.printer.table(&table);
    Ok(ExitStatus::Success)
}

/// A unit enum's serde name (`daily`, `compressed`).
fn json_word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn restore(ctx: &Context, args: BackupRestoreArgs) -> Result<ExitStatus> {
    checked_account(&args.account)?;
    let parts = args
        .only
        .iter()
        .map(|p| p.parse::<Part>().map_err(StatusError::usage))
        .collect::<Result<Vec<_>, _>>()?;
    let wanted = match (&args.date, &args.file) {
        (Some(d), _) => {
            if jiff::civil::Date::strptime("%Y-%m-%d", d).is_err() {
                bail!(StatusError::usage(format!(
                    "--date {d:?} is not a date: use YYYY-MM-DD"
                )));
            }
            Wanted::Date(d)
        }
        (None, Some(f)) => {
            if !f.starts_with('/')
                || f.split('/').any(|c| c == "..")
                || f.chars().any(char::is_control)
            {
                bail!(StatusError::usage(format!(
                    "--file {f:?} must be an absolute path without `..`"
                )));
            }
            Wanted::File(f)
        }
        (None, None) => bail!(StatusError::usage("give --date or --file")),
    };
    let (t, driver) = server(ctx, &args.host)?;
    let req = Request {
        account: &args.account,
        wanted,
        parts,
        snapshot: !args.no_snapshot,
    };
    let plan = restore::plan(&*t, driver.as_ref(), &req)?;
    if !ctx.printer.is_json() {
        render_plan(ctx, &plan);
    }
    ctx.note(summary(&plan))?;
    let checked = restore::check(&plan);
    if ctx.dry_run() || checked.is_err() {
        if ctx.printer.is_json() {
            ctx.printer
                .json(&json!({ "plan": plan, "dry_run": ctx.dry_run() }))?;
        }
        checked?;
        ctx.note(format!(
            "dry run: would restore {} from {}",
            plan.account.user, plan.point.path
        ))?;
        return Ok(ExitStatus::Success);
    }
    ctx.confirm_change(&format!(
        "restore {} ({}) on {} from {}",
        plan.account.user,
        scope(&plan),
        plan.host,
        plan.point.path
    ))?;
    let run_id = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    let task = ctx.printer.step(if plan.snapshot.is_some() {
        "taking the safety snapshot, restoring, verifying"
    } else {
        "restoring, verifying"
    });
    let outcome = restore::apply(ctx, &*t, driver.as_ref(), &plan, &run_id);
    drop(task);
    let outcome = outcome?;
    let ok = outcome.differences.is_empty();
    if ctx.printer.is_json() {
        ctx.printer
            .json(&json!({ "plan": plan, "outcome": outcome, "run_id": run_id }))?;
    } else {
        for d in &outcome.differences {
            ctx.printer.data(format!("  differs: {d}"));
        }
        ctx.printer.data(format!(
            "{} {} on {} from {}{}",
            if ok {
                "restored and verified:"
            } else {
                "restored, but it differs from the backup:"
            },
            plan.account.user,
            plan.host,
            plan.point.path,
            outcome
                .snapshot
                .as_ref()
                .map(|s| format!(
                    "\nsafety snapshot: {s}\nundo with: hostops --ticket {} backup undo {run_id}",
                    ctx.ticket().map(|t| t.as_str()).unwrap_or("TICKET")
                ))
                .unwrap_or_default()
        ));
    }
    Ok(if ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The preview in one line, for the journal (what the next level reads).
fn summary(plan: &Plan) -> String {
    let sum =
        |f: fn(&FileChanges) -> &Counted| -> u64 { plan.files.iter().map(|c| f(c).files).sum() };
    let dbs: Vec<String> = plan
        .databases
        .iter()
        .map(|d| format!("{} {}", d.action, d.database))
        .collect();
    format!(
        "restore preview: {} on {} from {} ({}): files {} added, {} overwritten, {} removed; databases: {}",
        plan.account.user,
        plan.host,
        plan.point.path,
        scope(plan),
        sum(|c| &c.added),
        sum(|c| &c.overwritten),
        sum(|c| &c.removed),
        if dbs.is_empty() { "none".to_string() } else { dbs.join(", ") }
    )
}

fn scope(plan: &Plan) -> String {
    if plan.whole {
        if plan.account_exists {
            "the whole account: it is replaced".to_string()
        } else {
            "the whole account: it does not exist now".to_string()
        }
    } else {
        let parts: Vec<String> = plan
            .parts
            .iter()
            .map(|p| match p {
                Part::Home => "home".to_string(),
                Part::Mail => "mail".to_string(),
                Part::Db(None) => "db".to_string(),
                Part::Db(Some(n)) => format!("db:{n}"),
                Part::Path(r) => format!("path:{r}"),
            })
            .collect();
        format!("only {}", parts.join(", "))
    }
}

fn render_plan(ctx: &Context, plan: &Plan) {
    let p = &ctx.printer;
    let pt = &plan.point;
    p.data(format!(
        "Restore {} on {} from {} ({}, {}, {}, {})",
        plan.account.user,
        plan.host,
        pt.path,
        pt.date,
        json_word(&pt.period),
        json_word(&pt.format),
        human_bytes(pt.size_bytes)
    ));
    p.data(format!("Scope: {}", scope(plan)));
    if !plan.files.is_empty() {
        let mut t = Table::new(["FILES IN", "ADDED", "OVERWRITTEN", "REMOVED", "UNCHANGED"]);
        let cell = |c: &Counted| format!("{} ({})", c.files, human_bytes(c.bytes));
        for f in &plan.files {
            t.row([
                f.live.clone(),
                cell(&f.added),
                cell(&f.overwritten),
                cell(&f.removed),
                f.unchanged.to_string(),
            ]);
        }
        p.table(&t);
        for f in &plan.files {
            for (sign, c) in [("+", &f.added), ("~", &f.overwritten), ("-", &f.removed)] {
                for s in &c.sample {
                    p.data(format!("  {sign} {s}"));
                }
            }
        }
    }
    if !plan.databases.is_empty() {
        let mut t = Table::new(["DATABASE", "ACTION", "NOW", "IN BACKUP"]);
        let size = |b: Option<u64>| b.map_or("-".to_string(), human_bytes);
        for d in &plan.databases {
            t.row([
                d.database.clone(),
                d.action.to_string(),
                size(d.current_bytes),
                size(d.backup_bytes),
            ]);
        }
        p.table(&t);
    }
    if !plan.mailboxes.is_empty() {
        let mut t = Table::new(["MAILBOX", "MESSAGES NOW", "IN BACKUP"]);
        for m in &plan.mailboxes {
            t.row([
                m.mailbox.clone(),
                m.current_messages.to_string(),
                m.backup_messages.to_string(),
            ]);
        }
        p.table(&t);
    }
    match &plan.snapshot {
        Some(s) => p.data(format!(
            "Safety snapshot: {} in {}/RUN_ID (about {} needed, {} free)",
            if s.whole {
                "the panel's package of the account"
            } else {
                "copies of only what the restore replaces"
            },
            s.dir,
            human_bytes(s.needed_bytes),
            human_bytes(s.free_bytes)
        )),
        None if plan.account_exists => {
            p.data("Safety snapshot: none (--no-snapshot): this restore cannot be undone")
        }
        None => {}
    }
}

fn undo(ctx: &Context, args: BackupUndoArgs) -> Result<ExitStatus> {
    let ticket = ctx
        .ticket()
        .map(|t| t.as_str().to_string())
        .unwrap_or_default();
    let journal = ctx.open_journal()?;
    let run_id = journal.resolve_run(&ticket, &args.run_id)?;
    let snap = match undo::load(&journal, &ticket, &run_id)? {
        undo::Found::Snapshot(s) => s,
        undo::Found::Interrupted(begun) => {
            let (t, _) = server(ctx, &begun.host)?;
            if ctx.dry_run() {
                ctx.printer.data(format!(
                    "would remove the partial safety snapshot {} on {} (run {} was interrupted while taking it, before restoring anything)",
                    begun.dir, begun.host, run_id
                ));
                return Ok(ExitStatus::Success);
            }
            let said = undo::clean_interrupted(&*t, &begun, &run_id)?;
            ctx.note(said.clone())?;
            if ctx.printer.is_json() {
                ctx.printer
                    .json(&json!({ "interrupted": true, "removed": begun.dir, "message": said }))?;
            } else {
                ctx.printer.data(said);
            }
            return Ok(ExitStatus::Success);
        }
    };
    let what = undo::describe(&snap)?;
    let (t, driver) = server(ctx, &snap.host)?;
    undo::check(&*t, &snap)?;
    if ctx.dry_run() {
        if ctx.printer.is_json() {
            ctx.printer
                .json(&json!({ "snapshot": snap, "dry_run": true }))?;
        } else {
            ctx.printer.data(format!("would {what}"));
        }
        ctx.note(format!("dry run: would {what}"))?;
        return Ok(ExitStatus::Success);
    }
    ctx.confirm_change(&what)?;
    let differences = undo::apply(&*t, driver.as_ref(), &snap, &run_id)?;
    ctx.note(format!("undid restore run {run_id}: {what}"))?;
    let ok = differences.is_empty();
    if ctx.printer.is_json() {
        ctx.printer
            .json(&json!({ "snapshot": snap, "differences": differences }))?;
    } else {
        for d in &differences {
            ctx.printer.data(format!("  differs: {d}"));
        }
        ctx.printer.data(if ok {
            format!(
                "undone: {} on {} is as it was before run {}",
                snap.account, snap.host, run_id
            )
        } else {
            format!(
                "undone, but {} on {} differs from before run {}",
                snap.account, snap.host, run_id
            )
        });
    }
    Ok(if ok {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
