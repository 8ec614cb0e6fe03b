//! `hostops migrate plan|run`

use anyhow::{bail, Result};

use crate::cli::{MigrateCommand, PlanArgs, RunArgs};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::inventory::HostSpec;
use crate::ops::migrate::run::{self, AccountOutcome, Migration, RunOptions};
use crate::ops::migrate::steps::{self, Done, Request};
use crate::ops::migrate::{self, Plan, PlanRequest, Selection};
use crate::ops::transfer::Route;
use crate::output::{human_bytes, human_duration, verdict, Table};
use crate::panel::{self, Account};

pub fn run(ctx: &Context, cmd: MigrateCommand) -> Result<ExitStatus> {
    match cmd {
        MigrateCommand::Plan(args) => plan(ctx, args),
        MigrateCommand::Run(args) => run_migration(ctx, args),
    }
}

fn one_host(ctx: &Context, name: &str) -> Result<HostSpec> {
    Ok(ctx.hosts(&[name.to_string()])?.remove(0))
}

fn selection(accounts: Vec<String>, all: bool, owner: Option<String>) -> Selection {
    if all {
        Selection::All
    } else if let Some(owner) = owner {
        Selection::Owner(owner)
    } else {
        Selection::Named(accounts)
    }
}

fn plan(ctx: &Context, args: PlanArgs) -> Result<ExitStatus> {
    let req = PlanRequest {
        from: one_host(ctx, &args.from)?,
        to: one_host(ctx, &args.to)?,
        selection: selection(args.accounts, args.all, args.owner),
        scheduled: args.scheduled,
    };
    let plan = migrate::plan(ctx, &req)?;
    if ctx.printer.is_json() {
        ctx.printer
            .json(&serde_json::json!({ "plan": plan, "clean": plan.is_clean() }))?;
    } else {
        render_plan(ctx, &plan);
    }
    Ok(if plan.is_clean() {
        ExitStatus::Success
    } else {
        ExitStatus::Refused
    })
}

