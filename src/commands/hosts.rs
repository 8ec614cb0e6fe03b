//! `hostops hosts list|check`

mod render;

use anyhow::Result;

use crate::app::{finish, Finished};
use crate::cli::HostsCommand;
use crate::context::Context;
use crate::ops::hosts;

pub fn run(ctx: &Context, cmd: HostsCommand) -> Result<Finished> {
    match cmd {
        HostsCommand::List => finish(ctx, &hosts::list(ctx)?),
        HostsCommand::Check { hosts, forks } => finish(ctx, &hosts::check(ctx, &hosts, forks)?),
    }
}
