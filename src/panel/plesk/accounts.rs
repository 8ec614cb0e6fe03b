//! Plesk accounts: subscriptions from `plesk bin subscription --list`, each one's system user
//! and owner from `--info`, mailboxes under /var/qmail/mailnames; one account by its system
//! user's home.

use anyhow::Result;

use super::{plesk_bin, subscription, Plesk, MAILNAMES, VHOSTS};
use crate::host::zone::is_domain_name;
use crate::host::{kv, mysql};
use crate::panel::lookup::user_under;
use crate::panel::{list_mailboxes, query, Account, Accounts, PanelKind};
use crate::transport::{self, Cmd, Transport};

/// The system user of a subscription from `subscription --info` (its FTP/system login).
pub(super) fn login_of(info: &str) -> Option<String> {
    kv::colon_pairs(info)
        .into_iter()
        .find(|(k, _)| {
            let k = k.to_ascii_lowercase();
            k.contains("login") && !k.contains("owner")
        })
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// The owner's login from `subscription --info`: the line reads
/// `Owner's contact name:   Administrator (admin)` (contact name, then the login in
/// parentheses; see tests/fixtures/real/plesk-subscription-info.txt).
pub(super) fn owner_of(info: &str) -> Option<String> {
    kv::colon_pairs(info)
        .into_iter()
        .find(|(k, _)| k.starts_with("Owner"))
        .and_then(|(_, v)| {
            let (_, login) = v.trim_end().strip_suffix(')')?.rsplit_once('(')?;
            Some(login.trim().to_string())
        })
        .filter(|login| !login.is_empty())
}

/// What every subscription's account is read with: the databases, their users and the mail
/// names on the server.
struct Listed {
    dbs: Vec<String>,
    db_users: Vec<String>,
    boxes: Vec<String>,
}

impl Listed {
    fn read(t: &dyn Transport) -> Result<Listed> {
        Ok(Listed {
            dbs: mysql::databases(t)?,
            db_users: mysql::users(t)?,
            boxes: list_mailboxes(t, MAILNAMES)?,
        })
    }

    /// The account of subscription `domain` (a name from `--list`).
    fn account(&self, t: &dyn Transport, domain: &str) -> Result<Account> {
        // A name that is no domain is never handed to a Plesk tool (`-rf` would be an
        // option): it is listed as is, and the migration plan refuses it.
        if !is_domain_name(domain) {
            return Ok(Account {
                user: domain.to_string(),
                domains: vec![domain.to_string()],
                ..Account::default()
            });
        }
        let info = query(t, plesk_bin("subscription").args(["--info", domain]))?;
        let user = login_of(&info).unwrap_or_else(|| domain.to_string());
        Ok(Account {
            databases: mysql::owned_by(&self.dbs, &user),
            db_users: mysql::owned_by(&self.db_users, &user),
            mailboxes: self
                .boxes
                .iter()
                .filter(|b| b.ends_with(&format!("@{domain}")))
                .cloned()
                .collect(),
            owner: owner_of(&info),
            domains: vec![domain.to_string()],
            disk_used_bytes: 0,
            user,
        })
    }
}

impl Accounts for Plesk {
    fn kind(&self) -> PanelKind {
        PanelKind::Plesk
    }

    fn data_root(&self) -> &'static str {
        "/var/www/vhosts"
    }

    /// The subscription's own mail names (a mail name of another domain is under MAILNAMES).
    fn mail_root(&self, account: &Account) -> String {
        format!("{MAILNAMES}/{}", subscription(account))
    }

    fn mail_dir(&self, _account: &Account, mailbox: &str) -> String {
        let (b, d) = mailbox.split_once('@').unwrap_or((mailbox, ""));
        format!("{MAILNAMES}/{d}/{b}/Maildir")
    }

    fn zone_file(&self, domain: &str) -> String {
        format!("/var/named/run-root/var/{domain}")
    }

    fn cron_file(&self, account: &Account) -> String {
        format!("/var/spool/cron/crontabs/{}", account.user)
    }

    fn data_dir(&self, account: &Account) -> String {
        format!("{}/{}", self.data_root(), subscription(account))
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        let list = query(t, plesk_bin("subscription").arg("--list"))?;
        let listed = Listed::read(t)?;
        list.lines()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(|d| listed.account(t, d))
            .collect()
    }

    /// The subscription whose system user is `user`, found by its home
    /// (`/var/www/vhosts/DOMAIN`): one `--info`, not one per subscription.
    fn account(&self, t: &dyn Transport, user: &str) -> Result<Option<Account>> {
        let getent = Cmd::new("getent").args(["passwd", "--", user]);
        let text = transport::run(t, &getent, None, None)?.stdout_text();
        let home = text.lines().find_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() == 7 && f[0] == user).then(|| f[5].to_string())
        });
        let Some(domain) = home.and_then(|h| user_under(&h, VHOSTS).map(String::from)) else {
            return Ok(None);
        };
        let list = query(t, plesk_bin("subscription").arg("--list"))?;
        if !list.lines().any(|d| d.trim() == domain) {
            return Ok(None);
        }
        let a = Listed::read(t)?.account(t, &domain)?;
        Ok(Some(a).filter(|a| a.user == user))
    }

    fn file_owner(&self, _account: &Account) -> Option<String> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::panel::mailboxes_under;

    #[test]
    fn subscription_info_login() {
        let info = "Domain name:                    shop.example\nOwner's contact name:           Jo Doe (admin)\n\
                    FTP Login:                      shopuser\nDisk space used by httpdocs:    10.5 MB\n";
        assert_eq!(login_of(info).as_deref(), Some("shopuser"));
        assert_eq!(login_of("Domain name: x.example\n"), None);
    }

    #[test]
    fn real_subscription_info_owner_is_the_login_in_parentheses() {
        let real = include_str!("../../../tests/fixtures/real/plesk-subscription-info.txt");
        assert_eq!(owner_of(real).as_deref(), Some("admin"));
        assert_eq!(login_of(real).as_deref(), Some("sitekick.eu_34gqrbu1k9m"));
        let reseller = "Owner's contact name:           Jo Doe (Reseller Inc.) (jdoe)\n";
        assert_eq!(owner_of(reseller).as_deref(), Some("jdoe"));
        assert_eq!(owner_of("Owner's contact name: Jo Doe\n"), None);
    }

    #[test]
    fn mailnames_listing() {
        let listing = "/var/qmail/mailnames/shop.example/info\n/var/qmail/mailnames/shop.example/sales\n/var/qmail/mailnames/x/y/z\n";
        assert_eq!(
            mailboxes_under(listing, MAILNAMES),
            ["info@shop.example", "sales@shop.example"]
        );
    }
}
