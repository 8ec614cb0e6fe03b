//! Reads a known_hosts file as OpenSSH does (sshd(8), SSH_KNOWN_HOSTS FILE FORMAT): optional
//! `@revoked` / `@cert-authority` marker, a comma-separated host pattern list (`*`, `?`, `!`
//! negation, `[host]:port`) or one hashed `|1|salt|hash` name, key type, base64 key. A line
//! that cannot be parsed is skipped with a warning naming file:line, never the whole file.

use std::path::Path;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha1::Sha1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    None,
    Revoked,
    CertAuthority,
}

/// One usable line.
#[derive(Clone, Debug)]
pub struct Entry {
    pub marker: Marker,
    hosts: String,
    pub key: Vec<u8>,
}

impl Entry {
    /// Whether this line applies to `name` (`host`, or `[host]:port` off port 22): a hashed
    /// name equal to it, or a pattern list with a positive match and no negated one.
    pub fn applies_to(&self, name: &str) -> bool {
        if let Some(hashed) = self.hosts.strip_prefix("|1|") {
            return hashed_match(hashed, name);
        }
        let name = name.to_ascii_lowercase();
        let mut positive = false;
        for pattern in self.hosts.split(',') {
            let pattern = pattern.to_ascii_lowercase();
            match pattern.strip_prefix('!') {
                Some(negated) if wildcard_match(negated.as_bytes(), name.as_bytes()) => {
                    return false
                }
                Some(_) => {}
                None => positive |= wildcard_match(pattern.as_bytes(), name.as_bytes()),
            }
        }
        positive
    }
}

/// The usable lines of `path` (none when it does not exist). Each skipped line is reported
/// through `warn` as `file:line: why`.
pub fn read(path: &Path, warn: &mut dyn FnMut(String)) -> std::io::Result<Vec<Entry>> {
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(parse(&text, &mut |line, why| {
        warn(format!("{}:{line}: {why}; line skipped", path.display()))
    }))
}

/// The usable lines of known_hosts text; `skipped(line number, why)` for the others.
pub fn parse(text: &str, skipped: &mut dyn FnMut(usize, &str)) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok(e) => entries.push(e),
            Err(why) => skipped(i + 1, why),
        }
    }
    entries
}

fn parse_line(line: &str) -> Result<Entry, &'static str> {
    let mut fields = line.split_whitespace();
    let mut first = fields.next().ok_or("empty line")?;
    let marker = match first {
        "@revoked" => Marker::Revoked,
        "@cert-authority" => Marker::CertAuthority,
        m if m.starts_with('@') => return Err("unknown marker"),
        _ => Marker::None,
    };
    if marker != Marker::None {
        first = fields.next().ok_or("marker without host patterns")?;
    }
    let _key_type = fields.next().ok_or("no key type")?;
    let key = fields
        .next()
        .and_then(|k| STANDARD.decode(k).ok())
        .ok_or("missing or invalid base64 key")?;
    if first.starts_with('|') && !valid_hash(first) {
        return Err("invalid hashed host name");
    }
    Ok(Entry {
        marker,
        hosts: first.to_string(),
        key,
    })
}

/// `|1|` then base64 salt `|` base64 HMAC-SHA1: the only hash format OpenSSH writes.
fn valid_hash(field: &str) -> bool {
    split_hash(field.strip_prefix("|1|").unwrap_or("")).is_some()
}

fn split_hash(hashed: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let (salt, hash) = hashed.split_once('|')?;
    let (salt, hash) = (STANDARD.decode(salt).ok()?, STANDARD.decode(hash).ok()?);
    (salt.len() == 20 && hash.len() == 20).then_some((salt, hash))
}

fn hashed_match(hashed: &str, name: &str) -> bool {
    let Some((salt, hash)) = split_hash(hashed) else {
        return false;
    };
    let mut mac = Hmac::<Sha1>::new_from_slice(&salt).expect("HMAC takes any key length");
    mac.update(name.as_bytes());
    mac.verify_slice(&hash).is_ok()
}

