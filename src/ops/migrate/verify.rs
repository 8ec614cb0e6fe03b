//! `migrate verify`: is the account on the target the account on the source? Domains, the
//! home's files (names, types, modes, owners, sizes and mtimes of files, symlink targets;
//! contents with --deep), databases with per-table row counts, mailboxes with message counts,
//! DNS records, cron lines, and each domain's page (HTTP status and <title>) fetched on both
//! servers. Reads only. Every name a server returns stays data: listings come back
//! NUL-separated or one value per line in the order asked, and SQL identifiers are quoted by
//! `host::mysql`. The report names what differs, never hashes.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::host::{mysql, zone};
use crate::output::human_bytes;
use crate::panel::{Account, Panel};
use crate::transport::{self, Cmd, Transport};

/// How many differences of one check are listed; the rest are counted.
pub const LISTED: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// On the target only.
    Added,
    /// On the source only.
    Removed,
    /// On both, not the same.
    Changed,
}

#[derive(Debug, Serialize)]
pub struct Difference {
    pub change: Change,
    /// A path, table, record or line.
    pub item: String,
    /// What changed (`size 120 -> 98`), for `changed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Check {
    pub what: String,
    /// A short summary of each side (`120 files, 3.0 MiB`).
    pub source: String,
    pub target: String,
    pub same: bool,
    /// The first [`LISTED`] differences.
    pub differences: Vec<Difference>,
    /// How many more differences there are.
    pub more: usize,
}

