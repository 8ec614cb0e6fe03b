//! Password resets through a panel's own documented interface: what is reset (a [`Target`]),
//! the one command that does it with the secret on its stdin (never on a command line), and
//! how the panel's answer is read. Each driver's part is `src/panel/<driver>/password.rs`.

use anyhow::Result;
use serde::Serialize;

use super::answer;
use crate::host::mysql;
use crate::transport::{Cmd, Transport};

/// Whose password is reset. Names are checked before they get here (`ops::password`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum Target {
    /// A hosting account (its system user, panel login and SSH).
    Account(String),
    /// A mailbox `box@domain`.
    Mailbox(String),
    /// An FTP login.
    Ftp(String),
    /// A MySQL/MariaDB user.
    DbUser(String),
}

impl Target {
    pub fn name(&self) -> &str {
        match self {
            Target::Account(n) | Target::Mailbox(n) | Target::Ftp(n) | Target::DbUser(n) => n,
        }
    }

    /// What kind of login it is, in words: `account`, `mailbox`, `FTP user`, `database user`.
    pub fn kind(&self) -> &'static str {
        match self {
            Target::Account(_) => "account",
            Target::Mailbox(_) => "mailbox",
            Target::Ftp(_) => "FTP user",
            Target::DbUser(_) => "database user",
        }
    }

    /// `mailbox info@example.com`, for plans and reports.
    pub fn describe(&self) -> String {
        format!("{} {}", self.kind(), self.name())
    }
}

/// What the reset command reads on its stdin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Feed {
    /// The password and a newline (read on the server with `IFS= read -r`).
    Line,
    /// An `application/x-www-form-urlencoded` body of these fields and then `KEY=PASSWORD`,
    /// as one line (a panel's HTTPS API, read into curl's configuration on the server).
    Form {
        fields: Vec<(String, String)>,
        key: String,
    },
    /// A JSON object `{"KEY":"PASSWORD"}` as one line, every character but ASCII letters and
    /// digits written as a `\uXXXX` escape (a panel's JSON API; nothing in it needs quoting
    /// in curl's configuration, nor breaks out of its line).
    Json { key: String },
    /// `ALTER USER 'USER'@'HOST' IDENTIFIED BY 'PASSWORD'` for each of the user's hosts, as
    /// SQL on the MySQL client's stdin (quoted by [`crate::host::mysql`]).
    Sql { user: String, hosts: Vec<String> },
}

impl Feed {
    /// The stdin for `password`.
    pub fn input(&self, password: &str) -> String {
        match self {
            Feed::Line => format!("{password}\n"),
            Feed::Form { fields, key } => {
                let mut body: Vec<String> = fields
                    .iter()
                    .map(|(k, v)| format!("{}={}", answer::form_value(k), answer::form_value(v)))
                    .collect();
                body.push(format!(
                    "{}={}",
                    answer::form_value(key),
                    answer::form_value(password)
                ));
                format!("{}\n", body.join("&"))
            }
            Feed::Json { key } => format!("{{{}:{}}}\n", json_escaped(key), json_escaped(password)),
            Feed::Sql { user, hosts } => hosts
                .iter()
                .map(|h| {
                    format!(
                        "ALTER USER {}@{} IDENTIFIED BY {};\n",
                        mysql::literal(user),
                        mysql::literal(h),
                        mysql::literal(password)
                    )
                })
                .collect(),
        }
    }
}

/// `text` as a JSON string of ASCII letters, digits and `\uXXXX` escapes (UTF-16 units).
fn json_escaped(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out.push('"');
    out
}

/// One reset on one host: the command (its stdin made from [`Feed`]).
#[derive(Clone, Debug)]
pub struct Reset {
    pub cmd: Cmd,
    pub feed: Feed,
}

/// A panel's password interface.
pub trait Passwords: Send + Sync {
    /// Whether the reset of `target` needs the account that holds it (a mailbox's owner for a
    /// panel API that runs as the account).
    fn needs_owner(&self, _target: &Target) -> bool {
        false
    }

