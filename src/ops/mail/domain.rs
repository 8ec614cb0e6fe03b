//! `mail check`'s domain checks, asked of a resolver: the MX points to this server, SPF
//! allows its address, the DKIM record carries the key the server signs with, DMARC and its
//! policy, the server's PTR and HELO name.

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use anyhow::{Context as _, Result};
use ipnet::IpNet;

use serde::Serialize;

use crate::ops::blacklist::dns::{Dns, DnsOptions, Reply};
pub use crate::ops::diagnose::hardware::Verdict;

/// One check and its verdict.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    pub check: &'static str,
    pub verdict: Verdict,
    pub text: String,
}

pub fn check(name: &'static str, verdict: Verdict, text: impl Into<String>) -> Check {
    Check {
        check: name,
        verdict,
        text: text.into(),
    }
}

pub struct Inputs {
    pub domain: String,
    /// The server's address.
    pub ip: IpAddr,
    /// exim's primary_hostname.
    pub helo: Option<String>,
    /// The DKIM selector and the public key (base64) the server signs with; None: the panel
    /// keeps no key; `(selector, None)`: it keeps none for this domain.
    pub dkim: Option<(String, Option<String>)>,
    pub resolver: DnsOptions,
}

/// The checks, and whether the MX lookup failed (the resolver could not be asked: the domain
/// was not checked).
pub fn checks(i: &Inputs) -> Result<(Vec<Check>, bool)> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the DNS runtime")?;
    rt.block_on(async {
        let dns = Dns::new(&i.resolver)?;
        let (first, unchecked) = mx(&dns, i).await;
        if unchecked {
            let skipped = ["spf", "dkim", "dmarc", "ptr", "helo"]
                .map(|c| check(c, Verdict::NotAvailable, "the resolver could not be asked"));
            return Ok((std::iter::once(first).chain(skipped).collect(), true));
        }
        let out = vec![
            first,
            spf_check(&dns, i).await.0,
            dkim(&dns, i).await.0,
            dmarc(&dns, i).await.0,
            ptr(&dns, i).await.0,
            helo(&dns, i).await.0,
        ];
        Ok((out, unchecked))
    })
}

/// A lookup that could not be done: not available, and counted as failed.
fn unavailable<T>(name: &'static str, r: &Reply<T>) -> (Check, bool) {
    let why = match r {
        Reply::Refused => "the resolver refused the query".to_string(),
        Reply::Failed(e) => e.clone(),
        _ => String::new(),
    };
    (check(name, Verdict::NotAvailable, why), true)
}

