//! The hash chain: each row's hash covers its own fields and the previous row's hash, and the
//! head table remembers the last one, so a row edited or deleted in the middle shows. Whoever
//! can rewrite the whole file can re-hash it too: only a head recorded outside the journal (an
//! anchor) shows a rewrite, a truncation or a replaced file.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::hex::hex;

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
