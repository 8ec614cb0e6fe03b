//! `hostops account ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct AccountArgs {
    #[command(subcommand)]
    pub command: AccountCommand,
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Find which server and account hold a domain, user, mailbox or database
    #[command(
        after_help = "QUERY is a domain (main, addon, parked or sub), an account name, a \
mailbox box@domain or a database name. Every host is asked at once; an unreachable host is a row.

Exit status: 0 found, 1 not found (or a host failed), 3 a host unreachable.

Examples:
  hostops --ticket INC-1234 account find shop.example
  hostops --ticket INC-1234 account find info@shop.example web01 web02"
    )]
    Find {
        /// Domain, account, box@domain or database name
        query: String,
        /// Hosts or groups to ask (default: every inventory host)
        #[arg(value_name = "HOST|GROUP")]
        hosts: Vec<String>,
        /// Hosts asked at the same time
        #[arg(long, default_value_t = 20, value_name = "N")]
        forks: usize,
    },
    /// Show what one account has: domains, mail, databases, usage, plan, status
    #[command(
        after_help = "A domain of the account (main, addon, parked or sub) may be given \
instead of the account's name.

Example: hostops --ticket INC-1234 account show web01 shop.example"
    )]
    Show {
        /// Server holding the account
        host: String,
        /// Account name or one of its domains
        #[arg(value_name = "ACCOUNT|DOMAIN")]
        account: String,
    },
}
