//! `hostops web config edit DOMAIN (--set 'Directive args' | --unset Directive | --file FILE)`
//! and `hostops web undo RUN_ID`: a change of the domain's own Apache file in the panel's
//! place. The plan is the diff; on the server (`edit.sh`, the new text on stdin) the
//! candidate is checked with `apachectl -t` before anything changes, then the file is
//! replaced, the panel rebuilds, `-t` again, graceful reload, a request to the domain; any
//! failure puts the old file back, rebuilds and reloads (exit 1). An applied edit journals
//! the old and new text, which `web undo` puts back the same way.

use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use super::config::{current, domain, Current};
use crate::app::change::{Action, Change, Detail, Plan};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::host::kv;
use crate::ops::runner::outputs_of;
use crate::panel::lookup::lines;
use crate::panel::web::Place;
use crate::transport::{self, Cmd, Transport};

const SCRIPT: &str = include_str!("edit.sh");
/// The journal's operation and step names of an applied edit.
const OPERATION: &str = "web-config";
const STEP: &str = "edit";

/// What to change.
pub enum Want {
    /// `Directive args`: replaces the lines with the same directive (and the same words but
    /// the last, for `Header set X v`), or adds it.
    Set(String),
    /// `Directive [words]`: removes the lines starting with these words.
    Unset(String),
    /// The whole file.
    File(String),
}

/// An edit: where, the old and new text, and how to apply.
#[derive(Serialize)]
pub struct EditDetail {
    pub host: String,
    pub domain: String,
    pub file: String,
    pub rebuild: Option<String>,
    pub diff: String,
}

impl Detail for EditDetail {
    fn render(&self) -> Option<String> {
        Some(self.diff.clone())
    }
}

/// What an applied edit journals: enough for `web undo`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub host: String,
    pub domain: String,
    pub https: bool,
    pub place: PlaceRecord,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PlaceRecord {
    pub file: String,
    pub rebuild: Option<Vec<String>>,
    pub include: bool,
}

pub struct Edit {
    t: Arc<dyn Transport>,
    plan: Plan<EditDetail>,
    record: Record,
    addr: String,
}

/// How an edit ended.
#[derive(Serialize)]
pub struct EditReport {
    pub host: String,
    pub domain: String,
    pub file: String,
    /// `applied`, `refused` (the candidate failed `apachectl -t`: nothing changed),
    /// `rolled_back` (the old file is back), `not_regular` (nothing changed).
    pub outcome: &'static str,
    /// The domain's HTTP status after an applied edit.
    pub status_after: Option<u16>,
    pub reason: Option<String>,
    /// apachectl's or the panel's lines.
    pub output: Vec<String>,
}

impl EditReport {
    pub fn exit(&self) -> ExitStatus {
        match self.outcome {
            "applied" => ExitStatus::Success,
            _ => ExitStatus::Failure,
        }
    }
}

/// The words of a directive line that identify it: all but the value for 3 words and more.
fn key(line: &str) -> Vec<String> {
    let w: Vec<String> = line
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    match w.len() {
        0..=2 => w.into_iter().take(1).collect(),
        n => w.into_iter().take(n - 1).collect(),
    }
}

fn starts_with(line: &str, words: &[String]) -> bool {
    let w: Vec<String> = line
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    !words.is_empty() && w.len() >= words.len() && w[..words.len()] == *words
}

