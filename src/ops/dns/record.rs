//! A record from the command line (`NAME TYPE VALUE... --ttl S`): the name made absolute
//! inside the zone, the value checked word by word (TXT quoted and split into 255-byte
//! strings), then read by the zone parser, so it is the same text as the records a panel
//! reads and a nameserver answers.

use anyhow::{bail, Result};

use super::served::SetKey;
use crate::exit::StatusError;
use crate::host::zone::{self, Record};

/// The types hostops changes.
pub const TYPES: [&str; 8] = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS"];

/// `name` (`@`, relative, or absolute inside `domain`) as an absolute name.
pub fn absolute(domain: &str, name: &str) -> Result<String> {
    let name = name.to_ascii_lowercase();
    let full = if name == "@" || name == format!("{domain}.") {
        domain.to_string()
    } else if let Some(abs) = name.strip_suffix('.') {
        if abs != domain && !abs.ends_with(&format!(".{domain}")) {
            bail!(StatusError::usage(format!(
                "{name:?} is not inside the zone {domain}"
            )));
        }
        abs.to_string()
    } else {
        format!("{name}.{domain}")
    };
    if !zone::is_domain_name(&full) {
        bail!(StatusError::usage(format!(
            "{name:?} is not a valid record name"
        )));
    }
    Ok(format!("{full}."))
}

/// A record type hostops changes, upper-cased.
pub fn rtype(t: &str) -> Result<String> {
    let t = t.to_ascii_uppercase();
    if !TYPES.contains(&t.as_str()) {
        bail!(StatusError::usage(format!(
            "{t:?}: the record types are {}",
            TYPES.join(", ")
        )));
    }
    Ok(t)
}

