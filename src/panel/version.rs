//! Panel versions from the panels' documented version commands and files: the full version
//! and the major version that the migration rules compare.

use std::sync::LazyLock;

use regex::Regex;

use super::{PanelInfo, PanelKind};

static VERSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(?:\.\d+)+").expect("valid regex"));

fn first_version(text: &str) -> Option<&str> {
    VERSION.find(text).map(|m| m.as_str())
}

/// `/usr/local/cpanel/version` (`11.122.0.17`) or `cpanel -V` (`122.0 (build 17)`).
/// The major version is 122: the leading `11.` is legacy.
pub fn parse_cpanel(text: &str) -> Option<PanelInfo> {
    let v = first_version(text.trim())?;
    let parts: Vec<&str> = v.split('.').collect();
    let full = if let Some(build) = text.split("build").nth(1).and_then(first_digits) {
        format!("11.{}.{}.{}", parts[0], parts.get(1).unwrap_or(&"0"), build)
    } else {
        v.to_string()
    };
    let major = if full.starts_with("11.") {
        full.split('.').nth(1)
    } else {
        full.split('.').next()
    }?
    .to_string();
    Some(PanelInfo {
        kind: PanelKind::Cpanel,
        version: Some(full),
        major: Some(major),
    })
}

fn first_digits(s: &str) -> Option<String> {
    let d: String = s
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (!d.is_empty()).then_some(d)
}

/// `plesk version` (`Product version: Plesk Obsidian 18.0.59.2`) or `/usr/local/psa/version`
/// (`18.0.59 Debian 12.0 ...`). Major: the first two parts (`18.0`).
pub fn parse_plesk(text: &str) -> Option<PanelInfo> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Product version"))
        .unwrap_or_else(|| text.lines().next().unwrap_or(""));
    let v = first_version(line)?;
    let major = v.split('.').take(2).collect::<Vec<_>>().join(".");
    Some(PanelInfo {
        kind: PanelKind::Plesk,
        version: Some(v.to_string()),
        major: Some(major),
    })
}

/// `da version` or `directadmin v` (`DirectAdmin v.1.662`). Major: the first part.
pub fn parse_directadmin(text: &str) -> Option<PanelInfo> {
    let v = first_version(text)?;
    let major = v.split('.').next()?.to_string();
    Some(PanelInfo {
        kind: PanelKind::Directadmin,
        version: Some(v.to_string()),
        major: Some(major),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpanel_both_forms() {
        let a = parse_cpanel("11.122.0.17\n").unwrap();
        assert_eq!(
            (a.version.as_deref(), a.major.as_deref()),
            (Some("11.122.0.17"), Some("122"))
        );
        let b = parse_cpanel("122.0 (build 17)").unwrap();
        assert_eq!(
            (b.version.as_deref(), b.major.as_deref()),
            (Some("11.122.0.17"), Some("122"))
        );
        assert!(parse_cpanel("").is_none());
    }

    #[test]
    fn plesk_both_forms() {
        let text = "Product version: Plesk Obsidian 18.0.59.2\nOS version: Debian 12.0 x86_64\nBuild date: 2024/03/04 10:00\n";
        let a = parse_plesk(text).unwrap();
        assert_eq!(
            (a.version.as_deref(), a.major.as_deref()),
            (Some("18.0.59.2"), Some("18.0"))
        );
        let b = parse_plesk("18.0.59 Debian 12.0 1800240112.09").unwrap();
        assert_eq!(b.version.as_deref(), Some("18.0.59"));
    }

    #[test]
    fn directadmin() {
        let a = parse_directadmin("DirectAdmin v.1.662").unwrap();
        assert_eq!(
            (a.version.as_deref(), a.major.as_deref()),
            (Some("1.662"), Some("1"))
        );
    }
}
