//! Joins a mail log's lines into messages (arrival, every delivery attempt, deferrals,
//! bounces, freeze, completion, the bounce message each caused) and gives each message one
//! verdict; a refusal during the SMTP conversation is a message of its own.

use std::collections::HashMap;

use serde::Serialize;

use super::event::{Event, Line};
use super::retry::Pending;
use super::words;
use super::{eximlog, postfixlog};

/// What became of a message (or of one of its recipients), worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Refused during the SMTP conversation: the sender saw the error at once.
    Rejected,
    /// Held in the queue until someone acts (usually an undeliverable bounce).
    Frozen,
    /// Failed for good: a bounce went back to the sender.
    Bounced,
    /// Failed for now: exim retries.
    Deferred,
    /// In the queue, no attempt logged yet.
    Queued,
    /// Accepted and thrown away by a filter, an ACL or a rate limit.
    Discarded,
    Delivered,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Rejected => "rejected",
            Verdict::Frozen => "frozen",
            Verdict::Bounced => "bounced",
            Verdict::Deferred => "deferred",
            Verdict::Queued => "queued",
            Verdict::Discarded => "discarded",
            Verdict::Delivered => "delivered",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Recipient {
    pub address: String,
    /// What exim redirected it to (a pipe, a file, another address), when it says so.
    pub target: Option<String>,
    pub verdict: Verdict,
    /// The remote's or the local delivery's reply, or the failure's text, as logged.
    pub detail: Option<String>,
    /// `detail` in plain words, when a known cause matches.
    pub cause: Option<String>,
    /// Where it went: `router/transport` and the remote host.
    pub route: Option<String>,
    pub host: Option<String>,
    /// When this recipient's last line was written (server time).
    pub time: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Message {
    /// The exim message ID; none for a refusal during the SMTP conversation.
    pub id: Option<String>,
    /// The first line's time (server time, `YYYY-MM-DD HH:MM:SS`).
    pub time: String,
    pub sender: Option<String>,
    pub subject: Option<String>,
    /// How it came in: `A=` (SMTP AUTH login), `U=` (local user) or `H=` (sending host).
    pub origin: Option<String>,
    pub verdict: Verdict,
    /// One sentence: why, in plain words, with the log's own text.
    pub reason: String,
    pub recipients: Vec<Recipient>,
    /// The message this one is the bounce of.
    pub bounce_of: Option<String>,
    /// The bounce message(s) this one caused.
    pub bounces: Vec<String>,
    /// Its log lines, in log order.
    pub lines: Vec<String>,
    /// A deferred message: what the queue says of it now (in it or not, the next retry).
    pub pending: Option<Pending>,
}

/// The messages of exim main log `text` (lines of several files may be concatenated, oldest
/// first), in order of their first line.
pub fn exim(text: &str) -> Vec<Message> {
    messages(text, eximlog::parse)
}

/// The same for a postfix mail log.
pub fn postfix(text: &str) -> Vec<Message> {
    messages(text, postfixlog::parse)
}

fn messages(text: &str, parse: fn(&str) -> Option<Line>) -> Vec<Message> {
    let mut order: Vec<Message> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut frozen: HashMap<String, Option<String>> = HashMap::new();
    let mut completed: HashMap<String, bool> = HashMap::new();
    for raw in text.lines() {
        let Some(line) = parse(raw) else {
            continue;
        };
        let Some(id) = line.id.clone() else {
            if let Some(m) = rejected(&line, raw) {
                order.push(m);
            }
            continue;
        };
        let i = *index.entry(id.clone()).or_insert_with(|| {
            let mut m = new_message(&id, &line.time);
            m.bounce_of = order
                .iter()
                .find(|p| p.bounces.contains(&id))
                .and_then(|p| p.id.clone());
            order.push(m);
            order.len() - 1
        });
        order[i].lines.push(raw.to_string());
        apply(&mut order[i], &line, &mut frozen, &mut completed);
        match &line.event {
            Event::Arrival {
                parent: Some(p), ..
            } => {
                if let Some(&pi) = index.get(p) {
                    order[pi].bounces.push(id.clone());
                }
            }
            // postfix names the notification on its parent, before or after its arrival.
            Event::Notified { child } => {
                order[i].bounces.push(child.clone());
                if let Some(&ci) = index.get(child) {
                    order[ci].bounce_of = Some(id.clone());
                }
            }
            _ => {}
        }
    }
    for m in &mut order {
        if let Some(id) = &m.id {
            let done = completed.get(id).copied().unwrap_or(false);
            let freeze = frozen.get(id).cloned().flatten();
            conclude(m, done, freeze);
        }
    }
    order
}

fn new_message(id: &str, time: &str) -> Message {
    Message {
        id: Some(id.to_string()),
        time: time.to_string(),
        sender: None,
        subject: None,
        origin: None,
        verdict: Verdict::Queued,
        reason: String::new(),
        recipients: Vec::new(),
        bounce_of: None,
        bounces: Vec::new(),
        lines: Vec::new(),
        pending: None,
    }
}

fn rejected(line: &Line, raw: &str) -> Option<Message> {
    let Event::Rejected {
        stage,
        sender,
        rcpt,
        host,
        reason,
    } = &line.event
    else {
        return None;
    };
    let plain = words::cause(reason);
    Some(Message {
        id: None,
        time: line.time.clone(),
        sender: sender.clone(),
        subject: None,
        origin: host.clone(),
        verdict: Verdict::Rejected,
        reason: format!(
            "refused at {stage} during the SMTP conversation: {}{reason}",
            plain.map(|p| format!("{p}: ")).unwrap_or_default()
        ),
        recipients: rcpt
            .iter()
            .map(|r| Recipient {
                address: r.clone(),
                target: None,
                verdict: Verdict::Rejected,
                detail: Some(reason.clone()),
                cause: plain.map(String::from),
                route: None,
                host: None,
                time: line.time.clone(),
            })
            .collect(),
        bounce_of: None,
        bounces: Vec::new(),
        lines: vec![raw.to_string()],
        pending: None,
    })
}

/// The recipient `address` (redirected to `target`): the one already seen, else the one the
/// arrival listed without a target, else a new one.
fn recipient<'a>(
    m: &'a mut Message,
    address: &str,
    target: &Option<String>,
    time: &str,
) -> &'a mut Recipient {
    let same = |r: &Recipient| r.address.eq_ignore_ascii_case(address);
    let found = m
        .recipients
        .iter()
        .position(|r| same(r) && r.target == *target)
        .or_else(|| {
            m.recipients
                .iter()
                .position(|r| same(r) && r.target.is_none() && r.verdict == Verdict::Queued)
        });
    let i = match found {
        Some(i) => i,
        None => {
            m.recipients.push(Recipient {
                address: address.to_string(),
                target: None,
                verdict: Verdict::Queued,
                detail: None,
                cause: None,
                route: None,
                host: None,
                time: time.to_string(),
            });
            m.recipients.len() - 1
        }
    };
    let r = &mut m.recipients[i];
    r.time = time.to_string();
    r.target = target.clone();
    r
}

