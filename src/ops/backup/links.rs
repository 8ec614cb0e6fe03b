//! Never following a customer's symbolic links as root: a restore, its snapshot and its undo
//! refuse a destination inside the account whose path goes through a link (a `public_html`
//! pointing at `/root` would otherwise have root write or read there).

use anyhow::Result;

use crate::exit::StatusError;
use crate::transport::{self, Cmd, Transport};

/// Prints `PATH\0TARGET\0` for each argument that is a symbolic link.
const LINKS: &str = r#"for p in "$@"; do
  if [ -L "$p" ]; then printf '%s\0%s\0' "$p" "$(readlink -- "$p")"; fi
done"#;

/// The paths to check for `live`: each directory from `home` down to `live` itself when
/// `live` is inside `home`, else `live` and its parent.
fn components(home: &str, live: &str) -> Vec<String> {
    let home = home.trim_end_matches('/');
    match live.strip_prefix(&format!("{home}/")) {
        Some(rel) => {
            let mut out = vec![home.to_string()];
            let mut at = home.to_string();
            for c in rel.split('/').filter(|c| !c.is_empty()) {
                at = format!("{at}/{c}");
                out.push(at.clone());
            }
            out
        }
        None if live == home => vec![home.to_string()],
        None => {
            let parent = live.rsplit_once('/').map(|(p, _)| p).unwrap_or_default();
            [parent, live]
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        }
    }
}

/// Refuses (exit 4) when the way to any of `lives` inside `home` goes through a symbolic
/// link; `doing` says what would have been done there.
pub fn refuse(t: &dyn Transport, home: &str, lives: &[&str], doing: &str) -> Result<()> {
    let mut paths: Vec<String> = lives.iter().flat_map(|l| components(home, l)).collect();
    paths.sort();
    paths.dedup();
    if paths.is_empty() {
        return Ok(());
    }
    let out = transport::run_ok(t, &Cmd::script("sh", LINKS).args(paths))?.stdout_text();
    let mut fields = out.split('\0');
    if let (Some(link), Some(to)) = (fields.next(), fields.next()) {
        if !link.is_empty() {
            return Err(StatusError::refused(format!(
                "{link} on {} is a symbolic link (to {to}): hostops does not {doing} through a \
                 customer's links as root; nothing was changed. Replace the link with the \
                 directory it stands for, or restore without --only (the panel's own restore)",
                t.target().name
            ))
            .into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_directory_from_the_home_down_is_checked() {
        assert_eq!(
            components("/home/alice", "/home/alice/public_html/a/b.txt"),
            [
                "/home/alice",
                "/home/alice/public_html",
                "/home/alice/public_html/a",
                "/home/alice/public_html/a/b.txt"
            ]
        );
        assert_eq!(components("/home/alice/", "/home/alice"), ["/home/alice"]);
        assert_eq!(
            components("/var/www/vhosts/x", "/var/qmail/mailnames/x/info/Maildir"),
            [
                "/var/qmail/mailnames/x/info",
                "/var/qmail/mailnames/x/info/Maildir"
            ]
        );
    }
}
