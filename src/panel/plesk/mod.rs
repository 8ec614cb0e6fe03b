//! Plesk: subscriptions from `plesk bin subscription`, packaging with pleskbackup, restoring
//! with pleskrestore (domains level), removal with `subscription --remove`.

use std::sync::LazyLock;

use anyhow::Result;
use regex::Regex;

use super::backup::{self, Contents, Dump, Format, Period, RestorePoint, Tree};
use crate::host::listing::{split_path, Listing, Source};
use super::{kv, list_mailboxes, mysql, query, Account, Panel, PanelKind};
use crate::ops::blacklist::query::is_domain_name;
use crate::transport::{Cmd, Transport};

pub struct Plesk;

const MAILNAMES: &str = "/var/qmail/mailnames";
const VHOSTS: &str = "/var/www/vhosts";

fn plesk_bin(utility: &str) -> Cmd {
    Cmd::new("plesk").args(["bin", utility])
}

/// A Plesk account is a subscription, named by its main domain.
/// Prints `SIZE\tMTIME\tINFO_FILE\tLOGIN\tDOMAIN` for each subscription of each dump in the
/// local repository (the dump's files of that subscription summed).
const BACKUP_PROBE: &str = r#"for f in /var/lib/psa/dumps/backup_info_*.xml /var/lib/psa/dumps/*/backup_info_*.xml; do
  [ -f "$f" ] || continue
  d=${f%/*}; ts=${f##*/backup_info_}; ts=${ts%.xml}; t=$(stat -c %Y -- "$f")
  grep -o '<domain name="[^"]*"\|<sysuser name="[^"]*"' -- "$f" | cut -d'"' -f2 | paste - - |
  while IFS="$(printf '\t')" read -r dom login; do
    s=$(find "$d/domains/$dom" -type f -name "*_$ts*" -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s+0}')
    printf '%s\t%s\t%s\t%s\t%s\n' "$s" "$t" "$f" "$login" "$dom"
  done
done"#;

/// A repository dump: `/var/lib/psa/dumps/[DATE/]backup_info_YYMMDDHHMM.xml`.
static BACKUP_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(/var/lib/psa/dumps(?:/(\d{4}-\d{2}-\d{2}))?)/backup_info_(\d{10})\.xml$")
        .expect("valid regex")
});

fn subscription(account: &Account) -> &str {
    account
        .domains
        .first()
        .map(String::as_str)
        .unwrap_or(&account.user)
}

