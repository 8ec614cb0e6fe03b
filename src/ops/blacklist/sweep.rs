//! Drives a check's lookups: the zones' test points first, then every (subject, zone) lookup.
//! Subjects are pulled one at a time from a stream, so a /16 is never held in memory; at most
//! `in_flight` lookups run at once; and the whole check ends at a deadline. Every pair ends
//! with exactly one verdict: one not answered by the deadline is unknown, and counted
//! against its zone so that the report can name the slow zones.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::Instant;

use super::dns::Dns;
use super::engine::{self, Health, Probe, ZoneHealth};
use super::query::{Family, Subject};
use super::verdict::Verdict;
use super::zones::Zone;
use crate::output::Task;

/// The zones and what their test points decided, per (zone, family).
pub struct Plan {
    pub zones: Arc<Vec<Zone>>,
    pub probes: Vec<Probe>,
    index: HashMap<(usize, Family), usize>,
    deadline: Instant,
    total: Duration,
}

impl Plan {
    /// Asks every zone's test points for each family in `families` that it applies to. A
    /// probe not answered by the deadline leaves its zone unreachable.
    pub async fn probe(
        dns: &Arc<Dns>,
        zones: Arc<Vec<Zone>>,
        families: &[Family],
        deadline: Duration,
    ) -> Plan {
        let total = deadline;
        let deadline = Instant::now() + deadline;
        let pairs: Vec<(usize, Family)> = (0..zones.len())
            .flat_map(|z| families.iter().map(move |f| (z, *f)))
            .filter(|(z, f)| zones[*z].kind == f.kind())
            .collect();
        let mut set = JoinSet::new();
        for (i, &(z, f)) in pairs.iter().enumerate() {
            let (dns, zones) = (dns.clone(), zones.clone());
            set.spawn(async move { (i, engine::health(&dns, &zones[z], f).await) });
        }
        let mut probes: Vec<Option<Probe>> = vec![None; pairs.len()];
        while let Ok(Some(r)) = tokio::time::timeout_at(deadline, set.join_next()).await {
            let (i, probe) = r.expect("a zone probe does not panic");
            probes[i] = Some(probe);
        }
        set.abort_all();
        let probes = pairs
            .iter()
            .zip(probes)
            .map(|(&(z, family), p)| {
                p.unwrap_or_else(|| {
                    let reason = cut_reason(total);
                    let health = ZoneHealth {
                        zone: zones[z].name.clone(),
                        family,
                        health: Health::Unreachable,
                        detail: reason.clone(),
                        unanswered: 0,
                        cut: 0,
                    };
                    (health, Some(Verdict::Unknown { reason }))
                })
            })
            .collect();
        Plan {
            index: pairs.iter().enumerate().map(|(i, p)| (*p, i)).collect(),
            zones,
            probes,
            deadline,
            total,
        }
    }

    /// The probes of the zones that apply to `subject`, in zone order.
    fn probes_for(&self, subject: &Subject) -> Vec<(usize, usize)> {
        let family = subject.family();
        (0..self.zones.len())
            .filter_map(|z| self.index.get(&(z, family)).map(|p| (z, *p)))
            .collect()
    }

    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// Why a lookup cut by the deadline is unknown.
    pub fn cut_reason(&self) -> String {
        cut_reason(self.total)
    }
}

fn cut_reason(total: Duration) -> String {
    format!(
        "no answer before the deadline of the whole check ({} s, --deadline)",
        total.as_secs()
    )
}

/// One subject with the verdict of every zone that applies to it, in zone order.
pub struct Finished {
    /// Which TARGET argument it came from.
    pub slot: usize,
    pub subject: Subject,
    pub verdicts: Verdicts,
}

/// A subject whose lookups are running.
struct Pending {
    slot: usize,
    subject: Subject,
    verdicts: Verdicts,
    asked: Vec<(usize, usize)>,
    /// Lookups not answered yet.
    waiting: usize,
}

