//! Hosts from ~/.ssh/config (the explicit, non-wildcard `Host` names), through ssh2-config.
//! Match blocks and % tokens are not supported by that crate and are ignored.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use anyhow::{Context as _, Result};
use ssh2_config::{ParseRule, SshConfig};

use super::{default_known_hosts, HostSpec};

pub fn load(path: &Path) -> Result<Vec<HostSpec>> {
    let mut reader = BufReader::new(
        File::open(path)
            .with_context(|| format!("failed to read ssh config `{}`", path.display()))?,
    );
    let config = SshConfig::default()
        .parse(&mut reader, ParseRule::ALLOW_UNKNOWN_FIELDS)
        .with_context(|| format!("invalid ssh config `{}`", path.display()))?;
    let mut hosts = Vec::new();
    for entry in config.get_hosts() {
        for clause in &entry.pattern {
            let name = &clause.pattern;
            if clause.negated
                || name.contains(['*', '?', '!'])
                || hosts.iter().any(|h: &HostSpec| &h.name == name)
            {
                continue;
            }
            let p = config.query(name);
            hosts.push(HostSpec {
                name: name.clone(),
                address: p.host_name.clone().unwrap_or_else(|| name.clone()),
                port: p.port.unwrap_or(22),
                user: p.user.clone().unwrap_or_else(crate::identity::operator),
                identity_files: p.identity_file.clone().unwrap_or_default(),
                known_hosts: default_known_hosts(),
                jump: p.proxy_jump.as_ref().and_then(|j| j.first().cloned()),
                groups: vec!["ssh_config".into()],
                source: "ssh_config",
            });
        }
    }
    Ok(hosts)
}
