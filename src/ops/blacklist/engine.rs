//! The lookup engine: first each zone's RFC 5782 test points (is it alive, does it refuse
//! us, does it list the whole world?), then every (subject, zone) query of the healthy zones
//! with a fixed number of queries in flight, and the TXT reason of every listing. Every
//! query ends with a verdict: none is dropped, none is guessed.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use serde::Serialize;
use tokio::task::JoinSet;

use super::dns::{Dns, Reply};
use super::query::{self, Subject};
use super::verdict::{self, Verdict};
use super::zones::Zone;

/// What the test points said about a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// Lists 127.0.0.2 (or TEST), not 127.0.0.1 (or INVALID).
    Ok,
    /// Does not list its must-be-listed test point: the zone is dead or the resolver hides
    /// it, so its "not listed" answers count as unknown; listings still count.
    NoTestPoint,
    /// Lists the must-not-be-listed test point: it lists everything; answers are not counted.
    Broken,
    /// Answered the test points with a refusal: every query would be refused.
    Refused,
    /// No usable answer to the test points (timeout, SERVFAIL); `detail` is the reason alone,
    /// so that zones failing alike (one dead resolver) are reported once.
    Unreachable,
}

#[derive(Clone, Debug, Serialize)]
pub struct ZoneHealth {
    pub zone: String,
    pub health: Health,
    pub detail: String,
}

/// One (subject, zone) pair and how it ended.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub subject: usize,
    pub zone: usize,
    pub verdict: Verdict,
}

/// Checks `subjects` against every zone of their kind.
pub async fn run(
    dns: Arc<Dns>,
    zones: Arc<Vec<Zone>>,
    subjects: Arc<Vec<Subject>>,
    in_flight: usize,
) -> (Vec<ZoneHealth>, Vec<Outcome>) {
    let mut probes = JoinSet::new();
    for i in 0..zones.len() {
        let (dns, zones) = (dns.clone(), zones.clone());
        probes.spawn(async move { (i, health(&dns, &zones[i]).await) });
    }
    let mut healths: Vec<Option<(ZoneHealth, Option<Verdict>)>> = vec![None; zones.len()];
    while let Some(r) = probes.join_next().await {
        let (i, h) = r.expect("a zone probe does not panic");
        healths[i] = Some(h);
    }
    let healths: Vec<(ZoneHealth, Option<Verdict>)> = healths.into_iter().flatten().collect();

    // Pairs whose verdict the zone's health already decides are not queried.
    let mut outcomes = Vec::new();
    let mut jobs = Vec::new();
    for (s, subject) in subjects.iter().enumerate() {
        for (z, zone) in zones.iter().enumerate() {
            if zone.kind != subject.kind() {
                continue;
            }
            match &healths[z].1 {
                Some(v) => outcomes.push(Outcome {
                    subject: s,
                    zone: z,
                    verdict: v.clone(),
                }),
                None => jobs.push((s, z)),
            }
        }
    }
    // A zone that does not list its test point is dead or hidden by the resolver: its
    // NXDOMAIN proves nothing, so "clean" becomes unknown (a listing still counts).
    for mut o in query_all(dns, zones.clone(), subjects, jobs, in_flight).await {
        if o.verdict == Verdict::Clean && healths[o.zone].0.health == Health::NoTestPoint {
            o.verdict = Verdict::Unknown {
                reason: format!(
                    "{} does not list its test point, so its \"not listed\" proves nothing",
                    zones[o.zone].name
                ),
            };
        }
        outcomes.push(o);
    }
    outcomes.sort_by_key(|o| (o.subject, o.zone));
    (healths.into_iter().map(|(h, _)| h).collect(), outcomes)
}

/// Runs `jobs` with at most `in_flight` lookups at a time.
async fn query_all(
    dns: Arc<Dns>,
    zones: Arc<Vec<Zone>>,
    subjects: Arc<Vec<Subject>>,
    jobs: Vec<(usize, usize)>,
    in_flight: usize,
) -> Vec<Outcome> {
    let jobs = Arc::new(jobs);
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = JoinSet::new();
    for _ in 0..in_flight.clamp(1, jobs.len().max(1)) {
        let (dns, zones, subjects, jobs, next) = (
            dns.clone(),
            zones.clone(),
            subjects.clone(),
            jobs.clone(),
            next.clone(),
        );
        workers.spawn(async move {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(s, z)) = jobs.get(i) else { break };
                let verdict = lookup(&dns, &zones[z], &subjects[s]).await;
                done.push(Outcome {
                    subject: s,
                    zone: z,
                    verdict,
                });
            }
            done
        });
    }
    let mut out = Vec::with_capacity(jobs.len());
    while let Some(r) = workers.join_next().await {
        out.extend(r.expect("a lookup worker does not panic"));
    }
    out
}

/// The verdict of one zone on one subject, with the TXT reason of a listing.
async fn lookup(dns: &Dns, zone: &Zone, subject: &Subject) -> Verdict {
    let name = query::name(subject, &zone.apex);
    let mut v = verdict::decide(zone, &dns.a(&name).await);
    if let Verdict::Listed { reason, .. } = &mut v {
        if let Reply::Found(txt) = dns.txt(&name).await {
            *reason = Some(txt.join(" | "));
        }
    }
    v
}

/// Queries the zone's test points. The verdict, when there is one, applies to every subject.
async fn health(dns: &Dns, zone: &Zone) -> (ZoneHealth, Option<Verdict>) {
    let (listed, unlisted) = zone.test_points();
    let (yes_name, no_name) = (
        query::name(&listed, &zone.apex),
        query::name(&unlisted, &zone.apex),
    );
    let (yes, no) = tokio::join!(dns.a(&yes_name), dns.a(&no_name));
    let (yes, no) = (verdict::decide(zone, &yes), verdict::decide(zone, &no));
    let state = |health, detail: String| ZoneHealth {
        zone: zone.name.clone(),
        health,
        detail,
    };
    match (&yes, &no) {
        (_, Verdict::Listed { codes, .. }) => {
            let answers: Vec<String> = codes.iter().map(|c| c.answer.to_string()).collect();
            let detail = format!(
                "lists its must-not-be-listed test point {unlisted} ({}): it answers \"listed\" \
                 for everything, so its answers are not counted; remove it from the zone set",
                answers.join(", ")
            );
            let v = Verdict::Unknown {
                reason: format!("zone is broken: {detail}"),
            };
            (state(Health::Broken, detail), Some(v))
        }
        (_, Verdict::Unknown { reason }) => {
            let v = Verdict::Unknown {
                reason: format!("zone did not answer its test point {unlisted}: {reason}"),
            };
            (state(Health::Unreachable, reason.clone()), Some(v))
        }
        (Verdict::Refused { .. }, _) | (_, Verdict::Refused { .. }) => {
            let r = if matches!(yes, Verdict::Refused { .. }) {
                yes.clone()
            } else {
                no.clone()
            };
            (state(Health::Refused, r.detail()), Some(r))
        }
        (Verdict::Listed { .. }, Verdict::Clean) => (state(Health::Ok, String::new()), None),
        (_, Verdict::Clean) => {
            let said = match &yes {
                Verdict::Unknown { reason } => reason.clone(),
                _ => "not listed".to_string(),
            };
            let detail = format!(
                "does not list its test point {listed} ({said}): the zone is dead, or the \
                 resolver hides it (use your own resolver, --nameserver IP); its \"not listed\" \
                 answers count as unknown"
            );
            (state(Health::NoTestPoint, detail), None)
        }
    }
}
