//! `hostops blacklist investigate`: who is sending from this mail server? One read-only probe
//! reads the queue (exim or postfix) and counts the mail log's evidence on the server
//! (authenticated mailboxes, script directories, local senders, rate-limit hits), then the
//! likely source is named with its evidence and the hostops commands to run next.
//! cPanel is recognised by its version file or by /etc/userdomains (domain: owner), which
//! only cPanel writes and which names the account to hold.

use std::collections::HashMap;

use serde::Serialize;

use super::host::Outcome;
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::kv::sections;
use crate::transport::{self, Cmd, Transport, TransportError};

/// Counting functions over one mail log (`$1`), the last `$n` lines. Separate from [`PROBE`]
/// so that the unit tests run them, unchanged, on real log samples.
///
/// exim: only an arrival (`<=`) with `A=dovecot_...:BOX` counts a mailbox as a sender; a failed
/// AUTH (`dovecot_login authenticator failed for HOST [IP]: 535 ... (set_id=BOX)`) is a failed
/// login, counted per username and client address.
/// postfix: only smtpd's `client=..., sasl_method=..., sasl_username=...` line (a message
/// accepted after a successful AUTH) counts a mailbox as a sender. A failed AUTH
/// (`SASL LOGIN authentication failed: ..., sasl_username=...`, Postfix 3.9+) is password
/// guessing, counted per username and per client address, never a sender.
const LOG_COUNTS: &str = r#"exim_counts() {
  section log; echo "$1"
  section received; tail -n "$n" "$1" | grep -c ' <= '
  section bounced; tail -n "$n" "$1" | grep -c ' \*\* '
  section mailboxes; tail -n "$n" "$1" | grep ' <= ' | grep -o 'A=dovecot_[a-z]*:[^ ]*' | sed 's/^A=dovecot_[a-z]*://' | top
  section scripts; tail -n "$n" "$1" | grep -o ' cwd=[^ ]*' | sed 's/^ cwd=//' | top
  section accounts; tail -n "$n" "$1" | grep ' <= ' | grep ' P=local' | grep -o ' U=[^ ]*' | sed 's/^ U=//' | top
  section rate_limited; tail -n "$n" "$1" | grep -o 'Domain [^ ]* has exceeded the max emails per hour' | awk '{print $2}' | tr -d '"' | top
  section auth_failed; tail -n "$n" "$1" | grep -c ' authenticator failed for '
  section auth_failed_users; tail -n "$n" "$1" | sed -n 's/.* authenticator failed for .*(set_id=\([^) ]*\))$/\1/p' | top
  section auth_failed_clients; tail -n "$n" "$1" | sed -n 's/.* authenticator failed for [^[]*\[\([^] ]*\)\].*/\1/p' | top
}
postfix_counts() {
  section log; echo "$1"
  section received; tail -n "$n" "$1" | grep -c 'postfix/qmgr.*from=<'
  section bounced; tail -n "$n" "$1" | grep -c 'status=bounced'
  section deferred; tail -n "$n" "$1" | grep -c 'status=deferred'
  section mailboxes; tail -n "$n" "$1" | grep -o ': client=[^ ]*, sasl_method=[^ ,]*, sasl_username=[^ ,]*' | sed 's/.*, sasl_username=//' | top
  section auth_failed; tail -n "$n" "$1" | grep -c ': SASL [^ ]* authentication failed: '
  section auth_failed_users; tail -n "$n" "$1" | sed -n 's/.*: SASL [^ ]* authentication failed: .*, sasl_username=\([^ ,]*\)$/\1/p' | grep -v '^(unavailable)$' | top
  section auth_failed_clients; tail -n "$n" "$1" | sed -n 's/.*: warning: [^ ]*\[\([^] ]*\)\]: SASL [^ ]* authentication failed: .*/\1/p' | top
  section accounts; tail -n "$n" "$1" | grep 'postfix/pickup' | grep -o 'uid=[0-9]*' | sed 's/^uid=//' | top | while read -r c u; do printf '%s %s\n' "$c" "$(getent passwd "$u" | cut -d: -f1 | grep . || echo "uid $u")"; done
}
section() { printf '\n@@%s\n' "$1"; }
top() { sort | uniq -c | sort -rn | head -n 20; }"#;

