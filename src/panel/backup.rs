//! How each panel lays out its backups: where restore points are, and which part of one
//! holds an account's files, mailboxes and database dumps, mapped to where they live.

use serde::Serialize;

use crate::host::listing::{Listing, Source};

/// How often the backup that made a restore point runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Daily,
    Weekly,
    Monthly,
    /// A file named with `--file`, or a one-off dump.
    Manual,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Compressed,
    Uncompressed,
    Incremental,
}

/// One account's backup at one time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RestorePoint {
    pub account: String,
    /// `YYYY-MM-DD`
    pub date: String,
    pub period: Period,
    pub format: Format,
    pub size_bytes: u64,
    /// The archive, directory or (Plesk) backup_info file.
    pub path: String,
    /// The subscription it holds (Plesk).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
}

/// A directory tree of a restore point and the live directory it restores to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tree {
    pub source: Source,
    /// Member name of the tree's top (`alice/homedir`, `./domains`, `.`).
    pub prefix: String,
    pub live: String,
    /// Relative paths that belong to another part (cPanel's `mail` inside the home).
    pub exclude: Vec<String>,
}

/// One database dump of a restore point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dump {
    pub database: String,
    pub source: Source,
    pub member: String,
    pub size: u64,
}

/// What a restore point holds for one account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Contents {
    pub home: Vec<Tree>,
    /// `box@domain` and its maildir.
    pub mail: Vec<(String, Tree)>,
    pub databases: Vec<Dump>,
}

/// A tar archive (by its name) or else a directory.
pub fn archive_or_dir(path: &str) -> Source {
    let archive = [".tar", ".tar.gz", ".tgz", ".tar.zst"]
        .iter()
        .any(|x| path.ends_with(x));
    if archive {
        Source::Tar(path.to_string())
    } else {
        Source::Dir(path.trim_end_matches('/').to_string())
    }
}

/// The format of a backup at `path` (a directory is uncompressed).
pub fn format_of(path: &str) -> Format {
    if path.ends_with(".gz") || path.ends_with(".tgz") || path.ends_with(".zst") {
        Format::Compressed
    } else {
        Format::Uncompressed
    }
}

/// The top-level member names of a listing (`alice` of `alice/homedir/...`).
pub fn tops(listing: &Listing) -> Vec<&str> {
    let mut t: Vec<&str> = listing
        .keys()
        .map(|k| k.split('/').next().unwrap_or(k))
        .collect();
    t.dedup();
    t
}

/// The `DIR/NAME.sql` members of a listing: one dump of database NAME each.
pub fn sql_dumps(listing: &Listing, source: &Source, dir: &str) -> Vec<Dump> {
    listing
        .iter()
        .filter_map(|(name, e)| {
            let db = name
                .strip_prefix(dir)?
                .strip_prefix('/')?
                .strip_suffix(".sql")?;
            (!db.contains('/')).then(|| Dump {
                database: db.to_string(),
                source: source.clone(),
                member: name.clone(),
                size: e.size,
            })
        })
        .collect()
}

/// Mail folders `PREFIX/DOMAIN/BOX[/SUFFIX]` of a listing, as (`box@domain`, member name).
pub fn mail_members(listing: &Listing, prefix: &str, suffix: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in listing.keys() {
        let Some(rest) = name.strip_prefix(prefix).and_then(|r| r.strip_prefix('/')) else {
            continue;
        };
        let parts: Vec<&str> = rest.split('/').collect();
        let wanted = if suffix.is_empty() {
            parts.len() == 2
        } else {
            parts.len() == 3 && parts[2] == suffix
        };
        if wanted && parts[0].contains('.') && !parts[1].is_empty() && !parts[1].starts_with('.') {
            out.push((format!("{}@{}", parts[1], parts[0]), name.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::listing::parse;

    #[test]
    fn mail_folders_in_listings() {
        let l = parse(
            "drwx------ a/a 0 2026-11-01 10:00:00 alice/homedir/mail/shop.example/info/\n\
             drwx------ a/a 0 2026-11-01 10:00:00 alice/homedir/mail/shop.example/info/cur/\n\
             drwx------ a/a 0 2026-11-01 10:00:00 alice/homedir/mail/.Trash/\n\
             drwx------ a/a 0 2026-11-01 10:00:00 ./imap/x.example/bob/Maildir/\n",
        );
        assert_eq!(
            mail_members(&l, "alice/homedir/mail", ""),
            [(
                "info@shop.example".to_string(),
                "alice/homedir/mail/shop.example/info".to_string()
            )]
        );
        assert_eq!(mail_members(&l, "./imap", "Maildir").len(), 1);
        assert_eq!(
            tops(&l),
            ["./imap", "alice"].map(|s| s.split('/').next().unwrap())
        );
    }
}
