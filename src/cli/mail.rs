//! `hostops mail ...`

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Args)]
pub struct MailArgs {
    #[command(subcommand)]
    pub command: MailCommand,
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Trace messages through the server's mail log: one verdict per message; changes nothing
    Trace(TraceArgs),
    /// The exim or postfix queue in figures (size, ages, frozen or held, top senders and destinations), or remove messages from it
    #[command(after_help = "Examples:\n  \
hostops --ticket INC-1234 mail queue web01\n  \
hostops --ticket INC-1234 mail queue web01 --sender info@shop.example\n  \
hostops --ticket INC-1234 mail queue web01 --remove --sender info@shop.example --dry-run\n  \
hostops --ticket INC-1234 mail queue web01 --remove --frozen\n\n\
Without --remove: summarises `exim -bp` or postfix's `postqueue -j` on the server (only the \
figures travel): messages, bytes, frozen (postfix, which never freezes a message: those in its \
hold queue), the oldest, ages (under 1 hour, 1 hour to 1 day, over 1 day), messages per queue \
and the 10 senders and destination domains with the most messages. Changes nothing.\n\n\
With --remove (a change): the plan lists each selected message (ID, age, size, state, sender, \
its From, To and Subject headers: `exim -Mvh`, `postcat -hq`) and the one `exim -Mrm` or \
`postsuper -d` that removes them; on postfix --frozen selects the hold queue. Confirm, --yes, \
or --dry-run to only see it. The removed IDs and their headers are journaled.\n\n\
Exit codes: 0 read (or removed), 1 the server has neither exim nor postfix, the probe failed or a message was not \
removed, 3 the server could not be reached, 4 refused (no terminal and no --yes).")]
    Queue(QueueArgs),
    /// Check one mailbox and its domain's mail DNS: one verdict per check; changes nothing
    #[command(after_help = "Examples:\n  \
hostops --ticket INC-1234 mail check info@shop.example\n  \
hostops --ticket INC-1234 mail check info@shop.example --host web01 --nameserver 192.0.2.53\n\n\
The server is found with `account find` when --host is not given. On the server (one script): \
the mailbox in the panel's layout, `exim -bt` routing, quota and usage (`doveadm quota get`, or \
the Maildir's size and the panel's quota file), forwarders (cPanel /etc/valiases/D, DirectAdmin \
/etc/virtual/D/aliases, none /etc/aliases), messages for it in the queue, and its bounces of the \
last 24 hours from the mail log. Asked of --nameserver (default: the system's resolver): the MX \
points to this server, SPF allows its address, the DKIM record carries the key the server signs \
with (cPanel /var/cpanel/domain_keys/public/D, DirectAdmin /etc/virtual/D/dkim.public.key; not \
available elsewhere), DMARC and its policy, the server address's PTR and exim's HELO name.\n\n\
Each check: ok, warn, fail or not_available.\n\n\
Exit codes: 0 every check ok (or not available), 1 a warning or failure, 2 bad address, \
3 the server or the resolver could not be reached.")]
    Check(MailCheckArgs),
    /// Hold an account's outgoing mail in the queue (cPanel's hold_outgoing_email; a change)
    #[command(after_help = HOLD_HELP)]
    Hold(HoldArgs),
    /// Release an account's held outgoing mail (cPanel's release_outgoing_email; a change)
    #[command(after_help = HOLD_HELP)]
    Release(HoldArgs),
}

const HOLD_HELP: &str = "Examples:\n  \
hostops --ticket INC-1234 mail hold web01 --account shopuser\n  \
hostops --ticket INC-1234 mail release web01 --account shopuser\n\n\
cPanel: `whmapi1 hold_outgoing_email user=U` (release: `release_outgoing_email`): exim keeps the \
account's outgoing messages in the queue until released. Plesk, DirectAdmin and servers without \
a panel have no per-account hold hostops can call: refused (exit 4); use `mail queue HOST \
--remove --sender ADDR` or suspend the mailbox in the panel.\n\n\
Exit codes: 0 done, 1 the panel refused, 2 bad account name, 3 the server could not be reached, \
4 refused (another panel, or no terminal and no --yes).";

