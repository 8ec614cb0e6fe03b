//! cPanel packaging: /scripts/pkgacct (without the home directory, which moves as its own
//! stream), /scripts/restorepkg (whose exit code alone does not prove the databases restored),
//! removal with `whmapi1 removeacct`.

use std::sync::LazyLock;

use anyhow::{bail, Result};
use regex::Regex;

use super::{whmapi1, Cpanel};
use crate::panel::tools::last_lines;
use crate::panel::{Account, Accounts, Packaging};
use crate::transport::Cmd;

/// The sentences cPanel's restore (`Whostmgr/Transfers/Systems/Mysql.pm`) prints when a
/// database, a grant or a database user did not restore as it was, names in curly quotes
/// (samples: tests/fixtures/real/cpanel-restorepkg-mysql.txt). A database or user restored
/// under another name counts: the site's configuration still names the old one.
static RESTORE_FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"The system failed to reinstall the MySQL database “[^”]*” as “[^”]*”",
        r"|The system has restored the MySQL (?:database|user) “([^”]*)” as “([^”]*)”",
        r"|The system failed to grant privileges on the database “[^”]*” to the user “[^”]*”",
        r"|The MySQL backup for the database “[^”]*” is empty",
        r"|The system cannot restore the MySQL database “[^”]*”",
        r"|The system cannot grant privileges (?:to the MySQL user|on the MySQL database) “[^”]*”",
    ))
    .expect("valid regex")
});

/// Lines of restorepkg output that mean a database did not restore as it was.
pub fn restore_failures(output: &str) -> Vec<String> {
    output
        .lines()
        .filter(|l| {
            RESTORE_FAILURE.captures(l).is_some_and(|c| {
                // "restored ... as ..." under the same name is no rename.
                !matches!((c.get(1), c.get(2)), (Some(a), Some(b)) if a.as_str() == b.as_str())
            })
        })
        .map(|l| l.trim().to_string())
        .collect()
}

impl Packaging for Cpanel {
    fn streamed_home(&self, account: &Account) -> Option<String> {
        Some(self.data_dir(account))
    }

    /// Metadata and databases only, uncompressed: the home moves as its own stream (as the
    /// Transfer Tool does), and what is left is small enough that gzip costs more time than
    /// it saves.
    fn package_command(&self, account: &Account, dir: &str) -> Cmd {
        Cmd::new("/scripts/pkgacct").args([
            "--skiphomedir",
            "--nocompress",
            account.user.as_str(),
            dir,
        ])
    }

    fn archive_path(&self, account: &Account, dir: &str) -> String {
        format!("{}/cpmove-{}.tar", dir.trim_end_matches('/'), account.user)
    }

    fn snapshot_command(&self, account: &Account, dir: &str) -> (Cmd, String) {
        let dir = dir.trim_end_matches('/');
        (
            Cmd::new("/scripts/pkgacct").args(["--nocompress", account.user.as_str(), dir]),
            format!("{dir}/cpmove-{}.tar", account.user),
        )
    }

    fn packaged(&self, user: &str, output: &str) -> Result<()> {
        if !output.contains("pkgacct completed") {
            bail!("pkgacct {user} did not complete: {}", last_lines(output));
        }
        Ok(())
    }

    fn restore_command(&self, _account: &Account, archive: &str) -> Cmd {
        Cmd::new("/scripts/restorepkg").arg(archive)
    }

    fn restore_over_command(&self, _account: &Account, archive: &str) -> Option<Cmd> {
        Some(Cmd::new("/scripts/restorepkg").args(["--force", archive]))
    }

    fn restored(&self, account: &Account, output: &str) -> Result<()> {
        let failures = restore_failures(output);
        if !failures.is_empty() {
            bail!(
                "restorepkg of {} reported database errors: {}",
                account.user,
                failures.join(" | ")
            );
        }
        Ok(())
    }

    fn remove_command(&self, account: &Account) -> Cmd {
        whmapi1("removeacct").arg(format!("username={}", account.user))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_restorepkg_database_sentences_are_failures() {
        let real = include_str!("../../../tests/fixtures/real/cpanel-restorepkg-mysql.txt");
        let found = restore_failures(real);
        assert_eq!(found.len(), real.lines().count(), "{found:#?}");
        let same = "The system has restored the MySQL database “bob_wp” as “bob_wp”.\n";
        assert!(restore_failures(same).is_empty());
        let progress =
            "The database restoration subprocess for “bob_wp” has opened the SQL archive.\n\
                        Restoring MySQL databases\nAccount Restore Complete\n";
        assert!(restore_failures(progress).is_empty());
    }

    #[test]
    fn restorepkg_database_failures_are_found() {
        let ok = "Restoring MySQL databases\nThe database restoration subprocess for “bob_wp” has closed the SQL archive.\nAccount Restore Complete\n";
        assert!(restore_failures(ok).is_empty());
        let bad = "Restoring MySQL databases\nThe system failed to reinstall the MySQL database “bob_wp” as “bob_wp” because of an error: Got a packet bigger than 'max_allowed_packet' bytes\nAccount Restore Complete\n";
        assert_eq!(restore_failures(bad).len(), 1);
    }
}
