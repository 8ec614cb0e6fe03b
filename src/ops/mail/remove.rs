//! `hostops mail queue HOST --remove (--sender ADDR | --frozen | --id ID...)`: removes queued
//! exim or postfix messages as a change. The plan lists each message (ID, sender, age, its
//! From, To and Subject headers: `exim -Mvh`, `postcat -hq`) and the one command that removes
//! them (`exim -Mrm ID...`, `postsuper -d ID -d ID...`, see [`mta`]); applying journals the
//! removed IDs with their headers.

use anyhow::Result;
use serde::Serialize;

use super::mta::{self, Mta};
use super::{eximlog, postfixlog};
use crate::app::change::{Action, Change, Detail, Plan, Work};
use crate::app::report::Report;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::host::kv::sections;
use crate::output::{human_bytes, Printer};
use crate::transport::{self, Cmd};

/// Constant, after [`mta::script`]'s functions. `$1` the selection (`sender`, `frozen`, `id`),
/// then the sender or the IDs. Lists the selected messages as [`mta::script`]'s records and,
/// per message, its From:, To: and Subject: headers; reads only. `--frozen` selects exim's
/// frozen messages, or postfix's hold queue.
const PROBE: &str = r#"section mta; echo "$mta"
section bin; echo "$bin"
if [ -z "$mta" ]; then exit 0; fi
by=$1; shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mta_list >"$tmp/all"
section error; sed -n 's/^!\t//p' "$tmp/all"
BY=$by S=${1-} awk -F '\t' '(ENVIRON["BY"] == "sender" && tolower($4) == tolower(ENVIRON["S"])) ||
  (ENVIRON["BY"] == "frozen" && ($5 == "frozen" || $5 == "hold")) || ENVIRON["BY"] == "id"' "$tmp/all" >"$tmp/queue"
if [ "$by" = id ]; then
  for id in "$@"; do ID=$id awk -F '\t' '$1 == ENVIRON["ID"] { print; exit }' "$tmp/queue"; done
else
  cat "$tmp/queue"
fi >"$tmp/selected"
section messages; cat "$tmp/selected"
while IFS="$(printf '\t')" read -r id _; do
  section "headers $id"
  mta_headers "$id"
done <"$tmp/selected"
true"#;

/// Which messages to remove.
#[derive(Clone, Debug)]
pub enum Select {
    Sender(String),
    Frozen,
    Ids(Vec<String>),
}

