//! DirectAdmin lookups: domain owners from /etc/virtual/domainowners, each user's main
//! domain, creator (reseller), package, suspension and creation date from user.conf,
//! subdomains and pointers from data/users/USER/domains/DOMAIN.{subdomains,pointers},
//! mailboxes under /home/USER/imap/DOMAIN/BOX; mail quotas and forwarders from
//! /etc/virtual/DOMAIN/{quota,aliases}, FTP logins from /etc/proftpd.passwd.

use anyhow::Result;

use super::DirectAdmin;
use crate::host::kv;
use crate::panel::lookup::{
    database, db_prefix, details_output, forwarders, ftp_logins, lines, mail_quotas, user_under,
    Details, DomainInfo, Found, Lookup, Matched, Query, Sections, Usage,
};
use crate::panel::Account;
use crate::transport::Transport;

const USERS: &str = "/usr/local/directadmin/data/users";

const FIND: &str = r#"if [ -d /usr/local/directadmin/data/users ]; then
printf '\n@@da-owners\n'; grep -iF -e "$k" -- /etc/virtual/domainowners
printf '\n@@da-users\n'; grep -H -e '^creator=' -e '^domain=' -- /usr/local/directadmin/data/users/*/user.conf
printf '\n@@da-subdomains\n'; grep -H '' -- /usr/local/directadmin/data/users/*/domains/*.subdomains
printf '\n@@da-pointers\n'; grep -iHF -e "$k" -- /usr/local/directadmin/data/users/*/domains/*.pointers
printf '\n@@da-mailbox\n'; [ -z "$b" ] || for m in /home/*/imap/"$k"/"$b"; do [ -d "$m" ] && printf '%s\n' "$m"; done
fi 2>/dev/null
true"#;

/// Prints (after [`Usage`]'s part) the account `$1`'s user.conf, domains.list, subdomains, pointers, each domain's
/// mail quota and alias files and the FTP logins under its home (the login field only).
const DETAILS: &str = r#"d=/usr/local/directadmin/data/users/$1
printf '\n@@conf\n'; cat "$d/user.conf"
printf '\n@@domains\n'; cat "$d/domains.list"
printf '\n@@subdomains\n'; grep -H '' -- "$d"/domains/*.subdomains
printf '\n@@pointers\n'; grep -H '' -- "$d"/domains/*.pointers
while IFS= read -r x; do case $x in ''|.*|*/*) continue;; esac
  printf '\n@@quota\n'; grep -H '' -- /etc/virtual/"$x"/quota
  printf '\n@@aliases\n'; grep -H '' -- /etc/virtual/"$x"/aliases
done < "$d/domains.list"
printf '\n@@ftp\n'; awk -F: -v h="/home/$1" '$6 == h || index($6, h "/") == 1 {print "ftp:" $1}' /etc/proftpd.passwd
true"#;

/// `PATH/USERS/USER/FILE:VALUE` lines (grep -H) as (user, file name, value).
fn per_user<'s>(sections: &'s Sections, name: &str) -> Vec<(&'s str, &'s str, &'s str)> {
    lines(sections, name)
        .filter_map(|l| {
            let user = user_under(l, USERS)?;
            let rest = l
                .strip_prefix(USERS)?
                .trim_start_matches('/')
                .strip_prefix(user)?;
            let (file, value) = rest.trim_start_matches('/').split_once(':')?;
            Some((user, file.rsplit('/').next()?, value.trim()))
        })
        .collect()
}

/// A `DOMAIN.pointers` line: `alias.example=type=alias` (or just the name, older DA).
fn pointer_name(line: &str) -> &str {
    line.split('=').next().unwrap_or(line).trim()
}

/// (subdomain or pointer, its kind, user) from `grep -H` lines of `.subdomains`/`.pointers`.
fn extra_domains(
    sub: &[(&str, &str, &str)],
    ptr: &[(&str, &str, &str)],
) -> Vec<(String, Matched, String)> {
    let subs = sub.iter().filter_map(|(u, file, label)| {
        let parent = file.strip_suffix(".subdomains")?;
        Some((
            format!("{label}.{parent}"),
            Matched::Subdomain,
            u.to_string(),
        ))
    });
    let ptrs = ptr.iter().map(|(u, _, l)| {
        (
            pointer_name(l).to_string(),
            Matched::ParkedDomain,
            u.to_string(),
        )
    });
    subs.chain(ptrs).collect()
}

