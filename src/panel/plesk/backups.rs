//! Plesk backups: the dumps of the local repository (/var/lib/psa/dumps), one restore point
//! per subscription of each dump, and where its home, mail and databases are.

use std::sync::LazyLock;

use regex::Regex;

use super::{Plesk, MAILNAMES, VHOSTS};
use crate::host::listing::{split_path, Listing, Source};
use crate::host::stat;
use crate::panel::backup::{Contents, Dump, Format, Period, RestorePoint, Tree};
use crate::panel::Backups;

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

impl Backups for Plesk {
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
}
