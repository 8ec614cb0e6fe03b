//! Blacklist checks: which of our addresses and domains are on DNS blocklists, decided
//! correctly (refusals, timeouts and dead zones are never taken for listed or clean), and
//! what around a listing matters (FCrDNS; MX, SPF, DMARC).
//!
//! `zones` (the lists and their codes) -> `query` (names) -> `dns` (lookups) -> `verdict`
//! (one answer, one verdict) -> `engine` (test points, one lookup with its TXT) -> `sweep`
//! (every subject, streamed, bounded in flight, under a deadline); `targets` and `host` turn
//! arguments into subjects; `dnsauth` adds the checks around a listing; `investigate` finds
//! the sender on the server. Addresses of a CIDR block are streamed and summed up: their
//! listings are kept, the rest is counted.

pub mod dns;
pub mod dnsauth;
pub mod engine;
pub mod host;
pub mod investigate;
pub mod query;
pub mod sweep;
pub mod targets;
pub mod verdict;
pub mod zones;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::context::Context;
use crate::exit::StatusError;
use crate::ops::fanout;
use dns::{Dns, DnsOptions};
use dnsauth::Check;
use engine::ZoneHealth;
use host::{HostRow, Outcome};
use ipnet::IpNet;
use query::{Family, Subject};
use targets::Spec;
use verdict::Verdict;
use zones::Zone;

pub struct CheckOptions {
    pub targets: Vec<String>,
    pub zones: Vec<Zone>,
    pub dns: DnsOptions,
    pub in_flight: usize,
    pub max_addresses: usize,
    /// The whole check ends after this; what is not answered by then is unknown.
    pub deadline: Duration,
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

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub targets: usize,
    pub zones: usize,
    pub listed: usize,
    pub clean: usize,
    pub refused: usize,
    pub unknown: usize,
}

/// The addresses of a CIDR block, summed up: each listed address is a target of its own
/// (origin: the block), the other verdicts are counted per zone.
#[derive(Clone, Debug, Serialize)]
pub struct BlockReport {
    pub block: String,
    pub addresses: u64,
    /// Addresses clean in every zone.
    pub clean_addresses: u64,
    /// Refused and unknown verdicts per zone, with the detail of the first one.
    pub counts: Vec<BlockCount>,
}

#[derive(Clone, Debug, Serialize)]
pub struct BlockCount {
    pub zone: String,
    pub verdict: &'static str,
    pub addresses: u64,
    pub detail: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Targets with a listing first, then refused or unknown ones, then clean ones; from a
    /// CIDR block, only the listed addresses.
    pub targets: Vec<TargetReport>,
    pub blocks: Vec<BlockReport>,
    pub zones: Vec<ZoneHealth>,
    /// Every inventory host given, with its outcome (targets read, or why not).
    pub hosts: Vec<HostRow>,
    /// Targets no zone of the set applies to (a domain with only ip zones selected).
    pub unchecked: Vec<String>,
    pub summary: Summary,
}

impl Report {
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
        let missed: Vec<&str> = self.missed_hosts().map(|h| h.host.as_str()).collect();
        if !missed.is_empty() {
            line.push_str(&format!("; hosts not reached: {}", missed.join(", ")));
        }
        line
    }

    /// The inventory hosts whose targets could not be read.
    pub fn missed_hosts(&self) -> impl Iterator<Item = &HostRow> {
        self.hosts.iter().filter(|h| h.outcome != Outcome::Ok)
    }
}

/// A subject to check and where it came from.
struct Target {
    subject: Subject,
    origin: Option<String>,
    /// FCrDNS or MX/SPF/DMARC too (not for each address of a block).
    auth: bool,
}

/// What one TARGET argument (or one of a host's subjects) gives: one subject, or a block
/// whose addresses are streamed, never collected.
enum Source {
    One(Target),
    Block(IpNet),
}

/// Turns TARGET arguments into sources; inventory hosts are asked over SSH.
fn expand(ctx: &Context, opts: &CheckOptions) -> Result<(Vec<Source>, Vec<HostRow>)> {
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
        ctx.connect(h).and_then(|t| host::collect(&*t))
    });
    let mut collected = hosts.iter().map(|h| h.name.clone()).zip(collected);
    let mut out: Vec<Source> = Vec::new();
    let mut rows = Vec::new();
    let mut seen: HashSet<Subject> = HashSet::new();
    let mut push = |out: &mut Vec<Source>, t: Target| {
        if seen.insert(t.subject.clone()) {
            out.push(Source::One(t));
        }
    };
    for spec in specs {
        match spec {
            Spec::Address(ip) => push(&mut out, direct(Subject::Ip(ip))),
            Spec::Domain(d) => push(&mut out, direct(Subject::Domain(d))),
            Spec::Block(net) => {
                if !out
                    .iter()
                    .any(|s| matches!(s, Source::Block(b) if *b == net))
                {
                    out.push(Source::Block(net));
                }
            }
            Spec::Host(_) => {
                let (name, found) = collected.next().expect("one collection per host");
                rows.push(HostRow::of(&name, &found));
                if let Ok(h) = found {
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
            }
        }
    }
    Ok((out, rows))
}

