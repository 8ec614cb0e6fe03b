//! The hash chain: each row's hash covers its own fields and the previous row's hash, and the
//! head table remembers the last one, so editing, deleting or truncating rows shows.

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

/// The result of `hostops log verify`.
#[derive(Debug, Serialize)]
pub struct Verification {
    pub rows: u64,
    /// Empty when the chain is intact.
    pub problems: Vec<String>,
}

impl Verification {
    pub fn intact(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Journal {
    /// Walks the whole chain and reports every row that was edited, deleted or inserted.
    pub fn verify(&self) -> Result<Verification> {
        let conn = self.lock();
        let mut stmt = conn.prepare(
            "SELECT seq, run_id, ticket, at, kind, body, prev_hash, hash FROM events ORDER BY seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut problems = Vec::new();
        let mut expected_seq = 1i64;
        let mut prev_hash = GENESIS.to_string();
        let mut count = 0u64;
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
            if row.hash() != stored {
                problems.push(format!(
                    "row {} was edited: its contents no longer match its hash",
                    row.seq
                ));
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
        Ok(Verification {
            rows: count,
            problems,
        })
    }
}
