//! cPanel/WHM: accounts from `whmapi1 listaccts` and /etc/userdatadomains, packaging with
//! /scripts/pkgacct and /scripts/restorepkg, backups under /backup.

mod accounts;
mod backups;
mod dns;
mod lookup;
mod mailhold;
mod mailrules;
mod packaging;
mod password;

use super::{web, Backups, Packaging, Panel, Passwords};
use crate::transport::Cmd;

pub struct Cpanel;

impl Panel for Cpanel {
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

    fn apache_include(&self, user: &str, domain: &str, https: bool) -> Option<web::Place> {
        let kind = if https { "ssl" } else { "std" };
        Some(web::Place::include(
            format!("/etc/apache2/conf.d/userdata/{kind}/2_4/{user}/{domain}/hostops.conf"),
            &["/usr/local/cpanel/scripts/rebuildhttpdconf"],
        ))
    }

    fn mail_hold(&self) -> Option<&dyn super::MailHold> {
        Some(self)
    }

    fn mail_rules(&self) -> Option<&dyn super::mailrules::MailRules> {
        Some(self)
    }
}

fn whmapi1(function: &str) -> Cmd {
    Cmd::new("whmapi1").args(["--output=json", function])
}
