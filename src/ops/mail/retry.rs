//! Where a traced deferred message stands now: still in the queue or not and, for exim, when
//! it is retried (`exinext ADDRESS`: the retry database's records for the hosts of the
//! address's domain). postfix keeps no retry time a command shows: `postqueue -j` gives the
//! queue the message is in, its arrival and each recipient's delay reason.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::mta::Mta;
use crate::host::kv::sections;
use crate::transport::{self, Cmd, Transport, TransportError};

/// The most deferred messages looked up in one trace (exinext routes each address).
pub const MOST: usize = 20;

/// Constant. `$1` the MTA; exim: then `ID ADDRESS` pairs (one section `@@ID ADDRESS` each:
/// `queued` and exinext's answer while the message is in the queue, nothing once it left);
/// postfix: then the queue IDs (section `@@postqueue`: their `postqueue -j` objects). A
/// section `@@none` when the MTA's commands are missing.
const SCRIPT: &str = r#"mta=$1; shift
PATH=$PATH:/usr/sbin:/usr/local/sbin
section() { printf '\n@@%s\n' "$1"; }
if [ "$mta" = postfix ]; then
  command -v postqueue >/dev/null || { section none; exit 0; }
  tmp=$(mktemp) || exit 1
  trap 'rm -f "$tmp"' EXIT
  for id in "$@"; do printf '"queue_id": "%s",\n' "$id"; done >"$tmp"
  section postqueue
  postqueue -j | grep -F -f "$tmp"
  exit 0
fi
exim=$(command -v exim || command -v exim4)
if [ -z "$exim" ] || ! command -v exinext >/dev/null; then section none; exit 0; fi
while [ $# -ge 2 ]; do
  section "$1 $2"
  if "$exim" -Mvh "$1" >/dev/null 2>&1; then echo queued; exinext "$2" 2>&1; fi
  shift 2
done
true"#;

/// One record of exim's retry database, as exinext shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Retry {
    /// What the record is about: a host (`Transport: NAME [IP]`, older exinext `NAME:IP`)
    /// or a domain.
    pub key: String,
    /// exim's error (`error 111: Connection refused`).
    pub error: Option<String>,
    /// Server time, `YYYY-MM-DD HH:MM:SS` as in the log.
    pub first_failed: Option<String>,
    pub last_tried: Option<String>,
    /// Not before then is the host tried again (at the first queue run after it).
    pub next_try: Option<String>,
    /// The retry rules' final cutoff has passed: the next failure bounces.
    pub past_cutoff: bool,
}

/// What the queue says of a deferred message when it was traced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Pending {
    pub in_queue: bool,
    /// exim: the earliest `next_try` of `retries`.
    pub next_retry: Option<String>,
    pub retries: Vec<Retry>,
    /// postfix: the queue it sits in (`deferred`, `active`, `hold`...).
    pub queue: Option<String>,
    /// postfix: when it arrived (UTC).
    pub arrival: Option<Timestamp>,
    /// postfix: `address: delay reason` of each recipient still waiting.
    pub delays: Vec<String>,
}

/// A message to look up: its ID and its deferred recipients.
pub struct Deferred<'a> {
    pub id: &'a str,
    pub addresses: Vec<&'a str>,
}

/// The queue's word on each message of `deferred` (at most [`MOST`]), by ID (none when the
/// server has no exim/exinext, or no postqueue), and the bytes that came back.
pub fn look_up(
    t: &dyn Transport,
    mta: Mta,
    deferred: &[Deferred],
) -> Result<(Vec<(String, Pending)>, usize), TransportError> {
    let mut cmd = Cmd::script("sh", SCRIPT).arg(mta.as_str());
    let mut asked = Vec::new();
    for d in deferred.iter().take(MOST).filter(|d| mta.is_id(d.id)) {
        match mta {
            Mta::Postfix => cmd = cmd.arg(d.id),
            Mta::Exim => {
                for a in d.addresses.iter().filter(|a| plain_address(a)) {
                    cmd = cmd.arg(d.id).arg(*a);
                }
            }
        }
        asked.push(d.id);
    }
    if asked.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let text = transport::run_ok(t, &cmd)?.stdout_text();
    Ok((parse(mta, &asked, &text), text.len()))
}

