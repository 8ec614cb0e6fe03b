//! cPanel/WHM: accounts from `whmapi1 listaccts` and /etc/userdatadomains, packaging with
//! /scripts/pkgacct (without the home directory, which moves as its own stream), restoring with /scripts/restorepkg (whose exit code alone does not prove
//! the databases restored), removal with `whmapi1 removeacct`.

use std::sync::LazyLock;

use anyhow::{bail, Context as _, Result};
use regex::Regex;
use serde::Deserialize;

use super::backup::{self, Contents, Format, Period, RestorePoint, Tree};
use crate::host::listing::Listing;
use super::{kv, list_mailboxes, mysql, query, Account, Panel, PanelKind};
use crate::transport::{Cmd, Transport};

pub struct Cpanel;

/// The whmapi1 JSON envelope: `{"data": ..., "metadata": {"result": 1, "reason": "OK"}}`.
#[derive(Deserialize)]
struct Envelope<T> {
    data: Option<T>,
    metadata: Metadata,
}

#[derive(Deserialize)]
struct Metadata {
    result: i64,
    #[serde(default)]
    reason: String,
}

#[derive(Debug, Deserialize)]
struct AcctList {
    #[serde(default)]
    acct: Vec<Acct>,
}

#[derive(Debug, Deserialize)]
struct Acct {
    user: String,
    #[serde(default)]
    domain: String,
    owner: Option<String>,
    #[serde(default)]
    diskused: String,
}

/// Decodes a whmapi1 JSON answer; `result: 0` is an error carrying `reason`.
fn envelope<T: for<'de> Deserialize<'de>>(function: &str, json: &str) -> Result<Option<T>> {
    let e: Envelope<T> = serde_json::from_str(json)
        .with_context(|| format!("whmapi1 {function}: unexpected output: {json:.200}"))?;
    if e.metadata.result != 1 {
        bail!("whmapi1 {function} failed: {}", e.metadata.reason);
    }
    Ok(e.data)
}

fn whmapi1(function: &str) -> Cmd {
    Cmd::new("whmapi1").args(["--output=json", function])
}

/// `/etc/userdatadomains`: `domain: user==owner==type==main==docroot==ip:port...`, as
/// (user, domain, type) in file order.
fn userdatadomains(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .filter_map(|l| {
            let (domain, rest) = l.split_once(':')?;
            let mut f = rest.trim().split("==");
            let user = f.next()?.trim().to_string();
            let _owner = f.next();
            let kind = f.next().unwrap_or("").trim().to_string();
            Some((user, domain.trim().to_string(), kind))
        })
        .collect()
}

/// cPanel's backup layout: `/backup/[weekly|monthly/]DATE/accounts/USER[.tar[.gz]]`, and the
/// incremental tree `/backup/incremental/accounts/USER`.
static BACKUP_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^/backup/(?:(weekly|monthly)/)?(\d{4}-\d{2}-\d{2}|incremental)/accounts/([a-z][a-z0-9_-]{0,31}?)(?:\.tar\.gz|\.tar)?$",
    )
    .expect("valid regex")
});

/// The sentences cPanel's restore (`Whostmgr/Transfers/Systems/Mysql.pm`) prints when a
/// database, a grant or a database user did not restore as it was, names in curly quotes
/// (samples: tests/fixtures/real/cpanel-restorepkg-mysql.txt). A database or user restored
/// under another name counts: the site's configuration still names the old one.
static RESTORE_FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"The system failed to reinstall the MySQL database “[^”]*” as “[^”]*”",
        r"|The system has restored the MySQL (?:database|user) “([^”]*)” as “([^”]*)”",
        r"|The system failed to grant privileges on the database “[^”]*” to the user “[^”]*”",
        r"|The MySQL backup for the database “[^”]*” is empty",
        r"|The system cannot restore the MySQL database “[^”]*”",
        r"|The system cannot grant privileges (?:to the MySQL user|on the MySQL database) “[^”]*”",
    ))
    .expect("valid regex")
});

/// Lines of restorepkg output that mean a database did not restore as it was.
pub fn restore_failures(output: &str) -> Vec<String> {
    output
        .lines()
        .filter(|l| {
            RESTORE_FAILURE.captures(l).is_some_and(|c| {
                // "restored ... as ..." under the same name is no rename.
                !matches!((c.get(1), c.get(2)), (Some(a), Some(b)) if a.as_str() == b.as_str())
            })
        })
        .map(|l| l.trim().to_string())
        .collect()
}

