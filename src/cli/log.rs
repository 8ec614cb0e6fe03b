//! `hostops log ...`

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Args)]
pub struct LogArgs {
    #[command(subcommand)]
    pub command: LogCommand,
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// List runs (of the ticket given with --ticket, if any)
    List {
        /// Only runs started on or after this date or time (2026-11-01, 2026-11-01T10:00:00Z)
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
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
    /// Check the journal's hash chain: exit 1 if any row was edited or deleted
    Verify,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}
