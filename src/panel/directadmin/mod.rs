//! DirectAdmin: users from /usr/local/directadmin/data/users, packaging through the task
//! queue, admin backups.

mod accounts;
mod backups;
mod lookup;
mod packaging;

use super::{web, Backups, Packaging, Panel, Passwords};

pub struct DirectAdmin;

impl Panel for DirectAdmin {
    fn packaging(&self) -> Option<&dyn Packaging> {
        Some(self)
    }

    fn passwords(&self) -> Option<&dyn Passwords> {
        None
    }

    fn dns(&self) -> Option<&dyn super::dns::Dns> {
        None
    }

    fn backups(&self) -> Option<&dyn Backups> {
        Some(self)
    }

    fn apache_include(&self, user: &str, domain: &str, _https: bool) -> Option<web::Place> {
        Some(web::Place::include(
            format!("/usr/local/directadmin/data/users/{user}/domains/{domain}.cust_httpd"),
            &["da", "build", "rewrite_confs"],
        ))
    }
}
