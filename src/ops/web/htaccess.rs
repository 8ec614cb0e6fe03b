//! The static pass over the `.htaccess` files from the document root down to the requested
//! path: directives without their module (compared with `apachectl -M`), `php_value` under
//! PHP-FPM, handlers for a PHP the server lacks, 2.2 access lines without
//! mod_access_compat, `RewriteRule` with both symlink options off, rewrite loops, and
//! `AuthUserFile` paths.

use std::collections::BTreeSet;

use super::directives::{known, module_name, Known};
use super::rewrite;
use super::Finding;

/// One `.htaccess` on the path, in order from the document root down.
#[derive(Clone, Debug)]
pub struct HtFile {
    pub path: String,
    /// The directory's URL path below the document root (`""`, `"shop/"`).
    pub url_dir: String,
    pub text: String,
}

/// What the server has, to judge the files against.
pub struct Server<'a> {
    /// Loaded modules (`rewrite`, `php`, ...; see [`module_name`]).
    pub modules: &'a BTreeSet<String>,
    /// PHP installations: `ea-php81`, `alt-php74`, `php8.2`.
    pub php: &'a [String],
    /// The request's path below the document root (no leading `/`, no query).
    pub request: &'a str,
}

/// A directive line: number (1-based), name and arguments.
struct Line<'t> {
    no: usize,
    name: String,
    args: Vec<&'t str>,
}

/// The lines of a file, comments and blanks left out (continuation lines are rare in
/// .htaccess files and read as their first line).
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            return None;
        }
        let mut words = l.split_whitespace();
        let first = words.next()?;
        let name = if let Some(sec) = first.strip_prefix('<') {
            let sec = sec.trim_end_matches('>');
            format!("<{}>", sec.to_ascii_lowercase())
        } else {
            first.to_string()
        };
        Some(Line {
            no: i + 1,
            name,
            args: words.map(|w| w.trim_end_matches('>')).collect(),
        })
    })
}

fn finding(kind: &'static str, file: &str, line: usize, what: String, fix: String) -> Finding {
    Finding {
        kind,
        file: Some(file.to_string()),
        line: Some(line),
        what,
        fix,
        evidence: None,
    }
}

/// The symlink options in force: (FollowSymLinks, SymLinksIfOwnerMatch).
type Symlinks = (bool, bool);

/// The options after an `Options` line.
fn options(mut s: Symlinks, args: &[&str]) -> Symlinks {
    let relative = args.iter().all(|a| a.starts_with(['+', '-']));
    if !relative {
        s = (false, false);
    }
    for a in args {
        let (on, name) = match a.strip_prefix('-') {
            Some(n) => (false, n),
            None => (true, a.trim_start_matches('+')),
        };
        match name.to_ascii_lowercase().as_str() {
            "followsymlinks" => s.0 = on,
            "symlinksifownermatch" => s.1 = on,
            "all" if on => s = (true, s.1),
            "none" => s = (false, false),
            _ => {}
        }
    }
    s
}

/// The PHP installation a handler type names (`application/x-httpd-ea-php74` ->
/// `ea-php74`, `application/x-httpd-alt-php56___lsphp` -> `alt-php56`).
fn handler_php(arg: &str) -> Option<String> {
    let t = arg.to_ascii_lowercase();
    let rest = t.strip_prefix("application/x-httpd-")?;
    let rest = rest.split("___").next()?;
    for family in ["ea-php", "alt-php"] {
        if let Some(v) = rest.strip_prefix(family) {
            if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
                return Some(format!("{family}{v}"));
            }
        }
    }
    None
}

