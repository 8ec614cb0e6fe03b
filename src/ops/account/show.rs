//! `hostops account show HOST ACCOUNT|DOMAIN`: what one account has, as its panel says:
//! domains with document roots and PHP versions, mailboxes with quota and size, forwarders,
//! FTP logins, databases and
//! their users, disk and inode usage, plan, suspension and creation date.

use anyhow::{bail, Result};
use serde::Serialize;

use super::{resolve, Resolved};
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::kv;
use crate::panel::lookup::{lines, Details};
use crate::panel::{self, valid_account_name, Account, Panel, PanelKind};
use crate::transport::{self, Cmd, Transport};

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

/// Measures the home (`$1`) and each mail folder (`$2...`): `du -sk` and `du -s --inodes`.
const USAGE: &str = r#"h=$1; shift
printf '\n@@home\n'; du -sk -- "$h" 2>/dev/null; du -s --inodes -- "$h" 2>/dev/null
printf '\n@@mail\n'; [ $# -eq 0 ] || du -sk -- "$@" 2>/dev/null
true"#;

/// `KIB\tPATH` lines of `du`, by path.
fn du(text: &str) -> Vec<(String, u64)> {
    text.lines()
        .filter_map(|l| {
            let (n, path) = l.split_once('\t')?;
            Some((path.to_string(), n.trim().parse().ok()?))
        })
        .collect()
}

fn usage(
    t: &dyn Transport,
    driver: &dyn Panel,
    account: &Account,
    home: &str,
    quotas: &[(String, u64)],
) -> Result<(Option<u64>, Option<u64>, Vec<Mailbox>)> {
    // The account's mailboxes, and those only the details name (no panel: dovecot's users).
    let mut boxes = account.mailboxes.clone();
    for (address, _) in quotas {
        if !boxes.contains(address) {
            boxes.push(address.clone());
        }
    }
    let dirs: Vec<String> = boxes.iter().map(|m| driver.mail_dir(account, m)).collect();
    let cmd = Cmd::new("sh")
        .args(["-c", USAGE, "hostops-usage", home])
        .args(dirs.iter().map(String::as_str));
    let text = transport::run(t, &cmd, None, None)?.stdout_text();
    let s = kv::sections(&text);
    let home_du = du(&lines(&s, "home").collect::<Vec<_>>().join("\n"));
    let mail_du = du(&lines(&s, "mail").collect::<Vec<_>>().join("\n"));
    let mailboxes = boxes
        .iter()
        .zip(&dirs)
        .map(|(m, dir)| Mailbox {
            address: m.clone(),
            quota_bytes: quotas
                .iter()
                .find(|(a, q)| a == m && *q > 0)
                .map(|(_, q)| *q),
            used_bytes: mail_du
                .iter()
                .find(|(p, _)| p == dir)
                .map(|(_, k)| k * 1024),
        })
        .collect();
    let (kib, inodes) = (home_du.first(), home_du.get(1));
    Ok((
        kib.map(|(_, k)| k * 1024),
        inodes.map(|(_, n)| *n),
        mailboxes,
    ))
}

/// Reads what `name` (an account, or a domain of one) has on `host`. Changes nothing.
pub fn show(ctx: &Context, host: &str, name: &str) -> Result<ShowReport> {
    let t = ctx.connect(&ctx.host(host)?)?;
    let kind = panel::detect(&*t)?.kind;
    let driver = panel::driver(kind);
    let Resolved {
        account,
        from_domain,
    } = resolve(&*t, host, name)?;
    let Some(acct) = driver
        .accounts(&*t)?
        .into_iter()
        .find(|a| a.user == account)
    else {
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
    let home = details
        .home
        .clone()
        .unwrap_or_else(|| driver.data_dir(&acct));
    let (disk, inodes, mailboxes) =
        usage(&*t, driver.as_ref(), &acct, &home, &details.mail_quotas)?;
    ctx.note(format!(
        "account {account} on {host} ({} domains)",
        details.domains.len()
    ))?;
    Ok(ShowReport {
        host: host.to_string(),
        panel: kind,
        owner: acct.owner.clone(),
        from_domain,
        details,
        mailboxes,
        databases: acct.databases,
        db_users: acct.db_users,
        disk_used_bytes: disk,
        inodes,
        account,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn du_lines() {
        assert_eq!(
            du("120\t/home/bob\n7\t/home/bob/mail/b.example/info\nbad\n"),
            [
                ("/home/bob".to_string(), 120),
                ("/home/bob/mail/b.example/info".to_string(), 7)
            ]
        );
    }
}