/// Checks every subject of `subjects` against its zones, calling `done` for each as it
/// finishes (in no particular order).
pub async fn run(
    dns: Arc<Dns>,
    plan: &mut Plan,
    mut subjects: impl Iterator<Item = (usize, Subject)>,
    in_flight: usize,
    progress: &Task,
    mut done: impl FnMut(Finished),
) {
    let in_flight = in_flight.max(1);
    let mut set: JoinSet<(u64, usize, usize, Verdict)> = JoinSet::new();
    let mut pending: HashMap<u64, Pending> = HashMap::new();
    let mut queue: VecDeque<(u64, usize, usize)> = VecDeque::new();
    let mut next_id = 0u64;
    let mut cut = false;
    let deadline = tokio::time::sleep_until(plan.deadline());
    tokio::pin!(deadline);
    loop {
        while set.len() < in_flight {
            if let Some((id, z, p)) = queue.pop_front() {
                let (dns, zones) = (dns.clone(), plan.zones.clone());
                let subject = pending[&id].subject.clone();
                set.spawn(
                    async move { (id, z, p, engine::lookup(&dns, &zones[z], &subject).await) },
                );
                continue;
            }
            let Some((slot, subject)) = subjects.next() else {
                break;
            };
            let (verdicts, asked) = admit(plan, &subject, progress);
            if asked.is_empty() {
                done(Finished {
                    slot,
                    subject,
                    verdicts,
                });
                continue;
            }
            queue.extend(asked.iter().map(|&(z, p)| (next_id, z, p)));
            pending.insert(
                next_id,
                Pending {
                    slot,
                    subject,
                    verdicts,
                    waiting: asked.len(),
                    asked,
                },
            );
            next_id += 1;
        }
        if set.is_empty() {
            break;
        }
        tokio::select! {
            r = set.join_next() => {
                let (id, z, p, verdict) = r
                    .expect("the set is not empty")
                    .expect("a lookup does not panic");
                let verdict = settle(plan, p, verdict);
                progress.inc(1);
                let entry = pending.get_mut(&id).expect("a pending subject");
                entry.verdicts.push((z, verdict));
                entry.waiting -= 1;
                if entry.waiting == 0 {
                    let entry = pending.remove(&id).expect("a pending subject");
                    done(finish(entry));
                }
            }
            _ = &mut deadline => {
                cut = true;
                set.abort_all();
                break;
            }
        }
    }
    if !cut {
        return;
    }
    // The deadline passed: every lookup not answered is unknown, counted against its zone.
    let reason = plan.cut_reason();
    let mut left: Vec<Pending> = pending.into_values().collect();
    left.sort_by_key(|p| p.slot);
    for mut p in left {
        for &(z, probe) in &p.asked {
            if !p.verdicts.iter().any(|(vz, _)| *vz == z) {
                plan.probes[probe].0.cut += 1;
                progress.inc(1);
                p.verdicts.push((
                    z,
                    Verdict::Unknown {
                        reason: reason.clone(),
                    },
                ));
            }
        }
        done(finish(p));
    }
    for (slot, subject) in subjects {
        let (mut verdicts, asked) = admit(plan, &subject, progress);
        for (z, probe) in asked {
            plan.probes[probe].0.cut += 1;
            progress.inc(1);
            verdicts.push((
                z,
                Verdict::Unknown {
                    reason: reason.clone(),
                },
            ));
        }
        done(finish(Pending {
            slot,
            subject,
            verdicts,
            asked: Vec::new(),
            waiting: 0,
        }));
    }
}

/// Verdicts by zone index.
type Verdicts = Vec<(usize, Verdict)>;

/// The verdicts the test points already decided for `subject`, and the (zone, probe) pairs
/// to ask.
fn admit(plan: &Plan, subject: &Subject, progress: &Task) -> (Verdicts, Vec<(usize, usize)>) {
    let mut verdicts = Vec::new();
    let mut asked = Vec::new();
    for (z, p) in plan.probes_for(subject) {
        match &plan.probes[p].1 {
            Some(v) => {
                progress.inc(1);
                verdicts.push((z, v.clone()));
            }
            None => asked.push((z, p)),
        }
    }
    (verdicts, asked)
}

/// A lookup's verdict in the light of its zone's health: a zone that does not list its test
/// point is dead or hidden by the resolver, so its "not listed" proves nothing (a listing
/// still counts). A lookup without a usable answer counts against the zone.
fn settle(plan: &mut Plan, probe: usize, verdict: Verdict) -> Verdict {
    let health = &mut plan.probes[probe].0;
    match verdict {
        Verdict::Clean if health.health == Health::NoTestPoint => Verdict::Unknown {
            reason: format!(
                "{} does not list its test point, so its \"not listed\" proves nothing",
                health.zone
            ),
        },
        Verdict::Unknown { reason } => {
            health.unanswered += 1;
            Verdict::Unknown { reason }
        }
        v => v,
    }
}

fn finish(mut p: Pending) -> Finished {
    p.verdicts.sort_by_key(|(z, _)| *z);
    Finished {
        slot: p.slot,
        subject: p.subject,
        verdicts: p.verdicts,
    }
}
