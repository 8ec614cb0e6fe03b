//! A fingerprint of an account's current state (its files' names, types, modes, owners,
//! sizes and times; a hash of each database's dump), journaled with the safety snapshot so
//! `backup undo` can prove it put back exactly what was there.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::database;
use crate::panel::listing::{self, split_path, Kind, Source};
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
    /// By directory: the home and each mailbox kept outside it.
    pub files: BTreeMap<String, Files>,
    pub databases: BTreeMap<String, String>,
}

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

pub fn fingerprint(t: &dyn Transport, panel: &dyn Panel, account: &Account) -> Result<Fingerprint> {
    let mut files = BTreeMap::new();
    for dir in directories(panel, account) {
        let all = listing::list(t, &Source::Dir(dir.clone()))?;
        let (_, name) = split_path(&dir);
        let entries = listing::subtree(&all, name, &[]);
        let mut h = Sha256::new();
        let mut bytes = 0;
        for (rel, e) in &entries {
            // Directory times change whenever a file is added, so only their modes count.
            let time = if e.kind == Kind::Dir { "" } else { &e.mtime };
            h.update(format!(
                "{rel}\t{:?}\t{}\t{}\t{}\t{time}\n",
                e.kind, e.mode, e.owner, e.size
            ));
            bytes += e.size;
        }
        files.insert(
            dir,
            Files {
                entries: entries.len() as u64,
                bytes,
                sha256: format!("{:x}", h.finalize()),
            },
        );
    }
    Ok(Fingerprint {
        files,
        databases: database::fingerprints(t, &account.databases)?,
    })
}

/// What differs between two fingerprints, in words.
pub fn differences(before: &Fingerprint, after: &Fingerprint) -> Vec<String> {
    let mut out = Vec::new();
    for (dir, b) in &before.files {
        match after.files.get(dir) {
            Some(a) if a == b => {}
            Some(a) => out.push(format!(
                "{dir}: {} entries, {} bytes (before: {} entries, {} bytes){}",
                a.entries,
                a.bytes,
                b.entries,
                b.bytes,
                if a.entries == b.entries && a.bytes == b.bytes {
                    "; names, modes or times differ"
                } else {
                    ""
                }
            )),
            None => out.push(format!("{dir} is missing")),
        }
    }
    for (db, b) in &before.databases {
        match after.databases.get(db) {
            Some(a) if a == b => {}
            Some(_) => out.push(format!("database {db} differs")),
            None => out.push(format!("database {db} is missing")),
        }
    }
    for db in after
        .databases
        .keys()
        .filter(|d| !before.databases.contains_key(*d))
    {
        out.push(format!("database {db} was not there before"));
    }
    out
}
