//! From parsed argv to one op call: build the Context, check the ticket, journal the run,
//! dispatch, render, and map the outcome to an exit code.

mod backup;
mod blacklist;
mod copy;
pub mod exec;
mod hosts;
mod log;
mod migrate;
mod playbook;
pub mod reference;
mod status;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use anyhow::Result;
use clap::Parser;

use crate::app::envelope::{Envelope, ErrorDoc};
use crate::app::Finished;
use crate::cli::{BlacklistCommand, Cli, ColorChoice, Command, GlobalArgs, HostsCommand};
use crate::config::Config;
use crate::context::{self, Context, Settings};
use crate::exit::ExitStatus;
use crate::journal::{RunLog, RunStart, RunStatus, Target};
use crate::output::{Format, Printer};
use crate::panel;
use crate::ticket::Ticket;

/// Runs hostops on `argv` and returns its exit status.
pub fn main(argv: Vec<OsString>) -> ExitStatus {
    let cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => return usage_error(&argv, e),
    };
    init_color(cli.global.color);
    init_tracing(cli.global.verbose, cli.global.quiet);
    let format = if cli.global.json {
        Format::Json
    } else {
        Format::Human
    };
    let printer = Printer::terminal(format, cli.global.quiet);
    let name = command_name(&cli.command);
    let argv: Vec<String> = argv
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();

    let prepared = Config::load().and_then(|config| {
        let settings = settings(&cli.global, &config)?;
        Ok((config, settings))
    });
    let (config, settings) = match prepared {
        Ok(p) => p,
        Err(e) => {
            let status = status::of_error(&e);
            printer.error(&e);
            if printer.is_json() {
                let _ = printer.json(&Envelope {
                    command: name,
                    ticket: None,
                    run_id: None,
                    journal_head: None,
                    dry_run: cli.global.dry_run,
                    ok: false,
                    exit_code: status.code(),
                    result: &serde_json::Value::Null,
                    errors: vec![ErrorDoc::new(&e, status)],
                });
            }
            return status;
        }
    };
    let ctx = Context::new(config, printer, settings);
    let result = run(&ctx, cli.command, argv);
    if crate::transport::interrupt::requested() {
        // The signal handler records the end of the run and exits 130.
        loop {
            std::thread::park();
        }
    }
    let (finished, status) = match result {
        Ok(Ran::Finished(f)) => {
            let status = f.status;
            (Some(f), status)
        }
        Ok(Ran::Printed(status)) => (None, status),
        Err(e) => {
            let status = status::of_error(&e);
            let f = Finished {
                result: serde_json::Value::Null,
                status,
                errors: vec![e],
            };
            (Some(f), status)
        }
    };
    let mut journal_head = None;
    if let Some(log) = ctx.run_log() {
        let run_status = if status == ExitStatus::Success {
            RunStatus::Ok
        } else {
            RunStatus::Failed
        };
        match log.finish(status.code(), run_status) {
            Ok(head) => {
                if finished.is_none() || !ctx.printer.is_json() {
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
    let Some(finished) = finished else {
        return status;
    };
    let errors: Vec<anyhow::Error> = finished
        .errors
        .iter()
        .map(|e| ctx.redact_error(e))
        .collect();
    for e in &errors {
        ctx.printer.error(e);
    }
    if ctx.printer.is_json() {
        let envelope = Envelope {
            command: name,
            ticket: ctx.ticket().map(|t| t.as_str()),
            run_id: ctx.run_log().map(|l| l.run_id()),
            journal_head: journal_head.as_deref(),
            dry_run: ctx.dry_run(),
            ok: status == ExitStatus::Success,
            exit_code: status.code(),
            result: &finished.result,
            errors: errors
                .iter()
                .zip(&finished.errors)
                .map(|(shown, e)| ErrorDoc::new(shown, status::of_error(e)))
                .collect(),
        };
        if let Err(e) = ctx.printer.json(&envelope) {
            ctx.printer.error(&e);
        }
    }
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
        let message = e
            .kind()
            .as_str()
            .unwrap_or("invalid command line")
            .to_string();
        let err = anyhow::Error::from(e);
        let doc = ErrorDoc {
            kind: ExitStatus::Usage,
            message: format!("{message}: {}", err.to_string().trim()),
            causes: vec![err.to_string().trim().to_string()],
        };
        let printer = Printer::terminal(Format::Json, true);
        let _ = printer.json(&Envelope {
            command: "hostops",
            ticket: None,
            run_id: None,
            journal_head: None,
            dry_run: false,
            ok: false,
            exit_code: ExitStatus::Usage.code(),
            result: &serde_json::Value::Null,
            errors: vec![doc],
        });
    }
    ExitStatus::Usage
}

fn settings(g: &GlobalArgs, config: &Config) -> Result<Settings> {
    let pattern = regex::Regex::new(&config.ticket_pattern)
        .map_err(|e| anyhow::anyhow!("invalid ticket_pattern in the config file: {e}"))?;
    let ticket = g
        .ticket
        .as_deref()
        .map(|t| Ticket::parse(t, &pattern))
        .transpose()?;
    let inventory = g
        .inventory
        .clone()
        .or_else(|| config.inventory.clone())
        .or_else(|| {
            crate::config::config_dir()
                .map(|d| d.join("inventory.toml"))
                .filter(|p| p.exists())
        });
    let journal = match g.journal.as_deref().or(config.journal.as_deref()) {
        Some(given) => Target::parse(given)?,
        None => Target::Sqlite(crate::journal::default_path()?),
    };
    let ssh_config = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".ssh").join("config"));
    Ok(Settings {
        ticket,
        dry_run: g.dry_run,
        assume_yes: g.yes,
        inventory,
        journal,
        ssh_config,
        ssh: context::ssh_options(
            g.connect_timeout.unwrap_or(config.connect_timeout),
            g.accept_new_host_key,
        ),
    })
}

