//! BIND zone files (RFC 1035 master files, as cPanel, DirectAdmin and plain BIND keep them) read
//! as records. The entries are found here (RFC 1035 section 5.1: quoted strings, `\;` and other
//! escapes, comments, parentheses across lines), because hickory-proto's lexer ends an unquoted
//! word at an escaped `;` and does not see quotes inside parentheses, both of which cPanel and
//! DKIM tools write. Each entry, on one line, then goes to hickory-proto's parser for `$ORIGIN`,
//! `$TTL`, `@`, relative and omitted owners, and the record data.

use std::fmt;
use std::str::FromStr;

use anyhow::{bail, Context as _, Result};
use hickory_proto::rr::{Name, RData, RecordType};
use hickory_proto::serialize::txt::Parser;

/// One record of a zone, its owner fully qualified.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Record {
    pub name: String,
    pub ttl: u32,
    pub rtype: String,
    pub data: String,
}

impl fmt::Display for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} {}", self.name, self.ttl, self.rtype, self.data)
    }
}

/// The records of the zone `text` whose origin is `origin` (`example.com`), sorted.
/// `$INCLUDE` is refused: it names a file on the server the text came from, and the parser
/// would read that path on this machine.
pub fn records(text: &str, origin: &str) -> Result<Vec<Record>> {
    let origin = format!("{}.", origin.trim_end_matches('.'));
    let text = entries(text, &origin)?;
    let origin =
        Name::from_str(&origin).with_context(|| format!("{origin:?} is not a domain name"))?;
    let (_, sets) = Parser::new(text, None, Some(origin))
        .parse()
        .map_err(|e| anyhow::anyhow!("not a valid zone file: {e}"))?;
    let mut out: Vec<Record> = sets
        .values()
        .flat_map(|set| set.records_without_rrsigs())
        .map(|r| Record {
            name: r.name().to_ascii().to_lowercase(),
            ttl: r.ttl(),
            rtype: r.record_type().to_string(),
            data: match r.data() {
                RData::TXT(txt) => txt
                    .iter()
                    .map(|s| quote(&unescaped(s)))
                    .collect::<Vec<_>>()
                    .join(" "),
                other => data(other, r.record_type()),
            },
        })
        .collect();
    out.sort();
    Ok(out)
}

/// hickory-proto's lexer decodes `\DDD` in quoted strings wrongly (`\065` is not `A`), so the
/// escapes are decoded here: byte DDD travels through it as the private-use character
/// U+E000 + DDD, turned back into the byte by [`unescaped`].
fn escaped_byte(b: u8) -> char {
    char::from_u32(0xE000 + u32::from(b)).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// A TXT string as hickory-proto parsed it, with [`escaped_byte`]'s characters made bytes again.
fn unescaped(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for c in String::from_utf8_lossy(s).chars() {
        match u32::from(c) {
            n @ 0xE000..=0xE0FF => out.push((n - 0xE000) as u8),
            _ => out.extend(c.to_string().bytes()),
        }
    }
    out
}

/// A word of an entry: quoted (its text between the quotes) or bare, escapes kept as written.
enum Word {
    Quoted(String),
    Bare(String),
}

impl Word {
    /// The word as hickory-proto's lexer reads it back: a bare word with an escaped `;`, quote,
    /// parenthesis or blank goes in quotes, where that lexer decodes escapes.
    fn render(&self) -> String {
        match self {
            Word::Quoted(s) => format!("\"{s}\""),
            Word::Bare(s) => {
                let special = s.split('\\').skip(1).any(|rest| {
                    rest.starts_with(|c: char| ";()\"".contains(c) || c.is_whitespace())
                });
                if special {
                    format!("\"{s}\"")
                } else {
                    s.clone()
                }
            }
        }
    }
}

/// Whether a word is a TTL (`300`, `1h30m`).
fn is_ttl(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || "smhdwSMHDW".contains(c))
}

/// Whether a word is a class (`IN`).
fn is_class(w: &str) -> bool {
    ["IN", "CH", "HS", "CS"]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
}

