//! `hostops playbook ...`

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct PlaybookArgs {
    /// Folder of playbooks that override and extend the bundled ones (default: config `playbooks`)
    #[arg(long, global = true, value_name = "DIR")]
    pub playbooks: Option<PathBuf>,

    #[command(subcommand)]
    pub command: PlaybookCommand,
}

#[derive(Debug, Subcommand)]
pub enum PlaybookCommand {
    /// List the playbooks on offer (bundled, and from --playbooks DIR)
    List,
    /// Print a playbook's YAML
    Show {
        /// Playbook name (see `playbook list`) or path to a file
        #[arg(value_name = "NAME|FILE")]
        name: String,
    },
    /// Check playbook files: YAML shape, unknown keys, templates, expressions, undefined variables
    #[command(
        after_help = "Exit status: 0 when every file is valid, 1 when any is not. \
Errors give FILE:LINE:COLUMN and the field."
    )]
    Lint {
        /// Playbook files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Run a playbook on hosts (with --check: run the probes, show the rest)
    #[command(after_help = "Examples:
  hostops -t INC-1 playbook run rebuild-apache --host web01 --check
  hostops -t INC-1 -y playbook run install-php-extension --host web --var extension=intl
  hostops -t INC-1 -y playbook run upgrade-cpanel --host cpanel --serial 5 --max-fail 20

Exit status: 0 when every host is ok or changed, 1 when any failed or was rescued (rolled \
back), 3 when any was unreachable, 4 when the playbook is above your level \
(HOSTOPS_LEVEL or `level` in the config).")]
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Playbook name (see `playbook list`) or path to a file
    #[arg(value_name = "NAME|FILE")]
    pub playbook: String,

    /// Hosts or groups to run on
    #[arg(long = "host", short = 'H', required = true, num_args = 1.., value_name = "HOST")]
    pub hosts: Vec<String>,

    /// Run read-only probes only and show what every other step would do (like --dry-run)
    #[arg(long)]
    pub check: bool,

    /// Set a playbook variable (repeatable; required ones must be set; secret ones are masked)
    #[arg(long = "var", short = 'e', value_name = "KEY=VALUE")]
    pub vars: Vec<String>,

    /// Hosts run at the same time
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub forks: usize,

    /// Run hosts in batches of N, checking --max-fail after each batch
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub serial: Option<u64>,

    /// With --serial: stop when more than PCT percent of a batch failed
    #[arg(long, default_value_t = 0, value_name = "PCT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub max_fail: u8,
}
