//! Plesk's passwords: its command-line utilities with the password in `PSA_PASSWORD` and an
//! empty `-passwd ''`, as Plesk's documentation says; the variable is read from stdin on the
//! server (sshd refuses most environment requests), so it is never on a command line.
//! Mailboxes with `mail`, a subscription's system user (the account, its FTP and SSH login)
//! with `domain`, an additional FTP account with `ftpsubaccount`, a database user with
//! `database -u DB -update_user LOGIN` (the forms of Plesk's own mass reset script,
//! plesk/kb-scripts plesk-password-changer.php).

use anyhow::{bail, Result};

use super::accounts::login_of;
use super::{plesk_bin, Plesk, VHOSTS};
use crate::exit::StatusError;
use crate::host::mysql;
use crate::host::zone::is_domain_name;
use crate::panel::password::{Feed, Passwords, Reset, Target};
use crate::panel::query;
use crate::transport::{self, Cmd, Transport};

/// Reads the password into `PSA_PASSWORD` and runs `plesk bin "$@"`.
const PSA_SCRIPT: &str =
    "IFS= read -r PSA_PASSWORD && export PSA_PASSWORD && exec plesk bin \"$@\"";

/// The subscription whose system user is `$1` (its home is `/var/www/vhosts/DOMAIN`): its
/// password (FTP and SSH) with `plesk bin domain -u DOMAIN -passwd ''`, PSA_PASSWORD from stdin.
const SUBSCRIPTION_USER_SCRIPT: &str = r#"IFS= read -r PSA_PASSWORD && export PSA_PASSWORD
home=$(getent passwd "$1" | cut -d: -f6)
case $home in
  /var/www/vhosts/?*) ;;
  *) echo "hostops: $1 is not the system user of a subscription (home $home)" >&2; exit 1 ;;
esac
exec plesk bin domain -u "${home##*/}" -passwd ''"#;

/// `plesk bin UTILITY ARGS... -passwd '' AFTER...` with the password from stdin.
fn utility(utility: &str, args: &[&str], after: &[&str]) -> Reset {
    Reset {
        cmd: Cmd::new("sh")
            .args(["-c", PSA_SCRIPT, "hostops-plesk", utility])
            .args(args.iter().copied())
            .args(["-passwd", ""])
            .args(after.iter().copied()),
        feed: Feed::Line,
    }
}

/// The subscription (its domain) whose files hold `home`: `/var/www/vhosts/DOMAIN[/...]`.
fn subscription_of_home(home: &str) -> Option<&str> {
    let rest = home.strip_prefix(VHOSTS)?.strip_prefix('/')?;
    let domain = rest.split('/').next()?;
    (domain != "system" && is_domain_name(domain)).then_some(domain)
}

/// `login`'s FTP reset: the subscription's own system user with `domain -u DOMAIN`, an
/// additional FTP account (a system user whose home is in the subscription, sharing its UID)
/// with `ftpsubaccount -u LOGIN -passwd '' -domain DOMAIN`.
fn ftp_reset(t: &dyn Transport, login: &str) -> Result<Reset> {
    let out = transport::run(t, &Cmd::new("getent").args(["passwd", login]), None, None)?;
    let line = out.stdout_text();
    let home = line.lines().next().and_then(|l| l.split(':').nth(5));
    let Some(domain) = home.and_then(subscription_of_home) else {
        bail!(StatusError::refused(format!(
            "{login} is no FTP login of a Plesk subscription (no system user with a home under {VHOSTS})"
        )));
    };
    let info = query(t, plesk_bin("subscription").args(["--info", domain]))?;
    Ok(if login_of(&info).as_deref() == Some(login) {
        utility("domain", &["-u", domain], &[])
    } else {
        utility("ftpsubaccount", &["-u", login], &["-domain", domain])
    })
}

