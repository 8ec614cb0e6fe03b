//! What `log list|show|export|verify` read from the journal, as typed reports: runs, a
//! ticket's hand-over report, the chain verified. Reading never creates or changes the journal.

use std::collections::HashMap;

use anyhow::Result;
use serde::Serialize;

use super::handoff::{self, TicketReport};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::journal::query::summarize;
use crate::journal::{Event, RunStatus, RunSummary, Verification};

/// `log list`: runs, newest last.
#[derive(Debug, Serialize)]
pub struct RunList {
    pub runs: Vec<RunRow>,
}

/// One run as `log list` shows it: its summary, the operator's level and what it touched.
#[derive(Debug, Serialize)]
pub struct RunRow {
    #[serde(flatten)]
    pub summary: RunSummary,
    /// The operator's support level when the run started (None: no level configured).
    pub level: Option<u8>,
    pub touched: Touched,
}

/// What a run worked on: the hosts its commands and copies ran on, the accounts its steps
/// worked on or its command line named, the domains its command line named.
#[derive(Debug, Default, Serialize)]
pub struct Touched {
    pub hosts: Vec<String>,
    pub accounts: Vec<String>,
    pub domains: Vec<String>,
}

impl Touched {
    fn add(list: &mut Vec<String>, item: &str) {
        if !list.iter().any(|x| x == item) {
            list.push(item.to_string());
        }
    }
}

/// Accounts and domains a journaled command line names (`argv` as journaled).
pub type Named<'a> = &'a dyn Fn(&[String]) -> (Vec<String>, Vec<String>);

/// Which runs `log list` shows.
#[derive(Debug, Default)]
pub struct RunFilter {
    /// Runs of this ticket only.
    pub ticket: Option<String>,
    /// Started at or after this time (journal timestamp text).
    pub since: Option<String>,
    /// Touched this host.
    pub host: Option<String>,
    /// Run by this operator (`user` or `user@machine`).
    pub operator: Option<String>,
    pub outcome: Option<RunStatus>,
    /// Run at this support level.
    pub level: Option<u8>,
}

impl RunFilter {
    fn keeps(&self, r: &RunRow) -> bool {
        let s = &r.summary;
        let who = format!("{}@{}", s.operator, s.machine);
        self.since
            .as_deref()
            .is_none_or(|t| s.started.as_str() >= t)
            && self
                .host
                .as_ref()
                .is_none_or(|h| r.touched.hosts.contains(h))
            && self
                .operator
                .as_deref()
                .is_none_or(|o| o == s.operator || o == who)
            && self.outcome.is_none_or(|o| o == s.status)
            && self.level.is_none_or(|l| r.level == Some(l))
    }
}

/// The runs `filter` keeps, each with what it touched; `named` reads accounts and domains
/// from a run's command line.
pub fn runs(ctx: &Context, filter: &RunFilter, named: Named) -> Result<RunList> {
    let events = ctx.read_journal()?.events(filter.ticket.as_deref())?;
    let mut rows: Vec<RunRow> = summarize(&events)
        .into_iter()
        .map(|summary| {
            let (accounts, domains) = named(&summary.argv);
            RunRow {
                summary,
                level: None,
                touched: Touched {
                    hosts: Vec::new(),
                    accounts,
                    domains,
                },
            }
        })
        .collect();
    let index: HashMap<String, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.summary.run_id.clone(), i))
        .collect();
    for e in &events {
        let Some(row) = index.get(&e.run_id).map(|&i| &mut rows[i]) else {
            continue;
        };
        let t = &mut row.touched;
        match &e.event {
            Event::RunStart(s) => row.level = s.level,
            Event::ExecStart(x) => Touched::add(&mut t.hosts, &x.host),
            Event::Exec(x) => Touched::add(&mut t.hosts, &x.host),
            Event::Copy(c) => Touched::add(&mut t.hosts, &c.host),
            Event::Step(s) => Touched::add(&mut t.accounts, &s.unit),
            // Notes, the end, and ticket events name nothing a run touched.
            _ => {}
        }
    }
    rows.retain(|r| filter.keeps(r));
    Ok(RunList { runs: rows })
}

/// What the next support level needs about `ticket` (exit 1 when it has no runs).
pub fn ticket(ctx: &Context, ticket: &str) -> Result<TicketReport> {
    let journal = ctx.read_journal()?;
    let r = handoff::ticket_report(&journal, ticket)?;
    if r.runs.is_empty() {
        return Err(StatusError {
            status: ExitStatus::Failure,
            message: format!(
                "no runs recorded for ticket {ticket} in `{}`",
                journal.name()
            ),
        }
        .into());
    }
    Ok(r)
}

/// `log verify`: the chain checked, and the journal it was read from.
#[derive(Debug, Serialize)]
pub struct JournalCheck {
    /// Where the journal is, as people are told (not in the JSON: the caller knows).
    #[serde(skip)]
    pub journal: String,
    #[serde(flatten)]
    pub verification: Verification,
}

/// Walks the whole chain; with `anchor` (a head recorded earlier), also looks for it.
pub fn verify(ctx: &Context, anchor: Option<&str>) -> Result<JournalCheck> {
    let journal = ctx.read_journal()?;
    let verification = journal.verify(anchor)?;
    Ok(JournalCheck {
        journal: journal.name().to_string(),
        verification,
    })
}