fn apply(
    m: &mut Message,
    line: &Line,
    frozen: &mut HashMap<String, Option<String>>,
    completed: &mut HashMap<String, bool>,
) {
    let id = m.id.clone().unwrap_or_default();
    match &line.event {
        Event::Arrival {
            sender,
            parent,
            subject,
            recipients,
            auth,
            user,
            host,
        } => {
            m.sender = Some(sender.clone());
            m.subject = subject.clone();
            if parent.is_some() {
                m.bounce_of = parent.clone();
            }
            m.origin = auth
                .as_ref()
                .map(|a| format!("A={a}"))
                .or_else(|| user.as_ref().map(|u| format!("U={u}")))
                .or_else(|| host.as_ref().map(|h| format!("H={h}")));
            for r in recipients {
                recipient(m, r, &None, &line.time);
            }
        }
        Event::Delivered {
            rcpt,
            target,
            router,
            transport,
            host,
            reply,
        } => {
            let r = recipient(m, rcpt, target, &line.time);
            r.verdict = Verdict::Delivered;
            r.detail = reply.clone();
            r.cause = None;
            r.route = route(router, transport);
            r.host = host.clone();
        }
        Event::Deferred {
            rcpt,
            target,
            reason,
        }
        | Event::Bounced {
            rcpt,
            target,
            reason,
        } => {
            let bounced = matches!(line.event, Event::Bounced { .. });
            let r = recipient(m, rcpt, target, &line.time);
            r.verdict = if bounced {
                Verdict::Bounced
            } else {
                Verdict::Deferred
            };
            r.cause = words::cause(reason).map(String::from);
            r.detail = Some(reason.clone());
        }
        Event::Discarded { reason } => {
            let time = line.time.clone();
            let plain = words::cause(reason).map(String::from);
            for r in m.recipients.iter_mut() {
                r.verdict = Verdict::Discarded;
                r.detail = Some(reason.clone());
                r.cause = plain.clone();
                r.time = time.clone();
            }
            if m.recipients.is_empty() {
                m.recipients.push(Recipient {
                    address: String::new(),
                    target: None,
                    verdict: Verdict::Discarded,
                    detail: Some(reason.clone()),
                    cause: plain,
                    route: None,
                    host: None,
                    time,
                });
            }
        }
        Event::Frozen { reason } => {
            frozen.insert(id, Some(reason.clone()));
        }
        Event::Unfrozen => {
            frozen.remove(&id);
        }
        Event::Completed => {
            completed.insert(id, true);
        }
        Event::Rejected { rcpt, reason, .. } => {
            let r = recipient(m, rcpt.as_deref().unwrap_or(""), &None, &line.time);
            r.verdict = Verdict::Rejected;
            r.cause = words::cause(reason).map(String::from);
            r.detail = Some(reason.clone());
        }
        Event::Notified { .. } | Event::Other => {}
    }
}