/// The zone's entries, one per line, without comments or parentheses; an entry whose owner was
/// omitted starts with a blank, `@` in record data is written as the origin it stands for
/// (`origin`, fully qualified, until an `$ORIGIN` entry changes it), and a record without a
/// TTL gets the `$TTL` in force, as named reads it (hickory-proto would give it the TTL of the
/// record before).
fn entries(text: &str, origin: &str) -> Result<String> {
    let mut out = String::new();
    let mut default_ttl: Option<String> = None;
    let mut words: Vec<Word> = Vec::new();
    let mut blank_owner = false;
    let mut depth = 0usize;
    let mut at_line_start = true;
    let mut origin = origin.to_string();
    let mut chars = text.chars().peekable();
    let mut flush = |words: &mut Vec<Word>, blank_owner: bool| -> Result<()> {
        if words.is_empty() {
            return Ok(());
        }
        let directive = match (blank_owner, words.first()) {
            (false, Some(Word::Bare(first))) if first.starts_with('$') => {
                Some(first.to_ascii_uppercase())
            }
            _ => None,
        };
        match (directive.as_deref(), words.get(1)) {
            (Some("$INCLUDE"), _) => {
                bail!("the zone uses $INCLUDE, which hostops does not follow")
            }
            (Some("$ORIGIN"), Some(Word::Bare(o))) => {
                origin = if o.ends_with('.') {
                    o.clone()
                } else {
                    format!("{o}.{origin}")
                };
                words[1] = Word::Bare(origin.clone());
            }
            (Some("$TTL"), Some(Word::Bare(t))) => default_ttl = Some(t.clone()),
            (None, _) => {
                let start = usize::from(!blank_owner);
                let bare = |w: &Word, f: fn(&str) -> bool| matches!(w, Word::Bare(b) if f(b));
                let has_ttl = words
                    .iter()
                    .skip(start)
                    .take_while(|w| bare(w, is_ttl) || bare(w, is_class))
                    .any(|w| bare(w, is_ttl));
                if let (false, Some(ttl)) = (has_ttl, &default_ttl) {
                    words.insert(start.min(words.len()), Word::Bare(ttl.clone()));
                }
            }
            _ => {}
        }
        for w in words.iter_mut().skip(usize::from(!blank_owner)) {
            if matches!(w, Word::Bare(b) if b == "@") {
                *w = Word::Bare(origin.clone());
            }
        }
        if blank_owner {
            out.push(' ');
        }
        let line: Vec<String> = words.drain(..).map(|w| w.render()).collect();
        out.push_str(&line.join(" "));
        out.push('\n');
        Ok(())
    };
    while let Some(c) = chars.next() {
        if at_line_start {
            at_line_start = false;
            if depth == 0 && words.is_empty() {
                blank_owner = c == ' ' || c == '\t';
            }
        }
        match c {
            '\n' => {
                at_line_start = true;
                if depth == 0 {
                    flush(&mut words, blank_owner)?;
                }
            }
            ';' => while chars.next_if(|&n| n != '\n').is_some() {},
            '(' => depth += 1,
            ')' => {
                if depth == 0 {
                    bail!("not a valid zone file: `)` without `(`");
                }
                depth -= 1;
            }
            '"' => {
                let mut s = String::new();
                loop {
                    match chars.next() {
                        None => bail!("not a valid zone file: a quoted string is not closed"),
                        Some('"') => break,
                        Some('\\') => {
                            let digits: String =
                                std::iter::from_fn(|| chars.next_if(char::is_ascii_digit))
                                    .take(3)
                                    .collect();
                            match digits.parse::<u8>() {
                                Ok(b) if digits.len() == 3 => s.push(escaped_byte(b)),
                                _ if !digits.is_empty() => {
                                    bail!("not a valid zone file: \\{digits} is not a \\DDD escape")
                                }
                                _ => {
                                    s.push('\\');
                                    s.extend(chars.next());
                                }
                            }
                        }
                        Some('\n') => s.push(escaped_byte(b'\n')),
                        Some(ch) => s.push(ch),
                    }
                }
                words.push(Word::Quoted(s));
            }
            c if c.is_whitespace() => {}
            _ => {
                let mut s = String::new();
                let mut ch = c;
                loop {
                    s.push(ch);
                    if ch == '\\' {
                        s.extend(chars.next());
                    }
                    match chars.peek() {
                        Some(&n) if !n.is_whitespace() && !";()\"".contains(n) => {
                            ch = n;
                            chars.next();
                        }
                        _ => break,
                    }
                }
                words.push(Word::Bare(s));
            }
        }
    }
    if depth > 0 {
        bail!("not a valid zone file: `(` without `)`");
    }
    flush(&mut words, blank_owner)?;
    Ok(out)
}

/// The record data as zone file text; TXT as its quoted strings, so that `"a" "b"` and `"ab"`
/// differ as they do on the wire. Records read from a zone and answers from a nameserver
/// compare equal through this one function.
pub fn data(rdata: &RData, rtype: RecordType) -> String {
    match (rdata, rtype) {
        (RData::TXT(txt), _) => txt.iter().map(|s| quote(s)).collect::<Vec<_>>().join(" "),
        _ => rdata.to_string(),
    }
}

