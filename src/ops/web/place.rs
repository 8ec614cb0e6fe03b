//! Where each panel keeps a domain's own Apache lines, and how it rebuilds the vhosts from
//! them (tasks.md §3; tests/lab/README.md "Web"): cPanel's userdata include and
//! `rebuildhttpdconf`, Plesk's `vhost.conf`/`vhost_ssl.conf` and `httpdmng
//! --reconfigure-domain`, DirectAdmin's `.cust_httpd` and `da build rewrite_confs`; without a
//! panel, the vhost's own file (no rebuild).

use serde::Serialize;

use crate::panel::PanelKind;
use crate::transport::Cmd;

/// The file and its rebuild.
#[derive(Clone, Debug, Serialize)]
pub struct Place {
    pub file: String,
    /// The panel's rebuild (none: the file is read by Apache itself).
    pub rebuild: Option<Vec<String>>,
    /// The file holds directives for the inside of a VirtualHost (an include), not whole
    /// VirtualHost blocks (a site file).
    pub include: bool,
}

impl Place {
    pub fn rebuild_cmd(&self) -> Option<Cmd> {
        let argv = self.rebuild.as_ref()?;
        Some(Cmd::new(&argv[0]).args(argv[1..].iter().map(String::as_str)))
    }
}

/// The place on `kind` for `domain` of account `user`, for port 443 when `https` (where the
/// panel separates them); None without a panel (the vhost's file, known from the server).
pub fn of(kind: PanelKind, user: &str, domain: &str, https: bool) -> Option<Place> {
    let words = |w: &[&str]| Some(w.iter().map(|s| s.to_string()).collect());
    Some(match kind {
        PanelKind::Cpanel => Place {
            file: format!(
                "/etc/apache2/conf.d/userdata/{}/2_4/{user}/{domain}/hostops.conf",
                if https { "ssl" } else { "std" }
            ),
            rebuild: words(&["/usr/local/cpanel/scripts/rebuildhttpdconf"]),
            include: true,
        },
        PanelKind::Plesk => Place {
            file: format!(
                "/var/www/vhosts/system/{domain}/conf/vhost{}.conf",
                if https { "_ssl" } else { "" }
            ),
            rebuild: words(&["plesk", "sbin", "httpdmng", "--reconfigure-domain", domain]),
            include: true,
        },
        PanelKind::Directadmin => Place {
            file: format!("/usr/local/directadmin/data/users/{user}/domains/{domain}.cust_httpd"),
            rebuild: words(&["da", "build", "rewrite_confs"]),
            include: true,
        },
        PanelKind::None => return None,
    })
}

/// Without a panel: the vhost's own file.
pub fn site(file: &str) -> Place {
    Place {
        file: file.to_string(),
        rebuild: None,
        include: false,
    }
}