#[derive(Debug, Args)]
pub struct HoldArgs {
    /// Inventory host (the mail server)
    #[arg(value_name = "HOST")]
    pub host: String,
    /// The panel account (cPanel user)
    #[arg(long, value_name = "USER")]
    pub account: String,
}

#[derive(Debug, Args)]
pub struct MailCheckArgs {
    /// The mailbox: BOX@DOMAIN
    #[arg(value_name = "BOX@DOMAIN")]
    pub address: String,
    /// Inventory host (default: the one `account find` finds holding the domain)
    #[arg(long, value_name = "HOST")]
    pub host: Option<String>,
    /// The resolver to ask for the domain's records: IP or IP:PORT (default: the system's)
    #[arg(long, value_name = "IP")]
    pub nameserver: Option<String>,
}

#[derive(Debug, Args)]
pub struct QueueArgs {
    /// Inventory host (the mail server)
    #[arg(value_name = "HOST")]
    pub host: String,
    /// Only this sender's messages
    #[arg(long, value_name = "ADDR")]
    pub sender: Option<String>,
    /// Only messages with a recipient in this domain
    #[arg(long, value_name = "DOMAIN", conflicts_with = "remove")]
    pub domain: Option<String>,
    /// Remove messages from the queue (a change): those of --sender, --frozen or --id
    #[arg(long)]
    pub remove: bool,
    /// With --remove: the frozen messages (postfix: those in its hold queue)
    #[arg(long, requires = "remove", conflicts_with_all = ["sender", "id"])]
    pub frozen: bool,
    /// With --remove: these messages (exim message IDs or postfix queue IDs)
    #[arg(long, value_name = "ID", num_args = 1.., requires = "remove", conflicts_with = "sender")]
    pub id: Vec<String>,
}

#[derive(Debug, Args)]
#[command(
    group(ArgGroup::new("what").required(true).args(["from", "to", "id", "subject"])),
    after_help = "Examples:\n  \
hostops --ticket INC-1234 mail trace web01 --to info@shop.example --since 2h\n  \
hostops --ticket INC-1234 mail trace web01 --id 1xZ4gD-0005mC-0z\n\n\
Filters the exim main log on the server (cPanel /var/log/exim_mainlog, DirectAdmin \
/var/log/exim/mainlog, Debian /var/log/exim4/mainlog) or else postfix's (/var/log/maillog, \
/var/log/mail.log); with --since, the rotated and compressed files written since then too, and joins each message's lines: arrival, deliveries, deferrals, \
bounces, freeze, completion and the bounce messages it caused. One verdict per message: \
rejected (during the SMTP conversation, with the check that refused it), delivered (with the \
remote's reply), deferred (why), bounced (why, in plain words), frozen, queued or discarded. \
Exim message IDs of 16 (before 4.97) and 23 characters and postfix queue IDs are read.\n\n\
Exit codes: 0 messages found, 1 none found (or no exim log), 3 the server could not be reached."
)]
pub struct TraceArgs {
    /// Inventory host (the mail server)
    #[arg(value_name = "HOST")]
    pub host: String,
    /// Messages from this sender address
    #[arg(long, value_name = "ADDR")]
    pub from: Option<String>,
    /// Messages to this recipient address
    #[arg(long, value_name = "ADDR")]
    pub to: Option<String>,
    /// The message with this exim message ID or postfix queue ID
    #[arg(long, value_name = "MSGID")]
    pub id: Option<String>,
    /// Messages whose subject contains this text
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,
    /// Start of the window: a local date or time (2026-11-01, "2026-11-01 10:00"), RFC 3339,
    /// 30m, 2h, 1d, today, yesterday (default: the current log file only)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// End of the window (default: now)
    #[arg(long, value_name = "WHEN", requires = "since")]
    pub until: Option<String>,
    /// Most messages shown (the latest)
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}
