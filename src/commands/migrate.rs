//! `hostops migrate plan`

use anyhow::Result;

use crate::cli::{MigrateCommand, PlanArgs};
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::ops::migrate::{self, Plan, PlanRequest, Selection};
use crate::output::{human_bytes, human_duration, verdict, Table};

pub fn run(ctx: &Context, cmd: MigrateCommand) -> Result<ExitStatus> {
    match cmd {
        MigrateCommand::Plan(args) => plan(ctx, args),
    }
}

fn one_host(ctx: &Context, name: &str) -> Result<crate::inventory::HostSpec> {
    Ok(ctx.hosts(&[name.to_string()])?.remove(0))
}

fn plan(ctx: &Context, args: PlanArgs) -> Result<ExitStatus> {
    let selection = if args.all {
        Selection::All
    } else if let Some(owner) = args.owner {
        Selection::Owner(owner)
    } else {
        Selection::Named(args.accounts)
    };
    let req = PlanRequest {
        from: one_host(ctx, &args.from)?,
        to: one_host(ctx, &args.to)?,
        selection,
        scheduled: args.scheduled,
    };
    let plan = migrate::plan(ctx, &req)?;
    if ctx.printer.is_json() {
        ctx.printer
            .json(&serde_json::json!({ "plan": plan, "clean": plan.is_clean() }))?;
    } else {
        render(ctx, &plan);
    }
    Ok(if plan.is_clean() {
        ExitStatus::Success
    } else {
        ExitStatus::Refused
    })
}

fn render(ctx: &Context, plan: &Plan) {
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
