//! `hostops mail queue HOST`: the exim queue in figures (messages, bytes, frozen, ages, top
//! senders and destination domains), optionally only one sender's or one domain's messages.
//! `exim -bp` is summarised on the server by a constant awk program: only the figures travel.

use serde::Serialize;

use crate::context::Context;
use crate::exit::StatusError;
use crate::host::kv::sections;
use crate::ops::blacklist::investigate::{counts, Count};
use crate::ops::outcome::Outcome;
use crate::transport::{self, Cmd, Transport, TransportError};

/// Constant. The filters arrive in the environment (`S` sender, `D` domain: awk reads them
/// with ENVIRON, never as program text or `-v`, which would interpret backslashes).
const SCRIPT: &str = r#"section() { printf '\n@@%s\n' "$1"; }
exim=$(command -v exim || command -v exim4)
section mta
if [ -z "$exim" ]; then echo none; exit 0; fi
echo exim
"$exim" -bp | S=$1 D=$2 awk '
function minutes(a,   n, u) { n = a + 0; u = substr(a, length(a));
  return u == "m" ? n : u == "h" ? n * 60 : u == "d" ? n * 1440 : u == "w" ? n * 10080 : n / 60 }
function bytes(s,   n, u) { n = s + 0; u = substr(s, length(s));
  return u == "K" ? n * 1024 : u == "M" ? n * 1048576 : u == "G" ? n * 1073741824 : n }
function flush() {
  if (id == "") return
  if ((ENVIRON["S"] == "" || tolower(sender) == tolower(ENVIRON["S"])) && (ENVIRON["D"] == "" || hit)) {
    count++; total += size; if (frozen) nfrozen++
    senders[sender]++
    for (d in doms) domains[d]++
    if (age >= 1440) old_d++; else if (age >= 60) old_h++; else old_m++
    if (age > oldest) oldest = age
  }
  id = ""; delete doms; hit = 0
}
/^ *[0-9]+[smhdw] / { flush(); age = minutes($1); size = bytes($2); id = $3; sender = $4
  gsub(/^<|>$/, "", sender); if (sender == "") sender = "<>"; frozen = ($0 ~ /\*\*\* frozen \*\*\*/); next }
/^ +[^ ]/ && id != "" { r = $NF; if ($1 == "D") next; sub(/^.*@/, "", r); r = tolower(r); doms[r] = 1
  if (r == tolower(ENVIRON["D"])) hit = 1 }
END { flush()
  printf "\n@@count\n%d\n@@bytes\n%d\n@@frozen\n%d\n@@oldest_minutes\n%d\n", count, total, nfrozen, oldest
  printf "\n@@ages\n%d under 1h\n%d 1h-1d\n%d over 1d\n", old_m, old_h, old_d
  printf "\n@@senders\n"; for (s in senders) printf "%d %s\n", senders[s], s
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
    /// `exim`, or none when the server has no exim.
    pub mta: Option<String>,
    pub sender: Option<String>,
    pub domain: Option<String>,
    pub count: u64,
    pub bytes: u64,
    pub frozen: u64,
    pub oldest_minutes: u64,
    /// Messages under 1 hour old, 1 hour to 1 day, over 1 day.
    pub ages: Vec<Count>,
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
    let cmd = Cmd::script("sh", SCRIPT)
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
    Queue {
        host: host.to_string(),
        outcome: Outcome::Ok,
        error: None,
        mta: Some(get("mta"))
            .filter(|m| !m.is_empty() && *m != "none")
            .map(String::from),
        sender: opts.sender.clone(),
        domain: opts.domain.clone(),
        count: n("count"),
        bytes: n("bytes"),
        frozen: n("frozen"),
        oldest_minutes: n("oldest_minutes"),
        ages: counts(get("ages")),
        senders: top(get("senders"), 10),
        domains: top(get("domains"), 10),
    }
}
