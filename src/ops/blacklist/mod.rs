//! Blacklist checks: which of our addresses and domains are on DNS blocklists, decided
//! correctly (refusals, timeouts and dead zones are never taken for listed or clean), and
//! what around a listing matters (FCrDNS; MX, SPF, DMARC).
//!
//! `zones` (the lists and their codes) -> `query` (names) -> `dns` (lookups) -> `verdict`
//! (one answer, one verdict) -> `engine` (test points, concurrency, TXT); `targets` and
//! `host` turn arguments into subjects; `dnsauth` adds the checks around a listing;
//! `investigate` finds the sender on the server.

pub mod dns;
pub mod dnsauth;
pub mod engine;
pub mod host;
pub mod investigate;
pub mod query;
pub mod targets;
pub mod verdict;
pub mod zones;

use std::collections::HashSet;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::fanout;
use dns::{Dns, DnsOptions};
use dnsauth::Check;
use engine::ZoneHealth;
use query::Subject;
use targets::Spec;
use verdict::Verdict;
use zones::Zone;

pub struct CheckOptions {
    pub targets: Vec<String>,
    pub zones: Vec<Zone>,
    pub dns: DnsOptions,
    pub in_flight: usize,
    pub max_addresses: usize,
}

/// One zone's verdict on one target.
#[derive(Clone, Debug, Serialize)]
pub struct ZoneResult {
    pub zone: String,
    #[serde(flatten)]
    pub verdict: Verdict,
}

#[derive(Clone, Debug, Serialize)]
pub struct TargetReport {
    /// The address or domain checked.
    pub target: String,
    /// Where it came from when not given directly: an inventory host or a CIDR block.
    pub origin: Option<String>,
    /// Listings first.
    pub results: Vec<ZoneResult>,
    /// FCrDNS for an address, MX/SPF/DMARC for a domain (not for addresses of a block).
    pub checks: Vec<Check>,
}

impl TargetReport {
    /// The worst verdict rank of this target (0 = listed).
    pub fn rank(&self) -> u8 {
        self.results
            .iter()
            .map(|r| r.verdict.rank())
            .min()
            .unwrap_or(u8::MAX)
    }
}

/// A host whose targets could not be collected.
#[derive(Clone, Debug, Serialize)]
pub struct HostError {
    pub host: String,
    pub error: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub targets: usize,
    pub zones: usize,
    pub listed: usize,
    pub clean: usize,
    pub refused: usize,
    pub unknown: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Targets with a listing first, then refused or unknown ones, then clean ones.
    pub targets: Vec<TargetReport>,
    pub zones: Vec<ZoneHealth>,
    pub host_errors: Vec<HostError>,
    /// Targets no zone of the set applies to (a domain with only ip zones selected).
    pub unchecked: Vec<String>,
    pub summary: Summary,
}

impl Report {
    /// 0 clean, 1 listed, 3 could not check (a refusal, an unknown, an unreachable host, a
    /// target no zone applies to).
    pub fn exit_status(&self) -> ExitStatus {
        let s = &self.summary;
        if s.listed > 0 {
            ExitStatus::Failure
        } else if s.refused + s.unknown > 0
            || !self.host_errors.is_empty()
            || !self.unchecked.is_empty()
        {
            ExitStatus::Connection
        } else {
            ExitStatus::Success
        }
    }

