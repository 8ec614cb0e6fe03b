//! `hostops hosts list|check`: the hosts hostops knows, and for each host asked about its
//! facts or why there are none.

use anyhow::Result;
use serde::Serialize;

use super::facts::{self, HostFacts};
use super::fanout;
use super::outcome::{error_text, Outcome};
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::transport::TransportError;

/// Every host hostops knows: the inventory's, ~/.ssh/config's and `local`.
#[derive(Serialize)]
pub struct HostList {
    pub hosts: Vec<HostSpec>,
}

pub fn list(ctx: &Context) -> Result<HostList> {
    Ok(HostList {
        hosts: ctx.inventory()?.hosts.clone(),
    })
}

/// Every host asked about, in the order asked, reachable or not.
#[derive(Serialize)]
pub struct HostChecks {
    pub hosts: Vec<Checked>,
}

/// One host asked about and what came of it. In JSON a reached host's facts (which name the
/// host) are the entry's own fields.
#[derive(Serialize)]
pub struct Checked {
    /// Only for a host without facts (the facts name their host).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// `failed` is a probe that failed.
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "error_text")]
    pub error: Option<TransportError>,
    #[serde(flatten)]
    pub facts: Option<HostFacts>,
}

/// Gathers the facts of the hosts `names` name, `forks` at a time.
pub fn check(ctx: &Context, names: &[String], forks: usize) -> Result<HostChecks> {
    let hosts = ctx.hosts(names)?;
    let bar = ctx.printer.count(hosts.len() as u64, "checking");
    let results = fanout::for_each(&hosts, forks, |h| {
        let r = ctx.connect(h).and_then(|t| facts::gather(&*t));
        bar.inc(1);
        r
    });
    drop(bar);
    let hosts = hosts
        .iter()
        .zip(results)
        .map(|(h, r)| match r {
            Ok(f) => Checked {
                host: None,
                outcome: Outcome::Ok,
                error: None,
                facts: Some(f),
            },
            Err(e) => Checked {
                host: Some(h.name.clone()),
                outcome: Outcome::of_error(&e),
                error: Some(e),
                facts: None,
            },
        })
        .collect();
    Ok(HostChecks { hosts })
}
