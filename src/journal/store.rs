//! The one journal-store trait both backends implement (SQLite, embedded; PostgreSQL, shared),
//! and the records they store.

use anyhow::Result;

use super::chain::{Head, Row};
use super::event::Event;

/// One event as the client prepared it, before a store chains it: the same record whichever
/// journal it lands in, and named by `(run_id, run_seq)` so a retry or a push never stores it
/// twice.
#[derive(Clone, Debug)]
pub struct Entry {
    pub run_id: String,
    /// The event's place in its run, from 1.
    pub run_seq: i64,
    pub ticket: String,
    pub at: String,
    pub kind: String,
    pub body: String,
}

impl Entry {
    pub fn new(run_id: &str, run_seq: i64, ticket: &str, event: &Event) -> Result<Entry> {
        Ok(Entry {
            run_id: run_id.to_string(),
            run_seq,
            ticket: ticket.to_string(),
            at: now_text(),
            kind: event.kind().to_string(),
            body: serde_json::to_string(event)?,
        })
    }

    /// The chain row this entry becomes after the row `prev` (`seq`, `hash`).
    pub fn chained(&self, seq: i64, prev_hash: String) -> Row {
        Row {
            seq,
            run_id: self.run_id.clone(),
            ticket: self.ticket.clone(),
            at: self.at.clone(),
            kind: self.kind.clone(),
            body: self.body.clone(),
            prev_hash,
        }
    }
}

/// A row as stored: its hashed fields and the hash stored with it.
pub struct Stored {
    pub row: Row,
    pub hash: String,
}

/// What an append did: how many entries were new (the others were stored already), and the
/// head after it.
#[derive(Debug)]
pub struct Appended {
    pub new: u64,
    pub head: Option<Head>,
}

/// A journal backend. Appends are serialized per journal (one chain, however many writers);
/// rows are read back in chain order.
pub trait Store: Send {
    /// The head as the store records it (`None` for an empty journal).
    fn head(&mut self) -> Result<Option<Head>>;

    /// Chains and commits `entries` in order, all or none, skipping each one already stored.
    fn append(&mut self, entries: &[Entry]) -> Result<Appended>;

    /// Every row in chain order (of one ticket, if given), passed to `each`.
    fn scan(
        &mut self,
        ticket: Option<&str>,
        each: &mut dyn FnMut(Stored) -> Result<()>,
    ) -> Result<()>;
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