    /// One line for the journal: counts and every listing (the first 20).
    pub fn journal_line(&self) -> String {
        let s = &self.summary;
        let mut line = format!(
            "blacklist check: {} target(s) x {} zone(s): {} listed, {} refused, {} unknown, {} clean",
            s.targets, s.zones, s.listed, s.refused, s.unknown, s.clean
        );
        let listings: Vec<String> = self
            .targets
            .iter()
            .flat_map(|t| {
                t.results
                    .iter()
                    .filter(|r| r.verdict.rank() == 0)
                    .map(move |r| format!("{} in {} ({})", t.target, r.zone, r.verdict.detail()))
            })
            .collect();
        if !listings.is_empty() {
            line.push_str("; listed: ");
            line.push_str(&listings[..listings.len().min(20)].join("; "));
            if listings.len() > 20 {
                line.push_str(&format!("; and {} more", listings.len() - 20));
            }
        }
        if !self.host_errors.is_empty() {
            let hosts: Vec<&str> = self.host_errors.iter().map(|e| e.host.as_str()).collect();
            line.push_str(&format!("; hosts not reached: {}", hosts.join(", ")));
        }
        line
    }
}

/// A subject to check and where it came from.
struct Target {
    subject: Subject,
    origin: Option<String>,
    /// FCrDNS or MX/SPF/DMARC too (not for each address of a block).
    auth: bool,
}

/// Turns TARGET arguments into subjects; inventory hosts are asked over SSH.
fn expand(ctx: &Context, opts: &CheckOptions) -> Result<(Vec<Target>, Vec<HostError>)> {
    let inventory = ctx.inventory()?;
    let specs = opts
        .targets
        .iter()
        .map(|a| {
            let is_host = |n: &str| inventory.get(n).is_some();
            match targets::url_host(a) {
                Some(host) => {
                    let spec = targets::parse(host, is_host)?;
                    ctx.printer
                        .warn(format!("a URL was given: checking its host {host}"));
                    Ok(spec)
                }
                None => targets::parse(a, is_host),
            }
        })
        .collect::<Result<Vec<Spec>, _>>()?;
    // Usage errors before any host is contacted.
    for spec in &specs {
        if let Spec::Block(net) = spec {
            targets::check_size(net, opts.max_addresses)?;
        }
    }
    let hosts: Vec<_> = specs
        .iter()
        .filter_map(|s| match s {
            Spec::Host(n) => inventory.get(n).cloned(),
            _ => None,
        })
        .collect();
    let collected = fanout::for_each(&hosts, 20, |h| {
        ctx.connect(h)
            .and_then(|t| host::collect(&*t))
            .map_err(|e| e.to_string())
    });
    let mut collected = hosts.iter().map(|h| h.name.clone()).zip(collected);
    let mut out: Vec<Target> = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashSet<Subject> = HashSet::new();
    let mut push = |out: &mut Vec<Target>, t: Target| {
        if seen.insert(t.subject.clone()) {
            out.push(t);
        }
    };
    for spec in specs {
        match spec {
            Spec::Address(ip) => push(&mut out, direct(Subject::Ip(ip))),
            Spec::Domain(d) => push(&mut out, direct(Subject::Domain(d))),
            Spec::Block(net) => {
                for ip in targets::expand(&net, opts.max_addresses)? {
                    push(
                        &mut out,
                        Target {
                            subject: Subject::Ip(ip),
                            origin: Some(net.to_string()),
                            auth: false,
                        },
                    );
                }
            }
            Spec::Host(_) => {
                let (name, found) = collected.next().expect("one collection per host");
                match found {
                    Ok(h) if h.addresses.is_empty() && h.domains.is_empty() => {
                        errors.push(HostError {
                            host: name,
                            error: "no public address and no mail domain found".into(),
                        })
                    }
                    Ok(h) => {
                        let subjects = h
                            .addresses
                            .into_iter()
                            .map(Subject::Ip)
                            .chain(h.domains.into_iter().map(Subject::Domain));
                        for subject in subjects {
                            push(
                                &mut out,
                                Target {
                                    subject,
                                    origin: Some(name.clone()),
                                    auth: true,
                                },
                            );
                        }
                    }
                    Err(error) => errors.push(HostError { host: name, error }),
                }
            }
        }
    }
    Ok((out, errors))
}

fn direct(subject: Subject) -> Target {
    Target {
        subject,
        origin: None,
        auth: true,
    }
}

