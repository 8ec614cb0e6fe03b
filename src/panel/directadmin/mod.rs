//! DirectAdmin: users from /usr/local/directadmin/data/users, packaging through the task
//! queue, admin backups.

mod accounts;
mod backups;
mod lookup;
mod packaging;

use super::{Backups, Packaging, Panel, Passwords};

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
}
