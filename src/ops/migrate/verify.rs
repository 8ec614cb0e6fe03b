//! `migrate verify`: is the account on the target the account on the source? Domains, home
//! files (count, bytes, modes; checksums with --deep), databases with per-table row counts,
//! mailboxes with message counts, DNS records, cron, and each domain's page (HTTP status and
//! <title>) fetched on both servers. One probe per server and account; reads only.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::panel::{kv, Account, Panel};
use crate::transport::{self, Cmd, Transport};

/// Constant probe: `$1` data dir, `$2` deep (0|1), then KIND=KEY=VALUE items.
const PROBE: &str = r#"dir=$1; deep=$2; shift 2
printf '@@home\n'
if [ -d "$dir" ]; then
  find "$dir" -xdev ! -path '*/.hostops-*' -printf '%P\t%m\t%s\n' | LC_ALL=C sort | sha256sum | cut -c1-64
  find "$dir" -xdev -type f ! -path '*/.hostops-*' | wc -l
  find "$dir" -xdev -type f ! -path '*/.hostops-*' -printf '%s\n' | awk '{s+=$1} END {print s+0}'
  if [ "$deep" = 1 ]; then
    (cd "$dir" && find . -xdev -type f ! -path '*/.hostops-*' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum | cut -c1-64)
  fi
