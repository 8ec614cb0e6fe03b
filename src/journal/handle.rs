//! `Journal`, the handle the rest of hostops reads and writes through, over either backend.

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use anyhow::Result;

use super::chain::Head;
use super::store::{Appended, Entry, Store, Stored};
use super::target::Target;
use super::{pg, sqlite};

pub struct Journal {
    store: Mutex<Box<dyn Store>>,
    name: String,
    shared: bool,
}

impl Journal {
    /// Opens (creating if needed, mode 0600) the SQLite journal at `path`.
    pub fn open(path: &Path) -> Result<Journal> {
        Ok(Journal::of(
            Box::new(sqlite::Sqlite::open(path)?),
            &path.display().to_string(),
            false,
        ))
    }

    /// Opens the existing SQLite journal at `path` read-only: never creates or changes it.
    pub fn open_read_only(path: &Path) -> Result<Journal> {
        Ok(Journal::of(
            Box::new(sqlite::Sqlite::open_read_only(path)?),
            &path.display().to_string(),
            false,
        ))
    }

    /// Opens the journal `target` names for writing.
    pub fn open_target(target: &Target) -> Result<Journal> {
        match target {
            Target::Sqlite(path) => Journal::open(path),
            Target::Postgres(url) => Ok(Journal::of(
                Box::new(pg::Postgres::connect(url)?),
                &url.to_string(),
                true,
            )),
        }
    }

    /// Opens the journal `target` names for reading: an SQLite file read-only.
    pub fn read_target(target: &Target) -> Result<Journal> {
        match target {
            Target::Sqlite(path) => Journal::open_read_only(path),
            Target::Postgres(_) => Journal::open_target(target),
        }
    }

    pub(super) fn of(store: Box<dyn Store>, name: &str, shared: bool) -> Journal {
        Journal {
            store: Mutex::new(store),
            name: name.to_string(),
            shared,
        }
    }

    /// The file's path or the shared journal's URL (without its password).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether this is a shared journal (PostgreSQL) rather than a local file.
    pub fn is_shared(&self) -> bool {
        self.shared
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, Box<dyn Store>> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The last row of the chain as the journal records it (`None` for an empty journal).
    pub fn head(&self) -> Result<Option<Head>> {
        self.lock().head()
    }

    /// Appends `entries` to the chain (those not stored already), committed before this returns.
    pub fn append_entries(&self, entries: &[Entry]) -> Result<Appended> {
        self.lock().append(entries)
    }

    /// Every row in chain order (of one ticket, if given), passed to `each`.
    pub fn scan(
        &self,
        ticket: Option<&str>,
        each: &mut dyn FnMut(Stored) -> Result<()>,
    ) -> Result<()> {
        self.lock().scan(ticket, each)
    }
}
