//! `hostops mail queue HOST --remove (--sender ADDR | --frozen | --id ID...)`: removes queued
//! exim messages as a change. The plan lists each message (ID, sender, age, its From, To and
//! Subject headers from `exim -Mvh`) and the one `exim -Mrm ID...` that removes them; applying
//! journals the removed IDs with their headers.

use anyhow::Result;
use serde::Serialize;

use super::eximlog;
use crate::app::change::{Action, Change, Detail, Plan, Work};
use crate::app::report::Report;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::host::kv::sections;
use crate::output::Printer;
use crate::transport::{self, Cmd};

/// Constant. `$1` the selection (`sender`, `frozen`, `id`), then the sender or the IDs. Lists
/// the selected messages as `ID<TAB>AGE<TAB>SIZE<TAB>SENDER` and, per message, its From:, To:
/// and Subject: headers (`exim -Mvh`); reads only.
const PROBE: &str = r#"section() { printf '\n@@%s\n' "$1"; }
exim=$(command -v exim || command -v exim4)
section exim
if [ -z "$exim" ]; then exit 0; fi
echo "$exim"
by=$1; shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$exim" -bp | BY=$by S=${1-} awk '
/^ *[0-9]+[smhdw] / { s = $4; gsub(/^<|>$/, "", s); if (s == "") s = "<>"
  frozen = ($0 ~ /\*\*\* frozen \*\*\*/)
  if ((ENVIRON["BY"] == "sender" && tolower(s) == tolower(ENVIRON["S"])) || (ENVIRON["BY"] == "frozen" && frozen) || ENVIRON["BY"] == "id")
    printf "%s\t%s\t%s\t%s\n", $3, $1, $2, s }' >"$tmp/queue"
if [ "$by" = id ]; then
  for id in "$@"; do ID=$id awk -F '\t' '$1 == ENVIRON["ID"] { print; exit }' "$tmp/queue"; done
else
  cat "$tmp/queue"
fi >"$tmp/selected"
section messages; cat "$tmp/selected"
while IFS="$(printf '\t')" read -r id _; do
  section "headers $id"
  "$exim" -Mvh "$id" 2>/dev/null | sed -n -E 's/^[0-9]{3}[A-Z* ] ((From|To|Subject): .*)$/\1/p' | head -n 3
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
    pub age: String,
    pub size: String,
    pub sender: String,
    /// Its From:, To: and Subject: header lines.
    pub headers: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct RemovePlan {
    pub host: String,
    pub messages: Vec<Queued>,
}

impl Detail for RemovePlan {
    fn render(&self) -> Option<String> {
        let lines: Vec<String> = self
            .messages
            .iter()
            .map(|m| {
                format!(
                    "  {} {:>4} {:>6} {}  {}",
                    m.id,
                    m.age,
                    m.size,
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

/// A sender as exim shows it: `<addr>`, or `<>` for a bounce.
fn angle(sender: &str) -> String {
    if sender == "<>" {
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
        if let Some(bad) = ids.iter().find(|i| !eximlog::is_id(i)) {
            return Err(
                StatusError::usage(format!("--id {bad:?} is not an exim message ID")).into(),
            );
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
    let mut probe = Cmd::script("sh", PROBE);
    probe = match select {
        Select::Sender(s) => probe.arg("sender").arg(s.clone()),
        Select::Frozen => probe.arg("frozen"),
        Select::Ids(ids) => probe.arg("id").args(ids.iter().cloned()),
    };
    let out = transport::run_ok(&*t, &probe)?;
    let text = out.stdout_text();
    let s = sections(&text);
    let exim = s
        .get("exim")
        .map(|e| e.trim().to_string())
        .unwrap_or_default();
    let messages: Vec<Queued> = s
        .get("messages")
        .map(String::as_str)
        .unwrap_or("")
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [id, age, size, sender] = f.as_slice() else {
                return None;
            };
            Some(Queued {
                id: id.to_string(),
                age: age.to_string(),
                size: size.to_string(),
                sender: sender.to_string(),
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
        .filter(|m| eximlog::is_id(&m.id))
        .collect();
    let what = match select {
        Select::Sender(s) => format!("from {s}"),
        Select::Frozen => "frozen".to_string(),
        Select::Ids(_) => "named by --id".to_string(),
    };
    let mut plan = Plan::new(
        format!(
            "remove {} queued message(s) {what} on {}",
            messages.len(),
            spec.name
        ),
        RemovePlan {
            host: spec.name.clone(),
            messages,
        },
    );
    if exim.is_empty() {
        plan.blockers
            .push(format!("{}: no exim on this server", spec.name));
    } else if plan.detail.messages.is_empty() {
        plan.changes_servers = false;
        plan.warnings
            .push("no queued message matches: nothing to remove".to_string());
    } else {
        let ids = plan.detail.messages.iter().map(|m| m.id.clone());
        plan.actions.push(Action::run(
            spec.name.clone(),
            Cmd::new(exim).arg("-Mrm").args(ids),
            "exim removes the messages from its queue (no bounce is sent)",
        ));
    }
    Ok(Remove { plan })
}

/// What was removed.
#[derive(Debug, Serialize)]
pub struct Removed {
    pub host: String,
    pub removed: Vec<String>,
    /// Messages exim did not remove (already delivered or gone), with its words.
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
        for action in &self.plan.actions {
            let Work::Run { cmd, .. } = &action.work else {
                continue;
            };
            let t = ctx.connect(&super::one_server(ctx, &host)?)?;
            // exim -Mrm exits non-zero when one ID was already gone; its words say which.
            let out = transport::run(&*t, cmd, None, None)?;
            let words = format!(
                "{}{}",
                out.stdout_text(),
                String::from_utf8_lossy(&out.stderr)
            );
            for m in &self.plan.detail.messages {
                if words.contains(&format!("Message {} has been removed", m.id)) {
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
