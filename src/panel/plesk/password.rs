//! Plesk's passwords: its command-line utilities with the password in `PSA_PASSWORD` and an
//! empty `-passwd ''`, as Plesk's documentation says; the variable is read from stdin on the
//! server (sshd refuses most environment requests), so it is never on a command line.
//! Mailboxes with `mail`, a subscription's system user (the account, its FTP and SSH login)
//! with `domain`; additional FTP accounts and database users are not reset yet.

use super::Plesk;
use crate::panel::password::{Feed, Passwords, Reset, Target};
use crate::transport::Cmd;

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

/// `plesk bin UTILITY ARGS... -passwd ''` with the password from stdin.
fn utility(utility: &str, args: &[&str]) -> Reset {
    Reset {
        cmd: Cmd::new("sh")
            .args(["-c", PSA_SCRIPT, "hostops-plesk", utility])
            .args(args.iter().copied())
            .args(["-passwd", ""]),
        feed: Feed::Line,
    }
}

impl Passwords for Plesk {
    fn reset(&self, target: &Target, _owner: Option<&str>, _tag: &str) -> Option<Reset> {
        match target {
            Target::Mailbox(address) => Some(utility("mail", &["-u", address])),
            // A subscription's system user is its account, its main FTP login and its SSH user.
            Target::Account(login) | Target::Ftp(login) => Some(Reset {
                cmd: Cmd::new("sh").args([
                    "-c",
                    SUBSCRIPTION_USER_SCRIPT,
                    "hostops-plesk-subscription",
                    login,
                ]),
                feed: Feed::Line,
            }),
            _ => None,
        }
    }
}
