//! DNSBL query names (RFC 5782): reversed IPv4 octets, reversed IPv6 nibbles, or the domain,
//! then the zone, always fully qualified; and the test points every zone must answer.

use std::fmt;
use std::net::{IpAddr, Ipv6Addr};

use serde::{Deserialize, Serialize};

/// What a zone lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ZoneKind {
    /// IPv4/IPv6 addresses, queried as reversed octets or nibbles.
    Ip,
    /// Domain names, queried as `<domain>.<zone>`.
    Domain,
}

/// What is looked up in a zone: an address or a domain name.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Ip(IpAddr),
    Domain(String),
}

impl Subject {
    pub fn kind(&self) -> ZoneKind {
        match self {
            Subject::Ip(_) => ZoneKind::Ip,
            Subject::Domain(_) => ZoneKind::Domain,
        }
    }

    pub fn family(&self) -> Family {
        match self {
            Subject::Ip(IpAddr::V4(_)) => Family::Ipv4,
            Subject::Ip(IpAddr::V6(_)) => Family::Ipv6,
            Subject::Domain(_) => Family::Domain,
        }
    }
}

/// Which test points prove a zone alive for a subject: IPv4 and IPv6 addresses each have
/// their own (RFC 5782 section 5), so an IPv6-only zone is proven by its IPv6 ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Ipv4,
    Ipv6,
    Domain,
}

impl Family {
    pub fn kind(self) -> ZoneKind {
        match self {
            Family::Ipv4 | Family::Ipv6 => ZoneKind::Ip,
            Family::Domain => ZoneKind::Domain,
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Ip(ip) => write!(f, "{ip}"),
            Subject::Domain(d) => f.write_str(d),
        }
    }
}

/// The fully-qualified name to query for `subject` in the zone `apex`.
pub fn name(subject: &Subject, apex: &str) -> String {
    match subject {
        Subject::Ip(ip) => format!("{}.{apex}.", reversed(ip)),
        Subject::Domain(d) => format!("{d}.{apex}."),
    }
}

/// `1.2.3.4` -> `4.3.2.1`; IPv6 -> its 32 nibbles, last first.
fn reversed(ip: &IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            format!("{}.{}.{}.{}", o[3], o[2], o[1], o[0])
        }
        IpAddr::V6(v6) => {
            let mut labels = Vec::with_capacity(32);
            for byte in v6.octets().iter().rev() {
                labels.push(format!("{:x}", byte & 0x0f));
                labels.push(format!("{:x}", byte >> 4));
            }
            labels.join(".")
        }
    }
}

/// RFC 5782 test points of a family: (must be listed, must not be listed). For IPv6,
/// section 5: `::FFFF:7F00:2` and `::FFFF:7F00:1`.
pub fn test_points(family: Family) -> (Subject, Subject) {
    let v6 = |last: u16| Subject::Ip(Ipv6Addr::new(0, 0, 0, 0, 0, 0xffff, 0x7f00, last).into());
    match family {
        Family::Ipv4 => (
            Subject::Ip([127, 0, 0, 2].into()),
            Subject::Ip([127, 0, 0, 1].into()),
        ),
        Family::Ipv6 => (v6(2), v6(1)),
        Family::Domain => (
            Subject::Domain("test".into()),
            Subject::Domain("invalid".into()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_octets_are_reversed_and_fully_qualified() {
        let s = Subject::Ip("1.2.3.4".parse().unwrap());
        assert_eq!(name(&s, "zen.spamhaus.org"), "4.3.2.1.zen.spamhaus.org.");
    }

    #[test]
    fn ipv6_uses_all_32_nibbles_reversed() {
        // RFC 5782 section 2.4 example.
        let s = Subject::Ip("2001:db8:1:2:3:4:567:89ab".parse().unwrap());
        assert_eq!(
            name(&s, "ugly.example.com"),
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ugly.example.com."
        );
    }

    #[test]
    fn ipv6_test_points_are_rfc_5782_section_5() {
        let (listed, unlisted) = test_points(Family::Ipv6);
        assert_eq!(
            name(&listed, "v6.test"),
            "2.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.v6.test."
        );
        assert_eq!(
            name(&unlisted, "v6.test"),
            "1.0.0.0.0.0.f.7.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.v6.test."
        );
        assert_eq!(listed.family(), Family::Ipv6);
    }

    #[test]
    fn domains_are_prefixed() {
        let s = Subject::Domain("example.com".into());
        assert_eq!(
            name(&s, "dbl.spamhaus.org"),
            "example.com.dbl.spamhaus.org."
        );
    }
}
