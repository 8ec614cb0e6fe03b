//! `hostops dns`: a domain's DNS records read and changed through its server's panel, and
//! confirmed on the server's own nameserver.

pub mod check;
pub mod edit;
pub mod record;
pub mod request;
pub mod served;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{bail, Result};
use serde::Serialize;

use crate::app::Report;
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::zone::{self, Record};
use crate::ops::runner::Journaled;
use crate::output::Printer;
use crate::panel::dns::Zone;
use crate::panel::{self, Panel, PanelKind};
use crate::transport::Transport;
use request::Request;

/// The server holding a domain: its inventory name, connection, panel and nameserver.
pub struct Located {
    pub host: String,
    pub t: Arc<dyn Transport>,
    pub panel: Box<dyn Panel>,
    pub ns: SocketAddr,
}

/// Refuses (exit 2) a domain hostops would not pass to the panel.
pub(crate) fn checked_domain(domain: &str) -> Result<String> {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    if !zone::is_domain_name(&d) || !d.contains('.') {
        bail!(StatusError::usage(format!(
            "{domain:?} is not a domain name"
        )));
    }
    Ok(d)
}

/// The host named, or the one `account find` finds holding `domain` (exit 2 when none or
/// several do).
pub(crate) fn locate(ctx: &Context, domain: &str, host: Option<&str>) -> Result<Located> {
    let name = match host {
        Some(h) => h.to_string(),
        None => {
            let found = crate::ops::account::find(ctx, domain, &[], 20)?;
            let holders: Vec<String> = found
                .hosts
                .into_iter()
                .filter(|h| !h.found.is_empty())
                .map(|h| h.host)
                .collect();
            match holders.as_slice() {
                [one] => one.clone(),
                [] => bail!(StatusError::usage(format!(
                    "no inventory host holds {domain}: give --host"
                ))),
                many => bail!(StatusError::usage(format!(
                    "several hosts hold {domain} ({}): give --host",
                    many.join(", ")
                ))),
            }
        }
    };
    let spec = ctx.host(&name)?;
    let t = ctx.connect(&spec)?;
    let panel = panel::driver(panel::detect(&*t)?.kind);
    let ns = served::nameserver(&spec.address)?;
    Ok(Located {
        host: name,
        t,
        panel,
        ns,
    })
}

/// The same record whatever its TTL and however its TXT text is split into strings (Plesk
/// adds records with the zone's TTL and splits TXT itself).
pub fn same(a: &Record, b: &Record) -> bool {
    let text = |r: &Record| match r.rtype.as_str() {
        "TXT" => zone::strings(&r.data)
            .map(|s| s.concat())
            .unwrap_or_else(|_| r.data.clone()),
        _ => r.data.clone(),
    };
    a.name == b.name && a.rtype == b.rtype && text(a) == text(b)
}

/// `dns show`: the zone as the panel reads it, and what the host's nameserver says.
#[derive(Debug, Serialize)]
pub struct ShowReport {
    pub host: String,
    pub panel: PanelKind,
    #[serde(flatten)]
    pub zone: Zone,
    /// The zone's own nameservers (its apex NS records).
    pub nameservers: Vec<String>,
    pub authority: served::Authority,
}

impl Report for ShowReport {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "{} on {} ({}), serial {}, from {}",
            self.zone.domain,
            self.host,
            self.panel.as_str(),
            self.zone.serial,
            self.zone.source
        ));
        for r in &self.zone.records {
            p.data(format!(
                "  {:<40} {:>6} {:<5} {}",
                r.name, r.ttl, r.rtype, r.data
            ));
        }
        p.data(format!("nameservers: {}", self.nameservers.join(", ")));
        let a = &self.authority;
        p.data(match (&a.error, a.authoritative) {
            (Some(e), _) => format!("this server's nameserver {}: {e}", a.nameserver),
            (None, true) => format!(
                "this server's nameserver {} is authoritative (serves serial {})",
                a.nameserver,
                a.serial.map_or_else(|| "?".to_string(), |s| s.to_string())
            ),
            (None, false) => format!(
                "this server's nameserver {} is NOT authoritative for the domain",
                a.nameserver
            ),
        });
    }
}

