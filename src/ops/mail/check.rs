//! `hostops mail check BOX@DOMAIN`: one mailbox on its server (where it is in the panel's
//! layout, exim's routing, quota and usage, forwarders, filters and autoresponder (see
//! [`super::rules`]), the panel's hold on the account's outgoing mail, messages waiting in
//! the queue, recent bounces) and its domain's mail
//! DNS (see [`super::domain`]), one verdict per check.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{bail, Result};
use jiff::{SignedDuration, Timestamp};
use serde::Serialize;

pub use super::domain::{check, Check};
use super::join::Verdict as Delivery;
use super::trace::{self, By, TraceOptions};
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::kv::sections;
use crate::ops::blacklist::dns::DnsOptions;
pub use crate::ops::diagnose::hardware::Verdict;
use crate::panel::PanelKind;
use crate::transport::{self, Cmd, Transport};

/// Constant. `$1` the panel, `$2` the box, `$3` the domain. Paths are the panel's own; files
/// are read only when no symlink leads to them (a customer's home is under its control).
const SCRIPT: &str = r#"panel=$1 box=$2 dom=$3 addr="$2@$3"
section() { printf '\n@@%s\n' "$1"; }
plain() { [ -e "$1" ] && [ "$(readlink -f -- "$1")" = "$1" ]; }
owner_in() { plain "$1" && D=$dom awk -F': *' '$1 == ENVIRON["D"] { print $2; exit }' "$1"; }
owner='' dir='' quota='' fwd='' dkim='' selector='' home='' hold=''
case $panel in
  cpanel) owner=$(owner_in /etc/userdomains)
    if [ -n "$owner" ]; then home=/home/$owner; dir=$home/mail/$dom/$box quota=$home/etc/$dom/quota; fi
    fwd=/etc/valiases/$dom dkim=/var/cpanel/domain_keys/public/$dom selector=default
    hold=/etc/outgoing_mail_hold_users ;;
  directadmin) owner=$(owner_in /etc/virtual/domainowners)
    if [ -n "$owner" ]; then home=/home/$owner; dir=$home/imap/$dom/$box/Maildir; fi
    quota=/etc/virtual/$dom/quota fwd=/etc/virtual/$dom/aliases
    dkim=/etc/virtual/$dom/dkim.public.key selector=x ;;
  plesk) dir=/var/qmail/mailnames/$dom/$box/Maildir ;;
  *) home=$(doveadm user -f home "$addr" 2>/dev/null); if [ -n "$home" ]; then dir=$home/Maildir; fi
    fwd=/etc/aliases ;;
esac
section owner; echo "$owner"
section home; echo "$home"
section held
if [ -n "$owner" ] && [ -n "$hold" ] && plain "$hold"; then
  O=$owner awk '$1 == ENVIRON["O"] { print; exit }' "$hold"
fi
section mailbox
if [ -n "$dir" ] && [ -d "$dir" ] && plain "$dir"; then echo "$dir"; fi
section usage
if [ -n "$dir" ] && [ -d "$dir" ] && plain "$dir"; then
  find "$dir" -type f \( -path '*/cur/*' -o -path '*/new/*' \) -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
fi
section limit
if [ -n "$quota" ] && plain "$quota"; then
  B=$box awk -F: '$1 == ENVIRON["B"] && $2 ~ /^[0-9]+$/ { print $2; exit }' "$quota"
fi
section doveadm
doveadm -f tab quota get -u "$addr" 2>/dev/null
section forwarders
if [ -n "$fwd" ] && plain "$fwd"; then
  A=$addr B=$box awk '{ i = index($0, ":"); if (i == 0) next; k = tolower(substr($0, 1, i - 1))
    v = substr($0, i + 1); sub(/^[ \t]+/, "", v)
    if (k == tolower(ENVIRON["A"]) || k == tolower(ENVIRON["B"])) print v }' "$fwd"
fi
exim=$(command -v exim || command -v exim4)
section exim; echo "$exim"
if [ -z "$exim" ]; then exit 0; fi
section route; "$exim" -bt "$addr" 2>&1; echo "exit $?"
section queued
"$exim" -bp | A=$addr awk '/^ *[0-9]+[smhdw] / { id = $3; next }
  /^ +[^ ]/ && id != "" && $1 != "D" && tolower($NF) == tolower(ENVIRON["A"]) && !(id in seen) { seen[id] = 1; print id }'
section helo; "$exim" -bP primary_hostname | sed 's/^primary_hostname = //'
section selector; echo "$selector"
section dkim
if [ -n "$dkim" ] && plain "$dkim"; then sed '/^-----/d' "$dkim" | tr -d ' \n\r'; fi
true"#;

pub struct CheckOptions {
    /// `BOX@DOMAIN`.
    pub address: String,
    pub host: Option<String>,
    /// The resolver for the domain's records (None: the system's).
    pub nameserver: Option<SocketAddr>,
}

