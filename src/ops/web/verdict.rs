//! From what the probe saw to findings: the static pass, permissions along the path,
//! password files, the response itself, and the error-log lines of the request, each log
//! line confirming a finding of the same kind or making one of its own.

use super::errorlog::{invalid_command, LogLine};
use super::htaccess::{self, HtFile, Server};
use super::probe::{Entry, Probe};
use super::Finding;

/// Every finding, those the error log confirms first.
pub fn findings(p: &Probe, request: &str, log: &[LogLine]) -> Vec<Finding> {
    if p.vhost_file.is_none() || p.hops.is_empty() {
        let mut f = plain(
            "no-vhost",
            "Apache has no virtual host for this name and port, or did not answer (apachectl -S below)",
            "check the domain's vhost (hostops web config show) and that Apache runs",
        );
        f.evidence = Some(
            p.dump
                .iter()
                .take(5)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n"),
        );
        return vec![f];
    }
    let mut out = static_pass(p, request);
    if p.vhost_match.as_deref() == Some("default") {
        out.push(plain(
            "no-vhost",
            &format!(
                "no virtual host is named for this domain: Apache answers with its default one ({})",
                p.vhost_file.as_deref().unwrap_or("-")
            ),
            "add the domain to its account in the panel (ServerName/ServerAlias), then rebuild",
        ));
    }
    out.extend(permissions(p));
    auth_files(p, &mut out);
    if let Some(last) = p.hops.last() {
        if last.php_source {
            out.push(plain(
                "php-source-served",
                "the response holds PHP source (<?php): no handler runs PHP for this file",
                "check the PHP handler of the domain (.htaccess AddHandler/SetHandler lines, the panel's PHP version)",
            ));
        }
    }
    if let Some(why) = p.stopped.as_deref().filter(|w| w.starts_with("more")) {
        out.push(plain(
            "redirect-loop",
            &format!("the redirects do not end: {why}"),
            "find the rule sending the browser back (.htaccess Redirect/RewriteRule [R], the CMS's site URL, an HTTPS redirect behind a proxy)",
        ));
    }
    for line in log {
        confirm(&mut out, p, line);
    }
    let status = p.hops.last().and_then(|h| h.status);
    if out.is_empty() && status.is_some_and(|s| s >= 500 || s == 403) {
        out.push(plain(
            "http-error",
            &format!(
                "HTTP {} and neither the .htaccess files nor the error log explain it",
                status.unwrap_or_default()
            ),
            "read the domain's error log and the PHP-FPM log around the request",
        ));
    }
    out.sort_by_key(|f| f.evidence.is_none());
    out
}

fn plain(kind: &'static str, what: &str, fix: &str) -> Finding {
    Finding {
        kind,
        file: None,
        line: None,
        what: what.to_string(),
        fix: fix.to_string(),
        evidence: None,
    }
}

fn static_pass(p: &Probe, request: &str) -> Vec<Finding> {
    let root = p
        .docroot
        .as_deref()
        .unwrap_or_default()
        .trim_end_matches('/');
    let files: Vec<HtFile> = p
        .htaccess
        .iter()
        .map(|(path, text)| {
            let dir = path.trim_end_matches(".htaccess");
            let url_dir = dir
                .strip_prefix(root)
                .unwrap_or(dir)
                .trim_start_matches('/');
            HtFile {
                path: path.clone(),
                url_dir: url_dir.to_string(),
                text: text.clone(),
            }
        })
        .collect();
    htaccess::check(
        &files,
        &Server {
            modules: &p.modules,
            php: &p.php,
            request,
        },
    )
}