fn route(router: &Option<String>, transport: &Option<String>) -> Option<String> {
    match (router, transport) {
        (Some(r), Some(t)) => Some(format!("{r}/{t}")),
        (Some(r), None) => Some(r.clone()),
        (None, Some(t)) => Some(format!("/{t}")),
        (None, None) => None,
    }
}

/// The message's verdict: frozen if it is frozen and not completed, else its worst recipient's.
fn conclude(m: &mut Message, completed: bool, frozen: Option<String>) {
    if let (Some(why), false) = (frozen, completed) {
        m.verdict = Verdict::Frozen;
        let last = m.recipients.iter().find(|r| r.detail.is_some());
        m.reason = format!(
            "frozen in the queue ({why}){}",
            last.map(|r| format!(": {} {}", r.address, describe(r).unwrap_or_default()))
                .unwrap_or_default()
        );
        return;
    }
    let Some(worst) = m.recipients.iter().min_by_key(|r| r.verdict) else {
        m.verdict = Verdict::Queued;
        m.reason = "arrived; no delivery attempt in the log".to_string();
        return;
    };
    m.verdict = if !completed && worst.verdict == Verdict::Delivered {
        Verdict::Queued
    } else {
        worst.verdict
    };
    let rcpt = match (&worst.address, &worst.target) {
        (a, _) if a.is_empty() => String::new(),
        (a, Some(t)) => format!("{a} ({t}): "),
        (a, None) => format!("{a}: "),
    };
    m.reason = match (m.verdict, describe(worst)) {
        (Verdict::Queued, _) if worst.verdict == Verdict::Delivered => {
            "partly delivered; still in the queue".to_string()
        }
        (Verdict::Queued, _) => "arrived; no delivery attempt in the log".to_string(),
        (v, Some(d)) => format!("{}{rcpt}{d}", lead(v)),
        (v, None) => format!("{}{rcpt}", lead(v))
            .trim_end_matches(": ")
            .to_string(),
    };
}

fn lead(v: Verdict) -> &'static str {
    match v {
        Verdict::Delivered => "delivered to ",
        Verdict::Bounced => "bounced, ",
        Verdict::Deferred => "deferred (exim retries), ",
        Verdict::Discarded => "discarded, ",
        Verdict::Rejected => "refused during the SMTP conversation, ",
        _ => "",
    }
}

