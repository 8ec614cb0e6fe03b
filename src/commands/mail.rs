//! `hostops mail trace|queue|check|hold|release`: options from argv, one op call, its report.

mod render;

use anyhow::{bail, Result};

use crate::app::{self, change, Finished};
use crate::cli::{MailCommand, TraceArgs};
use crate::context::Context;
use crate::exit::StatusError;
use crate::ops::blacklist::dns::parse_nameserver;
use crate::ops::mail::check::{self, CheckOptions};
use crate::ops::mail::hold;
use crate::ops::mail::queue::{self, QueueOptions};
use crate::ops::mail::remove::{self, Select};
use crate::ops::mail::trace::{self, By, TraceOptions};

pub fn run(ctx: &Context, cmd: MailCommand) -> Result<Finished> {
    match cmd {
        MailCommand::Trace(args) => run_trace(ctx, args),
        MailCommand::Hold(a) => change::run(ctx, hold::plan(ctx, &a.host, &a.account, true)?),
        MailCommand::Release(a) => change::run(ctx, hold::plan(ctx, &a.host, &a.account, false)?),
        MailCommand::Check(args) => {
            let opts = CheckOptions {
                address: args.address,
                host: args.host,
                nameserver: args
                    .nameserver
                    .as_deref()
                    .map(parse_nameserver)
                    .transpose()?,
            };
            app::finish(ctx, &check::run(ctx, &opts)?)
        }
        MailCommand::Queue(args) if args.remove => {
            let select = match (args.sender, args.frozen) {
                (Some(s), _) => Select::Sender(s),
                (None, true) => Select::Frozen,
                (None, false) if !args.id.is_empty() => Select::Ids(args.id),
                _ => bail!(StatusError::usage(
                    "--remove needs --sender ADDR, --frozen or --id ID..."
                )),
            };
            change::run(ctx, remove::plan(ctx, &args.host, &select)?)
        }
        MailCommand::Queue(args) => {
            let opts = QueueOptions {
                host: args.host,
                sender: args.sender,
                domain: args.domain,
            };
            app::finish(ctx, &queue::queue(ctx, &opts)?)
        }
    }
}

fn run_trace(ctx: &Context, args: TraceArgs) -> Result<Finished> {
    // clap's group makes exactly one of them present.
    let (by, text) = [
        (By::From, args.from),
        (By::To, args.to),
        (By::Id, args.id),
        (By::Subject, args.subject),
    ]
    .into_iter()
    .find_map(|(by, v)| v.map(|v| (by, v)))
    .unwrap_or((By::Id, String::new()));
    let opts = TraceOptions {
        host: args.host,
        by,
        text,
        since: args
            .since
            .as_deref()
            .map(|s| crate::journal::since::option("--since", s))
            .transpose()?,
        until: args
            .until
            .as_deref()
            .map(|s| crate::journal::since::option("--until", s))
            .transpose()?,
        limit: args.limit,
    };
    app::finish(ctx, &trace::trace(ctx, &opts)?)
}