/// The database a grant of `mysql.db` names (`_` and `%` escaped there as `\_`, `\%`); None
/// for a pattern (a grant on several databases).
fn granted_database(db: &str) -> Option<String> {
    let name = db.replace("\\_", "_");
    (!name.contains('%') && !name.contains('\\') && !name.is_empty()).then_some(name)
}

/// `user`'s reset with `database -u DB -update_user USER`: DB, a database the user has a
/// grant on (Plesk grants its users their databases).
fn db_user_reset(t: &dyn Transport, user: &str) -> Result<Reset> {
    let sql = format!(
        "SELECT DISTINCT Db FROM mysql.db WHERE User = {} ORDER BY Db",
        mysql::literal(user)
    );
    let db = mysql::rows(t, &sql)?
        .into_iter()
        .filter_map(|r| r.into_iter().next())
        .find_map(|d| granted_database(&d));
    let Some(db) = db else {
        bail!(StatusError::refused(format!(
            "there is no database user {user} with a database on this server"
        )));
    };
    Ok(utility("database", &["-u", &db, "-update_user", user], &[]))
}

impl Passwords for Plesk {
    fn reset(&self, target: &Target, _owner: Option<&str>, _tag: &str) -> Option<Reset> {
        match target {
            Target::Mailbox(address) => Some(utility("mail", &["-u", address], &[])),
            // A subscription's system user is its account, its main FTP login and its SSH user.
            Target::Account(login) => Some(Reset {
                cmd: Cmd::new("sh").args([
                    "-c",
                    SUBSCRIPTION_USER_SCRIPT,
                    "hostops-plesk-subscription",
                    login,
                ]),
                feed: Feed::Line,
            }),
            // Which call resets these depends on the server: `reset_on`.
            Target::Ftp(_) | Target::DbUser(_) => None,
        }
    }

    /// Plesk's utilities set the current password again without a word (its documentation
    /// names no refusal), so hostops finds a reuse out with a real login first.
    fn refuses_reuse(&self, _target: &Target) -> bool {
        true
    }

    fn reset_on(
        &self,
        t: &dyn Transport,
        target: &Target,
        owner: Option<&str>,
        tag: &str,
    ) -> Result<Option<Reset>> {
        match target {
            Target::Ftp(login) => ftp_reset(t, login).map(Some),
            Target::DbUser(user) => db_user_reset(t, user).map(Some),
            _ => Ok(self.reset(target, owner, tag)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subscription_of_an_ftp_home() {
        assert_eq!(
            subscription_of_home("/var/www/vhosts/shop.example"),
            Some("shop.example")
        );
        assert_eq!(
            subscription_of_home("/var/www/vhosts/shop.example/httpdocs/up"),
            Some("shop.example")
        );
        for bad in [
            "/var/www/vhosts",
            "/var/www/vhosts/",
            "/var/www/vhosts/system/shop.example",
            "/var/www/vhostsx/shop.example",
            "/home/bob",
            "/var/www/vhosts/-rf",
        ] {
            assert_eq!(subscription_of_home(bad), None, "{bad}");
        }
    }

    #[test]
    fn grants_name_one_database_or_a_pattern() {
        assert_eq!(granted_database("bob\\_wp").as_deref(), Some("bob_wp"));
        assert_eq!(granted_database("bob_wp").as_deref(), Some("bob_wp"));
        assert_eq!(granted_database("bob\\_%"), None);
        assert_eq!(granted_database("bob%"), None);
        assert_eq!(granted_database(""), None);
    }

    #[test]
    fn the_documented_forms_with_the_password_from_stdin() {
        let line = |r: Reset| r.cmd.argv()[4..].join(" ");
        assert_eq!(
            line(utility(
                "ftpsubaccount",
                &["-u", "up"],
                &["-domain", "d.example"]
            )),
            "ftpsubaccount -u up -passwd  -domain d.example"
        );
        assert_eq!(
            line(utility("database", &["-u", "db", "-update_user", "u"], &[])),
            "database -u db -update_user u -passwd "
        );
    }
}
