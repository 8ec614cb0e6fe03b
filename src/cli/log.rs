//! `hostops log ...`

use clap::{Args, Subcommand, ValueEnum};

use crate::level::Level;

#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(subcommand)]
    pub command: LogCommand,
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// List runs (of the ticket given with --ticket, if any): who ran what at which level, and
    /// the hosts, accounts and domains each touched
    List {
        /// Only runs started on or after this time: a local date or time (2026-11-01,
        /// "2026-11-01 10:00"), RFC 3339 (2026-11-01T10:00:00Z), 30m, 2h, 1d, 1w, today, yesterday
        #[arg(long, value_name = "WHEN")]
        since: Option<String>,
        /// Only runs that ran commands or copies on this host
        #[arg(long, value_name = "HOST")]
        host: Option<String>,
        /// Only runs of this operator (`user` or `user@machine`)
        #[arg(long, value_name = "USER")]
        operator: Option<String>,
        /// Only runs that ended so
        #[arg(long, value_enum, value_name = "OUTCOME")]
        outcome: Option<RunOutcome>,
        /// Only runs made at this support level (2 or L2)
        #[arg(long, value_name = "LEVEL")]
        level: Option<Level>,
    },
    /// A ticket's timeline: who ran what, on which hosts, and the time spent per operator
    Show {
        /// Ticket ID
        ticket: String,
    },
    /// A hand-over note for the helpdesk ticket (what was tried, results, time spent)
    Export {
        /// Ticket ID
        ticket: String,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
    /// Check the journal's hash chain (exit 1 if a row was edited or deleted), and with --head that
    /// it still holds a head recorded earlier (exit 1 if rows were removed or rewritten)
    Verify {
        /// A head shown earlier by a run summary or a hand-over note (16 to 64 hex digits)
        #[arg(long, value_name = "HASH")]
        head: Option<String>,
    },
    /// Send the runs journaled locally (while the shared journal was unreachable) to the shared
    /// journal; rows it already has are skipped, so pushing twice sends nothing twice
    Push {
        /// The shared journal (default: --journal, HOSTOPS_JOURNAL or the config file's)
        #[arg(value_name = "URL")]
        url: Option<String>,
    },
    /// Create a shared journal in a PostgreSQL database: its schema, and the role
    /// hostops_operator that may only INSERT and SELECT (run once, as the database's owner)
    InitServer {
        /// postgres://OWNER@HOST[:PORT]/DBNAME
        #[arg(value_name = "URL")]
        url: String,
        /// An existing login role to make an operator (repeatable)
        #[arg(long = "operator", value_name = "ROLE")]
        operators: Vec<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// How a run ended, for `log list --outcome`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RunOutcome {
    Ok,
    Failed,
    Interrupted,
    Running,
}
