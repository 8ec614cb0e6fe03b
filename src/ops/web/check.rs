//! `hostops web check DOMAIN [--host H] [--path /P] [--https]`: one round trip runs the
//! probe on the server (the request through its own Apache, the error-log bytes written
//! meanwhile filtered there by the request's client address, the `.htaccess` files and
//! permissions on the path, password files read as the web server's user), then the
//! findings and a verdict naming file, line and fix.

use anyhow::{bail, Result};
use serde::Serialize;

use super::errorlog::{self, LogLine};
use super::probe::{self, Hop, Probe};
use super::vhost::{php, Php, Vhost};
use super::{verdict, Finding};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::account;
use crate::transport::{self, Cmd};

/// What to request.
pub struct CheckOptions {
    pub domain: String,
    pub host: Option<String>,
    pub path: String,
    pub https: bool,
    pub max_redirects: u32,
}

#[derive(Serialize)]
pub struct CheckReport {
    pub host: String,
    pub domain: String,
    pub url: String,
    pub vhost: Option<Vhost>,
    pub document_root: Option<String>,
    pub error_log: Option<String>,
    pub apache_user: Option<String>,
    /// The responses, the first request first.
    pub hops: Vec<Hop>,
    /// Why the redirects stopped being followed before a final answer.
    pub stopped: Option<String>,
    pub php: Php,
    /// The error-log lines this request caused.
    pub log: Vec<LogLine>,
    /// The `.htaccess` files read, from the document root down.
    pub htaccess: Vec<String>,
    pub findings: Vec<Finding>,
    pub verdict: String,
}

impl CheckReport {
    pub fn healthy(&self) -> bool {
        self.findings.is_empty()
    }

    /// 0 healthy, 1 findings.
    pub fn exit(&self) -> ExitStatus {
        if self.healthy() {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

/// A URL path passed verbatim to the server: starts with `/`, no whitespace, control
/// characters or `#` (curl would not send what follows).
fn check_path(path: &str) -> Result<()> {
    if !path.starts_with('/')
        || path.len() > 2048
        || path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '#')
    {
        bail!(StatusError::usage(format!(
            "--path {path:?}: expected a URL path starting with / (no spaces, control characters or #)"
        )));
    }
    Ok(())
}

/// The only host holding `domain` (asked of every inventory host).
pub fn host_of(ctx: &Context, domain: &str) -> Result<String> {
    let found = account::find(ctx, domain, &[], 20)?;
    let hosts: Vec<&str> = found
        .hosts
        .iter()
        .filter(|h| !h.found.is_empty())
        .map(|h| h.host.as_str())
        .collect();
    match hosts.as_slice() {
        [one] => Ok(one.to_string()),
        [] => bail!(StatusError::usage(format!(
            "no inventory host holds {domain}: name it with --host"
        ))),
        many => bail!(StatusError::usage(format!(
            "several hosts hold {domain} ({}): name one with --host",
            many.join(", ")
        ))),
    }
}

/// Runs the check. Changes nothing on the server.
pub fn check(ctx: &Context, opts: &CheckOptions) -> Result<CheckReport> {
    let domain = super::config::domain(&opts.domain)?;
    check_path(&opts.path)?;
    let host = match &opts.host {
        Some(h) => h.clone(),
        None => host_of(ctx, &domain)?,
    };
    let t = ctx.connect(&ctx.host(&host)?)?;
    let scheme = if opts.https { "https" } else { "http" };
    let max = opts.max_redirects.to_string();
    let cmd = Cmd::new("sh").args([
        "-c",
        probe::SCRIPT,
        "hostops-web",
        &domain,
        &opts.path,
        scheme,
        &max,
        "check",
    ]);
    let out = transport::run_ok(&*t, &cmd)?;
    let p = probe::read(&out.stdout_text());
    if p.apachectl.is_none() {
        bail!("{host} has no apachectl, apache2ctl or httpd: is Apache installed?");
    }
    let report = report(host, domain, scheme, &opts.path, p);
    ctx.note(format!(
        "web check {} on {}: {}",
        report.url, report.host, report.verdict
    ))?;
    Ok(report)
}

fn report(host: String, domain: String, scheme: &str, path: &str, p: Probe) -> CheckReport {
    let log: Vec<LogLine> = p.log.iter().filter_map(|l| errorlog::parse(l)).collect();
    let request = path
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_start_matches('/');
    let findings = verdict::findings(&p, request, &log);
    let url = format!("{scheme}://{domain}{path}");
    let verdict = say(&findings, &p);
    CheckReport {
        vhost: p.vhost_file.clone().map(|file| Vhost {
            file,
            line: p.vhost_line,
            matched: p.vhost_match.clone(),
        }),
        php: php(&p),
        document_root: p.docroot,
        error_log: p.error_log,
        apache_user: p.apache_user,
        hops: p.hops,
        stopped: p.stopped,
        htaccess: p.htaccess.into_iter().map(|(f, _)| f).collect(),
        log,
        findings,
        verdict,
        host,
        domain,
        url,
    }
}

/// The verdict: the first finding with its place and fix, or the healthy answer.
fn say(findings: &[Finding], p: &Probe) -> String {
    let status = p
        .hops
        .last()
        .and_then(|h| h.status)
        .map_or("no answer".to_string(), |s| format!("HTTP {s}"));
    match findings.first() {
        None => format!("healthy: {status}"),
        Some(f) => {
            let place = match (&f.file, f.line) {
                (Some(file), Some(n)) => format!("{file}:{n}: "),
                (Some(file), None) => format!("{file}: "),
                _ => String::new(),
            };
            format!("{status}: {place}{}; fix: {}", f.what, f.fix)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_paths_refused_or_verbatim() {
        assert!(check_path("/").is_ok());
        assert!(check_path("/a/$(id)/`x`;b?c=1&d[]=2").is_ok());
        for bad in ["", "a/b", "/a b", "/a\nb", "/a#frag", "-x"] {
            assert!(check_path(bad).is_err(), "{bad:?}");
        }
    }
}