#[derive(Debug, Serialize)]
pub struct MailCheck {
    pub address: String,
    pub host: String,
    pub panel: PanelKind,
    /// The server's address: the one it sends from, which MX, SPF and PTR should name.
    pub server_ip: String,
    pub mailbox: Option<String>,
    pub usage_bytes: Option<u64>,
    /// The mailbox's quota (None: none set).
    pub limit_bytes: Option<u64>,
    pub forwarders: Vec<String>,
    /// IDs of queued messages for the address.
    pub queued: Vec<String>,
    pub helo: Option<String>,
    pub checks: Vec<Check>,
    /// Every DNS lookup failed: the domain could not be checked.
    pub dns_unchecked: bool,
}

/// The box and domain of `BOX@DOMAIN` (exit 2 for anything else).
fn split(address: &str) -> Result<(String, String)> {
    let Some((b, d)) = address.rsplit_once('@') else {
        bail!(StatusError::usage(format!(
            "{address:?} is not an address: give BOX@DOMAIN"
        )));
    };
    let b = b.to_ascii_lowercase();
    let fine = |c: char| c.is_ascii_alphanumeric() || "._+-".contains(c);
    if b.is_empty() || b.starts_with(['-', '.']) || !b.chars().all(fine) {
        bail!(StatusError::usage(format!(
            "{b:?} is not a mailbox name (letters, digits, . _ + -)"
        )));
    }
    Ok((b, crate::ops::dns::checked_domain(d)?))
}

pub fn run(ctx: &Context, opts: &CheckOptions) -> Result<MailCheck> {
    let (mbox, domain) = split(&opts.address)?;
    let address = format!("{mbox}@{domain}");
    let l = crate::ops::dns::locate(ctx, &domain, opts.host.as_deref())?;
    let kind = l.panel.kind();
    let cmd = Cmd::script("sh", SCRIPT)
        .arg(kind.as_str())
        .arg(mbox.clone())
        .arg(domain.clone());
    let out = transport::run_ok(&*l.t, &cmd)?;
    let text = out.stdout_text();
    let s = sections(&text);
    let get = |k: &str| {
        s.get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let server_ip = l.ns.ip();
    let mut r = MailCheck {
        address: address.clone(),
        host: l.host.clone(),
        panel: kind,
        server_ip: server_ip.to_string(),
        mailbox: get("mailbox"),
        usage_bytes: None,
        limit_bytes: None,
        forwarders: lines(get("forwarders")),
        queued: lines(get("queued")),
        helo: get("helo"),
        checks: Vec::new(),
        dns_unchecked: false,
    };
    (r.usage_bytes, r.limit_bytes) = quota(get("doveadm").as_deref(), &get);
    r.checks.push(match (&r.mailbox, get("owner")) {
        (Some(m), _) => check("mailbox", Verdict::Ok, m.clone()),
        (None, None) if kind != PanelKind::Plesk && kind != PanelKind::None => check(
            "mailbox",
            Verdict::Fail,
            format!("{domain} is not a domain of any account on {}", r.host),
        ),
        (None, _) => check(
            "mailbox",
            Verdict::Fail,
            format!("no mailbox {address} on {}", r.host),
        ),
    });
    r.checks.push(route(get("exim").is_some(), get("route")));
    r.checks.push(quota_check(r.usage_bytes, r.limit_bytes));
    r.checks.push(check(
        "forwarders",
        Verdict::Ok,
        if r.forwarders.is_empty() {
            "none".to_string()
        } else {
            r.forwarders.join(", ")
        },
    ));
    let driver = crate::panel::driver(kind);
    let home = get("home");
    r.checks.extend(super::rules::checks(
        &*l.t,
        driver.mail_rules(),
        home.as_deref(),
        &mbox,
        &domain,
    )?);
    if driver.mail_hold().is_some() {
        r.checks
            .push(held(get("owner"), get("held").is_some(), &r.host));
    }
    r.checks.push(match r.queued.len() {
        0 => check("queue", Verdict::Ok, "no message waiting"),
        n => check(
            "queue",
            Verdict::Warn,
            format!(
                "{n} message(s) waiting in the queue: {}",
                r.queued.join(" ")
            ),
        ),
    });
    r.checks.push(bounces(&*l.t, &l.host, &address));
    let dkim = get("selector").map(|sel| (sel, get("dkim")));
    let dns = super::domain::Inputs {
        domain: domain.clone(),
        ip: server_ip,
        helo: r.helo.clone(),
        dkim,
        resolver: DnsOptions {
            nameservers: opts.nameserver.into_iter().collect(),
            timeout: Duration::from_millis(1500),
            retries: 1,
        },
    };
    let (checks, unchecked) = super::domain::checks(&dns)?;
    r.checks.extend(checks);
    r.dns_unchecked = unchecked;
    let worst: Vec<String> = r
        .checks
        .iter()
        .filter(|c| c.verdict >= Verdict::Warn)
        .map(|c| format!("{} {}", c.check, c.verdict.as_str()))
        .collect();
    ctx.note(format!(
        "mail check {address} on {}: {}",
        r.host,
        if worst.is_empty() {
            "all ok".to_string()
        } else {
            worst.join(", ")
        }
    ))?;
    Ok(r)
}

fn lines(text: Option<String>) -> Vec<String> {
    text.map(|t| t.lines().map(String::from).collect())
        .unwrap_or_default()
}

/// Usage and limit in bytes: doveadm's STORAGE row (KiB, limit `-` for none), or else the
/// Maildir's messages' sizes and the panel's quota file (0: none).
fn quota(
    doveadm: Option<&str>,
    get: &dyn Fn(&str) -> Option<String>,
) -> (Option<u64>, Option<u64>) {
    let row = doveadm.and_then(|t| {
        t.lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|f| f.len() >= 4 && f[1] == "STORAGE")
            .map(|f| (f[2].parse::<u64>().ok(), f[3].parse::<u64>().ok()))
    });
    let file_limit = get("limit")
        .and_then(|l| l.parse::<u64>().ok())
        .filter(|&l| l > 0);
    match row {
        Some((Some(used), limit)) => (Some(used * 1024), limit.map(|l| l * 1024).or(file_limit)),
        _ => (get("usage").and_then(|u| u.parse().ok()), file_limit),
    }
}

