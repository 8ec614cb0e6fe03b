//! `hostops mail ...`: e-mail in depth: exim's and postfix's logs as typed events, joined
//! into messages with one verdict each, and the trace that finds them on the server.

pub mod check;
pub mod domain;
pub mod event;
pub mod eximlog;
pub mod filterlang;
pub mod hold;
pub mod join;
pub mod mta;
pub mod postfixlog;
pub mod queue;
pub mod remove;
pub mod retry;
pub mod rules;
pub mod trace;
pub mod words;

use crate::context::Context;
use crate::exit::StatusError;
use crate::inventory::HostSpec;

/// The one mail server `name` names (a group of several is a usage error).
pub fn one_server(ctx: &Context, name: &str) -> anyhow::Result<HostSpec> {
    let mut hosts = ctx.hosts(&[name.to_string()])?;
    if hosts.len() != 1 {
        return Err(StatusError::usage(format!(
            "`{name}` names {} hosts: one mail server at a time",
            hosts.len()
        ))
        .into());
    }
    Ok(hosts.remove(0))
}