/// One character-string in zone file quotes: `"` and `\` escaped, bytes outside printable
/// ASCII as `\DDD` (RFC 1035 section 5.1), so that no value can end a line or a string.
pub fn quote(bytes: &[u8]) -> String {
    let mut out = String::from("\"");
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03}")),
        }
    }
    out.push('"');
    out
}

/// The character-strings of TXT data as [`data`] writes it (`"a" "b\\"c"`), unquoted and
/// unescaped.
pub fn strings(data: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ' ' => {}
            '"' => {
                let mut bytes = Vec::new();
                loop {
                    match chars.next() {
                        None => bail!("unterminated string in {data:?}"),
                        Some('"') => break,
                        Some('\\') => {
                            let d: String =
                                std::iter::from_fn(|| chars.next_if(char::is_ascii_digit))
                                    .take(3)
                                    .collect();
                            if d.is_empty() {
                                let e = chars.next().context("a trailing backslash")?;
                                bytes.extend(e.to_string().bytes());
                            } else {
                                bytes.push(d.parse::<u8>().context("a \\DDD escape over 255")?);
                            }
                        }
                        Some(ch) => bytes.extend(ch.to_string().bytes()),
                    }
                }
                out.push(String::from_utf8_lossy(&bytes).into_owned());
            }
            _ => bail!("not quoted character-strings: {data:?}"),
        }
    }
    Ok(out)
}

