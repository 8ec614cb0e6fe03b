//! `hostops password ...`

use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Args)]
pub struct PasswordArgs {
    #[command(subcommand)]
    pub command: PasswordCommand,
}

#[derive(Debug, Subcommand)]
pub enum PasswordCommand {
    /// Reset an account, mailbox, FTP or database user password, verified by a real login
    Reset(ResetArgs),
}

#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("target").required(true).args(["account", "mailbox", "ftp", "db_user"])),
    after_help = "The new password is generated (--generate), read from stdin (--stdin) or asked \
on the terminal; a weak one is refused. It reaches the server only on the stdin of the panel's \
own call (cPanel: its local HTTPS API with a short-lived token; Plesk: PSA_PASSWORD; no panel: \
chpasswd, doveadm pw, SQL) and of a real login that verifies it (IMAP, FTP, PAM, MariaDB). It \
is never on a command line, in the journal or in the output (a generated one is shown once on \
the terminal, or written to --secret-file; with --json only with --show-secret).

Exit status: 0 reset and verified, 1 reset failed or not verified, 2 bad or weak input, 4 refused.

Examples:
  hostops --ticket INC-1234 password reset web01 --mailbox info@shop.example --generate
  hostops --ticket INC-1234 password reset web01 --account shop.example --stdin < pw.txt"
)]
pub struct ResetArgs {
    /// Server holding the account
    pub host: String,
    /// An account (or one of its domains): its system user and panel login
    #[arg(long, value_name = "ACCOUNT|DOMAIN")]
    pub account: Option<String>,
    /// A mailbox
    #[arg(long, value_name = "BOX@DOMAIN")]
    pub mailbox: Option<String>,
    /// An FTP login
    #[arg(long, value_name = "USER")]
    pub ftp: Option<String>,
    /// A database (MySQL/MariaDB) user
    #[arg(long, value_name = "DBUSER")]
    pub db_user: Option<String>,
    /// Generate the new password
    #[arg(long, conflicts_with = "stdin")]
    pub generate: bool,
    /// Length of the generated password (12 to 128, default 24)
    #[arg(long, value_name = "N", requires = "generate")]
    pub length: Option<usize>,
    /// Read the new password from the first line of stdin
    #[arg(long)]
    pub stdin: bool,
    /// Write the new password to this new file (mode 0600) instead of showing it
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
    /// Put the new password in the --json output
    #[arg(long)]
    pub show_secret: bool,
    /// End the target's open mail sessions (doveadm kick)
    #[arg(long)]
    pub kill_sessions: bool,
}
