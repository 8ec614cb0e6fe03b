//! The journal of one run: each event redacted, numbered in its run and appended; when a shared
//! journal goes away mid-run, the whole run so far and the rest of it go to the local file.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use anyhow::{Context as _, Result};

use super::chain::Head;
use super::event::{Event, RunEnd, RunStart, RunStatus};
use super::handle::Journal;
use super::redact::Redactor;
use super::store::Entry;
use crate::ticket::Ticket;

/// Where a run journals when its shared journal cannot be reached.
pub enum Fallback {
    /// Nowhere else: the journal is local already.
    None,
    /// This local file, if the shared journal goes away during the run.
    To(PathBuf),
    /// The shared journal was unreachable from the start (why): the journal given is local.
    Taken(String),
}

pub struct RunLog {
    run_id: String,
    ticket: Ticket,
    redactor: Arc<Redactor>,
    started: Instant,
    writer: Mutex<Writer>,
}

struct Writer {
    journal: Arc<Journal>,
    /// The number of events this run has recorded.
    count: i64,
    /// While the journal is shared: every entry sent, to journal the whole run locally if the
    /// shared journal goes away.
    sent: Vec<Entry>,
    fallback: Option<PathBuf>,
    /// Why the run is journaled locally rather than in the shared journal.
    local_because: Option<String>,
}

impl RunLog {
    /// Records the start of a run and returns its handle.
    pub fn start(
        journal: Arc<Journal>,
        fallback: Fallback,
        ticket: Ticket,
        start: RunStart,
        redactor: Arc<Redactor>,
    ) -> Result<RunLog> {
        let (fallback, local_because) = match fallback {
            Fallback::None => (None, None),
            Fallback::To(path) => (Some(path), None),
            Fallback::Taken(why) => (None, Some(why)),
        };
        let log = RunLog {
            run_id: super::new_run_id(),
            ticket,
            redactor,
            started: Instant::now(),
            writer: Mutex::new(Writer {
                journal,
                count: 0,
                sent: Vec::new(),
                fallback,
                local_because,
            }),
        };
        log.record(Event::RunStart(start))?;
        Ok(log)
    }

    pub fn run_id(&self) -> &str {
        &self.run_id
    }

    /// The journal this run writes to now.
    pub fn journal(&self) -> Arc<Journal> {
        self.writer().journal.clone()
    }

    /// Why this run is journaled in the local file rather than the shared journal, if it is.
    pub fn journaled_locally(&self) -> Option<String> {
        self.writer().local_because.clone()
    }

    pub fn ticket(&self) -> &Ticket {
        &self.ticket
    }

    pub fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Appends one event (redacted) to the chain.
    pub fn record(&self, event: Event) -> Result<()> {
        self.append(event).map(drop)
    }

    /// Records how the run ended; returns the chain head after it, the run summary's anchor.
    pub fn finish(&self, exit_code: i32, status: RunStatus) -> Result<Head> {
        self.append(Event::RunEnd(RunEnd {
            exit_code,
            status,
            duration_ms: self.started.elapsed().as_millis() as u64,
        }))
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, Writer> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Numbers and appends the event under the run's lock, so the run's events keep their
    /// order in whichever journal they land.
    fn append(&self, mut event: Event) -> Result<Head> {
        event.redact(&self.redactor);
        let mut w = self.writer();
        w.count += 1;
        let entry = Entry::new(&self.run_id, w.count, self.ticket.as_str(), &event)?;
        let began = Instant::now();
        let appended = match w.journal.append_entries(std::slice::from_ref(&entry)) {
            Ok(done) => {
                if w.journal.is_shared() {
                    w.sent.push(entry);
                }
                done
            }
            Err(e) => match w.fallback.take() {
                Some(path) => {
                    w.sent.push(entry);
                    let local = Arc::new(Journal::open(&path)?);
                    let done = local.append_entries(&w.sent)?;
                    let why = format!("{e:#}");
                    tracing::warn!(
                        "{why}; this run is journaled locally in `{}` from its start: send it \
                         later with `hostops log push`",
                        path.display()
                    );
                    w.sent = Vec::new();
                    w.journal = local;
                    w.local_because = Some(why);
                    done
                }
                None => return Err(e),
            },
        };
        tracing::debug!(
            "journal write took {:.3} ms",
            began.elapsed().as_secs_f64() * 1000.0
        );
        appended
            .head
            .context("the journal has no head after an append")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::chain::GENESIS;
    use crate::journal::store::{Appended, Store, Stored};

    /// A shared journal that takes `up` appends, then is gone.
    struct Flaky {
        up: usize,
        rows: Vec<Entry>,
    }

    impl Store for Flaky {
        fn head(&mut self) -> Result<Option<Head>> {
            Ok(None)
        }
        fn append(&mut self, entries: &[Entry]) -> Result<Appended> {
            anyhow::ensure!(self.rows.len() < self.up, "connection refused");
            self.rows.extend_from_slice(entries);
            Ok(Appended {
                new: entries.len() as u64,
                head: Some(Head {
                    seq: self.rows.len() as i64,
                    hash: GENESIS.into(),
                }),
            })
        }
        fn scan(&mut self, _: Option<&str>, _: &mut dyn FnMut(Stored) -> Result<()>) -> Result<()> {
            Ok(())
        }
    }

    fn start() -> RunStart {
        RunStart {
            operator: "tester".into(),
            machine: "test".into(),
            command: "unit test".into(),
            argv: Vec::new(),
            version: "0".into(),
            dry_run: false,
            pid: std::process::id(),
            level: None,
        }
    }

    #[test]
    fn a_run_whose_shared_journal_goes_away_continues_locally_from_its_start() {
        let dir = tempfile::tempdir().unwrap();
        let local = dir.path().join("journal.sqlite");
        let shared = Journal::of(
            Box::new(Flaky {
                up: 2,
                rows: Vec::new(),
            }),
            "postgres://db/x",
            true,
        );
        let pattern = regex::Regex::new(crate::ticket::DEFAULT_PATTERN).unwrap();
        let log = RunLog::start(
            Arc::new(shared),
            Fallback::To(local.clone()),
            Ticket::parse("T-1", &pattern).unwrap(),
            start(),
            Arc::new(Redactor::default()),
        )
        .unwrap();
        log.record(Event::Note { text: "one".into() }).unwrap();
        assert!(log.journaled_locally().is_none());
        log.record(Event::Note { text: "two".into() }).unwrap();
        let why = log.journaled_locally().expect("now journaled locally");
        assert_eq!(why, "connection refused");
        log.finish(0, RunStatus::Ok).unwrap();
        assert_eq!(log.journal().name(), local.display().to_string());

        // The local file has the whole run, in order, and its chain is intact.
        let file = Journal::open_read_only(&local).unwrap();
        let kinds: Vec<String> = file
            .ticket_events("T-1")
            .unwrap()
            .into_iter()
            .map(|e| e.event.kind().to_string())
            .collect();
        assert_eq!(kinds, ["run_start", "note", "note", "run_end"]);
        assert!(file.verify(None).unwrap().intact());
    }
}
