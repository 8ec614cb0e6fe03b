//! Lookups on a server without a panel: accounts are system users with a home under /home;
//! a domain belongs to the user whose home holds the DocumentRoot of the Apache virtual host
//! naming it (ServerName: main, ServerAlias: parked); a database to the user its prefix names;
//! its mailboxes are the /etc/dovecot/users entries under its home (quota from the extra field).

use anyhow::Result;

use super::NoPanel;
use crate::host::kv;
use crate::panel::lookup::{
    database, db_prefix, details_output, lines, passwd, user_under, Details, DomainInfo, Found,
    Lookup, Matched, Query, Sections, Usage,
};
use crate::panel::{valid_account_name, Account};
use crate::transport::Transport;

/// Apache's virtual host directories on Debian and Red Hat.
const FIND: &str = r#"printf '\n@@vhosts\n'
for f in /etc/apache2/sites-enabled/* /etc/httpd/conf.d/*.conf; do
  [ -f "$f" ] && grep -qiF -e "$k" -- "$f" && grep -iE '^[[:space:]]*(<VirtualHost|ServerName|ServerAlias|DocumentRoot)' -- "$f"
done 2>/dev/null
true"#;

/// (After [`Usage`]'s part) the virtual hosts whose DocumentRoot is under /home/$1/, and the /etc/dovecot/users
/// entries (address and extra fields, never the hash) whose home is under it.
const DETAILS: &str = r#"printf '\n@@vhosts\n'
for f in /etc/apache2/sites-enabled/* /etc/httpd/conf.d/*.conf; do
  [ -f "$f" ] && grep -qF -e "/home/$1/" -- "$f" && grep -iE '^[[:space:]]*(<VirtualHost|ServerName|ServerAlias|DocumentRoot)' -- "$f"
done 2>/dev/null
printf '\n@@dovecot\n'; awk -F: -v h="/home/$1/" 'index($6, h) == 1 {
  x = $8; for (i = 9; i <= NF; i++) x = x ":" $i; print "box:" $1 "\t" x }' /etc/dovecot/users 2>/dev/null
true"#;

/// One `<VirtualHost>` block: its names and document root.
#[derive(Debug, Default, PartialEq, Eq)]
struct Vhost {
    name: Option<String>,
    aliases: Vec<String>,
    root: Option<String>,
}

/// The virtual hosts of `<VirtualHost`, `ServerName`, `ServerAlias`, `DocumentRoot` lines.
fn vhosts(text: &str) -> Vec<Vhost> {
    let mut out: Vec<Vhost> = Vec::new();
    for line in text.lines() {
        let mut words = line.split_whitespace();
        let Some(key) = words.next() else { continue };
        let unquote = |w: &str| w.trim_matches('"').to_ascii_lowercase();
        match key.to_ascii_lowercase().as_str() {
            k if k.starts_with("<virtualhost") => out.push(Vhost::default()),
            "servername" => {
                if let Some(v) = out.last_mut() {
                    v.name = words.next().map(unquote);
                }
            }
            "serveralias" => {
                if let Some(v) = out.last_mut() {
                    v.aliases.extend(words.map(unquote));
                }
            }
            "documentroot" => {
                if let Some(v) = out.last_mut() {
                    v.root = words.next().map(|w| w.trim_matches('"').to_string());
                }
            }
            _ => {}
        }
    }
    out
}

/// The account a document root belongs to (`/home/USER/...`).
fn owner_of_root(root: &str) -> Option<&str> {
    user_under(root, "/home").filter(|u| valid_account_name(u))
}

fn found(query: &Query, sections: &Sections) -> Vec<Found> {
    let hit = |user: &str, matched, name: &str| Found {
        account: user.to_string(),
        owner: None,
        matched,
        name: name.to_string(),
        subscription: None,
    };
    let user_with_home = |name: &str| {
        passwd(sections)
            .into_iter()
            .find(|(u, home)| u == name && *home == format!("/home/{u}") && valid_account_name(u))
            .map(|(u, _)| u)
    };
    match query {
        Query::Domain(q) => {
            let text = lines(sections, "vhosts").collect::<Vec<_>>().join("\n");
            vhosts(&text)
                .iter()
                .filter_map(|v| {
                    let user = owner_of_root(v.root.as_deref()?)?;
                    if v.name.as_deref() == Some(q.as_str()) {
                        Some(hit(user, Matched::MainDomain, q))
                    } else if v.aliases.iter().any(|a| a == q) {
                        Some(hit(user, Matched::ParkedDomain, q))
                    } else {
                        None
                    }
                })
                .collect()
        }
        Query::Mailbox { .. } => Vec::new(),
        Query::Name(n) => {
            let mut out: Vec<Found> = user_with_home(n)
                .map(|u| hit(&u, Matched::Account, &u))
                .into_iter()
                .collect();
            if let Some(db) = database(sections, query) {
                if let Some(u) = user_with_home(db_prefix(&db)) {
                    out.push(hit(&u, Matched::Database, &db));
                }
            }
            out
        }
    }
}

/// A dovecot size (`1G`, `500M`, `100k`, bytes; binary units) in bytes.
fn dovecot_size(text: &str) -> Option<u64> {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (n, unit) = text.split_at(digits);
    let n: u64 = n.parse().ok()?;
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" => 10,
        "M" => 20,
        "G" => 30,
        "T" => 40,
        _ => return None,
    };
    n.checked_mul(1 << shift)
}

/// The `box:ADDRESS\tEXTRA` lines of the `dovecot` section (/etc/dovecot/users entries
/// under the account's home, without their hashes) as (address, quota bytes; 0 = none), the
/// quota from the extra field `userdb_quota_rule=*:storage=SIZE`.
fn dovecot_boxes(sections: &Sections) -> Vec<(String, u64)> {
    lines(sections, "dovecot")
        .filter_map(|l| {
            let entry = l.strip_prefix("box:")?;
            let (address, extra) = entry.split_once('\t').unwrap_or((entry, ""));
            let quota = extra
                .split_whitespace()
                .find_map(|f| f.strip_prefix("userdb_quota_rule=*:storage="))
                .and_then(dovecot_size);
            address
                .contains('@')
                .then(|| (address.to_string(), quota.unwrap_or(0)))
        })
        .collect()
}

fn details(text: &str, user: &str) -> Details {
    let mut domains = Vec::new();
    for v in vhosts(text) {
        let Some(root) = v.root.filter(|r| owner_of_root(r) == Some(user)) else {
            continue;
        };
        let names = v
            .name
            .into_iter()
            .map(|n| (n, "main"))
            .chain(v.aliases.into_iter().map(|a| (a, "parked")));
        for (domain, kind) in names {
            if !domains.iter().any(|d: &DomainInfo| d.domain == domain) {
                domains.push(DomainInfo {
                    domain,
                    kind: kind.into(),
                    document_root: Some(root.clone()),
                    php_version: None,
                });
            }
        }
    }
    Details {
        home: Some(format!("/home/{user}")),
        domains,
        ..Details::default()
    }
}

impl Lookup for NoPanel {
    fn find_probe(&self) -> &'static str {
        FIND
    }

    fn found(&self, _t: &dyn Transport, query: &Query, sections: &Sections) -> Result<Vec<Found>> {
        Ok(found(query, sections))
    }

    fn details(&self, t: &dyn Transport, account: &Account) -> Result<Details> {
        let out = details_output(t, self, account, DETAILS, &[&account.user])?;
        let s = kv::sections(&out);
        Ok(Details {
            mail_quotas: dovecot_boxes(&s),
            usage: Usage::of(&s),
            ..details(
                &lines(&s, "vhosts").collect::<Vec<_>>().join("\n"),
                &account.user,
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dovecot_users_and_quotas() {
        let s = kv::sections(
            "@@dovecot\nbox:info@nina.example\tuserdb_quota_rule=*:storage=10M\n\
             box:sales@nina.example\t\nbox:nobox\t\n",
        );
        assert_eq!(
            dovecot_boxes(&s),
            [
                ("info@nina.example".to_string(), 10 << 20),
                ("sales@nina.example".to_string(), 0)
            ]
        );
        assert_eq!(dovecot_size("2G"), Some(2 << 30));
        assert_eq!(dovecot_size("512"), Some(512));
        assert_eq!(dovecot_size("1X"), None);
    }

    #[test]
    fn vhost_names_aliases_and_roots() {
        let text = "@@vhosts\n<VirtualHost *:80>\n    ServerName bob.example\n    ServerAlias www.bob.example bob.example.net\n    DocumentRoot \"/home/bob/public_html\"\n\
            <VirtualHost *:80>\n  ServerName evil.example\n  DocumentRoot /var/www/html\n\
            @@passwd\nbob:x:1000:1000::/home/bob:/bin/bash\n@@db\nbob_wp\n";
        let s = kv::sections(text);
        let f = |q: &str| found(&Query::parse(q).unwrap(), &s);
        assert_eq!(f("bob.example")[0].matched, Matched::MainDomain);
        assert_eq!(f("bob.example.net")[0].matched, Matched::ParkedDomain);
        assert!(f("evil.example").is_empty());
        assert_eq!(f("bob")[0].account, "bob");
        assert_eq!(f("bob_wp")[0].matched, Matched::Database);
        let d = details(s.get("vhosts").unwrap(), "bob");
        assert_eq!(d.domains.len(), 3);
        assert_eq!(
            d.domains[0].document_root.as_deref(),
            Some("/home/bob/public_html")
        );
    }
}
