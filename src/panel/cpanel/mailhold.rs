//! cPanel's hold on an account's outgoing mail: `whmapi1 hold_outgoing_email user=U` and
//! `release_outgoing_email user=U`.

use super::{whmapi1, Cpanel};
use crate::panel::MailHold;
use crate::transport::Cmd;

impl MailHold for Cpanel {
    fn command(&self, account: &str, hold: bool) -> Cmd {
        let function = if hold {
            "hold_outgoing_email"
        } else {
            "release_outgoing_email"
        };
        whmapi1(function).arg(format!("user={account}"))
    }
}
