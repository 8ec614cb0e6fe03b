//! `hostops migrate plan|run|sync|verify`

use anyhow::Result;

use crate::app::{change, finish, Finished};
use crate::cli::{self, MigrateCommand, PlanArgs, RunArgs, Which};
use crate::context::Context;
use crate::ops::migrate::pair::Migrated;
use crate::ops::migrate::run::RunOptions;
use crate::ops::migrate::start::{self, RunRequest, Start};
use crate::ops::migrate::{preflight, syncing, verified, PlanRequest, Selection};
use crate::ops::transfer::Route;

pub fn run(ctx: &Context, cmd: MigrateCommand) -> Result<Finished> {
    match cmd {
        MigrateCommand::Plan(args) => plan(ctx, args),
        MigrateCommand::Run(args) => run_migration(ctx, args),
        MigrateCommand::Verify(args) => finish(
            ctx,
            &verified::compare(ctx, &migrated(args.migrated), args.deep)?,
        ),
        MigrateCommand::Sync(args) => {
            let sync = syncing::change(ctx, &migrated(args.migrated), route(args.relay))?;
            change::run(ctx, sync)
        }
    }
}

fn plan(ctx: &Context, args: PlanArgs) -> Result<Finished> {
    let request = plan_request(ctx, &args.from, &args.to, args.which)?;
    finish(ctx, &preflight::preflight(ctx, &request)?)
}

fn run_migration(ctx: &Context, args: RunArgs) -> Result<Finished> {
    let start = match args.resume {
        Some(id) => Start::Resume(id),
        None => Start::Fresh {
            request: Box::new(plan_request(
                ctx,
                args.from.as_deref().unwrap_or_default(),
                args.to.as_deref().unwrap_or_default(),
                args.which,
            )?),
            route: route(args.relay),
        },
    };
    let request = RunRequest {
        start,
        options: RunOptions {
            parallel: args.parallel.max(1),
            fail_fast: args.fail_fast,
        },
    };
    change::run(ctx, start::change(ctx, request)?)
}

fn plan_request(ctx: &Context, from: &str, to: &str, which: Which) -> Result<PlanRequest> {
    Ok(PlanRequest {
        from: ctx.host(from)?,
        to: ctx.host(to)?,
        scheduled: which.scheduled.clone(),
        selection: if which.all {
            Selection::All
        } else if let Some(owner) = which.owner {
            Selection::Owner(owner)
        } else {
            Selection::Named(which.accounts)
        },
    })
}

fn migrated(m: cli::Migrated) -> Migrated {
    Migrated {
        from: m.from,
        to: m.to,
        accounts: m.accounts,
    }
}

fn route(relay: bool) -> Route {
    if relay {
        Route::Relay
    } else {
        Route::Direct
    }
}