fn direct(subject: Subject) -> Target {
    Target {
        subject,
        origin: None,
        auth: true,
    }
}

/// Every subject of `sources`, with the index of its source. An address of a block is left
/// out when it is also given on its own or in an earlier block (it is checked once).
fn subjects(sources: &[Source]) -> impl Iterator<Item = (usize, Subject)> + '_ {
    sources.iter().enumerate().flat_map(move |(i, source)| {
        let items: Box<dyn Iterator<Item = (usize, Subject)>> = match source {
            Source::One(t) => Box::new(std::iter::once((i, t.subject.clone()))),
            Source::Block(net) => Box::new(
                targets::addresses(net)
                    .filter(move |ip| {
                        !sources[..i].iter().any(|s| match s {
                            Source::Block(b) => b.contains(ip),
                            Source::One(_) => false,
                        }) && !sources
                            .iter()
                            .any(|s| matches!(s, Source::One(t) if t.subject == Subject::Ip(*ip)))
                    })
                    .map(move |ip| (i, Subject::Ip(ip))),
            ),
        };
        items
    })
}

/// The families of test points the sources need.
fn families(sources: &[Source]) -> Vec<Family> {
    let mut out: Vec<Family> = sources
        .iter()
        .map(|s| match s {
            Source::One(t) => t.subject.family(),
            Source::Block(IpNet::V4(_)) => Family::Ipv4,
            Source::Block(IpNet::V6(_)) => Family::Ipv6,
        })
        .collect();
    out.sort_by_key(|f| *f as u8);
    out.dedup();
    out
}

/// Checks every target against every zone of its kind, and journals the verdicts.
pub fn check(ctx: &Context, opts: &CheckOptions) -> Result<Report> {
    let report = sweep_all(ctx, opts)?;
    ctx.note(report.journal_line())?;
    Ok(report)
}

fn sweep_all(ctx: &Context, opts: &CheckOptions) -> Result<Report> {
    let (sources, hosts) = expand(ctx, opts)?;
    let applies = |s: &Source| {
        let kind = match s {
            Source::One(t) => t.subject.kind(),
            Source::Block(_) => query::ZoneKind::Ip,
        };
        opts.zones.iter().any(|z| z.kind == kind)
    };
    let unchecked: Vec<String> = sources
        .iter()
        .filter(|s| !applies(s))
        .map(|s| match s {
            Source::One(t) => t.subject.to_string(),
            Source::Block(net) => net.to_string(),
        })
        .collect();
    if !sources.is_empty() && unchecked.len() == sources.len() {
        return Err(StatusError::usage(format!(
            "no zone of the set applies to {}: addresses need `ip` zones and domains `domain` \
             zones; change --zone or --zones",
            unchecked.join(", ")
        ))
        .into());
    }
    let pairs: u64 = sources
        .iter()
        .filter(|s| applies(s))
        .map(|s| {
            let (kind, n) = match s {
                Source::One(t) => (t.subject.kind(), 1),
                Source::Block(net) => (query::ZoneKind::Ip, targets::size(net)),
            };
            n * opts.zones.iter().filter(|z| z.kind == kind).count() as u64
        })
        .sum();
    let progress = ctx.printer.count(pairs, "blacklist lookups");
    let zones = Arc::new(opts.zones.clone());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the DNS runtime")?;
    let mut tally = Tally::new(&sources, &zones, hosts, unchecked);
    runtime.block_on(async {
        let dns = Arc::new(Dns::new(&opts.dns)?);
        let started = tokio::time::Instant::now();
        let auth: Vec<_> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Source::One(t) if t.auth => Some((i, t.subject.clone())),
                _ => None,
            })
            .map(|(i, subject)| {
                let dns = dns.clone();
                let task = tokio::spawn(async move {
                    match &subject {
                        Subject::Ip(ip) => vec![dnsauth::fcrdns(&dns, *ip).await],
                        Subject::Domain(d) => dnsauth::domain(&dns, d).await,
                    }
                });
                (i, task)
            })
            .collect();
        let mut plan =
            sweep::Plan::probe(&dns, zones.clone(), &families(&sources), opts.deadline).await;
        sweep::run(
            dns.clone(),
            &mut plan,
            subjects(&sources).filter(|(i, _)| applies(&sources[*i])),
            opts.in_flight,
            &progress,
            |f| tally.add(f),
        )
        .await;
        drop(progress);
        for (i, mut task) in auth {
            let checks = match tokio::time::timeout_at(started + opts.deadline, &mut task).await {
                Ok(r) => r.context("the FCrDNS/MX/SPF/DMARC checks failed")?,
                Err(_) => {
                    task.abort();
                    dnsauth::cut(&sources_subject(&sources[i]), &plan.cut_reason())
                }
            };
            tally.checks(i, checks);
        }
        tally.zones = plan.probes.into_iter().map(|(h, _)| h).collect();
        anyhow::Ok(())
    })?;
    Ok(tally.report())
}