/// TXT text as quoted strings of at most 255 bytes (split on character boundaries).
fn txt(text: &str) -> String {
    let mut parts = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if cur.len() + c.len_utf8() > 255 {
            parts.push(std::mem::take(&mut cur));
        }
        cur.push(c);
    }
    parts.push(cur);
    parts
        .iter()
        .map(|p| zone::quote(p.as_bytes()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word of record data other than TXT text: no blanks, quotes, `;`, parentheses,
/// backslashes, `$` or `@`, which the zone file format gives a meaning.
fn plain(word: &str) -> Result<&str> {
    let fine = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_graphic() && !"\"';()\\$@".contains(c));
    if !fine {
        bail!(StatusError::usage(format!(
            "{word:?} is not a valid record value"
        )));
    }
    Ok(word)
}

/// The record `name TYPE values` of `domain` with `ttl`, as the zone parser reads it.
pub fn parse(domain: &str, name: &str, rtype: &str, values: &[String], ttl: u32) -> Result<Record> {
    let name = absolute(domain, name)?;
    if values.is_empty() {
        bail!(StatusError::usage(format!("{rtype} needs a value")));
    }
    let data = match rtype {
        "TXT" => txt(&values.join(" ")),
        "CAA" => {
            let [flags, tag, value] = values else {
                bail!(StatusError::usage(
                    "CAA takes FLAGS TAG VALUE (0 issue letsencrypt.org)"
                ));
            };
            format!(
                "{} {} {}",
                plain(flags)?,
                plain(tag)?,
                zone::quote(value.as_bytes())
            )
        }
        _ => values
            .iter()
            .map(|v| plain(v))
            .collect::<Result<Vec<_>>>()?
            .join(" "),
    };
    let line = format!("{name} {ttl} IN {rtype} {data}\n");
    match zone::records(&line, domain) {
        Ok(mut r) if r.len() == 1 => Ok(r.remove(0)),
        Ok(_) => bail!(StatusError::usage(format!("{line:?} is not one record"))),
        Err(e) => bail!(StatusError::usage(format!(
            "{name} {rtype} {}: {e:#}",
            values.join(" ")
        ))),
    }
}

/// A desired-state file of `domain`: the records its zone file lines give (names inside the
/// zone, types hostops changes, no directives) and the sets its `-NAME TYPE` lines remove.
pub fn desired(domain: &str, text: &str) -> Result<(Vec<Record>, Vec<SetKey>)> {
    let mut zone_lines = String::new();
    let mut dropped = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix('-') {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let [name, ty] = words.as_slice() else {
                bail!(StatusError::usage(format!(
                    "line {}: a removal is `-NAME TYPE`",
                    n + 1
                )));
            };
            dropped.push((absolute(domain, name)?, rtype(ty)?));
        } else if t.starts_with('$') {
            bail!(StatusError::usage(format!(
                "line {}: directives ({t:.20}) are not taken in a records file",
                n + 1
            )));
        } else {
            zone_lines.push_str(line);
            zone_lines.push('\n');
        }
    }
    let records = zone::records(&format!("$TTL 14400\n{zone_lines}"), domain)
        .map_err(|e| StatusError::usage(format!("{e:#}")))?;
    for r in &records {
        rtype(&r.rtype)?;
        let inside = r.name == format!("{domain}.") || r.name.ends_with(&format!(".{domain}."));
        if !inside {
            bail!(StatusError::usage(format!(
                "{} is not inside the zone {domain}",
                r.name
            )));
        }
    }
    Ok((records, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_absolute_inside_the_zone() {
        assert_eq!(absolute("a.test", "@").unwrap(), "a.test.");
        assert_eq!(absolute("a.test", "WWW").unwrap(), "www.a.test.");
        assert_eq!(absolute("a.test", "x.a.test.").unwrap(), "x.a.test.");
        assert!(absolute("a.test", "x.b.test.").is_err());
        assert!(absolute("a.test", "../x").is_err());
        assert!(absolute("a.test", "a;b").is_err());
    }

    #[test]
    fn long_txt_is_split_and_hostile_text_stays_one_value() {
        let key = format!("v=DKIM1; k=rsa; p={}", "A".repeat(400));
        let r = parse(
            "a.test",
            "k._domainkey",
            "TXT",
            std::slice::from_ref(&key),
            300,
        )
        .unwrap();
        let strings = zone::strings(&r.data).unwrap();
        assert_eq!(strings.len(), 2);
        assert_eq!(strings.concat(), key);
        let evil = "x\" ; $(reboot)\nwww IN A 6.6.6.6 \\".to_string();
        let r = parse("a.test", "t", "TXT", std::slice::from_ref(&evil), 60).unwrap();
        assert_eq!(zone::strings(&r.data).unwrap(), vec![evil]);
        assert!(!r.data.contains('\n'));
    }

    #[test]
    fn desired_state_files_are_records_and_removals() {
        let (r, d) = desired(
            "a.test",
            "www 300 IN A 192.0.2.1\n@ MX 10 mx.a.test.\nk TXT \"v=DKIM1\\; p=A\"\n-old A\n",
        )
        .unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(d, [("old.a.test.".to_string(), "A".to_string())]);
        assert!(desired("a.test", "$INCLUDE /etc/shadow\n").is_err());
        assert!(desired("a.test", "x.b.test. A 192.0.2.1\n").is_err());
        assert!(desired("a.test", "@ SOA a. b. 1 2 3 4 5\n").is_err());
    }

    #[test]
    fn values_are_checked() {
        let mx = parse(
            "a.test",
            "@",
            "MX",
            &["10".into(), "mail.a.test.".into()],
            60,
        )
        .unwrap();
        assert_eq!(mx.data, "10 mail.a.test.");
        assert!(parse("a.test", "w", "A", &["1.2.3.4\nx A 6.6.6.6".into()], 60).is_err());
        assert!(parse("a.test", "w", "A", &["$(id)".into()], 60).is_err());
        assert!(parse("a.test", "w", "A", &["not-an-ip".into()], 60).is_err());
        assert!(parse("a.test", "w", "A", &[], 60).is_err());
    }
}
