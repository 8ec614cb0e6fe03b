//! Reading the journal back: events of a ticket, and runs summarised for `log list`/`log show`.

use anyhow::{Context as _, Result};
use rusqlite::params;
use serde::Serialize;

use super::event::{Event, RunStatus};
use super::store::Journal;
use crate::identity;

/// One stored event with its chain position.
#[derive(Clone, Debug, Serialize)]
pub struct StoredEvent {
    pub seq: i64,
    pub run_id: String,
    pub ticket: String,
    pub at: String,
    #[serde(flatten)]
    pub event: Event,
}

/// One run, as `log list` shows it.
#[derive(Clone, Debug, Serialize)]
pub struct RunSummary {
    pub run_id: String,
    pub ticket: String,
    pub operator: String,
    pub machine: String,
    pub command: String,
    pub argv: Vec<String>,
    pub dry_run: bool,
    pub started: String,
    pub ended: Option<String>,
    pub duration_ms: u64,
    pub status: RunStatus,
    pub exit_code: Option<i32>,
    /// Remote commands and copies the run made.
    pub remote_actions: u64,
}

/// The journal's timestamp format: fixed width, so text order is time order.
pub fn now_text() -> String {
    timestamp_text(jiff::Timestamp::now())
}

/// `2026-11-22T10:30:01.123456Z`: UTC, microseconds, always the same width.
pub fn timestamp_text(ts: jiff::Timestamp) -> String {
    format!(
        "{}.{:06}Z",
        ts.strftime("%Y-%m-%dT%H:%M:%S"),
        ts.subsec_microsecond()
    )
}

impl Journal {
    /// Every event of one ticket, in chain order.
    pub fn ticket_events(&self, ticket: &str) -> Result<Vec<StoredEvent>> {
        self.select("WHERE ticket = ?1", ticket, "")
    }

    /// Runs, newest last, optionally of one ticket and since a time (`at` text, inclusive).
    pub fn runs(&self, ticket: Option<&str>, since: Option<&str>) -> Result<Vec<RunSummary>> {
        let events = self.select(
            "WHERE (?1 = '' OR ticket = ?1) AND (?2 = '' OR run_id IN \
             (SELECT run_id FROM events WHERE kind = 'run_start' AND at >= ?2))",
            ticket.unwrap_or(""),
            since.unwrap_or(""),
        )?;
        Ok(summarize(&events))
    }

    fn select(&self, filter: &str, a: &str, b: &str) -> Result<Vec<StoredEvent>> {
        let conn = self.lock();
        let sql = format!("SELECT seq, run_id, ticket, at, body FROM events {filter} ORDER BY seq");
        let mut stmt = conn.prepare(&sql)?;
        let args = if filter.contains("?2") {
            params![a, b]
        } else {
            params![a]
        };
        let rows = stmt.query_map(args, |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (seq, run_id, ticket, at, body) = row?;
            let event = serde_json::from_str(&body)
                .with_context(|| format!("journal row {seq} is not readable"))?;
            Ok(StoredEvent {
                seq,
                run_id,
                ticket,
                at,
                event,
            })
        })
        .collect()
    }
}

/// Groups events into runs, in the order the runs started.
pub fn summarize(events: &[StoredEvent]) -> Vec<RunSummary> {
    let mut runs: Vec<RunSummary> = Vec::new();
    let mut last_seen: Vec<String> = Vec::new();
    for e in events {
        let idx = runs.iter().position(|r| r.run_id == e.run_id);
        match (&e.event, idx) {
            (Event::RunStart(s), None) => {
                let status = if s.machine == identity::machine() && identity::hostops_alive(s.pid) {
                    RunStatus::Running
                } else {
                    RunStatus::Interrupted
                };
                runs.push(RunSummary {
                    run_id: e.run_id.clone(),
                    ticket: e.ticket.clone(),
                    operator: s.operator.clone(),
                    machine: s.machine.clone(),
                    command: s.command.clone(),
                    argv: s.argv.clone(),
                    dry_run: s.dry_run,
                    started: e.at.clone(),
                    ended: None,
                    duration_ms: 0,
                    status,
                    exit_code: None,
                    remote_actions: 0,
                });
                last_seen.push(e.at.clone());
            }
            (Event::RunEnd(end), Some(i)) => {
                let r = &mut runs[i];
                r.ended = Some(e.at.clone());
                r.duration_ms = end.duration_ms;
                r.status = end.status;
                r.exit_code = Some(end.exit_code);
            }
            (Event::Exec(_) | Event::Copy(_), Some(i)) => {
                runs[i].remote_actions += 1;
                last_seen[i] = e.at.clone();
            }
            (_, Some(i)) => last_seen[i] = e.at.clone(),
            _ => {}
        }
    }
    // An unfinished run counts the time up to its last recorded event.
    for (r, last) in runs.iter_mut().zip(&last_seen) {
        if r.ended.is_none() {
            r.duration_ms = millis_between(&r.started, last);
        }
    }
    runs
}

fn millis_between(a: &str, b: &str) -> u64 {
    match (a.parse::<jiff::Timestamp>(), b.parse::<jiff::Timestamp>()) {
        (Ok(a), Ok(b)) => (b.as_millisecond() - a.as_millisecond()).max(0) as u64,
        _ => 0,
    }
}
