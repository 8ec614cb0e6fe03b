//! `hostops exec ...` and `hostops copy ...`

use std::path::PathBuf;

use clap::Args;

#[derive(Debug, Args)]
#[command(
    after_help = "Example: hostops --ticket INC-1234 --yes exec web -- systemctl is-active httpd\n\n\
The command is given as arguments after `--` and reaches each host as exactly those arguments: \
nothing is re-parsed by a shell. Use `sh -c '...'` explicitly when you want a shell."
)]
pub struct ExecArgs {
    /// Hosts or groups to run on
    #[arg(required = true, value_name = "HOST|GROUP")]
    pub hosts: Vec<String>,

    /// The command and its arguments
    #[arg(last = true, required = true, value_name = "CMD")]
    pub command: Vec<String>,

    /// Hosts run at the same time
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub forks: usize,

    /// Kill the command on a host after this many seconds
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u64>,

    /// Feed this file to the command's stdin on every host (`-` for hostops' own stdin, one host only)
    #[arg(long, value_name = "FILE")]
    pub stdin: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  hostops --ticket INC-1 copy ./fix.conf web01:/etc/httpd/conf.d/fix.conf
  hostops --ticket INC-1 copy web01:/var/log/exim_mainlog ./exim_mainlog
  hostops --ticket INC-1 copy old01:/backup/cpmove-bob.tar.gz new01:/home/cpmove-bob.tar.gz

Between two hosts the target pulls the file from the source with its own OpenSSH, using a \
one-off key that is removed afterwards; --relay streams it through hostops instead.")]
pub struct CopyArgs {
    /// Source: a local path, or HOST:PATH
    pub source: String,
    /// Destination: a local path, or HOST:PATH
    pub destination: String,
    /// Between two hosts, stream through hostops (for servers that cannot reach each other)
    #[arg(long)]
    pub relay: bool,
}
