//! `hostops dns ...`

use clap::{Args, Subcommand};

#[derive(Debug, Args)]
pub struct DnsArgs {
    #[command(subcommand)]
    pub command: DnsCommand,
}

#[derive(Debug, Subcommand)]
pub enum DnsCommand {
    /// Show a domain's records, SOA serial, nameservers and whether this server is authoritative
    #[command(
        after_help = "The server is found with `account find` when --host is not given.

Example: hostops --ticket INC-1234 dns show shop.example"
    )]
    Show {
        domain: String,
        /// Server holding the zone
        #[arg(long, value_name = "HOST")]
        host: Option<String>,
    },
    /// Ask every nameserver of domains (RD=0): serials, differences, lame servers, mail records
    #[command(
        after_help = "The nameservers are the domain's NS records, resolved with \
--nameserver (default: the system's resolver); each is asked directly, without recursion, for \
the SOA and the apex NS, A, MX and TXT sets. Findings: servers serving different serials or \
data, lame (not authoritative) or unreachable servers, MX exchanges without an address, no or \
several SPF records, SPF over 10 DNS lookups, no DMARC record. Domains are checked concurrently.

Exit status: 0 consistent, 1 findings, 3 a domain could not be checked.

Example: hostops --ticket INC-1234 dns check shop.example other.example"
    )]
    Check {
        #[arg(required = true)]
        domains: Vec<String>,
        /// Resolver for NS, MX and SPF names (IP or IP:PORT)
        #[arg(long, value_name = "IP")]
        nameserver: Vec<String>,
        /// Domains checked at the same time
        #[arg(long, default_value_t = 200, value_name = "N")]
        in_flight: usize,
    },
    /// Add a record to a domain's zone (plan, check, apply through the panel, confirm)
    #[command(
        after_help = "Example: hostops --ticket INC-1234 dns add shop.example @ MX 10 mx2.example.net."
    )]
    Add(DnsEditArgs),
    /// Replace the records of one name and type with one record
    #[command(
        after_help = "The plan is a record-level diff; the new zone is checked with \
named-checkzone on the server before anything changes (an invalid zone: exit 2). Then the zone is \
changed through the panel (cPanel mass_edit_dns_zone with the serial read in the plan; no panel: \
the zone file, serial bumped, and rndc reload), read back, and the server's nameserver is asked \
until it serves the change. Undo with `hostops dns undo RUN_ID`.

Types: A, AAAA, CNAME, MX, TXT (long text split into 255-byte strings), SRV, CAA, NS.

Examples:
  hostops --ticket INC-1234 dns set shop.example www A 203.0.113.7 --ttl 300
  hostops --ticket INC-1234 dns set shop.example default._domainkey TXT 'v=DKIM1; k=rsa; p=MIIB...'"
    )]
    Set(DnsEditArgs),
    /// Remove one record (with VALUE) or all records of a name and type
    #[command(after_help = "Example: hostops --ticket INC-1234 dns rm shop.example old A")]
    Rm(DnsEditArgs),
    /// Change several records of a zone in one change, from a desired-state file
    #[command(
        after_help = "RECORDS holds zone file lines (`NAME [TTL] TYPE DATA`, names relative \
to the domain, `@` for the domain itself): each name and type listed becomes exactly the records \
listed for it. A line `-NAME TYPE` removes that whole set. Everything else in the zone stays. \
The plan, checks, apply and confirmation are those of `dns set`.

Example: hostops --ticket INC-1234 dns apply shop.example --file shop.records"
    )]
    Apply {
        domain: String,
        /// The desired records
        #[arg(long, value_name = "RECORDS")]
        file: std::path::PathBuf,
        /// Server holding the zone (default: found with `account find`)
        #[arg(long, value_name = "HOST")]
        host: Option<String>,
    },
    /// Put back the records a dns add, set or rm run changed, through the same path
    #[command(after_help = "Example: hostops --ticket INC-1234 dns undo 20261122-103001-7f3a")]
    Undo {
        /// The run to undo (a unique prefix will do)
        run_id: String,
    },
}

#[derive(Debug, Args)]
pub struct DnsEditArgs {
    /// The domain (its zone)
    pub domain: String,
    /// The record's name: `@`, relative (`www`) or absolute inside the zone (`www.shop.example.`)
    pub name: String,
    /// A, AAAA, CNAME, MX, TXT, SRV, CAA or NS
    #[arg(value_name = "TYPE")]
    pub rtype: String,
    /// The record's data (MX: PRIORITY HOST; TXT: the text)
    #[arg(value_name = "VALUE")]
    pub values: Vec<String>,
    /// TTL in seconds (default: the set's current TTL, else 14400)
    #[arg(long, value_name = "S")]
    pub ttl: Option<u32>,
    /// Server holding the zone (default: found with `account find`)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
}
