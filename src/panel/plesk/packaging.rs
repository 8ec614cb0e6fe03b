//! Plesk packaging: pleskbackup and pleskrestore at the domains level, removal with
//! `subscription --remove`.

use super::{plesk_bin, subscription, Plesk};
use crate::panel::{Account, Packaging};
use crate::transport::Cmd;

impl Packaging for Plesk {
    fn package_command(&self, account: &Account, dir: &str) -> Cmd {
        plesk_bin("pleskbackup").args([
            "--domains-name",
            subscription(account),
            &format!("--output-file={}", self.archive_path(account, dir)),
        ])
    }

    fn archive_path(&self, account: &Account, dir: &str) -> String {
        format!(
            "{}/{}.tar",
            dir.trim_end_matches('/'),
            subscription(account)
        )
    }

    fn restore_command(&self, account: &Account, archive: &str) -> Cmd {
        plesk_bin("pleskrestore").args([
            "--restore",
            archive,
            "-level",
            "domains",
            "-filter",
            &format!("list:{}", subscription(account)),
        ])
    }

    fn remove_command(&self, account: &Account) -> Cmd {
        plesk_bin("subscription").args(["--remove", subscription(account)])
    }
}
