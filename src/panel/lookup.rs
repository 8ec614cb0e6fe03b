//! Finding an account by what a customer names (a domain, a user, a mailbox, a database) and
//! what one account has, read from each panel's own files and commands. Every driver has it.
//! Each driver adds a constant shell fragment to the one find probe (the query reaches it as
//! `$1` and derived variables, never spliced) and reads its own sections back.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use super::{Account, Accounts};
use crate::host::zone::is_domain_name;
use crate::transport::{Cmd, Transport};

/// The probe's sections, by name.
pub type Sections<'a> = BTreeMap<&'a str, String>;

/// What a support engineer asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// A main, addon, parked or sub domain (lowercase).
    Domain(String),
    /// `box@domain` (domain lowercase).
    Mailbox { mailbox: String, domain: String },
    /// An account (user) name or a database name.
    Name(String),
}

impl Query {
    /// Reads a query; refuses anything that is neither a domain, a mailbox nor a plain name
    /// (so nothing starting with `-` or `.`, no `/`, no spaces or shell characters).
    pub fn parse(text: &str) -> Result<Query, String> {
        let plain = |s: &str| {
            !s.is_empty()
                && s.len() <= 64
                && !s.starts_with(['-', '.'])
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '+'))
        };
        if let Some((mailbox, domain)) = text.split_once('@') {
            let domain = domain.to_ascii_lowercase();
            if plain(mailbox) && !mailbox.contains("..") && is_domain_name(&domain) {
                return Ok(Query::Mailbox {
                    mailbox: mailbox.to_string(),
                    domain,
                });
            }
        } else if text.contains('.') {
            let domain = text.trim_end_matches('.').to_ascii_lowercase();
            if is_domain_name(&domain) {
                return Ok(Query::Domain(domain));
            }
        } else if plain(text) {
            return Ok(Query::Name(text.to_string()));
        }
        Err(format!(
            "{text:?} is neither a domain, a mailbox (box@domain) nor an account or database name"
        ))
    }

    /// The query as the probe receives it (`$1`).
    pub fn text(&self) -> String {
        match self {
            Query::Domain(d) => d.clone(),
            Query::Mailbox { mailbox, domain } => format!("{mailbox}@{domain}"),
            Query::Name(n) => n.clone(),
        }
    }
}

/// The probe's preamble: `q` the query, `b` the mailbox part (empty unless a mailbox), `k`
/// the domain part (or the whole query), `p` the part before the first `_` (a database's
/// owner prefix).
pub const PROBE_VARS: &str =
    r#"q=$1; b=; case $q in *@*) b=${q%%@*};; esac; k=${q#*@}; p=${q%%_*}"#;

/// Sections every host prints for a plain name (no `.` or `@`, so never for a domain or a
/// mailbox): the system users named by the query or its prefix, and the database named by it.
pub const COMMON_PROBE: &str = r#"case $q in *.*|*@*) ;; *)
printf '\n@@passwd\n'; getent passwd "$q" "$p" 2>/dev/null
printf '\n@@db\n'; mysql --batch --skip-column-names -e 'SHOW DATABASES' 2>/dev/null | grep -ixF -e "$q"
esac
true"#;

/// What matched the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Matched {
    MainDomain,
    AddonDomain,
    ParkedDomain,
    Subdomain,
    Account,
    Mailbox,
    Database,
    /// A login of its own that is not the account's (Plesk's additional FTP accounts).
    FtpLogin,
}

impl Matched {
    pub fn as_str(self) -> &'static str {
        match self {
            Matched::MainDomain => "main domain",
            Matched::AddonDomain => "addon domain",
            Matched::ParkedDomain => "parked domain",
            Matched::Subdomain => "subdomain",
            Matched::Account => "account",
            Matched::Mailbox => "mailbox",
            Matched::Database => "database",
            Matched::FtpLogin => "FTP login",
        }
    }
}

/// One account the query matched on a host.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Found {
    pub account: String,
    /// The reseller or owner, where the panel keeps one.
    pub owner: Option<String>,
    pub matched: Matched,
    /// The domain, mailbox, user or database that matched, as the server has it.
    pub name: String,
    /// The subscription (its domain) holding the match, on Plesk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subscription: Option<String>,
}

