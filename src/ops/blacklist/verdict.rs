//! From a zone's answer to exactly one verdict: listed, clean, refused or unknown. The rules
//! live here, apart from DNS, so that they can be read and tested on their own:
//! an error answer is a refusal (never a listing), a timeout is unknown (never clean), and
//! an answer outside 127.0.0.0/8 is unknown (a resolver rewriting NXDOMAIN, not a listing).

use std::net::Ipv4Addr;

use serde::Serialize;

use super::dns::Reply;
use super::zones::{Reading, Zone};

/// One answer code of a listing and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Code {
    pub answer: Ipv4Addr,
    pub meaning: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    Listed {
        codes: Vec<Code>,
        /// The zone's TXT record at the same name, when it has one.
        reason: Option<String>,
        delist: Option<String>,
    },
    Clean,
    Refused {
        answer: String,
        meaning: String,
        advice: String,
    },
    Unknown {
        reason: String,
    },
}

impl Verdict {
    pub fn word(&self) -> &'static str {
        match self {
            Verdict::Listed { .. } => "listed",
            Verdict::Clean => "clean",
            Verdict::Refused { .. } => "refused",
            Verdict::Unknown { .. } => "unknown",
        }
    }

    /// Order for reports: listings first.
    pub fn rank(&self) -> u8 {
        match self {
            Verdict::Listed { .. } => 0,
            Verdict::Refused { .. } => 1,
            Verdict::Unknown { .. } => 2,
            Verdict::Clean => 3,
        }
    }

    /// One line of detail for a table cell.
    pub fn detail(&self) -> String {
        match self {
            Verdict::Listed { codes, reason, .. } => {
                let codes: Vec<String> = codes
                    .iter()
                    .map(|c| format!("{} {}", c.answer, c.meaning))
                    .collect();
                match reason {
                    Some(r) => format!("{}: {r}", codes.join("; ")),
                    None => codes.join("; "),
                }
            }
            Verdict::Clean => String::new(),
            Verdict::Refused {
                answer,
                meaning,
                advice,
            } => format!("{answer} {meaning}: {advice}"),
            Verdict::Unknown { reason } => reason.clone(),
        }
    }
}

/// The verdict of `zone` on the A record reply for one query (TXT is added by the engine).
pub fn decide(zone: &Zone, reply: &Reply<Ipv4Addr>) -> Verdict {
    let answers = match reply {
        Reply::Missing => return Verdict::Clean,
        Reply::Failed(e) => return Verdict::Unknown { reason: e.clone() },
        Reply::Refused => {
            return Verdict::Refused {
                answer: "REFUSED".into(),
                meaning: "the nameserver does not answer for this zone".into(),
                advice: format!(
                    "use a nameserver that resolves {} (--nameserver IP)",
                    zone.name
                ),
            }
        }
        Reply::Found(a) => a,
    };
    let readings: Vec<(Ipv4Addr, Reading)> = answers.iter().map(|a| (*a, zone.read(*a))).collect();
    if let Some((a, Reading::Refusal(meaning))) = readings
        .iter()
        .find(|(_, r)| matches!(r, Reading::Refusal(_)))
    {
        return Verdict::Refused {
            answer: a.to_string(),
            meaning: meaning.clone(),
            advice: zone.advice(),
        };
    }
    if let Some((a, _)) = readings.iter().find(|(_, r)| *r == Reading::Foreign) {
        return Verdict::Unknown {
            reason: format!(
                "answer {a} is outside 127.0.0.0/8, so not a blocklist answer: the resolver \
                 rewrites NXDOMAIN; use one that does not (--nameserver IP)"
            ),
        };
    }
    let codes = readings
        .into_iter()
        .filter_map(|(answer, r)| match r {
            Reading::Listed(meaning) => Some(Code { answer, meaning }),
            _ => None,
        })
        .collect();
    Verdict::Listed {
        codes,
        reason: None,
        delist: zone.delist.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::blacklist::zones;

    fn zen() -> Zone {
        zones::builtin()
            .into_iter()
            .find(|z| z.name == "zen.spamhaus.org")
            .unwrap()
    }

    fn found(a: &[&str]) -> Reply<Ipv4Addr> {
        Reply::Found(a.iter().map(|s| s.parse().unwrap()).collect())
    }

    #[test]
    fn nxdomain_is_clean_and_a_timeout_is_never_clean() {
        assert_eq!(decide(&zen(), &Reply::Missing), Verdict::Clean);
        let v = decide(&zen(), &Reply::Failed("no answer within 2000 ms".into()));
        assert_eq!(v.word(), "unknown");
    }

    #[test]
    fn listing_carries_codes_and_the_delisting_url() {
        let v = decide(&zen(), &found(&["127.0.0.2", "127.0.0.4"]));
        let Verdict::Listed { codes, delist, .. } = v else {
            panic!("{v:?}")
        };
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[0].meaning, "SBL (Spamhaus block list)");
        assert_eq!(delist.as_deref(), Some("https://check.spamhaus.org/"));
    }

    #[test]
    fn an_error_answer_is_a_refusal_even_beside_a_code() {
        let v = decide(&zen(), &found(&["127.0.0.2", "127.255.255.254"]));
        let Verdict::Refused { advice, .. } = &v else {
            panic!("{v:?}")
        };
        assert!(advice.contains("DQS"), "{advice}");
    }

    #[test]
    fn answers_outside_loopback_are_unknown() {
        let v = decide(&zen(), &found(&["192.0.2.80"]));
        assert_eq!(v.word(), "unknown", "{v:?}");
    }

    #[test]
    fn a_refused_rcode_is_not_a_listing() {
        assert_eq!(decide(&zen(), &Reply::Refused).word(), "refused");
    }
}