/// The system user of a subscription from `subscription --info` (its FTP/system login).
fn login_of(info: &str) -> Option<String> {
    kv::colon_pairs(info)
        .into_iter()
        .find(|(k, _)| {
            let k = k.to_ascii_lowercase();
            k.contains("login") && !k.contains("owner")
        })
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// The owner's login from `subscription --info`: the line reads
/// `Owner's contact name:   Administrator (admin)` (contact name, then the login in
/// parentheses; see tests/fixtures/real/plesk-subscription-info.txt).
fn owner_of(info: &str) -> Option<String> {
    kv::colon_pairs(info)
        .into_iter()
        .find(|(k, _)| k.starts_with("Owner"))
        .and_then(|(_, v)| {
            let (_, login) = v.trim_end().strip_suffix(')')?.rsplit_once('(')?;
            Some(login.trim().to_string())
        })
        .filter(|login| !login.is_empty())
}

impl Panel for Plesk {
    fn kind(&self) -> PanelKind {
        PanelKind::Plesk
    }

    fn data_root(&self) -> &'static str {
        "/var/www/vhosts"
    }

    fn mail_dir(&self, _account: &Account, mailbox: &str) -> String {
        let (b, d) = mailbox.split_once('@').unwrap_or((mailbox, ""));
        format!("{MAILNAMES}/{d}/{b}/Maildir")
    }

    fn zone_file(&self, domain: &str) -> String {
        format!("/var/named/run-root/var/{domain}")
    }

    fn cron_file(&self, account: &Account) -> String {
        format!("/var/spool/cron/crontabs/{}", account.user)
    }

    fn data_dir(&self, account: &Account) -> String {
        format!("{}/{}", self.data_root(), subscription(account))
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        let list = query(t, plesk_bin("subscription").arg("--list"))?;
        let (dbs, db_users) = (mysql::databases(t)?, mysql::users(t)?);
        let boxes = list_mailboxes(t, MAILNAMES)?;

        let mut accounts = Vec::new();
        for domain in list.lines().map(str::trim).filter(|d| !d.is_empty()) {
            // A name that is no domain is never handed to a Plesk tool (`-rf` would be an
            // option): it is listed as is, and the migration plan refuses it.
            if !is_domain_name(domain) {
                accounts.push(Account {
                    user: domain.to_string(),
                    domains: vec![domain.to_string()],
                    ..Account::default()
                });
                continue;
            }
            let info = query(t, plesk_bin("subscription").args(["--info", domain]))?;
            let user = login_of(&info).unwrap_or_else(|| domain.to_string());
            accounts.push(Account {
                databases: mysql::owned_by(&dbs, &user),
                db_users: mysql::owned_by(&db_users, &user),
                mailboxes: boxes
                    .iter()
                    .filter(|b| b.ends_with(&format!("@{domain}")))
                    .cloned()
                    .collect(),
                owner: owner_of(&info),
                domains: vec![domain.to_string()],
                disk_used_bytes: 0,
                user,
            });
        }
        Ok(accounts)
    }

    fn package_command(&self, account: &Account, dir: &str) -> Cmd {
        plesk_bin("pleskbackup").args([
            "--domains-name",
            subscription(account),
            &format!("--output-file={}", self.archive_path(account, dir)),
        ])
    }

    fn archive_path(&self, account: &Account, dir: &str) -> String {
        format!(
            "{}/{}.tar",
            dir.trim_end_matches('/'),
            subscription(account)
        )
    }

    fn restore_command(&self, account: &Account, archive: &str) -> Cmd {
        plesk_bin("pleskrestore").args([
            "--restore",
            archive,
            "-level",
            "domains",
            "-filter",
            &format!("list:{}", subscription(account)),
        ])
    }

    fn file_owner(&self, _account: &Account) -> Option<String> {
        None
    }

    fn backup_probe(&self) -> String {
        BACKUP_PROBE.to_string()
    }

    fn restore_point(&self, line: &str) -> Option<RestorePoint> {
        let (rest, domain) = line.rsplit_once('\t')?;
        let (stat, login) = rest.rsplit_once('\t')?;
        let (size, _, path) = stat::fields(stat)?;
        let caps = BACKUP_PATH.captures(path)?;
        let ts = &caps[3];
        let date = caps.get(2).map_or_else(
            || format!("20{}-{}-{}", &ts[0..2], &ts[2..4], &ts[4..6]),
            |d| d.as_str().to_string(),
        );
        Some(RestorePoint {
            account: login.to_string(),
            date,
            period: Period::Daily,
            format: Format::Compressed,
            size_bytes: size,
            path: path.to_string(),
            domain: Some(domain.to_string()),
        })
    }

    fn backup_source(&self, point: &RestorePoint) -> Source {
        let (dir, _) = split_path(&point.path);
        Source::Dir(format!(
            "{dir}/domains/{}",
            point.domain.as_deref().unwrap_or_default()
        ))
    }

    fn backup_contents(&self, point: &RestorePoint, listing: &Listing) -> Contents {
        let Some(ts) = BACKUP_PATH.captures(&point.path).map(|c| c[3].to_string()) else {
            return Contents::default();
        };
        let Source::Dir(base) = self.backup_source(point) else {
            return Contents::default();
        };
        let domain = point.domain.clone().unwrap_or_default();
        let (parent, _) = split_path(&base);
        let file = |member: &str| format!("{parent}/{member}");
        let stamped = |name: &str| name.contains(&format!("_{ts}"));
        let tree = |member: &str, live: String| Tree {
            source: Source::Tar(file(member)),
            prefix: ".".into(),
            live,
            exclude: Vec::new(),
        };
        let mut contents = Contents::default();
        for (name, e) in listing {
            let Some(rel) = name.strip_prefix(&format!("{domain}/")) else {
                continue;
            };
            let parts: Vec<&str> = rel.split('/').collect();
            match parts.as_slice() {
                [f] if f.starts_with("backup_user-data_") && stamped(f) => {
                    contents.home.push(tree(name, format!("{VHOSTS}/{domain}")))
                }
                ["mailnames", mailbox, f] if stamped(f) => contents.mail.push((
                    format!("{mailbox}@{domain}"),
                    tree(name, format!("{MAILNAMES}/{domain}/{mailbox}/Maildir")),
                )),
                ["databases", dir, f] if stamped(f) => {
                    let db = dir.rsplit_once('_').map_or(*dir, |(db, _)| db);
                    contents.databases.push(Dump {
                        database: db.to_string(),
                        source: Source::Dir(base.clone()),
                        member: name.clone(),
                        size: e.size,
                    });
                }
                _ => {}
            }
        }
        contents
    }

    fn remove_command(&self, account: &Account) -> Cmd {
        plesk_bin("subscription").args(["--remove", subscription(account)])
    }
}

#[cfg(test)]
mod tests {
    use super::super::mailboxes_under;
    use super::*;

    #[test]
    fn subscription_info_login() {
        let info = "Domain name:                    shop.example\nOwner's contact name:           Jo Doe (admin)\n\
                    FTP Login:                      shopuser\nDisk space used by httpdocs:    10.5 MB\n";
        assert_eq!(login_of(info).as_deref(), Some("shopuser"));
        assert_eq!(login_of("Domain name: x.example\n"), None);
    }

    #[test]
    fn real_subscription_info_owner_is_the_login_in_parentheses() {
        let real = include_str!("../../tests/fixtures/real/plesk-subscription-info.txt");
        assert_eq!(owner_of(real).as_deref(), Some("admin"));
        assert_eq!(login_of(real).as_deref(), Some("sitekick.eu_34gqrbu1k9m"));
        let reseller = "Owner's contact name:           Jo Doe (Reseller Inc.) (jdoe)\n";
        assert_eq!(owner_of(reseller).as_deref(), Some("jdoe"));
        assert_eq!(owner_of("Owner's contact name: Jo Doe\n"), None);
    }

    #[test]
    fn mailnames_listing() {
        let listing = "/var/qmail/mailnames/shop.example/info\n/var/qmail/mailnames/shop.example/sales\n/var/qmail/mailnames/x/y/z\n";
        assert_eq!(
            mailboxes_under(listing, MAILNAMES),
            ["info@shop.example", "sales@shop.example"]
        );
    }
}
