//! Which hosts exist and how to reach them: the hostops TOML inventory, the explicit `Host`
//! entries of ~/.ssh/config, the built-in host `local`, and ad-hoc hosts (`user@IP:port`, ...)
//! named on the command line. The one place a HOST argument becomes a host, and a host's
//! jump hosts a route.

mod adhoc;
mod file;
mod ssh_config;

use std::net::ToSocketAddrs;
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
    /// Where this host was defined: `inventory`, `ssh_config`, `adhoc` or `builtin`.
    pub source: &'static str,
    /// Why hostops cannot connect to it as configured (a ProxyCommand), if so.
    #[serde(skip)]
    pub unsupported: Option<String>,
}

impl HostSpec {
    pub fn is_local(&self) -> bool {
        self.source == "builtin" && self.name == LOCAL
    }
}

#[derive(Debug, Default)]
pub struct Inventory {
    pub hosts: Vec<HostSpec>,
    ssh_config: Option<ssh_config::SshConfigFile>,
}

/// The longest chain of jump hosts followed before giving up.
const MAX_JUMPS: usize = 8;

impl Inventory {
    /// Loads the inventory file (if any) and ~/.ssh/config (if it exists); `local` is always there.
    pub fn load(inventory: Option<&Path>, ssh_config: Option<&Path>) -> Result<Inventory> {
        let mut hosts = vec![local_host()];
        if let Some(path) = inventory {
            hosts.extend(file::load(path)?);
        }
        let ssh_config = match ssh_config.filter(|p| p.exists()) {
            Some(path) => Some(ssh_config::load(path)?),
            None => None,
        };
        for h in ssh_config.iter().flat_map(|c| c.explicit_hosts()) {
            if !hosts.iter().any(|known| known.name == h.name) {
                hosts.push(h);
            }
        }
        Ok(Inventory { hosts, ssh_config })
    }

    pub fn get(&self, name: &str) -> Option<&HostSpec> {
        self.hosts.iter().find(|h| h.name == name)
    }

    /// Resolves host names and group names (`all` is every host but `local`) to hosts,
    /// each once, in the order given.
    pub fn select(&self, names: &[String]) -> Result<Vec<HostSpec>, StatusError> {
        let mut out: Vec<HostSpec> = Vec::new();
        for name in names {
            let mut matched: Vec<HostSpec> = match self.get(name) {
                Some(h) => vec![h.clone()],
                None => self
                    .hosts
                    .iter()
                    .filter(|h| {
                        h.groups.iter().any(|g| g == name) || (name == "all" && !h.is_local())
                    })
                    .cloned()
                    .collect(),
            };
            if matched.is_empty() {
                matched.push(self.adhoc(name, true)?);
            }
            for h in matched {
                if let Some(why) = &h.unsupported {
                    return Err(StatusError::usage(format!("host {}: {why}", h.name)));
                }
                // A jump loop or an unusable jump host is a usage error before any connection.
                self.route(&h)?;
                if !out.iter().any(|o| o.name == h.name) {
                    out.push(h);
                }
            }
        }
        Ok(out)
    }

    /// A host the inventory does not define, as ssh would take `name` (~/.ssh/config applies
    /// to its host part). `resolve`: a DNS name must resolve here (not for a host reached
    /// through a jump host, which resolves it itself).
    fn adhoc(&self, name: &str, resolve: bool) -> Result<HostSpec, StatusError> {
        let unknown = |why: String| {
            StatusError::usage(format!(
                "unknown host or group `{name}`: {why}. Known hosts are {}; add it to the \
                 inventory (--inventory FILE) or to ~/.ssh/config, or name it as ssh would \
                 (IP, name, user@host, host:port, [IPv6]:port)",
                self.names_preview()
            ))
        };
        let Some(a) = adhoc::parse(name) else {
            return Err(unknown("not a host name or address".into()));
        };
        let mut spec = match &self.ssh_config {
            Some(c) => c.spec(name, &a.host),
            None => HostSpec {
                name: name.to_string(),
                address: a.host.clone(),
                port: 22,
                user: crate::identity::operator(),
                identity_files: Vec::new(),
                known_hosts: default_known_hosts(),
                jump: None,
                groups: Vec::new(),
                source: "adhoc",
                unsupported: None,
            },
        };
        spec.source = "adhoc";
        spec.groups = Vec::new();
        spec.user = a.user.clone().unwrap_or(spec.user);
        spec.port = a.port.unwrap_or(spec.port);
        if resolve && spec.jump.is_none() && spec.address.parse::<std::net::IpAddr>().is_err() {
            if let Err(e) = (spec.address.as_str(), spec.port).to_socket_addrs() {
                return Err(unknown(format!(
                    "`{}` does not resolve ({e})",
                    spec.address
                )));
            }
        }
        Ok(spec)
    }

