//! `hostops mail queue HOST`: the exim or postfix queue in figures (messages, bytes, frozen or
//! held, ages, top senders and destination domains), optionally only one sender's or one
//! domain's messages. The queue (`exim -bp`, `postqueue -j`, listed by [`mta`]) is summarised
//! on the server by a constant awk program: only the figures travel.

use serde::Serialize;

use super::mta::{self, Mta};
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::kv::sections;
use crate::ops::blacklist::investigate::{counts, Count};
use crate::ops::outcome::Outcome;
use crate::transport::{self, Cmd, Transport, TransportError};

/// Constant, after [`mta::script`]'s functions. The filters arrive in the environment (`S`
/// sender, `D` domain: awk reads them with ENVIRON, never as program text or `-v`, which would
/// interpret backslashes).
const SCRIPT: &str = r#"section mta; echo "${mta:-none}"
if [ -z "$mta" ]; then exit 0; fi
mta_list | S=$1 D=$2 awk -F '\t' '
$1 == "!" { printf "\n@@error\n%s\n", $2; next }
{ if (ENVIRON["S"] != "" && tolower($4) != tolower(ENVIRON["S"])) next
  n = split($6, ds, " "); hit = (ENVIRON["D"] == "")
  for (i = 1; i <= n; i++) if (ds[i] == tolower(ENVIRON["D"])) hit = 1
  if (!hit) next
  count++; total += $3; states[$5]++; if ($5 == "frozen" || $5 == "hold") stuck++
  senders[$4]++
  for (i = 1; i <= n; i++) domains[ds[i]]++
  if ($2 >= 1440) old_d++; else if ($2 >= 60) old_h++; else old_m++
  if ($2 + 0 > oldest) oldest = $2 + 0 }
END {
  printf "\n@@count\n%d\n@@bytes\n%d\n@@frozen\n%d\n@@oldest_minutes\n%d\n", count, total, stuck, oldest
  printf "\n@@ages\n%d under 1h\n%d 1h-1d\n%d over 1d\n", old_m, old_h, old_d
  printf "\n@@queues\n"; for (q in states) printf "%d %s\n", states[q], q
  printf "\n@@senders\n"; for (x in senders) printf "%d %s\n", senders[x], x
  printf "\n@@domains\n"; for (d in domains) printf "%d %s\n", domains[d], d
}'"#;

pub struct QueueOptions {
    pub host: String,
    pub sender: Option<String>,
    pub domain: Option<String>,
}

#[derive(Debug, Default, Serialize)]
pub struct Queue {
    pub host: String,
    pub outcome: Outcome,
    pub error: Option<String>,
    /// `exim` or `postfix`, none when the server has neither.
    pub mta: Option<Mta>,
    pub sender: Option<String>,
    pub domain: Option<String>,
    pub count: u64,
    pub bytes: u64,
    /// exim: frozen messages; postfix (which never freezes one): messages in its hold queue.
    pub frozen: u64,
    pub oldest_minutes: u64,
    /// Messages under 1 hour old, 1 hour to 1 day, over 1 day.
    pub ages: Vec<Count>,
    /// Messages per state: exim `queued` and `frozen`; postfix per queue (`active`,
    /// `deferred`, `hold`, `incoming`, `maildrop`).
    pub queues: Vec<Count>,
    /// The 10 senders and destination domains with the most queued messages.
    pub senders: Vec<Count>,
    pub domains: Vec<Count>,
}

pub fn queue(ctx: &Context, opts: &QueueOptions) -> anyhow::Result<Queue> {
    for v in [&opts.sender, &opts.domain].into_iter().flatten() {
        if v.trim().is_empty() || v.chars().any(char::is_control) {
            return Err(StatusError::usage(format!(
                "{v:?}: a sender or domain without control characters"
            ))
            .into());
        }
    }
    let host = super::one_server(ctx, &opts.host)?;
    let q = ctx
        .connect(&host)
        .and_then(|t| run(&*t, opts))
        .unwrap_or_else(|e| Queue {
            host: host.name.clone(),
            outcome: Outcome::of_error(&e),
            error: Some(e.to_string()),
            ..Queue::default()
        });
    ctx.note(format!(
        "mail queue {}: {} messages, {} frozen",
        q.host, q.count, q.frozen
    ))?;
    Ok(q)
}

fn run(t: &dyn Transport, opts: &QueueOptions) -> Result<Queue, TransportError> {
    let cmd = Cmd::script("sh", &mta::script(SCRIPT))
        .arg(opts.sender.clone().unwrap_or_default())
        .arg(opts.domain.clone().unwrap_or_default());
    let out = transport::run_ok(t, &cmd)?;
    Ok(parse(&t.target().name, opts, &out.stdout_text()))
}

/// The `N NAME` lines of `text`, most first, the first `top`.
fn top(text: &str, top: usize) -> Vec<Count> {
    let mut out = counts(text);
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    out.truncate(top);
    out
}

fn parse(host: &str, opts: &QueueOptions, text: &str) -> Queue {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(|v| v.trim()).unwrap_or("");
    let n = |k: &str| get(k).parse().unwrap_or(0);
    let error = Some(get("error").to_string()).filter(|e| !e.is_empty());
    Queue {
        host: host.to_string(),
        outcome: if error.is_some() {
            Outcome::Failed
        } else {
            Outcome::Ok
        },
        error,
        mta: Mta::parse(get("mta")),
        sender: opts.sender.clone(),
        domain: opts.domain.clone(),
        count: n("count"),
        bytes: n("bytes"),
        frozen: n("frozen"),
        oldest_minutes: n("oldest_minutes"),
        ages: counts(get("ages")),
        queues: top(get("queues"), 10),
        senders: top(get("senders"), 10),
        domains: top(get("domains"), 10),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_sample(sender: &str, domain: &str) -> Queue {
        let opts = QueueOptions {
            host: "h1".into(),
            sender: Some(sender.to_string()).filter(|s| !s.is_empty()),
            domain: Some(domain.to_string()).filter(|d| !d.is_empty()),
        };
        let out = mta::on_sample(Mta::Postfix, SCRIPT, &[sender, domain]);
        parse("h1", &opts, &out)
    }

    #[test]
    fn a_real_postfix_queue_in_figures() {
        let q = on_sample("", "");
        assert_eq!(q.mta, Some(Mta::Postfix));
        assert_eq!((q.count, q.bytes, q.frozen), (4, 999, 2));
        assert_eq!((q.oldest_minutes, q.ages[0].count), (3, 4));
        let queues: Vec<(&str, u64)> = q
            .queues
            .iter()
            .map(|c| (c.name.as_str(), c.count))
            .collect();
        assert_eq!(queues, [("deferred", 2), ("hold", 2)]);
        assert_eq!(q.domains[0].name, "remote.example");
        assert_eq!(q.domains[0].count, 2);
        assert_eq!(q.domains.len(), 5);
        let q = on_sample("INFO@shop.example", "");
        assert_eq!((q.count, q.frozen), (1, 1));
        assert_eq!(q.senders[0].name, "info@shop.example");
        let failed = parse(
            "h1",
            &QueueOptions {
                host: "h1".into(),
                sender: None,
                domain: None,
            },
            &mta::run_with(mta::POSTQUEUE_DOWN, SCRIPT, &["", ""]),
        );
        assert_eq!(failed.outcome, Outcome::Failed);
        assert!(failed.error.unwrap().contains("mail system is down"));
        let q = on_sample("", "Remote.Example");
        assert_eq!(q.count, 2);
        assert_eq!(q.senders.len(), 2);
    }
}