/// exinext's own shell splits and globs its argument: only plain addresses go to it.
fn plain_address(a: &str) -> bool {
    !a.starts_with('-')
        && a.contains('@')
        && a.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"@._%+=-".contains(&b))
}

fn parse(mta: Mta, asked: &[&str], text: &str) -> Vec<(String, Pending)> {
    let s = sections(text);
    if s.contains_key("none") {
        return Vec::new();
    }
    if mta == Mta::Postfix {
        let listing = s.get("postqueue").map(String::as_str).unwrap_or("");
        return asked
            .iter()
            .map(|id| (id.to_string(), postqueue(listing, id)))
            .collect();
    }
    asked
        .iter()
        .map(|id| {
            let mut p = Pending::default();
            for (name, body) in &s {
                if name.split(' ').next() != Some(*id) {
                    continue;
                }
                let Some(answer) = body.strip_prefix("queued\n") else {
                    continue;
                };
                p.in_queue = true;
                for r in exinext(answer) {
                    if !p.retries.contains(&r) {
                        p.retries.push(r);
                    }
                }
            }
            p.next_retry = p.retries.iter().filter_map(|r| r.next_try.clone()).min();
            (id.to_string(), p)
        })
        .collect()
}

/// exinext's records: a line naming the key and the error, then indented `first failed:`,
/// `last tried:`, `next try at:` lines and maybe `past final cutoff time`. Its "No retry data
/// found" and "No remote hosts found" lines give none.
pub fn exinext(text: &str) -> Vec<Retry> {
    let mut out: Vec<Retry> = Vec::new();
    for line in text.lines() {
        let indented = line.starts_with(' ') || line.starts_with('\t');
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        if !indented {
            if l.starts_with("No ") {
                continue;
            }
            let (key, error) = match l.split_once(" error ") {
                Some((k, e)) => (k, Some(format!("error {e}"))),
                None => (l, None),
            };
            out.push(Retry {
                key: key.to_string(),
                error,
                first_failed: None,
                last_tried: None,
                next_try: None,
                past_cutoff: false,
            });
            continue;
        }
        let Some(r) = out.last_mut() else { continue };
        if l == "past final cutoff time" {
            r.past_cutoff = true;
        } else if let Some((k, v)) = l.split_once(':') {
            let when = stamp(v.trim());
            match k {
                "first failed" => r.first_failed = when,
                "last tried" => r.last_tried = when,
                "next try at" => r.next_try = when,
                _ => {}
            }
        }
    }
    out
}

/// exinext's `03-Dec-2026 14:39:40` as the log's `2026-12-03 14:39:40`.
fn stamp(s: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (date, time) = s.split_once(' ')?;
    let mut parts = date.split('-');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let month = MONTHS.iter().position(|x| *x == m)? + 1;
    let ok = d.len() == 2 && y.len() == 4 && time.len() == 8;
    ok.then(|| format!("{y}-{month:02}-{d} {time}"))
}

/// The members of a `postqueue -j` object this reads (postfix says to ignore the others).
#[derive(Deserialize)]
struct QueueFile {
    queue_name: String,
    queue_id: String,
    arrival_time: i64,
    #[serde(default)]
    recipients: Vec<QueueRecipient>,
}

#[derive(Deserialize)]
struct QueueRecipient {
    address: String,
    #[serde(default)]
    delay_reason: Option<String>,
}

