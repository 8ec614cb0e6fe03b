//! `hostops hosts ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct HostsArgs {
    #[command(subcommand)]
    pub command: HostsCommand,
}

#[derive(Debug, Subcommand)]
pub enum HostsCommand {
    /// List the hosts of the inventory and ~/.ssh/config (contacts nothing)
    List,
    /// Connect and report OS, panel and version, CPUs, load, memory and disk
    #[command(after_help = "Example: hostops --ticket INC-1234 hosts check web01 web02")]
    Check {
        /// Hosts or groups (`local` is this machine, `all` every inventory host)
        #[arg(required = true, value_name = "HOST|GROUP")]
        hosts: Vec<String>,
        /// Hosts checked at the same time
        #[arg(long, default_value_t = 20, value_name = "N")]
        forks: usize,
    },
}
