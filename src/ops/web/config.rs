//! `hostops web config show DOMAIN --host H`: which vhost answers the name (`apachectl -S`),
//! its document root and PHP handler, its includes, and the file the panel keeps the
//! domain's own Apache lines in (what `web config edit` changes).

use std::sync::Arc;

use anyhow::{bail, Result};
use serde::Serialize;

use super::probe::{self, Probe};
use super::vhost::{php, Php, Vhost};
use crate::context::Context;
use crate::exit::StatusError;
use crate::ops::account;
use crate::panel::lookup::Query;
use crate::panel::web::{self, Place};
use crate::panel::{self, PanelKind};
use crate::transport::{self, Cmd, Transport};

/// One included file and its lines.
#[derive(Serialize)]
pub struct Include {
    pub file: String,
    pub lines: Vec<String>,
}

#[derive(Serialize)]
pub struct ShowReport {
    pub host: String,
    pub domain: String,
    pub panel: PanelKind,
    pub vhost: Option<Vhost>,
    pub document_root: Option<String>,
    pub php: Php,
    pub includes: Vec<Include>,
    /// The domain's own Apache lines: the file, and its text (null when it does not exist).
    pub custom: Place,
    pub custom_text: Option<String>,
}

/// What the server has for `domain` on `host`: the connection, the panel, the domain's
/// custom file and the probe (no request made).
pub struct Current {
    pub t: Arc<dyn Transport>,
    pub panel: PanelKind,
    pub place: Place,
    pub probe: Probe,
    pub domain: String,
}

/// A domain as given on the command line (exit 2 otherwise).
pub fn domain(text: &str) -> Result<String> {
    match account::query(text)? {
        Query::Domain(d) => Ok(d),
        _ => bail!(StatusError::usage(format!("{text:?} is not a domain"))),
    }
}

/// Reads the domain's vhost and custom file on `host` (port 443's where the panel keeps
/// them apart and `https`).
pub fn current(ctx: &Context, host: &str, domain: &str, https: bool) -> Result<Current> {
    let t = ctx.connect(&ctx.host(host)?)?;
    let kind = panel::detect(&*t)?.kind;
    let user = match kind {
        PanelKind::None => String::new(),
        _ => account::resolve(&*t, host, domain)?.account,
    };
    let wanted = panel::driver(kind).apache_include(&user, domain, https);
    let file = wanted.as_ref().map_or("", |p| p.file.as_str()).to_string();
    let scheme = if https { "https" } else { "http" };
    let cmd = Cmd::new("sh").args([
        "-c",
        probe::SCRIPT,
        "hostops-web",
        domain,
        "/",
        scheme,
        "0",
        "show",
        &file,
    ]);
    let p = probe::read(&transport::run_ok(&*t, &cmd)?.stdout_text());
    if p.apachectl.is_none() {
        bail!("{host} has no apachectl, apache2ctl or httpd: is Apache installed?");
    }
    if p.vhost_match.as_deref() != Some("name") {
        bail!(StatusError::usage(format!(
            "no Apache virtual host on {host} is named {domain} (apachectl -S)"
        )));
    }
    let place = match wanted {
        Some(p) => p,
        None => web::site(p.custom.as_ref().map_or("", |c| c.file.as_str())),
    };
    Ok(Current {
        t,
        panel: kind,
        place,
        probe: p,
        domain: domain.to_string(),
    })
}

/// Shows the domain's configuration. Changes nothing.
pub fn show(ctx: &Context, host: &str, text: &str, https: bool) -> Result<ShowReport> {
    let domain = domain(text)?;
    let c = current(ctx, host, &domain, https)?;
    let p = c.probe;
    ctx.note(format!(
        "web config of {domain} on {host}: {}",
        p.vhost_file.as_deref().unwrap_or("-")
    ))?;
    Ok(ShowReport {
        host: host.to_string(),
        panel: c.panel,
        vhost: p.vhost_file.clone().map(|file| Vhost {
            file,
            line: p.vhost_line,
            matched: p.vhost_match.clone(),
        }),
        document_root: p.docroot.clone(),
        php: php(&p),
        includes: p
            .includes
            .iter()
            .map(|(file, lines)| Include {
                file: file.clone(),
                lines: lines.clone(),
            })
            .collect(),
        custom_text: p.custom.and_then(|c| c.text),
        custom: c.place,
        domain,
    })
}
