//! Rewrite loops found without a request: the rules of one `.htaccess` replayed on the
//! request's path the way mod_rewrite does in a directory (each internal redirect runs them
//! again); a rule that keeps changing the path with no condition in its way is a loop
//! (AH00124). Rules behind a `RewriteCond`, external redirects, `[END]` and patterns the
//! regex crate cannot read end the replay without a verdict.

use regex::{Captures, Regex};

/// A `RewriteCond` or a `RewriteRule` of one file, in order.
#[derive(Clone, Debug)]
pub enum Item {
    Cond,
    Rule {
        line: usize,
        pattern: String,
        target: String,
        flags: String,
    },
}

/// Rounds replayed before a path that keeps changing is called a loop.
const ROUNDS: usize = 5;

/// The line of the rule that loops when `path` (below the file's directory `dir`, which is
/// `""` or ends in `/`) is requested.
pub fn loops(items: &[Item], dir: &str, path: &str) -> Option<usize> {
    let mut path = path.to_string();
    let mut culprit = None;
    for _ in 0..ROUNDS {
        let (line, next) = apply(items, dir, &path)?;
        if next == path {
            return None;
        }
        path = next;
        culprit = Some(line);
    }
    culprit
}

/// The first rule that rewrites `path`: (its line, the new path below `dir`); None when no
/// rule does, or the outcome depends on what is not known here.
fn apply(items: &[Item], dir: &str, path: &str) -> Option<(usize, String)> {
    let mut conditions = false;
    for item in items {
        let Item::Rule {
            line,
            pattern,
            target,
            flags,
        } = item
        else {
            conditions = true;
            continue;
        };
        let flags = flags.to_ascii_uppercase();
        if pattern.starts_with('!') {
            return None;
        }
        let case = if flags.contains("NC") { "(?i)" } else { "" };
        let re = Regex::new(&format!("{case}{pattern}")).ok()?;
        let Some(caps) = re.captures(path) else {
            conditions = false;
            continue;
        };
        let stops = ["R", "END", "F", "G", "P"].iter().any(|f| {
            flags
                .trim_matches(['[', ']'])
                .split(',')
                .any(|x| x.split('=').next() == Some(f))
        });
        if conditions || target == "-" || target.contains("://") || target.contains('%') || stops {
            return None;
        }
        let new = expand(target, &caps);
        let new = new.split('?').next().unwrap_or_default();
        let below = match new.strip_prefix('/') {
            Some(abs) => abs.strip_prefix(dir)?.to_string(),
            None => new.to_string(),
        };
        return Some((*line, below));
    }
    None
}

/// `$0`..`$9` replaced by the captures.
fn expand(target: &str, caps: &Captures) -> String {
    let mut out = String::new();
    let mut chars = target.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('$', Some(n)) => {
                chars.next();
                out.push_str(caps.get(n as usize).map_or("", |m| m.as_str()));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(pattern: &str, target: &str, flags: &str) -> Item {
        Item::Rule {
            line: 2,
            pattern: pattern.into(),
            target: target.into(),
            flags: flags.into(),
        }
    }

    #[test]
    fn loops_and_not() {
        assert_eq!(loops(&[rule("^(.*)$", "app/$1", "[L]")], "", ""), Some(2));
        assert_eq!(
            loops(&[rule("^(.*)$", "/index.php/$1", "[L]")], "", "x"),
            Some(2)
        );
        // Rewriting to itself stops (mod_rewrite sees no change).
        assert_eq!(loops(&[rule("^(.*)$", "index.php", "[L]")], "", "x"), None);
        assert_eq!(
            loops(&[Item::Cond, rule("^(.*)$", "app/$1", "")], "", ""),
            None
        );
        assert_eq!(loops(&[rule("^(.*)$", "app/$1", "[END]")], "", ""), None);
        assert_eq!(
            loops(&[rule("^(.*)$", "https://x/$1", "[R=301,L]")], "", ""),
            None
        );
        assert_eq!(loops(&[rule("^old$", "new", "")], "", "old"), None);
        // Out of the directory: another .htaccess decides.
        assert_eq!(
            loops(&[rule("^(.*)$", "/other/$1", "")], "shop/", "a"),
            None
        );
    }
}
