//! `hostops account find QUERY [HOST|GROUP...]`: which account on which server holds a
//! domain, user, mailbox or database; every host at once, each one a row, reached or not.

use anyhow::Result;
use serde::Serialize;

use super::{find_on, query, FindError};
use crate::context::Context;
use crate::ops::fanout;
use crate::ops::outcome::Outcome;
use crate::panel::lookup::Found;
use crate::panel::PanelKind;

/// The query and every host asked, in inventory order.
#[derive(Serialize)]
pub struct FindReport {
    pub query: String,
    pub hosts: Vec<HostFind>,
}

/// One host asked: its panel and what matched there, or why it could not say.
#[derive(Serialize)]
pub struct HostFind {
    pub host: String,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub panel: Option<PanelKind>,
    pub found: Vec<Found>,
}

/// Asks the hosts `names` name (every inventory host when none), `forks` at a time.
pub fn find(ctx: &Context, text: &str, names: &[String], forks: usize) -> Result<FindReport> {
    let q = query(text)?;
    let all = ["all".to_string()];
    let hosts = ctx.hosts(if names.is_empty() { &all } else { names })?;
    let bar = ctx.printer.count(hosts.len() as u64, "searching");
    let results = fanout::for_each(&hosts, forks, |h| {
        let r = ctx
            .connect(h)
            .map_err(FindError::from)
            .and_then(|t| find_on(&*t, &q));
        bar.inc(1);
        r
    });
    drop(bar);
    let mut rows = Vec::new();
    for (h, r) in hosts.iter().zip(results) {
        let row = match r {
            Ok((panel, found)) => HostFind {
                host: h.name.clone(),
                outcome: Outcome::Ok,
                error: None,
                panel: Some(panel.kind),
                found,
            },
            Err(e) => {
                let outcome = match &e {
                    FindError::Transport(t) => Outcome::of_error(t),
                    FindError::Panel(_) => Outcome::Failed,
                };
                HostFind {
                    host: h.name.clone(),
                    outcome,
                    error: Some(e.to_string()),
                    panel: None,
                    found: Vec::new(),
                }
            }
        };
        for f in &row.found {
            ctx.note(format!(
                "{} on {}: account {} ({})",
                f.name,
                row.host,
                f.account,
                f.matched.as_str()
            ))?;
        }
        rows.push(row);
    }
    Ok(FindReport {
        query: q.text(),
        hosts: rows,
    })
}
