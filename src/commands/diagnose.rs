//! `hostops diagnose hardware|load`

mod load_render;

use anyhow::{bail, Result};
use jiff::Timestamp;

use crate::app::{finish, Finished};
use crate::cli::{DiagnoseCommand, LoadArgs};
use crate::context::Context;
use crate::exit::StatusError;
use crate::journal::since;
use crate::ops::diagnose::hardware;
use crate::ops::diagnose::load::{self, LoadOptions};

pub fn run(ctx: &Context, cmd: DiagnoseCommand) -> Result<Finished> {
    match cmd {
        DiagnoseCommand::Hardware { hosts, forks } => {
            finish(ctx, &hardware::diagnose(ctx, &hosts, forks)?)
        }
        DiagnoseCommand::Load(args) => run_load(ctx, args),
    }
}

fn run_load(ctx: &Context, args: LoadArgs) -> Result<Finished> {
    let thresholds = ctx.config.diagnose_load.clone();
    let past = match (&args.since, &args.at) {
        (None, None) => None,
        (_, Some(at)) => {
            let at = since::option("--at", at)?;
            let side = jiff::SignedDuration::from_mins(i64::from(thresholds.log_minutes));
            Some((at - side, at + side))
        }
        (Some(s), None) => {
            let from = since::option("--since", s)?;
            let to = match &args.until {
                Some(u) => since::option("--until", u)?,
                None => Timestamp::now(),
            };
            if to <= from {
                bail!(StatusError::usage("--until must be after --since"));
            }
            Some((from, to))
        }
    };
    let opts = LoadOptions {
        past,
        thresholds,
        forks: args.forks,
    };
    finish(ctx, &load::run(ctx, &args.hosts, &opts)?)
}
