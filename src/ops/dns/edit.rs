//! A DNS change as one change type (`dns add|set|rm`, and `dns undo`): the zone read through
//! the panel, a record-level diff (dnscontrol's preview), the candidate zone checked with
//! `named-checkzone` on the server (refused, exit 2, with its message), guard rails, then
//! the panel's own steps; the zone read back and the host's nameserver asked until it serves
//! the change; the removed and added records journaled for `dns undo`.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use serde::{Deserialize, Serialize};

use super::request::{self, Request};
use super::served::{self, SetKey};
use super::Located;
use crate::app::change::{self, Action, Change, Detail, Plan, Replanned, Replanner};
use crate::app::Report;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::host::zone::Record;
use crate::ops::runner::Journaled;
use crate::output::Printer;
use crate::panel::dns::{Edit, Stale, Zone, ZoneStep};
use crate::panel::Panel;
use crate::transport::{self, Cmd, Transport};

/// The journal's operation and step under which an applied change keeps its records.
pub const OPERATION: &str = "dns";
pub const APPLIED: &str = "applied";

/// How long the host's nameserver has to serve the change.
const SERVE_LIMIT: Duration = Duration::from_secs(15);

/// What an applied change journals: enough to put the old records back.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Journal {
    pub host: String,
    pub domain: String,
    pub removed: Vec<Record>,
    pub added: Vec<Record>,
}

/// One line of the diff: a set created, modified or deleted.
#[derive(Debug, Serialize)]
pub struct Line {
    pub change: &'static str,
    pub name: String,
    #[serde(rename = "type")]
    pub rtype: String,
    pub old: Vec<String>,
    pub new: Vec<String>,
    pub old_ttl: Option<u32>,
    pub new_ttl: Option<u32>,
}

/// The plan's detail: the zone as read and the record-level diff.
#[derive(Debug, Serialize)]
pub struct Diff {
    pub host: String,
    pub domain: String,
    pub source: String,
    pub serial: u32,
    pub changes: Vec<Line>,
    pub removed: Vec<Record>,
    pub added: Vec<Record>,
}

impl Detail for Diff {
    fn render(&self) -> Option<String> {
        let mut out = format!(
            "zone {} on {} ({}), serial {}:",
            self.domain, self.host, self.source, self.serial
        );
        for l in &self.changes {
            let ttl = |t: Option<u32>| t.map(|t| format!(" ttl={t}")).unwrap_or_default();
            out.push_str(&match l.change {
                "create" => format!(
                    "\n  CREATE {} {} {}{}",
                    l.name,
                    l.rtype,
                    l.new.join(" | "),
                    ttl(l.new_ttl)
                ),
                "delete" => format!(
                    "\n  DELETE {} {} {}{}",
                    l.name,
                    l.rtype,
                    l.old.join(" | "),
                    ttl(l.old_ttl)
                ),
                _ => format!(
                    "\n  MODIFY {} {} ({}{}) -> ({}{})",
                    l.name,
                    l.rtype,
                    l.old.join(" | "),
                    ttl(l.old_ttl),
                    l.new.join(" | "),
                    ttl(l.new_ttl)
                ),
            });
        }
        if self.changes.is_empty() {
            out.push_str("\n  no change");
        }
        Some(out)
    }
}

/// The diff of two record lists, per set.
fn diff(removed: &[Record], added: &[Record]) -> Vec<Line> {
    let mut sets: BTreeMap<SetKey, (Vec<&Record>, Vec<&Record>)> = BTreeMap::new();
    for r in removed {
        sets.entry((r.name.clone(), r.rtype.clone()))
            .or_default()
            .0
            .push(r);
    }
    for r in added {
        sets.entry((r.name.clone(), r.rtype.clone()))
            .or_default()
            .1
            .push(r);
    }
    sets.into_iter()
        .map(|((name, rtype), (old, new))| Line {
            change: match (old.is_empty(), new.is_empty()) {
                (true, _) => "create",
                (_, true) => "delete",
                _ => "modify",
            },
            name,
            rtype,
            old_ttl: old.first().map(|r| r.ttl),
            new_ttl: new.first().map(|r| r.ttl),
            old: old.iter().map(|r| r.data.clone()).collect(),
            new: new.iter().map(|r| r.data.clone()).collect(),
        })
        .collect()
}

