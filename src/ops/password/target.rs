//! The target of a reset as typed (`--account`, `--mailbox`, `--ftp`, `--db-user`), checked
//! before any host is contacted: names a panel would refuse, and anything a shell or a URL
//! would read as more than a name, are refused (exit 2).

use anyhow::{bail, Result};

use crate::exit::StatusError;
use crate::ops::account;
use crate::panel::lookup::Query;
use crate::panel::password::Target;

/// Which password, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetArg {
    /// An account name or one of its domains.
    Account(String),
    Mailbox(String),
    Ftp(String),
    DbUser(String),
}

impl TargetArg {
    /// The name typed.
    pub fn name(&self) -> &str {
        match self {
            TargetArg::Account(n)
            | TargetArg::Mailbox(n)
            | TargetArg::Ftp(n)
            | TargetArg::DbUser(n) => n,
        }
    }

    /// The target checked (a mailbox and an FTP login lowercased, as the panels store them).
    pub fn checked(self) -> Result<TargetArg> {
        Ok(match self {
            TargetArg::Account(n) => {
                account::check_name(&n)?;
                TargetArg::Account(n)
            }
            TargetArg::Mailbox(m) => match Query::parse(&m) {
                Ok(Query::Mailbox { mailbox, domain }) => {
                    TargetArg::Mailbox(format!("{}@{domain}", mailbox.to_ascii_lowercase()))
                }
                _ => bail!(StatusError::usage(format!(
                    "--mailbox {m:?} is not a mailbox (box@domain)"
                ))),
            },
            TargetArg::Ftp(f) => {
                let lower = f.to_ascii_lowercase();
                let fine = match Query::parse(&lower) {
                    Ok(Query::Mailbox { .. }) => true,
                    Ok(Query::Name(n)) => !n.contains('+'),
                    _ => false,
                };
                if !fine {
                    bail!(StatusError::usage(format!(
                        "--ftp {f:?} is not an FTP login (a name, or name@domain)"
                    )));
                }
                TargetArg::Ftp(lower)
            }
            TargetArg::DbUser(u) => {
                let fine = !u.is_empty()
                    && u.len() <= 80
                    && !u.starts_with('-')
                    && u.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
                if !fine {
                    bail!(StatusError::usage(format!(
                        "--db-user {u:?} is not a database user name (letters, digits, `_`, `-`, `.`)"
                    )));
                }
                TargetArg::DbUser(u)
            }
        })
    }

    /// The target (an account is first mapped from a domain by `ops::account`).
    pub fn target(self) -> Target {
        match self {
            TargetArg::Account(n) => Target::Account(n),
            TargetArg::Mailbox(m) => Target::Mailbox(m),
            TargetArg::Ftp(f) => Target::Ftp(f),
            TargetArg::DbUser(u) => Target::DbUser(u),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_before_any_host_is_contacted() {
        let ok = |t: TargetArg| t.checked().is_ok();
        assert!(ok(TargetArg::Mailbox("Info@Shop.test".into())));
        assert_eq!(
            TargetArg::Mailbox("Info@Shop.test".into())
                .checked()
                .unwrap(),
            TargetArg::Mailbox("info@shop.test".into())
        );
        for bad in [
            "a;b@x.test",
            "$(id)@x.test",
            "-x@x.test",
            "info",
            "a@b@c.test",
        ] {
            assert!(!ok(TargetArg::Mailbox(bad.into())), "{bad}");
        }
        assert!(ok(TargetArg::Ftp("bob".into())) && ok(TargetArg::Ftp("up@shop.test".into())));
        assert!(!ok(TargetArg::Ftp("-bob".into())) && !ok(TargetArg::Ftp("a b".into())));
        assert!(ok(TargetArg::DbUser("bob_wp".into())));
        assert!(!ok(TargetArg::DbUser("bob'wp".into())) && !ok(TargetArg::DbUser("".into())));
        assert!(!ok(TargetArg::Account("Bob;".into())));
    }
}
