//! DirectAdmin: users from /usr/local/directadmin/data/users (user.conf, domains.list), and
//! backup, restore and removal through the task queue run with `da taskq --run`.

use std::sync::LazyLock;

use anyhow::Result;
use regex::Regex;

use super::backup::{self, Contents, Period, RestorePoint, Tree};
use crate::host::listing::Listing;
use super::{kv, list_mailboxes, mysql, query, Account, Panel, PanelKind};
use crate::transport::{Cmd, Transport};

pub struct DirectAdmin;

/// Constant: prints each user's user.conf and domains.list in `@@` sections.
const LIST_USERS: &str = r#"for d in /usr/local/directadmin/data/users/*/; do
  u=$(basename "$d")
  printf '\n@@user\n%s\n@@conf:%s\n' "$u" "$u"; cat "$d/user.conf" 2>/dev/null
  printf '\n@@domains:%s\n' "$u"; cat "$d/domains.list" 2>/dev/null
done
true"#;

/// Admin backups: `/home/admin/admin_backups/[DATE/]user.OWNER.USER.tar.{gz,zst}`.
static BACKUP_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^/home/admin/admin_backups/(?:(\d{4}-\d{2}-\d{2})/)?user\.[a-z][a-z0-9]{2,15}\.([a-z][a-z0-9]{0,15})\.tar\.(?:gz|zst)$",
    )
    .expect("valid regex")
});

/// Appends one task to the queue and runs the queue now (user input is `$1`, quoted).
const RUN_TASK: &str = r#"set -e
printf '%s\n' "$1" >> /usr/local/directadmin/data/task.queue
da taskq --run"#;

/// Appends `line` to the task queue and runs the queue.
fn task(line: &str) -> Cmd {
    Cmd::new("sh").args(["-c", RUN_TASK, "sh", line])
}

/// `value` URL-encoded for a task queue line (DirectAdmin decodes it), so that a `&`, `=` or
/// newline in a name cannot add parameters or tasks; `/` is left as it is.
fn task_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The task queue line that backs `user` up into `dir`.
pub fn backup_task(user: &str, dir: &str) -> String {
    let (user, dir) = (task_value(user), task_value(dir));
    format!(
        "action=backup&append_to_path=nothing&database_data_aware=yes&local_path={dir}&owner=admin\
         &select0={user}&type=admin&value=multiple&what=select&when=now&where=local"
    )
}

/// The task queue line that restores `file` (in `dir`).
pub fn restore_task(file: &str, dir: &str) -> String {
    let (file, dir) = (task_value(file), task_value(dir));
    format!(
        "action=restore&ip_choice=file&local_path={dir}&owner=admin&select0={file}\
         &type=admin&value=multiple&when=now&where=local"
    )
}

impl Panel for DirectAdmin {
    fn kind(&self) -> PanelKind {
        PanelKind::Directadmin
    }

    fn mail_dir(&self, account: &Account, mailbox: &str) -> String {
        let (b, d) = mailbox.split_once('@').unwrap_or((mailbox, ""));
        format!("/home/{}/imap/{d}/{b}/Maildir", account.user)
    }

    fn cron_file(&self, account: &Account) -> String {
        format!(
            "/usr/local/directadmin/data/users/{}/crontab.conf",
            account.user
        )
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
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
        for user in users {
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

    fn package_command(&self, account: &Account, dir: &str) -> Cmd {
        task(&backup_task(&account.user, dir.trim_end_matches('/')))
    }

    fn archive_path(&self, account: &Account, dir: &str) -> String {
        format!(
            "{}/user.admin.{}.tar.gz",
            dir.trim_end_matches('/'),
            account.user
        )
    }

    fn restore_command(&self, _account: &Account, archive: &str) -> Cmd {
        let (dir, file) = archive.rsplit_once('/').unwrap_or((".", archive));
        task(&restore_task(file, dir))
    }

    fn backup_probe(&self) -> String {
        stat::script(
            "/home/admin/admin_backups/user.*.tar.* /home/admin/admin_backups/*/user.*.tar.*",
        )
    }

    fn restore_point(&self, line: &str) -> Option<RestorePoint> {
        let (size, mtime_date, path) = stat::fields(line)?;
        let caps = BACKUP_PATH.captures(path)?;
        Some(RestorePoint {
            account: caps[2].to_string(),
            date: caps.get(1).map_or(mtime_date, |d| d.as_str().to_string()),
            period: Period::Daily,
            format: backup::format_of(path),
            size_bytes: size,
            path: path.to_string(),
            domain: None,
        })
    }

    fn backup_contents(&self, point: &RestorePoint, listing: &Listing) -> Contents {
        let source = self.backup_source(point);
        let home = format!("/home/{}", point.account);
        let tree = |prefix: String, live: String| Tree {
            source: source.clone(),
            prefix,
            live,
            exclude: Vec::new(),
        };
        Contents {
            home: vec![tree("./domains".into(), format!("{home}/domains"))],
            mail: backup::mail_members(listing, "./imap", "Maildir")
                .into_iter()
                .map(|(mailbox, member)| {
                    let live = format!("{home}/{}", &member[2..]);
                    (mailbox, tree(member, live))
                })
                .collect(),
            databases: backup::sql_dumps(listing, &source, "./backup"),
        }
    }

    fn remove_command(&self, account: &Account) -> Cmd {
        task(&format!(
            "action=delete&confirmed=Confirm&delete=yes&select0={}&type=admin",
            account.user
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_lines_follow_the_documented_shape() {
        assert_eq!(
            backup_task("bob", "/home/admin/admin_backups"),
            "action=backup&append_to_path=nothing&database_data_aware=yes&local_path=/home/admin/admin_backups\
             &owner=admin&select0=bob&type=admin&value=multiple&what=select&when=now&where=local"
        );
        assert!(
            restore_task("user.admin.bob.tar.gz", "/x").contains("select0=user.admin.bob.tar.gz")
        );
    }

    #[test]
    fn names_cannot_add_parameters_or_tasks() {
        let line = backup_task("bob&select1=admin", "/x\naction=delete&select0=admin");
        assert!(!line.contains('\n') && !line.contains("&select1"), "{line}");
        assert!(line.contains("select0=bob%26select1%3Dadmin"), "{line}");
        let line = restore_task("a b&when=later", "/x");
        assert!(line.contains("select0=a%20b%26when%3Dlater&"), "{line}");
    }
}
