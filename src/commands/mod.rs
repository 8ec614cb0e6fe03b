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

use crate::cli::{BlacklistCommand, Cli, ColorChoice, Command, GlobalArgs, HostsCommand};
use crate::config::Config;
use crate::context::{self, Context, Settings};
use crate::exit::ExitStatus;
use crate::journal::{RunLog, RunStart, RunStatus};
use crate::output::{Format, Printer};
use crate::panel;
use crate::ticket::Ticket;

/// Runs hostops on `argv` and returns its exit status.
pub fn main(argv: Vec<OsString>) -> ExitStatus {
    let cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            if let Some(hint) = exec::missing_separator_hint(&argv) {
                eprintln!("\nhint: put `--` before the remote command: {hint}");
            }
            return if e.use_stderr() {
                ExitStatus::Usage
            } else {
                ExitStatus::Success
            };
        }
    };
    init_color(cli.global.color);
    init_tracing(cli.global.verbose, cli.global.quiet);
    let format = if cli.global.json {
        Format::Json
    } else {
        Format::Human
    };
    let printer = Printer::terminal(format, cli.global.quiet);
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
            printer.error(&e);
            return status::of_error(&e);
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
    let status = match &result {
        Ok(s) => *s,
        Err(e) => status::of_error(e),
    };
    if let Some(log) = ctx.run_log() {
        let run_status = if status == ExitStatus::Success {
            RunStatus::Ok
        } else {
            RunStatus::Failed
        };
        match log.finish(status.code(), run_status) {
            Ok(head) => log::print_run_summary(&ctx.printer, log.run_id(), &head),
            Err(e) => ctx.printer.warn(format!(
                "could not record the end of the run in the journal: {e:#}"
            )),
        }
    }
    if let Err(e) = &result {
        ctx.printer.error(&ctx.redact_error(e));
    }
    status
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
    let journal = match &g.journal {
        Some(p) => p.clone(),
        None => crate::journal::default_path()?,
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

/// The name a command is journaled under, if it contacts hosts (and so needs a ticket).
fn journaled_name(cmd: &Command) -> Option<&'static str> {
    match cmd {
        Command::Hosts(h) => match h.command {
            HostsCommand::Check { .. } => Some("hosts check"),
            HostsCommand::List => None,
        },
        Command::Exec(_) => Some("exec"),
        Command::Copy(_) => Some("copy"),
        Command::Blacklist(b) => match b.command {
            BlacklistCommand::Check(_) => Some("blacklist check"),
            BlacklistCommand::Investigate(_) => Some("blacklist investigate"),
        },
        Command::Migrate(m) => match m.command {
            crate::cli::MigrateCommand::Plan(_) => Some("migrate plan"),
            crate::cli::MigrateCommand::Run(_) => Some("migrate run"),
            crate::cli::MigrateCommand::Verify(_) => Some("migrate verify"),
            crate::cli::MigrateCommand::Sync(_) => Some("migrate sync"),
        },
        Command::Backup(b) => Some(match b.command {
            crate::cli::BackupCommand::List(_) => "backup list",
            crate::cli::BackupCommand::Restore(_) => "backup restore",
            crate::cli::BackupCommand::Undo(_) => "backup undo",
        }),
        Command::Playbook(p) => match p.command {
            crate::cli::PlaybookCommand::Run(_) => Some("playbook run"),
            _ => None,
        },
        Command::Log(_) | Command::Completions { .. } | Command::Man => None,
    }
}

fn run(ctx: &Context, command: Command, argv: Vec<String>) -> Result<ExitStatus> {
    if let Some(name) = journaled_name(&command) {
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
        Command::Hosts(args) => hosts::run(ctx, args.command),
        Command::Exec(args) => exec::run(ctx, args),
        Command::Copy(args) => copy::run(ctx, args),
        Command::Blacklist(args) => blacklist::run(ctx, args.command),
        Command::Migrate(args) => migrate::run(ctx, args.command),
        Command::Backup(args) => backup::run(ctx, args.command),
        Command::Playbook(args) => playbook::run(ctx, args),
        Command::Log(args) => log::run(ctx, args.command),
        Command::Completions { shell } => reference::print_completions(ctx, shell),
        Command::Man => reference::print_man(ctx),
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