    /// The jump hosts to go through to reach `host`, first hop first: its `jump` (a list
    /// `a,b` as in ProxyJump: through a, then b), and each jump host's own jump in turn.
    pub fn route(&self, host: &HostSpec) -> Result<Vec<HostSpec>, StatusError> {
        let mut chain: Vec<HostSpec> = Vec::new();
        let mut next = host.jump.clone();
        while let Some(list) = next {
            let hops: Vec<&str> = list.split(',').map(str::trim).collect();
            let (last, before) = hops.split_last().expect("split yields one item");
            let hop = match self.get(last) {
                Some(h) if h.is_local() => {
                    return Err(StatusError::usage(format!(
                        "host {}: `local` cannot be a jump host",
                        host.name
                    )))
                }
                Some(h) => h.clone(),
                None => self.adhoc(last, false)?,
            };
            if let Some(why) = &hop.unsupported {
                return Err(StatusError::usage(format!("jump host {}: {why}", hop.name)));
            }
            let seen = std::iter::once(host).chain(&chain);
            if seen.clone().any(|h| h.name == hop.name) || chain.len() >= MAX_JUMPS {
                let names: Vec<&str> = seen
                    .map(|h| h.name.as_str())
                    .chain([hop.name.as_str()])
                    .collect();
                return Err(StatusError::usage(format!(
                    "host {}: its jump hosts loop ({}): fix `jump` in the inventory or \
                     ProxyJump in ~/.ssh/config",
                    host.name,
                    names.join(" -> ")
                )));
            }
            next = if before.is_empty() {
                hop.jump.clone()
            } else {
                Some(before.join(","))
            };
            chain.push(hop);
        }
        chain.reverse();
        Ok(chain)
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
        unsupported: None,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn inventory(toml: &str, ssh_config: &str) -> (tempfile::TempDir, Inventory) {
        let dir = tempfile::tempdir().unwrap();
        let (inv, cfg) = (dir.path().join("inv.toml"), dir.path().join("config"));
        std::fs::write(&inv, toml).unwrap();
        std::fs::write(&cfg, ssh_config).unwrap();
        let loaded = Inventory::load(Some(&inv), Some(&cfg)).unwrap();
        (dir, loaded)
    }

    fn route(inv: &Inventory, name: &str) -> Result<Vec<String>, String> {
        let host = inv.select(&[name.to_string()]).map_err(|e| e.to_string())?;
        inv.route(&host[0])
            .map(|r| r.into_iter().map(|h| h.name).collect())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_jump_hosts_own_jump_is_followed_and_loops_are_refused() {
        let (_d, inv) = inventory(
            "[[host]]\nname = \"a\"\naddress = \"10.0.0.1\"\njump = \"b\"\n\
             [[host]]\nname = \"b\"\naddress = \"10.0.0.2\"\njump = \"c\"\n\
             [[host]]\nname = \"c\"\naddress = \"10.0.0.3\"\n\
             [[host]]\nname = \"x\"\naddress = \"10.0.0.4\"\njump = \"y\"\n\
             [[host]]\nname = \"y\"\naddress = \"10.0.0.5\"\njump = \"x\"\n",
            "Host cfg1\n  HostName 10.0.0.6\n  ProxyJump c,root@10.0.0.7:2222\n\
             Host old\n  ProxyCommand nc %h %p\n",
        );
        assert_eq!(route(&inv, "a").unwrap(), ["c", "b"]);
        assert_eq!(route(&inv, "cfg1").unwrap(), ["c", "root@10.0.0.7:2222"]);
        let err = route(&inv, "x").unwrap_err();
        assert!(err.contains("loop (x -> y -> x)"), "{err}");
        let err = route(&inv, "old").unwrap_err();
        assert!(err.contains("ProxyCommand"), "{err}");
    }

    #[test]
    fn adhoc_hosts_are_taken_as_ssh_takes_them() {
        let (_d, inv) = inventory(
            "[[host]]\nname = \"h1\"\naddress = \"10.0.0.1\"\n",
            "Host 10.0.0.9\n  User deploy\n  Port 2200\n",
        );
        let h = &inv.select(&["root@10.0.0.8:2222".into()]).unwrap()[0];
        assert_eq!(
            (h.address.as_str(), h.port, h.user.as_str(), h.source),
            ("10.0.0.8", 2222, "root", "adhoc")
        );
        let h = &inv.select(&["10.0.0.9".into()]).unwrap()[0];
        assert_eq!(
            (h.port, h.user.as_str()),
            (2200, "deploy"),
            "~/.ssh/config applies"
        );
        for bad in [
            "no-such-host.invalid",
            "; touch /tmp/x",
            "-oProxyCommand=id",
        ] {
            let e = inv.select(&[bad.to_string()]).unwrap_err().to_string();
            assert!(e.contains(&format!("unknown host or group `{bad}`")), "{e}");
        }
    }
}
