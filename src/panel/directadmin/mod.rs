//! DirectAdmin: users from /usr/local/directadmin/data/users, packaging through the task
//! queue, admin backups, DNS and passwords through its HTTP API.

mod accounts;
mod api;
mod backups;
mod dns;
mod lookup;
mod packaging;
mod password;

pub(crate) use api::judge;

use super::{Backups, Packaging, Panel, Passwords};

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
}
