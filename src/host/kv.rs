//! Tolerant readers for the plain-text formats panels keep their data in: `KEY=VALUE` files
//! (cPanel users, DirectAdmin user.conf), `Key: value` reports (Plesk --info), probe sections,
//! and sizes like `512M`.

use std::collections::BTreeMap;

/// `KEY=VALUE` lines; blank lines, comments and lines without `=` are skipped.
pub fn equals_pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// `Key:   value` lines (Plesk `--info` output).
pub fn colon_pairs(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .filter(|(k, _)| !k.is_empty())
        .collect()
}

/// Probe output split into its `@@name` sections (the lines after `@@name` up to the next
/// `@@` line), by name.
pub fn sections(text: &str) -> BTreeMap<&str, String> {
    let mut map: BTreeMap<&str, String> = BTreeMap::new();
    let mut current: Option<&str> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("@@") {
            current = Some(name);
            map.entry(name).or_default();
        } else if let Some(name) = current {
            let s = map.entry(name).or_default();
            s.push_str(line);
            s.push('\n');
        }
    }
    map
}

/// `512M`, `1.5G`, `2048K`, `300` (megabytes, as cPanel's diskused), `none` or `unlimited` (0).
pub fn size_bytes(text: &str) -> u64 {
    let t = text.trim();
    let (num, unit) = t.split_at(t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len()));
    let Ok(n) = num.trim().parse::<f64>() else {
        return 0;
    };
    let mult: f64 = match unit.trim().to_ascii_uppercase().chars().next() {
        Some('K') => 1024.0,
        Some('G') => 1024.0 * 1024.0 * 1024.0,
        Some('T') => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        Some('B') => 1.0,
        _ => 1024.0 * 1024.0,
    };
    (n * mult) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pairs_sections_and_sizes() {
        let kv =
            equals_pairs("# c\nDNS=example.com\nDNS1=shop.example.com\nbad line\nOWNER=root\n");
        assert_eq!(kv[0], ("DNS".into(), "example.com".into()));
        assert_eq!(kv.len(), 3);
        let cp = colon_pairs("Domain name:      example.com\nOwner's contact name:  Jo Doe\n");
        assert_eq!(cp[1], ("Owner's contact name".into(), "Jo Doe".into()));
        assert_eq!(sections("x\n@@a\n1\n2\n@@b\n3\n")["a"], "1\n2\n");
        assert_eq!(size_bytes("512M"), 512 * 1024 * 1024);
        assert_eq!(size_bytes("1.5G"), 1536 * 1024 * 1024);
        assert_eq!(size_bytes("300"), 300 * 1024 * 1024);
        assert_eq!(size_bytes("none"), 0);
    }
}
