//! The server-side half of `web check` (`probe.sh`, constant text, the inputs as its
//! arguments) and the reading of what it prints. Every line from a file, a log or a
//! response comes back behind a `|` (a name behind `>`), so server text cannot open a
//! section.

use std::collections::BTreeSet;

use crate::host::kv;

use super::directives::module_name;

/// The script; `sh -c SCRIPT hostops-web DOMAIN PATH SCHEME MAX_REDIRECTS`.
pub const SCRIPT: &str = include_str!("probe.sh");

/// One response of the request's redirect chain.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Hop {
    pub url: String,
    /// None when curl got no answer (then `error` says why).
    pub status: Option<u16>,
    pub error: Option<String>,
    /// `Name: value` as the server sent them.
    pub headers: Vec<String>,
    pub title: Option<String>,
    /// The body holds `<?php`: PHP sent as text, not run.
    pub php_source: bool,
    /// `client IP:PORT` Apache logged this request under.
    #[serde(skip)]
    pub client: Option<String>,
}

/// A stat line: mode, owner, group, whether the web server's user may enter (dirs) or read
/// (files) it (`None`: not known), path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub dir: bool,
    pub mode: String,
    pub owner: String,
    pub group: String,
    pub allowed: Option<bool>,
    /// Numeric owner and group.
    pub ids: Option<(u32, u32)>,
    pub path: String,
}

impl Entry {
    /// Whether a process of `uid` in `groups` may enter (a directory) or read (a file) it,
    /// from its mode (no ACLs).
    fn judge(&mut self, uid: u32, groups: &[u32]) {
        let (Some((owner, group)), Ok(mode)) = (self.ids, u32::from_str_radix(&self.mode, 8))
        else {
            return;
        };
        let bit = if self.dir { 1 } else { 4 };
        let shift = if uid == 0 {
            self.allowed = Some(true);
            return;
        } else if uid == owner {
            6
        } else if groups.contains(&group) {
            3
        } else {
            0
        };
        self.allowed = Some(mode >> shift & bit != 0);
    }
}

/// A password file an `.htaccess` names, as the web server's user found it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuthFile {
    /// As the `.htaccess` writes it.
    pub named: String,
    /// Where Apache looks for a relative name (under ServerRoot).
    pub relative_to: Option<String>,
    pub entry: Option<Entry>,
    pub missing: bool,
    pub unreadable: bool,
    /// (line, user, hash format).
    pub users: Vec<(usize, String, String)>,
}

/// Everything the probe printed, read.
#[derive(Clone, Debug, Default)]
pub struct Probe {
    pub apachectl: Option<String>,
    pub apache_user: Option<String>,
    /// `apachectl -S`'s output.
    pub dump: Vec<String>,
    pub modules: BTreeSet<String>,
    pub vhost_file: Option<String>,
    pub vhost_line: Option<usize>,
    /// `name` (ServerName/ServerAlias matched) or `default` (the port's first vhost).
    pub vhost_match: Option<String>,
    /// The address Apache serves the vhost on (a wildcard: 127.0.0.1).
    pub vhost_addr: Option<String>,
    pub vhost: Vec<String>,
    /// (file, lines) of the vhost's includes.
    pub includes: Vec<(String, Vec<String>)>,
    pub hops: Vec<Hop>,
    /// Why the redirects stopped being followed, when not at a final answer.
    pub stopped: Option<String>,
    pub error_log: Option<String>,
    pub log: Vec<String>,
    pub docroot: Option<String>,
    /// From `/` to the document root.
    pub path: Vec<Entry>,
    /// Symlinks met (never followed) and paths missing.
    pub symlinks: Vec<String>,
    /// Directories below the document root, `.htaccess` files and the requested file.
    pub below: Vec<Entry>,
    /// (`.htaccess` path, its text).
    pub htaccess: Vec<(String, String)>,
    pub auth_files: Vec<AuthFile>,
    pub php: Vec<String>,
    /// The PHP-FPM pool file listening on the vhost's socket.
    pub pool: Option<String>,
    /// `show`: the domain's custom Apache file, and its text when it exists (None when it
    /// does not; `Custom::not_regular` when it is a symlink or not a file).
    pub custom: Option<Custom>,
}

