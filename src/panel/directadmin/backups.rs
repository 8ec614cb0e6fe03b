//! DirectAdmin backups: admin backups under /home/admin/admin_backups, and where an
//! account's domains, mail and dumps are inside one.

use std::sync::LazyLock;

use regex::Regex;

use super::DirectAdmin;
use crate::host::listing::Listing;
use crate::host::stat;
use crate::panel::backup::{self, Contents, Period, RestorePoint, Tree};
use crate::panel::Backups;

/// Admin backups: `/home/admin/admin_backups/[DATE/]user.OWNER.USER.tar.{gz,zst}`.
static BACKUP_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^/home/admin/admin_backups/(?:(\d{4}-\d{2}-\d{2})/)?user\.[a-z][a-z0-9]{2,15}\.([a-z][a-z0-9]{0,15})\.tar\.(?:gz|zst)$",
    )
    .expect("valid regex")
});

impl Backups for DirectAdmin {
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
}