impl Panel for Cpanel {
    fn kind(&self) -> PanelKind {
        PanelKind::Cpanel
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        let listed: AcctList = envelope("listaccts", &query(t, whmapi1("listaccts"))?)?
            .unwrap_or(AcctList { acct: Vec::new() });
        let domains = userdatadomains(&query(t, Cmd::new("cat").arg("/etc/userdatadomains"))?);
        let (dbs, db_users) = (mysql::databases(t)?, mysql::users(t)?);
        let mut accounts = Vec::new();
        for a in listed.acct {
            let mut names = vec![a.domain.clone()];
            names.extend(
                domains
                    .iter()
                    .filter(|(u, d, _)| *u == a.user && *d != a.domain)
                    .map(|(_, d, _)| d.clone()),
            );
            let home = format!("/home/{}/mail", a.user);
            let boxes = list_mailboxes(t, &home)?;
            accounts.push(Account {
                databases: mysql::owned_by(&dbs, &a.user),
                db_users: mysql::owned_by(&db_users, &a.user),
                mailboxes: boxes,
                disk_used_bytes: kv::size_bytes(&a.diskused),
                owner: a.owner,
                domains: names.into_iter().filter(|d| !d.is_empty()).collect(),
                user: a.user,
            });
        }
        Ok(accounts)
    }

    fn streamed_home(&self, account: &Account) -> Option<String> {
        Some(self.data_dir(account))
    }

    /// Metadata and databases only, uncompressed: the home moves as its own stream (as the
    /// Transfer Tool does), and what is left is small enough that gzip costs more time than
    /// it saves.
    fn package_command(&self, account: &Account, dir: &str) -> Cmd {
        Cmd::new("/scripts/pkgacct").args([
            "--skiphomedir",
            "--nocompress",
            account.user.as_str(),
            dir,
        ])
    }

    fn archive_path(&self, account: &Account, dir: &str) -> String {
        format!("{}/cpmove-{}.tar", dir.trim_end_matches('/'), account.user)
    }

    fn snapshot_command(&self, account: &Account, dir: &str) -> (Cmd, String) {
        let dir = dir.trim_end_matches('/');
        (
            Cmd::new("/scripts/pkgacct").args(["--nocompress", account.user.as_str(), dir]),
            format!("{dir}/cpmove-{}.tar", account.user),
        )
    }

    fn packaged(&self, user: &str, output: &str) -> Result<()> {
        if !output.contains("pkgacct completed") {
            bail!(
                "pkgacct {user} did not complete: {}",
                super::last_lines(output)
            );
        }
        Ok(())
    }

    fn restore_command(&self, _account: &Account, archive: &str) -> Cmd {
        Cmd::new("/scripts/restorepkg").arg(archive)
    }

    fn restore_over_command(&self, _account: &Account, archive: &str) -> Option<Cmd> {
        Some(Cmd::new("/scripts/restorepkg").args(["--force", archive]))
    }

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

    fn restored(&self, account: &Account, output: &str) -> Result<()> {
        let failures = restore_failures(output);
        if !failures.is_empty() {
            bail!(
                "restorepkg of {} reported database errors: {}",
                account.user,
                failures.join(" | ")
            );
        }
        Ok(())
    }

    fn remove_command(&self, account: &Account) -> Cmd {
        whmapi1("removeacct").arg(format!("username={}", account.user))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listaccts_envelope() {
        let json = r#"{"data":{"acct":[{"user":"bob","domain":"bob.example","owner":"root","diskused":"512M","plan":"default","suspended":0}]},
                       "metadata":{"command":"listaccts","reason":"OK","result":1,"version":1}}"#;
        let l: AcctList = envelope("listaccts", json).unwrap().unwrap();
        assert_eq!(l.acct[0].user, "bob");
        assert_eq!(kv::size_bytes(&l.acct[0].diskused), 512 << 20);
        let failed = r#"{"metadata":{"command":"listaccts","reason":"Access denied","result":0,"version":1}}"#;
        let err = envelope::<AcctList>("listaccts", failed)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Access denied"), "{err}");
    }

    #[test]
    fn userdatadomains_lines() {
        let text =
            "bob.example: bob==root==main==bob.example==/home/bob/public_html==192.0.2.1:80==\n\
                    shop.example: bob==root==addon==bob.example==/home/bob/shop==192.0.2.1:80==\n";
        let d = userdatadomains(text);
        assert_eq!(d[1], ("bob".into(), "shop.example".into(), "addon".into()));
    }

    #[test]
    fn real_restorepkg_database_sentences_are_failures() {
        let real = include_str!("../../tests/fixtures/real/cpanel-restorepkg-mysql.txt");
        let found = restore_failures(real);
        assert_eq!(found.len(), real.lines().count(), "{found:#?}");
        let same = "The system has restored the MySQL database “bob_wp” as “bob_wp”.\n";
        assert!(restore_failures(same).is_empty());
        let progress =
            "The database restoration subprocess for “bob_wp” has opened the SQL archive.\n\
                        Restoring MySQL databases\nAccount Restore Complete\n";
        assert!(restore_failures(progress).is_empty());
    }

    #[test]
    fn restorepkg_database_failures_are_found() {
        let ok = "Restoring MySQL databases\nThe database restoration subprocess for “bob_wp” has closed the SQL archive.\nAccount Restore Complete\n";
        assert!(restore_failures(ok).is_empty());
        let bad = "Restoring MySQL databases\nThe system failed to reinstall the MySQL database “bob_wp” as “bob_wp” because of an error: Got a packet bigger than 'max_allowed_packet' bytes\nAccount Restore Complete\n";
        assert_eq!(restore_failures(bad).len(), 1);
    }
}
