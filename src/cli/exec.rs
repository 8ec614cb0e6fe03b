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
  hostops --ticket INC-1 copy old01:/backup/cpmove-bob.tar.gz new01:/home/
  hostops --ticket INC-1 copy -r web01:/etc/nginx ./web01-nginx

HOST:PATH always names a host (an inventory host, or one named as ssh would: IP, name, \
user@host); write ./a:b for a local file with a colon in its name. Into an existing directory \
(or a DEST ending in /) a file goes under its own name. Only a regular file is ever replaced: \
a symlink, device node, FIFO or socket at the destination is refused.

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
    /// Copy a directory tree (owners, modes and symlinks kept; links never followed). The
    /// destination must not exist, or be a directory to create the tree in
    #[arg(short = 'r', long)]
    pub recursive: bool,
}
