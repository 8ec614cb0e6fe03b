//! Reading the journal back: events of a ticket, and runs summarised for `log list`/`log show`.

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::event::{Event, RunStatus};
use super::handle::Journal;
use super::store::Stored;
use crate::exit::StatusError;
use crate::identity;

/// The fewest leading characters of a run ID that commands take in place of the whole ID.
pub const RUN_PREFIX_MIN: usize = 8;

/// A run ID as tables show it: the first 13 characters of a UUID (48 random bits, one run in
/// practice, and a prefix every command that takes a run ID accepts); older IDs whole.
pub fn short_run_id(id: &str) -> &str {
    match uuid::Uuid::try_parse(id) {
        Ok(_) => &id[..13],
        Err(_) => id,
    }
}

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

impl Journal {
    /// Every event of one ticket, in chain order.
    pub fn ticket_events(&self, ticket: &str) -> Result<Vec<StoredEvent>> {
        self.events(Some(ticket))
    }

    /// Runs, newest last, optionally of one ticket and since a time (`at` text, inclusive).
    pub fn runs(&self, ticket: Option<&str>, since: Option<&str>) -> Result<Vec<RunSummary>> {
        let mut runs = summarize(&self.events(ticket)?);
        if let Some(since) = since {
            runs.retain(|r| r.started.as_str() >= since);
        }
        Ok(runs)
    }

    /// The run of `ticket` that `given` names: its full ID, or a prefix of at least
    /// `RUN_PREFIX_MIN` characters matching one run only. An ID that matches no run is returned
    /// as given, for the caller's own "no such run" message.
    pub fn resolve_run(&self, ticket: &str, given: &str) -> Result<String> {
        let mut ids: Vec<String> = Vec::new();
        self.scan(Some(ticket), &mut |s| {
            if s.row.run_id.starts_with(given) && !ids.contains(&s.row.run_id) {
                ids.push(s.row.run_id);
            }
            Ok(())
        })?;
        if ids.iter().any(|id| id == given) || ids.is_empty() {
            return Ok(given.to_string());
        }
        if given.chars().count() < RUN_PREFIX_MIN {
            return Err(StatusError::usage(format!(
                "run ID `{given}` is too short: give the whole ID or at least {RUN_PREFIX_MIN} \
                 characters of it (`hostops --ticket {ticket} log list` shows them)"
            ))
            .into());
        }
        match ids.as_slice() {
            [one] => Ok(one.clone()),
            many => Err(StatusError::usage(format!(
                "run ID `{given}` is ambiguous: it begins {} runs of ticket {ticket} ({}); give \
                 more characters",
                many.len(),
                many.join(", ")
            ))
            .into()),
        }
    }

    /// Every event (of one ticket, if given), in chain order.
    pub fn events(&self, ticket: Option<&str>) -> Result<Vec<StoredEvent>> {
        let mut events = Vec::new();
        self.scan(ticket, &mut |Stored { row, .. }| {
            let event = serde_json::from_str(&row.body)
                .with_context(|| format!("journal row {} is not readable", row.seq))?;
            events.push(StoredEvent {
                seq: row.seq,
                run_id: row.run_id,
                ticket: row.ticket,
                at: row.at,
                event,
            });
            Ok(())
        })?;
        Ok(events)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Entry, Event};

    fn journal(ids: &[(&str, &str)]) -> (tempfile::TempDir, Journal) {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(&dir.path().join("journal.sqlite")).unwrap();
        for (ticket, id) in ids {
            let note = Event::Note { text: "x".into() };
            let entries = [1, 2].map(|n| Entry::new(id, n, ticket, &note).unwrap());
            j.append_entries(&entries).unwrap();
        }
        (dir, j)
    }

    fn usage_message(e: anyhow::Error) -> String {
        assert_eq!(
            e.downcast_ref::<StatusError>().map(|s| s.status),
            Some(crate::exit::ExitStatus::Usage)
        );
        e.to_string()
    }

    const A: &str = "1b4e28ba-2fa1-4d3b-883f-0016d3cca427";
    const B: &str = "1b4e28ba-9e07-4c1d-a3f0-5d1e2b7c9a10";
    const C: &str = "7f3a0c11-0b52-4e8e-9d3c-c2a1f0e4b6d2";
    const OLD: &str = "20261122-103001-7f3a";

    #[test]
    fn a_whole_id_or_a_unique_prefix_names_its_run() {
        let (_d, j) = journal(&[("T-1", A), ("T-1", B), ("T-1", C), ("T-1", OLD)]);
        assert_eq!(j.resolve_run("T-1", A).unwrap(), A);
        assert_eq!(j.resolve_run("T-1", "7f3a0c11").unwrap(), C);
        assert_eq!(j.resolve_run("T-1", "1b4e28ba-9").unwrap(), B);
        assert_eq!(j.resolve_run("T-1", OLD).unwrap(), OLD);
        assert_eq!(j.resolve_run("T-1", "20261122-1030").unwrap(), OLD);
    }

    #[test]
    fn tables_show_a_uuid_short_and_an_old_id_whole() {
        assert_eq!(short_run_id(A), "1b4e28ba-2fa1");
        assert_eq!(short_run_id(OLD), OLD);
    }

    #[test]
    fn an_ambiguous_or_short_prefix_is_refused() {
        let (_d, j) = journal(&[("T-1", A), ("T-1", B), ("T-1", C)]);
        let e = usage_message(j.resolve_run("T-1", "1b4e28ba").unwrap_err());
        assert!(
            e.contains("ambiguous") && e.contains(A) && e.contains(B),
            "{e}"
        );
        let e = usage_message(j.resolve_run("T-1", "7f3a").unwrap_err());
        assert!(e.contains("at least 8 characters"), "{e}");
    }

    #[test]
    fn runs_of_other_tickets_and_unknown_ids_are_not_matched() {
        let (_d, j) = journal(&[("T-1", A), ("T-2", C)]);
        assert_eq!(j.resolve_run("T-1", "7f3a0c11").unwrap(), "7f3a0c11");
        assert_eq!(
            j.resolve_run("T-1", "y';DROP TABLE events;--").unwrap(),
            "y';DROP TABLE events;--"
        );
        assert_eq!(j.resolve_run("T-1", "%").unwrap(), "%");
        assert_eq!(j.resolve_run("T-1", A).unwrap(), A);
    }
}
