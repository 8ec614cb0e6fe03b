//! `log push` and `log init-server`: the shared journal's two commands, as typed reports.

use std::path::PathBuf;

use anyhow::Result;
use serde::Serialize;

use crate::app::Report;
use crate::exit::{ExitStatus, StatusError};
use crate::journal::{self, push, Head, Journal, PgUrl, Target, OPERATOR_ROLE};
use crate::output::Printer;

/// Where `log push` reads and writes.
pub struct PushOptions {
    /// The local SQLite journal.
    pub from: PathBuf,
    pub to: PgUrl,
}

impl PushOptions {
    /// From the journal settings: the local file is the configured one when it is a file, else
    /// the default; the shared journal is `url` if given, else the configured one.
    pub fn new(configured: &Target, url: Option<&str>) -> Result<PushOptions> {
        let from = match configured {
            Target::Sqlite(path) => path.clone(),
            Target::Postgres(_) => journal::default_path()?,
        };
        let to = match (url, configured) {
            (Some(url), _) => PgUrl::parse(url)?,
            (None, Target::Postgres(url)) => (**url).clone(),
            (None, Target::Sqlite(_)) => {
                return Err(StatusError::usage(
                    "no shared journal to push to: give its postgres:// URL, or set it with \
                     --journal, HOSTOPS_JOURNAL or the config file's `journal`",
                )
                .into())
            }
        };
        Ok(PushOptions { from, to })
    }
}

/// What `log push` did.
#[derive(Debug, Serialize)]
pub struct Pushed {
    pub from: String,
    pub to: String,
    /// Rows in the local journal.
    pub rows: u64,
    /// Rows the shared journal did not have, now appended to its chain.
    pub sent: u64,
    /// Rows it had already (pushed before, or written there first).
    pub skipped: u64,
    pub runs: u64,
    /// The shared journal's head after the push.
    pub head: Option<Head>,
}

impl Report for Pushed {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "pushed `{}` to `{}`: {} of {} rows sent ({} runs), {} already there",
            self.from, self.to, self.sent, self.rows, self.runs, self.skipped
        ));
        if let Some(h) = &self.head {
            p.data(format!(
                "shared journal head: {} (row {}); check it with `hostops --journal URL log verify`",
                h.short(),
                h.seq
            ));
        }
    }
}

/// Sends the local journal's rows to the shared journal, after checking the local chain: a
/// tampered file is refused (exit 1), never laundered into a freshly hashed shared chain.
pub fn push_local(opts: &PushOptions) -> Result<Pushed> {
    let local = Journal::open_read_only(&opts.from)?;
    let check = local.verify(None)?;
    if !check.intact() {
        return Err(StatusError {
            status: ExitStatus::Failure,
            message: format!(
                "the local journal `{}` fails its hash check ({}): nothing was pushed; see \
                 `hostops --journal {} log verify`",
                local.name(),
                check.problems.join("; "),
                local.name()
            ),
        }
        .into());
    }
    let shared = Journal::open_target(&Target::Postgres(Box::new(opts.to.clone())))?;
    let done = push::push(&local, &shared)?;
    Ok(Pushed {
        from: local.name().to_string(),
        to: shared.name().to_string(),
        rows: done.rows,
        sent: done.new,
        skipped: done.rows - done.new,
        runs: done.runs,
        head: done.head,
    })
}

/// What `log init-server` set up.
#[derive(Debug, Serialize)]
pub struct ServerReady {
    pub url: String,
    pub schema: &'static str,
    pub role: &'static str,
    pub operators: Vec<String>,
}

impl Report for ServerReady {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "shared journal ready in `{}`: schema {}, role {} (INSERT and SELECT only)",
            self.url, self.schema, self.role
        ));
        for o in &self.operators {
            p.data(format!("  operator: {o}"));
        }
    }
}

/// Creates the shared journal's schema and operators' role in the database at `url`.
pub fn init_server(url: &str, operators: &[String]) -> Result<ServerReady> {
    let url = PgUrl::parse(url)?;
    journal::init_server(&url, operators)?;
    Ok(ServerReady {
        url: url.to_string(),
        schema: "hostops",
        role: OPERATOR_ROLE,
        operators: operators.to_vec(),
    })
}
