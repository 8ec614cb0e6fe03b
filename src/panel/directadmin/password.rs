//! DirectAdmin's passwords through its HTTP API (`api.rs`: a login key from `da api-url`, the
//! request on curl's stdin): a mailbox with `CMD_API_POP action=modify` as the domain's
//! owner, the account with `CMD_API_USER_PASSWD` as the admin (DirectAdmin sets the system
//! user's password, which is also the account's own FTP login). A database user gets
//! `ALTER USER` on the MySQL client's stdin: the sources the reference names disagree on the
//! body of DirectAdmin's database-user call. An extra FTP login `user@domain` is not reset:
//! `CMD_API_FTP action=modify` must be sent the login's current type and path, which hostops
//! does not read yet.

use anyhow::Result;

use super::{api, DirectAdmin};
use crate::panel::password::{self, Feed, Passwords, Reset, Target};

fn pair(k: &str, v: &str) -> (String, String) {
    (k.to_string(), v.to_string())
}

/// The call `path` as `user` with the form `fields` and the password as `passwd` (and
/// `passwd2`, added on the server).
fn api_reset(user: &str, path: &str, fields: Vec<(String, String)>) -> Reset {
    Reset {
        cmd: api::call(user, path, None),
        feed: Feed::Form {
            fields,
            key: "passwd".into(),
        },
    }
}

impl Passwords for DirectAdmin {
    fn needs_owner(&self, target: &Target) -> bool {
        matches!(target, Target::Mailbox(_))
    }

    fn reset(&self, target: &Target, owner: Option<&str>, _tag: &str) -> Option<Reset> {
        Some(match target {
            Target::Account(user) => {
                api_reset("", "CMD_API_USER_PASSWD", vec![pair("username", user)])
            }
            Target::Ftp(login) if !login.contains('@') => {
                api_reset("", "CMD_API_USER_PASSWD", vec![pair("username", login)])
            }
            Target::Ftp(_) => return None,
            Target::Mailbox(address) => {
                let (b, d) = address.split_once('@')?;
                api_reset(
                    owner?,
                    "CMD_API_POP",
                    vec![pair("action", "modify"), pair("domain", d), pair("user", b)],
                )
            }
            Target::DbUser(user) => password::alter_user(user, Vec::new()),
        })
    }

    fn judged(&self, target: &Target, output: &str) -> Result<()> {
        match target {
            Target::DbUser(_) => Ok(()),
            _ => crate::panel::answer::directadmin(output, None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mailbox_goes_through_the_owner_s_pop_call_with_the_password_on_stdin() {
        let r = DirectAdmin
            .reset(&Target::Mailbox("info@a.test".into()), Some("bob"), "t")
            .unwrap();
        assert_eq!(r.cmd.argv()[4..], ["bob", "CMD_API_POP"]);
        assert_eq!(
            r.feed.input("p&w"),
            "action=modify&domain=a.test&user=info&passwd=p%26w\n"
        );
        assert!(DirectAdmin
            .reset(&Target::Ftp("x@a.test".into()), None, "t")
            .is_none());
    }
}
