//! `hostops ticket ...`

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Args)]
pub struct TicketArgs {
    #[command(subcommand)]
    pub command: TicketCommand,
}

#[derive(Debug, Subcommand)]
pub enum TicketCommand {
    /// A ticket's timeline: one line per run in plain words, across operators and levels, and
    /// the time spent per level and per operator (-v: the remote commands underneath)
    Show {
        /// Ticket ID
        ticket: String,
    },
    /// Hand the ticket to a higher support level: records who escalated, from which level, and
    /// why (the note is the question the hand-over asks)
    Escalate {
        /// Ticket ID
        ticket: String,
        /// The level to hand the ticket to (L4: the vendor, L5: management)
        #[arg(long, value_enum, ignore_case = true, value_name = "LEVEL")]
        to: Level,
        /// Why, and what the next level is asked
        #[arg(long, value_name = "TEXT")]
        note: String,
        /// What the customer reported, as the helpdesk has it
        #[arg(long, value_name = "TEXT")]
        reported: Option<String>,
    },
    /// The hand-over note to paste into the helpdesk: summary first (reported, checked, changed
    /// and how to undo it, what remains), then the evidence (-v: the remote commands too)
    Handoff {
        /// Ticket ID
        ticket: String,
        #[arg(long, value_enum, default_value_t = NoteFormat::Markdown)]
        format: NoteFormat,
    },
    /// Tickets in the journal: level, open or closed, operators, last activity
    List {
        /// Only tickets I ran something on
        #[arg(long)]
        mine: bool,
        /// Only tickets now at this level
        #[arg(long, value_enum, ignore_case = true, value_name = "LEVEL")]
        level: Option<Level>,
        /// Only tickets not closed
        #[arg(long)]
        open: bool,
    },
    /// Close a ticket (a later run on it reopens it)
    Close {
        /// Ticket ID
        ticket: String,
        /// How it ended
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

/// A support level: L1 and L2 first line, L3 senior, L4 the vendor, L5 management.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Level {
    #[value(name = "L1")]
    L1,
    #[value(name = "L2")]
    L2,
    #[value(name = "L3")]
    L3,
    #[value(name = "L4")]
    L4,
    #[value(name = "L5")]
    L5,
}

impl Level {
    pub fn number(self) -> u8 {
        self as u8 + 1
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum NoteFormat {
    Markdown,
    Text,
    Json,
}
