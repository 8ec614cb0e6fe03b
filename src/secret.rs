//! Secrets (passwords, tokens, keys) as a type: the value is registered with the run's
//! [`Redactor`] when the `Secret` is made, so it is masked in everything recorded or printed
//! afterwards, and it has no `Display` and a masked `Debug`: the value only comes out through
//! [`Secret::expose`], where it is sent (on a channel's stdin, never on a command line).

use std::fmt;

use crate::journal::Redactor;

#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    /// Registers `value` with `redactor` and wraps it.
    pub fn registered(value: String, redactor: &Redactor) -> Secret {
        redactor.add_secret(&value);
        Secret(value)
    }

    /// The value, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Whether a variable, flag or `KEY=VALUE` name names a secret: its last word (split on `_`,
/// `-` and `.`) ends with `pass`, `passwd`, `password`, `passphrase`, `secret`, `token` or
/// `key`, in any case, or is `pwd` after another word (`MYSQL_PWD`, not the shell's `PWD`).
/// `db_password`, `DB_PASS`, `mypass`, `api_key`, `--auth-token` are; `my-password-reset`,
/// `--key-file`, `passenger`, `OLDPWD` are not.
pub fn is_secret_name(name: &str) -> bool {
    let mut words = name.trim_start_matches('-').rsplit(['_', '-', '.']);
    let last = words.next().unwrap_or("").to_ascii_lowercase();
    let ends = [
        "pass",
        "passwd",
        "password",
        "passphrase",
        "secret",
        "token",
        "key",
    ];
    ends.iter().any(|end| last.ends_with(end)) || (last == "pwd" && words.next().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_value_and_making_one_registers_it() {
        let r = Redactor::default();
        let s = Secret::registered("hunter22".into(), &r);
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(s.expose(), "hunter22");
        assert_eq!(r.redact("echo hunter22"), "echo ***");
    }

    #[test]
    fn secret_names() {
        for yes in [
            "db_password",
            "DB_PASS",
            "mypass",
            "api_key",
            "apikey",
            "--auth-token",
            "client_secret",
            "MYSQL_PWD",
            "passphrase",
        ] {
            assert!(is_secret_name(yes), "{yes}");
        }
        for no in [
            "my-password-reset",
            "--key-file",
            "passenger",
            "extension",
            "backup_dir",
            "password_age",
            "tokens_used",
            "PWD",
            "OLDPWD",
        ] {
            assert!(!is_secret_name(no), "{no}");
        }
    }
}