async fn mx(dns: &Dns, i: &Inputs) -> (Check, bool) {
    let d = &i.domain;
    let hosts = match dns.mx(d).await {
        Reply::Found(h) => h,
        // No MX: mail goes to the domain's own address (RFC 5321 5.1).
        Reply::Missing => vec![d.clone()],
        r => return unavailable("mx", &r),
    };
    let mut elsewhere = Vec::new();
    for h in &hosts {
        match dns.addresses(h).await {
            Reply::Found(a) if a.contains(&i.ip) => {
                return (
                    check("mx", Verdict::Ok, format!("{h} is this server ({})", i.ip)),
                    false,
                )
            }
            Reply::Found(a) => elsewhere.push(format!(
                "{h} ({})",
                a.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ => elsewhere.push(format!("{h} (no address)")),
        }
    }
    let text = format!(
        "mail for {d} goes to {}, not to this server ({}): local delivery here is not where it arrives",
        elsewhere.join(", "),
        i.ip
    );
    (check("mx", Verdict::Fail, text), false)
}

/// How an SPF evaluation for the server's address ended.
enum Spf {
    Pass(String),
    /// The qualifier that matched (`-`, `~`, `?`), or none matched.
    NoPass(String),
    None,
    Error(String),
}

type Eval<'a> = Pin<Box<dyn Future<Output = Spf> + 'a>>;

/// Evaluates `domain`'s SPF record for `ip` (ip4, ip6, a, mx, include, redirect, all; other
/// mechanisms never match). At most 10 nested lookups.
fn spf<'a>(dns: &'a Dns, domain: String, ip: IpAddr, depth: usize) -> Eval<'a> {
    Box::pin(async move {
        if depth > 10 {
            return Spf::Error("more than 10 nested includes".into());
        }
        let record = match dns.txt(&format!("{domain}.")).await {
            Reply::Found(t) => t.into_iter().find(|t| t.starts_with("v=spf1")),
            Reply::Missing => None,
            Reply::Refused => return Spf::Error("the resolver refused the query".into()),
            Reply::Failed(e) => return Spf::Error(e),
        };
        let Some(record) = record else {
            return Spf::None;
        };
        let mut redirect = None;
        for term in record.split_whitespace().skip(1) {
            let (q, mech) = match term.chars().next() {
                Some(c @ ('+' | '-' | '~' | '?')) => (c, &term[1..]),
                _ => ('+', term),
            };
            let (name, arg) = mech.split_once([':', '=']).unwrap_or((mech, ""));
            let target = |a: &str| {
                if a.is_empty() {
                    domain.clone()
                } else {
                    a.to_string()
                }
            };
            let hit = match name.to_ascii_lowercase().as_str() {
                "all" => true,
                "ip4" | "ip6" => in_net(ip, arg),
                "a" => {
                    matches!(dns.addresses(&target(arg)).await, Reply::Found(a) if a.contains(&ip))
                }
                "mx" => {
                    let mut hit = false;
                    if let Reply::Found(hosts) = dns.mx(&target(arg)).await {
                        for h in hosts {
                            hit |= matches!(dns.addresses(&h).await, Reply::Found(a) if a.contains(&ip));
                        }
                    }
                    hit
                }
                "include" => match spf(dns, arg.to_string(), ip, depth + 1).await {
                    Spf::Pass(_) => true,
                    Spf::Error(e) => return Spf::Error(e),
                    _ => false,
                },
                "redirect" => {
                    redirect = Some(arg.to_string());
                    false
                }
                _ => false,
            };
            if hit {
                return match q {
                    '+' => Spf::Pass(term.to_string()),
                    _ => Spf::NoPass(term.to_string()),
                };
            }
        }
        match redirect {
            Some(r) => spf(dns, r, ip, depth + 1).await,
            None => Spf::NoPass(format!("nothing matches in \"{record}\"")),
        }
    })
}

fn in_net(ip: IpAddr, arg: &str) -> bool {
    arg.parse::<IpNet>()
        .map(|n| n.contains(&ip))
        .or_else(|_| arg.parse::<IpAddr>().map(|a| a == ip))
        .unwrap_or(false)
}

async fn spf_check(dns: &Dns, i: &Inputs) -> (Check, bool) {
    let d = &i.domain;
    match spf(dns, d.clone(), i.ip, 0).await {
        Spf::Pass(t) => (
            check("spf", Verdict::Ok, format!("{} allowed by {t}", i.ip)),
            false,
        ),
        Spf::NoPass(t) => (
            check(
                "spf",
                Verdict::Fail,
                format!("{d}'s SPF does not allow this server ({}): {t}", i.ip),
            ),
            false,
        ),
        Spf::None => (
            check("spf", Verdict::Warn, format!("{d} has no SPF record")),
            false,
        ),
        Spf::Error(e) => (check("spf", Verdict::NotAvailable, e), true),
    }
}

/// The `p=` of a DKIM record, without spaces.
fn dkim_key(record: &str) -> Option<String> {
    record.split(';').find_map(|t| {
        let (k, v) = t.trim().split_once('=')?;
        (k.trim() == "p").then(|| v.chars().filter(|c| !c.is_whitespace()).collect())
    })
}

async fn dkim(dns: &Dns, i: &Inputs) -> (Check, bool) {
    let Some((selector, key)) = &i.dkim else {
        return (
            check(
                "dkim",
                Verdict::NotAvailable,
                "the panel keeps no DKIM key hostops reads",
            ),
            false,
        );
    };
    let Some(key) = key else {
        return (
            check(
                "dkim",
                Verdict::Warn,
                format!("the server has no DKIM key for {}", i.domain),
            ),
            false,
        );
    };
    let name = format!("{selector}._domainkey.{}.", i.domain);
    let records = match dns.txt(&name).await {
        Reply::Found(t) => t,
        Reply::Missing => {
            return (
                check("dkim", Verdict::Fail, format!("no DKIM record at {name}")),
                false,
            )
        }
        r => return unavailable("dkim", &r),
    };
    if records
        .iter()
        .filter_map(|r| dkim_key(r))
        .any(|p| &p == key)
    {
        (
            check(
                "dkim",
                Verdict::Ok,
                format!("{name} carries the server's key"),
            ),
            false,
        )
    } else {
        (
            check(
                "dkim",
                Verdict::Fail,
                format!("{name} does not carry the key the server signs with: its signatures fail"),
            ),
            false,
        )
    }
}

