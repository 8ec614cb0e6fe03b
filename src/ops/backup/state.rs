//! A fingerprint of what a restore replaces (its files' names, types, modes, owners, sizes and
//! times; a hash of each database's dump), journaled with the safety snapshot so `backup
//! undo` can prove it put back exactly what was there; the entries themselves are kept beside
//! the snapshot so that a difference names its paths.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::database;
use super::preview::list_live;
use crate::host::listing::{self, split_path, Kind};
use crate::panel::{Account, Panel};
use crate::transport::Transport;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Files {
    pub entries: u64,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// By directory (or file): the home and each mailbox kept outside it, or the paths a
    /// partial restore replaces.
    pub files: BTreeMap<String, Files>,
    pub databases: BTreeMap<String, String>,
}

/// A fingerprint and the entries it hashed, one line each: `PATH\tKIND\tMODE\tOWNER\tSIZE\tTIME`.
pub struct Taken {
    pub fingerprint: Fingerprint,
    pub entries: String,
}

/// Paths longer lists of differing entries are cut to.
const NAMED: usize = 20;

/// The directories that hold `account`'s files.
fn directories(panel: &dyn Panel, account: &Account) -> Vec<String> {
    let home = panel.data_dir(account);
    let mut dirs = vec![home.clone()];
    for m in &account.mailboxes {
        let d = panel.mail_dir(account, m);
        if !d.starts_with(&format!("{home}/")) {
            dirs.push(d);
        }
    }
    dirs
}

/// The whole account: its directories and databases.
pub fn fingerprint(t: &dyn Transport, panel: &dyn Panel, account: &Account) -> Result<Taken> {
    of_paths(t, &directories(panel, account), &account.databases)
}

/// `paths` (directories or files, missing ones counted as empty) and `databases`.
pub fn of_paths(t: &dyn Transport, paths: &[String], databases: &[String]) -> Result<Taken> {
    let mut files = BTreeMap::new();
    let mut lines = String::new();
    for path in paths {
        let all = list_live(t, path)?;
        let (_, name) = split_path(path);
        let mut entries = listing::subtree(&all, name, &[]);
        // A file (or a link) is its own only entry.
        if let Some(top) = all.get(name).filter(|e| e.kind != Kind::Dir) {
            entries.insert(String::new(), top.clone());
        }
        let mut h = Sha256::new();
        let mut bytes = 0;
        for (rel, e) in &entries {
            // Directory times change whenever a file is added, so only their modes count.
            let time = if e.kind == Kind::Dir { "" } else { &e.mtime };
            let line = format!(
                "{rel}\t{:?}\t{}\t{}\t{}\t{time}\n",
                e.kind, e.mode, e.owner, e.size
            );
            h.update(&line);
            let full = if rel.is_empty() {
                path.clone()
            } else {
                format!("{path}/{rel}")
            };
            lines.push_str(&full);
            lines.push('\t');
            lines.push_str(&line[rel.len() + 1..]);
            bytes += e.size;
        }
        files.insert(
            path.clone(),
            Files {
                entries: entries.len() as u64,
                bytes,
                sha256: format!("{:x}", h.finalize()),
            },
        );
    }
    Ok(Taken {
        fingerprint: Fingerprint {
            files,
            databases: database::fingerprints(t, databases)?,
        },
        entries: lines,
    })
}

/// The paths under `dir` whose entry line differs between `before` and `after` (entries
/// text), sorted, each once.
fn differing_paths(dir: &str, before: &str, after: &str) -> Vec<String> {
    let under = |text: &str| -> BTreeSet<String> {
        text.lines()
            .filter(|l| {
                let p = l.split('\t').next().unwrap_or_default();
                p == dir || p.starts_with(&format!("{dir}/"))
            })
            .map(String::from)
            .collect()
    };
    let (b, a) = (under(before), under(after));
    let paths: BTreeSet<String> = b
        .symmetric_difference(&a)
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    paths.into_iter().collect()
}

/// What differs between two fingerprints, in words; differing files are named (up to a
/// limit, then a count) when the entries before the restore are known.
pub fn differences(
    before: &Fingerprint,
    after: &Taken,
    entries_before: Option<&str>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (dir, b) in &before.files {
        match after.fingerprint.files.get(dir) {
            Some(a) if a == b => {}
            Some(a) => {
                let mut line = format!(
                    "{dir}: {} entries, {} bytes (before: {} entries, {} bytes)",
                    a.entries, a.bytes, b.entries, b.bytes
                );
                match entries_before {
                    Some(e) => {
                        let paths = differing_paths(dir, e, &after.entries);
                        let named: Vec<&str> =
                            paths.iter().take(NAMED).map(String::as_str).collect();
                        line.push_str(&format!("; differing: {}", named.join(", ")));
                        if paths.len() > NAMED {
                            line.push_str(&format!(" and {} more", paths.len() - NAMED));
                        }
                    }
                    None if a.entries == b.entries && a.bytes == b.bytes => line.push_str(
                        "; names, modes or times differ (the entries before were not kept)",
                    ),
                    None => {}
                }
                out.push(line);
            }
            None => out.push(format!("{dir} is missing")),
        }
    }
    let after_dbs = &after.fingerprint.databases;
    for (db, b) in &before.databases {
        match after_dbs.get(db) {
            Some(a) if a == b => {}
            Some(_) => out.push(format!("database {db} differs")),
            None => out.push(format!("database {db} is missing")),
        }
    }
    for db in after_dbs
        .keys()
        .filter(|d| !before.databases.contains_key(*d))
    {
        out.push(format!("database {db} was not there before"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(files: &[(&str, &str)], entries: &str) -> Taken {
        Taken {
            fingerprint: Fingerprint {
                files: files
                    .iter()
                    .map(|(d, h)| {
                        (
                            d.to_string(),
                            Files {
                                entries: 3,
                                bytes: 10,
                                sha256: h.to_string(),
                            },
                        )
                    })
                    .collect(),
                databases: BTreeMap::new(),
            },
            entries: entries.into(),
        }
    }

    #[test]
    fn a_difference_names_its_paths_up_to_a_limit() {
        let before_entries = "/h/a\tFile\t644\tu/u\t1\tt1\n/h/b\tFile\t644\tu/u\t1\tt1\n/h2/x\tFile\t644\tu/u\t1\tt1\n";
        let after_entries = "/h/a\tFile\t600\tu/u\t1\tt1\n/h/b\tFile\t644\tu/u\t1\tt1\n/h/c\tFile\t644\tu/u\t1\tt1\n/h2/x\tFile\t644\tu/u\t1\tt1\n";
        let before = taken(&[("/h", "1")], before_entries).fingerprint;
        let after = taken(&[("/h", "2")], after_entries);
        let d = differences(&before, &after, Some(before_entries));
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].ends_with("; differing: /h/a, /h/c"), "{d:?}");

        let many: String = (0..25)
            .map(|i| format!("/h/f{i:02}\tFile\t644\tu/u\t1\tt1\n"))
            .collect();
        let d = differences(&before, &taken(&[("/h", "2")], &many), Some(""));
        assert!(d[0].contains("/h/f19") && !d[0].contains("/h/f20"), "{d:?}");
        assert!(d[0].ends_with(" and 5 more"), "{d:?}");
    }
}