/// Every finding of the static pass, in file order.
pub fn check(files: &[HtFile], server: &Server) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut symlinks: Symlinks = (true, true);
    for f in files {
        // <IfModule> nesting: whether the lines at this depth are read by Apache.
        let mut active = vec![true];
        let mut engine = false;
        let mut rules = Vec::new();
        for l in lines(&f.text) {
            let on = *active.last().unwrap_or(&true);
            if l.name.starts_with("</") {
                if active.len() > 1 {
                    active.pop();
                }
                continue;
            }
            if l.name == "<ifmodule>" {
                let arg = l.args.first().copied().unwrap_or_default();
                let (neg, m) = match arg.strip_prefix('!') {
                    Some(m) => (true, m),
                    None => (false, arg),
                };
                active.push(on && (server.modules.contains(&module_name(m)) != neg));
                continue;
            }
            if l.name.starts_with('<') {
                active.push(on);
            }
            if !on {
                continue;
            }
            directive(f, &l, server, &mut out);
            match l.name.to_ascii_lowercase().as_str() {
                "options" => symlinks = options(symlinks, &l.args),
                "rewriteengine" => {
                    engine = l.args.first().is_some_and(|a| a.eq_ignore_ascii_case("on"))
                }
                "rewritecond" => rules.push(rewrite::Item::Cond),
                "rewriterule" if engine => {
                    if symlinks == (false, false) {
                        out.push(finding(
                            "rewrite-without-symlinks",
                            &f.path,
                            l.no,
                            "RewriteRule where Options FollowSymLinks and SymLinksIfOwnerMatch \
                             are both off: Apache forbids every request here (403, AH00670)"
                                .into(),
                            "add `Options +SymLinksIfOwnerMatch` at the top of this .htaccess"
                                .into(),
                        ));
                        symlinks = (false, true); // said once
                    }
                    rules.push(rewrite::Item::Rule {
                        line: l.no,
                        pattern: l.args.first().copied().unwrap_or_default().to_string(),
                        target: l.args.get(1).copied().unwrap_or_default().to_string(),
                        flags: l.args.get(2).copied().unwrap_or_default().to_string(),
                    });
                }
                _ => {}
            }
        }
        let below = server.request.strip_prefix(f.url_dir.as_str());
        if let Some(line) = below.and_then(|r| rewrite::loops(&rules, &f.url_dir, r)) {
            out.push(finding(
                "rewrite-loop",
                &f.path,
                line,
                "this RewriteRule matches its own result, with no RewriteCond to stop it: \
                 Apache rewrites again until its limit (500, AH00124)"
                    .into(),
                "add `RewriteCond %{REQUEST_FILENAME} !-f` and `RewriteCond %{REQUEST_FILENAME} \
                 !-d` before it, or end it with [END]"
                    .into(),
            ));
        }
    }
    out
}

/// The findings of one directive line.
fn directive(f: &HtFile, l: &Line, server: &Server, out: &mut Vec<Finding>) {
    let name = &l.name;
    match known(name) {
        Known::ServerOnly => out.push(finding(
            "not-allowed-here",
            &f.path,
            l.no,
            format!("{name} is a server or virtual-host directive: not allowed in .htaccess (500)"),
            "remove it, or ask for it in the domain's Apache configuration (hostops web config edit)".into(),
        )),
        Known::Unknown => out.push(finding(
            "unknown-directive",
            &f.path,
            l.no,
            format!("{name} is not a directive of Apache or of a module hostops knows: a 500 unless a loaded module provides it"),
            "check the spelling; remove it or wrap it in <IfModule MODULE>".into(),
        )),
        Known::Module(m) if m != "core" && !server.modules.contains(m) => {
            let (kind, what, fix) = match m {
                "php" => (
                    "php-directive-under-fpm",
                    format!("{name} needs mod_php, but PHP runs through PHP-FPM/CGI here: every request gives 500"),
                    format!("move it to a .user.ini in the document root (`{}`), or set it in the panel's PHP settings", user_ini(l)),
                ),
                "access_compat" => (
                    "access-compat-missing",
                    format!("{name} is Apache 2.2 access control and mod_access_compat is not loaded: 500"),
                    "use 2.4's Require (`Require all granted`, `Require all denied`, `Require ip 192.0.2.1`)".into(),
                ),
                _ => (
                    "module-missing",
                    format!("{name} needs mod_{m}, which this Apache has not loaded: 500"),
                    format!("load mod_{m}, or wrap the lines in <IfModule mod_{m}.c>"),
                ),
            };
            out.push(finding(kind, &f.path, l.no, what, fix));
        }
        _ => {}
    }
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "addhandler" | "sethandler" | "addtype") {
        if let Some(php) = l.args.first().and_then(|a| handler_php(a)) {
            if !server.php.contains(&php) {
                out.push(finding(
                    "php-handler-missing",
                    &f.path,
                    l.no,
                    format!("handler for {php}, which this server does not have (a block copied from another server?): PHP is served as a download or fails"),
                    format!("delete the handler block, or choose an installed PHP ({}) in the panel", installed(server.php)),
                ));
            }
        }
    }
    if lower == "authuserfile" {
        if let Some(p) = l.args.first().map(|a| a.trim_matches('"')) {
            if !p.starts_with('/') {
                out.push(finding(
                    "auth-user-file-relative",
                    &f.path,
                    l.no,
                    format!("AuthUserFile {p} is relative: Apache reads it from its ServerRoot, not from this directory"),
                    format!("give the absolute path (e.g. {}{p})", f.path.trim_end_matches(".htaccess")),
                ));
            }
        }
    }
}

