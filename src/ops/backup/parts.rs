//! The safety snapshot of a partial restore (`--only`): copies of only the paths, and dumps of
//! only the databases, that the restore replaces. A failed restore and `backup undo` put
//! back exactly those, and nothing else of the account is touched.

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::database;
use super::links;
use super::preview::Piece;
use crate::host::listing::split_path;
use crate::transport::{self, Cmd, Transport};

/// One path a partial restore replaces, and where its copy is (None: it did not exist).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SavedPath {
    pub live: String,
    pub file: bool,
    /// Paths inside it that belong to another part (left alone both ways).
    pub exclude: Vec<String>,
    pub saved: Option<String>,
}

/// One database a partial restore replaces, and its dump file (None: it did not exist).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SavedDb {
    pub database: String,
    pub saved: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Parts {
    /// The account's home (no link is followed inside it).
    pub home: String,
    pub paths: Vec<SavedPath>,
    pub databases: Vec<SavedDb>,
}

impl Parts {
    pub fn lives(&self) -> Vec<String> {
        self.paths.iter().map(|p| p.live.clone()).collect()
    }

    pub fn database_names(&self) -> Vec<String> {
        self.databases.iter().map(|d| d.database.clone()).collect()
    }
}

const EXISTS: &str = r#"[ -e "$1" ] || [ -L "$1" ]"#;

/// rsync of `from` to `to` (a tree, or with `file` one file), links copied as links, never
/// followed; with `delete`, what `from` lacks is removed (outside `exclude`).
fn rsync(from: &str, to: &str, file: bool, exclude: &[String], delete: bool) -> Cmd {
    let mut c = Cmd::new("rsync").args(["--archive", "--hard-links"]);
    if delete {
        c = c.arg("--delete");
    }
    for x in exclude {
        c = c.arg(format!("--exclude=/{x}"));
    }
    if file {
        c.args(["--", from, to])
    } else {
        c.args(["--", &format!("{from}/"), &format!("{to}/")])
    }
}

/// Copies what `pieces` and `databases` would replace into `dir` (created, root only).
pub fn take(
    t: &dyn Transport,
    dir: &str,
    home: &str,
    pieces: &[Piece],
    databases: &[String],
) -> Result<Parts> {
    let lives: Vec<&str> = pieces.iter().map(|p| p.tree.live.as_str()).collect();
    links::refuse(t, home, &lives, "copy files")?;
    transport::run_ok(
        t,
        &Cmd::new("install").args([
            "-d",
            "-m",
            "0700",
            "--",
            &format!("{dir}/files"),
            &format!("{dir}/db"),
        ]),
    )?;
    let mut paths = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let live = &piece.tree.live;
        let exists = transport::run(t, &Cmd::script("sh", EXISTS).arg(live), None, None)?;
        let saved = if exists.exit.success() {
            let to = format!("{dir}/files/{i}");
            transport::run_ok(t, &rsync(live, &to, piece.file, &piece.tree.exclude, false))?;
            Some(to)
        } else {
            None
        };
        paths.push(SavedPath {
            live: live.clone(),
            file: piece.file,
            exclude: piece.tree.exclude.clone(),
            saved,
        });
    }
    let present = database::sizes(t, databases)?;
    let mut saved_dbs = Vec::new();
    for (i, db) in databases.iter().enumerate() {
        let saved = if present.contains_key(db) {
            let file = format!("{dir}/db/{i}.sql");
            database::dump_to(t, db, &file)?;
            Some(file)
        } else {
            None
        };
        saved_dbs.push(SavedDb {
            database: db.clone(),
            saved,
        });
    }
    Ok(Parts {
        home: home.to_string(),
        paths,
        databases: saved_dbs,
    })
}

/// Checks the copies are there before anything changes.
pub fn check(t: &dyn Transport, parts: &Parts) -> Result<()> {
    let copies = parts
        .paths
        .iter()
        .filter_map(|p| p.saved.clone())
        .chain(parts.databases.iter().filter_map(|d| d.saved.clone()));
    for copy in copies {
        let there = transport::run(t, &Cmd::script("sh", EXISTS).arg(&copy), None, None)?;
        if !there.exit.success() {
            anyhow::bail!(crate::exit::StatusError::refused(format!(
                "the safety snapshot is incomplete on {}: {copy} is missing; nothing was changed",
                t.target().name
            )));
        }
    }
    Ok(())
}

/// Puts back exactly what [`take`] copied: each path as it was (or gone, where it did not
/// exist), each database from its dump (or dropped, where it did not exist).
pub fn put_back(t: &dyn Transport, parts: &Parts, tag: &str) -> Result<()> {
    let lives: Vec<&str> = parts.paths.iter().map(|p| p.live.as_str()).collect();
    links::refuse(t, &parts.home, &lives, "put back files")?;
    for p in &parts.paths {
        match &p.saved {
            Some(saved) => {
                let (parent, _) = split_path(&p.live);
                transport::run_ok(t, &Cmd::new("mkdir").args(["-p", "--", parent]))?;
                transport::run_ok(t, &rsync(saved, &p.live, p.file, &p.exclude, true))?;
            }
            None => {
                transport::run_ok(t, &Cmd::new("rm").args(["-rf", "--", &p.live]))?;
            }
        }
    }
    for d in &parts.databases {
        match &d.saved {
            Some(file) => {
                database::replace(t, &database::file_dump(&d.database, file), tag)?;
            }
            None => database::drop_all(t, std::slice::from_ref(&d.database))?,
        }
    }
    Ok(())
}
