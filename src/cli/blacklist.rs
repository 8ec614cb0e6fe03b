//! `hostops blacklist ...`

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct BlacklistArgs {
    #[command(subcommand)]
    pub command: BlacklistCommand,
}

#[derive(Debug, Subcommand)]
pub enum BlacklistCommand {
    /// Check addresses, blocks, domains or hosts against DNS blocklists (DNSBL/URIBL)
    Check(CheckArgs),
    /// Find who is sending from a mail server (queue, logs); changes nothing
    #[command(
        after_help = "Example: hostops --ticket INC-1234 blacklist investigate web01\n\n\
Reads the mail queue and the mail log (exim or postfix) and names the likely source: a mailbox \
whose password was stolen, an account, or a script path, with the counts behind it. It prints \
the hostops commands to run next and changes nothing itself."
    )]
    Investigate(InvestigateArgs),
}

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
hostops --ticket INC-1234 blacklist check 203.0.113.7 example.com web01\n  \
hostops --ticket INC-1234 blacklist check 203.0.112.0/22 --nameserver 10.0.0.53 --json\n\n\
Each target and zone ends as listed, clean, refused (the list refused the query: use your own \
resolver or a key) or unknown (timeout, SERVFAIL, broken zone, or no answer before --deadline). Zones are health-checked with \
their RFC 5782 test points first (127.0.0.2/127.0.0.1 for IPv4 targets, ::FFFF:7F00:2/::FFFF:7F00:1 \
for IPv6 targets); a zone that lists the second one is reported broken and not counted.\n\n\
Exit codes: 0 all clean, 1 something is listed, 3 nothing is listed but some check could not be \
made (unknown or refused), 2 usage error.")]
pub struct CheckArgs {
    /// IPv4/IPv6 address, CIDR block, domain, or inventory host (its public addresses and mail domains)
    #[arg(required = true, value_name = "TARGET")]
    pub targets: Vec<String>,

    /// Use the zones of this TOML file instead of the built-in set (format in README.md)
    #[arg(long, value_name = "FILE")]
    pub zones: Option<PathBuf>,

    /// Check only this zone (repeatable)
    #[arg(long = "zone", value_name = "NAME")]
    pub zone: Vec<String>,

    /// Nameserver to query, IP[:PORT] (repeatable; default: the system's resolvers)
    #[arg(long = "nameserver", value_name = "IP[:PORT]")]
    pub nameserver: Vec<String>,

    /// File holding a Spamhaus DQS key: Spamhaus zones are then queried through DQS
    #[arg(
        long,
        env = "HOSTOPS_DQS_KEY_FILE",
        hide_env_values = true,
        value_name = "FILE"
    )]
    pub dqs_key_file: Option<PathBuf>,

    /// Milliseconds to wait for each answer
    #[arg(long, default_value_t = 2000, value_name = "MS")]
    pub timeout: u64,

    /// Tries after the first one before a query counts as unknown
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub retries: usize,

    /// Seconds the whole check may take; what is not answered by then is unknown (exit 3) and its zone is named as slow
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    pub deadline: u64,

    /// Queries in flight at the same time
    #[arg(long, default_value_t = 64, value_name = "N")]
    pub in_flight: usize,

    /// Largest number of addresses a CIDR block may expand to
    #[arg(long, default_value_t = 1024, value_name = "N")]
    pub max_addresses: usize,
}

#[derive(Debug, Args)]
pub struct InvestigateArgs {
    /// Inventory host (the mail server)
    #[arg(value_name = "HOST")]
    pub host: String,

    /// Mail log lines to read, from the end
    #[arg(long, default_value_t = 200_000, value_name = "N")]
    pub lines: u64,
}
