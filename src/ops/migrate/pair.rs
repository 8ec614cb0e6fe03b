//! The two servers of a migration already made (`migrate sync`, `migrate verify`): both
//! resolved, the source's panel detected, and the named accounts as the source lists them.

use anyhow::{bail, Result};

use crate::context::Context;
use crate::exit::StatusError;
use crate::inventory::HostSpec;
use crate::panel::{self, Account, Panel};

/// Two servers and the accounts migrated between them, as the user named them.
pub struct Migrated {
    pub from: String,
    pub to: String,
    pub accounts: Vec<String>,
}

/// Two servers, the source's panel driver, and the named accounts as the source lists them.
pub struct Pair {
    pub from: HostSpec,
    pub to: HostSpec,
    pub driver: Box<dyn Panel>,
    pub accounts: Vec<Account>,
}

/// Resolves both servers and reads the named accounts on the source (each must exist there).
pub fn both_sides(ctx: &Context, m: &Migrated) -> Result<Pair> {
    if let Some(bad) = m.accounts.iter().find(|a| !panel::valid_account_name(a)) {
        bail!(StatusError::usage(format!(
            "{bad:?} is not a valid account name"
        )));
    }
    let (from, to) = (ctx.host(&m.from)?, ctx.host(&m.to)?);
    let src = ctx.connect(&from)?;
    let driver = panel::driver(panel::detect(&*src)?.kind);
    let listed = driver.accounts(&*src)?;
    let mut accounts = Vec::new();
    for u in &m.accounts {
        match listed.iter().find(|a| &a.user == u) {
            Some(a) => accounts.push(a.clone()),
            None => bail!(StatusError::usage(format!(
                "no account `{u}` on {}",
                from.name
            ))),
        }
    }
    Ok(Pair {
        from,
        to,
        driver,
        accounts,
    })
}
