//! `log verify`: walks the stored chain row by row and reports what was edited, deleted or
//! inserted, and whether a head recorded outside the journal (an anchor) is still in it.

use anyhow::Result;

use super::chain::{Anchor, Head, Row, Verification, GENESIS, SCOPE};
use super::store::Journal;

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
