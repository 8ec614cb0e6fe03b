//! One exim main log line (`exim_mainlog`, `mainlog`) as a typed event: its time, its
//! message ID (16 characters before exim 4.97, 23 after) and what happened (arrival,
//! delivery, deferral, bounce, discard, freeze, completion, an SMTP rejection).

pub use super::event::{Event, Line};

/// True for an exim message ID: `[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}` (the
/// 6-6-2 form before 4.97, 6-11-4 after).
pub fn is_id(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let alnum = |p: &str| p.bytes().all(|b| b.is_ascii_alphanumeric());
    matches!(parts.as_slice(), [a, b, c]
        if a.len() == 6 && (6..=11).contains(&b.len()) && (2..=4).contains(&c.len())
            && alnum(a) && alnum(b) && alnum(c))
}

/// Parses one line; `None` for a line that is not an exim log line (a continuation, garbage).
pub fn parse(line: &str) -> Option<Line> {
    let (date, rest) = line.split_once(' ')?;
    let (time, mut rest) = rest.split_once(' ')?;
    if date.len() != 10 || !date.as_bytes()[4].eq(&b'-') || time.len() < 8 {
        return None;
    }
    let stamp = format!("{date} {}", &time[..8]);
    // Optional parts that log_selector adds: `+0100` (log_timezone), `[PID]` (+pid).
    for optional in [
        |w: &str| (w.starts_with('+') || w.starts_with('-')) && w.len() == 5,
        |w: &str| w.starts_with('[') && w.ends_with(']'),
    ] {
        if let Some((w, r)) = rest.split_once(' ') {
            if optional(w) && w[1..w.len() - 1].bytes().all(|b| b.is_ascii_digit()) {
                rest = r;
            }
        }
    }
    let (id, body) = match rest.split_once(' ') {
        Some((w, r)) if is_id(w) => (Some(w.to_string()), r),
        _ if is_id(rest) => (Some(rest.to_string()), ""),
        _ => (None, rest),
    };
    let event = match &id {
        Some(_) => message_event(body),
        None => rejection(body).unwrap_or(Event::Other),
    };
    Some(Line {
        time: stamp,
        id,
        event,
    })
}

fn message_event(body: &str) -> Event {
    let (marker, rest) = body.split_once(' ').unwrap_or((body, ""));
    match marker {
        "<=" => arrival(rest),
        "=>" | "->" => delivery(rest),
        "==" => {
            let (rcpt, target, _, tail) = recipient_fields(rest);
            let reason = tail
                .strip_prefix("defer (")
                .and_then(|t| t.split_once("): ").map(|(_, r)| r))
                .unwrap_or(tail);
            Event::Deferred {
                rcpt,
                target,
                reason: reason.to_string(),
            }
        }
        "**" => {
            let (rcpt, target, _, reason) = recipient_fields(rest);
            Event::Bounced {
                rcpt,
                target,
                reason: reason.to_string(),
            }
        }
        "Completed" => Event::Completed,
        "Frozen" => Event::Frozen {
            reason: rest
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(')')
                .to_string(),
        },
        "Unfrozen" => Event::Unfrozen,
        _ => rejection(body).unwrap_or(Event::Other),
    }
}