/// Directories the web server's user cannot enter, files it cannot read.
fn permissions(p: &Probe) -> Vec<Finding> {
    let user = p.apache_user.as_deref().unwrap_or("the web server");
    let denied = |e: &&Entry| e.allowed == Some(false);
    let mut out = Vec::new();
    if let Some(e) = p.path.iter().chain(&p.below).find(|e| e.dir && denied(e)) {
        let fix = if e.group == user {
            format!("chmod g+x {}", e.path)
        } else {
            format!("chmod o+x {} (or give it group {user} with g+x)", e.path)
        };
        out.push(Finding {
            kind: "path-not-traversable",
            file: Some(e.path.clone()),
            line: None,
            what: format!(
                "{user} cannot enter {} (mode {}, {}:{}): Apache cannot check the .htaccess files below and answers 403 (AH00529)",
                e.path, e.mode, e.owner, e.group
            ),
            fix,
            evidence: None,
        });
    }
    for e in p.below.iter().filter(|e| !e.dir).filter(denied) {
        let ht = e.path.ends_with("/.htaccess");
        out.push(Finding {
            kind: if ht {
                "htaccess-unreadable"
            } else {
                "file-unreadable"
            },
            file: Some(e.path.clone()),
            line: None,
            what: format!(
                "{user} cannot read {} (mode {}, {}:{}): 403{}",
                e.path,
                e.mode,
                e.owner,
                e.group,
                if ht { " (AH00529)" } else { " (AH00132)" }
            ),
            fix: format!("chmod 644 {}", e.path),
            evidence: None,
        });
    }
    out
}

/// The `.htaccess` and line naming password file `named`.
fn naming(p: &Probe, named: &str) -> (Option<String>, Option<usize>) {
    for (path, text) in &p.htaccess {
        for (i, l) in text.lines().enumerate() {
            let mut w = l.split_whitespace();
            if w.next()
                .is_some_and(|d| d.eq_ignore_ascii_case("authuserfile"))
                && w.next().map(|a| a.trim_matches('"')) == Some(named)
            {
                return (Some(path.clone()), Some(i + 1));
            }
        }
    }
    (None, None)
}

/// Password files: missing, unreadable, weak hashes (a relative one is already a finding).
fn auth_files(p: &Probe, out: &mut Vec<Finding>) {
    let user = p.apache_user.as_deref().unwrap_or("the web server");
    for a in &p.auth_files {
        let (file, line) = naming(p, &a.named);
        let place = a.relative_to.as_deref().unwrap_or(&a.named);
        let (kind, what, fix) = if a.missing {
            (
                "auth-user-file-missing",
                format!(
                    "AuthUserFile {place} does not exist: every login fails (500 or 401, AH01620)"
                ),
                "create it (hostops web htpasswd) or point AuthUserFile at the right absolute path"
                    .to_string(),
            )
        } else if a.unreadable {
            (
                "auth-user-file-unreadable",
                format!("{user} cannot read AuthUserFile {place}: every login fails (AH01620)"),
                format!("chmod 640 {place} and give it group {user} (or 644)"),
            )
        } else {
            for (n, u, hash) in &a.users {
                if matches!(hash.as_str(), "crypt" | "sha1" | "plain") {
                    out.push(Finding {
                        kind: "weak-password-hash",
                        file: Some(place.to_string()),
                        line: Some(*n),
                        what: format!("user {u:?} has a weak {hash} hash{}", weak_why(hash)),
                        fix: format!("reset it with bcrypt: hostops web htpasswd DOMAIN {place} --user {u} --generate (or htpasswd -B)"),
                        evidence: None,
                    });
                }
            }
            continue;
        };
        if a.relative_to.is_some() && file.is_some() {
            // The static pass already names the relative line; say what Apache finds there.
            if let Some(f) = out.iter_mut().find(|f| f.kind == "auth-user-file-relative") {
                f.what.push_str(&format!(
                    " ({place}: {})",
                    if a.missing { "missing" } else { "unreadable" }
                ));
            }
            continue;
        }
        out.push(Finding {
            kind,
            file,
            line,
            what,
            fix,
            evidence: None,
        });
    }
}