/// Constant: the one input, the number of log lines to read, arrives as `$1`.
/// Every command only reads; the counting is done on the server so that only counts travel.
const PROBE: &str = r#"n=$1
firstlog() { for f in "$@"; do if [ -r "$f" ]; then echo "$f"; return; fi; done; }
exim=$(command -v exim || command -v exim4)
elog=$(firstlog /var/log/exim_mainlog /var/log/exim/mainlog /var/log/exim/main.log /var/log/exim4/mainlog)
plog=$(firstlog /var/log/maillog /var/log/mail.log)
section panel
if [ -r /usr/local/cpanel/version ] || [ -s /etc/userdomains ]; then echo cpanel
elif command -v plesk >/dev/null 2>&1; then echo plesk
elif [ -x /usr/local/directadmin/directadmin ]; then echo directadmin; fi
section userdomains; cat /etc/userdomains 2>/dev/null
# The MTA in use is the one whose log exists; without logs, the one installed.
if [ -n "$elog" ] || { [ -z "$plog" ] && [ -n "$exim" ]; }; then
  section mta; echo exim
  if [ -n "$exim" ]; then
    bp=$("$exim" -bp 2>/dev/null)
    section queue; "$exim" -bpc 2>/dev/null
    section frozen; if command -v exiqgrep >/dev/null 2>&1; then exiqgrep -z -c 2>/dev/null; else printf '%s\n' "$bp" | grep -c '\*\*\* frozen \*\*\*'; fi
    section queue_senders; printf '%s\n' "$bp" | awk '/^ *[0-9]+[smhdw] /{print $4}' | top
  fi
  if [ -n "$elog" ]; then exim_counts "$elog"; fi
elif command -v postqueue >/dev/null 2>&1 || [ -n "$plog" ]; then
  section mta; echo postfix
  if pq=$(postqueue -p 2>/dev/null); then
    ids() { printf '%s\n' "$pq" | awk '/^[0-9A-Za-z]/ && $2 ~ /^[0-9]+$/'; }
    section queue; ids | wc -l
    section held; ids | grep -c '^[0-9A-Za-z]*!'
    section queue_senders; ids | awk '{print $NF}' | top
  fi
  if [ -n "$plog" ]; then postfix_counts "$plog"; fi
fi
true"#;

/// Below this many messages nobody is singled out.
const THRESHOLD: u64 = 10;

/// Something counted in the queue or the log, and how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    pub name: String,
    pub count: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A mailbox logging in over SMTP AUTH: usually a stolen password.
    Mailbox,
    /// A script directory (`cwd=`): usually an exploited website.
    Script,
    /// A local account sending through sendmail (cron, CLI, a script without cwd logging).
    Account,
    /// A domain that hit the hourly sending limit.
    Domain,
}

