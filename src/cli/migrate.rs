//! `hostops migrate ...`

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Args)]
pub struct MigrateArgs {
    #[command(subcommand)]
    pub command: MigrateCommand,
}

#[derive(Debug, Subcommand)]
pub enum MigrateCommand {
    /// Preflight a migration without changing anything: panels, versions, clashes, disk, sizes
    #[command(
        after_help = "Exit status: 0 when nothing blocks, 4 when anything does.\n\n\
Example: hostops --ticket INC-1234 migrate plan --from old01 --to new01 bob amy"
    )]
    Plan(PlanArgs),
    /// Carry out a migration: plan, confirm, then package, move, restore, verify, clean up
    #[command(
        after_help = "Exit status: 0 when every account moved, 1 when any failed, 4 when the plan blocks.\n\n\
Examples:\n  hostops --ticket INC-1234 --dry-run migrate run --from old01 --to new01 bob\n  \
hostops --ticket INC-1234 migrate run --from old01 --to new01 --parallel 3 bob amy joe\n  \
hostops --ticket INC-1234 migrate run --resume 20261122-103001-7f3a"
    )]
    Run(RunArgs),
    /// Compare migrated accounts on both servers: files, databases, mail, DNS, cron, web pages
    #[command(after_help = "Exit status: 0 when both servers agree, 1 when anything differs.")]
    Verify(VerifyArgs),
    /// Final delta sync of migrated accounts: files and mail (newer target files kept), databases
    #[command(
        after_help = "Run it just before switching DNS: databases on the target are replaced by a \
fresh dump of the source's."
    )]
    Sync(SyncArgs),
}

/// Two servers and accounts that were migrated between them.
#[derive(Debug, Args)]
pub struct Migrated {
    /// Source server
    #[arg(long, value_name = "HOST")]
    pub from: String,
    /// Target server
    #[arg(long, value_name = "HOST")]
    pub to: String,
    /// Accounts (already migrated)
    #[arg(required = true, value_name = "ACCOUNT")]
    pub accounts: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    #[command(flatten)]
    pub migrated: Migrated,
    /// Stream through hostops instead of server to server (full copy of files, not a delta)
    #[arg(long)]
    pub relay: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    pub migrated: Migrated,
    /// Also compare every file's SHA-256 (reads all data on both servers)
    #[arg(long)]
    pub deep: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["accounts", "all", "owner", "resume"])))]
pub struct RunArgs {
    /// Source server
    #[arg(
        long,
        value_name = "HOST",
        required_unless_present = "resume",
        conflicts_with = "resume"
    )]
    pub from: Option<String>,
    /// Target server
    #[arg(
        long,
        value_name = "HOST",
        required_unless_present = "resume",
        conflicts_with = "resume"
    )]
    pub to: Option<String>,
    #[command(flatten)]
    pub which: Which,
    /// Continue an interrupted run (its ID from `hostops log list`) without redoing finished steps
    #[arg(long, value_name = "RUN_ID")]
    pub resume: Option<String>,
    /// Accounts migrated at the same time
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub parallel: usize,
    /// Stream archives through hostops instead of server to server
    #[arg(long, conflicts_with = "resume")]
    pub relay: bool,
    /// Stop starting accounts after the first failure
    #[arg(long)]
    pub fail_fast: bool,
}

/// Which accounts a migration takes, and its schedule reference.
#[derive(Debug, Args)]
pub struct Which {
    /// Accounts to move (usernames on the source, or one of each account's domains)
    #[arg(value_name = "ACCOUNT|DOMAIN")]
    pub accounts: Vec<String>,
    /// Every account on the source
    #[arg(long)]
    pub all: bool,
    /// Every account owned by this reseller
    #[arg(long, value_name = "RESELLER")]
    pub owner: Option<String>,
    /// Reference of the accounts team's schedule (required for more than 20 accounts)
    #[arg(long, value_name = "REF")]
    pub scheduled: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["accounts", "all", "owner"])))]
pub struct PlanArgs {
    /// Source server
    #[arg(long, value_name = "HOST")]
    pub from: String,
    /// Target server
    #[arg(long, value_name = "HOST")]
    pub to: String,
    #[command(flatten)]
    pub which: Which,
}
