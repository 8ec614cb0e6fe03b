//! The lab's real web stack (`lab up --web`, tests/lab/README.md "Web: Apache and PHP-FPM"):
//! on each panel, a request through the lab host's own Apache reaches the account's
//! document root and its PHP-FPM pool (running as the account's user), is written to the
//! panel's domain log, and a broken `.htaccess` line gives a 500 with Apache's own line in
//! the error log the panel keeps for the domain.

use std::path::Path;
use std::process::Command;
use std::sync::{Mutex, RwLockReadGuard};

use crate::builder::Test;
use crate::support::{stderr, stdout, Lab, APT};

/// Where a panel keeps a domain's files and logs (USER and DOMAIN replaced).
struct Layout {
    panel: &'static str,
    docroot: &'static str,
    access_log: &'static str,
    error_log: &'static str,
}

const CPANEL: Layout = Layout {
    panel: "cpanel",
    docroot: "/home/USER/public_html",
    access_log: "/etc/apache2/logs/domlogs/DOMAIN",
    error_log: "/etc/apache2/logs/error_log",
};
const PLESK: Layout = Layout {
    panel: "plesk",
    docroot: "/var/www/vhosts/DOMAIN/httpdocs",
    access_log: "/var/www/vhosts/system/DOMAIN/logs/access_log",
    error_log: "/var/www/vhosts/system/DOMAIN/logs/error_log",
};
const DIRECTADMIN: Layout = Layout {
    panel: "directadmin",
    docroot: "/home/USER/domains/DOMAIN/public_html",
    access_log: "/var/log/httpd/domains/DOMAIN.log",
    error_log: "/var/log/httpd/domains/DOMAIN.error.log",
};
const NONE: Layout = Layout {
    panel: "none",
    docroot: "/var/www/DOMAIN/public_html",
    access_log: "/var/log/apache2/DOMAIN-access.log",
    error_log: "/var/log/apache2/DOMAIN-error.log",
};

const USER: &str = "webby";
const DOMAIN: &str = "webby.test";

fn at(template: &str) -> String {
    template.replace("USER", USER).replace("DOMAIN", DOMAIN)
}

/// `curl --resolve DOMAIN:PORT:ADDR URL` from the machine: (HTTP status, body).
fn get(lab: &Lab, scheme: &str, path: &str) -> (u16, String) {
    let port = if scheme == "https" { 443 } else { 80 };
    let out = Command::new("curl")
        .args(["-sS", "-k", "--max-time", "20", "-w", "\n%{http_code}"])
        .arg("--resolve")
        .arg(format!("{DOMAIN}:{port}:{}", lab.address(1)))
        .arg(format!("{scheme}://{DOMAIN}{path}"))
        .output()
        .expect("run curl");
    assert!(out.status.success(), "curl failed: {}", stderr(&out));
    let text = stdout(&out);
    let (body, code) = text.rsplit_once('\n').expect("curl's status line");
    (code.parse().expect("an HTTP status"), body.to_string())
}

/// A file inside host h1, read as root (the panel's real path).
fn read(lab: &Lab, path: &str) -> String {
    let out = lab.sh("h1", &["cat", path]);
    assert!(out.status.success(), "cat {path}: {}", stderr(&out));
    stdout(&out)
}

/// Puts `text` at `path` inside host h1 (copied from the lab directory, which the hosts see).
fn put(lab: &Lab, path: &str, text: &str) {
    let src = lab.dir.path().join("weblab-upload");
    std::fs::write(&src, text).unwrap();
    let out = lab.sh("h1", &["cp", src.to_str().unwrap(), path]);
    assert!(out.status.success(), "cp to {path}: {}", stderr(&out));
}

/// Holds [`APT`] shared (no package test purges under the lab) once apache2 and php-fpm are
/// on the machine: the real apt tests (playbook) purge and reinstall packages in the /usr
/// the hosts share, so `.ci/deps` (idempotent) puts back what they took.
pub fn web_packages() -> RwLockReadGuard<'static, ()> {
    static REPAIR: Mutex<()> = Mutex::new(());
    let guard = APT.read().unwrap_or_else(|p| p.into_inner());
    let _one = REPAIR.lock().unwrap_or_else(|p| p.into_inner());
    let fpm = std::fs::read_dir("/usr/sbin")
        .map(|d| {
            d.flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("php-fpm"))
        })
        .unwrap_or(false);
    if !fpm || !Path::new("/usr/sbin/apache2").exists() {
        let deps = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/deps");
        let out = Command::new("bash")
            .arg(deps)
            .output()
            .expect("run .ci/deps");
        assert!(out.status.success(), ".ci/deps: {}", stderr(&out));
    }
    guard
}

/// The whole check on one panel; returns the lab's address (to check `lab down`).
fn serves_php_logs_and_reports_htaccess(layout: &Layout) -> String {
    let _apt = web_packages();
    let test = Test::web_lab(layout.panel, 1);
    let lab = test.lab_ref();
    lab.lab("add-account", &["h1", USER, "--domain", DOMAIN]);

    let (status, body) = get(lab, "http", "/");
    assert_eq!(status, 200, "{}: {body}", layout.panel);
    assert!(
        body.contains(&format!("<title>Welcome to {DOMAIN}</title>")),
        "{body}"
    );
    for scheme in ["http", "https"] {
        let (status, body) = get(lab, scheme, "/lab-php.php");
        assert_eq!(status, 200, "{} {scheme}: {body}", layout.panel);
        assert!(
            body.starts_with(&format!("lab-php user={USER} sapi=fpm-fcgi ")),
            "{} {scheme}: PHP must run in the account's FPM pool: {body}",
            layout.panel
        );
    }
    let access = read(lab, &at(layout.access_log));
    assert!(
        access.contains("\"GET /lab-php.php HTTP/1.1\" 200"),
        "{}: {access}",
        layout.panel
    );

    let htaccess = format!("{}/.htaccess", at(layout.docroot));
    put(lab, &htaccess, "php_value upload_max_filesize 64M\n");
    let (status, _) = get(lab, "http", "/");
    assert_eq!(status, 500, "{}: php_value under PHP-FPM", layout.panel);
    let errors = read(lab, &at(layout.error_log));
    let line = format!(
        "{htaccess}: Invalid command 'php_value', perhaps misspelled or defined by a module not \
         included in the server configuration"
    );
    assert!(
        errors
            .lines()
            .any(|l| l.contains("[core:alert]") && l.contains(&line)),
        "{}: no {line:?} in {}:\n{errors}",
        layout.panel,
        layout.error_log
    );
    lab.address(1)
}

#[test]
fn cpanel_apache_serves_php_fpm_and_logs_in_domlogs() {
    serves_php_logs_and_reports_htaccess(&CPANEL);
}

#[test]
fn plesk_apache_serves_php_fpm_and_logs_in_system_domain_logs() {
    serves_php_logs_and_reports_htaccess(&PLESK);
}

#[test]
fn directadmin_apache_serves_php_fpm_and_logs_in_httpd_domains() {
    serves_php_logs_and_reports_htaccess(&DIRECTADMIN);
}

/// Also: `lab down` (the lab's drop) stops the host's Apache.
#[test]
fn no_panel_apache_serves_php_fpm_and_stops_with_the_lab() {
    let addr = serves_php_logs_and_reports_htaccess(&NONE);
    let still = std::net::TcpStream::connect((addr.as_str(), 80));
    assert!(
        still.is_err(),
        "Apache still listens on {addr}:80 after lab down"
    );
}
