//! DirectAdmin: users from /usr/local/directadmin/data/users (user.conf, domains.list), and
//! backup, restore and removal through the task queue run with `da taskq --run`.

use anyhow::Result;

use super::{kv, mailboxes_under, mysql, query, Account, Panel, PanelKind};
use crate::transport::{self, Cmd, Transport};

pub struct DirectAdmin;

/// Constant: prints each user's user.conf and domains.list in `@@` sections.
const LIST_USERS: &str = r#"for d in /usr/local/directadmin/data/users/*/; do
  u=$(basename "$d")
  printf '\n@@user\n%s\n@@conf:%s\n' "$u" "$u"; cat "$d/user.conf" 2>/dev/null
  printf '\n@@domains:%s\n' "$u"; cat "$d/domains.list" 2>/dev/null
done
true"#;

/// Appends one task to the queue and runs the queue now (user input is `$1`, quoted).
const RUN_TASK: &str = r#"set -e
printf '%s\n' "$1" >> /usr/local/directadmin/data/task.queue
da taskq --run"#;

/// Appends `line` to the task queue and runs the queue.
fn task(line: &str) -> Cmd {
    Cmd::new("sh").args(["-c", RUN_TASK, "sh", line])
}

/// The task queue line that backs `user` up into `dir`.
pub fn backup_task(user: &str, dir: &str) -> String {
    format!(
        "action=backup&append_to_path=nothing&database_data_aware=yes&local_path={dir}&owner=admin\
         &select0={user}&type=admin&value=multiple&what=select&when=now&where=local"
    )
}

/// The task queue line that restores `file` (in `dir`).
pub fn restore_task(file: &str, dir: &str) -> String {
    format!(
        "action=restore&ip_choice=file&local_path={dir}&owner=admin&select0={file}\
         &type=admin&value=multiple&when=now&where=local"
    )
}

impl Panel for DirectAdmin {
    fn kind(&self) -> PanelKind {
        PanelKind::Directadmin
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        let text = query(t, Cmd::new("sh").args(["-c", LIST_USERS]))?;
        let users: Vec<String> = text
            .split("@@user\n")
            .skip(1)
            .filter_map(|chunk| chunk.lines().next().map(str::to_string))
            .collect();
        let (dbs, db_users) = (mysql::databases(t)?, mysql::users(t)?);
        let mut accounts = Vec::new();
        for user in users {
            let conf = kv::equals_pairs(&kv::section(&text, &format!("conf:{user}")));
            let get = |k: &str| {
                conf.iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            let mut domains: Vec<String> = get("domain").into_iter().collect();
            for d in kv::section(&text, &format!("domains:{user}"))
                .lines()
                .map(str::trim)
            {
                if !d.is_empty() && !domains.iter().any(|x| x == d) {
                    domains.push(d.to_string());
                }
            }
            let base = format!("/home/{user}/imap");
            let listing = transport::run(
                t,
                &Cmd::new("find").args([&base, "-mindepth", "2", "-maxdepth", "2", "-type", "d"]),
                None,
                None,
            )?;
            accounts.push(Account {
                databases: mysql::owned_by(&dbs, &user),
                db_users: mysql::owned_by(&db_users, &user),
                mailboxes: mailboxes_under(&listing.stdout_text(), &base),
                owner: get("creator"),
                disk_used_bytes: 0,
                domains,
                user,
            });
        }
        Ok(accounts)
    }

    fn package_command(&self, user: &str, dir: &str) -> Cmd {
        task(&backup_task(user, dir.trim_end_matches('/')))
    }

    fn archive_path(&self, user: &str, dir: &str) -> String {
        format!("{}/user.admin.{user}.tar.gz", dir.trim_end_matches('/'))
    }

    fn restore_command(&self, _account: &Account, archive: &str) -> Cmd {
        let (dir, file) = archive.rsplit_once('/').unwrap_or((".", archive));
        task(&restore_task(file, dir))
    }

    fn remove_command(&self, user: &str) -> Cmd {
        task(&format!(
            "action=delete&confirmed=Confirm&delete=yes&select0={user}&type=admin"
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
}
