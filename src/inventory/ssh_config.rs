//! Hosts from ~/.ssh/config through ssh2-config: the explicit (non-wildcard) `Host` names, and
//! the settings for any other name given on the command line. Honoured: HostName, Port, User,
//! IdentityFile, UserKnownHostsFile (the first file), ProxyJump; ProxyCommand is refused
//! (hostops cannot run it). Match blocks and % tokens are not supported by the crate.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use ssh2_config::{ParseRule, SshConfig};

use super::{default_known_hosts, resolve_path, HostSpec};

#[derive(Debug, Default)]
pub struct SshConfigFile {
    config: SshConfig,
    dir: PathBuf,
}

pub fn load(path: &Path) -> Result<SshConfigFile> {
    let mut reader = BufReader::new(
        File::open(path)
            .with_context(|| format!("failed to read ssh config `{}`", path.display()))?,
    );
    let config = SshConfig::default()
        .parse(
            &mut reader,
            ParseRule::ALLOW_UNKNOWN_FIELDS | ParseRule::ALLOW_UNSUPPORTED_FIELDS,
        )
        .with_context(|| format!("invalid ssh config `{}`", path.display()))?;
    Ok(SshConfigFile {
        config,
        dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(),
    })
}

impl SshConfigFile {
    /// The hosts named explicitly by a `Host` line.
    pub fn explicit_hosts(&self) -> Vec<HostSpec> {
        let mut hosts: Vec<HostSpec> = Vec::new();
        for entry in self.config.get_hosts() {
            for clause in &entry.pattern {
                let name = &clause.pattern;
                if clause.negated
                    || name.contains(['*', '?', '!'])
                    || hosts.iter().any(|h| &h.name == name)
                {
                    continue;
                }
                let mut spec = self.spec(name, name);
                spec.groups = vec!["ssh_config".into()];
                hosts.push(spec);
            }
        }
        hosts
    }

    /// The host `name` (inventory name `display`) with the settings ~/.ssh/config gives it.
    pub fn spec(&self, display: &str, name: &str) -> HostSpec {
        let p = self.config.query(name);
        let first = |field: &str| {
            p.unsupported_fields
                .get(field)
                .and_then(|args| args.first())
                .filter(|v| !v.eq_ignore_ascii_case("none"))
                .cloned()
        };
        let jump = p
            .proxy_jump
            .as_ref()
            .map(|hops| hops.join(","))
            .filter(|j| !j.eq_ignore_ascii_case("none") && !j.is_empty());
        let unsupported = match (&jump, first("proxycommand")) {
            (None, Some(command)) => Some(format!(
                "~/.ssh/config gives {name} a ProxyCommand ({command}), which hostops cannot \
                 run: use ProxyJump (or an inventory `jump`) instead"
            )),
            _ => None,
        };
        HostSpec {
            name: display.to_string(),
            address: p.host_name.clone().unwrap_or_else(|| name.to_string()),
            port: p.port.unwrap_or(22),
            user: p.user.clone().unwrap_or_else(crate::identity::operator),
            identity_files: p.identity_file.clone().unwrap_or_default(),
            known_hosts: first("userknownhostsfile")
                .map(|f| resolve_path(&f, &self.dir))
                .unwrap_or_else(default_known_hosts),
            jump,
            groups: Vec::new(),
            source: "ssh_config",
            unsupported,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> SshConfigFile {
        SshConfigFile {
            config: SshConfig::default()
                .parse(
                    &mut text.as_bytes(),
                    ParseRule::ALLOW_UNKNOWN_FIELDS | ParseRule::ALLOW_UNSUPPORTED_FIELDS,
                )
                .unwrap(),
            dir: PathBuf::from("/cfg"),
        }
    }

    #[test]
    fn known_hosts_file_user_port_and_jumps_are_honoured() {
        let c = config(
            "Host web1\n  HostName 10.0.0.1\n  Port 2222\n  User deploy\n  \
             UserKnownHostsFile /srv/kh /srv/kh2\n  ProxyJump bastion,root@10.0.0.9:22\n\
             Host legacy\n  ProxyCommand nc %h %p\nHost *\n  User fallback\n",
        );
        let w = c.spec("web1", "web1");
        assert_eq!(
            (w.address.as_str(), w.port, w.user.as_str()),
            ("10.0.0.1", 2222, "deploy")
        );
        assert_eq!(w.known_hosts, PathBuf::from("/srv/kh"));
        assert_eq!(w.jump.as_deref(), Some("bastion,root@10.0.0.9:22"));
        assert!(w.unsupported.is_none());
        let legacy = c.spec("legacy", "legacy");
        assert!(legacy.unsupported.unwrap().contains("ProxyCommand"));
        assert_eq!(legacy.user, "fallback");
        let names: Vec<String> = c.explicit_hosts().into_iter().map(|h| h.name).collect();
        assert_eq!(names, ["web1", "legacy"]);
    }
}