/// The driver for the panel `t` runs, detected now (`none` on a server without a panel: what
/// it lacks is refused where a command needs it).
fn detected_panel(t: &dyn crate::transport::Transport) -> Result<Box<dyn panel::Panel>> {
    Ok(panel::driver(panel::detect(t)?.kind))
}

/// The command as typed, without its arguments: the envelope's `command` and the name a run
/// is journaled under.
fn command_name(cmd: &Command) -> &'static str {
    use crate::cli::PlaybookCommand as P;
    use crate::cli::{BackupCommand as B, LogCommand as L, MigrateCommand as M};
    match cmd {
        Command::Hosts(h) => match h.command {
            HostsCommand::Check { .. } => "hosts check",
            HostsCommand::List => "hosts list",
        },
        Command::Exec(_) => "exec",
        Command::Copy(_) => "copy",
        Command::Blacklist(b) => match b.command {
            BlacklistCommand::Check(_) => "blacklist check",
            BlacklistCommand::Investigate(_) => "blacklist investigate",
        },
        Command::Migrate(m) => match m.command {
            M::Plan(_) => "migrate plan",
            M::Run(_) => "migrate run",
            M::Verify(_) => "migrate verify",
            M::Sync(_) => "migrate sync",
        },
        Command::Backup(b) => match b.command {
            B::List(_) => "backup list",
            B::Restore(_) => "backup restore",
            B::Undo(_) => "backup undo",
        },
        Command::Playbook(p) => match p.command {
            P::List => "playbook list",
            P::Show { .. } => "playbook show",
            P::Lint { .. } => "playbook lint",
            P::Run(_) => "playbook run",
        },
        Command::Log(l) => match l.command {
            L::List { .. } => "log list",
            L::Show { .. } => "log show",
            L::Export { .. } => "log export",
            L::Verify { .. } => "log verify",
            L::Push { .. } => "log push",
            L::InitServer { .. } => "log init-server",
        },
        Command::Completions { .. } => "completions",
        Command::Man => "man",
    }
}

