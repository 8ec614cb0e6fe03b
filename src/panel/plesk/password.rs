//! Plesk's passwords: its command-line utilities with the password in `PSA_PASSWORD` and an
//! empty `-passwd ''`, as Plesk's documentation says; the variable is read from stdin on the
//! server (sshd refuses most environment requests), so it is never on a command line.

use super::Plesk;
use crate::panel::password::{Feed, Passwords, Reset, Target};
use crate::transport::Cmd;

/// Reads the password into `PSA_PASSWORD` and runs `plesk bin "$@"`.
const PSA_SCRIPT: &str =
    "IFS= read -r PSA_PASSWORD && export PSA_PASSWORD && exec plesk bin \"$@\"";

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
            _ => None,
        }
    }
}
