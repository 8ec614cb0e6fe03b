//! `dns check DOMAIN...`: every nameserver a domain's NS records name, asked directly (RD=0)
//! for the SOA and the apex record sets (NS, A, MX, TXT): the serial per server, differences
//! between servers, lame (not authoritative) and unreachable servers; and the mail records'
//! sanity (MX exchanges resolve, one SPF record with at most 10 DNS lookups, DMARC present).
//! Domains are checked concurrently on one runtime; each nameserver address gets one socket.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result};
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{RData, RecordType};
use serde::Serialize;
use tokio::task::JoinSet;

use crate::app::Report;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::host::zone;
use crate::ops::blacklist::dns::{Dns, DnsOptions, Reply};
use crate::ops::blacklist::dnsauth::{self, Status};
use crate::output::Printer;

/// The apex sets compared between servers.
const SETS: [RecordType; 4] = [
    RecordType::NS,
    RecordType::A,
    RecordType::MX,
    RecordType::TXT,
];
/// RFC 7208 section 4.6.4: at most 10 terms that cause DNS lookups.
const SPF_LOOKUPS: usize = 10;

pub struct CheckOptions {
    pub domains: Vec<String>,
    /// Where NS, MX and SPF names are resolved.
    pub resolver: DnsOptions,
    /// Domains checked at the same time.
    pub in_flight: usize,
}

/// One nameserver of a domain, as it answered.
#[derive(Clone, Debug, Serialize)]
pub struct Server {
    pub name: String,
    pub address: String,
    pub serial: Option<u32>,
    /// ok, lame (answers without authority), unreachable
    pub state: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct DomainCheck {
    pub domain: String,
    /// ok, findings, unchecked
    pub outcome: &'static str,
    pub servers: Vec<Server>,
    pub findings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub domains: Vec<DomainCheck>,
}

impl Report for CheckReport {
    fn render(&self, p: &Printer) {
        for d in &self.domains {
            p.data(format!("{} {}", d.domain, d.outcome.to_uppercase()));
            for s in &d.servers {
                p.data(format!(
                    "  {} {} serial {} {}{}",
                    s.name,
                    s.address,
                    s.serial.map_or_else(|| "-".to_string(), |s| s.to_string()),
                    s.state,
                    s.error
                        .as_ref()
                        .map(|e| format!(": {e}"))
                        .unwrap_or_default()
                ));
            }
            for f in &d.findings {
                p.data(format!("  finding: {f}"));
            }
        }
    }

