//! Plesk: a hosting account is a subscription, named by its main domain; subscriptions from
//! `plesk bin subscription`, packaging with pleskbackup and pleskrestore, backups in the local
//! repository.

mod accounts;
mod backups;
mod dns;
mod lookup;
mod packaging;
mod password;

use super::{web, Account, Backups, Packaging, Panel, Passwords};
use crate::transport::Cmd;

pub struct Plesk;

impl Panel for Plesk {
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

    fn apache_include(&self, _user: &str, domain: &str, https: bool) -> Option<web::Place> {
        let ssl = if https { "_ssl" } else { "" };
        Some(web::Place::include(
            format!("/var/www/vhosts/system/{domain}/conf/vhost{ssl}.conf"),
            &["plesk", "sbin", "httpdmng", "--reconfigure-domain", domain],
        ))
    }
}

const MAILNAMES: &str = "/var/qmail/mailnames";
const VHOSTS: &str = "/var/www/vhosts";

fn plesk_bin(utility: &str) -> Cmd {
    Cmd::new("plesk").args(["bin", utility])
}

fn subscription(account: &Account) -> &str {
    account
        .domains
        .first()
        .map(String::as_str)
        .unwrap_or(&account.user)
}