/// The message `id` in `postqueue -j`'s JSON lines: in the queue or not.
fn postqueue(listing: &str, id: &str) -> Pending {
    let Some(f) = listing
        .lines()
        .filter_map(|l| serde_json::from_str::<QueueFile>(l).ok())
        .find(|f| f.queue_id == id)
    else {
        return Pending::default();
    };
    Pending {
        in_queue: true,
        queue: Some(f.queue_name),
        arrival: Timestamp::from_second(f.arrival_time).ok(),
        delays: f
            .recipients
            .iter()
            .filter_map(|r| {
                let why = r.delay_reason.as_deref()?.trim();
                (!why.is_empty()).then(|| format!("{}: {why}", r.address))
            })
            .collect(),
        ..Pending::default()
    }
}

/// The clause a deferred message's reason ends with.
pub fn clause(p: &Pending) -> String {
    if !p.in_queue {
        return "no longer in the queue".to_string();
    }
    match (
        &p.next_retry,
        &p.queue,
        p.retries.iter().any(|r| r.past_cutoff),
    ) {
        (Some(at), _, true) => format!(
            "still queued; next retry at {at}, past the final cutoff (it bounces if that fails)"
        ),
        (Some(at), _, false) => format!("still queued; next retry at {at}"),
        (None, Some(q), _) => {
            format!("still in postfix's {q} queue (postfix retries on its own backoff schedule)")
        }
        (None, None, _) => "still queued; no retry record for its hosts".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POSTQUEUE: &str = include_str!("../../../tests/fixtures/real/postqueue-j-deferred.jsonl");
    const EXINEXT: &str = include_str!("../../../tests/fixtures/real/exinext.txt");

    #[test]
    fn exinext_records_of_debian_exim_and_the_manual() {
        let (lab, manual) = EXINEXT.split_once("\n\n").unwrap();
        assert_eq!(
            exinext(lab),
            [Retry {
                key: "Transport: 127.177.137.250 [127.177.137.250/127.177.137.1]".into(),
                error: Some("error 111: Connection refused".into()),
                first_failed: Some("2026-12-03 14:24:40".into()),
                last_tried: Some("2026-12-03 14:24:40".into()),
                next_try: Some("2026-12-03 14:39:40".into()),
                past_cutoff: false,
            }]
        );
        let m = exinext(manual);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].key, "kanga.milne.fict.example:192.168.8.1");
        assert_eq!(m[1].next_try.as_deref(), Some("1996-02-21 19:42:03"));
        assert!(!m[0].past_cutoff && m[1].past_cutoff);
        assert!(exinext("No retry data found for info@alpha.test\n").is_empty());

        let text =
            format!("@@1xZ7jk-0007hE-1m a@b.test\nqueued\n{manual}\n@@1xZ7jk-0007hE-2m a@b.test\n");
        let got = parse(Mta::Exim, &["1xZ7jk-0007hE-1m", "1xZ7jk-0007hE-2m"], &text);
        assert_eq!(got[0].1.next_retry.as_deref(), Some("1996-02-21 15:02:34"));
        assert!(clause(&got[0].1).contains("past the final cutoff"));
        assert!(!got[1].1.in_queue);
        assert_eq!(clause(&got[1].1), "no longer in the queue");
    }

    #[test]
    fn postqueue_gives_queue_arrival_and_delay_reason() {
        let p = postqueue(POSTQUEUE, "F1F27C04FB1");
        assert!(p.in_queue);
        assert_eq!(p.queue.as_deref(), Some("deferred"));
        assert_eq!(p.arrival.unwrap().as_second(), 1772005276);
        assert!(p.delays[0].starts_with("martinemena@hotmail.no: host eur.olc.protection.outlook.com[52.101.68.2] said: 451 4.7.650"));
        assert_eq!(p.next_retry, None);
        assert!(!postqueue(POSTQUEUE, "ABCDEF12345").in_queue);
        assert!(clause(&p).starts_with("still in postfix's deferred queue"));
    }

    #[test]
    fn only_plain_addresses_reach_exinext() {
        assert!(plain_address("someone@dead.test"));
        assert!(!plain_address("-C/tmp/x@y"));
        assert!(!plain_address("a b@c"));
        assert!(!plain_address("*@c"));
    }
}
