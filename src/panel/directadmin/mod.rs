//! DirectAdmin: users from /usr/local/directadmin/data/users, packaging through the task
//! queue, admin backups, DNS and passwords through its HTTP API.

mod accounts;
mod api;
mod backups;
mod dns;
mod lookup;
mod mailrules;
mod packaging;
mod password;

use super::{web, Backups, Packaging, Panel, Passwords};

pub struct DirectAdmin;

impl Panel for DirectAdmin {
    fn packaging(&self) -> Option<&dyn Packaging> {
        Some(self)
    }

    fn passwords(&self) -> Option<&dyn Passwords> {
        Some(self)
    }

    fn dns(&self) -> Option<&dyn super::dns::Dns> {
        Some(self)
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

    fn mail_rules(&self) -> Option<&dyn super::mailrules::MailRules> {
        Some(self)
    }
}
