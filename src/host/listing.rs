//! File listings of backups and of live data in one format: GNU tar's verbose listing, read
//! from an archive (`tar -tv`) or from a directory without reading file contents
//! (`tar -cvv -f /dev/null`), so the same names, quoting and modes come from both sides.

use std::collections::BTreeMap;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use crate::transport::{self, Cmd, Transport};

/// Where part of a restore point sits on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "path")]
pub enum Source {
    /// A tar archive, compressed or not (tar detects which).
    Tar(String),
    /// A directory; its members are named from the directory's own name (`NAME/...`), as in
    /// an archive of it.
    Dir(String),
}

impl Source {
    pub fn path(&self) -> &str {
        match self {
            Source::Tar(p) | Source::Dir(p) => p,
        }
    }

    /// The command listing every member, verbosely, with full timestamps.
    pub fn list_command(&self) -> Cmd {
        match self {
            Source::Tar(p) => read_tar(
                p,
                [
                    "--list",
                    "--verbose",
                    "--full-time",
                    "--quoting-style=escape",
                ],
            ),
            Source::Dir(p) => {
                let (parent, name) = split_path(p);
                Cmd::new("tar").args([
                    "--create",
                    "--verbose",
                    "--verbose",
                    "--full-time",
                    "--quoting-style=escape",
                    "--file",
                    "/dev/null",
                    "--directory",
                    parent,
                    "--",
                    name,
                ])
            }
        }
    }
}

/// Runs tar on archive `$1` with the other arguments. zstd reads gzip about three times as
/// fast as gzip itself, so it decompresses when it can; otherwise tar does (it knows the
/// compression from the file). Either way a truncated or damaged archive fails.
const READ_TAR: &str = r#"set -o pipefail
archive=$1; shift
case $archive in
  *.gz|*.tgz)
    if command -v zstd >/dev/null 2>&1 && zstd -H 2>&1 | grep -q -e '--format=gzip'; then
      zstd -q -d -c -- "$archive" | tar --file - "$@"
      exit
    fi ;;
esac
exec tar --file "$archive" "$@""#;

/// tar on `archive` with `args` (which must not name the archive), decompressing fast.
pub fn read_tar<I, S>(archive: &str, args: I) -> Cmd
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    Cmd::new("bash")
        .args(["-c", READ_TAR, "bash", archive])
        .args(args)
}

/// `/a/b/c` as (`/a/b`, `c`); a trailing slash is ignored.
pub fn split_path(path: &str) -> (&str, &str) {
    let p = path.trim_end_matches('/');
    match p.rsplit_once('/') {
        Some(("", name)) => ("/", name),
        Some((parent, name)) => (parent, name),
        None => (".", p),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    File,
    Dir,
    Link,
    /// A hard link to another member (tar lists it without a size).
    HardLink,
    Other,
}

/// One member of a listing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub kind: Kind,
    /// `rw-r--r--` as `ls -l` shows it (without the type letter).
    pub mode: String,
    /// `user/group`
    pub owner: String,
    pub size: u64,
    /// `YYYY-MM-DD HH:MM:SS` (seconds only: archives keep no more).
    pub mtime: String,
}

/// A listing: member name (escaped as tar escapes it, without a trailing slash) to entry.
pub type Listing = BTreeMap<String, Entry>;

/// Parses tar's verbose listing; lines it does not understand are skipped.
pub fn parse(text: &str) -> Listing {
    text.lines().filter_map(parse_line).collect()
}

fn parse_line(line: &str) -> Option<(String, Entry)> {
    let mut rest = line;
    let mut field = || {
        let t = rest.trim_start();
        let end = t.find(' ').unwrap_or(t.len());
        let (f, r) = t.split_at(end);
        rest = r;
        Some(f).filter(|f| !f.is_empty())
    };
    let mode = field()?;
    let owner = field()?;
    let size = field()?;
    let date = field()?;
    let time = field()?;
    // tar pads the time to align names; a name never starts with a space here, since every
    // listing starts from a named top directory.
    let name = rest.trim_start();
    let kind = match mode.chars().next()? {
        '-' => Kind::File,
        'd' => Kind::Dir,
        'l' => Kind::Link,
        'h' => Kind::HardLink,
        _ => Kind::Other,
    };
    let name = match kind {
        Kind::Link => name.split(" -> ").next()?,
        Kind::HardLink => name.split(" link to ").next()?,
        _ => name,
    };
    let time = time.split('.').next()?;
    Some((
        name.trim_end_matches('/').to_string(),
        Entry {
            kind,
            mode: mode.get(1..)?.to_string(),
            owner: owner.to_string(),
            size: size.parse().ok()?,
            mtime: format!("{date} {time}"),
        },
    ))
}

