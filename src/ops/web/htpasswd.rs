//! `hostops web htpasswd DOMAIN FILE --user NAME (--generate | --stdin)`: adds or resets one
//! entry of a password file with bcrypt. The password is a [`Secret`]: generated here or read
//! from this machine's stdin, sent on the server command's stdin, never on a command line, in
//! the plan, the journal or the JSON. On the server (`htpasswd.sh`, shown whole in the plan:
//! `$1` the file, `$2` the user, the password the first line of stdin) `htpasswd -i -B`
//! runs as the owner of the file (of its directory when it is created), so a customer's
//! symlink never makes root write elsewhere; a symlink itself is refused.

use std::sync::Arc;

use anyhow::{bail, Context as _, Result};
use serde::Serialize;

use super::config::domain;
use crate::app::change::{Action, Change, Plan, Work};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::host::kv;
use crate::ops::password;
use crate::panel::lookup::lines;
use crate::secret::Secret;
use crate::transport::{self, Cmd, Transport};

const SCRIPT: &str = include_str!("htpasswd.sh");

/// Where the password comes from.
pub enum Source {
    Generate,
    Stdin,
}

pub struct Htpasswd {
    t: Arc<dyn Transport>,
    plan: Plan,
    cmd: Cmd,
    secret: Secret,
    generated: bool,
    host: String,
    file: String,
    user: String,
}

#[derive(Serialize)]
pub struct HtpasswdReport {
    pub host: String,
    pub file: String,
    pub user: String,
    /// The file did not exist and was created.
    pub created: bool,
    /// The entry is a bcrypt hash now.
    pub bcrypt: bool,
    /// The password was generated (shown once on stderr, nowhere else).
    pub generated: bool,
    pub error: Option<String>,
    #[serde(skip)]
    pub shown: Option<Secret>,
}

impl HtpasswdReport {
    pub fn exit(&self) -> ExitStatus {
        if self.error.is_none() && self.bcrypt {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

/// An absolute path without `..`, control characters or whitespace.
fn check_file(file: &str) -> Result<()> {
    let bad = !file.starts_with('/')
        || file.ends_with('/')
        || file.split('/').any(|c| c == "..")
        || file.chars().any(|c| c.is_control() || c.is_whitespace())
        || file.len() > 1024;
    if bad {
        bail!(StatusError::usage(format!(
            "{file:?}: expected the password file's absolute path"
        )));
    }
    Ok(())
}

/// A user name htpasswd stores as is: no `:`, whitespace or control characters, not
/// starting with `-`.
fn check_user(user: &str) -> Result<()> {
    let bad = user.is_empty()
        || user.len() > 255
        || user.starts_with('-')
        || user
            .chars()
            .any(|c| c == ':' || c.is_control() || c.is_whitespace());
    if bad {
        bail!(StatusError::usage(format!(
            "--user {user:?}: expected a name without ':', spaces or control characters"
        )));
    }
    Ok(())
}

/// The change: one command with the password on its stdin.
pub fn htpasswd(
    ctx: &Context,
    host: &str,
    text: &str,
    file: &str,
    user: &str,
    source: Source,
) -> Result<Htpasswd> {
    let domain = domain(text)?;
    check_file(file)?;
    check_user(user)?;
    let (value, generated) = match source {
        Source::Generate => (password::generate(password::DEFAULT_LENGTH, user)?, true),
        Source::Stdin => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("reading the password from stdin")?;
            let pw = line.trim_end_matches(['\n', '\r']).to_string();
            if pw.is_empty() {
                bail!(StatusError::usage("--stdin: no password on stdin"));
            }
            (pw, false)
        }
    };
    let secret = ctx.secret(value);
    let t = ctx.connect(&ctx.host(host)?)?;
    let cmd = Cmd::new("sh").args(["-c", SCRIPT, "hostops-htpasswd", file, user]);
    let mut plan = Plan::new(
        format!("set the password of {user} in {file} ({domain}) on {host}, bcrypt"),
        (),
    );
    plan.actions.push(Action {
        host: host.to_string(),
        work: Work::Run {
            cmd: cmd.clone(),
            stdin: Some(secret.clone()),
        },
        why: "htpasswd -i -B as the file's owner; a symlink is refused".into(),
    });
    Ok(Htpasswd {
        t,
        plan,
        cmd,
        secret,
        generated,
        host: host.to_string(),
        file: file.to_string(),
        user: user.to_string(),
    })
}

impl Change for Htpasswd {
    type Detail = ();
    type Report = HtpasswdReport;

    fn plan(&self) -> &Plan {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<HtpasswdReport> {
        let stdin = format!("{}\n", self.secret.expose());
        let out = transport::run(&*self.t, &self.cmd, Some(stdin.as_bytes()), None)?;
        let text = out.stdout_text();
        let s = kv::sections(&text);
        let body: Vec<&str> = lines(&s, "done").collect();
        let problem = ["refused", "failed"].iter().find_map(|n| {
            s.get(n)
                .map(|_| lines(&s, n).collect::<Vec<_>>().join("; "))
        });
        let report = HtpasswdReport {
            host: self.host,
            created: body.contains(&"|created"),
            bcrypt: body.contains(&"|bcrypt"),
            generated: self.generated,
            error: problem
                .as_ref()
                .map(|p| ctx.redact(p.trim_start_matches('|'))),
            shown: (self.generated && problem.is_none()).then_some(self.secret),
            file: self.file,
            user: self.user,
        };
        ctx.note(format!(
            "htpasswd {} in {}: {}",
            report.user,
            report.file,
            report.error.as_deref().unwrap_or("bcrypt entry set")
        ))?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_file_and_user_names() {
        assert!(check_file("/home/u/.htpasswd").is_ok());
        for bad in ["", ".htpasswd", "/home/u/../x", "/a b", "/x\n", "/dir/"] {
            assert!(check_file(bad).is_err(), "{bad:?}");
        }
        assert!(check_user("bob").is_ok());
        for bad in ["", "a:b", "-x", "a b", "a\nb"] {
            assert!(check_user(bad).is_err(), "{bad:?}");
        }
    }
}
