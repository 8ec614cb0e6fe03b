//! The SQLite backend, the embedded default: a file created 0600, WAL mode so a killed run leaves every committed event
//! readable, and one IMMEDIATE transaction per append so concurrent runs keep one chain.
//! Readers open an existing file read-only: reading never creates, changes or chmods a journal.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context as _, Result};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::chain::{self, Head, Row};
use super::store::{Appended, Entry, Store, Stored};
use crate::exit::StatusError;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events (
    seq       INTEGER PRIMARY KEY,
    run_id    TEXT NOT NULL,
    ticket    TEXT NOT NULL,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    body      TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_ticket ON events (ticket, seq);
CREATE INDEX IF NOT EXISTS events_run ON events (run_id, seq);
CREATE TABLE IF NOT EXISTS chain_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL,
    hash TEXT NOT NULL
);
PRAGMA user_version = 1;
";

pub struct Sqlite {
    conn: Connection,
    path: PathBuf,
}

impl Sqlite {
    /// Opens (creating if needed, mode 0600) the journal at `path`.
    pub fn open(path: &Path) -> Result<Sqlite> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            if !dir.exists() {
                fs::create_dir_all(dir).with_context(|| {
                    format!("failed to create journal directory `{}`", dir.display())
                })?;
                fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
            }
        }
        OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .with_context(|| format!("failed to open journal `{}`", path.display()))?;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600)).with_context(|| {
            format!(
                "failed to restrict journal `{}` to its owner",
                path.display()
            )
        })?;
        let conn = Connection::open(path)
            .with_context(|| format!("failed to open journal `{}`", path.display()))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        let prepared = conn
            .pragma_update(None, "journal_mode", "WAL")
            .and_then(|()| conn.pragma_update(None, "synchronous", "NORMAL"))
            .and_then(|()| conn.execute_batch(SCHEMA));
        if let Err(e) = prepared {
            return Err(not_a_journal(path, &e).into());
        }
        Ok(Sqlite {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens the existing journal at `path` read-only (`SQLITE_OPEN_READ_ONLY`): never creates
    /// it, never changes its contents or mode. A path that is missing, unreadable or not a
    /// journal is a usage error (exit 2) that names the path and how to point at another one.
    pub fn open_read_only(path: &Path) -> Result<Sqlite> {
        let meta = fs::metadata(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                StatusError::usage(format!(
                    "no journal at `{}`: nothing was ever journaled there. Point at the journal \
                     with --journal PATH or HOSTOPS_JOURNAL",
                    path.display()
                ))
            } else {
                cannot_read(path, &e)
            }
        })?;
        if meta.is_dir() {
            return Err(StatusError::usage(format!(
                "`{}` is a directory, not a journal file: give the journal file with --journal \
                 PATH or HOSTOPS_JOURNAL",
                path.display()
            ))
            .into());
        }
        fs::File::open(path).map_err(|e| cannot_read(path, &e))?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_journal(path, &e))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' \
                 AND name IN ('events', 'chain_head')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| not_a_journal(path, &e))?;
        if tables != 2 {
            return Err(StatusError::usage(format!(
                "`{}` is an SQLite database but not a hostops journal (it has no events or \
                 chain_head table): check --journal PATH or HOSTOPS_JOURNAL",
                path.display()
            ))
            .into());
        }
        Ok(Sqlite {
            conn,
            path: path.to_path_buf(),
        })
    }
}

impl Store for Sqlite {
    fn head(&mut self) -> Result<Option<Head>> {
        Ok(self
            .conn
            .query_row("SELECT seq, hash FROM chain_head WHERE id = 1", [], |r| {
                Ok(Head {
                    seq: r.get(0)?,
                    hash: r.get(1)?,
                })
            })
            .optional()?)
    }

    /// One IMMEDIATE transaction: concurrent runs on this machine keep one chain. A local
    /// file has one writer per run and is never retried, so every entry is new here (the file
    /// keeps its format: it stores no `run_seq`).
    fn append(&mut self, entries: &[Entry]) -> Result<Appended> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head: Option<(i64, String)> = tx
            .query_row("SELECT seq, hash FROM chain_head WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let (mut seq, mut hash) = head.unwrap_or((0, chain::GENESIS.to_string()));
        for entry in entries {
            let row = entry.chained(seq + 1, hash);
            hash = row.hash();
            seq = row.seq;
            tx.execute(
                "INSERT INTO events (seq, run_id, ticket, at, kind, body, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    row.seq,
                    row.run_id,
                    row.ticket,
                    row.at,
                    row.kind,
                    row.body,
                    row.prev_hash,
                    hash
                ],
            )?;
        }
        tx.execute(
            "INSERT INTO chain_head (id, seq, hash) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            params![seq, hash],
        )?;
        tx.commit()
            .with_context(|| format!("failed to write journal `{}`", self.path.display()))?;
        Ok(Appended {
            new: entries.len() as u64,
            head: (seq > 0).then_some(Head { seq, hash }),
        })
    }

    fn scan(
        &mut self,
        ticket: Option<&str>,
        each: &mut dyn FnMut(Stored) -> Result<()>,
    ) -> Result<()> {
        const COLUMNS: &str =
            "SELECT seq, run_id, ticket, at, kind, body, prev_hash, hash FROM events";
        let mut stmt;
        let mut rows = match ticket {
            Some(t) => {
                stmt = self
                    .conn
                    .prepare(&format!("{COLUMNS} WHERE ticket = ?1 ORDER BY seq"))?;
                stmt.query(params![t])?
            }
            None => {
                stmt = self.conn.prepare(&format!("{COLUMNS} ORDER BY seq"))?;
                stmt.query([])?
            }
        };
        while let Some(r) = rows.next()? {
            each(Stored {
                row: Row {
                    seq: r.get(0)?,
                    run_id: r.get(1)?,
                    ticket: r.get(2)?,
                    at: r.get(3)?,
                    kind: r.get(4)?,
                    body: r.get(5)?,
                    prev_hash: r.get(6)?,
                },
                hash: r.get(7)?,
            })?;
        }
        Ok(())
    }
}

fn cannot_read(path: &Path, e: &std::io::Error) -> StatusError {
    StatusError::usage(format!(
        "cannot read the journal `{}`: {e}. Point at a journal you can read with --journal PATH \
         or HOSTOPS_JOURNAL",
        path.display()
    ))
}

fn not_a_journal(path: &Path, e: &rusqlite::Error) -> StatusError {
    StatusError::usage(format!(
        "`{}` is not a hostops journal ({e}): check --journal PATH or HOSTOPS_JOURNAL",
        path.display()
    ))
}
