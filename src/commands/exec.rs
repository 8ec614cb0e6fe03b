//! `hostops exec`: one command on hosts through the change protocol (plan, confirm, run
//! everywhere with the output streamed live, report), and the hint for a command line that
//! lacks `--`.

mod render;

use std::ffi::OsString;
use std::time::Duration;

use anyhow::Result;
use clap::Parser;

use crate::app::{change, Finished};
use crate::cli::{Cli, ExecArgs};
use crate::context::Context;
use crate::ops::exec::{self, ExecRequest};
use crate::transport::Cmd;

pub(crate) use crate::ops::exec::TerminalSink;

pub fn run(ctx: &Context, args: ExecArgs) -> Result<Finished> {
    let exec = exec::change(
        ctx,
        ExecRequest {
            hosts: args.hosts,
            command: args.command,
            forks: args.forks,
            timeout: args.timeout.map(Duration::from_secs),
            stdin: args.stdin,
        },
    )?;
    change::run(ctx, exec)
}

/// For `hostops exec lab uptime` (no `--`): the same command line with `--` where it parses,
/// `hostops exec lab -- uptime`, or None when that is not the problem.
pub fn missing_separator_hint(argv: &[OsString]) -> Option<String> {
    let args: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    if args.iter().any(|a| a == "--") {
        return None;
    }
    let exec = args.iter().position(|a| a == "exec")?;
    (exec + 2..args.len()).find_map(|at| {
        let mut fixed = args.clone();
        fixed.insert(at, "--".into());
        Cli::try_parse_from(&fixed).ok()?;
        let line = Cmd::from_argv(fixed.into_iter().skip(1))?;
        Some(format!("hostops {line}"))
    })
}