fn arrival(rest: &str) -> Event {
    let (sender, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let fields = Fields::parse(after);
    Event::Arrival {
        sender: sender.to_string(),
        parent: fields.get("R").filter(|v| is_id(v)),
        subject: fields.get("T"),
        recipients: fields
            .tail
            .strip_prefix("for ")
            .map(|r| r.split_whitespace().map(String::from).collect())
            .unwrap_or_default(),
        auth: fields.get("A"),
        user: fields.get("U"),
        host: fields.get("H"),
    }
}

fn delivery(rest: &str) -> Event {
    if let Some(why) = rest.strip_prefix("blackhole (") {
        let reason = why.split_once("): ").map_or("", |(_, r)| r);
        return Event::Discarded {
            reason: reason.to_string(),
        };
    }
    if rest.starts_with(":blackhole:") {
        return Event::Discarded {
            reason: "a filter or alias sent it to :blackhole:".to_string(),
        };
    }
    let (rcpt, target, fields, _) = recipient_fields(rest);
    Event::Delivered {
        rcpt,
        target,
        router: fields.get("R"),
        transport: fields.get("T"),
        host: fields.get("H"),
        reply: fields.get("C"),
    }
}

/// `TARGET [(PARENT)] [<ORIGINAL>] KEY=VALUE...[:] TAIL` of a delivery, deferral or bounce:
/// the recipient as the sender addressed it (`ORIGINAL` when exim names both), what it was
/// redirected to (`TARGET`, unless it is only the original's local part), the fields, and the
/// text after the first field or word that ends with `:` (the reason).
fn recipient_fields(rest: &str) -> (String, Option<String>, Fields<'_>, &str) {
    let (first, mut after) = rest.split_once(' ').unwrap_or((rest, ""));
    if let Some(stripped) = first.strip_suffix(':') {
        return (stripped.to_string(), None, Fields::default(), after);
    }
    if after.starts_with('(') {
        after = after.split_once(") ").map_or("", |(_, r)| r);
    }
    let mut rcpt = first.to_string();
    let mut target = None;
    if let Some(orig) = after.strip_prefix('<') {
        if let Some((o, r)) = orig.split_once('>') {
            if !o.eq_ignore_ascii_case(first)
                && !o
                    .to_ascii_lowercase()
                    .starts_with(&format!("{}@", first.to_ascii_lowercase()))
            {
                target = Some(first.to_string());
            }
            rcpt = o.to_string();
            after = r.trim_start();
        }
    }
    let fields = Fields::parse(after);
    let tail = fields.tail;
    (rcpt, target, fields, tail)
}

/// `H=... F=<sender> rejected RCPT <rcpt>: reason` and its MAIL/DATA/connection siblings.
fn rejection(body: &str) -> Option<Event> {
    let at = if body.starts_with("rejected ") {
        0
    } else {
        body.find(" rejected ")?
    };
    let (head, tail) = body.split_at(at);
    let tail = tail.trim_start().strip_prefix("rejected ")?;
    let (stage_text, reason) = tail.split_once(": ").unwrap_or((tail, ""));
    let (stage, rcpt) = match stage_text.split_once(' ') {
        Some((s, r)) => (
            s,
            Some(r.trim_matches(|c| c == '<' || c == '>').to_string()),
        ),
        None => (stage_text, None),
    };
    let fields = Fields::parse(head);
    Some(Event::Rejected {
        stage: stage.to_string(),
        sender: fields
            .get("F")
            .map(|f| f.trim_matches(|c| c == '<' || c == '>').to_string()),
        rcpt: rcpt.filter(|r| !r.is_empty()),
        host: fields.get("H"),
        reason: reason.to_string(),
    })
}

/// `KEY=VALUE` words as exim writes them: a value is a word, a quoted string (`T="..."`,
/// `C="..."`, backslash escapes) or, for `H=`, the host up to its `[address]` (and port).
/// Parsing stops at the first word that is not a field, or after a value ending in `:`;
/// what follows is `tail`.
#[derive(Default)]
struct Fields<'a> {
    pairs: Vec<(&'a str, String)>,
    tail: &'a str,
}

impl<'a> Fields<'a> {
    fn parse(mut s: &'a str) -> Fields<'a> {
        let mut pairs = Vec::new();
        loop {
            s = s.trim_start();
            let Some(eq) = s.find('=') else { break };
            let key = &s[..eq];
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
                break;
            }
            let rest = &s[eq + 1..];
            let (value, after) = if let Some(q) = rest.strip_prefix('"') {
                quoted(q)
            } else if key == "H" {
                host_value(rest)
            } else {
                let end = rest.find(' ').unwrap_or(rest.len());
                (rest[..end].to_string(), &rest[end..])
            };
            let ends_colon = value.ends_with(':') || after.starts_with(':');
            let value = value.trim_end_matches(':').to_string();
            pairs.push((key, value));
            s = after.strip_prefix(':').unwrap_or(after);
            if ends_colon {
                s = s.trim_start();
                break;
            }
        }
        Fields { pairs, tail: s }
    }

    fn get(&self, key: &str) -> Option<String> {
        self.pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }
}

/// A `"..."` value (the opening quote already taken): the unescaped text and what follows.
fn quoted(s: &str) -> (String, &str) {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, n)) = chars.next() {
                    out.push(n);
                }
            }
            '"' => return (out, &s[i + 1..]),
            c => out.push(c),
        }
    }
    (out, "")
}

/// `H=name (helo) [ip]:port`, `H=[ip]`, `H=(helo) [ip]`: up to the `]` and its port.
fn host_value(s: &str) -> (String, &str) {
    let Some(close) = s.find(']') else {
        let end = s.find(' ').unwrap_or(s.len());
        return (s[..end].to_string(), &s[end..]);
    };
    let mut end = close + 1;
    if s[end..].starts_with(':') {
        let digits = s[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            end += 1 + digits;
        }
    }
    (s[..end].to_string(), &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const REAL: &str = include_str!("../../../tests/fixtures/real/exim_mainlog.log");

    #[test]
    fn both_id_formats() {
        assert!(is_id("1xZ4gD-0005mC-0z"));
        assert!(is_id("1r6Bwm-000000002h3-2n4V"));
        assert!(!is_id("1r6Bwm-0000-2n4V0"));
        assert!(!is_id("dovecot_login"));
    }

    #[test]
    fn real_cpanel_lines() {
        let lines: Vec<Line> = REAL.lines().filter_map(parse).collect();
        let first = &lines[0];
        assert_eq!(first.id.as_deref(), Some("1jb6B3-0004MN-Dq"));
        let Event::Arrival { sender, auth, .. } = &first.event else {
            panic!("{first:?}")
        };
        assert_eq!(sender, "bounce@togas-shop.ru");
        assert_eq!(auth.as_deref(), Some("dovecot_login:news@togas-shop.ru"));
        let Event::Arrival {
            subject,
            recipients,
            ..
        } = &lines[1].event
        else {
            panic!()
        };
        assert_eq!(subject.as_deref(), Some("Exigrep demonstration"));
        assert_eq!(recipients, &["test2@example.com"]);
        assert_eq!(
            lines[2].event,
            Event::Delivered {
                rcpt: "test2@example.com".into(),
                target: None,
                router: Some("virtual_user".into()),
                transport: Some("dovecot_virtual_delivery".into()),
                host: None,
                reply: Some("250 2.0.0 <test2@example.com> EIkwGEbp0F7BFgAAgiGGmw Saved".into()),
            }
        );
        let bounce = lines
            .iter()
            .find(|l| matches!(l.event, Event::Bounced { .. }));
        let Some(Line {
            event: Event::Bounced { rcpt, reason, .. },
            ..
        }) = bounce
        else {
            panic!()
        };
        assert_eq!(rcpt, "lkh@dwalin");
        assert!(reason.starts_with("Tainted arg 3 for rsmtp"), "{reason}");
    }
}
