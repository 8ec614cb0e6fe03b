//! What the global flags and the config file set up before any command runs: settings,
//! colour and the log level.

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{ColorChoice, GlobalArgs};
use crate::config::Config;
use crate::context::{self, Settings};
use crate::journal::Target;
use crate::ticket::Ticket;

pub fn settings(g: &GlobalArgs, config: &Config) -> Result<Settings> {
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

pub fn init_color(choice: ColorChoice) {
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

pub fn init_tracing(verbose: u8, quiet: bool) {
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