fi
for item in "$@"; do
  kind=${item%%=*}; rest=${item#*=}; key=${rest%%=*}; val=${rest#*=}
  printf '@@%s=%s\n' "$kind" "$key"
  case $kind in
    db) for t in $(mysql -N -B -e 'SHOW TABLES' "$val" 2>/dev/null); do
          printf '%s %s\n' "$t" "$(mysql -N -B -e "SELECT COUNT(*) FROM \`$t\`" "$val")"; done ;;
    mail) for sub in cur new; do [ -d "$val/$sub" ] && find "$val/$sub" -type f; done | wc -l ;;
    file) cat -- "$val" 2>/dev/null ;;
    http) curl -s --max-time 10 -H "Host: $key" -w '\nHTTP-STATUS %{http_code}\n' "http://$val/" 2>/dev/null ;;
  esac
done
true"#;

#[derive(Debug, Serialize)]
pub struct Check {
    pub what: String,
    pub source: String,
    pub target: String,
    pub same: bool,
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
    let mut checks = Vec::new();
    let (Some(a), Some(b)) = (src.account, dst.account) else {
        checks.push(Check {
            what: "account".into(),
            source: present(src.account),
            target: present(dst.account),
            same: false,
        });
        return Ok(AccountCheck {
            user: user.into(),
            checks,
        });
    };
    let left = probe(panel, a, src, deep)?;
    let right = probe(panel, a, dst, deep)?;
    let mut compare = |what: String, s: String, t: String| {
        let same = s == t;
        checks.push(Check {
            what,
            source: s,
            target: t,
            same,
        });
    };
    compare("domains".into(), sorted(&a.domains), sorted(&b.domains));
    let home = |p: &BTreeMap<String, String>| p.get("home").cloned().unwrap_or_default();
    let (lh, rh) = (home(&left), home(&right));
    let field = |h: &str, i: usize| h.lines().nth(i).unwrap_or("").trim().to_string();
    compare("home files".into(), field(&lh, 1), field(&rh, 1));
    compare("home bytes".into(), field(&lh, 2), field(&rh, 2));
    compare(
        "home names and modes (hash)".into(),
        field(&lh, 0),
        field(&rh, 0),
    );
    if deep {
        compare("home contents (hash)".into(), field(&lh, 3), field(&rh, 3));
    }
    for key in left.keys().filter(|k| *k != "home") {
        let (l, r) = (
            left.get(key).cloned().unwrap_or_default(),
            right.get(key).cloned().unwrap_or_default(),
        );
        let (l, r) = match key.split_once('=').map(|(k, _)| k) {
            Some("file") if key.starts_with("file=zone") => {
                (zone_records(&l, src.address), zone_records(&r, dst.address))
            }
            Some("http") => (page(&l), page(&r)),
            _ => (l.trim().to_string(), r.trim().to_string()),
        };
        compare(key.replace('=', " "), l, r);
    }
    Ok(AccountCheck {
        user: user.into(),
        checks,
    })
}

fn present(a: Option<&Account>) -> String {
    if a.is_some() { "present" } else { "missing" }.into()
}

fn sorted(v: &[String]) -> String {
    let mut v = v.to_vec();
    v.sort();
    v.join(" ")
}

fn probe(
    panel: &dyn Panel,
    a: &Account,
    side: &Side<'_>,
    deep: bool,
) -> Result<BTreeMap<String, String>> {
    let mut items: Vec<String> = Vec::new();
    items.extend(a.databases.iter().map(|d| format!("db={d}={d}")));
    items.extend(
        a.mailboxes
            .iter()
            .map(|m| format!("mail={m}={}", panel.mail_dir(a, m))),
    );
    items.extend(
        a.domains
            .iter()
            .map(|d| format!("file=zone:{d}={}", panel.zone_file(d))),
    );
    items.push(format!("file=cron={}", panel.cron_file(a)));
    items.extend(
        a.domains
            .iter()
            .map(|d| format!("http={d}={}", side.address)),
    );
    let cmd = Cmd::script("sh", PROBE)
        .arg(panel.data_dir(a))
        .arg(if deep { "1" } else { "0" })
        .args(items);
    let out = transport::run_ok(side.t, &cmd)?.stdout_text();
    Ok(kv::sections(&out)
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect())
}

/// A zone's records as a sorted set: comments, the SOA (its serial changes) and layout ignored,
/// and the server's own address written `<server>` (a restore points records at the new server).
pub fn zone_records(text: &str, own_address: &str) -> String {
    let mut joined = String::new();
    let mut depth = 0i32;
    for raw in text.lines() {
        let line = raw.split(';').next().unwrap_or("");
        depth += line.matches('(').count() as i32 - line.matches(')').count() as i32;
        joined.push_str(line);
        joined.push(if depth > 0 { ' ' } else { '\n' });
    }
    let mut records: Vec<String> = joined
        .lines()
        .map(|l| {
            l.split_whitespace()
                .map(|w| if w == own_address { "<server>" } else { w })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|l| !l.is_empty() && !l.contains(" SOA ") && !l.starts_with("$TTL"))
        .collect();
    records.sort();
    records.join("\n")
}

/// `STATUS <title>` of a fetched page.
pub fn page(text: &str) -> String {
    let status = text
        .lines()
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

    #[test]
    fn zones_compare_without_serial_comments_or_layout() {
        let a = "$TTL 14400\n@ 86400 IN SOA ns1.x. root.x. (\n 2024010101 ; serial\n 3600 1800 1209600 86400 )\n\
                 @ IN A 192.0.2.1 ; web\nwww  IN   CNAME @\n";
        let b = "$TTL 14400\n@ 86400 IN SOA ns1.x. root.x. ( 2026112201 3600 1800 1209600 86400 )\nwww IN CNAME @\n@ IN A 192.0.2.1\n";
        let moved = b.replace("192.0.2.1", "198.51.100.7");
        assert_eq!(
            zone_records(a, "192.0.2.1"),
            zone_records(&moved, "198.51.100.7")
        );
        let other = "@ IN A 192.0.2.9\nwww IN CNAME @\n";
        assert_ne!(
            zone_records(a, "192.0.2.1"),
            zone_records(other, "198.51.100.7")
        );
    }

    #[test]
    fn page_status_and_title() {
        let body =
            "<html><head><title> Welcome to bob.example </title></head></html>\nHTTP-STATUS 200\n";
        assert_eq!(page(body), "200 \"Welcome to bob.example\"");
        assert_eq!(page("\nHTTP-STATUS 000\n"), "000 \"\"");
    }
}
