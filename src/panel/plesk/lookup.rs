//! Plesk lookups: a subscription is found by its domain (or a subdomain of it) in
//! `plesk bin subscription --list`, by its system user (home /var/www/vhosts/DOMAIN) or its
//! mail names under /var/qmail/mailnames; its login, owner, status, creation date and
//! document root come from `plesk bin subscription --info`.

use anyhow::Result;

use super::accounts::{login_of, owner_of};
use super::{plesk_bin, subscription, Plesk, MAILNAMES, VHOSTS};
use crate::host::kv;
use crate::host::zone::is_domain_name;
use crate::panel::lookup::{
    database, db_prefix, lines, passwd, user_under, Details, DomainInfo, Found, Lookup, Matched,
    Query, Sections,
};
use crate::panel::{query, Account};
use crate::transport::Transport;

const FIND: &str = r#"if [ -d /usr/local/psa ] && command -v plesk >/dev/null 2>&1; then
printf '\n@@plesk-subscriptions\n'; plesk bin subscription --list
printf '\n@@plesk-mailbox\n'; [ -z "$b" ] || { m=/var/qmail/mailnames/$k/$b; [ -d "$m" ] && printf '%s\n' "$m"; }
fi 2>/dev/null
true"#;

/// The subscription holding `domain`: itself, or the nearest parent domain listed.
fn subscription_of<'a>(domain: &str, subscriptions: &[&'a str]) -> Option<(&'a str, bool)> {
    let mut d = domain;
    loop {
        if let Some(s) = subscriptions.iter().find(|s| s.eq_ignore_ascii_case(d)) {
            return Some((s, d.len() == domain.len()));
        }
        d = d.split_once('.')?.1;
    }
}

/// (subscription, what matched, name) the probe's sections show for `query`.
fn matches(query: &Query, sections: &Sections) -> Vec<(String, Matched, String)> {
    let subs: Vec<&str> = lines(sections, "plesk-subscriptions")
        .map(str::trim)
        .collect();
    let by_user = |user: &str| {
        passwd(sections)
            .into_iter()
            .find(|(u, _)| u == user)
            .and_then(|(_, home)| user_under(&home, VHOSTS).map(String::from))
            .filter(|s| subs.contains(&s.as_str()))
    };
    match query {
        Query::Domain(q) => subscription_of(q, &subs)
            .map(|(s, exact)| {
                let m = if exact {
                    Matched::MainDomain
                } else {
                    Matched::Subdomain
                };
                (s.to_string(), m, q.clone())
            })
            .into_iter()
            .collect(),
        Query::Mailbox { mailbox, domain } => lines(sections, "plesk-mailbox")
            .filter(|p| *p == format!("{MAILNAMES}/{domain}/{mailbox}"))
            .filter_map(|_| subscription_of(domain, &subs))
            .map(|(s, _)| {
                (
                    s.to_string(),
                    Matched::Mailbox,
                    format!("{mailbox}@{domain}"),
                )
            })
            .collect(),
        Query::Name(n) => {
            let mut out: Vec<_> = by_user(n)
                .map(|s| (s, Matched::Account, n.clone()))
                .into_iter()
                .collect();
            if let Some(db) = database(sections, query) {
                if let Some(s) = by_user(db_prefix(&db)) {
                    out.push((s, Matched::Database, db));
                }
            }
            out
        }
    }
}

/// `subscription --info` of `domain` (a name from `--list`, checked before use).
fn info(t: &dyn Transport, domain: &str) -> Result<String> {
    anyhow::ensure!(is_domain_name(domain), "{domain:?} is not a domain name");
    query(t, plesk_bin("subscription").args(["--info", domain]))
}

/// The value of the first `--info` line whose label is `label`.
fn field(info: &str, label: &str) -> Option<String> {
    kv::colon_pairs(info)
        .into_iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(label))
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

/// Details from `subscription --info` of `domain`.
fn details(info: &str, domain: &str) -> Details {
    let root = field(info, "Document root")
        .or_else(|| field(info, "WWW-Root"))
        .unwrap_or_else(|| format!("{VHOSTS}/{domain}/httpdocs"));
    Details {
        plan: field(info, "Service plan"),
        suspended: field(info, "Domain status").map(|s| s != "OK"),
        created: field(info, "Creation date"),
        home: Some(format!("{VHOSTS}/{domain}")),
        ftp_accounts: field(info, "FTP Login").into_iter().collect(),
        domains: vec![DomainInfo {
            domain: domain.to_string(),
            kind: "main".into(),
            document_root: Some(root),
            php_version: field(info, "PHP version"),
        }],
        ..Details::default()
    }
}

impl Lookup for Plesk {
    fn find_probe(&self) -> &'static str {
        FIND
    }

    fn found(&self, t: &dyn Transport, query: &Query, sections: &Sections) -> Result<Vec<Found>> {
        matches(query, sections)
            .into_iter()
            .map(|(sub, matched, name)| {
                let info = info(t, &sub)?;
                Ok(Found {
                    account: login_of(&info).unwrap_or(sub),
                    owner: owner_of(&info),
                    matched,
                    name,
                })
            })
            .collect()
    }

    fn details(&self, t: &dyn Transport, account: &Account) -> Result<Details> {
        let domain = subscription(account);
        Ok(details(&info(t, domain)?, domain))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_subdomains_users_mailboxes_databases() {
        let text = "@@plesk-subscriptions\nshop.example\nother.example\n\
            @@plesk-mailbox\n/var/qmail/mailnames/shop.example/info\n\
            @@passwd\nshopuser:x:10001:1004::/var/www/vhosts/shop.example:/bin/false\n@@db\nshopuser_wp\n";
        let s = kv::sections(text);
        let m = |q: &str| matches(&Query::parse(q).unwrap(), &s);
        let shop = |m: Matched, n: &str| vec![("shop.example".to_string(), m, n.to_string())];
        assert_eq!(m("shop.example"), shop(Matched::MainDomain, "shop.example"));
        assert_eq!(
            m("blog.shop.example"),
            shop(Matched::Subdomain, "blog.shop.example")
        );
        assert_eq!(
            m("info@shop.example"),
            shop(Matched::Mailbox, "info@shop.example")
        );
        assert_eq!(m("shopuser"), shop(Matched::Account, "shopuser"));
        assert_eq!(m("shopuser_wp"), shop(Matched::Database, "shopuser_wp"));
        assert!(m("example").is_empty() && m("nope.example").is_empty());
    }

    #[test]
    fn real_subscription_info_details() {
        let real = include_str!("../../../tests/fixtures/real/plesk-subscription-info.txt");
        let d = details(real, "sitekick.eu");
        assert_eq!(d.created.as_deref(), Some("Oct 20, 2023"));
        assert_eq!(d.suspended, Some(false));
        assert_eq!(
            d.domains[0].document_root.as_deref(),
            Some("/var/www/vhosts/sitekick.eu/httpdocs")
        );
    }
}