    fn status(&self) -> ExitStatus {
        if self.domains.iter().any(|d| d.outcome == "unchecked") {
            ExitStatus::Connection
        } else if self.domains.iter().any(|d| d.outcome == "findings") {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

/// One socket per nameserver address, shared by every domain's checks.
#[derive(Default)]
struct Pool(Mutex<HashMap<SocketAddr, Arc<Dns>>>);

impl Pool {
    fn get(&self, addr: SocketAddr) -> Result<Arc<Dns>, String> {
        let mut m = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(d) = m.get(&addr) {
            return Ok(d.clone());
        }
        let d = Arc::new(
            Dns::new(&DnsOptions {
                nameservers: vec![addr],
                timeout: std::time::Duration::from_millis(1500),
                retries: 1,
            })
            .map_err(|e| format!("{e:#}"))?,
        );
        m.insert(addr, d.clone());
        Ok(d)
    }
}

/// The SPF record's terms that cost a DNS lookup, with the domains its includes and redirect
/// name.
fn spf_terms(record: &str) -> (usize, Vec<String>) {
    let mut lookups = 0;
    let mut follow = Vec::new();
    for term in record.split_whitespace().skip(1) {
        let t = term
            .trim_start_matches(['+', '-', '~', '?'])
            .to_ascii_lowercase();
        let (name, arg) = t
            .split_once([':', '='])
            .map_or((t.as_str(), None), |(n, a)| (n, Some(a)));
        let name = name.split('/').next().unwrap_or(name);
        match name {
            "include" | "redirect" => {
                lookups += 1;
                follow.extend(arg.map(str::to_string));
            }
            "a" | "mx" | "ptr" | "exists" => lookups += 1,
            _ => {}
        }
    }
    (lookups, follow)
}

/// The SPF record of `domain` (one `v=spf1` TXT), if any.
async fn spf_of(dns: &Dns, domain: &str) -> Option<String> {
    match dns.txt(&format!("{domain}.")).await {
        Reply::Found(t) => t.into_iter().find(|r| {
            r.eq_ignore_ascii_case("v=spf1") || r.to_ascii_lowercase().starts_with("v=spf1 ")
        }),
        _ => None,
    }
}

/// The DNS lookups evaluating `domain`'s SPF record costs (includes followed, at most 20
/// records read).
async fn spf_lookups(dns: &Dns, record: &str) -> usize {
    let (mut total, mut queue) = spf_terms(record);
    let mut read = 0;
    while let Some(d) = queue.pop() {
        read += 1;
        if read > 20 || total > SPF_LOOKUPS {
            break;
        }
        if let Some(r) = spf_of(dns, &d).await {
            let (n, more) = spf_terms(&r);
            total += n;
            queue.extend(more);
        }
    }
    total
}

/// The data a server serves for one apex set, normalized (or why not).
async fn set_of(d: &Dns, apex: &str, rtype: RecordType) -> Result<BTreeSet<String>, String> {
    let m = d.ask(apex, rtype).await?;
    if m.response_code() != ResponseCode::NoError {
        return Err(format!("answered {}", m.response_code()));
    }
    Ok(m.answers()
        .iter()
        .filter(|r| r.record_type() == rtype)
        .map(|r| zone::data(r.data(), rtype))
        .collect())
}

async fn check_domain(resolver: Arc<Dns>, pool: Arc<Pool>, domain: String) -> DomainCheck {
    let apex = format!("{domain}.");
    let mut findings = Vec::new();
    let unchecked = |why: String| DomainCheck {
        domain: domain.clone(),
        outcome: "unchecked",
        servers: Vec::new(),
        findings: vec![why],
    };
    let names = match resolver.ns(&domain).await {
        Reply::Found(n) if !n.is_empty() => n,
        Reply::Found(_) | Reply::Missing => {
            return unchecked(format!("{domain} has no NS records"))
        }
        Reply::Refused => return unchecked("the resolver refused the NS query".into()),
        Reply::Failed(e) => return unchecked(format!("NS lookup: {e}")),
    };
    let mut servers = Vec::new();
    let mut sets: BTreeMap<String, Vec<(String, BTreeSet<String>)>> = BTreeMap::new();
    for name in names {
        let addrs: Vec<IpAddr> = match resolver.addresses(&name).await {
            Reply::Found(a) => a,
            _ => {
                servers.push(Server {
                    name: name.clone(),
                    address: String::new(),
                    serial: None,
                    state: "unreachable",
                    error: Some(format!("{name} has no address")),
                });
                continue;
            }
        };
        for ip in addrs {
            let addr = SocketAddr::new(ip, 53);
            let mut server = Server {
                name: name.clone(),
                address: ip.to_string(),
                serial: None,
                state: "ok",
                error: None,
            };
            let d = match pool.get(addr) {
                Ok(d) => d,
                Err(e) => {
                    server.state = "unreachable";
                    server.error = Some(e);
                    servers.push(server);
                    continue;
                }
            };
            match d.ask(&apex, RecordType::SOA).await {
                Err(e) => {
                    server.state = "unreachable";
                    server.error = Some(e);
                }
                Ok(m) if !m.authoritative() || m.response_code() != ResponseCode::NoError => {
                    server.state = "lame";
                    server.error = Some(format!(
                        "answers {} without authority for {domain}",
                        m.response_code()
                    ));
                }
                Ok(m) => {
                    server.serial = m.answers().iter().find_map(|r| match r.data() {
                        RData::SOA(s) => Some(s.serial()),
                        _ => None,
                    });
                    for rtype in SETS {
                        match set_of(&d, &apex, rtype).await {
                            Ok(data) => sets
                                .entry(rtype.to_string())
                                .or_default()
                                .push((format!("{name} ({ip})"), data)),
                            Err(e) => findings.push(format!("{name} ({ip}) {rtype}: {e}")),
                        }
                    }
                }
            }
            servers.push(server);
        }
    }
    let good: Vec<&Server> = servers.iter().filter(|s| s.state == "ok").collect();
    if good.is_empty() {
        let mut c = unchecked(format!("no nameserver of {domain} answered with authority"));
        c.servers = servers;
        return c;
    }
    for s in servers.iter().filter(|s| s.state != "ok") {
        findings.push(format!(
            "{} ({}) is {}: {}",
            s.name,
            s.address,
            s.state,
            s.error.as_deref().unwrap_or("")
        ));
    }
    let serials: BTreeSet<Option<u32>> = good.iter().map(|s| s.serial).collect();
    if serials.len() > 1 {
        findings.push(format!(
            "the servers serve different serials: {}",
            good.iter()
                .map(|s| format!(
                    "{} ({}) {}",
                    s.name,
                    s.address,
                    s.serial.map_or_else(|| "-".to_string(), |v| v.to_string())
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    for (rtype, answers) in &sets {
        if answers.iter().any(|(_, d)| d != &answers[0].1) {
            findings.push(format!(
                "{rtype} differs between servers: {}",
                answers
                    .iter()
                    .map(|(s, d)| format!(
                        "{s} [{}]",
                        d.iter().cloned().collect::<Vec<_>>().join(", ")
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
    }
    for c in dnsauth::domain(&resolver, &domain).await {
        if c.status != Status::Pass {
            findings.push(format!("{}: {}", c.name, c.detail));
        }
    }
    if let Reply::Found(hosts) = resolver.mx(&domain).await {
        for h in hosts.iter().filter(|h| !h.is_empty()) {
            if !matches!(resolver.addresses(h).await, Reply::Found(a) if !a.is_empty()) {
                findings.push(format!("MX {h} does not resolve to an address"));
            }
        }
    }
    if let Some(spf) = spf_of(&resolver, &domain).await {
        let n = spf_lookups(&resolver, &spf).await;
        if n > SPF_LOOKUPS {
            findings.push(format!(
                "SPF needs more than {SPF_LOOKUPS} DNS lookups ({n}+): receivers fail it (permerror)"
            ));
        }
        if !spf
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|t| t.ends_with("all") || t.to_ascii_lowercase().starts_with("redirect="))
        {
            findings.push(format!(
                "SPF does not end with an `all` term or redirect: {spf}"
            ));
        }
    }
    DomainCheck {
        outcome: if findings.is_empty() {
            "ok"
        } else {
            "findings"
        },
        domain,
        servers,
        findings,
    }
}

/// Checks every domain, `in_flight` at a time, and journals the outcome.
pub fn check(ctx: &Context, opts: &CheckOptions) -> Result<CheckReport> {
    let mut domains = Vec::new();
    for d in &opts.domains {
        domains.push(super::checked_domain(d)?);
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the DNS runtime")?;
    let progress = ctx.printer.count(domains.len() as u64, "dns checks");
    let mut out: Vec<Option<DomainCheck>> = (0..domains.len()).map(|_| None).collect();
    runtime.block_on(async {
        let resolver = Arc::new(Dns::new(&opts.resolver)?);
        let pool = Arc::new(Pool::default());
        let mut set = JoinSet::new();
        let mut next = 0;
        while next < domains.len() || !set.is_empty() {
            while next < domains.len() && set.len() < opts.in_flight.max(1) {
                let (r, p, d, i) = (resolver.clone(), pool.clone(), domains[next].clone(), next);
                set.spawn(async move { (i, check_domain(r, p, d).await) });
                next += 1;
            }
            if let Some(done) = set.join_next().await {
                let (i, c) = done.context("a domain check stopped")?;
                out[i] = Some(c);
                progress.inc(1);
            }
        }
        anyhow::Ok(())
    })?;
    drop(progress);
    let report = CheckReport {
        domains: out.into_iter().flatten().collect(),
    };
    let count = |o: &str| report.domains.iter().filter(|d| d.outcome == o).count();
    ctx.note(format!(
        "dns check: {} domain(s): {} ok, {} with findings, {} unchecked",
        report.domains.len(),
        count("ok"),
        count("findings"),
        count("unchecked")
    ))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spf_terms_that_cost_lookups_are_counted() {
        let (n, follow) = spf_terms("v=spf1 +a mx ip4:192.0.2.0/24 include:_spf.example.net ~all");
        assert_eq!(n, 3);
        assert_eq!(follow, ["_spf.example.net"]);
        let (n, follow) = spf_terms("v=spf1 a/24 ptr exists:%{i}.x.test redirect=_spf.x.test");
        assert_eq!(n, 4);
        assert_eq!(follow, ["_spf.x.test"]);
    }
}