/// One queued message the plan removes.
#[derive(Clone, Debug, Serialize)]
pub struct Queued {
    pub id: String,
    pub minutes: u64,
    pub bytes: u64,
    pub sender: String,
    /// exim `queued` or `frozen`; postfix's queue (`deferred`, `hold`, ...).
    pub state: String,
    /// Its From:, To: and Subject: header lines.
    pub headers: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RemovePlan {
    pub host: String,
    /// None when the server has neither exim nor postfix.
    pub mta: Option<Mta>,
    pub messages: Vec<Queued>,
}

impl Detail for RemovePlan {
    fn render(&self) -> Option<String> {
        let lines: Vec<String> = self
            .messages
            .iter()
            .map(|m| {
                format!(
                    "  {} {:>4} {:>9} {} {}  {}",
                    m.id,
                    age(m.minutes),
                    human_bytes(m.bytes),
                    m.state,
                    angle(&m.sender),
                    m.headers.join(" | ")
                )
            })
            .collect();
        Some(format!(
            "{} queued message(s) on {}:\n{}",
            self.messages.len(),
            self.host,
            lines.join("\n")
        ))
    }
}

/// An age as exim shows it: `45m`, `3h`, `2d`.
fn age(minutes: u64) -> String {
    match minutes {
        m if m >= 1440 => format!("{}d", m / 1440),
        m if m >= 60 => format!("{}h", m / 60),
        m => format!("{m}m"),
    }
}

/// A sender as exim shows it: `<addr>`, or `<>` for a bounce (postfix: `MAILER-DAEMON`).
fn angle(sender: &str) -> String {
    if sender == "<>" || sender == "MAILER-DAEMON" {
        sender.to_string()
    } else {
        format!("<{sender}>")
    }
}

pub struct Remove {
    plan: Plan<RemovePlan>,
}

/// The removal as a change, planned with the read-only probe.
pub fn plan(ctx: &Context, host: &str, select: &Select) -> Result<Remove> {
    if let Select::Ids(ids) = select {
        if let Some(bad) = ids
            .iter()
            .find(|i| !eximlog::is_id(i) && !postfixlog::is_queue_id(i))
        {
            return Err(StatusError::usage(format!(
                "--id {bad:?} is neither an exim message ID nor a postfix queue ID"
            ))
            .into());
        }
    }
    if let Select::Sender(s) = select {
        if s.trim().is_empty() || s.chars().any(char::is_control) {
            return Err(
                StatusError::usage("--sender needs an address without control characters").into(),
            );
        }
    }
    let spec = &super::one_server(ctx, host)?;
    let t = ctx.connect(spec)?;
    let mut probe = Cmd::script("sh", &mta::script(PROBE));
    probe = match select {
        Select::Sender(s) => probe.arg("sender").arg(s.clone()),
        Select::Frozen => probe.arg("frozen"),
        Select::Ids(ids) => probe.arg("id").args(ids.iter().cloned()),
    };
    let out = transport::run_ok(&*t, &probe)?;
    let text = out.stdout_text();
    let Probe {
        mta,
        bin,
        error,
        messages,
    } = probed(&text);
    let what = match (select, mta) {
        (Select::Sender(s), _) => format!("from {s}"),
        (Select::Frozen, Some(mta)) => mta.stuck().to_string(),
        (Select::Frozen, None) => "frozen".to_string(),
        (Select::Ids(_), _) => "named by --id".to_string(),
    };
    let mut plan = Plan::new(
        format!(
            "remove {} queued message(s) {what} on {}",
            messages.len(),
            spec.name
        ),
        RemovePlan {
            host: spec.name.clone(),
            mta,
            messages,
        },
    );
    match (mta, error) {
        (_, Some(error)) => plan.blockers.push(format!("{}: {error}", spec.name)),
        (None, None) => plan.blockers.push(format!(
            "{}: neither exim nor postfix on this server",
            spec.name
        )),
        (Some(_), None) if plan.detail.messages.is_empty() => {
            plan.changes_servers = false;
            plan.warnings
                .push("no queued message matches: nothing to remove".to_string());
        }
        (Some(mta), None) => {
            let ids: Vec<String> = plan.detail.messages.iter().map(|m| m.id.clone()).collect();
            let (cmd, why) = mta.remove(&bin, &ids);
            plan.actions.push(Action::run(spec.name.clone(), cmd, why));
        }
    }
    Ok(Remove { plan })
}

/// The probe's answer.
struct Probe {
    mta: Option<Mta>,
    /// exim's binary, or postsuper.
    bin: String,
    /// Why the queue could not be listed.
    error: Option<String>,
    /// The selected messages (only those with a valid ID of that MTA).
    messages: Vec<Queued>,
}

fn probed(text: &str) -> Probe {
    let s = sections(text);
    let mta = s.get("mta").and_then(|m| Mta::parse(m));
    let word = |k: &str| s.get(k).map(|v| v.trim().to_string()).unwrap_or_default();
    let bin = word("bin");
    let error = Some(word("error")).filter(|e| !e.is_empty());
    let messages = s
        .get("messages")
        .map(String::as_str)
        .unwrap_or("")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [id, minutes, bytes, sender, state, _domains] = f.as_slice() else {
                return None;
            };
            Some(Queued {
                id: id.to_string(),
                minutes: minutes.parse().ok()?,
                bytes: bytes.parse().ok()?,
                sender: sender.to_string(),
                state: state.to_string(),
                headers: s
                    .get(format!("headers {id}").as_str())
                    .map(|h| {
                        h.lines()
                            .map(String::from)
                            .filter(|l| !l.is_empty())
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        })
        .filter(|m| mta.is_some_and(|mta| mta.is_id(&m.id)))
        .collect();
    Probe {
        mta,
        bin,
        error,
        messages,
    }
}

/// What was removed.
#[derive(Debug, Serialize)]
pub struct Removed {
    pub host: String,
    pub removed: Vec<String>,
    /// Messages the MTA did not remove (already delivered or gone).
    pub failed: Vec<String>,
}

impl Change for Remove {
    type Detail = RemovePlan;
    type Report = Removed;

    fn plan(&self) -> &Plan<RemovePlan> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<Removed> {
        let host = self.plan.detail.host.clone();
        let mut report = Removed {
            host: host.clone(),
            removed: Vec::new(),
            failed: Vec::new(),
        };
        // Without an MTA the plan has a blocker and no action.
        let Some(mta) = self.plan.detail.mta else {
            return Ok(report);
        };
        for action in &self.plan.actions {
            let Work::Run { cmd, .. } = &action.work else {
                continue;
            };
            let t = ctx.connect(&super::one_server(ctx, &host)?)?;
            // exim -Mrm exits non-zero when one ID was already gone (postsuper -d says nothing
            // of those); their words say which were removed.
            let out = transport::run(&*t, cmd, None, None)?;
            let words = format!(
                "{}{}",
                out.stdout_text(),
                String::from_utf8_lossy(&out.stderr)
            );
            for m in &self.plan.detail.messages {
                if mta.removed(&words, &m.id) {
                    report.removed.push(m.id.clone());
                    ctx.note(format!(
                        "mail queue {host}: removed {} from {} ({})",
                        m.id,
                        angle(&m.sender),
                        m.headers.join(" | ")
                    ))?;
                } else {
                    report.failed.push(format!("{}: not removed", m.id));
                }
            }
        }
        Ok(report)
    }
}

impl Report for Removed {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "{}: removed {} message(s){}",
            self.host,
            self.removed.len(),
            if self.failed.is_empty() {
                String::new()
            } else {
                format!("; {}", self.failed.join(", "))
            }
        ));
    }

