//! Restoring one account from the server's own backups: list restore points, preview what a
//! restore changes, keep a safety snapshot, restore fully (the panel's tool) or in part
//! (`--only`), verify against the backup, and undo from the snapshot.

pub mod actions;
pub mod database;
pub mod links;
pub mod list;
pub mod ownership;
pub mod parts;
pub mod points;
pub mod preview;
pub mod render;
pub mod restore;
pub mod restoring;
pub mod state;
pub mod undo;
pub mod undoing;

use std::sync::Arc;

use anyhow::{bail, Result};

use crate::context::Context;
use crate::exit::StatusError;
use crate::panel::{self, Panel};
use crate::transport::Transport;

/// The journal's name for backup operations' steps.
pub const OPERATION: &str = "backup";

/// The connection to `host` and its panel's driver.
fn server(ctx: &Context, host: &str) -> Result<(Arc<dyn Transport>, Box<dyn Panel>)> {
    let t = ctx.connect(&ctx.host(host)?)?;
    let driver = panel::driver(panel::detect(&*t)?.kind);
    Ok((t, driver))
}

/// Refuses (exit 2) an account name hostops would not pass to the panel's tools.
fn checked_account(name: &str) -> Result<()> {
    if !panel::valid_account_name(name) {
        bail!(StatusError::usage(format!(
            "{name:?} is not a valid account name"
        )));
    }
    Ok(())
}
