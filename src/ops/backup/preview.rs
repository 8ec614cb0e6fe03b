//! What a restore would change, read before anything changes: the pieces of the backup that
//! the restore takes (whole account or `--only` parts), their listings (which also prove the
//! archives readable), and the files, databases and mailboxes that would be added,
//! overwritten or removed.

use std::collections::HashMap;
use std::str::FromStr;

use anyhow::{bail, Result};
use serde::Serialize;

use crate::exit::StatusError;
use crate::host::listing::{self, split_path, Entry, Kind, Listing, Source};
use crate::panel::backup::{Contents, Dump, Tree};
use crate::transport::{self, Cmd, Transport};

/// A part of an account that `--only` restores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "part", content = "name")]
pub enum Part {
    Home,
    Mail,
    /// One database, or all of them.
    Db(Option<String>),
    /// A file or directory, relative to the account's home.
    Path(String),
}

impl FromStr for Part {
    type Err = String;

    fn from_str(s: &str) -> Result<Part, String> {
        match s.split_once(':') {
            None if s == "home" => Ok(Part::Home),
            None if s == "mail" => Ok(Part::Mail),
            None if s == "db" => Ok(Part::Db(None)),
            Some(("db", name)) if valid_db_name(name) => Ok(Part::Db(Some(name.to_string()))),
            Some(("db", name)) => Err(format!(
                "{name:?} is not a database name (letters, digits, _)"
            )),
            Some(("path", rel)) => relative_path(rel).map(Part::Path),
            _ => Err(format!(
                "unknown part {s:?}: use home, mail, db, db:NAME or path:RELATIVE/PATH"
            )),
        }
    }
}

pub fn valid_db_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A path inside the account's home: relative, no `..`, no control characters.
fn relative_path(rel: &str) -> Result<String, String> {
    let rel = rel.trim_end_matches('/');
    if rel.is_empty() || rel.starts_with('/') {
        return Err(format!(
            "path:{rel} must be relative to the account's home directory"
        ));
    }
    if rel
        .split('/')
        .any(|c| c == ".." || c == "." || c.is_empty())
    {
        return Err(format!(
            "path:{rel} must not contain `..`, `.` or empty parts"
        ));
    }
    if rel.chars().any(char::is_control) {
        return Err("path: must not contain control characters".to_string());
    }
    Ok(rel.to_string())
}

/// A tree (or, with `file`, one file) of the backup that a restore takes.
#[derive(Clone, Debug, Serialize)]
pub struct Piece {
    pub tree: Tree,
    pub file: bool,
}

/// The pieces and dumps a restore takes.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Selection {
    pub pieces: Vec<Piece>,
    pub dumps: Vec<Dump>,
}

/// Listings of every source read so far, by path.
#[derive(Default)]
pub struct Listings(HashMap<String, Listing>);

impl Listings {
    /// The listing of `source`, read once.
    pub fn get(&mut self, t: &dyn Transport, source: &Source) -> Result<&Listing> {
        if !self.0.contains_key(source.path()) {
            let l = listing::list(t, source)?;
            self.0.insert(source.path().to_string(), l);
        }
        Ok(&self.0[source.path()])
    }
}

/// What `parts` (none: everything) select from `contents`. `home` is the account's home
/// directory, to which `path:` parts are relative.
pub fn select(
    contents: &Contents,
    parts: &[Part],
    home: &str,
    t: &dyn Transport,
    listings: &mut Listings,
) -> Result<Selection> {
    let dir = |tree: &Tree| Piece {
        tree: tree.clone(),
        file: false,
    };
    let mut s = Selection::default();
    if parts.is_empty() {
        s.pieces.extend(contents.home.iter().map(dir));
        s.pieces.extend(contents.mail.iter().map(|(_, t)| dir(t)));
        s.dumps.extend(contents.databases.iter().cloned());
        return Ok(s);
    }
    for part in parts {
        match part {
            Part::Home => s.pieces.extend(contents.home.iter().map(dir)),
            Part::Mail => s.pieces.extend(contents.mail.iter().map(|(_, t)| dir(t))),
            Part::Db(None) => s.dumps.extend(contents.databases.iter().cloned()),
            Part::Db(Some(name)) => match contents.databases.iter().find(|d| &d.database == name) {
                Some(d) => s.dumps.push(d.clone()),
                None => bail!(StatusError::usage(format!(
                    "the backup holds no database {name} (it has: {})",
                    names(contents.databases.iter().map(|d| d.database.as_str()))
                ))),
            },
            Part::Path(rel) => s.pieces.push(path_piece(contents, home, rel, t, listings)?),
        }
    }
    Ok(s)
}

