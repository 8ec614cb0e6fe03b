//! cPanel backups: `/backup/[weekly|monthly/]DATE/accounts/USER[.tar[.gz]]` and the
//! incremental tree, and where an account's home, mail and dumps are inside one.

use std::sync::LazyLock;

use regex::Regex;

use super::Cpanel;
use crate::host::listing::Listing;
use crate::host::stat;
use crate::panel::backup::{self, Contents, Format, Period, RestorePoint, Tree};
use crate::panel::Backups;

/// cPanel's backup layout: `/backup/[weekly|monthly/]DATE/accounts/USER[.tar[.gz]]`, and the
/// incremental tree `/backup/incremental/accounts/USER`.
static BACKUP_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^/backup/(?:(weekly|monthly)/)?(\d{4}-\d{2}-\d{2}|incremental)/accounts/([a-z][a-z0-9_-]{0,31}?)(?:\.tar\.gz|\.tar)?$",
    )
    .expect("valid regex")
});

impl Backups for Cpanel {
    fn backup_probe(&self) -> String {
        stat::script(
            "/backup/*/accounts/* /backup/weekly/*/accounts/* /backup/monthly/*/accounts/*",
        )
    }

    fn restore_point(&self, line: &str) -> Option<RestorePoint> {
        let (size, mtime_date, path) = stat::fields(line)?;
        let caps = BACKUP_PATH.captures(path)?;
        let (date, format) = match &caps[2] {
            "incremental" => (mtime_date, Format::Incremental),
            d => (d.to_string(), backup::format_of(path)),
        };
        Some(RestorePoint {
            account: caps[3].to_string(),
            date,
            period: match caps.get(1).map(|m| m.as_str()) {
                Some("weekly") => Period::Weekly,
                Some("monthly") => Period::Monthly,
                _ => Period::Daily,
            },
            format,
            size_bytes: size,
            path: path.to_string(),
            domain: None,
        })
    }

    fn backup_contents(&self, point: &RestorePoint, listing: &Listing) -> Contents {
        let source = self.backup_source(point);
        let Some(top) = backup::tops(listing).first().map(|t| t.to_string()) else {
            return Contents::default();
        };
        let home = format!("/home/{}", point.account);
        let homedir = format!("{top}/homedir");
        let tree = |prefix: String, live: String, exclude: Vec<String>| Tree {
            source: source.clone(),
            prefix,
            live,
            exclude,
        };
        Contents {
            home: vec![tree(homedir.clone(), home.clone(), vec!["mail".into()])],
            mail: backup::mail_members(listing, &format!("{homedir}/mail"), "")
                .into_iter()
                .map(|(mailbox, member)| {
                    let rel = member[homedir.len() + 1..].to_string();
                    (mailbox, tree(member, format!("{home}/{rel}"), Vec::new()))
                })
                .collect(),
            databases: backup::sql_dumps(listing, &source, &format!("{top}/mysql")),
        }
    }
}