/// Whether a command contacts hosts, and so needs a ticket and is journaled.
fn journaled(cmd: &Command) -> bool {
    match cmd {
        Command::Hosts(h) => matches!(h.command, HostsCommand::Check { .. }),
        Command::Exec(_) | Command::Copy(_) | Command::Blacklist(_) => true,
        Command::Migrate(_) | Command::Backup(_) => true,
        Command::Playbook(p) => matches!(p.command, crate::cli::PlaybookCommand::Run(_)),
        Command::Log(_) | Command::Completions { .. } | Command::Man => false,
    }
}

/// Until every command returns its report: what a command gave back.
enum Ran {
    /// Its report, printed by the top (the envelope with `--json`).
    Finished(Finished),
    /// A command that printed its own output, and its status.
    Printed(ExitStatus),
}

fn printed(status: Result<ExitStatus>) -> Result<Ran> {
    status.map(Ran::Printed)
}

fn run(ctx: &Context, command: Command, argv: Vec<String>) -> Result<Ran> {
    if journaled(&command) {
        let name = command_name(&command);
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
            },
        )?;
        record_interruptions(log);
    }
    match command {
        Command::Hosts(args) => printed(hosts::run(ctx, args.command)),
        Command::Exec(args) => printed(exec::run(ctx, args)),
        Command::Copy(args) => copy::run(ctx, args).map(Ran::Finished),
        Command::Blacklist(args) => printed(blacklist::run(ctx, args.command)),
        Command::Migrate(args) => printed(migrate::run(ctx, args.command)),
        Command::Backup(args) => printed(backup::run(ctx, args.command)),
        Command::Playbook(args) => printed(playbook::run(ctx, args)),
        Command::Log(args) => log::run(ctx, args.command),
        Command::Completions { shell } => printed(reference::print_completions(ctx, shell)),
        Command::Man => printed(reference::print_man(ctx)),
    }
}

/// What to tell the user when the run is interrupted (how to continue it), set by commands
/// that can be resumed once there is something to resume.
static INTERRUPT_HINT: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Prints `hint` on stderr if the run is interrupted from now on.
pub fn hint_on_interrupt(hint: String) {
    *INTERRUPT_HINT.lock().unwrap_or_else(|p| p.into_inner()) = Some(hint);
}

/// On SIGINT/SIGTERM the commands running on hosts are stopped (and their ends journaled),
/// then the run is recorded as interrupted and hostops exits 130. (SIGKILL cannot be caught:
/// such a run has no end event and reads back as interrupted.)
fn record_interruptions(log: Arc<RunLog>) {
    static ACTIVE: OnceLock<Arc<RunLog>> = OnceLock::new();
    if ACTIVE.set(log).is_ok() {
        let _ = ctrlc::set_handler(|| {
            crate::transport::interrupt::stop_all(std::time::Duration::from_secs(8));
            if let Some(log) = ACTIVE.get() {
                let _ = log.finish(ExitStatus::Interrupted.code(), RunStatus::Interrupted);
            }
            eprintln!("hostops: interrupted");
            if let Some(hint) = INTERRUPT_HINT
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .as_ref()
            {
                eprintln!("{hint}");
            }
            std::process::exit(ExitStatus::Interrupted.code());
        });
    }
}

fn init_color(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && console::Term::stderr().features().colors_supported()
        }
    };
    console::set_colors_enabled(on);
    console::set_colors_enabled_stderr(on);
}

fn init_tracing(verbose: u8, quiet: bool) {
    let level = match (quiet, verbose) {
        (true, _) => tracing::Level::ERROR,
        (false, 0) => tracing::Level::WARN,
        (false, 1) => tracing::Level::INFO,
        (false, 2) => tracing::Level::DEBUG,
        _ => tracing::Level::TRACE,
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(|| crate::output::progress::LogWriter)
        .with_max_level(level)
        .with_target(false)
        .with_ansi(console::colors_enabled_stderr())
        .without_time()
        .try_init();
}