fn names<'a>(it: impl Iterator<Item = &'a str>) -> String {
    let v: Vec<&str> = it.collect();
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

/// The piece for `home/rel`: the part of the home tree holding it, a file or a directory.
fn path_piece(
    contents: &Contents,
    home: &str,
    rel: &str,
    t: &dyn Transport,
    listings: &mut Listings,
) -> Result<Piece> {
    let wanted = format!("{home}/{rel}");
    for tree in &contents.home {
        let inner = if wanted == tree.live {
            ""
        } else if let Some(inner) = wanted.strip_prefix(&format!("{}/", tree.live)) {
            inner
        } else {
            continue;
        };
        let member = if inner.is_empty() {
            tree.prefix.clone()
        } else {
            format!("{}/{inner}", tree.prefix)
        };
        let listing = listings.get(t, &tree.source)?;
        let kind = listing.get(&member).map(|e| e.kind);
        let under = listing.keys().any(|k| k.starts_with(&format!("{member}/")));
        let file = match kind {
            Some(Kind::Dir) => false,
            Some(_) => true,
            None if under => false,
            None => break,
        };
        return Ok(Piece {
            tree: Tree {
                source: tree.source.clone(),
                prefix: member,
                live: wanted.clone(),
                exclude: if inner.is_empty() {
                    tree.exclude.clone()
                } else {
                    Vec::new()
                },
            },
            file,
        });
    }
    bail!(StatusError::usage(format!(
        "{rel} is not in the backup (paths are relative to {home})"
    )))
}

/// Counts of files of one kind of change.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Counted {
    pub files: u64,
    pub bytes: u64,
    /// Up to ten paths.
    pub sample: Vec<String>,
}

impl Counted {
    fn add(&mut self, path: String, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
        if self.sample.len() < 10 {
            self.sample.push(path);
        }
    }
}

/// How one piece's files would change.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FileChanges {
    pub live: String,
    pub added: Counted,
    pub overwritten: Counted,
    pub removed: Counted,
    pub unchanged: u64,
}

/// The files (not directories) of `backup` against `live`, both relative listings.
pub fn diff(live_root: &str, backup: &Listing, live: &Listing) -> FileChanges {
    let mut c = FileChanges {
        live: live_root.to_string(),
        ..FileChanges::default()
    };
    let path = |rel: &str| {
        if rel.is_empty() {
            live_root.to_string()
        } else {
            format!("{live_root}/{rel}")
        }
    };
    for (rel, b) in backup.iter().filter(|(_, e)| e.kind != Kind::Dir) {
        match live.get(rel) {
            None => c.added.add(path(rel), b.size),
            Some(l) if same(b, l) => c.unchanged += 1,
            Some(_) => c.overwritten.add(path(rel), b.size),
        }
    }
    for (rel, l) in live.iter().filter(|(_, e)| e.kind != Kind::Dir) {
        if !backup.contains_key(rel) {
            c.removed.add(path(rel), l.size);
        }
    }
    c
}

/// Same content as far as a listing tells (hard links carry no size).
fn same(a: &Entry, b: &Entry) -> bool {
    let links = a.kind == Kind::HardLink || b.kind == Kind::HardLink;
    a.mode == b.mode && a.mtime == b.mtime && (links || (a.kind == b.kind && a.size == b.size))
}

/// The backup side of a piece, as a listing relative to the piece's top ("" for a file).
pub fn backup_side(piece: &Piece, listing: &Listing) -> Listing {
    if piece.file {
        listing
            .get(&piece.tree.prefix)
            .map(|e| Listing::from([(String::new(), e.clone())]))
            .unwrap_or_default()
    } else {
        listing::subtree(listing, &piece.tree.prefix, &piece.tree.exclude)
    }
}

/// Live directories as read during one pass: each directory is listed once, and a piece
/// inside a directory already read (cPanel's mailboxes inside the home) is taken from that
/// listing instead of asking the server again.
#[derive(Default)]
pub struct LiveListings(Vec<(String, Listing)>);

impl LiveListings {
    /// The live side of `piece`, relative to its top (empty when it does not exist).
    pub fn side(&mut self, t: &dyn Transport, piece: &Piece) -> Result<Listing> {
        let live = piece.tree.live.as_str();
        let within = |root: &str| live == root || live.starts_with(&format!("{root}/"));
        let index = match self.0.iter().position(|(root, _)| within(root)) {
            Some(i) => i,
            None => {
                self.0.push((live.to_string(), list_live(t, live)?));
                self.0.len() - 1
            }
        };
        let (root, all) = &self.0[index];
        // Members are named from the root directory's own name.
        let member = format!("{}{}", split_path(root).1, &live[root.len()..]);
        Ok(if piece.file {
            all.get(&member)
                .map(|e| Listing::from([(String::new(), e.clone())]))
                .unwrap_or_default()
        } else {
            listing::subtree(all, &member, &piece.tree.exclude)
        })
    }
}

