//! cPanel lookups: domains with their owner and type from /etc/userdatadomains, owners from
//! /etc/trueuserowners, mailboxes under /home/USER/mail/DOMAIN/BOX; an account's plan and
//! start date from /var/cpanel/users/USER, suspension from /var/cpanel/suspended/USER, PHP
//! versions from /var/cpanel/userdata/USER/DOMAIN; mail quotas, forwarders and FTP logins.

use anyhow::Result;

use super::accounts::{userdatadomains, UserDomain};
use super::Cpanel;
use crate::host::{kv, stat};
use crate::panel::lookup::{
    database, db_prefix, details_output, forwarders, ftp_logins, lines, mail_quotas, user_under,
    Details, DomainInfo, Found, Lookup, Matched, Query, Sections, Usage,
};
use crate::panel::Account;
use crate::transport::Transport;

const FIND: &str = r#"if [ -r /etc/userdatadomains ]; then
printf '\n@@cpanel-domains\n'; grep -iF -e "$k" -- /etc/userdatadomains
case $q in *.*|*@*) ;; *) printf '\n@@cpanel-owners\n'; grep -iF -e "$k" -e "$p" -- /etc/trueuserowners;; esac
printf '\n@@cpanel-mailbox\n'; [ -z "$b" ] || for m in /home/*/mail/"$k"/"$b"; do [ -d "$m" ] && printf '%s\n' "$m"; done
fi 2>/dev/null
true"#;

/// Prints (after [`Usage`]'s part) the account `$1`'s cpuser file, suspension marker, domains, PHP versions, mailbox
/// quotas (`~/etc/DOMAIN/quota`, found without following links), forwarders
/// (`/etc/valiases/DOMAIN`) and FTP logins (`/etc/proftpd/USER`, the login field only).
const DETAILS: &str = r#"u=$1
printf '\n@@cpuser\n'; cat /var/cpanel/users/"$u"
printf '\n@@suspended\n'; [ -e /var/cpanel/suspended/"$u" ] && echo yes
printf '\n@@domains\n'; grep -F -e ": $u==" -- /etc/userdatadomains
printf '\n@@php\n'; grep -H '^phpversion:' /var/cpanel/userdata/"$u"/* 
printf '\n@@quota\n'; find /home/"$u"/etc -mindepth 2 -maxdepth 2 -type f -name quota -exec grep -H '' -- {} +
printf '\n@@valiases\n'; grep -F -e ": $u==" -- /etc/userdatadomains | while IFS=: read -r d _; do
  case $d in ''|.*|*/*) ;; *) [ -f /etc/valiases/"$d" ] && grep -H '' -- /etc/valiases/"$d";; esac
done
printf '\n@@ftp\n'; awk -F: '{print "ftp:" $1}' /etc/proftpd/"$u"
true"#;

fn matched(kind: &str) -> Matched {
    match kind {
        "main" => Matched::MainDomain,
        "addon" => Matched::AddonDomain,
        "parked" => Matched::ParkedDomain,
        _ => Matched::Subdomain,
    }
}

