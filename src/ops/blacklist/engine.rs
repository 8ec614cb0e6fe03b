//! One zone at a time: its RFC 5782 test points for a family of subjects (is it alive, does
//! it refuse us, does it list the whole world?), and the verdict of one lookup with the TXT
//! reason of a listing. `sweep` drives these over every subject.

use serde::Serialize;

use super::dns::{Dns, Reply};
use super::query::{self, Family, Subject};
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
    /// Whose test points were asked: IPv4 and IPv6 subjects each prove a zone apart.
    pub family: Family,
    pub health: Health,
    pub detail: String,
    /// Queries of this zone that got no usable answer (timeout, SERVFAIL).
    pub unanswered: u64,
    /// Queries not answered before the deadline of the whole check.
    pub cut: u64,
}

/// A zone's health for one family, and the verdict it decides for every subject (None: ask).
pub type Probe = (ZoneHealth, Option<Verdict>);

/// The verdict of one zone on one subject, with the TXT reason of a listing.
pub async fn lookup(dns: &Dns, zone: &Zone, subject: &Subject) -> Verdict {
    let name = query::name(subject, &zone.apex);
    let mut v = verdict::decide(zone, &dns.a(&name).await);
    if let Verdict::Listed { reason, .. } = &mut v {
        if let Reply::Found(txt) = dns.txt(&name).await {
            *reason = Some(txt.join(" | "));
        }
    }
    v
}

/// Queries the zone's test points for `family`. The verdict, when there is one, applies to
/// every subject of that family.
pub async fn health(dns: &Dns, zone: &Zone, family: Family) -> Probe {
    let (listed, unlisted) = zone.test_points(family);
    let (yes_name, no_name) = (
        query::name(&listed, &zone.apex),
        query::name(&unlisted, &zone.apex),
    );
    let (yes, no) = tokio::join!(dns.a(&yes_name), dns.a(&no_name));
    let (yes, no) = (verdict::decide(zone, &yes), verdict::decide(zone, &no));
    let state = |health, detail: String| ZoneHealth {
        zone: zone.name.clone(),
        family,
        health,
        detail,
        unanswered: 0,
        cut: 0,
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