impl SourceKind {
    pub fn word(self) -> &'static str {
        match self {
            SourceKind::Mailbox => "mailbox",
            SourceKind::Script => "script directory",
            SourceKind::Account => "account",
            SourceKind::Domain => "domain",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Source {
    pub kind: SourceKind,
    pub name: String,
    /// The hosting account it belongs to, when known.
    pub account: Option<String>,
    pub count: u64,
    pub evidence: String,
    /// hostops commands to run next (hostops itself changes nothing here).
    pub next: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Queue {
    pub size: Option<u64>,
    /// exim: frozen messages.
    pub frozen: Option<u64>,
    /// postfix: held messages.
    pub held: Option<u64>,
    /// Queued bounces (sender `<>` or MAILER-DAEMON).
    pub bounces: Option<u64>,
    pub senders: Vec<Count>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Investigation {
    pub host: String,
    /// `ok` when the probe ran; `unreachable` or `failed` leave everything below empty.
    pub outcome: Outcome,
    /// Why the outcome is not `ok`.
    pub error: Option<String>,
    /// `exim` or `postfix`; None when neither was found.
    pub mta: Option<String>,
    pub panel: Option<String>,
    pub log: Option<String>,
    pub queue: Queue,
    /// Messages received, bounced (and deferred, postfix) in the lines read.
    pub received: Option<u64>,
    pub bounced: Option<u64>,
    pub deferred: Option<u64>,
    pub mailboxes: Vec<Count>,
    pub scripts: Vec<Count>,
    pub accounts: Vec<Count>,
    pub rate_limited: Vec<Count>,
    /// Failed SMTP logins (postfix): password guessing, never a sender.
    pub failed_logins: FailedLogins,
    /// Most likely first; empty when nothing stands out.
    pub sources: Vec<Source>,
}

/// Failed SMTP AUTH attempts in the lines read: someone guessing passwords. The usernames
/// are what the client tried (Postfix 3.9+ logs them); a failed login sends nothing.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FailedLogins {
    pub count: Option<u64>,
    pub usernames: Vec<Count>,
    pub clients: Vec<Count>,
}

pub struct InvestigateOptions {
    /// The mail server: an inventory host or `user@host`, one server.
    pub host: String,
    pub lines: u64,
    /// For the printed next commands.
    pub ticket: String,
}

/// Investigates the one server `opts.host` names and journals what was found. A server that
/// cannot be reached, or whose probe fails, gives an investigation with that outcome.
pub fn investigate(ctx: &Context, opts: &InvestigateOptions) -> anyhow::Result<Investigation> {
    let hosts = ctx.hosts(std::slice::from_ref(&opts.host))?;
    let [host] = hosts.as_slice() else {
        return Err(StatusError::usage(format!(
            "`{}` names {} hosts: investigate one mail server at a time",
            opts.host,
            hosts.len()
        ))
        .into());
    };
    let inv = ctx
        .connect(host)
        .and_then(|t| run(&*t, opts))
        .unwrap_or_else(|e| Investigation {
            host: host.name.clone(),
            outcome: Outcome::of_error(&e),
            error: Some(e.to_string()),
            ..Investigation::default()
        });
    let summary = match (&inv.error, inv.sources.first()) {
        (Some(e), _) => format!("{}: {e}", inv.outcome.as_str()),
        (None, Some(s)) => format!("likely source: {} ({})", s.name, s.evidence),
        (None, None) => "no likely source found".to_string(),
    };
    ctx.note(format!("blacklist investigate {}: {summary}", inv.host))?;
    Ok(inv)
}

fn run(t: &dyn Transport, opts: &InvestigateOptions) -> Result<Investigation, TransportError> {
    let cmd = Cmd::script("sh", &format!("{LOG_COUNTS}\n{PROBE}")).arg(opts.lines.to_string());
    let out = transport::run_ok(t, &cmd)?;
    Ok(analyse(&t.target().name, &opts.ticket, &out.stdout_text()))
}

/// The `N NAME` lines of `text` (uniq -c's output).
pub(crate) fn counts(text: &str) -> Vec<Count> {
    text.lines()
        .filter_map(|l| {
            let (count, name) = l.trim().split_once(' ')?;
            Some(Count {
                name: name.trim().to_string(),
                count: count.parse().ok()?,
            })
        })
        .filter(|c| !c.name.is_empty())
        .collect()
}

fn number(text: &str) -> Option<u64> {
    text.split_whitespace().next()?.parse().ok()
}

fn analyse(host: &str, ticket: &str, text: &str) -> Investigation {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(String::as_str);
    let word = |k: &str| {
        get(k)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(String::from)
    };
    // exim shows senders in angle brackets; a bounce's sender is `<>`.
    let senders: Vec<Count> = counts(get("queue_senders").unwrap_or(""))
        .into_iter()
        .map(|c| match c.name.as_str() {
            "<>" => c,
            n => Count {
                name: n.trim_start_matches('<').trim_end_matches('>').to_string(),
                count: c.count,
            },
        })
        .collect();
    let bounces = get("queue").map(|_| {
        senders
            .iter()
            .filter(|c| c.name == "<>" || c.name.eq_ignore_ascii_case("MAILER-DAEMON"))
            .map(|c| c.count)
            .sum()
    });
    let owners: HashMap<String, String> = get("userdomains")
        .unwrap_or("")
        .lines()
        .filter_map(|l| {
            let (d, u) = l.split_once(':')?;
            Some((d.trim().to_ascii_lowercase(), u.trim().to_string()))
        })
        .filter(|(_, u)| u != "nobody")
        .collect();
    let scripts: Vec<Count> = counts(get("scripts").unwrap_or(""))
        .into_iter()
        .filter(|c| c.name != "/" && !c.name.starts_with("/var/spool"))
        .collect();
    let mut inv = Investigation {
        host: host.to_string(),
        outcome: Outcome::Ok,
        error: None,
        mta: word("mta"),
        panel: word("panel"),
        log: word("log"),
        queue: Queue {
            size: get("queue").and_then(number),
            frozen: get("frozen").and_then(number),
            held: get("held").and_then(number),
            bounces,
            senders,
        },
        received: get("received").and_then(number),
        bounced: get("bounced").and_then(number),
        deferred: get("deferred").and_then(number),
        mailboxes: counts(get("mailboxes").unwrap_or("")),
        scripts,
        accounts: counts(get("accounts").unwrap_or("")),
        rate_limited: counts(get("rate_limited").unwrap_or("")),
        failed_logins: FailedLogins {
            count: get("auth_failed").and_then(number),
            usernames: counts(get("auth_failed_users").unwrap_or("")),
            clients: counts(get("auth_failed_clients").unwrap_or("")),
        },
        sources: Vec::new(),
    };
    inv.sources = sources(&inv, &owners, ticket);
    inv
}

/// Candidates from every kind of evidence, most messages first.
fn sources(inv: &Investigation, owners: &HashMap<String, String>, ticket: &str) -> Vec<Source> {
    let owner_of_domain = |d: &str| owners.get(&d.to_ascii_lowercase()).cloned();
    let log = inv.log.as_deref().unwrap_or("the mail log");
    let mut out = Vec::new();
    for c in &inv.mailboxes {
        let account = c
            .name
            .rsplit_once('@')
            .and_then(|(_, d)| owner_of_domain(d));
        out.push(source(
            inv,
            ticket,
            SourceKind::Mailbox,
            c,
            account,
            format!(
                "{} messages sent with the password of {} (SMTP AUTH) in {log}",
                c.count, c.name
            ),
        ));
    }
    for c in &inv.scripts {
        let account = c
            .name
            .strip_prefix("/home/")
            .and_then(|rest| rest.split('/').next())
            .filter(|u| !u.is_empty())
            .map(String::from);
        out.push(source(
            inv,
            ticket,
            SourceKind::Script,
            c,
            account,
            format!(
                "{} messages sent by scripts in {} (cwd=) in {log}",
                c.count, c.name
            ),
        ));
    }
    for c in &inv.accounts {
        out.push(source(
            inv,
            ticket,
            SourceKind::Account,
            c,
            Some(c.name.clone()),
            format!(
                "{} messages submitted locally by {} in {log}",
                c.count, c.name
            ),
        ));
    }
    for c in &inv.rate_limited {
        out.push(source(
            inv,
            ticket,
            SourceKind::Domain,
            c,
            owner_of_domain(&c.name),
            format!(
                "{} messages refused because {} exceeded the max emails per hour, in {log}",
                c.count, c.name
            ),
        ));
    }
    out.retain(|s| s.count >= THRESHOLD);
    out.sort_by_key(|s| std::cmp::Reverse(s.count));
    out
}

fn source(
    inv: &Investigation,
    ticket: &str,
    kind: SourceKind,
    c: &Count,
    account: Option<String>,
    evidence: String,
) -> Source {
    Source {
        next: next_steps(inv, ticket, kind, &c.name, account.as_deref()),
        kind,
        name: c.name.clone(),
        account,
        count: c.count,
        evidence,
    }
}

/// The hostops command line that runs `cmd` on the investigated host.
fn hostops_exec(inv: &Investigation, ticket: &str, cmd: Cmd) -> String {
    Cmd::new("hostops")
        .args(["--ticket", ticket, "exec", &inv.host, "--"])
        .args(cmd.argv().iter().cloned())
        .display()
}

fn next_steps(
    inv: &Investigation,
    ticket: &str,
    kind: SourceKind,
    name: &str,
    account: Option<&str>,
) -> Vec<String> {
    let cpanel = inv.panel.as_deref() == Some("cpanel");
    let mut next = Vec::new();
    if let (true, Some(user)) = (cpanel, account) {
        next.push(hostops_exec(
            inv,
            ticket,
            Cmd::new("whmapi1")
                .arg("hold_outgoing_email")
                .arg(format!("user={user}")),
        ));
    } else if inv.mta.as_deref() == Some("postfix") {
        next.push(hostops_exec(
            inv,
            ticket,
            Cmd::new("postsuper").args(["-h", "ALL", "deferred"]),
        ));
    }
    match kind {
        SourceKind::Mailbox => {
            let (local, domain) = name.split_once('@').unwrap_or((name, ""));
            match (cpanel, account) {
                (true, Some(user)) => next.push(format!(
                    "{}   (reset the password; the journal masks password=)",
                    hostops_exec(
                        inv,
                        ticket,
                        Cmd::new("uapi")
                            .arg(format!("--user={user}"))
                            .args(["Email", "passwd_pop"])
                            .arg(format!("email={local}"))
                            .arg(format!("domain={domain}"))
                            .arg("password=NEW-PASSWORD"),
                    )
                )),
                _ => next.push(format!(
                    "reset the password of {name} in the panel: it is being used to send"
                )),
            }
        }
        SourceKind::Script => {
            next.push(hostops_exec(
                inv,
                ticket,
                Cmd::new("ls").args(["-la", name]),
            ));
        }
        SourceKind::Account => {
            if let Some(user) = account {
                next.push(hostops_exec(
                    inv,
                    ticket,
                    Cmd::new("crontab").args(["-l", "-u", user]),
                ));
            }
        }
        SourceKind::Domain => {}
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the probe's counting function `func` here, unchanged, on a real sample in
    /// tests/fixtures/real/, and reads its output as the probe's.
    fn counted(mta: &str, func: &str, sample: &str) -> Investigation {
        let path = format!(
            "{}/tests/fixtures/real/{sample}",
            env!("CARGO_MANIFEST_DIR")
        );
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{LOG_COUNTS}\nn=100000\n{func} \"$1\""))
            .arg("sh")
            .arg(&path)
            .output()
            .expect("run sh");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = format!("\n@@mta\n{mta}\n{}", String::from_utf8_lossy(&out.stdout));
        analyse("h1", "T", &text)
    }

    fn pairs(counts: &[Count]) -> Vec<(&str, u64)> {
        counts.iter().map(|c| (c.name.as_str(), c.count)).collect()
    }

    #[test]
    fn postfix_senders_are_successful_sasl_logins_only() {
        let inv = counted("postfix", "postfix_counts", "postfix-maillog.log");
        assert_eq!(
            pairs(&inv.mailboxes),
            [("jesse@obfuscated.nl", 2), ("test", 1)]
        );
        assert_eq!(inv.received, Some(4));
        assert_eq!(inv.deferred, Some(2));
        assert_eq!(inv.bounced, Some(0));
        assert_eq!(pairs(&inv.accounts), [("root", 1)]);
        // Four failed AUTHs (before Postfix 3.9: no username), counted per client.
        assert_eq!(inv.failed_logins.count, Some(4));
        assert!(inv.failed_logins.usernames.is_empty());
        let mut clients: Vec<&str> = inv
            .failed_logins
            .clients
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        clients.sort();
        assert_eq!(
            clients,
            ["1.1.1.1", "5.34.207.186", "62.138.2.143", "82.221.106.233"]
        );
    }

    #[test]
    fn a_failed_auth_with_a_username_is_password_guessing_not_a_sender() {
        let inv = counted("postfix", "postfix_counts", "postfix-sasl-failed-3.9.log");
        assert!(inv.mailboxes.is_empty(), "{:?}", inv.mailboxes);
        assert!(inv.sources.is_empty());
        assert_eq!(inv.failed_logins.count, Some(4));
        assert_eq!(
            pairs(&inv.failed_logins.usernames),
            [("admin", 2), ("info@example.com", 1)]
        );
        assert_eq!(inv.failed_logins.clients.len(), 4);
    }

    #[test]
    fn exim_counts_read_cpanel_lines() {
        let inv = counted("exim", "exim_counts", "exim_mainlog.log");
        let mut mailboxes = pairs(&inv.mailboxes);
        mailboxes.sort();
        assert_eq!(
            mailboxes,
            [("news@togas-shop.ru", 1), ("test1@example.com", 1)]
        );
        assert_eq!(
            pairs(&inv.scripts),
            [("/home/username/public_html/forums", 1)]
        );
        let mut accounts = pairs(&inv.accounts);
        accounts.sort();
        assert_eq!(accounts, [("alex", 1), ("root", 1)]);
        assert_eq!(inv.received, Some(4));
        assert_eq!(inv.bounced, Some(1));
        // fail2ban's exim sample: a failed AUTH is a failed login, never a sender.
        assert_eq!(inv.failed_logins.count, Some(1));
        assert_eq!(pairs(&inv.failed_logins.usernames), [("scanner", 1)]);
        assert_eq!(pairs(&inv.failed_logins.clients), [("85.214.85.40", 1)]);
        assert!(!inv.mailboxes.iter().any(|m| m.name == "scanner"));
        let limited = counted("exim", "exim_counts", "cpanel-max-emails-per-hour.txt");
        let mut domains = pairs(&limited.rate_limited);
        domains.sort();
        assert_eq!(
            domains,
            [
                ("electrica.com.my", 1),
                ("example.com", 2),
                ("profilaxis.ro", 1)
            ]
        );
    }

    const EXIM: &str = "\n@@panel\ncpanel\n@@userdomains\nvictim.example: vic\nshop.example: bob\n\
@@mta\nexim\n@@queue\n1520\n@@frozen\n312 matches out of 1520 messages\n\
@@queue_senders\n   1180 <info@victim.example>\n    312 <>\n     28 news@shop.example\n\
@@log\n/var/log/exim_mainlog\n@@received\n1700\n@@bounced\n410\n\
@@mailboxes\n   1200 info@victim.example\n      4 sales@shop.example\n\
@@scripts\n    260 /home/bob/public_html/wp-content/uploads\n     90 /\n\
@@accounts\n@@rate_limited\n     35 victim.example\n";

    #[test]
    fn names_the_stolen_mailbox_first_with_the_next_commands() {
        let inv = analyse("web01", "INC-1", EXIM);
        assert_eq!(inv.mta.as_deref(), Some("exim"));
        assert_eq!(inv.queue.size, Some(1520));
        assert_eq!(inv.queue.frozen, Some(312));
        assert_eq!(inv.queue.bounces, Some(312));
        assert_eq!(inv.queue.senders[0].name, "info@victim.example");
        assert_eq!(inv.bounced, Some(410));
        let top = &inv.sources[0];
        assert_eq!(top.kind, SourceKind::Mailbox);
        assert_eq!(top.name, "info@victim.example");
        assert_eq!(top.account.as_deref(), Some("vic"));
        assert_eq!(
            top.next[0],
            "hostops --ticket INC-1 exec web01 -- whmapi1 hold_outgoing_email user=vic"
        );
        assert!(top.next[1]
            .contains("uapi --user=vic Email passwd_pop email=info domain=victim.example"));
        // The script directory is second; "/" is exim itself and below the threshold anyway.
        assert_eq!(inv.sources[1].kind, SourceKind::Script);
        assert_eq!(inv.sources[1].account.as_deref(), Some("bob"));
        assert!(inv.scripts.iter().all(|s| s.name != "/"));
        // 4 messages is normal use: not a suspect.
        assert!(inv.sources.iter().all(|s| s.name != "sales@shop.example"));
    }

    #[test]
    fn a_quiet_server_names_nobody() {
        let inv = analyse(
            "h1",
            "T",
            "\n@@mta\npostfix\n@@mailboxes\n      3 a@b.example\n",
        );
        assert!(inv.sources.is_empty());
        assert_eq!(inv.queue.size, None);
    }
}
