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
    /// Why a server is loaded: verdicts per check and the likely cause (read-only)
    Load(LoadArgs),
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  hostops --ticket INC-1234 diagnose load web01\n  \
    hostops --ticket INC-1234 diagnose load all --since 2h\n  \
    hostops --ticket INC-1234 diagnose load web01 --at '2026-12-03 04:12'\n  \
    hostops --ticket INC-1234 diagnose load web01 --since '2026-12-03 06:30' --until '2026-12-03 07:50'"
)]
pub struct LoadArgs {
    /// Hosts or groups (`local` is this machine, `all` every inventory host)
    #[arg(required = true, value_name = "HOST|GROUP")]
    pub hosts: Vec<String>,
    /// A past window from sysstat's history and the logs instead of now: a local date or
    /// time (2026-11-01, "2026-11-01 10:00"), RFC 3339, 30m, 2h, 1d, today, yesterday
    #[arg(long, value_name = "WHEN", conflicts_with = "at")]
    pub since: Option<String>,
    /// End of the past window (default: now)
    #[arg(long, value_name = "WHEN", requires = "since")]
    pub until: Option<String>,
    /// A past moment (same forms as --since): the window of `log_minutes` (10) on each side
    /// of it, from sysstat's history, atop's log when there is one, and the logs
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// Hosts probed at the same time
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub forks: usize,
}