/// A plausible DNS name: dot-separated labels of letters, digits, `-` and `_`, 1-63 bytes each.
pub fn is_domain_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AC_SALES: &str = include_str!("../../tests/fixtures/real/cpanel-zone-ac-sales.ru.db");
    const DKIM: &str = include_str!("../../tests/fixtures/real/cpanel-zone-dkim-records.db");

    fn find<'a>(records: &'a [Record], name: &str, rtype: &str) -> Vec<&'a Record> {
        records
            .iter()
            .filter(|r| r.name == name && r.rtype == rtype)
            .collect()
    }

    #[test]
    fn a_real_cpanel_zone_reads_as_its_records() {
        let r = records(AC_SALES, "ac-sales.ru").unwrap();
        assert_eq!(find(&r, "ac-sales.ru.", "SOA").len(), 1);
        assert_eq!(find(&r, "ac-sales.ru.", "NS").len(), 2);
        assert_eq!(find(&r, "ac-sales.ru.", "MX").len(), 2);
        let www = find(&r, "www.ac-sales.ru.", "CNAME");
        assert_eq!(www[0].data, "ac-sales.ru.");
        assert_eq!(www[0].ttl, 14400);
        let spf = find(&r, "ac-sales.ru.", "TXT");
        assert_eq!(
            spf[0].data,
            "\"v=spf1 +include:_spf.hosting.reg.ru +a +mx +ip4:31.31.198.238 ?all\""
        );
        assert_eq!(r.len(), 13, "{r:#?}");
    }

    #[test]
    fn dkim_keys_keep_everything_after_semicolons() {
        let r = records(DKIM, "hosting-example.ru").unwrap();
        let key = find(
            &r,
            "default._domainkey.asg-construction.hosting-example.ru.",
            "TXT",
        );
        assert_eq!(key.len(), 1, "{r:#?}");
        assert!(key[0].data.starts_with("\"v=DKIM1; k=rsa; p=MIIBIjANBg"));
        assert!(key[0].data.ends_with("\" \"OA5wyKHMqSS1snq73oPoGfDIEHG8uv7rjS8SdV2tVXBm58OCXAXcTZd/nxAun45PBn2HIctVGY/FS1KqYokUh3J2Nje0lZC56bqXzJ6d/e4+Ddt6XJ4e8F5+bofv1YSiASbcnUZ3FTpwPmaLqlKHQIDAQAB;\""));
        // A changed key (last character) is a different record.
        let changed = DKIM.replace("LqlKHQIDAQAB", "LqlKHQIDAQAC");
        assert_ne!(records(&changed, "hosting-example.ru").unwrap(), r);
        assert_eq!(
            find(&r, "_carddav._tcp.ac-sales.hosting-example.ru.", "SRV")[0].data,
            "0 0 2079 scp109.hosting.reg.ru."
        );
    }

    #[test]
    fn a_record_without_a_ttl_has_the_zones_ttl_as_named_reads_it() {
        // The TTLs named-checkzone -D prints for this zone.
        let text = "$TTL 14400\n@ 86400 IN SOA ns1 root 1 2 3 4 5\n@ IN NS ns1\n\
                    www 60 IN A 192.0.2.1\n IN AAAA 2001:db8::1\nmail IN 300 A 192.0.2.2\n\
                    @ MX 10 mail\n$TTL 1h\nftp CNAME www\n";
        let r = records(text, "x.example").unwrap();
        let ttl = |name: &str, rtype: &str| find(&r, name, rtype)[0].ttl;
        assert_eq!(ttl("x.example.", "NS"), 14400);
        assert_eq!(ttl("www.x.example.", "A"), 60);
        assert_eq!(ttl("www.x.example.", "AAAA"), 14400);
        assert_eq!(ttl("mail.x.example.", "A"), 300);
        assert_eq!(ttl("x.example.", "MX"), 14400);
        assert_eq!(find(&r, "x.example.", "MX")[0].data, "10 mail.x.example.");
        assert_eq!(ttl("ftp.x.example.", "CNAME"), 3600);
    }

    #[test]
    fn escaped_semicolons_quotes_and_layout() {
        let a = "$ORIGIN x.example.\n$TTL 300\n@ IN SOA ns1 root ( 1 2\n 3 4 5 ) ; c\n\
                 default._domainkey IN TXT \"v=DKIM1\\; k=rsa\\; p=AAA\" ; comment\n\
                 _dmarc TXT \"v=DMARC1\\; p=none\"\n\
                 www 60 IN A 192.0.2.1\n   IN AAAA 2001:db8::1\n\
                 $ORIGIN sub\nmail IN CNAME @\n";
        let r = records(a, "other.example").unwrap();
        assert_eq!(
            find(&r, "default._domainkey.x.example.", "TXT")[0].data,
            "\"v=DKIM1; k=rsa; p=AAA\""
        );
        assert_eq!(find(&r, "_dmarc.x.example.", "TXT")[0].ttl, 300);
        let aaaa = find(&r, "www.x.example.", "AAAA");
        // The $TTL, not the TTL of the record before (named-checkzone -D says 300).
        assert_eq!((aaaa[0].ttl, aaaa[0].data.as_str()), (300, "2001:db8::1"));
        assert_eq!(
            find(&r, "mail.sub.x.example.", "CNAME")[0].data,
            "sub.x.example."
        );
        let stricter = a.replace("p=none", "p=reject");
        assert_ne!(records(&stricter, "other.example").unwrap(), r);
    }

    #[test]
    fn include_is_refused_and_garbage_is_an_error() {
        let e = records("$INCLUDE /etc/shadow\n", "x.example").unwrap_err();
        assert!(e.to_string().contains("$INCLUDE"), "{e}");
        assert!(records("$TTL 60\na TXT \"$INCLUDE is text\"\n", "x.example").is_ok());
        for bad in [
            "www IN A not-an-address\n",
            "a TXT \"open\n",
            "a TXT ( \"x\"\n",
            "a )\n",
        ] {
            assert!(records(bad, "x.example").is_err(), "{bad:?}");
        }
    }

    #[test]
    fn quotes_and_comments_inside_parentheses() {
        let a = "$TTL 60\nmail._domainkey IN TXT ( \"v=DKIM1; k=rsa; \"\n\t\"p=AB(C)\" )  ; key\n";
        let r = records(a, "x.example").unwrap();
        assert_eq!(r[0].data, "\"v=DKIM1; k=rsa; \" \"p=AB(C)\"");
        assert_eq!(r[0].name, "mail._domainkey.x.example.");
    }

    #[test]
    fn decimal_escapes_are_bytes() {
        let r = records("x 60 IN TXT \"a\\065\\010b\\233\"\n", "a.test").unwrap();
        assert_eq!(r[0].data, "\"aA\\010b\\233\"");
        assert!(records("x 60 IN TXT \"a\\06\"\n", "a.test").is_err());
    }

    #[test]
    fn quoted_strings_round_trip() {
        let raw = "v=DKIM1; \"q\" \\ \n\u{e9}";
        let q = quote(raw.as_bytes());
        assert!(!q.contains('\n'), "{q}");
        assert_eq!(
            strings(&format!("{q} \"b\"")).unwrap(),
            vec![raw.to_string(), "b".into()]
        );
        let r = records(&format!("x 60 IN TXT {q}\n"), "a.test").unwrap();
        assert_eq!(r[0].data, q);
    }

    #[test]
    fn domain_names_are_checked() {
        assert!(is_domain_name("mail.example.com"));
        assert!(is_domain_name("_dmarc.example.com"));
        assert!(!is_domain_name("exa mple.com"));
        assert!(!is_domain_name("a..b"));
        assert!(!is_domain_name("-a.com"));
        assert!(!is_domain_name(""));
    }
}
