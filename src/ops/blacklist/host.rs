//! An inventory host as blacklist targets: its public addresses and the mail domains it
//! serves, read over SSH with one constant, read-only probe.

use std::net::IpAddr;

use serde::Serialize;

use crate::host::kv::sections;
use crate::host::zone::is_domain_name;
pub use crate::ops::outcome::Outcome;
use crate::transport::{self, Cmd, Transport, TransportError};

/// Constant: no user input is ever part of it. cPanel keeps mail domains in
/// /etc/localdomains, DirectAdmin in /etc/virtual/domains, Plesk answers `plesk bin domain`.
const PROBE: &str = r#"section() { printf '\n@@%s\n' "$1"; }
section addrs; ip -o addr show 2>/dev/null
section domains; cat /etc/localdomains /etc/virtual/domains /etc/mailname 2>/dev/null
if command -v plesk >/dev/null 2>&1; then plesk bin domain --list 2>/dev/null; fi
true"#;

/// One inventory host asked for its targets, reached or not.
#[derive(Clone, Debug, Serialize)]
pub struct HostRow {
    pub host: String,
    pub outcome: Outcome,
    /// Why the outcome is not `ok`.
    pub error: Option<String>,
    /// Public addresses and mail domains read from it.
    pub targets: usize,
}

impl HostRow {
    /// The row of a host whose targets were collected (or not): a host with no public address
    /// and no mail domain has nothing to check, and that is a failure, not a clean host.
    pub fn of(host: &str, collected: &Result<HostTargets, TransportError>) -> HostRow {
        let (outcome, error, targets) = match collected {
            Ok(t) if t.addresses.is_empty() && t.domains.is_empty() => (
                Outcome::Failed,
                Some("no public address and no mail domain found".to_string()),
                0,
            ),
            Ok(t) => (Outcome::Ok, None, t.addresses.len() + t.domains.len()),
            Err(e) => (Outcome::of_error(e), Some(e.to_string()), 0),
        };
        HostRow {
            host: host.to_string(),
            outcome,
            error,
            targets,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HostTargets {
    pub addresses: Vec<IpAddr>,
    pub domains: Vec<String>,
}

pub fn collect(t: &dyn Transport) -> Result<HostTargets, TransportError> {
    let out = transport::run_ok(t, &Cmd::new("sh").args(["-c", PROBE]))?;
    Ok(parse(&out.stdout_text()))
}

fn parse(text: &str) -> HostTargets {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(String::as_str).unwrap_or("");
    let mut out = HostTargets::default();
    // `ip -o addr show`: "2: eth0    inet 203.0.113.5/24 brd ... scope global eth0 ..."
    for line in get("addrs").lines() {
        let mut words = line.split_whitespace();
        while let Some(w) = words.next() {
            if w == "inet" || w == "inet6" {
                let addr = words.next().and_then(|a| a.split('/').next()?.parse().ok());
                if let Some(ip) = addr.filter(is_public) {
                    if !out.addresses.contains(&ip) {
                        out.addresses.push(ip);
                    }
                }
            }
        }
    }
    for line in get("domains").lines() {
        let d = line.trim().trim_end_matches('.').to_ascii_lowercase();
        if d.contains('.') && is_domain_name(&d) && !out.domains.contains(&d) {
            out.domains.push(d);
        }
    }
    out
}

/// Routable on the internet: not private, loopback, link-local, CGNAT, multicast or unspecified.
pub fn is_public(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || o[0] == 0
                || (o[0] == 100 && (o[1] & 0xc0) == 64))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_without_targets_failed_and_one_not_reached_is_unreachable() {
        let empty = HostRow::of("h1", &Ok(HostTargets::default()));
        assert_eq!(empty.outcome, Outcome::Failed);
        assert!(empty.error.unwrap().contains("no public address"));
        let err = TransportError::Auth {
            host: "h1".into(),
            address: "127.0.0.1:22".into(),
            user: "root".into(),
            tried: "publickey".into(),
        };
        assert_eq!(HostRow::of("h1", &Err(err)).outcome, Outcome::Unreachable);
    }

    #[test]
    fn keeps_public_addresses_and_mail_domains() {
        let text = "\n@@addrs\n1: lo    inet 127.0.0.1/8 scope host lo\n\
1: lo    inet6 ::1/128 scope host\n\
2: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\n\
2: eth0    inet 203.0.113.5/24 brd 203.0.113.255 scope global eth0\n\
2: eth0    inet 100.64.1.1/10 scope global eth0\n\
2: eth0    inet6 2001:db8::5/64 scope global\n\
2: eth0    inet6 fe80::1/64 scope link\n\
\n@@domains\nexample.com\nshop.example.net\nlocalhost\nexample.com\n";
        let t = parse(text);
        assert_eq!(
            t.addresses,
            vec![
                "203.0.113.5".parse::<IpAddr>().unwrap(),
                "2001:db8::5".parse().unwrap()
            ]
        );
        assert_eq!(t.domains, ["example.com", "shop.example.net"]);
    }
}