    fn status(&self) -> ExitStatus {
        if self.failed.is_empty() {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_selects_on_a_real_postfix_queue() {
        let Probe {
            mta,
            bin,
            messages: ms,
            ..
        } = probed(&mta::on_sample(
            Mta::Postfix,
            PROBE,
            &["sender", "Info@Shop.example"],
        ));
        assert_eq!(
            (mta, bin.as_str()),
            (Some(Mta::Postfix), "/usr/sbin/postsuper")
        );
        assert_eq!(ms.len(), 1);
        assert_eq!(
            (ms[0].id.as_str(), ms[0].state.as_str()),
            ("501A69A2034", "hold")
        );
        assert_eq!(
            ms[0].headers,
            [
                "From: Shop <info@shop.example>",
                "To: c@three.example",
                "Subject: Offer"
            ]
        );
        // --frozen: postfix's hold queue.
        let ms = probed(&mta::on_sample(Mta::Postfix, PROBE, &["frozen"])).messages;
        let ids: Vec<&str> = ms.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["501A69A2034", "3C0E49A22DF"]);
        // --id: only IDs in the queue, in the order given.
        let ms = probed(&mta::on_sample(
            Mta::Postfix,
            PROBE,
            &["id", "3C0E49A22DF", "ABCDEF12345", "3B0CB9A2019"],
        ))
        .messages;
        let ids: Vec<&str> = ms.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["3C0E49A22DF", "3B0CB9A2019"]);
        assert_eq!(angle(&ms[1].sender), "MAILER-DAEMON");
        let down = probed(&mta::run_with(mta::POSTQUEUE_DOWN, PROBE, &["frozen"]));
        assert!(down.error.unwrap().contains("mail system is down"));
        assert!(down.messages.is_empty());
    }
}
