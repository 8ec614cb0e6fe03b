//! The optional config file (`~/.config/hostops/config.toml` or `$HOSTOPS_CONFIG`): site policy
//! that is not worth a flag on every run.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use serde::Deserialize;

use crate::level::{Level, Overrides};
use crate::ticket;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Regular expression a ticket ID must match.
    #[serde(default = "default_ticket_pattern")]
    pub ticket_pattern: String,
    /// Inventory used when neither --inventory nor HOSTOPS_INVENTORY is given.
    pub inventory: Option<PathBuf>,
    /// Journal used when neither --journal nor HOSTOPS_JOURNAL is given: an SQLite path or
    /// the `postgres://` URL of a shared journal.
    pub journal: Option<String>,
    /// Connect timeout for SSH, in seconds.
    #[serde(default = "default_connect_timeout")]
    pub connect_timeout: u64,
    /// The operator's support level (1 to 5): tasks above it are refused (see
    /// `app::policy`). `HOSTOPS_LEVEL` overrides it; unset means no level check.
    pub level: Option<Level>,
    /// `[levels]`: tasks of the level table set to another level by the company.
    #[serde(default)]
    pub levels: Overrides,
    /// Folder of playbooks that override and extend the bundled ones.
    pub playbooks: Option<PathBuf>,
    /// `diagnose load` thresholds (`[diagnose_load]`, each `[warn, fail]`).
    #[serde(default)]
    pub diagnose_load: crate::load_thresholds::Thresholds,
    /// `diagnose hardware` thresholds (`[diagnose_hardware]`, each `[warn, fail]`).
    #[serde(default)]
    pub diagnose_hardware: crate::hardware_thresholds::HardwareThresholds,
}

fn default_ticket_pattern() -> String {
    ticket::DEFAULT_PATTERN.to_string()
}

fn default_connect_timeout() -> u64 {
    10
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ticket_pattern: default_ticket_pattern(),
            inventory: None,
            journal: None,
            connect_timeout: default_connect_timeout(),
            level: None,
            levels: Overrides::default(),
            playbooks: None,
            diagnose_load: Default::default(),
            diagnose_hardware: Default::default(),
        }
    }
}

impl Config {
    /// Loads `$HOSTOPS_CONFIG`, else the XDG config file if it exists, else the defaults.
    pub fn load() -> Result<Config> {
        match std::env::var_os("HOSTOPS_CONFIG") {
            Some(path) => Config::from_file(Path::new(&path)),
            None => match default_path() {
                Some(path) if path.exists() => Config::from_file(&path),
                _ => Ok(Config::default()),
            },
        }
    }

    pub fn from_file(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("failed to read config file `{}`", path.display()))?;
        toml::from_str(&text).with_context(|| format!("invalid config file `{}`", path.display()))
    }
}

/// Where hostops keeps its configuration: `$XDG_CONFIG_HOME/hostops/`.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "hostops").map(|d| d.config_dir().to_path_buf())
}

fn default_path() -> Option<PathBuf> {
    config_dir().map(|d| d.join("config.toml"))
}