fn found(query: &Query, sections: &Sections) -> Vec<Found> {
    let users = per_user(sections, "da-users");
    let conf = |user: &str, key: &str| {
        users
            .iter()
            .find(|(u, _, v)| *u == user && v.starts_with(&format!("{key}=")))
            .map(|(_, _, v)| v[key.len() + 1..].to_string())
    };
    let hit = |user: &str, matched: Matched, name: String| Found {
        account: user.to_string(),
        owner: conf(user, "creator"),
        matched,
        name,
        subscription: None,
    };
    match query {
        Query::Domain(q) => {
            let owners =
                kv::colon_pairs(&lines(sections, "da-owners").collect::<Vec<_>>().join("\n"));
            let mut out: Vec<Found> = owners
                .iter()
                .filter(|(d, _)| d.eq_ignore_ascii_case(q))
                .map(|(d, u)| {
                    let main = conf(u, "domain").as_deref() == Some(d.as_str());
                    let m = if main {
                        Matched::MainDomain
                    } else {
                        Matched::AddonDomain
                    };
                    hit(u, m, d.clone())
                })
                .collect();
            let extra = extra_domains(
                &per_user(sections, "da-subdomains"),
                &per_user(sections, "da-pointers"),
            );
            for (d, m, u) in extra
                .into_iter()
                .filter(|(d, _, _)| d.eq_ignore_ascii_case(q))
            {
                // A pointer DirectAdmin also lists in domainowners is reported once, as such.
                out.retain(|f| !(f.account == u && f.matched == Matched::AddonDomain));
                out.push(hit(&u, m, d));
            }
            out
        }
        Query::Mailbox { mailbox, domain } => lines(sections, "da-mailbox")
            .filter_map(|path| {
                let user = user_under(path, "/home")?;
                (path == format!("/home/{user}/imap/{domain}/{mailbox}"))
                    .then(|| hit(user, Matched::Mailbox, format!("{mailbox}@{domain}")))
            })
            .collect(),
        Query::Name(n) => {
            let mut out: Vec<Found> = users
                .iter()
                .filter(|(u, _, v)| u == n && v.starts_with("creator="))
                .map(|(u, _, _)| hit(u, Matched::Account, u.to_string()))
                .collect();
            if let Some(db) = database(sections, query) {
                let user = db_prefix(&db);
                if users.iter().any(|(u, _, _)| *u == user) {
                    out.push(hit(user, Matched::Database, db.clone()));
                }
            }
            out
        }
    }
}

/// Details from the sections of [`DETAILS`].
fn details(sections: &Sections, user: &str) -> Details {
    let conf = kv::equals_pairs(sections.get("conf").map_or("", String::as_str));
    let get = |k: &str| {
        conf.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let main = get("domain").unwrap_or_default();
    let info = |domain: &str, kind: &str, root: Option<String>| DomainInfo {
        domain: domain.to_string(),
        kind: kind.to_string(),
        document_root: root,
        php_version: None,
    };
    let mut domains: Vec<DomainInfo> = lines(sections, "domains")
        .map(str::trim)
        .map(|d| {
            let kind = if d == main { "main" } else { "addon" };
            info(
                d,
                kind,
                Some(format!("/home/{user}/domains/{d}/public_html")),
            )
        })
        .collect();
    let (sub, ptr) = (
        per_user(sections, "subdomains"),
        per_user(sections, "pointers"),
    );
    for (d, m, _) in extra_domains(&sub, &ptr) {
        let (kind, root) = match m {
            Matched::Subdomain => {
                let (label, parent) = d.split_once('.').unwrap_or((&d, ""));
                (
                    "sub",
                    Some(format!("/home/{user}/domains/{parent}/public_html/{label}")),
                )
            }
            _ => ("parked", None),
        };
        domains.push(info(&d, kind, root));
    }
    Details {
        plan: get("package"),
        suspended: get("suspended").map(|s| s == "yes"),
        created: get("date_created"),
        home: Some(format!("/home/{user}")),
        domains,
        mail_quotas: mail_quotas(sections, "quota", "/etc/virtual/", "/quota"),
        forwarders: forwarders(sections, "aliases", "/etc/virtual/", "/aliases"),
        ftp_accounts: ftp_logins(sections, "ftp"),
        usage: Usage::of(sections),
    }
}

impl Lookup for DirectAdmin {
    fn find_probe(&self) -> &'static str {
        FIND
    }

    fn found(&self, _t: &dyn Transport, query: &Query, sections: &Sections) -> Result<Vec<Found>> {
        Ok(found(query, sections))
    }

    fn details(&self, t: &dyn Transport, account: &Account) -> Result<Details> {
        let out = details_output(t, self, account, DETAILS, &[&account.user])?;
        Ok(details(&kv::sections(&out), &account.user))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_pointers_subdomains_mailboxes_databases() {
        let text = "@@da-owners\nalice.example: alice\nshop.example: alice\n\
            @@da-users\n/usr/local/directadmin/data/users/alice/user.conf:creator=res1\n\
            /usr/local/directadmin/data/users/alice/user.conf:domain=alice.example\n\
            @@da-subdomains\n/usr/local/directadmin/data/users/alice/domains/alice.example.subdomains:blog\n\
            @@da-pointers\n/usr/local/directadmin/data/users/alice/domains/alice.example.pointers:alias.example=type=alias\n\
            @@da-mailbox\n/home/alice/imap/alice.example/info\n@@db\nalice_wp\n";
        let s = kv::sections(text);
        let one = |q: &str| {
            let f = found(&Query::parse(q).unwrap(), &s);
            assert_eq!(f.len(), 1, "{q}: {f:?}");
            (f[0].account.clone(), f[0].owner.clone(), f[0].matched)
        };
        let alice = || ("alice".to_string(), Some("res1".to_string()));
        assert_eq!(
            one("alice.example"),
            (alice().0, alice().1, Matched::MainDomain)
        );
        assert_eq!(one("shop.example").2, Matched::AddonDomain);
        assert_eq!(one("blog.alice.example").2, Matched::Subdomain);
        assert_eq!(one("alias.example").2, Matched::ParkedDomain);
        assert_eq!(one("info@alice.example").2, Matched::Mailbox);
        assert_eq!(one("alice_wp").2, Matched::Database);
        assert_eq!(one("alice").2, Matched::Account);
    }
}