fn run_migration(ctx: &Context, args: RunArgs) -> Result<ExitStatus> {
    let this_run = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    let route = if args.relay {
        Route::Relay
    } else {
        Route::Direct
    };
    let (request, done, plan) = match &args.resume {
        Some(id) => {
            let ticket = ctx
                .ticket()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default();
            let (request, done) = steps::load(&ctx.open_journal()?, &ticket, id)?;
            ctx.note(format!(
                "resuming migration {} (started as run {})",
                id, done.origin
            ))?;
            (request, done, None)
        }
        None => {
            let req = PlanRequest {
                from: one_host(ctx, args.from.as_deref().unwrap_or_default())?,
                to: one_host(ctx, args.to.as_deref().unwrap_or_default())?,
                selection: selection(args.accounts, args.all, args.owner),
                scheduled: args.scheduled,
            };
            let plan = migrate::plan(ctx, &req)?;
            if !plan.is_clean() {
                if ctx.printer.is_json() {
                    ctx.printer
                        .json(&serde_json::json!({ "plan": plan, "clean": false }))?;
                } else {
                    render_plan(ctx, &plan);
                }
                bail!(StatusError::refused(
                    "the plan has blockers: nothing was changed"
                ));
            }
            let request = Request {
                from: plan.from.clone(),
                to: plan.to.clone(),
                accounts: plan.accounts.iter().map(|a| a.user.clone()).collect(),
                route,
                scheduled: plan.scheduled.clone(),
            };
            (request, Done::new(&this_run), Some(plan))
        }
    };
    let (from, to) = (one_host(ctx, &request.from)?, one_host(ctx, &request.to)?);
    let (src, dst) = (ctx.connect(&from)?, ctx.connect(&to)?);
    let kind = panel::detect(&*src)?.kind;
    let Some(driver) = panel::driver(kind) else {
        bail!(StatusError::refused(format!(
            "{} runs no control panel",
            from.name
        )));
    };
    let accounts: Vec<Account> = driver
        .accounts(&*src)?
        .into_iter()
        .filter(|a| request.accounts.contains(&a.user))
        .collect();
    if accounts.len() != request.accounts.len() {
        bail!(
            "some accounts of the migration are no longer on {}: {:?}",
            from.name,
            request.accounts
        );
    }
    let migration = Migration {
        ctx,
        request,
        from,
        to,
        panel: driver,
        src,
        dst,
        done,
    };
    let what = format!(
        "migrate {} account(s) from {} to {}",
        accounts.len(),
        migration.from.name,
        migration.to.name
    );
    if ctx.dry_run() {
        if let Some(plan) = &plan {
            render_plan(ctx, plan);
        }
        render_commands(ctx, &migration, &accounts);
        ctx.note(format!("dry run: would {what}"))?;
        return Ok(ExitStatus::Success);
    }
    ctx.confirm_change(&what)?;
    migration.record_request()?;
    let outcomes = migration.run(
        &accounts,
        &RunOptions {
            parallel: args.parallel.max(1),
            fail_fast: args.fail_fast,
        },
    )?;
    if ctx.printer.is_json() {
        ctx.printer.json(&serde_json::json!({ "run_id": this_run, "origin": migration.done.origin, "accounts": outcomes }))?;
    } else {
        render_outcomes(ctx, &outcomes, &this_run);
    }
    Ok(if outcomes.iter().all(|o| o.ok) {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn render_plan(ctx: &Context, plan: &Plan) {
    let p = &ctx.printer;
    p.data(format!(
        "Migration plan {} ({} {}) -> {} ({})",
        plan.from,
        plan.panel.as_str(),
        plan.from_version.as_deref().unwrap_or("?"),
        plan.to,
        plan.to_version.as_deref().unwrap_or("?")
    ));
    let mut t = Table::new([
        "ACCOUNT",
        "SIZE",
        "DOMAINS",
        "DATABASES",
        "MAILBOXES",
        "EST. TIME",
        "STATUS",
    ]);
    for a in &plan.accounts {
        t.row([
            a.user.clone(),
            human_bytes(a.size_bytes),
            a.domains.join(" "),
            a.databases.len().to_string(),
            a.mailboxes.len().to_string(),
            human_duration(a.estimated_seconds * 1000),
            verdict(
                a.blockers.is_empty(),
                if a.blockers.is_empty() {
                    "ready"
                } else {
                    "blocked"
                },
            ),
        ]);
    }
    p.table(&t);
    p.data(format!(
        "\n{} account(s), {} in all, about {} (estimate at {}/s)",
        plan.accounts.len(),
        human_bytes(plan.total_bytes),
        human_duration(plan.estimated_seconds * 1000),
        human_bytes(migrate::rules::ASSUMED_BYTES_PER_SEC)
    ));
    let problems = plan.blockers.iter().cloned().chain(
        plan.accounts
            .iter()
            .flat_map(|a| a.blockers.iter().map(move |b| format!("{}: {b}", a.user))),
    );
    for b in problems {
        p.data(format!("  {} {b}", verdict(false, "BLOCKER")));
    }
    for w in plan.warnings.iter().cloned().chain(
        plan.accounts
            .iter()
            .flat_map(|a| a.warnings.iter().map(move |w| format!("{}: {w}", a.user))),
    ) {
        p.data(format!("  warning: {w}"));
    }
}

/// The exact commands a run would send, per account (for --dry-run).
fn render_commands(ctx: &Context, m: &Migration<'_>, accounts: &[Account]) {
    let dir = run::workdir(m.panel.as_ref(), &m.done.origin);
    let p = &ctx.printer;
    p.data(format!(
        "\nCommands (temporary directory {dir} on both servers):"
    ));
    for a in accounts {
        let archive = m.panel.archive_path(&a.user, &dir);
        p.data(format!("{}:", a.user));
        p.data(format!(
            "  package   on {}: {}",
            m.from.name,
            m.panel.package_command(&a.user, &dir)
        ));
        p.data(match m.request.route {
            Route::Direct => format!(
                "  transfer  on {}: scp from {}@{}:{archive} with a one-off key pinned to {}'s verified host key",
                m.to.name, m.from.user, m.from.address, m.from.name
            ),
            Route::Relay => format!("  transfer  through hostops: {}:{archive} -> {}:{archive}", m.from.name, m.to.name),
        });
        p.data(format!(
            "  restore   on {}: {}",
            m.to.name,
            m.panel.restore_command(a, &archive)
        ));
        p.data(format!(
            "  verify    on {}: the account, its domains and databases are listed",
            m.to.name
        ));
        p.data(format!(
            "  cleanup   on both: rm -f {archive}; rm -rf {dir} once every account is done"
        ));
    }
}

fn render_outcomes(ctx: &Context, outcomes: &[AccountOutcome], run_id: &str) {
    let mut t = Table::new(["ACCOUNT", "RESULT", "STEPS", "TIME"]);
    for o in outcomes {
        let steps: Vec<String> = o
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{}{}",
                    s.step.as_str(),
                    if s.resumed { " (earlier)" } else { "" }
                )
            })
            .collect();
        t.row([
            o.user.clone(),
            verdict(o.ok, if o.ok { "migrated" } else { "FAILED" }),
            steps.join(", "),
            human_duration(o.steps.iter().map(|s| s.duration_ms).sum()),
        ]);
    }
    ctx.printer.table(&t);
    for o in outcomes.iter().filter(|o| !o.ok) {
        ctx.printer.warn(format!(
            "{}: {}",
            o.user,
            o.error.as_deref().unwrap_or("failed")
        ));
        if let Some(c) = &o.cleanup {
            ctx.printer.warn(format!("{}: {c}", o.user));
        }
    }
    if outcomes.iter().any(|o| !o.ok) {
        ctx.printer.status(format!(
            "to continue: hostops migrate run --resume {run_id}"
        ));
    }
}
