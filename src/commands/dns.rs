//! `hostops dns show|check|add|set|rm|apply|undo`

use std::time::Duration;

use anyhow::Result;

use crate::app::{change, finish, Finished};
use crate::cli::{DnsCommand, DnsEditArgs};
use crate::context::Context;
use crate::ops::blacklist::dns::{parse_nameserver, DnsOptions};
use crate::ops::dns::check::{self, CheckOptions};
use crate::ops::dns::{self, EditOptions, Op};

fn options(op: Op, a: DnsEditArgs) -> EditOptions {
    EditOptions {
        host: a.host,
        domain: a.domain,
        op,
        name: a.name,
        rtype: a.rtype,
        values: a.values,
        ttl: a.ttl,
    }
}

pub fn run(ctx: &Context, cmd: DnsCommand) -> Result<Finished> {
    match cmd {
        DnsCommand::Show { domain, host } => {
            finish(ctx, &dns::show(ctx, &domain, host.as_deref())?)
        }
        DnsCommand::Check {
            domains,
            nameserver,
            in_flight,
        } => {
            let options = CheckOptions {
                domains,
                resolver: DnsOptions {
                    nameservers: nameserver
                        .iter()
                        .map(|n| parse_nameserver(n))
                        .collect::<Result<_, _>>()?,
                    timeout: Duration::from_secs(2),
                    retries: 1,
                },
                in_flight,
            };
            finish(ctx, &check::check(ctx, &options)?)
        }
        DnsCommand::Add(a) => change::run(ctx, dns::change(ctx, options(Op::Add, a))?),
        DnsCommand::Set(a) => change::run(ctx, dns::change(ctx, options(Op::Set, a))?),
        DnsCommand::Rm(a) => change::run(ctx, dns::change(ctx, options(Op::Rm, a))?),
        DnsCommand::Apply { domain, file, host } => {
            change::run(ctx, dns::apply(ctx, &domain, &file, host.as_deref())?)
        }
        DnsCommand::Undo { run_id } => change::run(ctx, dns::undo(ctx, &run_id)?),
    }
}
