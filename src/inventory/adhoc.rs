//! Hosts named on the command line that no inventory defines, taken as ssh takes them: `IP`,
//! `name`, `user@host`, `host:port`, `[v6]:port`, `user@[v6]:port`. Every part is checked
//! strictly (a user name, a DNS name or an IP address, a port): anything else is no host, so
//! a hostile string is refused, never passed on.

use std::net::{Ipv4Addr, Ipv6Addr};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdHoc {
    pub user: Option<String>,
    pub host: String,
    pub port: Option<u16>,
}

pub fn parse(s: &str) -> Option<AdHoc> {
    let (user, rest) = match s.split_once('@') {
        Some((u, rest)) => (Some(valid_user(u)?.to_string()), rest),
        None => (None, s),
    };
    let (host, port) = if let Some(inner) = rest.strip_prefix('[') {
        let (v6, after) = inner.split_once(']')?;
        v6.parse::<Ipv6Addr>().ok()?;
        let port = match after {
            "" => None,
            p => Some(port(p.strip_prefix(':')?)?),
        };
        (v6.to_string(), port)
    } else if rest.parse::<Ipv6Addr>().is_ok() {
        (rest.to_string(), None)
    } else {
        let (host, port) = match rest.split_once(':') {
            Some((h, p)) => (h, Some(port(p)?)),
            None => (rest, None),
        };
        (valid_host(host)?.to_string(), port)
    };
    Some(AdHoc { user, host, port })
}

fn port(p: &str) -> Option<u16> {
    if !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.parse().ok().filter(|&n| n != 0)
}

/// A POSIX-portable user name (letters, digits, `._-`, not starting with `-`).
fn valid_user(u: &str) -> Option<&str> {
    let ok = !u.is_empty()
        && u.len() <= 32
        && !u.starts_with('-')
        && u.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
    ok.then_some(u)
}

/// An IPv4 address or a DNS name (labels of letters, digits, `-` and `_`, none starting or
/// ending with `-`).
fn valid_host(h: &str) -> Option<&str> {
    if h.parse::<Ipv4Addr>().is_ok() {
        return Some(h);
    }
    let ok = !h.is_empty()
        && h.len() <= 253
        && h.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    ok.then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(Option<&str>, String, Option<u16>)> {
        parse(s).map(|a| {
            (
                a.user.map(|u| if u == "root" { "root" } else { "other" }),
                a.host,
                a.port,
            )
        })
    }

    #[test]
    fn the_forms_ssh_takes() {
        assert_eq!(p("203.0.113.7"), Some((None, "203.0.113.7".into(), None)));
        assert_eq!(p("web1"), Some((None, "web1".into(), None)));
        assert_eq!(
            p("root@web1.example.com:2222"),
            Some((Some("root"), "web1.example.com".into(), Some(2222)))
        );
        assert_eq!(
            p("[2001:db8::1]:22"),
            Some((None, "2001:db8::1".into(), Some(22)))
        );
        assert_eq!(
            p("root@[2001:db8::1]"),
            Some((Some("root"), "2001:db8::1".into(), None))
        );
        assert_eq!(p("2001:db8::1"), Some((None, "2001:db8::1".into(), None)));
    }

    #[test]
    fn anything_else_is_no_host() {
        for bad in [
            "",
            "-oProxyCommand=touch /tmp/x",
            "root@",
            "@web1",
            "web1:",
            "web1:0",
            "web1:65536",
            "web1:+22",
            "a b",
            "web1;id",
            "$(id)",
            "`id`",
            "web1/../x",
            "-web1",
            "[web1]:22",
            "[2001:db8::1]x",
            "u;x@web1",
            "web..1",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
