//! `hostops blacklist check|investigate`: options from argv, one op call, its report.

mod render_check;
mod render_investigation;

use std::time::Duration;

use anyhow::Result;

use crate::app::{self, Finished};
use crate::cli::{BlacklistCommand, CheckArgs, InvestigateArgs};
use crate::context::Context;
use crate::exit::StatusError;
use crate::ops::blacklist::dns::{self, DnsOptions};
use crate::ops::blacklist::investigate::{self, InvestigateOptions};
use crate::ops::blacklist::{self, zones, CheckOptions};

pub fn run(ctx: &Context, cmd: BlacklistCommand) -> Result<Finished> {
    match cmd {
        BlacklistCommand::Check(args) => check(ctx, args),
        BlacklistCommand::Investigate(args) => investigate(ctx, args),
    }
}

fn check(ctx: &Context, args: CheckArgs) -> Result<Finished> {
    let dqs_key = args.dqs_key_file.as_deref().map(dqs_key).transpose()?;
    if let Some(key) = &dqs_key {
        ctx.add_secret(key);
    }
    let set = match &args.zones {
        Some(path) => zones::load(path)?,
        None => zones::builtin(),
    };
    let nameservers = args
        .nameserver
        .iter()
        .map(|s| dns::parse_nameserver(s))
        .collect::<Result<Vec<_>, _>>()?;
    if args.in_flight == 0 || args.timeout == 0 || args.deadline == 0 {
        return Err(
            StatusError::usage("--in-flight, --timeout and --deadline must be at least 1").into(),
        );
    }
    let opts = CheckOptions {
        targets: args.targets,
        zones: zones::select(set, &args.zone, dqs_key.as_deref())?,
        dns: DnsOptions {
            nameservers,
            timeout: Duration::from_millis(args.timeout),
            retries: args.retries,
        },
        in_flight: args.in_flight,
        max_addresses: args.max_addresses,
        deadline: Duration::from_secs(args.deadline),
    };
    app::finish(ctx, &blacklist::check(ctx, &opts)?)
}

/// The Spamhaus DQS key in `path`: one line of letters and digits.
fn dqs_key(path: &std::path::Path) -> Result<String> {
    let key = std::fs::read_to_string(path)
        .map_err(|e| {
            StatusError::usage(format!(
                "--dqs-key-file: cannot read `{}`: {e}",
                path.display()
            ))
        })?
        .trim()
        .to_string();
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(StatusError::usage(format!(
            "`{}` does not hold a DQS key (one line of letters and digits, from the Spamhaus DQS portal)",
            path.display()
        ))
        .into());
    }
    Ok(key)
}

fn investigate(ctx: &Context, args: InvestigateArgs) -> Result<Finished> {
    let opts = InvestigateOptions {
        host: args.host,
        lines: args.lines,
        ticket: ctx.ticket().map(|t| t.to_string()).unwrap_or_default(),
    };
    app::finish(ctx, &investigate::investigate(ctx, &opts)?)
}