fn quota_check(usage: Option<u64>, limit: Option<u64>) -> Check {
    let Some(used) = usage else {
        return check("quota", Verdict::NotAvailable, "no mailbox to measure");
    };
    let Some(limit) = limit.filter(|&l| l > 0) else {
        return check("quota", Verdict::Ok, format!("{used} bytes used, no quota"));
    };
    let pct = used * 100 / limit;
    let text = format!("{used} of {limit} bytes used ({pct}%)");
    match pct {
        100.. => check("quota", Verdict::Fail, format!("mailbox full: {text}")),
        90.. => check("quota", Verdict::Warn, text),
        _ => check("quota", Verdict::Ok, text),
    }
}

/// The panel's hold on the outgoing mail of the account owning the domain.
fn held(owner: Option<String>, held: bool, host: &str) -> Check {
    match owner {
        None => check("hold", Verdict::NotAvailable, "no account owns the domain"),
        Some(o) if held => check(
            "hold",
            Verdict::Warn,
            format!(
                "the outgoing mail of account {o} is held: what it sends stays in the queue (`hostops mail release {host} --account {o}`)"
            ),
        ),
        Some(o) => check(
            "hold",
            Verdict::Ok,
            format!("the outgoing mail of account {o} is not held"),
        ),
    }
}

/// `exim -bt`: the router and transport, or why the address does not route.
fn route(has_exim: bool, out: Option<String>) -> Check {
    let out = out.unwrap_or_default();
    if !has_exim {
        return check("routing", Verdict::NotAvailable, "no exim on this server");
    }
    let body: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("exit "))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let text = body.join("; ");
    if out.lines().any(|l| l == "exit 0") {
        check("routing", Verdict::Ok, text)
    } else {
        check("routing", Verdict::Fail, text)
    }
}

/// The address's bounces of the last 24 hours, from the trace's log reader.
fn bounces(t: &dyn Transport, host: &str, address: &str) -> Check {
    let opts = TraceOptions {
        host: host.to_string(),
        by: By::To,
        text: address.to_string(),
        since: Some(Timestamp::now() - SignedDuration::from_hours(24)),
        until: None,
        limit: 50,
    };
    match trace::run(t, &opts) {
        Err(e) => check("bounces", Verdict::NotAvailable, e.to_string()),
        Ok(tr) if tr.mta.is_none() => check("bounces", Verdict::NotAvailable, "no mail log"),
        Ok(tr) => {
            let reasons: Vec<String> = tr
                .messages
                .iter()
                .filter(|m| m.verdict == Delivery::Bounced)
                .map(|m| format!("{} {}", m.time, m.reason))
                .collect();
            match reasons.len() {
                0 => check("bounces", Verdict::Ok, "none in the last 24 hours"),
                n => check(
                    "bounces",
                    Verdict::Warn,
                    format!("{n} in the last 24 hours: {}", reasons.join("; ")),
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked() {
        assert!(split("info@alpha.test").is_ok());
        assert!(split("-x@alpha.test").is_err());
        assert!(split("a b@alpha.test").is_err());
        assert!(split("alpha.test").is_err());
    }

    #[test]
    fn quota_from_doveadm_or_the_panel_file() {
        let none = |_: &str| None;
        let tab = "Quota name\tType\tValue\tLimit\t%\nUser quota\tSTORAGE\t3\t2\t150\n";
        assert_eq!(quota(Some(tab), &none), (Some(3072), Some(2048)));
        let file = |k: &str| match k {
            "usage" => Some("5000".to_string()),
            "limit" => Some("2000".to_string()),
            _ => None,
        };
        assert_eq!(quota(None, &file), (Some(5000), Some(2000)));
        assert_eq!(quota_check(Some(5000), Some(2000)).verdict, Verdict::Fail);
        assert_eq!(quota_check(Some(10), None).verdict, Verdict::Ok);
    }
}