/// The guard rails: mail and delegation records called out, how long caches keep old answers.
fn warnings(lines: &[Line]) -> Vec<String> {
    let mut out = Vec::new();
    for l in lines {
        let all = l.old.iter().chain(&l.new);
        let what = match l.rtype.as_str() {
            "MX" => Some("MX: where mail for the domain is delivered"),
            "NS" => Some("NS: which servers answer for the zone"),
            "TXT" if l.name.starts_with("_dmarc.") => {
                Some("DMARC: what receivers do with failing mail")
            }
            "TXT" if l.name.contains("._domainkey.") => {
                Some("DKIM: the key receivers check signatures with")
            }
            "TXT" if all.clone().any(|d| d.starts_with("\"v=spf1")) => {
                Some("SPF: which servers may send the domain's mail")
            }
            _ => None,
        };
        if let Some(what) = what {
            out.push(format!("{} changes {what}", l.name));
        }
        if let Some(ttl) = l.old_ttl {
            out.push(format!(
                "{} {}: resolvers may keep the old answer for up to {ttl} s (its TTL)",
                l.name, l.rtype
            ));
        }
    }
    out
}

/// The candidate zone as text, for named-checkzone.
fn candidate(records: &[Record]) -> String {
    records
        .iter()
        .map(|r| format!("{} {} IN {} {}\n", r.name, r.ttl, r.rtype, r.data))
        .collect()
}

/// Checks the candidate zone with `named-checkzone` on the server; its message refuses
/// (exit 2).
fn check_zone(t: &dyn Transport, domain: &str, records: &[Record]) -> Result<()> {
    let cmd = Cmd::new("named-checkzone").args(["-i", "local", domain, "/dev/stdin"]);
    let out = transport::run(t, &cmd, Some(candidate(records).as_bytes()), None)?;
    if !out.exit.success() {
        let text = format!("{}{}", out.stdout_text(), out.stderr_text());
        bail!(StatusError::usage(format!(
            "the zone {domain} would not load, nothing changed; named-checkzone says:\n{}",
            text.trim_end()
        )));
    }
    Ok(())
}

/// The zone's nameservers (its apex NS records) and whether one of them is this server.
fn delegation_warning(zone: &Zone, ns: SocketAddr) -> Option<String> {
    let apex = format!("{}.", zone.domain);
    let names: Vec<&str> = zone
        .records
        .iter()
        .filter(|r| r.rtype == "NS" && r.name == apex)
        .map(|r| r.data.as_str())
        .collect();
    let addrs: Vec<&str> = zone
        .records
        .iter()
        .filter(|r| (r.rtype == "A" || r.rtype == "AAAA") && names.contains(&r.name.as_str()))
        .map(|r| r.data.as_str())
        .collect();
    let here = ns.ip().to_string();
    (!addrs.is_empty() && !addrs.contains(&here.as_str())).then(|| {
        format!(
            "the zone's nameservers ({}) are not this server ({here}): if the registry delegates \
             to them, this change has no effect",
            names.join(", ")
        )
    })
}

/// A planned DNS change.
pub struct DnsChange {
    t: Arc<dyn Transport>,
    panel: Box<dyn Panel>,
    ns: SocketAddr,
    zone: Zone,
    request: Request,
    steps: Vec<ZoneStep>,
    run_id: String,
    plan: Plan<Diff>,
}

/// Plans the change `request` of `located`'s zone `zone` (as read), in words `summary`.
pub fn plan(
    ctx: &Context,
    located: Located,
    zone: Zone,
    request: Request,
    summary: String,
) -> Result<DnsChange> {
    let (remove, add) = request.against(&zone)?;
    let Located { host, t, panel, ns } = located;
    let dns = panel.dns_on(&host)?;
    let mut after: Vec<Record> = zone
        .records
        .iter()
        .filter(|r| !remove.contains(r))
        .cloned()
        .collect();
    after.extend(add.iter().cloned());
    let changes = diff(&remove, &add);
    let mut warnings = warnings(&changes);
    let steps = if changes.is_empty() {
        Vec::new()
    } else {
        check_zone(&*t, &zone.domain, &after)?;
        dns.steps(&Edit {
            zone: &zone,
            remove: &remove,
            add: &add,
        })?
    };
    let authority = served::authority(ns, &zone.domain)?;
    if !authority.authoritative {
        warnings.push(format!(
            "this server's nameserver ({ns}) does not answer authoritatively for {}{}",
            zone.domain,
            authority
                .error
                .map(|e| format!(": {e}"))
                .unwrap_or_default()
        ));
    }
    warnings.extend(delegation_warning(&zone, ns));
    let actions = steps
        .iter()
        .map(|s| match s {
            ZoneStep::Run { cmd, .. } => Action::run(&host, cmd.clone(), "through the panel"),
            ZoneStep::Write { path, text } => Action::step(
                &host,
                format!(
                    "replace the regular file {path} with the new zone ({} lines)",
                    text.lines().count()
                ),
                "never through a symbolic link",
            ),
        })
        .collect();
    let mut plan = Plan::new(
        summary,
        Diff {
            host: host.clone(),
            domain: zone.domain.clone(),
            source: zone.source.clone(),
            serial: zone.serial,
            changes,
            removed: remove,
            added: add,
        },
    );
    plan.actions = actions;
    plan.warnings = warnings;
    plan.changes_servers = !plan.actions.is_empty();
    let run_id = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    Ok(DnsChange {
        t,
        panel,
        ns,
        zone,
        request,
        steps,
        run_id,
        plan,
    })
}

