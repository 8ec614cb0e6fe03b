//! `hostops account find|show`, and the one resolver that turns a domain given where an
//! account is expected into its account.

mod find;
mod render;
mod show;

pub use find::{find, FindReport, HostFind};
pub use show::{show, ShowReport};

use anyhow::{bail, Result};

use crate::exit::StatusError;
use crate::host::kv;
use crate::panel::lookup::{Found, Matched, Query, COMMON_PROBE, PROBE_VARS};
use crate::panel::{self, PanelInfo, PanelKind, VERSION_PROBE};
use crate::transport::{self, Cmd, Transport, TransportError};

/// The find probe: the same text for every query (which reaches it as `$1`): the panel's
/// version sources, the common sections and every panel's own part (silent where absent).
fn probe() -> String {
    let mut script = format!("{PROBE_VARS}\n{VERSION_PROBE}\n{COMMON_PROBE}\n");
    for kind in PanelKind::ALL {
        script.push_str(panel::driver(kind).find_probe());
        script.push('\n');
    }
    script
}

/// A query refused before any host is contacted (exit 2).
pub fn query(text: &str) -> Result<Query> {
    Query::parse(text).map_err(|e| StatusError::usage(e).into())
}

/// The panel `t` runs and the accounts matching `query` there, in one probe (Plesk asks its
/// `subscription --info` for each subscription found).
pub fn find_on(t: &dyn Transport, query: &Query) -> Result<(PanelInfo, Vec<Found>), FindError> {
    let cmd = Cmd::new("sh").args(["-c", &probe(), "hostops-find", &query.text()]);
    let text = transport::run_ok(t, &cmd)?.stdout_text();
    let sections = kv::sections(&text);
    let info = panel::from_probe(|n| sections.get(n).cloned().unwrap_or_default());
    let found = panel::driver(info.kind)
        .found(t, query, &sections)
        .map_err(FindError::Panel)?;
    Ok((info, found))
}

/// Why a host's part of a find failed: the connection or probe, or reading the panel's answer.
#[derive(Debug, thiserror::Error)]
pub enum FindError {
    #[error(transparent)]
    Transport(#[from] TransportError),
    #[error("{0:#}")]
    Panel(anyhow::Error),
}

/// Refuses (exit 2), before any host is contacted, a name that is neither a valid account
/// name nor a domain.
pub fn check_name(name: &str) -> Result<()> {
    let fine = if name.contains('.') {
        matches!(Query::parse(name), Ok(Query::Domain(_)))
    } else {
        panel::valid_account_name(name)
    };
    if !fine {
        bail!(StatusError::usage(format!(
            "{name:?} is not a valid account name (lowercase letter first, then lowercase \
             letters, digits, `_` or `-`) and not a domain"
        )));
    }
    Ok(())
}

/// An account named directly or through one of its domains.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Resolved {
    pub account: String,
    /// The domain (main, addon, parked, sub) that was given instead of the account.
    pub from_domain: Option<String>,
}

impl Resolved {
    /// `bob` or `bob (owner of shop.example)`, for plans and reports.
    pub fn describe(&self) -> String {
        match &self.from_domain {
            Some(d) => format!("{} (owner of {d})", self.account),
            None => self.account.clone(),
        }
    }
}

/// The account `name` means on `t`: an account name as is, a domain mapped to the account
/// holding it (exit 2 when no account or several hold it).
pub fn resolve(t: &dyn Transport, host: &str, name: &str) -> Result<Resolved> {
    Ok(resolve_on(t, host, name)?.1)
}

/// [`resolve`], and the panel when a domain's lookup learnt it (its probe asks).
fn resolve_on(t: &dyn Transport, host: &str, name: &str) -> Result<(Option<PanelInfo>, Resolved)> {
    if !name.contains('.') {
        let r = Resolved {
            account: name.to_string(),
            from_domain: None,
        };
        return Ok((None, r));
    }
    let q = query(name)?;
    let Query::Domain(domain) = &q else {
        bail!(StatusError::usage(format!(
            "{name:?} is neither an account name nor a domain"
        )));
    };
    let (info, found) = find_on(t, &q)?;
    let mut owners: Vec<&Found> = found
        .iter()
        .filter(|f| f.matched != Matched::Account)
        .collect();
    owners.dedup_by(|a, b| a.account == b.account);
    match owners.as_slice() {
        [one] => Ok((
            Some(info),
            Resolved {
                account: one.account.clone(),
                from_domain: Some(domain.clone()),
            },
        )),
        [] => bail!(StatusError::usage(format!(
            "no account on {host} holds the domain {domain}"
        ))),
        many => bail!(StatusError::usage(format!(
            "several accounts on {host} hold {domain}: {}",
            many.iter()
                .map(|f| f.account.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