    /// The command that sets `target`'s password (`owner`: the account holding it, where
    /// [`Passwords::needs_owner`]; `tag`: a name unique to this run, for short-lived API
    /// tokens); None where hostops does not reset such a target on this panel.
    fn reset(&self, target: &Target, owner: Option<&str>, tag: &str) -> Option<Reset>;

    /// [`Passwords::reset`] on the host `t`, for a panel whose call needs what only the
    /// server knows (Plesk: the database a user belongs to, whether an FTP login is a
    /// subscription's or an additional one; DirectAdmin: an extra FTP login's type and home,
    /// sent again). Reads only.
    fn reset_on(
        &self,
        _t: &dyn Transport,
        target: &Target,
        owner: Option<&str>,
        tag: &str,
    ) -> Result<Option<Reset>> {
        Ok(self.reset(target, owner, tag))
    }

    /// Whether a provided password equal to `target`'s current one is refused (exit 2): found
    /// out before any change with the same real login that verifies the reset, for a panel
    /// whose own call takes the current password again without a word.
    fn refuses_reuse(&self, _target: &Target) -> bool {
        false
    }

    /// Judges the reset command's output (its exit status already checked): the panel's own
    /// refusal as an error.
    fn judged(&self, _target: &Target, _output: &str) -> Result<()> {
        Ok(())
    }
}

/// The panel-agnostic reset of a system user (an account or FTP login that is one, on
/// panels without their own call): `chpasswd` fed `USER:PASSWORD` on stdin, built on the
/// server from the password line.
pub fn chpasswd(user: &str) -> Reset {
    Reset {
        cmd: Cmd::new("sh").args([
            "-c",
            "IFS= read -r pw && printf '%s:%s\\n' \"$1\" \"$pw\" | chpasswd",
            "hostops-chpasswd",
            user,
        ]),
        feed: Feed::Line,
    }
}

/// The panel-agnostic reset of a MySQL/MariaDB user on each of its `hosts`: SQL on the
/// client's stdin.
pub fn alter_user(user: &str, hosts: Vec<String>) -> Reset {
    Reset {
        cmd: mysql::client(),
        feed: Feed::Sql {
            user: user.to_string(),
            hosts,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_body_is_percent_encoded_so_nothing_breaks_out_of_its_line_or_quotes() {
        let feed = Feed::Form {
            fields: vec![("email".into(), "info".into())],
            key: "password".into(),
        };
        assert_eq!(
            feed.input("a\"b\\c d&e=f\n"),
            "email=info&password=a%22b%5Cc+d%26e%3Df%0A\n"
        );
        assert_eq!(Feed::Line.input("pw"), "pw\n");
    }

    #[test]
    fn a_json_body_escapes_everything_but_letters_and_digits() {
        let feed = Feed::Json {
            key: "newPassword".into(),
        };
        let body = feed.input("a\"b\\ c\n😀");
        assert_eq!(
            body,
            "{\"newPassword\":\"a\\u0022b\\u005c\\u0020c\\u000a\\ud83d\\ude00\"}\n"
        );
        let v: serde_json::Value = serde_json::from_str(body.trim()).unwrap();
        assert_eq!(v["newPassword"], "a\"b\\ c\n😀");
    }

    #[test]
    fn sql_quotes_the_user_its_hosts_and_the_password_as_literals() {
        let reset = alter_user("bo'b", vec!["localhost".into(), "%".into()]);
        assert_eq!(reset.cmd.program(), "mysql");
        assert_eq!(
            reset.feed.input("x';DROP USER root;--\\"),
            "ALTER USER 'bo''b'@'localhost' IDENTIFIED BY 'x'';DROP USER root;--\\\\';\n\
             ALTER USER 'bo''b'@'%' IDENTIFIED BY 'x'';DROP USER root;--\\\\';\n"
        );
    }
}