/// A finished change.
#[derive(Debug, Serialize)]
pub struct Applied {
    pub host: String,
    pub domain: String,
    pub run_id: String,
    pub removed: Vec<Record>,
    pub added: Vec<Record>,
    /// The serial the panel's zone has after the change.
    pub serial: u32,
    /// The serial the host's nameserver serves once it serves the change.
    pub served_serial: Option<u32>,
    /// Why the change is not confirmed (read back or served), when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

impl Report for Applied {
    fn render(&self, p: &Printer) {
        match &self.problem {
            Some(why) => p.data(format!("{} on {}: {why}", self.domain, self.host)),
            None => p.data(format!(
                "{} on {}: changed, serial {}, served by the host's nameserver (serial {})",
                self.domain,
                self.host,
                self.serial,
                self.served_serial
                    .map_or_else(|| "unknown".to_string(), |s| s.to_string())
            )),
        }
        if !self.run_id.is_empty() && self.problem.is_none() {
            p.status(format!("undo with: hostops dns undo {}", self.run_id));
        }
    }

    fn status(&self) -> ExitStatus {
        if self.problem.is_some() {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

/// The constant script replacing a zone file (`$1`) with stdin: only a regular file, the new
/// file written beside it and renamed over it (a rename never follows a symbolic link).
const REPLACE: &str = r#"set -e
f=$1
if [ -L "$f" ] || [ ! -f "$f" ]; then echo "$f is not a regular file: not replaced" >&2; exit 3; fi
tmp=$(mktemp -- "$f.hostops.XXXXXX")
cat >"$tmp"
chmod --reference="$f" -- "$tmp"
chown --reference="$f" -- "$tmp" 2>/dev/null || true
mv -f -- "$tmp" "$f""#;

/// Undoes the steps done, latest first (a record deleted before a failed add is added back);
/// says how that went.
fn roll_back(t: &dyn Transport, done: &[ZoneStep]) -> String {
    let undos: Vec<&Cmd> = done
        .iter()
        .rev()
        .filter_map(|s| match s {
            ZoneStep::Run { undo, .. } => undo.as_ref(),
            ZoneStep::Write { .. } => None,
        })
        .collect();
    if undos.is_empty() {
        return "nothing had changed".into();
    }
    let failed: Vec<String> = undos
        .iter()
        .filter_map(|cmd| match transport::run_ok(t, cmd) {
            Ok(_) => None,
            Err(e) => Some(format!("{}: {e}", cmd.display())),
        })
        .collect();
    if failed.is_empty() {
        format!(
            "the {} step(s) done were undone: the zone is as before",
            undos.len()
        )
    } else {
        format!(
            "UNDOING THE STEPS DONE FAILED, check the zone: {}",
            failed.join("; ")
        )
    }
}

fn run_step(t: &dyn Transport, step: &ZoneStep) -> Result<()> {
    let (cmd, stdin, judge) = match step {
        ZoneStep::Run { cmd, judge, .. } => (cmd.clone(), None, Some(*judge)),
        ZoneStep::Write { path, text } => (
            Cmd::script("sh", REPLACE).arg(path),
            Some(text.as_bytes()),
            None,
        ),
    };
    let out = transport::run(t, &cmd, stdin, None)?;
    if !out.exit.success() {
        bail!(
            "{} failed: {}",
            cmd.display(),
            format!("{}{}", out.stderr_text(), out.stdout_text()).trim()
        );
    }
    if let Some(j) = judge {
        j.check(&out.stdout_text())?;
    }
    Ok(())
}

/// The sets the change touched, with the data the zone now has for each.
fn touched(zone: &Zone, d: &Diff) -> Vec<(SetKey, BTreeSet<String>)> {
    d.changes
        .iter()
        .map(|l| {
            let key = (l.name.clone(), l.rtype.clone());
            let data = zone
                .records
                .iter()
                .filter(|r| r.name == key.0 && r.rtype == key.1)
                .map(|r| r.data.clone())
                .collect();
            (key, data)
        })
        .collect()
}

impl Change for DnsChange {
    type Detail = Diff;
    type Report = Applied;

    fn plan(&self) -> &Plan<Diff> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<Applied> {
        let t = &*self.t;
        let d = &self.plan.detail;
        let dns = self.panel.dns_on(&d.host)?;
        let mut report = Applied {
            host: d.host.clone(),
            domain: d.domain.clone(),
            run_id: self.run_id.clone(),
            removed: d.removed.clone(),
            added: d.added.clone(),
            serial: self.zone.serial,
            served_serial: None,
            problem: None,
        };
        if self.steps.is_empty() {
            return Ok(report);
        }
        let now = dns.zone(t, &d.domain)?;
        if now.serial != self.zone.serial {
            bail!(change::Stale(format!(
                "the zone {} changed since the plan (serial {} is now {})",
                d.domain, self.zone.serial, now.serial
            )));
        }
        let start = Instant::now();
        for (n, step) in self.steps.iter().enumerate() {
            if let Err(e) = run_step(t, step) {
                if let Some(s) = e.downcast_ref::<Stale>() {
                    bail!(change::Stale(s.to_string()));
                }
                let back = roll_back(t, &self.steps[..n]);
                ctx.note(format!("dns: {} on {}: {e:#}; {back}", d.domain, d.host))?;
                return Err(e.context(back));
            }
        }
        let journal = Journal {
            host: d.host.clone(),
            domain: d.domain.clone(),
            removed: d.removed.clone(),
            added: d.added.clone(),
        };
        Journaled::new(&self.run_id).record(
            ctx,
            OPERATION,
            &d.domain,
            APPLIED,
            &Ok(journal),
            start.elapsed(),
        )?;
        let back = dns.zone(t, &d.domain)?;
        report.serial = back.serial;
        let has = |r: &Record| back.records.iter().any(|x| super::same(x, r));
        let missing: Vec<String> = d
            .added
            .iter()
            .filter(|r| !has(r))
            .chain(d.removed.iter().filter(|r| has(r)))
            .map(|r| r.to_string())
            .collect();
        if !missing.is_empty() {
            report.problem = Some(format!(
                "the panel's zone does not show the change: {}",
                missing.join("; ")
            ));
            return Ok(report);
        }
        match served::wait_until_served(self.ns, &d.domain, &touched(&back, d), SERVE_LIMIT) {
            Ok(serial) => report.served_serial = serial,
            Err(e) => report.problem = Some(format!("{e:#}")),
        }
        ctx.note(format!(
            "dns: {} on {} changed (-{} +{} records), serial {}",
            d.domain,
            d.host,
            d.removed.len(),
            d.added.len(),
            report.serial
        ))?;
        Ok(report)
    }

    /// The zone read again through the panel and the same request planned against it; the
    /// same change when it removes and adds the same records.
    fn replanner(&self) -> Option<Replanner<Self>> {
        let t = self.t.clone();
        let kind = self.panel.kind();
        let ns = self.ns;
        let before = self.zone.clone();
        let request = self.request.clone();
        let summary = self.plan.summary.clone();
        let host = self.plan.detail.host.clone();
        let records = (
            self.plan.detail.removed.clone(),
            self.plan.detail.added.clone(),
        );
        Some(Box::new(move |ctx: &Context| {
            let panel = crate::panel::driver(kind);
            let now = panel.dns_on(&host)?.zone(&*t, &before.domain)?;
            let concurrent = request::concurrent(&before, &now);
            let located = Located { host, t, panel, ns };
            let mut change = plan(ctx, located, now, request, summary)?;
            change
                .plan
                .warnings
                .insert(0, format!("changed since the first plan: {concurrent}"));
            let d = &change.plan.detail;
            let same = (d.removed.clone(), d.added.clone()) == records;
            Ok(Replanned {
                change,
                concurrent,
                same,
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::zone;

    fn rec(line: &str) -> Record {
        zone::records(line, "a.test").unwrap().remove(0)
    }

    #[test]
    fn the_diff_reads_like_a_preview() {
        let old = rec("www 300 IN A 192.0.2.1\n");
        let new = rec("www 60 IN A 192.0.2.2\n");
        let mx = rec("@ 3600 IN MX 10 mail.a.test.\n");
        let lines = diff(&[old, mx], &[new]);
        let d = Diff {
            host: "h1".into(),
            domain: "a.test".into(),
            source: "/var/named/a.test.db".into(),
            serial: 7,
            changes: lines,
            removed: vec![],
            added: vec![],
        };
        let text = d.render().unwrap();
        assert!(
            text.contains("DELETE a.test. MX 10 mail.a.test. ttl=3600"),
            "{text}"
        );
        assert!(
            text.contains("MODIFY www.a.test. A (192.0.2.1 ttl=300) -> (192.0.2.2 ttl=60)"),
            "{text}"
        );
        let w = warnings(&d.changes);
        assert!(w.iter().any(|w| w.contains("MX: where mail")), "{w:?}");
        assert!(w.iter().any(|w| w.contains("up to 300 s")), "{w:?}");
    }
}
