//! `hostops account find|show`

use anyhow::Result;

use crate::app::{finish, Finished};
use crate::cli::AccountCommand;
use crate::context::Context;
use crate::ops::account;

pub fn run(ctx: &Context, cmd: AccountCommand) -> Result<Finished> {
    match cmd {
        AccountCommand::Find {
            query,
            hosts,
            forks,
        } => finish(ctx, &account::find(ctx, &query, &hosts, forks)?),
        AccountCommand::Show { host, account } => {
            finish(ctx, &account::show(ctx, &host, &account)?)
        }
    }
}