/// `php_value memory_limit 256M` -> `memory_limit = 256M`.
fn user_ini(l: &Line) -> String {
    let value = l.args.get(1..).map(|a| a.join(" ")).unwrap_or_default();
    format!("{} = {}", l.args.first().copied().unwrap_or("NAME"), value)
}

fn installed(php: &[String]) -> String {
    if php.is_empty() {
        "none found".into()
    } else {
        php.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, modules: &[&str], php: &[&str], request: &str) -> Vec<Finding> {
        let modules: BTreeSet<String> = modules.iter().map(|m| m.to_string()).collect();
        let php: Vec<String> = php.iter().map(|p| p.to_string()).collect();
        let files = [HtFile {
            path: "/home/u/public_html/.htaccess".into(),
            url_dir: String::new(),
            text: text.into(),
        }];
        check(
            &files,
            &Server {
                modules: &modules,
                php: &php,
                request,
            },
        )
    }

    fn kinds(f: &[Finding]) -> Vec<(&str, Option<usize>)> {
        f.iter().map(|f| (f.kind, f.line)).collect()
    }

    #[test]
    fn wordpress_is_clean() {
        let wp = "# BEGIN WordPress\n<IfModule mod_rewrite.c>\nRewriteEngine On\nRewriteBase /\n\
                  RewriteRule ^index\\.php$ - [L]\nRewriteCond %{REQUEST_FILENAME} !-f\n\
                  RewriteCond %{REQUEST_FILENAME} !-d\nRewriteRule . /index.php [L]\n</IfModule>\n\
                  # END WordPress\n";
        assert!(run(wp, &["rewrite"], &[], "blog/post").is_empty());
        assert!(run(wp, &[], &[], "x").is_empty(), "inside a false IfModule");
    }

    #[test]
    fn the_classic_mistakes() {
        let f = run(
            "php_value upload_max_filesize 64M\nOrder deny,allow\nDeny from all\nFrobnicate on\n\
             <Directory /x>\n</Directory>\nAuthUserFile .htpasswd\n",
            &["rewrite", "authn_file"],
            &[],
            "",
        );
        assert_eq!(
            kinds(&f),
            [
                ("php-directive-under-fpm", Some(1)),
                ("access-compat-missing", Some(2)),
                ("access-compat-missing", Some(3)),
                ("unknown-directive", Some(4)),
                ("not-allowed-here", Some(5)),
                ("auth-user-file-relative", Some(7)),
            ]
        );
        assert!(
            f[0].fix.contains("upload_max_filesize = 64M"),
            "{}",
            f[0].fix
        );
        assert!(run("php_flag display_errors on\n", &["php"], &[], "").is_empty());
    }

    #[test]
    fn cpanel_handler_for_a_php_the_server_lacks() {
        let block = "# php -- BEGIN cPanel-generated handler, do not edit\n# Set the \u{201c}ea-php74\u{201d} package as the default \u{201c}PHP\u{201d} programming language.\n\
                     <IfModule mime_module>\n  AddHandler application/x-httpd-ea-php74___lsphp .php .php7 .phtml\n</IfModule>\n\
                     # php -- END cPanel-generated handler, do not edit\n";
        let f = run(block, &["mime"], &["ea-php81", "ea-php82"], "");
        assert_eq!(kinds(&f), [("php-handler-missing", Some(4))]);
        assert!(run(block, &["mime"], &["ea-php74"], "").is_empty());
    }

    #[test]
    fn rewrite_with_symlinks_off_and_loops() {
        let f = run(
            "Options -FollowSymLinks -SymLinksIfOwnerMatch\nRewriteEngine On\nRewriteRule ^old$ new [L]\n",
            &["rewrite"],
            &[],
            "",
        );
        assert_eq!(kinds(&f), [("rewrite-without-symlinks", Some(3))]);
        let f = run(
            "RewriteEngine On\nRewriteRule ^(.*)$ app/$1 [L]\n",
            &["rewrite"],
            &[],
            "",
        );
        assert_eq!(kinds(&f), [("rewrite-loop", Some(2))]);
    }
}
