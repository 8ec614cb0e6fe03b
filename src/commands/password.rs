//! `hostops password reset`

use anyhow::Result;

use crate::app::{change, Finished};
use crate::cli::{PasswordCommand, ResetArgs};
use crate::context::Context;
use crate::ops::password::{self, ResetOptions, Source, TargetArg};

pub fn run(ctx: &Context, cmd: PasswordCommand) -> Result<Finished> {
    match cmd {
        PasswordCommand::Reset(args) => {
            let opts = options(args);
            change::run(ctx, password::change(ctx, opts)?)
        }
    }
}

fn options(a: ResetArgs) -> ResetOptions {
    let target = match (a.account, a.mailbox, a.ftp, a.db_user) {
        (Some(n), ..) => TargetArg::Account(n),
        (_, Some(m), ..) => TargetArg::Mailbox(m),
        (_, _, Some(f), _) => TargetArg::Ftp(f),
        (.., Some(u)) => TargetArg::DbUser(u),
        // clap's required group: one of the four is given.
        (None, None, None, None) => TargetArg::Account(String::new()),
    };
    let source = if a.generate {
        Source::Generate(a.length)
    } else if a.stdin {
        Source::Stdin
    } else {
        Source::Prompt
    };
    ResetOptions {
        host: a.host,
        target,
        source,
        secret_file: a.secret_file,
        show_secret: a.show_secret,
        kill_sessions: a.kill_sessions,
    }
}
