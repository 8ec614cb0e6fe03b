//! The command line as clap derive types, and nothing else: no logic lives here, so the
//! completion and man page generators can use these types without running anything.

mod account;
mod backup;
mod blacklist;
mod diagnose;
mod dns;
mod exec;
mod hosts;
mod log;
mod mail;
mod migrate;
mod password;
mod playbook;
mod ticket;
mod web;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use account::{AccountArgs, AccountCommand};
pub use backup::{BackupArgs, BackupCommand, BackupListArgs, BackupRestoreArgs, BackupUndoArgs};
pub use blacklist::{BlacklistArgs, BlacklistCommand, CheckArgs, InvestigateArgs};
pub use diagnose::{DiagnoseArgs, DiagnoseCommand, LoadArgs};
pub use dns::{DnsArgs, DnsCommand, DnsEditArgs};
pub use exec::{CopyArgs, ExecArgs};
pub use hosts::{HostsArgs, HostsCommand};
pub use log::{ExportFormat, LogArgs, LogCommand, RunOutcome};
pub use mail::{MailArgs, MailCommand, QueueArgs, TraceArgs};
pub use migrate::{
    MigrateArgs, MigrateCommand, Migrated, PlanArgs, RunArgs, SyncArgs, VerifyArgs, Which,
};
pub use password::{PasswordArgs, PasswordCommand, ResetArgs};
pub use playbook::{PlaybookArgs, PlaybookCommand, RunArgs as PlaybookRunArgs};
pub use ticket::{Level, NoteFormat, TicketArgs, TicketCommand};
pub use web::{
    WebArgs, WebCheckArgs, WebCommand, WebConfigArgs, WebConfigCommand, WebDomain, WebEditArgs,
    WebHtpasswdArgs,
};

const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    findings, or an operation failed
  2    usage error (bad flag, missing or malformed ticket, unknown host)
  3    connection, authentication or host key failure
  4    refused by policy or by a preflight check
  130  interrupted (SIGINT/SIGTERM)";

#[derive(Debug, Parser)]
#[command(
    name = "hostops",
    version,
    about = "L2/L3 web-hosting support tasks over SSH, each run journaled against a ticket",
    long_about = "hostops carries out the technical tasks of a hosting support desk on servers \
                  over SSH (cPanel, Plesk, DirectAdmin or no panel). Every run that touches a \
                  server is logged against a helpdesk ticket, and changes show a dry-run plan first.",
    after_help = EXIT_CODES,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes, shown under their own heading in each command's help.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Helpdesk ticket this run is logged against (required for anything that contacts a host)
    #[arg(
        long,
        short = 't',
        global = true,
        env = "HOSTOPS_TICKET",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub ticket: Option<String>,

    /// Print one JSON document on stdout instead of tables
    #[arg(long, global = true)]
    pub json: bool,

    /// Show what would change and change nothing (read-only probes still run)
    #[arg(long, short = 'n', global = true)]
    pub dry_run: bool,

    /// Answer yes to confirmations (required to change servers without a terminal)
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,

    /// Inventory file of hosts (TOML)
    #[arg(
        long,
        global = true,
        env = "HOSTOPS_INVENTORY",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub inventory: Option<PathBuf>,

    /// Journal: an SQLite file, or a postgres:// URL for a journal shared by the team
    /// (default: config, else $XDG_DATA_HOME/hostops/journal.sqlite)
    #[arg(
        long,
        global = true,
        env = "HOSTOPS_JOURNAL",
        hide_env_values = true,
        value_name = "PATH|URL"
    )]
    pub journal: Option<String>,

    /// Add unknown SSH host keys to known_hosts without asking (a changed key is always refused)
    #[arg(long, global = true)]
    pub accept_new_host_key: bool,

    /// Seconds to wait for an SSH connection (default: config, else 10)
    #[arg(long, global = true, value_name = "SECS")]
    pub connect_timeout: Option<u64>,

    /// More detail on stderr (-v, -vv, -vvv)
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count, conflicts_with = "quiet")]
    pub verbose: u8,

    /// Only errors on stderr
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// When to use colour (NO_COLOR is honoured with auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List inventory hosts, or connect and report their facts
    Hosts(HostsArgs),
    /// Run one command on many hosts in parallel
    Exec(ExecArgs),
    /// Stream a file to, from or between hosts, checked with SHA-256
    Copy(CopyArgs),
    /// Find which server holds a domain, mailbox or database; show what an account has
    Account(AccountArgs),
    /// Reset account, mailbox, FTP and database passwords, verified by a real login
    Password(PasswordArgs),
    /// Blocklist (DNSBL) checks of addresses, domains and hosts; find who is sending spam
    Blacklist(BlacklistArgs),
    /// Read-only diagnosis of hosts: verdicts per check, with the evidence
    Diagnose(DiagnoseArgs),
    /// A domain's Apache answer explained: error log, .htaccess, permissions, PHP handler
    Web(WebArgs),
    /// A domain's DNS records: show, change with a plan and a check, confirm, undo
    Dns(DnsArgs),
    /// E-mail in depth: trace a message through the server's mail log
    Mail(MailArgs),
    /// Move hosting accounts between servers with the same control panel
    Migrate(MigrateArgs),
    /// Restore one account from the server's backups, with preview, snapshot and undo
    Backup(BackupArgs),
    /// Rebuild, repair and upgrade server software with playbooks (check mode, rollback)
    Playbook(PlaybookArgs),
    /// Read the journal: runs, ticket timelines, hand-over notes, tamper check
    Log(LogArgs),
    /// Tickets across operators and levels: timeline, escalation, hand-over note, list, close
    Ticket(TicketArgs),
    /// Print a shell completion script
    Completions {
        /// Shell to generate for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    Man,
}
