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
    /// Accounts to move (usernames on the source)
    #[arg(value_name = "ACCOUNT")]
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
