//! The PostgreSQL backend, a journal shared by many engineers: one chain per database, each
//! append a transaction that takes the journal's advisory lock, reads the head and inserts, so
//! writers on any machine keep one chain. Rows are named by `(run_id, run_seq)` and inserted
//! with `ON CONFLICT DO NOTHING`: a retry or a push never stores one twice. Operators may only
//! INSERT and SELECT (`init_server`): PostgreSQL itself refuses their UPDATE and DELETE.

use anyhow::{bail, Context as _, Result};
use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls, Statement};

use super::chain::{self, Head, Row};
use super::store::{Appended, Entry, Store, Stored};
use super::target::PgUrl;
use crate::exit::{ExitStatus, StatusError};

/// The group role `init_server` creates: INSERT and SELECT on the journal, nothing else.
pub const OPERATOR_ROLE: &str = "hostops_operator";

/// The advisory lock that serializes appends to the chain (`'hostops'` in ASCII).
const CHAIN_LOCK: i64 = 0x0068_6f73_746f_7073;

const SCHEMA: &str = "
CREATE SCHEMA IF NOT EXISTS hostops;
CREATE TABLE IF NOT EXISTS hostops.events (
    seq       BIGINT PRIMARY KEY,
    run_id    TEXT NOT NULL,
    run_seq   BIGINT NOT NULL,
    ticket    TEXT NOT NULL,
    at        TEXT NOT NULL,
    kind      TEXT NOT NULL,
    body      TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL,
    UNIQUE (run_id, run_seq)
);
CREATE INDEX IF NOT EXISTS events_ticket ON hostops.events (ticket, seq);
DO $$ BEGIN
    CREATE ROLE hostops_operator NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
REVOKE ALL ON SCHEMA hostops FROM PUBLIC;
REVOKE ALL ON hostops.events FROM PUBLIC;
GRANT USAGE ON SCHEMA hostops TO hostops_operator;
GRANT SELECT, INSERT ON hostops.events TO hostops_operator;
";

const COLUMNS: &str =
    "SELECT seq, run_id, ticket, at, kind, body, prev_hash, hash FROM hostops.events";

pub struct Postgres {
    url: PgUrl,
    client: Client,
    prepared: Prepared,
}

/// An append's statements, prepared once per connection (one round trip each saved).
struct Prepared {
    head: Statement,
    insert: Statement,
}

impl Prepared {
    fn on(client: &mut Client) -> Result<Prepared, postgres::Error> {
        Ok(Prepared {
            head: client
                .prepare("SELECT seq, hash FROM hostops.events ORDER BY seq DESC LIMIT 1")?,
            insert: client.prepare(
                "INSERT INTO hostops.events
                     (seq, run_id, run_seq, ticket, at, kind, body, prev_hash, hash)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                 ON CONFLICT (run_id, run_seq) DO NOTHING",
            )?,
        })
    }
}

impl Postgres {
    /// Connects to the shared journal at `url`; refused when its schema was never created.
    pub fn connect(url: &PgUrl) -> Result<Postgres> {
        let mut client = connect(url)?;
        let ready: bool = client
            .query_one("SELECT to_regclass('hostops.events') IS NOT NULL", &[])?
            .get(0);
        if !ready {
            bail!(StatusError::usage(format!(
                "`{url}` has no hostops journal: create it once with `hostops log init-server {url}`"
            )));
        }
        let prepared = Prepared::on(&mut client)?;
        Ok(Postgres {
            url: url.clone(),
            client,
            prepared,
        })
    }

    /// One round trip opens the transaction and takes the chain's lock; the head is read in
    /// the next statement, so with a snapshot taken once the lock is held.
    fn try_append(&mut self, entries: &[Entry]) -> Result<Appended, postgres::Error> {
        let begin = format!("BEGIN; SELECT pg_advisory_xact_lock({CHAIN_LOCK})");
        let done = self
            .client
            .batch_execute(&begin)
            .and_then(|()| self.chain(entries))
            .and_then(|done| self.client.batch_execute("COMMIT").map(|()| done));
        if done.is_err() && !self.client.is_closed() {
            let _ = self.client.batch_execute("ROLLBACK");
        }
        done
    }