pub fn show(ctx: &Context, domain: &str, host: Option<&str>) -> Result<ShowReport> {
    let domain = checked_domain(domain)?;
    let l = locate(ctx, &domain, host)?;
    let zone = l.panel.dns_on(&l.host)?.zone(&*l.t, &domain)?;
    let apex = format!("{domain}.");
    let nameservers = zone
        .records
        .iter()
        .filter(|r| r.rtype == "NS" && r.name == apex)
        .map(|r| r.data.clone())
        .collect();
    Ok(ShowReport {
        host: l.host,
        panel: l.panel.kind(),
        authority: served::authority(l.ns, &domain)?,
        nameservers,
        zone,
    })
}

/// What `dns add|set|rm` does to the named set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// One more record in the set.
    Add,
    /// The set becomes this one record.
    Set,
    /// The record given (or the whole set when no value is given) goes.
    Rm,
}

pub struct EditOptions {
    pub host: Option<String>,
    pub domain: String,
    pub op: Op,
    pub name: String,
    pub rtype: String,
    pub values: Vec<String>,
    pub ttl: Option<u32>,
}

/// Plans `dns add|set|rm`.
pub fn change(ctx: &Context, o: EditOptions) -> Result<edit::DnsChange> {
    let domain = checked_domain(&o.domain)?;
    let rtype = record::rtype(&o.rtype)?;
    let name = record::absolute(&domain, &o.name)?;
    let l = locate(ctx, &domain, o.host.as_deref())?;
    let zone = l.panel.dns_on(&l.host)?.zone(&*l.t, &domain)?;
    let verb = match o.op {
        Op::Add => "add",
        Op::Set => "set",
        Op::Rm => "remove",
    };
    let summary = format!("{verb} {name} {rtype} in the zone {domain} on {}", l.host);
    let request = Request::Edit {
        op: o.op,
        name,
        rtype,
        values: o.values,
        ttl: o.ttl,
    };
    edit::plan(ctx, l, zone, request, summary)
}

/// Plans `dns apply DOMAIN --file RECORDS`: every set the file lists becomes the file's
/// records; `-NAME TYPE` lines remove a set.
pub fn apply(
    ctx: &Context,
    domain: &str,
    file: &std::path::Path,
    host: Option<&str>,
) -> Result<edit::DnsChange> {
    let domain = checked_domain(domain)?;
    let text = std::fs::read_to_string(file)
        .map_err(|e| StatusError::usage(format!("cannot read {}: {e}", file.display())))?;
    let (wanted, dropped) = record::desired(&domain, &text)?;
    let l = locate(ctx, &domain, host)?;
    let zone = l.panel.dns_on(&l.host)?.zone(&*l.t, &domain)?;
    let sets: std::collections::BTreeSet<(&str, &str)> = wanted
        .iter()
        .map(|r| (r.name.as_str(), r.rtype.as_str()))
        .chain(dropped.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .collect();
    let summary = format!(
        "change {} record set(s) of the zone {domain} on {} from {}",
        sets.len(),
        l.host,
        file.display()
    );
    edit::plan(ctx, l, zone, Request::Sets { wanted, dropped }, summary)
}

/// Plans `dns undo RUN_ID`: the records the run added go, the ones it removed come back,
/// through the same panel steps.
pub fn undo(ctx: &Context, run_id: &str) -> Result<edit::DnsChange> {
    let ticket = ctx.ticket().map(|t| t.as_str()).unwrap_or_default();
    let journal = ctx.open_journal()?;
    let run_id = journal.resolve_run(ticket, run_id)?;
    let events = journal.ticket_events(ticket)?;
    let Some(j) =
        Journaled::read(&events, edit::OPERATION, &run_id).any::<edit::Journal>(edit::APPLIED)?
    else {
        bail!(StatusError::usage(format!(
            "run {run_id} of ticket {ticket} changed no DNS zone: nothing to undo"
        )));
    };
    let l = locate(ctx, &j.domain, Some(&j.host))?;
    let zone = l.panel.dns_on(&l.host)?.zone(&*l.t, &j.domain)?;
    let summary = format!(
        "put back the records of {} on {} that run {run_id} changed",
        j.domain, j.host
    );
    let request = Request::Undo {
        added: j.added,
        removed: j.removed,
    };
    edit::plan(ctx, l, zone, request, summary)
}
