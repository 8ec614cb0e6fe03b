//! `log push`: the local file's rows appended to a shared journal, each named by its run and
//! its place in the run (as the run numbered it when it wrote to the shared journal first), so
//! rows the shared journal has already are skipped and pushing twice stores nothing twice.
//! Each side keeps its own chain: the local file is only read, the shared chain grows.

use std::collections::HashMap;

use anyhow::Result;

use super::chain::Head;
use super::handle::Journal;
use super::store::{Entry, Stored};

/// Rows sent in one transaction.
const BATCH: usize = 500;

/// What a push did.
pub struct Pushed {
    /// Rows read from the local journal.
    pub rows: u64,
    /// Rows the shared journal did not have yet.
    pub new: u64,
    /// Runs the local journal holds.
    pub runs: u64,
    /// The shared journal's head after the push.
    pub head: Option<Head>,
}

/// Appends every row of `local` that `shared` lacks to `shared`, in the local chain's order.
pub fn push(local: &Journal, shared: &Journal) -> Result<Pushed> {
    let mut per_run: HashMap<String, i64> = HashMap::new();
    let mut batch: Vec<Entry> = Vec::with_capacity(BATCH);
    let mut pushed = Pushed {
        rows: 0,
        new: 0,
        runs: 0,
        head: shared.head()?,
    };
    let send = |batch: &mut Vec<Entry>, pushed: &mut Pushed| -> Result<()> {
        let done = shared.append_entries(batch)?;
        pushed.new += done.new;
        pushed.head = done.head.or(pushed.head.take());
        batch.clear();
        Ok(())
    };
    local.scan(None, &mut |Stored { row, .. }| {
        let run_seq = per_run.entry(row.run_id.clone()).or_insert(0);
        *run_seq += 1;
        pushed.rows += 1;
        batch.push(Entry {
            run_id: row.run_id,
            run_seq: *run_seq,
            ticket: row.ticket,
            at: row.at,
            kind: row.kind,
            body: row.body,
        });
        if batch.len() == BATCH {
            send(&mut batch, &mut pushed)?;
        }
        Ok(())
    })?;
    if !batch.is_empty() {
        send(&mut batch, &mut pushed)?;
    }
    pushed.runs = per_run.len() as u64;
    Ok(pushed)
}
