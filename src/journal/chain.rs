//! The hash chain: each row's hash covers its own fields and the previous row's hash, and the
//! head table remembers the last one, so a row edited or deleted in the middle shows. Whoever
//! can rewrite the whole file can re-hash it too: only a head recorded outside the journal (an
//! anchor) shows a rewrite, a truncation or a replaced file.

use anyhow::Result;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::store::Journal;
use crate::transport::pump::hex;

pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hashed fields of one event row.
pub struct Row {
    pub seq: i64,
    pub run_id: String,
    pub ticket: String,
    pub at: String,
    pub kind: String,
    pub body: String,
    pub prev_hash: String,
}

impl Row {
    pub fn hash(&self) -> String {
        // A JSON array keeps field boundaries unambiguous.
        let fields = (
            &self.prev_hash,
            self.seq,
            &self.run_id,
            &self.ticket,
            &self.at,
            &self.kind,
            &self.body,
        );
        hex(&Sha256::digest(
            serde_json::to_vec(&fields).expect("strings serialize"),
        ))
    }
}

/// A row of the chain as an outside anchor: print it, keep it in the ticket, check it later with
/// `log verify --head HASH`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Head {
    pub seq: i64,
    pub hash: String,
}

impl Head {
    /// The first 16 hex digits (64 bits): short enough to paste, long enough to pin the row.
    pub fn short(&self) -> &str {
        &self.hash[..ANCHOR_MIN.min(self.hash.len())]
    }
}

/// The fewest hex digits `--head` takes: the length of `Head::short`.
pub const ANCHOR_MIN: usize = 16;

/// What a local hash chain detects on its own, and what only an anchor kept elsewhere shows.
pub const SCOPE: &str = "The chain alone detects a row edited, inserted or deleted in the middle \
    of the journal, unless every row after it was re-hashed too. It cannot detect, on its own, a \
    chain re-hashed from an edited row on, rows removed from the end with the head row fixed, or \
    a replaced file: check those against a head you recorded earlier (every run summary and \
    hand-over note shows one) with `hostops log verify --head HASH`.";

/// A head recorded earlier, as given to `--head`: 16 to 64 hex digits, lowercased.
pub fn parse_anchor(given: &str) -> Option<String> {
    let hex = given.trim().to_ascii_lowercase();
    let ok = (ANCHOR_MIN..=GENESIS.len()).contains(&hex.len())
        && hex.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then_some(hex)
}

/// The result of `hostops log verify`.
#[derive(Debug, Serialize)]
pub struct Verification {
    pub rows: u64,
    /// The last row of the chain (`None` when the journal has no rows).
    pub head: Option<Head>,
    /// The head recorded earlier that `--head` asked about, and the row holding it.
    pub anchor: Option<Anchor>,
    /// Empty when the chain is intact.
    pub problems: Vec<String>,
    /// What the check can and cannot detect.
    pub scope: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Anchor {
    pub hash: String,
    /// The row whose hash it is; `None` when no row of the chain has it any more.
    pub row: Option<i64>,
}

impl Verification {
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Journal {
    /// Walks the whole chain and reports every row that was edited, deleted or inserted; with
    /// `anchor` (a head recorded earlier, see `parse_anchor`), also whether a row of the chain
    /// still has that hash, which shows rewrites and truncations the chain alone cannot.
    pub fn verify(&self, anchor: Option<&str>) -> Result<Verification> {
        let conn = self.lock();
        let mut stmt = conn.prepare(
            "SELECT seq, run_id, ticket, at, kind, body, prev_hash, hash FROM events ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut problems = Vec::new();
        let mut expected_seq = 1i64;
        let mut prev_hash = GENESIS.to_string();
        let mut count = 0u64;
        let mut anchored = None;
        while let Some(r) = rows.next()? {
            let row = Row {
                seq: r.get(0)?,
                run_id: r.get(1)?,
                ticket: r.get(2)?,
                at: r.get(3)?,
                kind: r.get(4)?,
                body: r.get(5)?,
                prev_hash: r.get(6)?,
            };
            let stored: String = r.get(7)?;
            count += 1;
            if row.seq != expected_seq {
                problems.push(format!(
                    "rows {}..{} are missing (deleted)",
                    expected_seq,
                    row.seq - 1
                ));
            } else if row.prev_hash != prev_hash {
                problems.push(format!(
                    "row {} does not follow the row before it (chain broken)",
                    row.seq
                ));
            }
            let computed = row.hash();
            if computed != stored {
                problems.push(format!(
                    "row {} was edited: its contents no longer match its hash",
                    row.seq
                ));
            } else if anchor.is_some_and(|a| computed.starts_with(a)) {
                anchored.get_or_insert(row.seq);
            }
            expected_seq = row.seq + 1;
            prev_hash = stored;
        }
        let head: Option<(i64, String)> = conn
            .query_row("SELECT seq, hash FROM chain_head WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .ok();
        let last = expected_seq - 1;
        match head {
            Some((seq, hash)) if seq != last || hash != prev_hash => problems.push(format!(
                "the journal ends at row {last} but its head records row {seq}: rows were deleted or added at the end"
            )),
            None if count > 0 => problems.push("the chain head is missing".into()),
            _ => {}
        }
        let anchor = anchor.map(|a| Anchor {
            hash: a.to_string(),
            row: anchored,
        });
        if let Some(Anchor { hash, row: None }) = &anchor {
            problems.push(format!(
                "the journal no longer contains the head {hash} you recorded: rows were removed or rewritten"
            ));
        }
        Ok(Verification {
            rows: count,
            head: (count > 0).then_some(Head {
                seq: last,
                hash: prev_hash,
            }),
            anchor,
            problems,
            scope: SCOPE,
        })
    }
}
