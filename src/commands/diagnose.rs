//! `hostops diagnose ...`

use anyhow::Result;

use crate::app::{finish, Finished};
use crate::cli::DiagnoseCommand;
use crate::context::Context;
use crate::ops::diagnose::hardware;

pub fn run(ctx: &Context, cmd: DiagnoseCommand) -> Result<Finished> {
    match cmd {
        DiagnoseCommand::Hardware { hosts, forks } => {
            finish(ctx, &hardware::diagnose(ctx, &hosts, forks)?)
        }
    }
}
