//! `hostops diagnose ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    #[command(subcommand)]
    pub command: DiagnoseCommand,
}

#[derive(Debug, Subcommand)]
pub enum DiagnoseCommand {
    /// Disks (SMART), software RAID, memory errors, BMC, sensors and kernel log: OK/WARN/FAIL
    /// per component, compared with the host's previous run (read-only)
    #[command(after_help = "Example: hostops --ticket INC-1234 diagnose hardware web01 db")]
    Hardware {
        /// Hosts or groups (`local` is this machine, `all` every inventory host)
        #[arg(required = true, value_name = "HOST|GROUP")]
        hosts: Vec<String>,
        /// Hosts probed at the same time
        #[arg(long, default_value_t = 20, value_name = "N")]
        forks: usize,
    },
}
