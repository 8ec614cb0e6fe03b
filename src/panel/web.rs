//! Where a panel keeps a domain's own Apache lines, and how it rebuilds the vhosts from them
//! (tasks.md §3; tests/lab/README.md "Web"): each driver's [`Panel::apache_include`]
//! (cPanel's userdata include and `rebuildhttpdconf`, Plesk's `vhost.conf`/`vhost_ssl.conf`
//! and `httpdmng --reconfigure-domain`, DirectAdmin's `.cust_httpd` and `da build
//! rewrite_confs`); without a panel, the vhost's own file (no rebuild).
//!
//! [`Panel::apache_include`]: super::Panel::apache_include

use serde::Serialize;

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
    /// An include file of the panel's, rebuilt by `rebuild` (argv).
    pub fn include(file: String, rebuild: &[&str]) -> Place {
        Place {
            file,
            rebuild: Some(rebuild.iter().map(|s| s.to_string()).collect()),
            include: true,
        }
    }

    pub fn rebuild_cmd(&self) -> Option<Cmd> {
        let argv = self.rebuild.as_ref()?;
        Some(Cmd::new(&argv[0]).args(argv[1..].iter().map(String::as_str)))
    }
}

/// Without a panel: the vhost's own file.
pub fn site(file: &str) -> Place {
    Place {
        file: file.to_string(),
        rebuild: None,
        include: false,
    }
}
