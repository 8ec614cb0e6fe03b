//! `log verify`, on either backend: walks the stored chain row by row and reports what was edited, deleted or
//! inserted, and whether a head recorded outside the journal (an anchor) is still in it.

use anyhow::Result;

use super::chain::{Anchor, Head, Verification, GENESIS, SCOPE};
use super::handle::Journal;
use super::store::Stored;

impl Journal {
    /// Walks the whole chain and reports every row that was edited, deleted or inserted; with
    /// `anchor` (a head recorded earlier, see `parse_anchor`), also whether a row of the chain
    /// still has that hash, which shows rewrites and truncations the chain alone cannot.
    pub fn verify(&self, anchor: Option<&str>) -> Result<Verification> {
        let mut problems = Vec::new();
        let mut expected_seq = 1i64;
        let mut prev_hash = GENESIS.to_string();
        let mut count = 0u64;
        let mut anchored = None;
        self.scan(None, &mut |Stored { row, hash: stored }| {
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
            Ok(())
        })?;
        let head = self.head()?.map(|h| (h.seq, h.hash));
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