/// Everything under the live directory (or file) `live`, nothing when it does not exist.
pub fn list_live(t: &dyn Transport, live: &str) -> Result<Listing> {
    let list = Source::Dir(live.to_string()).list_command();
    let cmd = Cmd::new("sh")
        .args([
            "-c",
            "[ -e \"$1\" ] || [ -L \"$1\" ] || exit 0; shift; exec \"$@\"",
            "sh",
            live,
        ])
        .args(list.argv().iter().cloned());
    let out = transport::run(t, &cmd, None, None)?;
    if !out.exit.success() {
        bail!(
            "cannot list {live} on {}: {}",
            t.target().name,
            out.stderr_text().trim()
        );
    }
    Ok(listing::parse(&out.stdout_text()))
}

/// Both sides of a piece, as read for the preview.
#[derive(Clone, Debug)]
pub struct LiveAndBackup {
    pub backup: Listing,
    pub live: Listing,
}

/// Where `live` departs from `backup` after a restore: missing members, and members whose
/// type, size or mode differ; with `strict`, files that are not in the backup as well.
pub fn compare(root: &str, backup: &Listing, live: &Listing, strict: bool) -> Vec<String> {
    let path = |rel: &str| {
        if rel.is_empty() {
            root.to_string()
        } else {
            format!("{root}/{rel}")
        }
    };
    let mut problems = Vec::new();
    for (rel, b) in backup {
        match live.get(rel) {
            None => problems.push(format!("{} is missing", path(rel))),
            Some(l) if b.kind == Kind::Dir || l.kind == Kind::Dir => {
                if b.kind != l.kind {
                    problems.push(format!(
                        "{} is not the same type as in the backup",
                        path(rel)
                    ));
                }
            }
            Some(l) => {
                let links = b.kind == Kind::HardLink || l.kind == Kind::HardLink;
                if !links && (b.kind != l.kind || b.size != l.size) {
                    problems.push(format!(
                        "{} differs from the backup ({} bytes, backup {})",
                        path(rel),
                        l.size,
                        b.size
                    ));
                } else if b.mode != l.mode {
                    problems.push(format!(
                        "{} has mode {} (backup {})",
                        path(rel),
                        l.mode,
                        b.mode
                    ));
                }
            }
        }
    }
    if strict {
        for rel in live.keys().filter(|k| !backup.contains_key(*k)) {
            problems.push(format!("{} is not in the backup", path(rel)));
        }
    }
    problems
}

/// Messages (files under `cur/` and `new/`) in a maildir listing.
pub fn messages(listing: &Listing) -> u64 {
    listing
        .iter()
        .filter(|(k, e)| e.kind != Kind::Dir && (k.starts_with("cur/") || k.starts_with("new/")))
        .count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_parse_and_refuse_escapes() {
        assert_eq!("home".parse::<Part>(), Ok(Part::Home));
        assert_eq!("db".parse::<Part>(), Ok(Part::Db(None)));
        assert_eq!(
            "db:bob_shop".parse::<Part>(),
            Ok(Part::Db(Some("bob_shop".into())))
        );
        assert_eq!(
            "path:public_html/a b/".parse::<Part>(),
            Ok(Part::Path("public_html/a b".into()))
        );
        for bad in [
            "path:../etc",
            "path:/etc/passwd",
            "path:a/../../b",
            "db:x;drop",
            "path:a\nb",
            "files",
        ] {
            assert!(bad.parse::<Part>().is_err(), "{bad}");
        }
    }

    #[test]
    fn diff_counts_added_overwritten_removed() {
        let backup = listing::parse(
            "-rw-r--r-- a/a 5 2026-11-01 10:00:00 keep\n\
             -rw-r--r-- a/a 7 2026-11-01 10:00:00 changed\n\
             -rw-r--r-- a/a 9 2026-11-01 10:00:00 gone\n\
             drwxr-xr-x a/a 0 2026-11-01 10:00:00 dir/\n",
        );
        let live = listing::parse(
            "-rw-r--r-- a/a 5 2026-11-01 10:00:00 keep\n\
             -rw-r--r-- a/a 8 2026-11-02 10:00:00 changed\n\
             -rw-r--r-- a/a 3 2026-11-02 10:00:00 new\n",
        );
        let c = diff("/home/a", &backup, &live);
        assert_eq!((c.added.files, c.added.bytes), (1, 9));
        assert_eq!(c.added.sample, ["/home/a/gone"]);
        assert_eq!(c.overwritten.files, 1);
        assert_eq!((c.removed.files, c.removed.bytes), (1, 3));
        assert_eq!(c.unchanged, 1);
        let problems = compare("/home/a", &backup, &live, true);
        assert_eq!(
            problems,
            [
                "/home/a/changed differs from the backup (8 bytes, backup 7)",
                "/home/a/dir is missing",
                "/home/a/gone is missing",
                "/home/a/new is not in the backup",
            ]
        );
        assert!(compare("/home/a", &backup, &backup, true).is_empty());
    }
}