    /// Inserts `entries` after the head, inside the locked transaction.
    fn chain(&mut self, entries: &[Entry]) -> Result<Appended, postgres::Error> {
        let p = &self.prepared;
        let head = self
            .client
            .query_opt(&p.head, &[])?
            .map(|r| (r.get::<_, i64>(0), r.get::<_, String>(1)));
        let (mut seq, mut hash) = head.unwrap_or((0, chain::GENESIS.to_string()));
        let mut new = 0;
        for entry in entries {
            let row = entry.chained(seq + 1, hash.clone());
            let row_hash = row.hash();
            let inserted = self.client.execute(
                &p.insert,
                &[
                    &row.seq,
                    &row.run_id,
                    &entry.run_seq,
                    &row.ticket,
                    &row.at,
                    &row.kind,
                    &row.body,
                    &row.prev_hash,
                    &row_hash,
                ],
            )?;
            if inserted == 1 {
                new += 1;
                seq = row.seq;
                hash = row_hash;
            }
        }
        Ok(Appended {
            new,
            head: (seq > 0).then_some(Head { seq, hash }),
        })
    }
}

impl Store for Postgres {
    /// The last row: operators cannot update a head table, and the chain's rows are append-only.
    fn head(&mut self) -> Result<Option<Head>> {
        Ok(self
            .client
            .query_opt(&self.prepared.head, &[])?
            .map(|r| Head {
                seq: r.get(0),
                hash: r.get(1),
            }))
    }

    /// Retried once on a new connection when the old one broke (a server restart): the
    /// entries' ids make the retry store each of them once.
    fn append(&mut self, entries: &[Entry]) -> Result<Appended> {
        match self.try_append(entries) {
            Ok(done) => Ok(done),
            Err(_) if self.client.is_closed() => {
                self.client = connect(&self.url)?;
                self.prepared = Prepared::on(&mut self.client)?;
                self.try_append(entries).map_err(|e| {
                    anyhow::anyhow!("failed to write journal `{}`: {}", self.url, chain(&e))
                })
            }
            Err(e) => bail!("failed to write journal `{}`: {}", self.url, chain(&e)),
        }
    }

    fn scan(
        &mut self,
        ticket: Option<&str>,
        each: &mut dyn FnMut(Stored) -> Result<()>,
    ) -> Result<()> {
        let mut rows = match ticket {
            Some(t) => self
                .client
                .query_raw(&format!("{COLUMNS} WHERE ticket = $1 ORDER BY seq"), [t])?,
            None => self.client.query_raw(
                &format!("{COLUMNS} ORDER BY seq"),
                std::iter::empty::<&str>(),
            )?,
        };
        while let Some(r) = rows.next()? {
            each(Stored {
                row: Row {
                    seq: r.get(0),
                    run_id: r.get(1),
                    ticket: r.get(2),
                    at: r.get(3),
                    kind: r.get(4),
                    body: r.get(5),
                    prev_hash: r.get(6),
                },
                hash: r.get(7),
            })?;
        }
        Ok(())
    }
}

fn connect(url: &PgUrl) -> Result<Client> {
    url.config.connect(NoTls).map_err(|e| {
        StatusError {
            status: ExitStatus::Connection,
            message: format!("cannot reach the shared journal `{url}`: {}", chain(&e)),
        }
        .into()
    })
}

/// `e` with its causes (`error connecting to server: Connection refused`).
fn chain(e: &postgres::Error) -> String {
    let mut text = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        text = format!("{text}: {c}");
        cause = c.source();
    }
    text
}

/// Creates the shared journal's schema and the operators' role (`OPERATOR_ROLE`: INSERT and
/// SELECT only), then makes each of `operators` (existing login roles) a member. Run once, as
/// the database's owner with CREATEROLE (or a superuser); running it again changes nothing
/// already in place.
pub fn init_server(url: &PgUrl, operators: &[String]) -> Result<()> {
    let mut client = connect(url)?;
    let mut tx = client.transaction()?;
    tx.batch_execute(SCHEMA)
        .with_context(|| format!("failed to create the journal schema in `{url}`"))?;
    for login in operators {
        tx.batch_execute(&format!("GRANT {OPERATOR_ROLE} TO {}", quote_ident(login)))
            .with_context(|| format!("failed to make `{login}` an operator of `{url}`"))?;
    }
    tx.commit()?;
    Ok(())
}

/// `name` as a PostgreSQL identifier: double-quoted, inner quotes doubled.
fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_are_quoted_whole() {
        assert_eq!(quote_ident("alice"), "\"alice\"");
        assert_eq!(
            quote_ident("x\"; DROP TABLE hostops.events; --"),
            "\"x\"\"; DROP TABLE hostops.events; --\""
        );
    }
}
