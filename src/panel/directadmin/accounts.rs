//! DirectAdmin accounts: users from /usr/local/directadmin/data/users (user.conf,
//! domains.list), mailboxes under each home's imap/.

use anyhow::Result;

use super::DirectAdmin;
use crate::host::{kv, mysql};
use crate::panel::{list_mailboxes, query, Account, Accounts, PanelKind};
use crate::transport::{Cmd, Transport};

/// Constant: prints each user's user.conf and domains.list in `@@` sections.
const LIST_USERS: &str = r#"for d in /usr/local/directadmin/data/users/*/; do
  u=$(basename "$d")
  printf '\n@@user\n%s\n@@conf:%s\n' "$u" "$u"; cat "$d/user.conf" 2>/dev/null
  printf '\n@@domains:%s\n' "$u"; cat "$d/domains.list" 2>/dev/null
done
true"#;

impl Accounts for DirectAdmin {
    fn kind(&self) -> PanelKind {
        PanelKind::Directadmin
    }

    fn mail_root(&self, account: &Account) -> String {
        format!("/home/{}/imap", account.user)
    }

    fn mail_dir(&self, account: &Account, mailbox: &str) -> String {
        let (b, d) = mailbox.split_once('@').unwrap_or((mailbox, ""));
        format!("{}/{d}/{b}/Maildir", self.mail_root(account))
    }

    fn cron_file(&self, account: &Account) -> String {
        format!(
            "/usr/local/directadmin/data/users/{}/crontab.conf",
            account.user
        )
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        listed(t, None)
    }

    /// Lists the mailboxes of `user` only (one `find`, not one per account).
    fn account(&self, t: &dyn Transport, user: &str) -> Result<Option<Account>> {
        Ok(listed(t, Some(user))?.pop())
    }
}

/// The users (`only` the one named, when given) with their domains, databases and mailboxes.
fn listed(t: &dyn Transport, only: Option<&str>) -> Result<Vec<Account>> {
    let text = query(t, Cmd::new("sh").args(["-c", LIST_USERS]))?;
    let sections = kv::sections(&text);
    // Every user's `@@user` header adds its name to the one `user` section.
    let users: Vec<String> = sections
        .get("user")
        .map_or("", String::as_str)
        .lines()
        .map(String::from)
        .collect();
    let (dbs, db_users) = (mysql::databases(t)?, mysql::users(t)?);
    let mut accounts = Vec::new();
    for user in users.into_iter().filter(|u| only.is_none_or(|o| o == u)) {
        let conf = kv::equals_pairs(
            sections
                .get(format!("conf:{user}").as_str())
                .map_or("", String::as_str),
        );
        let get = |k: &str| {
            conf.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        let mut domains: Vec<String> = get("domain").into_iter().collect();
        for d in sections
            .get(format!("domains:{user}").as_str())
            .map_or("", String::as_str)
            .lines()
            .map(str::trim)
        {
            if !d.is_empty() && !domains.iter().any(|x| x == d) {
                domains.push(d.to_string());
            }
        }
        let base = format!("/home/{user}/imap");
        let boxes = list_mailboxes(t, &base)?;
        accounts.push(Account {
            databases: mysql::owned_by(&dbs, &user),
            db_users: mysql::owned_by(&db_users, &user),
            mailboxes: boxes,
            owner: get("creator"),
            disk_used_bytes: 0,
            domains,
            user,
        });
    }
    Ok(accounts)
}
