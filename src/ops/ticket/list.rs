//! `ticket list`: every ticket in the journal with its level, state, operators and last
//! activity, filtered by operator, level and state.

use anyhow::Result;
use serde::Serialize;

use super::build;
use crate::context::Context;

#[derive(Debug, Serialize)]
pub struct TicketList {
    pub tickets: Vec<TicketRow>,
}

#[derive(Debug, Serialize)]
pub struct TicketRow {
    pub ticket: String,
    pub level: Option<u8>,
    pub open: bool,
    pub runs: u64,
    pub operators: Vec<String>,
    pub total_ms: u64,
    pub last_activity: String,
}

/// Which tickets `ticket list` shows.
pub struct Filter {
    /// Only tickets this operator (user name) ran something on.
    pub operator: Option<String>,
    pub level: Option<u8>,
    pub open_only: bool,
}

pub fn list(ctx: &Context, filter: &Filter) -> Result<TicketList> {
    let events = ctx.read_journal()?.events(None)?;
    let mut names: Vec<&str> = Vec::new();
    for e in &events {
        if !names.contains(&e.ticket.as_str()) {
            names.push(&e.ticket);
        }
    }
    let mut tickets = Vec::new();
    for name in names {
        let own: Vec<_> = events
            .iter()
            .filter(|e| e.ticket == name)
            .cloned()
            .collect();
        let t = build(name, &own, false);
        let mine = filter.operator.as_deref().is_none_or(|me| {
            t.entries
                .iter()
                .any(|e| e.operator.split('@').next() == Some(me))
        });
        let level = filter.level.is_none_or(|l| t.level == Some(l));
        if !mine || !level || (filter.open_only && !t.open) {
            continue;
        }
        tickets.push(TicketRow {
            ticket: t.ticket.clone(),
            level: t.level,
            open: t.open,
            runs: t.work().count() as u64,
            operators: t.operators.iter().map(|o| o.operator.clone()).collect(),
            total_ms: t.total_ms,
            last_activity: own.last().map(|e| e.at.clone()).unwrap_or_default(),
        });
    }
    Ok(TicketList { tickets })
}