/// `user: owner` lines of /etc/trueuserowners.
fn owners(sections: &Sections) -> Vec<(String, String)> {
    kv::colon_pairs(
        &lines(sections, "cpanel-owners")
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn found(query: &Query, sections: &Sections) -> Vec<Found> {
    let domains = userdatadomains(
        &lines(sections, "cpanel-domains")
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let owner_of = |user: &str| {
        let listed = owners(sections).into_iter().find(|(u, _)| u == user);
        listed.map(|(_, o)| o).or_else(|| {
            let d = domains
                .iter()
                .find(|d| d.user == user && !d.owner.is_empty());
            d.map(|d| d.owner.clone())
        })
    };
    let of_domain = |d: &UserDomain, m: Matched, name: &str| Found {
        account: d.user.clone(),
        owner: Some(d.owner.clone()).filter(|o| !o.is_empty()),
        matched: m,
        name: name.to_string(),
        subscription: None,
    };
    match query {
        Query::Domain(q) => domains
            .iter()
            .filter(|d| d.domain.eq_ignore_ascii_case(q))
            .map(|d| of_domain(d, matched(&d.kind), &d.domain))
            .collect(),
        Query::Mailbox { mailbox, domain } => lines(sections, "cpanel-mailbox")
            .filter_map(|path| {
                let user = user_under(path, "/home")?;
                (path == format!("/home/{user}/mail/{domain}/{mailbox}")).then(|| Found {
                    account: user.to_string(),
                    owner: owner_of(user),
                    matched: Matched::Mailbox,
                    name: format!("{mailbox}@{domain}"),
                    subscription: None,
                })
            })
            .collect(),
        Query::Name(n) => {
            let mut out: Vec<Found> = owners(sections)
                .into_iter()
                .filter(|(u, _)| u == n)
                .map(|(u, o)| Found {
                    name: u.clone(),
                    account: u,
                    owner: Some(o),
                    matched: Matched::Account,
                    subscription: None,
                })
                .collect();
            if let Some(db) = database(sections, query) {
                let user = db_prefix(&db);
                if let Some(owner) = owner_of(user) {
                    out.push(Found {
                        account: user.to_string(),
                        owner: Some(owner),
                        matched: Matched::Database,
                        name: db,
                        subscription: None,
                    });
                }
            }
            out
        }
    }
}

/// Details from the sections of [`DETAILS`].
fn details(sections: &Sections, home: String) -> Details {
    let cpuser = kv::equals_pairs(sections.get("cpuser").map_or("", String::as_str));
    let get = |k: &str| {
        cpuser
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let php: Vec<(String, String)> = lines(sections, "php")
        .filter_map(|l| {
            let (path, v) = l.split_once(":phpversion:")?;
            Some((path.rsplit('/').next()?.to_string(), v.trim().to_string()))
        })
        .collect();
    let domains = userdatadomains(&lines(sections, "domains").collect::<Vec<_>>().join("\n"))
        .into_iter()
        .map(|d| DomainInfo {
            php_version: php
                .iter()
                .find(|(dom, _)| *dom == d.domain)
                .map(|(_, v)| v.clone()),
            document_root: Some(d.docroot).filter(|r| !r.is_empty()),
            kind: d.kind,
            domain: d.domain,
        })
        .collect();
    Details {
        plan: get("PLAN"),
        suspended: Some(lines(sections, "suspended").any(|l| l == "yes")),
        created: get("STARTDATE")
            .and_then(|s| s.parse().ok())
            .map(stat::epoch_date),
        mail_quotas: mail_quotas(sections, "quota", &format!("{home}/etc/"), "/quota"),
        forwarders: forwarders(sections, "valiases", "/etc/valiases/", ""),
        ftp_accounts: ftp_logins(sections, "ftp"),
        usage: Usage::of(sections),
        home: Some(home),
        domains,
    }
}

impl Lookup for Cpanel {
    fn find_probe(&self) -> &'static str {
        FIND
    }

    fn found(&self, _t: &dyn Transport, query: &Query, sections: &Sections) -> Result<Vec<Found>> {
        Ok(found(query, sections))
    }

    fn details(&self, t: &dyn Transport, account: &Account) -> Result<Details> {
        let out = details_output(t, self, account, DETAILS, &[&account.user])?;
        Ok(details(
            &kv::sections(&out),
            format!("/home/{}", account.user),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections(text: &str) -> Sections<'_> {
        kv::sections(text)
    }

    #[test]
    fn real_userdatadomains_addon_and_its_subdomain() {
        let real = include_str!("../../../tests/fixtures/real/cpanel-userdatadomains.txt");
        let text = sections_of(real);
        let s = sections(&text);
        let f = found(&Query::parse("conheo.com").unwrap(), &s);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].account.as_str(), f[0].owner.as_deref(), f[0].matched),
            ("khanhtest", Some("root"), Matched::AddonDomain)
        );
        let sub = found(&Query::parse("conheo.com.khanhtest.com").unwrap(), &s);
        assert_eq!(sub[0].matched, Matched::Subdomain);
        let d = userdatadomains(real);
        assert_eq!(d[2].docroot, "/home/khanhtest/conheo.com");
    }

    /// `text` as the probe's `cpanel-domains` section.
    fn sections_of(text: &str) -> String {
        format!("@@cpanel-domains\n{text}")
    }

    #[test]
    fn domains_of_every_kind_and_mailboxes_and_databases() {
        let text = "@@cpanel-domains\n\
            bob.example: bob==res1==main==bob.example==/home/bob/public_html==192.0.2.1:80==\n\
            shop.example: bob==res1==addon==bob.example==/home/bob/shop==192.0.2.1:80==\n\
            bob.example.net: bob==res1==parked==bob.example==/home/bob/public_html==192.0.2.1:80==\n\
            @@cpanel-owners\nbob: res1\nbobby: root\n@@cpanel-mailbox\n/home/bob/mail/bob.example/info\n\
            @@db\nbob_wp\n";
        let s = sections(text);
        let f = found(&Query::parse("SHOP.example").unwrap(), &s);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].account.as_str(), f[0].owner.as_deref(), f[0].matched),
            ("bob", Some("res1"), Matched::AddonDomain)
        );
        assert_eq!(
            found(&Query::parse("bob.example.net").unwrap(), &s)[0].matched,
            Matched::ParkedDomain
        );
        let m = found(&Query::parse("info@bob.example").unwrap(), &s);
        assert_eq!(
            (m[0].account.as_str(), m[0].matched),
            ("bob", Matched::Mailbox)
        );
        let d = found(&Query::parse("bob_wp").unwrap(), &s);
        assert_eq!(
            (d[0].account.as_str(), d[0].matched),
            ("bob", Matched::Database)
        );
        let u = found(&Query::parse("bob").unwrap(), &s);
        assert_eq!((u.len(), u[0].matched), (1, Matched::Account));
        assert!(found(&Query::parse("example").unwrap(), &s).is_empty());
    }
}
