//! Plesk lookups: a subscription is found by its domain (or a subdomain of it) in
//! `plesk bin subscription --list`, by its system user (home /var/www/vhosts/DOMAIN) or its
//! mail names under /var/qmail/mailnames; its login, owner, status, creation date and
//! document root come from `plesk bin subscription --info`, each mailbox's quota and
//! forwarding addresses from `plesk bin mail --info`, its additional FTP accounts are the
//! system users sharing its system user's UID with a home in the subscription (a find
//! naming one says it matched an FTP login). One round trip shows a subscription.

use anyhow::Result;

use super::accounts::{login_of, owner_of};
use super::{plesk_bin, subscription, Plesk, MAILNAMES, VHOSTS};
use crate::host::kv;
use crate::host::zone::is_domain_name;
use crate::panel::lookup::{
    database, db_prefix, details_output, lines, passwd, user_under, Details, DomainInfo, Forwarder,
    Found, Lookup, Matched, Query, Sections, Usage,
};
use crate::panel::{query, Account};
use crate::transport::Transport;

/// After [`Usage`]'s part: `$1` the subscription's domain, `$2` its system user, `$3...` its
/// mail names: `subscription --info` (its failure fails the script), the `login:home` of
/// every system user with `$2`'s UID, then `plesk bin mail --info` of each mail name.
const DETAILS: &str = r#"d=$1 login=$2; shift 2
printf '\n@@info\n'; plesk bin subscription --info "$d" || exit
printf '\n@@ftp\n'; uid=$(id -u -- "$login") && getent passwd | awk -F: -v u="$uid" '$3 == u { print $1 ":" $6 }'
for m in "$@"; do printf '\n@@mail %s\n' "$m"; plesk bin mail --info "$m"; done
true"#;

/// A size as Plesk writes it (`96.0 KB`, `0 B`, `50.0 MB`) in bytes; None for `Unlimited`,
/// `Default value (Unlimited)` and anything else.
fn size(text: &str) -> Option<u64> {
    let (n, unit) = text.trim().split_once(' ')?;
    let n: f64 = n.parse().ok()?;
    let scale = match unit.trim() {
        "B" => 1u64,
        "KB" => 1 << 10,
        "MB" => 1 << 20,
        "GB" => 1 << 30,
        "TB" => 1 << 40,
        _ => return None,
    };
    (n >= 0.0).then(|| (n * scale as f64).round() as u64)
}

/// A mail name's quota in bytes (0: unlimited) and forwarding addresses (its mail group's
/// members) from `plesk bin mail --info`.
fn mail_info(info: &str) -> (u64, Vec<String>) {
    let quota = field(info, "Mbox quota")
        .and_then(|q| size(&q))
        .unwrap_or(0);
    let group = field(info, "Mailgroup").is_some_and(|g| g == "true");
    let members = field(info, "Group member(s)")
        .filter(|_| group)
        .map(|m| {
            m.split([' ', ','])
                .filter(|a| a.contains('@'))
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    (quota, members)
}

/// The additional FTP accounts of `domain` (system user `login`) in `login:home` lines:
/// other users whose home is in the subscription.
fn ftp_accounts(lines: impl Iterator<Item = String>, login: &str, domain: &str) -> Vec<String> {
    let root = format!("{VHOSTS}/{domain}");
    lines
        .filter_map(|l| {
            let (user, home) = l.split_once(':')?;
            let inside = home == root || home.starts_with(&format!("{root}/"));
            (inside && user != login && !user.is_empty()).then(|| user.to_string())
        })
        .collect()
}

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
                let account = login_of(&info).unwrap_or(sub.clone());
                // Another system user in the subscription is one of its additional FTP logins.
                let matched = match matched {
                    Matched::Account if name != account => Matched::FtpLogin,
                    m => m,
                };
                Ok(Found {
                    account,
                    owner: owner_of(&info),
                    matched,
                    name,
                    subscription: Some(sub),
                })
            })
            .collect()
    }

    fn details(&self, t: &dyn Transport, account: &Account) -> Result<Details> {
        let domain = subscription(account);
        anyhow::ensure!(is_domain_name(domain), "{domain:?} is not a domain name");
        let mut args = vec![domain, account.user.as_str()];
        args.extend(
            account
                .mailboxes
                .iter()
                .map(String::as_str)
                .filter(|m| matches!(Query::parse(m), Ok(Query::Mailbox { .. }))),
        );
        let text = details_output(t, self, account, DETAILS, &args)?;
        let s = kv::sections(&text);
        let mut d = Details {
            usage: Usage::of(&s),
            ..details(s.get("info").map_or("", String::as_str), domain)
        };
        let login = d
            .ftp_accounts
            .first()
            .cloned()
            .unwrap_or(account.user.clone());
        let ftp = lines(&s, "ftp").map(String::from);
        d.ftp_accounts.extend(ftp_accounts(ftp, &login, domain));
        let boxes = &args[2..];
        for &m in boxes {
            let (quota, targets) = mail_info(s.get(format!("mail {m}").as_str()).map_or("", |t| t));
            d.mail_quotas.push((m.to_string(), quota));
            if !targets.is_empty() {
                d.forwarders.push(Forwarder {
                    address: m.to_string(),
                    targets,
                });
            }
        }
        Ok(d)
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
    fn mail_info_quota_and_forwarding() {
        let unlimited = "Mailname:           test\nDomain:             domain\nMailbox:            false\n\
            Password type:      sym\nMbox quota:         Default value (Unlimited)\n\
            Mailgroup:          true\nGroup member(s):    mail@externaldomain \n\
            Attachment files:   Empty\n \nSUCCESS: Gathering information for 'test@domain' complete\n";
        assert_eq!(
            mail_info(unlimited),
            (0, vec!["mail@externaldomain".to_string()])
        );
        let set = "Mbox quota:         50.0 MB\nMailgroup:          false\n";
        assert_eq!(mail_info(set), (50 << 20, vec![]));
        assert_eq!(size("96.0 KB"), Some(98304));
        assert_eq!(size("0 B"), Some(0));
        assert_eq!(size("Unlimited (not supported)"), None);
    }

    #[test]
    fn additional_ftp_accounts_share_the_uid_and_live_in_the_subscription() {
        let lines = [
            "shopuser:/var/www/vhosts/shop.example",
            "upload:/var/www/vhosts/shop.example/httpdocs/up",
            "other:/var/www/vhosts/shop.example.net",
            "stranger:/home/stranger",
        ]
        .map(String::from);
        assert_eq!(
            ftp_accounts(lines.into_iter(), "shopuser", "shop.example"),
            ["upload"]
        );
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