fn weak_why(hash: &str) -> &'static str {
    match hash {
        "crypt" => " (DES crypt: only the first 8 characters count)",
        "sha1" => " ({SHA}: unsalted SHA-1)",
        _ => " (stored in plain text)",
    }
}

/// The finding kinds a log line confirms.
fn kinds_of(line: &LogLine) -> &'static [&'static str] {
    if let Some(d) = invalid_command(&line.message) {
        let d = d.to_ascii_lowercase();
        return if d.starts_with("php_") {
            &["php-directive-under-fpm"]
        } else if matches!(d.as_str(), "order" | "allow" | "deny" | "satisfy") {
            &["access-compat-missing"]
        } else {
            &["module-missing", "unknown-directive"]
        };
    }
    match line.code.as_deref() {
        Some("AH00124") => &["rewrite-loop"],
        Some("AH00529") | Some("AH00035") => &["path-not-traversable", "htaccess-unreadable"],
        Some("AH00132") => &["file-unreadable"],
        Some("AH00670") => &["rewrite-without-symlinks"],
        Some("AH01630") | Some("AH01797") => &["access-denied"],
        Some("AH01620") => &[
            "auth-user-file-relative",
            "auth-user-file-missing",
            "auth-user-file-unreadable",
        ],
        Some("AH01071") | Some("AH01079") | Some("AH02454") => &["php-fpm-error"],
        Some("AH01276") => &["no-index"],
        _ => &[],
    }
}

/// Attaches `line` to the finding it confirms, or makes one from it.
fn confirm(out: &mut Vec<Finding>, p: &Probe, line: &LogLine) {
    let kinds = kinds_of(line);
    let Some(first) = kinds.first() else { return };
    let code = line
        .code
        .as_deref()
        .map_or(String::new(), |c| format!("{c}: "));
    let evidence = format!("[{}:{}] {code}{}", line.module, line.level, line.message);
    let same = |f: &Finding| kinds.contains(&f.kind);
    if let Some(f) = out.iter_mut().find(|f| same(f)) {
        f.evidence.get_or_insert(evidence);
        return;
    }
    let (file, no) = match invalid_command(&line.message) {
        Some(d) => {
            let path = line.path.clone();
            let no = path.as_ref().and_then(|path| {
                let (_, text) = p.htaccess.iter().find(|(f, _)| f == path)?;
                text.lines().position(|l| {
                    l.split_whitespace()
                        .next()
                        .is_some_and(|w| w.eq_ignore_ascii_case(d))
                })
            });
            (path, no.map(|n| n + 1))
        }
        None => (line.path.clone(), None),
    };
    out.push(Finding {
        kind: first,
        file,
        line: no,
        what: line.meaning.clone().unwrap_or_else(|| line.message.clone()),
        fix: fix_of(first).to_string(),
        evidence: Some(evidence),
    });
}

fn fix_of(kind: &str) -> &'static str {
    match kind {
        "php-directive-under-fpm" => "move php_value/php_flag lines to a .user.ini",
        "access-compat-missing" => "replace Order/Allow/Deny with Require",
        "module-missing" | "unknown-directive" => "remove the line or wrap it in <IfModule>",
        "rewrite-loop" => {
            "add RewriteCond lines (!-f, !-d) or [END] to the rule that rewrites to itself"
        }
        "path-not-traversable" => {
            "chmod o+x (or g+x for the web server's group) on the directory the log names"
        }
        "rewrite-without-symlinks" => "add `Options +SymLinksIfOwnerMatch` to the .htaccess",
        "access-denied" => "look for Require/Deny rules on the path (.htaccess, the vhost)",
        "php-fpm-error" => "check the PHP-FPM pool of the domain (socket, user, the script's path)",
        "no-index" => "add an index file or a DirectoryIndex line",
        "file-unreadable" => "chmod 644 the file",
        _ => "fix the AuthUserFile line (absolute path, readable by the web server)",
    }
}