/// A member name as tar's `escape` quoting style prints it, back to the bytes it stands for
/// (`\\`, `\n`, `\t` and the like, and `\NNN` octal).
pub fn unescape(name: &str) -> String {
    let mut out = Vec::with_capacity(name.len());
    let b = name.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 == b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| d.iter().all(|c| (b'0'..=b'7').contains(c)));
        if let Some(d) = octal {
            out.push(
                d.iter()
                    .fold(0u8, |v, c| v.wrapping_mul(8).wrapping_add(c - b'0')),
            );
            i += 4;
            continue;
        }
        out.push(match b[i + 1] {
            b'n' => b'\n',
            b't' => b'\t',
            b'r' => b'\r',
            b'a' => 0x07,
            b'b' => 0x08,
            b'f' => 0x0c,
            b'v' => 0x0b,
            other => other,
        });
        i += 2;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Lists `source` on `t`. A listing that fails (a truncated or damaged archive, a missing
/// path) is an error naming the source and tar's complaint.
pub fn list(t: &dyn Transport, source: &Source) -> Result<Listing> {
    let out = transport::run(t, &source.list_command(), None, None)?;
    if !out.exit.success() {
        let why = out.stderr_text();
        let why = why.trim();
        bail!(
            "{} on {} cannot be read: {}",
            source.path(),
            t.target().name,
            if why.is_empty() { "tar failed" } else { why }
        );
    }
    Ok(parse(&out.stdout_text()))
}

/// The members of `listing` under `prefix` (a member name), renamed relative to it; the
/// prefix itself and members under any of `exclude` (relative names) are left out.
pub fn subtree(listing: &Listing, prefix: &str, exclude: &[String]) -> Listing {
    let prefix = prefix.trim_end_matches('/');
    listing
        .iter()
        .filter_map(|(name, e)| {
            let rel = name.strip_prefix(prefix)?.strip_prefix('/')?;
            let excluded = exclude
                .iter()
                .any(|x| rel == x || rel.starts_with(&format!("{x}/")));
            (!excluded).then(|| (rel.to_string(), e.clone()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "drwxr-xr-x root/root         0 2026-11-22 12:56:47 a/
-rw-r--r-- root/root         3 2026-11-22 12:56:47.36156998  a/b/h
hrw-r--r-- root/root         0 2026-11-22 12:56:47 a/b/f link to a/b/h
lrwxrwxrwx root/root         0 2026-11-22 12:56:47 a/b/l -> f
-rw-r--r-- alice/alice   12345 2026-11-22 12:56:47 a/we ird\\nname
tar: something odd
";

    #[test]
    fn verbose_listing_lines() {
        let l = parse(SAMPLE);
        assert_eq!(l.len(), 5);
        assert_eq!(l["a"].kind, Kind::Dir);
        assert_eq!(l["a/b/h"].size, 3);
        assert_eq!(l["a/b/h"].mtime, "2026-11-22 12:56:47");
        assert_eq!(l["a/b/h"].mode, "rw-r--r--");
        assert_eq!(l["a/b/f"].kind, Kind::HardLink);
        assert_eq!(l["a/b/l"].kind, Kind::Link);
        assert_eq!(l["a/we ird\\nname"].size, 12345);
    }

    #[test]
    fn subtrees_are_relative_and_honour_exclusions() {
        let l = parse(SAMPLE);
        let s = subtree(&l, "a/", &["b/l".to_string()]);
        assert_eq!(
            s.keys().collect::<Vec<_>>(),
            ["b/f", "b/h", "we ird\\nname"]
        );
    }

    #[test]
    fn escaped_names_unescape() {
        assert_eq!(unescape("we ird\\nname"), "we ird\nname");
        assert_eq!(unescape("a\\\\b\\303\\251"), "a\\bé");
        assert_eq!(unescape("plain/name.txt"), "plain/name.txt");
    }

    #[test]
    fn paths_split_into_parent_and_name() {
        assert_eq!(split_path("/backup/x/alice/"), ("/backup/x", "alice"));
        assert_eq!(split_path("/home"), ("/", "home"));
    }

    #[test]
    fn directories_are_listed_from_their_parent() {
        let cmd = Source::Dir("/home/alice".into()).list_command();
        assert_eq!(
            cmd.display(),
            "tar --create --verbose --verbose --full-time --quoting-style=escape --file /dev/null --directory /home -- alice"
        );
    }
}