impl Check {
    fn new(
        what: impl Into<String>,
        source: String,
        target: String,
        diffs: Vec<Difference>,
    ) -> Check {
        let more = diffs.len().saturating_sub(LISTED);
        Check {
            what: what.into(),
            same: diffs.is_empty(),
            source,
            target,
            differences: diffs.into_iter().take(LISTED).collect(),
            more,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct AccountCheck {
    pub user: String,
    pub checks: Vec<Check>,
}

impl AccountCheck {
    pub fn differences(&self) -> usize {
        self.checks.iter().filter(|c| !c.same).count()
    }
}

pub struct Side<'a> {
    pub t: &'a dyn Transport,
    /// The address the server's web server answers on.
    pub address: &'a str,
    pub account: Option<&'a Account>,
}

/// Compares one account on both servers.
pub fn account(
    panel: &dyn Panel,
    user: &str,
    src: &Side<'_>,
    dst: &Side<'_>,
    deep: bool,
) -> Result<AccountCheck> {
    let (Some(a), Some(b)) = (src.account, dst.account) else {
        let check = Check::new(
            "account",
            present(src.account),
            present(dst.account),
            vec![only_on_one(src.account.is_some(), user)],
        );
        return Ok(AccountCheck {
            user: user.into(),
            checks: vec![check],
        });
    };
    let mut checks = vec![Check::new(
        "domains",
        a.domains.join(" "),
        b.domains.join(" "),
        diff_sets(&a.domains, &b.domains),
    )];
    let dir = panel.data_dir(a);
    let (left, right) = (tree(src.t, &dir, deep)?, tree(dst.t, &dir, deep)?);
    checks.push(compare(
        "home files",
        "(the home directory)",
        &Ok(left.as_ref()),
        &Ok(right.as_ref()),
        |t| tree_summary(t),
        |a, b| diff_homes(a, b),
    ));
    if deep {
        let summary = |t: &Option<Tree>| {
            let n = t
                .iter()
                .flat_map(|t| t.values())
                .filter(|e| e.sha.is_some());
            format!("{} files read", n.count())
        };
        checks.push(Check::new(
            "home contents",
            summary(&left),
            summary(&right),
            diff_contents(&left, &right),
        ));
    }
    for db in &a.databases {
        checks.push(compare(
            format!("db {db}"),
            "(the database)",
            &tables(src.t, db).map_err(|e| format!("{e:#}")),
            &tables(dst.t, db).map_err(|e| format!("{e:#}")),
            |t| format!("{} tables, {} rows", t.len(), t.values().sum::<u64>()),
            |a, b| diff_maps(a, b, |x, y| (x != y).then(|| format!("rows {x} -> {y}"))),
        ));
    }
    let dirs: Vec<String> = a.mailboxes.iter().map(|m| panel.mail_dir(a, m)).collect();
    let (l, r) = (messages(src.t, &dirs)?, messages(dst.t, &dirs)?);
    for (i, m) in a.mailboxes.iter().enumerate() {
        let n = |side: &[u64]| format!("{} messages", count(side.get(i).copied()));
        checks.push(value_check(format!("mail {m}"), "messages", n(&l), n(&r)));
    }
    for d in &a.domains {
        let path = panel.zone_file(d);
        checks.push(compare(
            format!("zone {d}"),
            "(the zone file)",
            &zone_records(src.t, &path, d, src.address),
            &zone_records(dst.t, &path, d, dst.address),
            |r| format!("{} records", r.len()),
            |a, b| diff_sets(a, b),
        ));
    }
    let cron = panel.cron_file(a);
    let (l, r) = (read(src.t, &cron)?, read(dst.t, &cron)?);
    let lines = |t: &Option<String>| -> Vec<String> {
        t.iter()
            .flat_map(|t| t.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    };
    let (l, r) = (lines(&l), lines(&r));
    checks.push(Check::new(
        "cron",
        format!("{} lines", l.len()),
        format!("{} lines", r.len()),
        diff_sets(&l, &r),
    ));
    for d in &a.domains {
        let (l, r) = (page(src.t, d, src.address)?, page(dst.t, d, dst.address)?);
        checks.push(value_check(format!("http {d}"), "page", l, r));
    }
    Ok(AccountCheck {
        user: user.into(),
        checks,
    })
}

fn present(a: Option<&Account>) -> String {
    if a.is_some() { "present" } else { "missing" }.into()
}

/// A check of one value per side (a message count, a page's status and title).
fn value_check(what: String, item: &str, source: String, target: String) -> Check {
    let diffs = if source == target {
        vec![]
    } else {
        vec![changed(item, format!("{source} -> {target}"))]
    };
    Check::new(what, source, target, diffs)
}

/// A check of something each server may lack (None) or fail to read (an error text): its
/// summary on each side, and what differs when both have it.
fn compare<X>(
    what: impl Into<String>,
    whole: &str,
    src: &Result<Option<X>, String>,
    dst: &Result<Option<X>, String>,
    summary: impl Fn(&X) -> String,
    diff: impl Fn(&X, &X) -> Vec<Difference>,
) -> Check {
    let shown = |side: &Result<Option<X>, String>| match side {
        Ok(Some(x)) => summary(x),
        Ok(None) => "missing".into(),
        Err(_) => "unreadable".into(),
    };
    let (s, t) = (shown(src), shown(dst));
    let diffs = match (src, dst) {
        (Ok(Some(a)), Ok(Some(b))) => diff(a, b),
        (Ok(None), Ok(None)) => vec![],
        (Err(e), _) | (_, Err(e)) => vec![changed(whole, e.clone())],
        (a, _) => vec![only_on_one(matches!(a, Ok(Some(_))), whole)],
    };
    Check::new(what, s, t, diffs)
}

/// The whole of `item` present on one server only (the source when `on_source`).
fn only_on_one(on_source: bool, item: &str) -> Difference {
    Difference {
        change: if on_source {
            Change::Removed
        } else {
            Change::Added
        },
        item: item.into(),
        detail: None,
    }
}

fn changed(item: impl Into<String>, detail: String) -> Difference {
    Difference {
        change: Change::Changed,
        item: item.into(),
        detail: Some(detail),
    }
}

fn count(n: Option<u64>) -> String {
    n.map_or_else(|| "?".into(), |n| n.to_string())
}

/// The items of `src` missing from `dst` (removed) and those only in `dst` (added), as
/// multisets: a line there twice on the source and once on the target is one removal.
fn diff_sets(src: &[String], dst: &[String]) -> Vec<Difference> {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for s in src {
        *counts.entry(s).or_default() += 1;
    }
    for d in dst {
        *counts.entry(d).or_default() -= 1;
    }
    let mut out = Vec::new();
    for (item, n) in counts {
        let change = if n > 0 {
            Change::Removed
        } else {
            Change::Added
        };
        for _ in 0..n.unsigned_abs() {
            out.push(Difference {
                change,
                item: item.into(),
                detail: None,
            });
        }
    }
    out
}

/// The differences of two keyed collections, by key; `describe` says what differs between
/// the values of a key present in both (None: nothing).
fn diff_maps<V>(
    src: &BTreeMap<String, V>,
    dst: &BTreeMap<String, V>,
    describe: impl Fn(&V, &V) -> Option<String>,
) -> Vec<Difference> {
    let mut out = Vec::new();
    for (k, v) in src {
        match dst.get(k) {
            None => out.push(Difference {
                change: Change::Removed,
                item: k.clone(),
                detail: None,
            }),
            Some(w) => {
                if let Some(detail) = describe(v, w) {
                    out.push(changed(k.clone(), detail));
                }
            }
        }
    }
    for k in dst.keys().filter(|k| !src.contains_key(*k)) {
        out.push(Difference {
            change: Change::Added,
            item: k.clone(),
            detail: None,
        });
    }
    out.sort_by(|a, b| a.item.cmp(&b.item));
    out
}

/// One entry of a home directory: what the account owns, not how a filesystem keeps it
/// (directory sizes and mtimes, block counts, inode numbers are left out).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Entry {
    /// find's `%y`: `f` file, `d` directory, `l` symlink, ...
    pub kind: String,
    pub mode: String,
    pub owner: String,
    /// Regular files only.
    pub size: Option<u64>,
    /// Regular files only, whole seconds.
    pub mtime: Option<i64>,
    /// Symlinks only.
    pub target: Option<String>,
    /// With --deep, regular files only.
    pub sha: Option<String>,
}

/// A home directory by path relative to it (`""` the directory itself).
pub type Tree = BTreeMap<String, Entry>;

/// Fields `find -printf` writes per entry, each ended by a NUL (names may hold anything else).
const FIND_FORMAT: &str = "%y\\0%m\\0%u:%g\\0%s\\0%T@\\0%l\\0%P\\0";
const FIELDS: usize = 7;
/// Temporary files of hostops's own transfers, never part of the account.
const OWN_FILES: &str = "*/.hostops-*";

/// The home directory `dir` on `t`, or None when it does not exist.
fn tree(t: &dyn Transport, dir: &str, deep: bool) -> Result<Option<Tree>> {
    let list = Cmd::new("find").args([
        dir,
        "-xdev",
        "!",
        "-path",
        OWN_FILES,
        "-printf",
        FIND_FORMAT,
    ]);
    let out = transport::run(t, &list, None, None)?;
    // find ends non-zero when a file vanishes during the walk: what it listed still counts.
    if out.stdout.is_empty() {
        return Ok(None);
    }
    let mut tree = parse_listing(&out.stdout_text());
    if deep {
        let sums = Cmd::new("find").args([
            dir,
            "-xdev",
            "-type",
            "f",
            "!",
            "-path",
            OWN_FILES,
            "-exec",
            "sha256sum",
            "--",
            "{}",
            "+",
        ]);
        let out = transport::run(t, &sums, None, None)?;
        for (path, sha) in parse_sums(&out.stdout_text(), dir) {
            if let Some(e) = tree.get_mut(&path) {
                e.sha = Some(sha);
            }
        }
    }
    Ok(Some(tree))
}

/// Reads [`FIND_FORMAT`] output.
pub fn parse_listing(text: &str) -> Tree {
    let fields: Vec<&str> = text.split('\0').collect();
    fields
        .chunks_exact(FIELDS)
        .map(|f| {
            let file = f[0] == "f";
            let entry = Entry {
                kind: f[0].into(),
                mode: f[1].into(),
                owner: f[2].into(),
                size: file.then(|| f[3].parse().ok()).flatten(),
                mtime: file
                    .then(|| f[4].split('.').next().and_then(|s| s.parse().ok()))
                    .flatten(),
                target: (f[0] == "l").then(|| f[5].to_string()),
                sha: None,
            };
            (f[6].to_string(), entry)
        })
        .collect()
}

/// Reads `sha256sum` output for files under `dir`: `HASH  PATH` per line, or `\HASH  PATH` with
/// `\\` and `\n` escaped in PATH when it holds a backslash or newline.
pub fn parse_sums(text: &str, dir: &str) -> Vec<(String, String)> {
    let prefix = format!("{}/", dir.trim_end_matches('/'));
    text.lines()
        .filter_map(|line| {
            let (escaped, line) = match line.strip_prefix('\\') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let (sha, path) = line.split_once("  ")?;
            let path = if escaped {
                unescape_sum_path(path)
            } else {
                path.to_string()
            };
            Some((path.strip_prefix(&prefix)?.to_string(), sha.to_string()))
        })
        .collect()
}

fn unescape_sum_path(path: &str) -> String {
    let mut out = String::new();
    let mut chars = path.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn tree_summary(t: &Tree) -> String {
    let files = t.values().filter(|e| e.kind == "f");
    let bytes: u64 = files.clone().filter_map(|e| e.size).sum();
    format!("{} files, {}", files.count(), human_bytes(bytes))
}

/// What differs between two entries of the same path, in words.
fn entry_changes(a: &Entry, b: &Entry) -> Option<String> {
    let mut parts = Vec::new();
    if a.kind != b.kind {
        parts.push(format!("type {} -> {}", a.kind, b.kind));
    }
    if a.mode != b.mode {
        parts.push(format!("mode {} -> {}", a.mode, b.mode));
    }
    if a.owner != b.owner {
        parts.push(format!("owner {} -> {}", a.owner, b.owner));
    }
    if a.size != b.size {
        parts.push(format!("size {} -> {}", count(a.size), count(b.size)));
    }
    if a.mtime != b.mtime {
        let at = |m: Option<i64>| m.and_then(|m| jiff::Timestamp::from_second(m).ok());
        let (x, y) = (at(a.mtime), at(b.mtime));
        // The date once when both times fall on it (UTC).
        let day = |t: Option<jiff::Timestamp>| t.map(|t| t.strftime("%F").to_string());
        let time = |t: Option<jiff::Timestamp>, full: bool| {
            t.map_or_else(
                || "?".into(),
                |t| t.strftime(if full { "%F %T" } else { "%T" }).to_string(),
            )
        };
        let full = day(x) != day(y);
        let (from, to) = (time(x, full), time(y, full));
        parts.push(match (full, day(x)) {
            (false, Some(d)) => format!("mtime {d} {from} -> {to}"),
            _ => format!("mtime {from} -> {to}"),
        });
    }
    if a.target != b.target {
        parts.push(format!(
            "target {} -> {}",
            a.target.as_deref().unwrap_or("?"),
            b.target.as_deref().unwrap_or("?")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn shown_path(p: &str) -> String {
    if p.is_empty() {
        "(the home directory itself)".into()
    } else {
        p.into()
    }
}

/// The paths added, removed and changed between two homes.
fn diff_homes(src: &Tree, dst: &Tree) -> Vec<Difference> {
    let mut d = diff_maps(src, dst, entry_changes);
    for x in &mut d {
        x.item = shown_path(&x.item);
    }
    d
}

fn diff_contents(src: &Option<Tree>, dst: &Option<Tree>) -> Vec<Difference> {
    let (Some(a), Some(b)) = (src, dst) else {
        return vec![];
    };
    a.iter()
        .filter_map(|(path, e)| {
            let other = b.get(path)?;
            (e.sha.is_some() && other.sha.is_some() && e.sha != other.sha)
                .then(|| changed(shown_path(path), "content differs".into()))
        })
        .collect()
}

/// Row counts by table of database `db` on `t`, or None when there is no such database.
/// Names travel as data: the list comes from information_schema with `db` as a string, each
/// count is asked with both names quoted by [`mysql::ident`], all on the client's stdin.
fn tables(t: &dyn Transport, db: &str) -> Result<Option<BTreeMap<String, u64>>> {
    let l = mysql::literal(db);
    let listed = mysql::rows(
        t,
        &format!(
            "SELECT 'd', schema_name FROM information_schema.schemata WHERE schema_name = {l} \
             UNION ALL SELECT 't', table_name FROM information_schema.tables \
             WHERE table_schema = {l} AND table_type IN ('BASE TABLE', 'SYSTEM VERSIONED')"
        ),
    )?;
    if !listed
        .iter()
        .any(|r| r.first().map(String::as_str) == Some("d"))
    {
        return Ok(None);
    }
    let names: Vec<&String> = listed
        .iter()
        .filter(|r| r.first().map(String::as_str) == Some("t"))
        .filter_map(|r| r.get(1))
        .collect();
    if names.is_empty() {
        return Ok(Some(BTreeMap::new()));
    }
    let sql: String = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            format!(
                "SELECT {i}, COUNT(*) FROM {}.{};\n",
                mysql::ident(db),
                mysql::ident(n)
            )
        })
        .collect();
    let mut counts = BTreeMap::new();
    for row in mysql::rows(t, &sql)? {
        let (Some(i), Some(n)) = (row.first(), row.get(1)) else {
            continue;
        };
        if let (Ok(i), Ok(n)) = (i.parse::<usize>(), n.parse::<u64>()) {
            if let Some(name) = names.get(i) {
                counts.insert(name.to_string(), n);
            }
        }
    }
    Ok(Some(counts))
}

/// Constant script: the number of messages (files in cur/ and new/) of each maildir given as
/// an argument, one line per argument, in order.
const MESSAGES: &str =
    r#"for d in "$@"; do find "$d/cur" "$d/new" -type f -printf x 2>/dev/null | wc -c; done"#;

fn messages(t: &dyn Transport, dirs: &[String]) -> Result<Vec<u64>> {
    if dirs.is_empty() {
        return Ok(vec![]);
    }
    let out = transport::run_ok(t, &Cmd::script("sh", MESSAGES).args(dirs.iter().cloned()))?;
    Ok(out
        .stdout_text()
        .lines()
        .map(|l| l.trim().parse().unwrap_or(0))
        .collect())
}

/// The file at `path` on `t`, or None when it cannot be read.
fn read(t: &dyn Transport, path: &str) -> Result<Option<String>> {
    let out = transport::run(t, &Cmd::new("cat").args(["--", path]), None, None)?;
    Ok(out.exit.success().then(|| out.stdout_text()))
}

/// The zone of `domain` at `path` on `t`: its records without the SOA (its serial changes),
/// owners relative to the domain, the server's own address written `<server>` (a restore
/// points records at the new server). None when there is no zone file; an error text when it
/// does not read as a zone.
fn zone_records(
    t: &dyn Transport,
    path: &str,
    domain: &str,
    own_address: &str,
) -> Result<Option<Vec<String>>, String> {
    if domain.contains('/') || domain.starts_with('.') {
        return Err(format!("{domain:?} is not a domain name"));
    }
    let text = match read(t, path) {
        Ok(Some(text)) => text,
        Ok(None) => return Ok(None),
        Err(e) => return Err(format!("{e:#}")),
    };
    zone_lines(&text, domain, own_address)
        .map(Some)
        .map_err(|e| format!("{path}: {e:#}"))
}

/// The zone text of `domain` read by the one zone parser ([`zone::records`]), one line per
/// record without the SOA: `NAME TTL TYPE DATA`, as [`zone_records`] compares them.
fn zone_lines(text: &str, domain: &str, own_address: &str) -> Result<Vec<String>> {
    Ok(zone::records(text, domain)?
        .into_iter()
        .filter(|r| r.rtype != "SOA")
        .map(|r| {
            format!(
                "{} {} {} {}",
                relative(&r.name, domain),
                r.ttl,
                r.rtype,
                own(&r.data, own_address)
            )
        })
        .collect())
}

/// `name` (fully qualified) relative to `domain`: `www`, `@` for the domain itself.
pub fn relative(name: &str, domain: &str) -> String {
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let name = name.trim_end_matches('.');
    if name == domain {
        "@".into()
    } else if let Some(sub) = name.strip_suffix(&format!(".{domain}")) {
        sub.into()
    } else {
        format!("{name}.")
    }
}

/// `data` with each whole occurrence of `address` written `<server>`.
pub fn own(data: &str, address: &str) -> String {
    if address.is_empty() {
        return data.into();
    }
    let v6 = address.contains(':');
    let part = |c: char| c.is_ascii_alphanumeric() || c == '.' || (v6 && c == ':');
    let mut out = String::new();
    let mut rest = data;
    while let Some(i) = rest.find(address) {
        let before = rest[..i].chars().last().or_else(|| out.chars().last());
        let after = rest[i + address.len()..].chars().next();
        out.push_str(&rest[..i]);
        if before.is_some_and(part) || after.is_some_and(part) {
            out.push_str(address);
        } else {
            out.push_str("<server>");
        }
        rest = &rest[i + address.len()..];
    }
    out.push_str(rest);
    out
}

/// `STATUS "title"` of the page of `domain` on the server at `address`.
fn page(t: &dyn Transport, domain: &str, address: &str) -> Result<String> {
    let host = if address.contains(':') {
        format!("[{address}]")
    } else {
        address.to_string()
    };
    let curl = Cmd::new("curl").args([
        "-s".to_string(),
        "--max-time".into(),
        "10".into(),
        "-H".into(),
        format!("Host: {domain}"),
        "-w".into(),
        "\nHTTP-STATUS %{http_code}\n".into(),
        format!("http://{host}/"),
    ]);
    Ok(page_summary(
        &transport::run(t, &curl, None, None)?.stdout_text(),
    ))
}

/// `STATUS "title"` of a fetched page.
pub fn page_summary(text: &str) -> String {
    let status = text
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("HTTP-STATUS "))
        .unwrap_or("none")
        .trim();
    let title = text
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .map(str::trim)
        .unwrap_or("");
    format!("{status} {title:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(entries: &[[&str; 7]]) -> String {
        entries.iter().flatten().map(|f| format!("{f}\0")).collect()
    }

    #[test]
    fn directory_sizes_and_times_are_not_compared() {
        let a = listing(&[
            ["d", "711", "bob:bob", "4096", "1700000000.1", "", ""],
            [
                "d",
                "750",
                "bob:nobody",
                "4096",
                "1700000000.5",
                "",
                "public_html",
            ],
            [
                "f",
                "644",
                "bob:bob",
                "12",
                "1700000001.25",
                "",
                "public_html/a\nb;c",
            ],
            [
                "l",
                "777",
                "bob:bob",
                "9",
                "1700000002.0",
                "index.php",
                "public_html/x",
            ],
        ]);
        let b = a
            .replace("4096", "60")
            .replace("1700000000.5", "1800000000.0")
            .replace("1700000001.25", "1700000001.75");
        let (a, b) = (parse_listing(&a), parse_listing(&b));
        assert!(diff_homes(&a, &b).is_empty(), "{:?}", diff_homes(&a, &b));
        assert_eq!(a["public_html/a\nb;c"].size, Some(12));
    }

    #[test]
    fn a_changed_file_is_named_with_what_changed() {
        let a = listing(&[
            [
                "f",
                "644",
                "bob:bob",
                "12",
                "1700000001",
                "",
                "public_html/index.html",
            ],
            ["f", "644", "bob:bob", "3", "1700000001", "", "gone.txt"],
            ["l", "777", "bob:bob", "1", "1", "a", "link"],
        ]);
        let b = listing(&[
            [
                "f",
                "600",
                "bob:bob",
                "10",
                "1700000061",
                "",
                "public_html/index.html",
            ],
            ["f", "644", "bob:bob", "3", "1700000001", "", "new.txt"],
            ["l", "777", "bob:bob", "1", "1", "b", "link"],
        ]);
        let d = diff_homes(&parse_listing(&a), &parse_listing(&b));
        let shown: Vec<String> = d
            .iter()
            .map(|d| {
                format!(
                    "{:?} {} {}",
                    d.change,
                    d.item,
                    d.detail.as_deref().unwrap_or("")
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                "Removed gone.txt ",
                "Changed link target a -> b",
                "Added new.txt ",
                "Changed public_html/index.html mode 644 -> 600, size 12 -> 10, mtime 2023-11-14 22:13:21 -> 22:14:21",
            ]
        );
    }

    #[test]
    fn checksum_lines_with_escaped_names() {
        let text = "aaa  /home/bob/x y\n\\bbb  /home/bob/a\\nb\\\\c\nccc  /elsewhere/z\n";
        assert_eq!(
            parse_sums(text, "/home/bob"),
            [
                ("x y".to_string(), "aaa".to_string()),
                ("a\nb\\c".to_string(), "bbb".to_string())
            ]
        );
    }

    #[test]
    fn differences_are_listed_up_to_a_limit_and_counted() {
        let src: Vec<String> = (0..25).map(|i| format!("line {i}")).collect();
        let c = Check::new("cron", "25".into(), "0".into(), diff_sets(&src, &[]));
        assert!(!c.same);
        assert_eq!((c.differences.len(), c.more), (LISTED, 15));
        let same = Check::new("cron", "1".into(), "1".into(), diff_sets(&src, &src));
        assert!(same.same && same.differences.is_empty());
    }

    #[test]
    fn a_side_that_lacks_or_cannot_read_it() {
        let count = |x: &u64| x.to_string();
        let same = |_: &u64, _: &u64| vec![];
        let c = compare(
            "db x",
            "(the database)",
            &Ok(Some(1)),
            &Ok(None),
            count,
            same,
        );
        assert_eq!((c.source.as_str(), c.target.as_str()), ("1", "missing"));
        assert_eq!(c.differences[0].change, Change::Removed);
        let e = compare(
            "db x",
            "(the database)",
            &Ok(Some(1)),
            &Err("ERROR 1146".into()),
            count,
            same,
        );
        assert_eq!(e.target, "unreadable");
        assert_eq!(e.differences[0].detail.as_deref(), Some("ERROR 1146"));
        assert!(compare("db x", "", &Ok(None), &Ok(None), count, same).same);
    }

    #[test]
    fn repeated_lines_count() {
        let a = vec!["x".to_string(), "x".to_string()];
        let d = diff_sets(&a, &a[..1]);
        assert_eq!((d.len(), d[0].change), (1, Change::Removed));
    }

    #[test]
    fn the_servers_own_address_is_replaced_as_a_whole() {
        assert_eq!(own("192.0.2.1", "192.0.2.1"), "<server>");
        assert_eq!(
            own("\"v=spf1 +ip4:192.0.2.1 ~all\"", "192.0.2.1"),
            "\"v=spf1 +ip4:<server> ~all\""
        );
        assert_eq!(own("192.0.2.10", "192.0.2.1"), "192.0.2.10");
        assert_eq!(own("2001:db8::1", "db8::1"), "2001:db8::1");
        assert_eq!(own("\"ip 192.0.2.1\"", "192.0.2.1"), "\"ip <server>\"");
        assert_eq!(relative("www.bob.example.", "bob.example"), "www");
        assert_eq!(relative("bob.example.", "bob.example"), "@");
        assert_eq!(relative("other.example.", "bob.example"), "other.example.");
    }

    #[test]
    fn zones_compare_records_not_layout_and_see_dkim_changes() {
        let a = "$TTL 14400\n@ 86400 IN SOA ns1.x. root.x. (\n 2024010101 ; serial\n 3600 1800 1209600 86400 )\n\
                 @ IN A 192.0.2.1 ; web\nwww  IN   CNAME @\n\
                 default._domainkey IN TXT \"v=DKIM1\\; k=rsa\\; p=AAAA\"\n";
        let b =
            "$TTL 14400\n@ 86400 IN SOA ns1.x. root.x. ( 2026112201 3600 1800 1209600 86400 )\n\
                 default._domainkey 14400 IN TXT \"v=DKIM1\\; k=rsa\\; p=AAAA\"\n\
                 www IN CNAME x.example.\nx.example. IN A 198.51.100.7\n";
        let records = |text: &str, addr: &str| zone_lines(text, "x.example", addr).unwrap();
        assert_eq!(records(a, "192.0.2.1"), records(b, "198.51.100.7"));
        let new_key = b.replace("p=AAAA", "p=BBBB");
        let d = diff_sets(&records(a, "192.0.2.1"), &records(&new_key, "198.51.100.7"));
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].item.contains("p=BBBB") || d[1].item.contains("p=BBBB"));
    }

    #[test]
    fn a_real_cpanel_dkim_key_with_escaped_semicolons_is_one_value_and_a_new_key_differs() {
        let real = include_str!("../../../tests/fixtures/real/cpanel-zone-dkim-records.db");
        let domain = "hosting-example.ru";
        let lines = zone_lines(real, domain, "192.0.2.1").unwrap();
        let keys: Vec<&String> = lines
            .iter()
            .filter(|l| l.starts_with("default._domainkey.asg-construction 14400 TXT "))
            .collect();
        // One record, the `\;` kept inside it: the key is whole up to its last character.
        assert_eq!(keys.len(), 1, "{lines:#?}");
        assert!(
            keys[0].contains("\"v=DKIM1; k=rsa; p=MIIBIjANBg"),
            "{}",
            keys[0]
        );
        assert!(keys[0].ends_with("LqlKHQIDAQAB;\""), "{}", keys[0]);
        assert!(diff_sets(&lines, &zone_lines(real, domain, "").unwrap()).is_empty());
        // The key changed (its last character) on the target: that record, and only it.
        let changed = real.replace("LqlKHQIDAQAB", "LqlKHQIDAQAC");
        let d = diff_sets(&lines, &zone_lines(&changed, domain, "").unwrap());
        assert_eq!(d.len(), 2, "{d:?}");
        for x in &d {
            assert!(
                x.item
                    .starts_with("default._domainkey.asg-construction 14400 TXT \"v=DKIM1;"),
                "{d:?}"
            );
        }
        assert!(d.iter().any(|x| x.item.ends_with("QIDAQAC;\"")), "{d:?}");
    }

    #[test]
    fn page_status_and_title() {
        let body =
            "<html><head><title> Welcome to bob.example </title></head></html>\nHTTP-STATUS 200\n";
        assert_eq!(page_summary(body), "200 \"Welcome to bob.example\"");
        assert_eq!(page_summary("\nHTTP-STATUS 000\n"), "000 \"\"");
    }
}
