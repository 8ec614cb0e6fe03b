//! `hostops playbook list|show|lint|run`: the library and the request from the arguments, one
//! ops call, then the typed report (list, show, lint, `--check`) or the change protocol (run).

mod progress;

use anyhow::Result;

use crate::app::{change, finish, Finished};
use crate::cli::{PlaybookArgs, PlaybookCommand, PlaybookRunArgs as RunArgs};
use crate::context::Context;
use crate::ops::playbook::{library, run, vars, Library};

pub fn run(ctx: &Context, args: PlaybookArgs) -> Result<Finished> {
    let library = Library::new(args.playbooks.or_else(|| ctx.config.playbooks.clone()));
    match args.command {
        PlaybookCommand::List => finish(ctx, &library.listing()?),
        PlaybookCommand::Show { name } => finish(ctx, &library.show(&name)?),
        PlaybookCommand::Lint { files } => finish(ctx, &library::lint(&files)),
        PlaybookCommand::Run(args) => run_playbook(ctx, &library, &args),
    }
}

/// Registers the secret `--var` values of a `playbook run` before the run's argv is
/// journaled (see [`vars::register_secrets`]).
pub fn register_secrets(ctx: &Context, args: &PlaybookArgs) {
    if let PlaybookCommand::Run(run) = &args.command {
        let dir = args.playbooks.clone();
        let library = Library::new(dir.or_else(|| ctx.config.playbooks.clone()));
        vars::register_secrets(ctx, &library, &run.playbook, &run.vars);
    }
}

fn run_playbook(ctx: &Context, library: &Library, args: &RunArgs) -> Result<Finished> {
    let req = run::Request {
        playbook: &args.playbook,
        hosts: &args.hosts,
        vars: &args.vars,
        forks: args.forks,
        serial: args.serial.map(|n| n as usize),
        max_fail: args.max_fail,
    };
    let observer = progress::Progress::new(ctx);
    if args.check {
        finish(ctx, &run::check(ctx, library, &req, &observer)?)
    } else {
        change::run(ctx, run::change(ctx, library, &req, &observer)?)
    }
}
