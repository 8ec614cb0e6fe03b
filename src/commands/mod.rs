//! From parsed argv to one op call: build the Context, check the ticket, journal the run,
//! dispatch, render, and map the outcome to an exit code.

mod account;
mod backup;
mod blacklist;
mod copy;
mod diagnose;
mod dns;
pub mod exec;
mod hosts;
mod log;
mod mail;
mod migrate;
mod names;
mod password;
mod playbook;
pub mod reference;
mod setup;
mod ticket;
mod web;

use std::ffi::OsString;

use anyhow::Result;
use clap::Parser;

use crate::app::envelope;
use crate::app::Finished;
use crate::app::{interrupt, policy, status};
use crate::cli::{Cli, Command};
use crate::config::Config;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::journal::{RunStart, RunStatus};
use crate::output::{Format, Printer};
use crate::ticket::Ticket;

/// Runs hostops on `argv` and returns its exit status.
pub fn main(argv: Vec<OsString>) -> ExitStatus {
    let mut cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&argv, e),
    };
    if let Some(t) = names::ticket_argument(&cli.command) {
        cli.global.ticket = Some(t.to_string());
    }
    setup::init_color(cli.global.color);
    setup::init_tracing(cli.global.verbose, cli.global.quiet);
    let format = if cli.global.json
        || matches!(&cli.command, Command::Log(l) if log::json_format(&l.command))
        || matches!(&cli.command, Command::Ticket(t) if ticket::json_format(&t.command))
    {
        Format::Json
    } else {
        Format::Human
    };
    let printer = Printer::terminal(format, cli.global.quiet);
    let name = names::command_name(&cli.command);
    let argv: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();

    let prepared = Config::load().and_then(|config| {
        let settings = setup::settings(&cli.global, &config)?;
        Ok((config, settings))
    });
    let (config, settings) = match prepared {
        Ok(p) => p,
        Err(e) => {
            let status = status::of_error(&e);
            printer.error(&e);
            if printer.is_json() {
                envelope::print_failure(&printer, name, cli.global.dry_run, &e, status);
            }
            return status;
        }
    };
    let ctx = Context::new(config, printer, settings);
    let verbose = cli.global.verbose > 0;
    let result = run(&ctx, cli.command, argv, verbose);
    if crate::transport::interrupt::requested() {
        // The signal handler records the end of the run and exits 130.
        loop {
            std::thread::park();
        }
    }
    let finished = result.unwrap_or_else(|e| Finished {
        result: serde_json::Value::Null,
        status: status::of_error(&e),
        errors: vec![e],
    });
    let status = finished.status;
    let mut journal_head = None;
    if let Some(log) = ctx.run_log() {
        let run_status = if status == ExitStatus::Success {
            RunStatus::Ok
        } else {
            RunStatus::Failed
        };
        match log.finish(status.code(), run_status) {
            Ok(head) => {
                if !ctx.printer.is_json() {
                    log::print_run_summary(&ctx.printer, log.run_id(), &head);
                }
                journal_head = Some(head.hash.clone());
            }
            Err(e) => ctx.printer.warn(format!(
                "could not record the end of the run in the journal: {e:#}"
            )),
        }
        if let Some(why) = log.journaled_locally() {
            ctx.printer.warn(format!(
                "{why}; run {} is journaled locally in `{}`: send it with `hostops log push`",
                log.run_id(),
                log.journal().name()
            ));
        }
    }
    envelope::print(&ctx, name, journal_head.as_deref(), &finished);
    status
}

/// A command line clap cannot parse: its message (and a hint), exit 2, and with `--json` the
/// envelope on stdout too.
fn usage_error(argv: &[OsString], e: clap::Error) -> ExitStatus {
    let _ = e.print();
    if let Some(hint) = exec::missing_separator_hint(argv) {
        eprintln!("\nhint: put `--` before the remote command: {hint}");
    }
    if !e.use_stderr() {
        return ExitStatus::Success;
    }
    let json = argv
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--json");
    if json {
        let err = anyhow::anyhow!("{}", e.to_string().trim());
        let printer = Printer::terminal(Format::Json, true);
        envelope::print_failure(&printer, "hostops", false, &err, ExitStatus::Usage);
    }
    ExitStatus::Usage
}

fn run(ctx: &Context, command: Command, argv: Vec<String>, verbose: bool) -> Result<Finished> {
    let level = policy::operator_level(ctx)?;
    if names::journaled(&command) {
        let name = names::command_name(&command);
        if let Command::Playbook(args) = &command {
            playbook::register_secrets(ctx, args);
        }
        let ticket = ctx.ticket().cloned().ok_or_else(|| Ticket::missing(name))?;
        let log = ctx.start_run(
            ticket,
            RunStart {
                operator: crate::identity::operator(),
                machine: crate::identity::machine(),
                command: name.to_string(),
                argv,
                version: env!("CARGO_PKG_VERSION").to_string(),
                dry_run: ctx.dry_run(),
                pid: std::process::id(),
                level: level.map(|l| l.number()),
            },
        )?;
        interrupt::record(log);
    }
    if let Some(task) = names::task(&command) {
        policy::check(ctx, &task)?;
    }
    match command {
        Command::Hosts(args) => hosts::run(ctx, args.command),
        Command::Exec(args) => exec::run(ctx, args),
        Command::Copy(args) => copy::run(ctx, args),
        Command::Account(args) => account::run(ctx, args.command),
        Command::Password(args) => password::run(ctx, args.command),
        Command::Blacklist(args) => blacklist::run(ctx, args.command),
        Command::Mail(args) => mail::run(ctx, args.command),
        Command::Diagnose(args) => diagnose::run(ctx, args.command),
        Command::Web(args) => web::run(ctx, args.command),
        Command::Migrate(args) => migrate::run(ctx, args.command),
        Command::Backup(args) => backup::run(ctx, args.command),
        Command::Dns(args) => dns::run(ctx, args.command),
        Command::Playbook(args) => playbook::run(ctx, args),
        Command::Log(args) => log::run(ctx, args.command),
        Command::Ticket(args) => ticket::run(ctx, args.command, verbose),
        Command::Completions { shell } => reference::completions(ctx, shell),
        Command::Man => reference::man(ctx),
    }
}