/// The file a panel keeps a domain's own Apache lines in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Custom {
    pub file: String,
    pub text: Option<String>,
    pub not_regular: bool,
}

fn content(line: &str) -> Option<&str> {
    line.strip_prefix('|')
}

fn entry(line: &str) -> Option<Entry> {
    let f: Vec<&str> = line.splitn(6, '\t').collect();
    let [kind, mode, owner, group, allowed, path] = f.as_slice() else {
        return None;
    };
    Some(Entry {
        dir: *kind == "D",
        mode: mode.to_string(),
        owner: owner.to_string(),
        group: group.to_string(),
        allowed: None,
        ids: allowed
            .split_once(':')
            .and_then(|(u, g)| Some((u.parse().ok()?, g.parse().ok()?))),
        path: path.to_string(),
    })
    .filter(|_| matches!(*kind, "D" | "F"))
}

/// Reads the probe's output.
pub fn read(text: &str) -> Probe {
    let s = kv::sections(text);
    let get = |n: &str| s.get(n).map_or("", String::as_str);
    let mut p = Probe {
        apachectl: get("ctl")
            .lines()
            .filter_map(content)
            .find(|c| !c.is_empty())
            .map(String::from),
        ..Probe::default()
    };
    for l in get("S").lines().filter_map(content) {
        p.dump.push(l.to_string());
        if let Some(u) = l.strip_prefix("User: name=\"") {
            p.apache_user = u.split('"').next().map(String::from);
        }
    }
    p.modules = get("S")
        .lines()
        .filter_map(content)
        .filter_map(|l| {
            l.trim()
                .strip_suffix("(shared)")
                .or(l.trim().strip_suffix("(static)"))
        })
        .map(module_name)
        .collect();
    for (i, l) in get("vhost").lines().enumerate() {
        if let Some(f) = l.strip_prefix('>') {
            p.vhost_file = Some(f.to_string()).filter(|f| !f.is_empty());
        } else if let Some(c) = content(l) {
            if p.vhost_match.is_none() && i <= 2 {
                let mut w = c.split(' ');
                p.vhost_match = w.next().map(String::from).filter(|h| !h.is_empty());
                p.vhost_line = w.next().and_then(|l| l.parse().ok());
                p.vhost_addr = w.next().map(String::from).filter(|a| !a.is_empty());
            } else {
                p.vhost.push(c.to_string());
            }
        }
    }
    for l in get("includes").lines() {
        if let Some(f) = l.strip_prefix('>') {
            p.includes.push((f.to_string(), Vec::new()));
        } else if let (Some(c), Some(last)) = (content(l), p.includes.last_mut()) {
            last.1.push(c.to_string());
        }
    }
    read_hops(&mut p, get("hops"));
    for l in get("errorlog").lines() {
        if let Some(f) = l.strip_prefix('>') {
            p.error_log = Some(f.to_string()).filter(|f| !f.is_empty());
        } else if let Some(c) = content(l) {
            p.log.push(c.to_string());
        }
    }
    p.docroot = get("docroot")
        .lines()
        .find_map(|l| l.strip_prefix('>'))
        .filter(|d| !d.is_empty())
        .map(String::from);
    for l in get("path").lines() {
        match entry(l) {
            Some(e) => p.path.push(e),
            None => p.symlinks.extend(l.strip_prefix("L\t").map(String::from)),
        }
    }
    let mut current: Option<(String, String)> = None;
    for l in get("htaccess").lines() {
        if let Some(c) = content(l) {
            if let Some((_, text)) = current.as_mut() {
                text.push_str(c);
                text.push('\n');
            }
            continue;
        }
        p.htaccess.extend(current.take());
        if let Some(e) = entry(l) {
            if e.path.ends_with("/.htaccess") {
                current = Some((e.path.clone(), String::new()));
            }
            p.below.push(e);
        } else if let Some(link) = l.strip_prefix("L\t") {
            p.symlinks.push(link.to_string());
        }
    }
    p.htaccess.extend(current.take());
    read_auth(&mut p, get("authfiles"));
    p.custom = read_custom(get("custom"));
    p.pool = get("pool").lines().find_map(content).map(String::from);
    let id: Vec<u32> = get("apacheid")
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    if let Some((uid, groups)) = id.split_first() {
        for e in p.path.iter_mut().chain(p.below.iter_mut()) {
            e.judge(*uid, groups);
        }
    }
    p.php = get("php")
        .lines()
        .filter_map(content)
        .filter_map(php_name)
        .collect();
    p
}