/// Checks every target against every zone of its kind.
pub fn check(ctx: &Context, opts: &CheckOptions) -> Result<Report> {
    let (targets, host_errors) = expand(ctx, opts)?;
    let unchecked: Vec<String> = targets
        .iter()
        .filter(|t| !opts.zones.iter().any(|z| z.kind == t.subject.kind()))
        .map(|t| t.subject.to_string())
        .collect();
    if !targets.is_empty() && unchecked.len() == targets.len() {
        return Err(StatusError::usage(format!(
            "no zone of the set applies to {}: addresses need `ip` zones and domains `domain` \
             zones; change --zone or --zones",
            unchecked.join(", ")
        ))
        .into());
    }
    let subjects: Arc<Vec<Subject>> = Arc::new(targets.iter().map(|t| t.subject.clone()).collect());
    let zones = Arc::new(opts.zones.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the DNS runtime")?;
    let (healths, outcomes, checks) = runtime.block_on(async {
        let dns = Arc::new(Dns::new(&opts.dns)?);
        let auth = targets.iter().map(|t| {
            let dns = dns.clone();
            let (subject, wanted) = (t.subject.clone(), t.auth);
            async move {
                match (wanted, subject) {
                    (false, _) => Vec::new(),
                    (true, Subject::Ip(ip)) => vec![dnsauth::fcrdns(&dns, ip).await],
                    (true, Subject::Domain(d)) => dnsauth::domain(&dns, &d).await,
                }
            }
        });
        let auth = tokio::spawn(join_all(auth.collect()));
        let (healths, outcomes) =
            engine::run(dns, zones.clone(), subjects.clone(), opts.in_flight).await;
        let checks = auth
            .await
            .context("the FCrDNS/MX/SPF/DMARC checks failed")?;
        anyhow::Ok((healths, outcomes, checks))
    })?;
    Ok(report(
        &targets,
        &zones,
        healths,
        outcomes,
        checks,
        host_errors,
        unchecked,
    ))
}

/// Runs futures concurrently, results in order.
async fn join_all<F>(futures: Vec<F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let mut set = tokio::task::JoinSet::new();
    for (i, f) in futures.into_iter().enumerate() {
        set.spawn(async move { (i, f.await) });
    }
    let mut out: Vec<Option<F::Output>> = (0..set.len()).map(|_| None).collect();
    while let Some(r) = set.join_next().await {
        let (i, v) = r.expect("a DNS check does not panic");
        out[i] = Some(v);
    }
    out.into_iter().flatten().collect()
}

fn report(
    targets: &[Target],
    zones: &[Zone],
    healths: Vec<ZoneHealth>,
    outcomes: Vec<engine::Outcome>,
    checks: Vec<Vec<Check>>,
    host_errors: Vec<HostError>,
    unchecked: Vec<String>,
) -> Report {
    let mut reports: Vec<TargetReport> = targets
        .iter()
        .zip(checks)
        .map(|(t, checks)| TargetReport {
            target: t.subject.to_string(),
            origin: t.origin.clone(),
            results: Vec::new(),
            checks,
        })
        .collect();
    let mut summary = Summary {
        targets: targets.len(),
        zones: zones.len(),
        ..Summary::default()
    };
    for o in outcomes {
        match o.verdict {
            Verdict::Listed { .. } => summary.listed += 1,
            Verdict::Clean => summary.clean += 1,
            Verdict::Refused { .. } => summary.refused += 1,
            Verdict::Unknown { .. } => summary.unknown += 1,
        }
        reports[o.subject].results.push(ZoneResult {
            zone: zones[o.zone].name.clone(),
            verdict: o.verdict,
        });
    }
    for r in &mut reports {
        r.results.sort_by_key(|z| z.verdict.rank());
    }
    reports.sort_by_key(TargetReport::rank);
    Report {
        targets: reports,
        zones: healths,
        host_errors,
        unchecked,
        summary,
    }
}