/// The new text of `old` (an include of directives, or a site file of VirtualHost blocks,
/// changed inside every block).
pub fn changed(old: &str, want: &Want, include: bool) -> String {
    let (line, words, set) = match want {
        Want::File(text) => return text.clone(),
        Want::Set(l) => (l.trim().to_string(), key(l), true),
        Want::Unset(d) => (
            String::new(),
            d.split_whitespace().map(str::to_ascii_lowercase).collect(),
            false,
        ),
    };
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut done = false;
    let indent = if include { "" } else { "    " };
    for l in old.lines() {
        let t = l.trim_start().to_ascii_lowercase();
        let inside = include || depth > 0;
        if t.starts_with("<virtualhost") {
            depth += 1;
            done = false;
        }
        if t.starts_with("</virtualhost") {
            if set && !done {
                out.push(format!("{indent}{line}"));
            }
            depth = depth.saturating_sub(1);
        }
        if inside && !t.starts_with("</virtualhost") && starts_with(l, &words) {
            if set && !done {
                out.push(format!("{}{line}", &l[..l.len() - l.trim_start().len()]));
                done = true;
            }
            continue;
        }
        out.push(l.to_string());
    }
    if include && set && !done {
        out.push(line);
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn diff(file: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(file, file)
        .to_string()
}

/// The plan of writing `new` (None: removing the file) where `c` says.
fn plan(host: &str, c: &Current, https: bool, new: Option<String>, what: &str) -> Result<Edit> {
    let custom = c.probe.custom.clone().unwrap_or_default();
    let old = custom.text.clone();
    let file = c.place.file.clone();
    let shown = diff(
        &file,
        old.as_deref().unwrap_or(""),
        new.as_deref().unwrap_or(""),
    );
    let mut plan = Plan::new(
        format!("{what} {file} for {} on {host}", c.domain),
        EditDetail {
            host: host.to_string(),
            domain: c.domain.clone(),
            file: file.clone(),
            rebuild: c.place.rebuild_cmd().map(|c| c.to_string()),
            diff: shown.clone(),
        },
    );
    if custom.not_regular {
        plan.blockers.push(format!(
            "{file} is not a regular file (a symlink?): hostops replaces only regular files"
        ));
    }
    if shown.is_empty() {
        plan.blockers
            .push(format!("{file} already says this: nothing to change"));
    }
    plan.actions = actions(host, &c.place, &c.domain, https);
    Ok(Edit {
        t: c.t.clone(),
        plan,
        addr: c
            .probe
            .vhost_addr
            .clone()
            .unwrap_or_else(|| "127.0.0.1".into()),
        record: Record {
            host: host.to_string(),
            domain: c.domain.clone(),
            https,
            place: PlaceRecord {
                file,
                rebuild: c.place.rebuild.clone(),
                include: c.place.include,
            },
            old,
            new,
        },
    })
}

/// The plan's actions, from the same place the apply script is given.
fn actions(host: &str, place: &Place, domain: &str, https: bool) -> Vec<Action> {
    let scheme = if https { "https" } else { "http" };
    let mut a = vec![
        Action::step(
            host,
            format!(
                "check the new text with `apachectl -t`{}",
                if place.include {
                    " inside a test VirtualHost"
                } else {
                    ""
                }
            ),
            "nothing changes when Apache refuses it",
        ),
        Action::step(
            host,
            format!(
                "replace {} (a regular file only, never through a symlink)",
                place.file
            ),
            "the old file is kept until the site answers",
        ),
    ];
    if let Some(cmd) = place.rebuild_cmd() {
        a.push(Action::run(
            host,
            cmd,
            "the panel rebuilds the vhosts from its files",
        ));
    }
    a.push(Action::step(
        host,
        format!("apachectl -t, apachectl graceful, request {scheme}://{domain}/"),
        "any failure puts the old file back, rebuilds and reloads",
    ));
    a
}

/// The edit of `domain`'s custom file on `host`.
pub fn edit(ctx: &Context, host: &str, text: &str, https: bool, want: &Want) -> Result<Edit> {
    let domain = domain(text)?;
    if let Want::Set(l) | Want::Unset(l) = want {
        if l.trim().is_empty() || l.contains(['\n', '\r']) || l.trim_start().starts_with('<') {
            bail!(StatusError::usage(format!(
                "{l:?}: expected one directive line (no sections, no line breaks)"
            )));
        }
    }
    let c = current(ctx, host, &domain, https)?;
    let old = c.probe.custom.as_ref().and_then(|c| c.text.clone());
    let new = changed(old.as_deref().unwrap_or(""), want, c.place.include);
    plan(host, &c, https, Some(new), "change")
}

/// Puts back what edit run `run_id` changed.
pub fn undo(ctx: &Context, run_id: &str) -> Result<Edit> {
    let ticket = ctx.ticket().map(|t| t.as_str()).unwrap_or_default();
    let journal = ctx.open_journal()?;
    let run_id = journal.resolve_run(ticket, run_id)?;
    let events = journal.ticket_events(ticket)?;
    let Some((_, r)) = outputs_of::<Record>(&events, OPERATION, STEP)
        .into_iter()
        .find(|(run, _)| *run == run_id)
    else {
        bail!(StatusError::usage(format!(
            "run {run_id} of ticket {ticket} applied no web config edit: nothing to undo"
        )));
    };
    let c = current(ctx, &r.host, &r.domain, r.https)?;
    if c.place.file != r.place.file {
        bail!(StatusError::refused(format!(
            "the domain's custom file is now {}, not {}: undo by hand",
            c.place.file, r.place.file
        )));
    }
    let mut e = plan(&r.host, &c, r.https, r.old.clone(), "put back")?;
    let now = c.probe.custom.as_ref().and_then(|c| c.text.clone());
    if now != r.new {
        e.plan.warnings.push(format!(
            "{} changed since run {run_id}: the diff shows what undo replaces",
            r.place.file
        ));
    }
    e.plan.summary = format!("undo run {run_id}: {}", e.plan.summary);
    Ok(e)
}

impl Change for Edit {
    type Detail = EditDetail;
    type Report = EditReport;

    fn plan(&self) -> &Plan<EditDetail> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<EditReport> {
        let r = &self.record;
        let scheme = if r.https { "https" } else { "http" };
        let want = if r.new.is_some() { "present" } else { "absent" };
        let wrap = if r.place.include { "wrap" } else { "bare" };
        let mut cmd = Cmd::new("sh").args([
            "-c",
            SCRIPT,
            "hostops-web-edit",
            &r.place.file,
            &r.domain,
            scheme,
            &self.addr,
            want,
            wrap,
            "--",
        ]);
        cmd = cmd.args(r.place.rebuild.iter().flatten().map(String::as_str));
        let started = Instant::now();
        let stdin = r.new.clone().unwrap_or_default();
        let out = transport::run(&*self.t, &cmd, Some(stdin.as_bytes()), None)?;
        let text = out.stdout_text();
        let s = kv::sections(&text);
        let body = |n: &str| -> Vec<String> {
            lines(&s, n)
                .filter_map(|l| l.strip_prefix('|'))
                .map(String::from)
                .collect()
        };
        let mut report = EditReport {
            host: r.host.clone(),
            domain: r.domain.clone(),
            file: r.place.file.clone(),
            outcome: "rolled_back",
            status_after: None,
            reason: None,
            output: Vec::new(),
        };
        if s.contains_key("applied") {
            report.outcome = "applied";
            report.status_after = body("applied").first().and_then(|c| c.parse().ok());
            let journaled = serde_json::to_value(r)?;
            let origin = ctx
                .run_log()
                .map(|l| l.run_id().to_string())
                .unwrap_or_default();
            ctx.record_step::<String>(
                OPERATION,
                &origin,
                &r.domain,
                STEP,
                &Ok(journaled),
                started.elapsed(),
            )?;
            ctx.note(format!(
                "applied to {} on {}:\n{}",
                r.place.file, r.host, self.plan.detail.diff
            ))?;
        } else if s.contains_key("refused") {
            report.outcome = "refused";
            report.reason = Some("apachectl -t refused the new text: nothing was changed".into());
            report.output = body("refused");
        } else if s.contains_key("not-regular") {
            report.outcome = "not_regular";
            report.reason = Some(format!(
                "{} is not a regular file: nothing was changed",
                r.place.file
            ));
        } else {
            let failed = body("failed");
            report.reason = Some(format!(
                "{}: the old file is back, rebuilt and reloaded",
                failed
                    .first()
                    .cloned()
                    .unwrap_or_else(|| format!("the edit script exited {}", out.exit))
            ));
            report.output = failed.into_iter().skip(1).chain(body("rollback")).collect();
        }
        if report.outcome != "applied" {
            ctx.note(format!(
                "web config edit of {} on {}: {}",
                r.place.file,
                r.host,
                report.reason.as_deref().unwrap_or("")
            ))?;
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_unset_in_an_include_and_in_a_site_file() {
        let inc = "Header set X-A 1\nOptions -Indexes\n";
        assert_eq!(
            changed(inc, &Want::Set("Header set X-A 2".into()), true),
            "Header set X-A 2\nOptions -Indexes\n"
        );
        assert_eq!(
            changed(inc, &Want::Set("Header set X-B 1".into()), true),
            "Header set X-A 1\nOptions -Indexes\nHeader set X-B 1\n"
        );
        assert_eq!(
            changed(inc, &Want::Unset("header".into()), true),
            "Options -Indexes\n"
        );
        assert_eq!(
            changed("", &Want::Set("Options +Indexes".into()), true),
            "Options +Indexes\n"
        );
        let site = "<VirtualHost 1.2.3.4:80>\n    ServerName a.test\n</VirtualHost>\n\n<VirtualHost 1.2.3.4:443>\n    ServerName a.test\n    Header set X-A 1\n</VirtualHost>\n";
        let set = changed(site, &Want::Set("Header set X-A 2".into()), false);
        assert_eq!(
            set,
            "<VirtualHost 1.2.3.4:80>\n    ServerName a.test\n    Header set X-A 2\n</VirtualHost>\n\n<VirtualHost 1.2.3.4:443>\n    ServerName a.test\n    Header set X-A 2\n</VirtualHost>\n"
        );
        assert_eq!(
            changed(&set, &Want::Unset("Header set X-A".into()), false),
            "<VirtualHost 1.2.3.4:80>\n    ServerName a.test\n</VirtualHost>\n\n<VirtualHost 1.2.3.4:443>\n    ServerName a.test\n</VirtualHost>\n"
        );
    }
}
