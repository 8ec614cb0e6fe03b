//! What the big mailbox providers check besides blocklists: forward-confirmed reverse DNS
//! for a sending address; MX, SPF and DMARC records for a mail domain.

use std::net::IpAddr;

use serde::Serialize;

use super::dns::{Dns, Reply};
use super::query::Subject;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    pub name: &'static str,
    pub status: Status,
    pub detail: String,
}

fn check(name: &'static str, status: Status, detail: impl Into<String>) -> Check {
    Check {
        name,
        status,
        detail: detail.into(),
    }
}

/// A reply that says nothing either way.
fn inconclusive<T>(name: &'static str, what: &str, reply: &Reply<T>) -> Option<Check> {
    match reply {
        Reply::Failed(e) => Some(check(name, Status::Unknown, format!("{what}: {e}"))),
        Reply::Refused => Some(check(
            name,
            Status::Unknown,
            format!("{what}: the nameserver refused the query"),
        )),
        _ => None,
    }
}

/// The checks of `subject`, unknown: they were not finished before the deadline.
pub fn cut(subject: &Subject, reason: &str) -> Vec<Check> {
    let names: &[&'static str] = match subject {
        Subject::Ip(_) => &["fcrdns"],
        Subject::Domain(_) => &["mx", "spf", "dmarc"],
    };
    names
        .iter()
        .map(|n| check(n, Status::Unknown, reason))
        .collect()
}

/// FCrDNS: a PTR name of `ip` resolves back to `ip`.
pub async fn fcrdns(dns: &Dns, ip: IpAddr) -> Check {
    let ptr = dns.ptr(ip).await;
    let mut forward = Vec::new();
    if let Reply::Found(names) = &ptr {
        for name in names {
            forward.push((name.clone(), dns.addresses(name).await));
        }
    }
    fcrdns_check(ip, &ptr, &forward)
}

/// The FCrDNS verdict from the PTR reply and each PTR name's forward reply.
fn fcrdns_check(ip: IpAddr, ptr: &Reply<String>, forward: &[(String, Reply<IpAddr>)]) -> Check {
    const NAME: &str = "fcrdns";
    if let Some(c) = inconclusive(NAME, "PTR lookup", ptr) {
        return c;
    }
    if forward.is_empty() {
        return check(NAME, Status::Fail, format!("{ip} has no PTR record"));
    }
    if let Some((name, _)) = forward
        .iter()
        .find(|(_, r)| matches!(r, Reply::Found(a) if a.contains(&ip)))
    {
        return check(NAME, Status::Pass, format!("{ip} -> {name} -> {ip}"));
    }
    if let Some(c) = forward
        .iter()
        .find_map(|(name, r)| inconclusive(NAME, &format!("lookup of {name}"), r))
    {
        return c;
    }
    let names: Vec<&str> = forward.iter().map(|(n, _)| n.as_str()).collect();
    check(
        NAME,
        Status::Fail,
        format!("PTR {} does not resolve back to {ip}", names.join(", ")),
    )
}

/// MX, SPF and DMARC of a mail domain.
pub async fn domain(dns: &Dns, domain: &str) -> Vec<Check> {
    let (apex, policy) = (format!("{domain}."), format!("_dmarc.{domain}."));
    let (mx, txt, dmarc) = tokio::join!(dns.mx(domain), dns.txt(&apex), dns.txt(&policy));
    vec![
        mx_check(domain, &mx),
        record_check("spf", "v=spf1", domain, &txt),
        record_check("dmarc", "v=DMARC1", &format!("_dmarc.{domain}"), &dmarc),
    ]
}

fn mx_check(domain: &str, reply: &Reply<String>) -> Check {
    if let Some(c) = inconclusive("mx", "MX lookup", reply) {
        return c;
    }
    match reply {
        Reply::Found(hosts) if !hosts.is_empty() => check("mx", Status::Pass, hosts.join(", ")),
        _ => check("mx", Status::Fail, format!("{domain} has no MX record")),
    }
}

/// Exactly one TXT record at `name` starting with `tag` (RFC 7208 allows one SPF record).
fn record_check(check_name: &'static str, tag: &str, name: &str, reply: &Reply<String>) -> Check {
    if let Some(c) = inconclusive(check_name, "TXT lookup", reply) {
        return c;
    }
    let records: Vec<&String> = match reply {
        Reply::Found(t) => t
            .iter()
            .filter(|r| {
                r.get(..tag.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(tag))
                    && r[tag.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ' ' || c == ';')
            })
            .collect(),
        _ => Vec::new(),
    };
    match records.as_slice() {
        [one] => check(check_name, Status::Pass, one.as_str()),
        [] => check(
            check_name,
            Status::Fail,
            format!("no {tag} TXT record at {name}"),
        ),
        many => check(
            check_name,
            Status::Fail,
            format!(
                "{} {tag} records at {name}; receivers treat more than one as an error",
                many.len()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn txt(records: &[&str]) -> Reply<String> {
        Reply::Found(records.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn spf_needs_exactly_one_record() {
        let one = record_check("spf", "v=spf1", "e.test", &txt(&["x", "v=spf1 mx -all"]));
        assert_eq!(one.status, Status::Pass);
        assert_eq!(one.detail, "v=spf1 mx -all");
        let two = record_check("spf", "v=spf1", "e.test", &txt(&["v=spf1 a", "v=spf1 mx"]));
        assert_eq!(two.status, Status::Fail);
        let prefix_only = record_check("spf", "v=spf1", "e.test", &txt(&["v=spf10"]));
        assert_eq!(prefix_only.status, Status::Fail);
        let none = record_check("spf", "v=spf1", "e.test", &Reply::Missing);
        assert_eq!(none.status, Status::Fail);
    }

    #[test]
    fn fcrdns_needs_a_ptr_name_that_resolves_back() {
        let ip: IpAddr = "192.0.2.25".parse().unwrap();
        let names = Reply::Found(vec!["mail.example.com".to_string()]);
        let back = |a: &str| Reply::Found(vec![a.parse().unwrap()]);
        let ok = fcrdns_check(
            ip,
            &names,
            &[("mail.example.com".into(), back("192.0.2.25"))],
        );
        assert_eq!(ok.status, Status::Pass);
        assert_eq!(ok.detail, "192.0.2.25 -> mail.example.com -> 192.0.2.25");
        let other = fcrdns_check(
            ip,
            &names,
            &[("mail.example.com".into(), back("192.0.2.99"))],
        );
        assert_eq!(other.status, Status::Fail);
        assert_eq!(fcrdns_check(ip, &Reply::Missing, &[]).status, Status::Fail);
        let timeout = Reply::Failed("no answer".into());
        assert_eq!(fcrdns_check(ip, &timeout, &[]).status, Status::Unknown);
        let fwd_timeout = fcrdns_check(
            ip,
            &names,
            &[("mail.example.com".into(), Reply::Failed("no answer".into()))],
        );
        assert_eq!(fwd_timeout.status, Status::Unknown);
    }

    #[test]
    fn a_timeout_is_unknown_not_a_failure() {
        let c = record_check(
            "dmarc",
            "v=DMARC1",
            "_dmarc.e.test",
            &Reply::Failed("t".into()),
        );
        assert_eq!(c.status, Status::Unknown);
        assert_eq!(mx_check("e.test", &Reply::Refused).status, Status::Unknown);
    }
}
