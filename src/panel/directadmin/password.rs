//! DirectAdmin's passwords through its HTTP API (`api.rs`: a login key from `da api-url`, the
//! request on curl's stdin): a mailbox with `CMD_API_POP action=modify` as the domain's
//! owner, the account with `CMD_API_USER_PASSWD` as the admin (DirectAdmin sets the system
//! user's password, which is also the account's own FTP login), an extra FTP login
//! `name@domain` with `CMD_API_FTP action=modify` as the domain's owner, sent again the
//! login's current `type` and path (`custom_val`), read first with `CMD_API_FTP_SHOW`, since
//! DirectAdmin would otherwise move its home; a database user `OWNER_NAME` with the JSON API's
//! `POST api/db-manage/users/USER/change-password` `{"newPassword": ...}` as its owner
//! (DirectAdmin's API overview names the call; the body is directadmin-go's, which one other
//! client sends as `password`: see reference/tasks.md). DirectAdmin's answer to it is read
//! only by its HTTP status (curl `-f`).

use anyhow::{bail, Result};

use super::{api, DirectAdmin};
use crate::panel::answer;
use crate::panel::password::{Feed, Passwords, Reset, Target};
use crate::transport::{self, Transport};

/// The kinds of home DirectAdmin gives an FTP login (`CMD_API_FTP`'s `type`).
const FTP_TYPES: [&str; 4] = ["domain", "ftp", "user", "custom"];

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
        match target {
            Target::Mailbox(_) => true,
            Target::Ftp(login) => login.contains('@'),
            _ => false,
        }
    }

    fn reset(&self, target: &Target, owner: Option<&str>, _tag: &str) -> Option<Reset> {
        Some(match target {
            Target::Account(user) => {
                api_reset("", "CMD_API_USER_PASSWD", vec![pair("username", user)])
            }
            Target::Ftp(login) if !login.contains('@') => {
                api_reset("", "CMD_API_USER_PASSWD", vec![pair("username", login)])
            }
            Target::Ftp(login) => {
                let (name, domain) = login.split_once('@')?;
                api_reset(
                    owner?,
                    "CMD_API_FTP",
                    vec![
                        pair("action", "modify"),
                        pair("domain", domain),
                        pair("user", name),
                    ],
                )
            }
            Target::Mailbox(address) => {
                let (b, d) = address.split_once('@')?;
                api_reset(
                    owner?,
                    "CMD_API_POP",
                    vec![pair("action", "modify"), pair("domain", d), pair("user", b)],
                )
            }
            Target::DbUser(user) => {
                let (owner, _) = user.split_once('_')?;
                Reset {
                    cmd: api::call(
                        owner,
                        &format!("api/db-manage/users/{user}/change-password"),
                        None,
                    ),
                    feed: Feed::Json {
                        key: "newPassword".into(),
                    },
                }
            }
        })
    }

    fn reset_on(
        &self,
        t: &dyn Transport,
        target: &Target,
        owner: Option<&str>,
        tag: &str,
    ) -> Result<Option<Reset>> {
        let Some(mut reset) = self.reset(target, owner, tag) else {
            return Ok(None);
        };
        let (Target::Ftp(login), Some(owner)) = (target, owner) else {
            return Ok(Some(reset));
        };
        let Some((name, domain)) = login.split_once('@') else {
            return Ok(Some(reset));
        };
        let body = answer::form(&[("domain", domain), ("user", name)]);
        let shown = transport::run_ok(t, &api::call(owner, "CMD_API_FTP_SHOW", Some(&body)))?;
        let (kind, path) = ftp_home(&shown.stdout_text(), login)?;
        if let Feed::Form { fields, .. } = &mut reset.feed {
            fields.push(pair("type", &kind));
            fields.push(pair("custom_val", &path));
        }
        Ok(Some(reset))
    }

    fn judged(&self, target: &Target, output: &str) -> Result<()> {
        match target {
            Target::DbUser(_) => Ok(()),
            _ => crate::panel::answer::directadmin(output, None),
        }
    }
}

/// The `type` and `path` of FTP login `login` in `CMD_API_FTP_SHOW`'s answer (url-encoded
/// `fulluser=...&path=...&type=...&user=...`), checked: DirectAdmin's refusal, another login,
/// an unknown type or a path that is not a plain absolute path is an error.
fn ftp_home(shown: &str, login: &str) -> Result<(String, String)> {
    if answer::field(shown, "error").is_some_and(|e| e != "0") {
        answer::directadmin(shown, None)?;
    }
    let get = |k| answer::field(shown, k).unwrap_or_default();
    let (full, kind, path) = (get("fulluser"), get("type"), get("path"));
    if !full.eq_ignore_ascii_case(login) {
        bail!("DirectAdmin has no FTP login {login} (CMD_API_FTP_SHOW answered {full:?})");
    }
    if !FTP_TYPES.contains(&kind.as_str()) {
        bail!("DirectAdmin's FTP login {login} has an unknown type {kind:?}");
    }
    let plain = path.starts_with('/')
        && !path.split('/').any(|p| p == "..")
        && !path.chars().any(char::is_control);
    if !plain {
        bail!("DirectAdmin's FTP login {login} has an unexpected path {path:?}");
    }
    Ok((kind, path))
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

    #[test]
    fn an_extra_ftp_login_keeps_the_home_directadmin_shows() {
        let shown = "fulluser=up%40a.test&path=%2Fhome%2Fbob%2Fdomains%2Fa.test%2Fpublic_html%2Fup&type=custom&user=up";
        assert_eq!(
            ftp_home(shown, "up@a.test").unwrap(),
            (
                "custom".to_string(),
                "/home/bob/domains/a.test/public_html/up".to_string()
            )
        );
        assert!(ftp_home("error=1&text=no%20such%20user", "up@a.test").is_err());
        assert!(ftp_home(&shown.replace("custom", "other"), "up@a.test").is_err());
        assert!(ftp_home(&shown.replace("%2Fhome", "..%2Fhome"), "up@a.test").is_err());
        assert!(ftp_home(shown, "down@a.test").is_err());
        let r = DirectAdmin
            .reset(&Target::Ftp("up@a.test".into()), Some("bob"), "t")
            .unwrap();
        assert_eq!(r.cmd.argv()[4..], ["bob", "CMD_API_FTP"]);
    }

    #[test]
    fn a_database_user_goes_through_its_owner_s_json_api() {
        let r = DirectAdmin
            .reset(&Target::DbUser("bob_wp".into()), None, "t")
            .unwrap();
        assert_eq!(
            r.cmd.argv()[4..],
            ["bob", "api/db-manage/users/bob_wp/change-password"]
        );
        assert_eq!(r.feed.input("p1"), "{\"newPassword\":\"p1\"}\n");
        assert!(DirectAdmin
            .reset(&Target::DbUser("nounderscore".into()), None, "t")
            .is_none());
    }
}
