//! The hostops inventory file (TOML). Unknown keys are errors, so a typo never silently
//! falls back to a default user or key.
//!
//! ```toml
//! [defaults]                 # all optional
//! user = "root"
//! port = 22
//! identity_file = "~/.ssh/id_ed25519"
//! known_hosts = "~/.ssh/known_hosts"
//!
//! [[host]]
//! name = "web01"
//! address = "203.0.113.10"
//! groups = ["cpanel", "web"]
//! jump = "bastion"           # ProxyJump through another inventory host
//! ```

use std::path::Path;

use anyhow::{bail, Context as _, Result};
use serde::Deserialize;

use super::{default_known_hosts, resolve_path, HostSpec};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    defaults: Defaults,
    #[serde(default)]
    host: Vec<Host>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Defaults {
    user: Option<String>,
    port: Option<u16>,
    identity_file: Option<String>,
    known_hosts: Option<String>,
    jump: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Host {
    name: String,
    address: Option<String>,
    port: Option<u16>,
    user: Option<String>,
    identity_file: Option<String>,
    known_hosts: Option<String>,
    jump: Option<String>,
    #[serde(default)]
    groups: Vec<String>,
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        && !name.starts_with('-')
}

pub fn load(path: &Path) -> Result<Vec<HostSpec>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("failed to read inventory `{}`", path.display()))?;
    let file: File =
        toml::from_str(&text).with_context(|| format!("invalid inventory `{}`", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let d = &file.defaults;
    let mut hosts: Vec<HostSpec> = Vec::new();
    for h in file.host {
        if !valid_name(&h.name) || h.name == "local" || h.name == "all" {
            bail!(
                "inventory `{}`: host name {:?} is not allowed (letters, digits, `._-`; not `local` or `all`)",
                path.display(),
                h.name
            );
        }
        if let Some(g) = h.groups.iter().find(|g| !valid_name(g)) {
            bail!(
                "inventory `{}`: host {}: group name {g:?} is not allowed",
                path.display(),
                h.name
            );
        }
        if hosts.iter().any(|known| known.name == h.name) {
            bail!(
                "inventory `{}`: host {} is defined twice",
                path.display(),
                h.name
            );
        }
        let identity = h.identity_file.as_deref().or(d.identity_file.as_deref());
        let known = h.known_hosts.as_deref().or(d.known_hosts.as_deref());
        hosts.push(HostSpec {
            address: h.address.unwrap_or_else(|| h.name.clone()),
            port: h.port.or(d.port).unwrap_or(22),
            user: h
                .user
                .or_else(|| d.user.clone())
                .unwrap_or_else(|| "root".into()),
            identity_files: identity
                .map(|p| vec![resolve_path(p, base)])
                .unwrap_or_default(),
            known_hosts: known
                .map(|p| resolve_path(p, base))
                .unwrap_or_else(default_known_hosts),
            jump: h.jump.or_else(|| d.jump.clone()),
            groups: h.groups,
            source: "inventory",
            unsupported: None,
            name: h.name,
        });
    }
    for h in &hosts {
        if let Some(j) = &h.jump {
            if j == &h.name {
                bail!(
                    "inventory `{}`: host {} jumps through itself",
                    path.display(),
                    h.name
                );
            }
        }
    }
    Ok(hosts)
}
