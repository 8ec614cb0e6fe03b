//! `hostops backup list|restore|undo`

use anyhow::Result;

use crate::app::{change, finish, Finished};
use crate::cli::BackupCommand;
use crate::context::Context;
use crate::ops::backup::list::{self, ListOptions};
use crate::ops::backup::restoring::{self, RestoreOptions};
use crate::ops::backup::undoing;

pub fn run(ctx: &Context, cmd: BackupCommand) -> Result<Finished> {
    match cmd {
        BackupCommand::List(args) => {
            let options = ListOptions {
                host: args.host,
                account: args.account,
            };
            finish(ctx, &list::list(ctx, options)?)
        }
        BackupCommand::Restore(args) => {
            let options = RestoreOptions {
                host: args.host,
                account: args.account,
                date: args.date,
                file: args.file,
                only: args.only,
                snapshot: !args.no_snapshot,
            };
            change::run(ctx, restoring::change(ctx, options)?)
        }
        BackupCommand::Undo(args) => change::run(ctx, undoing::change(ctx, &args.run_id)?),
    }
}