/// `/opt/cpanel/ea-php81` -> `ea-php81`, `/opt/alt/php74` -> `alt-php74`,
/// `/usr/sbin/php-fpm8.2` -> `php8.2`, `/usr/local/php82` -> `php82`,
/// `/opt/plesk/php/8.1` -> `plesk-php8.1`.
fn php_name(path: &str) -> Option<String> {
    let base = path.rsplit('/').next()?;
    if path.starts_with("/opt/alt/") {
        return Some(format!("alt-{base}"));
    }
    if path.starts_with("/opt/plesk/php/") {
        return Some(format!("plesk-php{base}"));
    }
    Some(base.replace("php-fpm", "php"))
}

fn read_hops(p: &mut Probe, text: &str) {
    for l in text.lines() {
        if let Some(url) = l.strip_prefix('>') {
            p.hops.push(Hop {
                url: url.to_string(),
                ..Hop::default()
            });
            continue;
        }
        if let Some(why) = l.strip_prefix("=too-many") {
            p.stopped = Some(format!("more redirects than the limit{why}"));
            continue;
        }
        if let Some(host) = l.strip_prefix("=leaves ") {
            p.stopped = Some(format!("redirects to another site: {host}"));
            continue;
        }
        let Some(hop) = p.hops.last_mut() else {
            continue;
        };
        if let Some(w) = content(l) {
            let f: Vec<&str> = w.split('\t').collect();
            hop.status = f.first().and_then(|c| c.parse().ok()).filter(|c| *c != 0);
            if let (Some(ip), Some(port)) = (f.get(1), f.get(2)) {
                hop.client = Some(format!("{ip}:{port}"));
            }
        } else if let Some(e) = l.strip_prefix('!') {
            hop.error = Some(e.to_string());
        } else if let Some(h) = l.strip_prefix(':') {
            if h.contains(": ") {
                hop.headers.push(h.to_string());
            }
        } else if let Some(t) = l.strip_prefix("=title ") {
            hop.title = Some(t.trim().to_string()).filter(|t| !t.is_empty());
        } else if l == "=php-source" {
            hop.php_source = true;
        }
    }
}

