//! DirectAdmin packaging: backup, restore and removal through the task queue, run with
//! `da taskq --run`; names in a task line are URL-encoded.

use super::DirectAdmin;
use crate::panel::{Account, Packaging};
use crate::transport::Cmd;

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

impl Packaging for DirectAdmin {
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