/// One domain of an account, as the panel configures it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DomainInfo {
    pub domain: String,
    /// `main`, `addon`, `parked`, `sub` (the panel's words mapped to these).
    pub kind: String,
    pub document_root: Option<String>,
    pub php_version: Option<String>,
}

/// What the panel says about one account beyond [`Account`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Details {
    pub plan: Option<String>,
    pub suspended: Option<bool>,
    /// As the panel writes it (a date, or seconds since the epoch turned into a date).
    pub created: Option<String>,
    pub home: Option<String>,
    pub domains: Vec<DomainInfo>,
    /// Mailbox quotas as the panel writes them (`box@domain`, bytes; 0 = unlimited).
    #[serde(skip)]
    pub mail_quotas: Vec<(String, u64)>,
    pub forwarders: Vec<Forwarder>,
    /// The account's FTP logins (never their hashes).
    pub ftp_accounts: Vec<String>,
    /// The space its home and mail folders take, measured in the same round trip.
    #[serde(skip)]
    pub usage: Usage,
}

/// Leads every panel's details script: `$1` the account's home, `$2` the folder its mail
/// folders are under, both shifted away before the panel's part. `du` neither follows links
/// (`-P`) nor leaves the file system (`-x`); its lines end in NUL and newlines in names become
/// `?`, so no file name can forge a line. Prints `home\tKIB`, `mail\tKIB\tPATH` for each
/// folder up to three levels under the mail folder (`DOMAIN/BOX[/Maildir]`, none starting with
/// `.`), then `INODES\tHOME`.
const USAGE: &str = r#"h=$1 m=$2; shift 2
printf '\n@@usage\n'
{ du -k -P -x -0 -- "$h"; case $m in "$h"/*) ;; *) du -k -P -x -0 -- "$m";; esac; } 2>/dev/null | tr '\n\0' '?\n' |
awk -F '\t' -v OFS='\t' 'BEGIN { h = ARGV[1]; m = ARGV[2] "/"; ARGC = 1 }
{ p = substr($0, length($1) + 2) }
p == h { print "home", $1; next }
index(p, m) == 1 { r = substr(p, length(m) + 1)
  if (r !~ /(^|\/)\./ && split(r, s, "/") <= 3) print "mail", $1, p }' "$h" "$m"
printf '\n@@inodes\n'; du -s -P -x --inodes -- "$h" 2>/dev/null
"#;

/// What [`USAGE`] measured.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub home_bytes: Option<u64>,
    pub inodes: Option<u64>,
    /// (folder, bytes) of the folders under the mail folder.
    pub mail: Vec<(String, u64)>,
}

impl Usage {
    /// The `usage` and `inodes` sections; the first line of each kind counts (a later one
    /// could only come from a panel's output).
    pub fn of(sections: &Sections) -> Usage {
        let kib = |n: &str| n.trim().parse::<u64>().ok().map(|k| k * 1024);
        let mut u = Usage::default();
        for l in lines(sections, "usage") {
            match l.split_once('\t') {
                Some(("home", n)) if u.home_bytes.is_none() => u.home_bytes = kib(n),
                Some(("mail", rest)) => {
                    if let Some((n, path)) = rest.split_once('\t') {
                        if let Some(b) = kib(n).filter(|_| u.mail_bytes(path).is_none()) {
                            u.mail.push((path.to_string(), b));
                        }
                    }
                }
                _ => {}
            }
        }
        u.inodes = lines(sections, "inodes")
            .next()
            .and_then(|l| l.split('\t').next()?.trim().parse().ok());
        u
    }

    /// The bytes the mail folder `dir` takes, if it was measured.
    pub fn mail_bytes(&self, dir: &str) -> Option<u64> {
        self.mail.iter().find(|(p, _)| p == dir).map(|(_, b)| *b)
    }
}

/// A mail forwarder: an address and where its mail goes, as the panel writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Forwarder {
    pub address: String,
    pub targets: Vec<String>,
}

/// `PREFIX/DOMAIN[SUFFIX]:CONTENT` (a `grep -H` line of a per-domain file) as (domain, content).
fn per_domain<'l>(line: &'l str, prefix: &str, suffix: &str) -> Option<(&'l str, &'l str)> {
    let (path, content) = line.strip_prefix(prefix)?.split_once(':')?;
    let domain = path.strip_suffix(suffix)?;
    (!domain.is_empty() && !domain.contains('/')).then_some((domain, content))
}

/// Section `name`'s `grep -H` lines of per-domain quota files (`BOX:BYTES`) as
/// (`box@domain`, bytes).
pub fn mail_quotas(
    sections: &Sections,
    name: &str,
    prefix: &str,
    suffix: &str,
) -> Vec<(String, u64)> {
    lines(sections, name)
        .filter_map(|l| {
            let (domain, content) = per_domain(l, prefix, suffix)?;
            let (b, bytes) = content.split_once(':')?;
            Some((format!("{b}@{domain}"), bytes.trim().parse().ok()?))
        })
        .collect()
}

/// Section `name`'s `grep -H` lines of per-domain alias files (`ADDRESS: TARGET,...`, the
/// address with or without its domain); the catch-all `*` is left out.
pub fn forwarders(sections: &Sections, name: &str, prefix: &str, suffix: &str) -> Vec<Forwarder> {
    lines(sections, name)
        .filter_map(|l| {
            let (domain, content) = per_domain(l, prefix, suffix)?;
            let (lhs, rhs) = content.split_once(':')?;
            let lhs = lhs.trim();
            if lhs.is_empty() || lhs == "*" || lhs.starts_with('#') {
                return None;
            }
            let address = if lhs.contains('@') {
                lhs.to_string()
            } else {
                format!("{lhs}@{domain}")
            };
            let targets = rhs
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
            Some(Forwarder { address, targets })
        })
        .collect()
}

/// The `ftp:LOGIN` lines of section `name` as logins.
pub fn ftp_logins(sections: &Sections, name: &str) -> Vec<String> {
    lines(sections, name)
        .filter_map(|l| l.strip_prefix("ftp:"))
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Finding accounts and reading one account's details.
pub trait Lookup: Send + Sync {
    /// This panel's part of the find probe: constant text reading `$q`, `$b`, `$k`, `$p`
    /// (see [`PROBE_VARS`]), printing `@@` sections, silent where the panel is absent.
    fn find_probe(&self) -> &'static str;
    /// The accounts the probe's `sections` show matching `query` (may ask `t` more).
    fn found(&self, t: &dyn Transport, query: &Query, sections: &Sections) -> Result<Vec<Found>>;
    /// Plan, suspension, creation date and per-domain settings of `account`.
    fn details(&self, t: &dyn Transport, account: &Account) -> Result<Details>;
}

/// The output of [`USAGE`] and a panel's constant details `script` for `account`, in one
/// round trip: `args` are the script's `$1`... (never part of it). `@@` sections for
/// [`kv::sections`](crate::host::kv::sections), read back with [`Usage::of`] and the panel's own.
pub fn details_output(
    t: &dyn Transport,
    panel: &dyn Accounts,
    account: &Account,
    script: &str,
    args: &[&str],
) -> Result<String> {
    let (home, mail) = (panel.data_dir(account), panel.mail_root(account));
    let cmd = Cmd::new("sh")
        .args([
            "-c",
            &format!("{USAGE}{script}"),
            "hostops-details",
            &home,
            &mail,
        ])
        .args(args.iter().copied());
    super::query(t, cmd)
}

/// The lines of section `name` (none when absent).
pub fn lines<'s>(sections: &'s Sections, name: &str) -> impl Iterator<Item = &'s str> {
    sections
        .get(name)
        .map_or("", String::as_str)
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
}

/// `getent passwd` lines of the `passwd` section as (user, home).
pub fn passwd(sections: &Sections) -> Vec<(String, String)> {
    lines(sections, "passwd")
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            (f.len() == 7).then(|| (f[0].to_string(), f[5].to_string()))
        })
        .collect()
}

/// The database the probe found (exact name, case as the server has it), if any.
pub fn database(sections: &Sections, query: &Query) -> Option<String> {
    let Query::Name(n) = query else { return None };
    lines(sections, "db")
        .find(|d| d.eq_ignore_ascii_case(n))
        .map(String::from)
}

/// The prefix of a database name that names its account (`bob_shop` -> `bob`).
pub fn db_prefix(db: &str) -> &str {
    db.split_once('_').map_or(db, |(p, _)| p)
}

/// `PARENT/USER/...` -> USER.
pub fn user_under<'a>(path: &'a str, parent: &str) -> Option<&'a str> {
    path.strip_prefix(parent)?
        .trim_start_matches('/')
        .split('/')
        .next()
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_alias_and_ftp_lines() {
        let text = "@@quota\n/home/bob/etc/bob.example/quota:info:52428800\n\
            /home/bob/etc/bob.example/quota:sales:0\n/home/bob/etc/x/y/quota:evil:1\n\
            @@valiases\n/etc/valiases/bob.example:sales@bob.example: a@x.example, b@y.example\n\
            /etc/valiases/bob.example:*: :fail: No Such User Here\n\
            @@aliases\n/etc/virtual/da.example/aliases:sales: c@z.example\n\
            @@ftp\nftp:bob\nftp:web@bob.example\n@@ftp\nnot-a-login\n";
        let s = crate::host::kv::sections(text);
        assert_eq!(
            mail_quotas(&s, "quota", "/home/bob/etc/", "/quota"),
            [
                ("info@bob.example".to_string(), 52428800),
                ("sales@bob.example".to_string(), 0)
            ]
        );
        let f = forwarders(&s, "valiases", "/etc/valiases/", "");
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].address.as_str(), f[0].targets.clone()),
            (
                "sales@bob.example",
                vec!["a@x.example".into(), "b@y.example".into()]
            )
        );
        let d = forwarders(&s, "aliases", "/etc/virtual/", "/aliases");
        assert_eq!(d[0].address, "sales@da.example");
        assert_eq!(ftp_logins(&s, "ftp"), ["bob", "web@bob.example"]);
    }

    #[test]
    fn usage_lines_first_of_each_wins() {
        let text = "@@usage\nmail\t7\t/home/bob/mail/bob.example/info\nhome\t120\nbad\n\
            @@inodes\n33\t/home/bob\n@@other\nx\n@@usage\nhome\t999999\n\
            mail\t999999\t/home/bob/mail/bob.example/info\nmail\t1\t/home/bob/mail/b.example/x\n";
        let u = Usage::of(&crate::host::kv::sections(text));
        assert_eq!((u.home_bytes, u.inodes), (Some(120 * 1024), Some(33)));
        assert_eq!(
            u.mail_bytes("/home/bob/mail/bob.example/info"),
            Some(7 * 1024)
        );
        assert_eq!(u.mail_bytes("/home/bob/mail/b.example/x"), Some(1024));
        assert_eq!(u.mail_bytes("/home/bob/mail"), None);
    }

    #[test]
    fn queries_are_classified_and_hostile_ones_refused() {
        assert_eq!(
            Query::parse("Shop.Example."),
            Ok(Query::Domain("shop.example".into()))
        );
        assert_eq!(
            Query::parse("info@Shop.example"),
            Ok(Query::Mailbox {
                mailbox: "info".into(),
                domain: "shop.example".into()
            })
        );
        assert_eq!(Query::parse("bob_wp"), Ok(Query::Name("bob_wp".into())));
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/hostile.json")).unwrap();
        for v in table["values"].as_array().unwrap() {
            let text = v["value"].as_str().unwrap().replace("{MARK}", "/tmp/m");
            if let Ok(q) = Query::parse(&text) {
                let t = q.text();
                assert!(
                    t.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_-.+@".contains(c))
                        && !t.starts_with('-'),
                    "{text:?} accepted as {q:?}"
                );
            }
        }
        for bad in [
            "-rf",
            "../etc",
            "a b",
            "x@-y.example",
            "..@a.example",
            "$(id)",
            "",
        ] {
            assert!(Query::parse(bad).is_err(), "{bad}");
        }
    }
}