fn sources_subject(source: &Source) -> Subject {
    match source {
        Source::One(t) => t.subject.clone(),
        Source::Block(net) => Subject::Ip(net.network()),
    }
}

/// What is kept of the results while they stream in.
enum Kept {
    One(TargetReport),
    Block {
        report: BlockReport,
        /// (zone, verdict word) -> index in `report.counts`.
        index: HashMap<(usize, &'static str), usize>,
    },
}

struct Tally {
    kept: Vec<Kept>,
    /// Listed addresses of blocks.
    listed: Vec<TargetReport>,
    zone_names: Vec<String>,
    zones: Vec<ZoneHealth>,
    hosts: Vec<HostRow>,
    unchecked: Vec<String>,
    summary: Summary,
}

impl Tally {
    fn new(
        sources: &[Source],
        zones: &[Zone],
        hosts: Vec<HostRow>,
        unchecked: Vec<String>,
    ) -> Tally {
        let kept = sources
            .iter()
            .map(|s| match s {
                Source::One(t) => Kept::One(TargetReport {
                    target: t.subject.to_string(),
                    origin: t.origin.clone(),
                    results: Vec::new(),
                    checks: Vec::new(),
                }),
                Source::Block(net) => Kept::Block {
                    report: BlockReport {
                        block: net.to_string(),
                        addresses: 0,
                        clean_addresses: 0,
                        counts: Vec::new(),
                    },
                    index: HashMap::new(),
                },
            })
            .collect();
        Tally {
            kept,
            listed: Vec::new(),
            zone_names: zones.iter().map(|z| z.name.clone()).collect(),
            zones: Vec::new(),
            hosts,
            unchecked,
            summary: Summary {
                zones: zones.len(),
                ..Summary::default()
            },
        }
    }

    fn add(&mut self, f: sweep::Finished) {
        let s = &mut self.summary;
        s.targets += 1;
        for (_, v) in &f.verdicts {
            match v {
                Verdict::Listed { .. } => s.listed += 1,
                Verdict::Clean => s.clean += 1,
                Verdict::Refused { .. } => s.refused += 1,
                Verdict::Unknown { .. } => s.unknown += 1,
            }
        }
        let names = &self.zone_names;
        let result = |z: usize, verdict: Verdict| ZoneResult {
            zone: names[z].clone(),
            verdict,
        };
        match &mut self.kept[f.slot] {
            Kept::One(report) => {
                report.results = f.verdicts.into_iter().map(|(z, v)| result(z, v)).collect();
                report.results.sort_by_key(|r| r.verdict.rank());
            }
            Kept::Block { report, index } => {
                report.addresses += 1;
                if f.verdicts.iter().all(|(_, v)| *v == Verdict::Clean) {
                    report.clean_addresses += 1;
                }
                let mut listings = Vec::new();
                for (z, v) in f.verdicts {
                    match v {
                        Verdict::Clean => {}
                        Verdict::Listed { .. } => listings.push(result(z, v)),
                        v => {
                            let i = *index.entry((z, v.word())).or_insert_with(|| {
                                report.counts.push(BlockCount {
                                    zone: names[z].clone(),
                                    verdict: v.word(),
                                    addresses: 0,
                                    detail: v.detail(),
                                });
                                report.counts.len() - 1
                            });
                            report.counts[i].addresses += 1;
                        }
                    }
                }
                if !listings.is_empty() {
                    self.listed.push(TargetReport {
                        target: f.subject.to_string(),
                        origin: Some(report.block.clone()),
                        results: listings,
                        checks: Vec::new(),
                    });
                }
            }
        }
    }

    fn checks(&mut self, slot: usize, checks: Vec<Check>) {
        if let Kept::One(report) = &mut self.kept[slot] {
            report.checks = checks;
        }
    }

    fn report(self) -> Report {
        let mut targets = Vec::new();
        let mut blocks = Vec::new();
        for k in self.kept {
            match k {
                Kept::One(r) => targets.push(r),
                Kept::Block { report, .. } => blocks.push(report),
            }
        }
        targets.extend(self.listed);
        targets.sort_by_key(TargetReport::rank);
        Report {
            targets,
            blocks,
            zones: self.zones,
            hosts: self.hosts,
            unchecked: self.unchecked,
            summary: self.summary,
        }
    }
}
