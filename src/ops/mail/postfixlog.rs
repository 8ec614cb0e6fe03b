//! One postfix log line (`/var/log/maillog`, `/var/log/mail.log`) as a typed event: its
//! time, its queue ID and what happened (qmgr's `from=`, smtp/lmtp/local's `to=...,
//! status=sent|deferred|bounced|expired (...)`, a non-delivery notification, `removed`, an
//! smtpd `reject:`).

use super::event::{Event, Line};

/// Parses one line; `None` when it is not a postfix daemon's line.
pub fn parse(line: &str) -> Option<Line> {
    // `STAMP HOST postfix[/SERVICE]/DAEMON[PID]: TEXT`; the stamp is syslog's
    // (`Jul 10 10:09:21`) or RFC 3339 (`2026-05-12T00:01:47.478629+00:00`).
    let colon = line.find("]: ")?;
    let head = &line[..colon];
    let open = head.rfind('[')?;
    let words: Vec<&str> = head[..open].split(' ').filter(|w| !w.is_empty()).collect();
    let program = words.last()?;
    if !program.contains("postfix") && !program.contains('/') {
        return None;
    }
    let daemon = program.rsplit('/').next().unwrap_or(program);
    let stamp_words = if words.first()?.contains('T') { 1 } else { 3 };
    let time = words.get(..stamp_words)?.join(" ");
    let text = &line[colon + 3..];
    if let Some(rest) = text.strip_prefix("NOQUEUE: ") {
        return Some(Line {
            time,
            id: None,
            event: reject(rest).unwrap_or(Event::Other),
        });
    }
    let (qid, rest) = text.split_once(": ")?;
    if !is_queue_id(qid) {
        return Some(Line {
            time,
            id: None,
            event: Event::Other,
        });
    }
    Some(Line {
        time,
        id: Some(qid.to_string()),
        event: event(daemon, rest),
    })
}

fn event(daemon: &str, rest: &str) -> Event {
    if rest == "removed" {
        return Event::Completed;
    }
    if let Some(child) = rest.strip_prefix("sender non-delivery notification: ") {
        return Event::Notified {
            child: child.trim().to_string(),
        };
    }
    if let Some(r) = reject(rest) {
        return r;
    }
    if daemon == "qmgr" {
        if let Some(from) = field(rest, "from=<", '>') {
            return Event::Arrival {
                sender: if from.is_empty() {
                    "<>".to_string()
                } else {
                    from.to_string()
                },
                parent: None,
                subject: None,
                recipients: Vec::new(),
                auth: None,
                user: None,
                host: None,
            };
        }
    }
    let (Some(to), Some(status)) = (field(rest, "to=<", '>'), field(rest, "status=", ' ')) else {
        return Event::Other;
    };
    let rcpt = field(rest, "orig_to=<", '>').unwrap_or(to).to_string();
    let target = field(rest, "orig_to=<", '>').map(|_| to.to_string());
    let text = rest
        .split_once(&format!("status={status} ("))
        .map(|(_, t)| t.strip_suffix(')').unwrap_or(t))
        .unwrap_or("")
        .to_string();
    match status {
        "sent" => Event::Delivered {
            rcpt,
            target,
            router: None,
            transport: Some(daemon.to_string()),
            host: field(rest, "relay=", ',').map(String::from),
            reply: Some(text),
        },
        "deferred" => Event::Deferred {
            rcpt,
            target,
            reason: text,
        },
        "bounced" | "expired" => Event::Bounced {
            rcpt,
            target,
            reason: text,
        },
        _ => Event::Other,
    }
}

/// `reject: STAGE from HOST[IP]: CODE TEXT; from=<S> to=<R> proto=... helo=<...>`.
fn reject(rest: &str) -> Option<Event> {
    let rest = rest.strip_prefix("reject: ")?;
    let (stage, rest) = rest.split_once(" from ")?;
    let (host, rest) = rest.split_once(": ")?;
    let reason = rest.rsplit_once("; from=<").map_or(rest, |(r, _)| r);
    Some(Event::Rejected {
        stage: stage.to_string(),
        sender: field(rest, "; from=<", '>').map(String::from),
        rcpt: field(rest, " to=<", '>').map(String::from),
        host: Some(host.to_string()),
        reason: reason.to_string(),
    })
}

/// A postfix queue ID: short (hex, `F1DB8DF04EF`) or long (`enable_long_queue_ids`, 12 or
/// more letters and digits with at least one digit).
pub fn is_queue_id(s: &str) -> bool {
    let short = s.len() >= 6
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b));
    let long = s.len() >= 12
        && s.bytes().all(|b| b.is_ascii_alphanumeric())
        && s.bytes().any(|b| b.is_ascii_digit());
    short || long
}

/// The text after `key` up to `end` (or the line's end).
fn field<'a>(s: &'a str, key: &str, end: char) -> Option<&'a str> {
    let start = s.find(key)? + key.len();
    let rest = &s[start..];
    Some(&rest[..rest.find(end).unwrap_or(rest.len())])
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = include_str!("../../../tests/fixtures/real/postfix-trace.log");

    #[test]
    fn real_lines() {
        let lines: Vec<Line> = REAL.lines().filter_map(parse).collect();
        assert_eq!(lines[0].time, "Jul 10 10:09:18");
        assert_eq!(lines[0].id.as_deref(), Some("F1DB8DF04EF"));
        let Event::Arrival { sender, .. } = &lines[2].event else {
            panic!("{:?}", lines[2])
        };
        assert_eq!(sender, "oksana_b@kubometr-samara.ru");
        let Event::Delivered {
            rcpt, host, reply, ..
        } = &lines[3].event
        else {
            panic!()
        };
        assert_eq!(rcpt, "ninachekmeneva@mail.ru");
        assert_eq!(host.as_deref(), Some("mxs.mail.ru[94.100.176.20]:25"));
        assert_eq!(reply.as_deref(), Some("250 OK id=1SoTcu-0003aF-80"));
        let Some(Event::Rejected {
            sender,
            rcpt,
            reason,
            ..
        }) = lines.last().map(|l| l.event.clone())
        else {
            panic!()
        };
        assert_eq!(sender.as_deref(), Some("badactor@example.com"));
        assert_eq!(rcpt.as_deref(), Some("goodguy@example.com"));
        assert!(
            reason.starts_with("450 4.7.1 Client host rejected"),
            "{reason}"
        );
    }
}
