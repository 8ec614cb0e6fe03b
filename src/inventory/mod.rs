//! Which hosts exist and how to reach them: the hostops TOML inventory, the explicit `Host`
//! entries of ~/.ssh/config, and the built-in host `local`.

mod file;
mod ssh_config;

use std::path::{Path, PathBuf};

use anyhow::Result;
use serde::Serialize;

use crate::exit::StatusError;
use crate::transport::local::LOCAL;

/// One host as hostops knows it.
#[derive(Clone, Debug, Serialize)]
pub struct HostSpec {
    pub name: String,
    pub address: String,
    pub port: u16,
    pub user: String,
    pub identity_files: Vec<PathBuf>,
    pub known_hosts: PathBuf,
    /// Name of the host to jump through (ProxyJump).
    pub jump: Option<String>,
    pub groups: Vec<String>,
    /// Where this host was defined: `inventory`, `ssh_config` or `builtin`.
    pub source: &'static str,
}

impl HostSpec {
    pub fn is_local(&self) -> bool {
        self.source == "builtin" && self.name == LOCAL
    }
}

#[derive(Debug, Default)]
pub struct Inventory {
    pub hosts: Vec<HostSpec>,
}

impl Inventory {
    /// Loads the inventory file (if any) and ~/.ssh/config (if it exists); `local` is always there.
    pub fn load(inventory: Option<&Path>, ssh_config: Option<&Path>) -> Result<Inventory> {
        let mut hosts = vec![local_host()];
        if let Some(path) = inventory {
            hosts.extend(file::load(path)?);
        }
        if let Some(path) = ssh_config.filter(|p| p.exists()) {
            for h in ssh_config::load(path)? {
                if !hosts.iter().any(|known| known.name == h.name) {
                    hosts.push(h);
                }
            }
        }
        Ok(Inventory { hosts })
    }

    pub fn get(&self, name: &str) -> Option<&HostSpec> {
        self.hosts.iter().find(|h| h.name == name)
    }

    /// Resolves host names and group names (`all` is every host but `local`) to hosts,
    /// each once, in the order given.
    pub fn select(&self, names: &[String]) -> Result<Vec<HostSpec>, StatusError> {
        let mut out: Vec<HostSpec> = Vec::new();
        for name in names {
            let matched: Vec<&HostSpec> = match self.get(name) {
                Some(h) => vec![h],
                None => self
                    .hosts
                    .iter()
                    .filter(|h| {
                        h.groups.iter().any(|g| g == name) || (name == "all" && !h.is_local())
                    })
                    .collect(),
            };
            if matched.is_empty() {
                return Err(StatusError::usage(format!(
                    "unknown host or group `{name}`: known hosts are {}. Add it to the inventory \
                     (--inventory FILE) or to ~/.ssh/config",
                    self.names_preview()
                )));
            }
            for h in matched {
                if !out.iter().any(|o| o.name == h.name) {
                    out.push(h.clone());
                }
            }
        }
        Ok(out)
    }

    fn names_preview(&self) -> String {
        let names: Vec<&str> = self
            .hosts
            .iter()
            .map(|h| h.name.as_str())
            .take(12)
            .collect();
        let more = self.hosts.len().saturating_sub(names.len());
        let mut s = names.join(", ");
        if more > 0 {
            s.push_str(&format!(" and {more} more"));
        }
        s
    }
}

fn local_host() -> HostSpec {
    HostSpec {
        name: LOCAL.into(),
        address: LOCAL.into(),
        port: 0,
        user: crate::identity::operator(),
        identity_files: Vec::new(),
        known_hosts: PathBuf::new(),
        jump: None,
        groups: Vec::new(),
        source: "builtin",
    }
}

/// OpenSSH's user known_hosts file.
pub fn default_known_hosts() -> PathBuf {
    home().join(".ssh").join("known_hosts")
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/"))
}

/// Expands a leading `~/` and makes relative paths relative to `base`.
fn resolve_path(p: &str, base: &Path) -> PathBuf {
    if let Some(rest) = p.strip_prefix("~/") {
        home().join(rest)
    } else {
        base.join(p)
    }
}