async fn dmarc(dns: &Dns, i: &Inputs) -> (Check, bool) {
    let name = format!("_dmarc.{}.", i.domain);
    let found = match dns.txt(&name).await {
        Reply::Found(t) => t.into_iter().find(|t| t.starts_with("v=DMARC1")),
        Reply::Missing => None,
        r => return unavailable("dmarc", &r),
    };
    let Some(record) = found else {
        return (
            check("dmarc", Verdict::Warn, format!("no DMARC record at {name}")),
            false,
        );
    };
    let policy = record
        .split(';')
        .find_map(|t| t.trim().strip_prefix("p=").map(str::to_string))
        .unwrap_or_else(|| "?".to_string());
    (
        check("dmarc", Verdict::Ok, format!("policy {policy}: {record}")),
        false,
    )
}

/// The name receivers expect: the HELO name, or a placeholder when exim is not there.
fn helo_name(i: &Inputs) -> &str {
    i.helo.as_deref().unwrap_or("the server's hostname")
}

/// The sending address's PTR: it must name a host whose address is this one (forward
/// confirmed) and be the HELO name exim gives; receivers reject or score mail otherwise.
async fn ptr(dns: &Dns, i: &Inputs) -> (Check, bool) {
    let helo = helo_name(i);
    let names = match dns.ptr(i.ip).await {
        Reply::Found(n) => n,
        Reply::Missing => {
            let text = format!(
                "{} has no PTR record: receivers reject or distrust its mail; ask whoever runs {}'s network (the hosting provider) to set its PTR to {helo}",
                i.ip, i.ip
            );
            return (check("ptr", Verdict::Fail, text), false);
        }
        r => return unavailable("ptr", &r),
    };
    let mut confirmed = Vec::new();
    for n in &names {
        if matches!(dns.addresses(n).await, Reply::Found(a) if a.contains(&i.ip)) {
            confirmed.push(n.as_str());
        }
    }
    let same = |n: &str| {
        i.helo
            .as_deref()
            .is_some_and(|h| h.trim_end_matches('.').eq_ignore_ascii_case(n))
    };
    let text = match (confirmed.iter().find(|n| same(n)), confirmed.first()) {
        (Some(n), _) => {
            return (
                check("ptr", Verdict::Ok, format!("{} is {n} and back, the HELO name", i.ip)),
                false,
            )
        }
        (None, Some(n)) if i.helo.is_none() => {
            return (check("ptr", Verdict::Ok, format!("{} is {n} and back", i.ip)), false)
        }
        (None, Some(n)) => format!(
            "{} is {n}, but exim says HELO {helo}: set the PTR of {} to {helo} (or exim's primary_hostname to {n})",
            i.ip, i.ip
        ),
        (None, None) => format!(
            "{} is {}, whose address is not {}: set the PTR of {} to {helo}, a name whose address is {}",
            i.ip,
            names.join(", "),
            i.ip,
            i.ip,
            i.ip
        ),
    };
    (check("ptr", Verdict::Fail, text), false)
}

async fn helo(dns: &Dns, i: &Inputs) -> (Check, bool) {
    let Some(h) = &i.helo else {
        return (
            check("helo", Verdict::NotAvailable, "no exim on this server"),
            false,
        );
    };
    match dns.addresses(h).await {
        Reply::Found(a) if a.contains(&i.ip) => (
            check("helo", Verdict::Ok, format!("{h} is {}", i.ip)),
            false,
        ),
        Reply::Found(_) | Reply::Missing => (
            check(
                "helo",
                Verdict::Fail,
                format!(
                    "the HELO name {h} does not resolve to {}: give {h} an A record for {}, or set exim's primary_hostname to the name of {}'s PTR",
                    i.ip, i.ip, i.ip
                ),
            ),
            false,
        ),
        r => unavailable("helo", &r),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dkim_keys_and_networks() {
        assert_eq!(
            dkim_key("v=DKIM1; k=rsa; p=MIIB AQAB").as_deref(),
            Some("MIIBAQAB")
        );
        assert!(in_net("10.0.2.1".parse().unwrap(), "10.0.2.0/24"));
        assert!(in_net("10.0.2.1".parse().unwrap(), "10.0.2.1"));
        assert!(!in_net("10.0.3.1".parse().unwrap(), "10.0.2.0/24"));
    }
}
