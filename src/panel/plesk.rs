//! Plesk: subscriptions from `plesk bin subscription`, packaging with pleskbackup, restoring
//! with pleskrestore (domains level), removal with `subscription --remove`.

use anyhow::Result;

use super::{kv, list_mailboxes, mysql, query, Account, Panel, PanelKind};
use crate::transport::{Cmd, Transport};

pub struct Plesk;

const MAILNAMES: &str = "/var/qmail/mailnames";

fn plesk_bin(utility: &str) -> Cmd {
    Cmd::new("plesk").args(["bin", utility])
}

/// A Plesk account is a subscription, named by its main domain.
fn subscription(account: &Account) -> &str {
    account
        .domains
        .first()
        .map(String::as_str)
        .unwrap_or(&account.user)
}

/// The system user of a subscription from `subscription --info` (its FTP/system login).
fn login_of(info: &str) -> Option<String> {
    kv::colon_pairs(info)
        .into_iter()
        .find(|(k, _)| {
            let k = k.to_ascii_lowercase();
            k.contains("login") && !k.contains("owner")
        })
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

impl Panel for Plesk {
    fn kind(&self) -> PanelKind {
        PanelKind::Plesk
    }

    fn data_root(&self) -> &'static str {
        "/var/www/vhosts"
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
        let (dbs, db_users) = (mysql::databases(t)?, mysql::users(t)?);
        let boxes = list_mailboxes(t, MAILNAMES)?;

        let mut accounts = Vec::new();
        for domain in list.lines().map(str::trim).filter(|d| !d.is_empty()) {
            let info = query(t, plesk_bin("subscription").args(["--info", domain]))?;
            let user = login_of(&info).unwrap_or_else(|| domain.to_string());
            accounts.push(Account {
                databases: mysql::owned_by(&dbs, &user),
                db_users: mysql::owned_by(&db_users, &user),
                mailboxes: boxes
                    .iter()
                    .filter(|b| b.ends_with(&format!("@{domain}")))
                    .cloned()
                    .collect(),
                owner: kv::colon_pairs(&info)
                    .into_iter()
                    .find(|(k, _)| k.starts_with("Owner"))
                    .map(|(_, v)| v),
                domains: vec![domain.to_string()],
                disk_used_bytes: 0,
                user,
            });
        }
        Ok(accounts)
    }

    fn package_command(&self, account: &Account, dir: &str) -> Cmd {
        plesk_bin("pleskbackup").args([
            "--domains-name",
            subscription(account),
            &format!("--output-file={}", self.archive_path(account, dir)),
        ])
    }

    fn archive_path(&self, account: &Account, dir: &str) -> String {
        format!(
            "{}/{}.tar",
            dir.trim_end_matches('/'),
            subscription(account)
        )
    }

    fn restore_command(&self, account: &Account, archive: &str) -> Cmd {
        plesk_bin("pleskrestore").args([
            "--restore",
            archive,
            "-level",
            "domains",
            "-filter",
            &format!("list:{}", subscription(account)),
        ])
    }

    fn remove_command(&self, account: &Account) -> Cmd {
        plesk_bin("subscription").args(["--remove", subscription(account)])
    }
}

#[cfg(test)]
mod tests {
    use super::super::mailboxes_under;
    use super::*;

    #[test]
    fn subscription_info_login() {
        let info = "Domain name:                    shop.example\nOwner's contact name:           Jo Doe (admin)\n\
                    FTP Login:                      shopuser\nDisk space used by httpdocs:    10.5 MB\n";
        assert_eq!(login_of(info).as_deref(), Some("shopuser"));
        assert_eq!(login_of("Domain name: x.example\n"), None);
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
