//! No control panel: a plain Linux server, whose accounts are its system users. It has no
//! panel tools to package or restore an account and no panel backups, so those capabilities
//! are refused (see [`crate::panel::Unsupported`]).

mod accounts;
mod dns;
mod lookup;
mod mailrules;
mod password;

use super::{web, Backups, Packaging, Panel, Passwords};

pub struct NoPanel;

impl Panel for NoPanel {
    fn packaging(&self) -> Option<&dyn Packaging> {
        None
    }

    fn passwords(&self) -> Option<&dyn Passwords> {
        Some(self)
    }

    fn dns(&self) -> Option<&dyn super::dns::Dns> {
        Some(self)
    }

    fn backups(&self) -> Option<&dyn Backups> {
        None
    }

    fn apache_include(&self, _user: &str, _domain: &str, _https: bool) -> Option<web::Place> {
        None
    }

    fn mail_rules(&self) -> Option<&dyn super::mailrules::MailRules> {
        Some(self)
    }
}