fn read_custom(text: &str) -> Option<Custom> {
    let mut c: Option<Custom> = None;
    for l in text.lines() {
        if let Some(f) = l.strip_prefix('>') {
            c = Some(Custom {
                file: f.to_string(),
                ..Custom::default()
            });
        } else if let Some(c) = c.as_mut() {
            if l == "=not-regular" {
                c.not_regular = true;
            } else if l == "=exists" {
                c.text = Some(String::new());
            } else if let (Some(line), Some(text)) = (content(l), c.text.as_mut()) {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    c
}

fn read_auth(p: &mut Probe, text: &str) {
    for l in text.lines() {
        if let Some(named) = l.strip_prefix('>') {
            p.auth_files.push(AuthFile {
                named: named.to_string(),
                ..AuthFile::default()
            });
            continue;
        }
        let Some(a) = p.auth_files.last_mut() else {
            continue;
        };
        if let Some(r) = l.strip_prefix("=relative ") {
            a.relative_to = Some(r.to_string());
        } else if l == "=missing" {
            a.missing = true;
        } else if l == "=unreadable" {
            a.unreadable = true;
        } else if let Some(e) = entry(l) {
            a.entry = Some(e);
        } else if let Some(c) = content(l) {
            let f: Vec<&str> = c.splitn(3, '\t').collect();
            if let [n, user, kind] = f.as_slice() {
                a.users
                    .push((n.parse().unwrap_or(0), user.to_string(), kind.to_string()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_read_and_server_text_kept_in_its_place() {
        let text = "@@ctl\n|apachectl\n@@S\n|User: name=\"www-data\" id=33\n\
            |Loaded Modules:\n| core_module (static)\n| rewrite_module (shared)\n\
            @@vhost\n>/etc/apache2/conf/httpd.conf\n|name 79 1.2.3.4\n|<VirtualHost 1.2.3.4:80>\n|  DocumentRoot /home/u/public_html\n\
            @@hops\n>http://u.test/\n|301\t127.0.0.1\t4000\thttp://www.u.test/\n:HTTP/1.1 301 Moved\n:Location: http://www.u.test/\n=title \n\
            >http://www.u.test/\n|500\t127.0.0.1\t4001\t\n=title 500 Internal Server Error\n=php-source\n\
            @@errorlog\n>/var/log/e\n|@@docroot\n\
            @@docroot\n>/home/u/public_html\n\
            @@apacheid\n33\n33 1001\n@@path\nD\t755\troot\troot\t0:0\t/home\nD\t700\tu\tu\t1000:1000\t/home/u\nD\t750\tu\twww-data\t1000:1001\t/home/u/g\n\
            @@htaccess\nF\t644\tu\tu\t1000:1000\t/home/u/public_html/.htaccess\n|@@php\n|php_value x 1\n\nD\t755\tu\tu\ty\t/home/u/public_html/a\nL\t/home/u/public_html/a/b\n\
            @@authfiles\n>.htpasswd\n=relative /etc/apache2/.htpasswd\n=missing\n>/home/u/.htpasswd\nF\t640\tu\twww-data\t?\t/home/u/.htpasswd\n|1\tbob\tcrypt\n\
            @@php\n|/opt/cpanel/ea-php81\n|/usr/sbin/php-fpm8.2\n";
        let p = read(text);
        assert_eq!(p.apache_user.as_deref(), Some("www-data"));
        assert!(p.modules.contains("rewrite") && p.modules.contains("core"));
        assert_eq!(
            (p.vhost_match.as_deref(), p.vhost_line),
            (Some("name"), Some(79))
        );
        assert_eq!(p.vhost.len(), 2);
        assert_eq!(p.hops.len(), 2);
        assert_eq!(p.hops[0].status, Some(301));
        assert_eq!(p.hops[1].client.as_deref(), Some("127.0.0.1:4001"));
        assert!(p.hops[1].php_source);
        assert_eq!(p.log, ["@@docroot"]);
        assert_eq!(p.docroot.as_deref(), Some("/home/u/public_html"));
        assert_eq!(p.path[0].allowed, Some(true));
        assert_eq!(p.path[1].allowed, Some(false));
        assert_eq!(p.path[2].allowed, Some(true), "through its group");
        assert_eq!(
            p.htaccess,
            [(
                "/home/u/public_html/.htaccess".to_string(),
                "@@php\nphp_value x 1\n".to_string()
            )]
        );
        assert_eq!(p.symlinks, ["/home/u/public_html/a/b"]);
        assert!(p.auth_files[0].missing);
        assert_eq!(
            p.auth_files[1].users,
            [(1, "bob".to_string(), "crypt".to_string())]
        );
        assert_eq!(p.php, ["ea-php81", "php8.2"]);
    }
}
