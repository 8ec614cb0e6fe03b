//! What a TARGET argument is: an address, a CIDR block (expanded, with a size limit), a
//! domain, or an inventory host (whose addresses and mail domains are collected over SSH).

use std::net::IpAddr;

use ipnet::{IpAddrRange, IpNet, Ipv4AddrRange, Ipv6AddrRange};

use crate::exit::StatusError;
use crate::host::zone::is_domain_name;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spec {
    Address(IpAddr),
    Block(IpNet),
    Domain(String),
    Host(String),
}

/// Classifies one TARGET. Inventory host names win over domains of the same spelling.
pub fn parse(arg: &str, is_host: impl Fn(&str) -> bool) -> Result<Spec, StatusError> {
    if let Ok(ip) = arg.parse::<IpAddr>() {
        return Ok(Spec::Address(ip));
    }
    if arg.contains('/') {
        return arg
            .parse::<IpNet>()
            .map(|n| Spec::Block(n.trunc()))
            .map_err(|_| {
                StatusError::usage(format!(
                    "`{arg}` is not a CIDR block: write it as 203.0.113.0/24 or 2001:db8::/120"
                ))
            });
    }
    if is_host(arg) {
        return Ok(Spec::Host(arg.to_string()));
    }
    let domain = arg.trim_end_matches('.').to_ascii_lowercase();
    // `300.1.2.3` is a mistyped address, not a domain: no top-level domain is a number.
    if domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(StatusError::usage(format!(
            "`{arg}` is not a valid IP address (IPv4 is four numbers from 0 to 255, like \
             203.0.113.7), and a domain never ends in a number"
        )));
    }
    if domain.contains('.') && is_domain_name(&domain) {
        return Ok(Spec::Domain(domain));
    }
    Err(StatusError::usage(format!(
        "`{arg}` is not an IP address, a CIDR block, a domain or an inventory host \
         (see `hostops hosts list`)"
    )))
}

/// The host of a pasted URL (`https://user@example.com:8080/path` -> `example.com`), or None
/// when `arg` is not a URL. The host is then parsed as any TARGET.
pub fn url_host(arg: &str) -> Option<&str> {
    let (scheme, rest) = arg.split_once("://")?;
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !scheme_ok {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split_once(']')?.0,
        None => host_port.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then_some(host)
}

/// Refuses blocks of more than `max` addresses.
pub fn check_size(net: &IpNet, max: usize) -> Result<(), StatusError> {
    let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
    let size = 1u128.checked_shl(host_bits).unwrap_or(u128::MAX);
    if size > max as u128 {
        return Err(StatusError::usage(format!(
            "block {net} holds {size} addresses, more than --max-addresses {max}: split it into \
             smaller blocks or raise --max-addresses"
        )));
    }
    Ok(())
}

/// Every address of `net` (network and broadcast included: each can be listed), one at a
/// time: a block is streamed, never collected.
pub fn addresses(net: &IpNet) -> IpAddrRange {
    match net {
        IpNet::V4(n) => IpAddrRange::from(Ipv4AddrRange::new(n.network(), n.broadcast())),
        IpNet::V6(n) => IpAddrRange::from(Ipv6AddrRange::new(n.network(), n.broadcast())),
    }
}

/// How many addresses `net` holds (saturating: a /0 of IPv6 does not fit).
pub fn size(net: &IpNet) -> u64 {
    let host_bits = u32::from(net.max_prefix_len() - net.prefix_len());
    1u64.checked_shl(host_bits).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_hosts(_: &str) -> bool {
        false
    }

    #[test]
    fn targets_are_classified() {
        assert_eq!(
            parse("192.0.2.1", no_hosts).unwrap(),
            Spec::Address("192.0.2.1".parse().unwrap())
        );
        assert_eq!(
            parse("2001:db8::1", no_hosts).unwrap(),
            Spec::Address("2001:db8::1".parse().unwrap())
        );
        assert_eq!(
            parse("192.0.2.77/30", no_hosts).unwrap(),
            Spec::Block("192.0.2.76/30".parse().unwrap())
        );
        assert_eq!(
            parse("Example.COM.", no_hosts).unwrap(),
            Spec::Domain("example.com".into())
        );
        assert_eq!(
            parse("web01", |n| n == "web01").unwrap(),
            Spec::Host("web01".into())
        );
        assert!(parse("web01", no_hosts).is_err());
        assert!(parse("10.0.0.0/33", no_hosts).is_err());
    }

    #[test]
    fn a_dotted_quad_that_is_no_address_is_a_usage_error_not_a_domain() {
        for bad in ["300.1.2.3", "1.2.3.4.5", "10.0.0.256"] {
            let e = parse(bad, no_hosts).unwrap_err();
            assert!(
                e.message.contains("not a valid IP address"),
                "{bad}: {}",
                e.message
            );
        }
        assert_eq!(
            parse("1.2.3.example.com", no_hosts).unwrap(),
            Spec::Domain("1.2.3.example.com".into())
        );
    }

    #[test]
    fn a_url_is_reduced_to_its_host() {
        assert_eq!(url_host("http://example.com/path"), Some("example.com"));
        assert_eq!(
            url_host("https://user@mail.example.com:8443/a?b#c"),
            Some("mail.example.com")
        );
        assert_eq!(url_host("http://[2001:db8::1]:80/"), Some("2001:db8::1"));
        assert_eq!(url_host("http://192.0.2.1"), Some("192.0.2.1"));
        assert_eq!(url_host("example.com"), None);
        assert_eq!(url_host("192.0.2.0/24"), None);
        assert_eq!(url_host("http:///path"), None);
    }

    #[test]
    fn a_22_streams_1024_addresses_and_a_21_is_refused() {
        let net: IpNet = "198.51.100.0/22".parse().unwrap();
        check_size(&net, 1024).unwrap();
        assert_eq!(size(&net), 1024);
        let mut all = addresses(&net);
        assert_eq!(all.next().unwrap().to_string(), "198.51.100.0");
        assert_eq!(all.last().unwrap().to_string(), "198.51.103.255");
        assert_eq!(addresses(&net).count(), 1024);
        let e = check_size(&"198.51.96.0/21".parse().unwrap(), 1024).unwrap_err();
        assert!(e.message.contains("2048 addresses"), "{}", e.message);
        assert!(check_size(&"2001:db8::/32".parse().unwrap(), 1024).is_err());
        let v6: IpNet = "2001:db8::/126".parse().unwrap();
        assert_eq!(addresses(&v6).count(), 4);
        assert_eq!(size(&v6), 4);
    }
}
