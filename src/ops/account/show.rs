//! `hostops account show HOST ACCOUNT|DOMAIN`: what one account has, as its panel says:
//! domains with document roots and PHP versions, mailboxes with quota and size, forwarders,
//! FTP logins, databases and their users, disk and inode usage, plan, suspension and creation
//! date. The details and the usage come in one round trip (the panel's details script).

use anyhow::{bail, Result};
use serde::Serialize;

use super::{resolve_on, Resolved};
use crate::context::Context;
use crate::exit::StatusError;
use crate::panel::lookup::Details;
use crate::panel::{self, valid_account_name, Account, Panel, PanelKind};

/// One account on one host.
#[derive(Serialize)]
pub struct ShowReport {
    pub host: String,
    pub panel: PanelKind,
    pub account: String,
    /// The domain given instead of the account, if one was.
    pub from_domain: Option<String>,
    pub owner: Option<String>,
    #[serde(flatten)]
    pub details: Details,
    pub mailboxes: Vec<Mailbox>,
    pub databases: Vec<String>,
    pub db_users: Vec<String>,
    /// Bytes and inodes under the account's home (`du`), when it has one.
    pub disk_used_bytes: Option<u64>,
    pub inodes: Option<u64>,
}

/// A mailbox, its quota and the space its folder takes.
#[derive(Serialize)]
pub struct Mailbox {
    pub address: String,
    /// The panel's quota in bytes; null when unlimited or the panel keeps none.
    pub quota_bytes: Option<u64>,
    pub used_bytes: Option<u64>,
}

/// Each mailbox of `account` (and each only the details name: no panel, dovecot's users)
/// with its quota and the space its folder took, as the details' round trip measured them.
fn mailboxes(driver: &dyn Panel, account: &Account, details: &Details) -> Vec<Mailbox> {
    let mut boxes = account.mailboxes.clone();
    for (address, _) in &details.mail_quotas {
        if !boxes.contains(address) {
            boxes.push(address.clone());
        }
    }
    boxes
        .into_iter()
        .map(|m| Mailbox {
            quota_bytes: details
                .mail_quotas
                .iter()
                .find(|(a, q)| *a == m && *q > 0)
                .map(|(_, q)| *q),
            used_bytes: details.usage.mail_bytes(&driver.mail_dir(account, &m)),
            address: m,
        })
        .collect()
}

/// Reads what `name` (an account, or a domain of one) has on `host`. Changes nothing.
pub fn show(ctx: &Context, host: &str, name: &str) -> Result<ShowReport> {
    let t = ctx.connect(&ctx.host(host)?)?;
    let (
        info,
        Resolved {
            account,
            from_domain,
        },
    ) = resolve_on(&*t, host, name)?;
    let kind = match info {
        Some(i) => i.kind,
        None => panel::detect(&*t)?.kind,
    };
    let driver = panel::driver(kind);
    let Some(acct) = driver.account(&*t, &account)? else {
        bail!(StatusError::usage(format!(
            "{host} has no account {account}"
        )));
    };
    if !valid_account_name(&acct.user) && kind != PanelKind::Plesk {
        bail!(StatusError::usage(format!(
            "{:?} is not a valid account name",
            acct.user
        )));
    }
    let details = driver.details(&*t, &acct)?;
    let mailboxes = mailboxes(driver.as_ref(), &acct, &details);
    ctx.note(format!(
        "account {account} on {host} ({} domains)",
        details.domains.len()
    ))?;
    Ok(ShowReport {
        host: host.to_string(),
        panel: kind,
        disk_used_bytes: details.usage.home_bytes,
        inodes: details.usage.inodes,
        owner: acct.owner.clone(),
        from_domain,
        details,
        mailboxes,
        databases: acct.databases,
        db_users: acct.db_users,
        account,
    })
}