/// `cause: detail` (or the detail alone), with the route and host of a delivery.
fn describe(r: &Recipient) -> Option<String> {
    let detail = r.detail.as_deref()?;
    Some(match (&r.cause, r.verdict) {
        (_, Verdict::Delivered) => format!(
            "via {}{}: {detail}",
            r.route.as_deref().unwrap_or("-"),
            r.host
                .as_deref()
                .map(|h| format!(" at {h}"))
                .unwrap_or_default()
        ),
        (Some(c), _) => format!("{c}: {detail}"),
        (None, _) => detail.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTFIX_REAL: &str = include_str!("../../../tests/fixtures/real/postfix-trace.log");

    const LAB: &str = "\
2026-12-03 11:08:49 1xZ4gD-0005mC-0z <= sales@beta.example U=root P=local S=3287 T=\"big\" for full@alpha.example
2026-12-03 11:08:49 1xZ4gD-0005mC-0z ** full@alpha.example R=virtual_user T=dovecot_virtual_delivery: LMTP error after end of data: 552 5.2.2 <full@alpha.example> Quota exceeded (mailbox for user is full)
2026-12-03 11:08:49 1xZ4gD-0005mM-1j <= <> R=1xZ4gD-0005mC-0z U=Debian-exim P=local S=1658 T=\"Mail delivery failed: returning message to sender\" for sales@beta.example
2026-12-03 11:08:49 1xZ4gD-0005mM-1j => sales@beta.example R=lab_remote T=remote_smtp H=127.43.62.2 [127.43.62.2] C=\"250 OK id=1xZ4gD-0005mR-1q\"
2026-12-03 11:08:49 1xZ4gD-0005mM-1j Completed
2026-12-03 11:08:49 1xZ4gD-0005mC-0z Completed
2026-12-03 11:08:49 1xZ4gD-0005mY-2A <= info@alpha.example U=root P=local S=294 T=\"dead\" for someone@dead.example
2026-12-03 11:08:49 1xZ4gD-0005mY-2A H=127.43.62.250 [127.43.62.250] Connection refused
2026-12-03 11:08:49 1xZ4gD-0005mY-2A == someone@dead.example R=lab_remote T=remote_smtp defer (111): Connection refused
2026-12-03 11:08:50 1xZ4gE-0005nD-0T <= <> R=1xZ4gE-0005n9-0F U=Debian-exim P=local S=1522 T=\"Mail delivery failed: returning message to sender\" for ghost@nowhere.invalid
2026-12-03 11:08:50 1xZ4gE-0005nD-0T ** ghost@nowhere.invalid R=fail_remote_domains: Unrouteable address
2026-12-03 11:08:50 1xZ4gE-0005nD-0T Frozen (delivery error message)
2026-12-03 11:08:49 H=(h1.lab) [127.43.62.1] F=<info@alpha.example> rejected RCPT <nosuch@beta.example>: Unrouteable address
";

    #[test]
    fn one_verdict_per_message() {
        let ms = exim(LAB);
        let v: Vec<(Option<&str>, Verdict)> =
            ms.iter().map(|m| (m.id.as_deref(), m.verdict)).collect();
        assert_eq!(
            v,
            [
                (Some("1xZ4gD-0005mC-0z"), Verdict::Bounced),
                (Some("1xZ4gD-0005mM-1j"), Verdict::Delivered),
                (Some("1xZ4gD-0005mY-2A"), Verdict::Deferred),
                (Some("1xZ4gE-0005nD-0T"), Verdict::Frozen),
                (None, Verdict::Rejected),
            ]
        );
        assert!(ms[0].reason.contains("mailbox full"), "{}", ms[0].reason);
        assert_eq!(ms[0].bounces, ["1xZ4gD-0005mM-1j"]);
        assert_eq!(ms[1].bounce_of.as_deref(), Some("1xZ4gD-0005mC-0z"));
        assert!(ms[1].reason.contains("250 OK"), "{}", ms[1].reason);
        assert!(ms[2].reason.contains("port 25 closed"), "{}", ms[2].reason);
        assert!(ms[3]
            .reason
            .starts_with("frozen in the queue (delivery error message)"));
        assert_eq!(ms[4].recipients[0].address, "nosuch@beta.example");
        assert_eq!(ms[4].sender.as_deref(), Some("info@alpha.example"));
    }

    #[test]
    fn real_messages_joined() {
        let ms = postfix(POSTFIX_REAL);
        let v: Vec<(Option<&str>, Verdict)> =
            ms.iter().map(|m| (m.id.as_deref(), m.verdict)).collect();
        assert_eq!(
            v,
            [
                (Some("F1DB8DF04EF"), Verdict::Delivered),
                (Some("718F4DF04E9"), Verdict::Bounced),
                (Some("D69F5DF04F4"), Verdict::Deferred),
                (Some("4E15ADF04FA"), Verdict::Rejected),
                (None, Verdict::Rejected),
                (None, Verdict::Rejected),
            ]
        );
        assert_eq!(ms[1].bounces, ["D69F5DF04F4"]);
        assert_eq!(ms[2].bounce_of.as_deref(), Some("718F4DF04E9"));
        assert_eq!(
            ms[1].recipients[0].cause.as_deref(),
            Some("unknown recipient")
        );
    }
}