/// OpenSSH's match_pattern: `*` any run of characters, `?` exactly one.
fn wildcard_match(pattern: &[u8], s: &[u8]) -> bool {
    match pattern.split_first() {
        None => s.is_empty(),
        Some((b'*', rest)) => (0..=s.len()).any(|i| wildcard_match(rest, &s[i..])),
        Some((b'?', rest)) => !s.is_empty() && wildcard_match(rest, &s[1..]),
        Some((c, rest)) => s.first() == Some(c) && wildcard_match(rest, &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    fn entries(text: &str) -> (Vec<Entry>, Vec<usize>) {
        let mut bad = Vec::new();
        let e = parse(text, &mut |n, _| bad.push(n));
        (e, bad)
    }

    fn applies(hosts: &str, name: &str) -> bool {
        let (e, bad) = entries(&format!("{hosts} ssh-ed25519 {KEY}\n"));
        assert!(bad.is_empty());
        e[0].applies_to(name)
    }

    #[test]
    fn a_bad_line_is_skipped_and_the_others_kept() {
        let text = format!(
            "# comment\nh1 ssh-ed25519 {KEY}\ngarbage\nh2 ssh-ed25519 !!notbase64\n@bogus h3 ssh-ed25519 {KEY}\nh4 ssh-ed25519 {KEY} comment\n"
        );
        let (e, bad) = entries(&text);
        assert_eq!(bad, vec![3, 4, 5]);
        assert_eq!(e.len(), 2);
        assert!(e[1].applies_to("h4"));
    }

    #[test]
    fn markers_are_read() {
        let (e, _) = entries(&format!(
            "@revoked * ssh-ed25519 {KEY}\n@cert-authority *.example ssh-ed25519 {KEY}\n"
        ));
        assert_eq!(e[0].marker, Marker::Revoked);
        assert!(e[0].applies_to("anything"));
        assert_eq!(e[1].marker, Marker::CertAuthority);
    }

    #[test]
    fn wildcards_and_negation_match_as_in_openssh() {
        assert!(applies("*.example.com", "web1.example.com"));
        assert!(!applies("*.example.com", "example.com"));
        assert!(applies("web?", "web1"));
        assert!(!applies("web?", "web10"));
        assert!(applies("10.0.0.*,!10.0.0.5", "10.0.0.4"));
        assert!(
            !applies("10.0.0.*,!10.0.0.5", "10.0.0.5"),
            "a negated match wins"
        );
        assert!(
            !applies("!10.0.0.5", "10.0.0.4"),
            "negation alone matches nothing"
        );
        assert!(applies("WEB1", "web1"), "case-insensitive");
        assert!(applies("[10.0.0.1]:2222", "[10.0.0.1]:2222"));
        assert!(
            !applies("10.0.0.1", "[10.0.0.1]:2222"),
            "plain entries are for port 22"
        );
        assert!(applies("[10.0.0.*]:2222", "[10.0.0.1]:2222"));
    }

    #[test]
    fn hashed_names_match() {
        // Real `ssh-keygen -H` output (tests/fixtures/real/README.md).
        let text = include_str!("../../../../tests/fixtures/real/known_hosts.hashed");
        let (e, bad) = entries(text);
        assert!(bad.is_empty());
        assert!(e[0].applies_to("192.168.1.61"));
        assert!(!e[0].applies_to("192.168.1.62"));
        assert!(!e[0].applies_to("[192.168.1.61]:2222"));
        assert!(e[1].applies_to("[192.168.1.61]:2222"));
        assert!(!e[1].applies_to("192.168.1.61"));
        let (_, bad) = entries(&format!("|1|nope ssh-ed25519 {KEY}\n"));
        assert_eq!(bad, vec![1]);
    }

    #[test]
    fn the_sshd_man_page_example_is_read_line_by_line() {
        // Its keys are elided (`AAAA1234.....=`) and its hashed line wrapped: every key line
        // is skipped on its own, comments are not reported, nothing else breaks.
        let text = include_str!("../../../../tests/fixtures/real/known_hosts.sshd-man-example");
        let (e, bad) = entries(text);
        assert!(e.is_empty());
        assert_eq!(bad, vec![2, 4, 5, 7, 9]);
        let fixed = text
            .replace("AAAA1234.....=", KEY)
            .replace("AAAAB5W...", KEY);
        let fixed = fixed.replace("ssh-rsa\n", "ssh-rsa ");
        let (e, bad) = entries(&fixed);
        assert!(bad.is_empty(), "{bad:?}");
        assert!(e[0].applies_to("192.0.2.10"));
        assert_eq!(e[2].marker, Marker::Revoked);
        assert_eq!(e[3].marker, Marker::CertAuthority);
        assert!(e[3].applies_to("www.mydomain.org"));
    }
}
