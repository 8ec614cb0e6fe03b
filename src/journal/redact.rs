//! Secrets never reach the journal or the screen: the values registered as [`Secret`]s, and
//! the values of anything that names itself a secret (`password=X`, `--token X`, `DB_PASS=X`,
//! `mysql -pX`, `Authorization: Bearer X`, `https://user:X@host`) become `***`. Only values
//! are masked, never ordinary words: `my-password-reset` names no secret.
//!
//! [`Secret`]: crate::secret::Secret

use std::sync::{LazyLock, RwLock};

use regex::{Captures, Regex};

pub const MASK: &str = "***";

/// A value after `=` or a flag: quoted, or up to the next space or shell operator.
const VALUE: &str = r#"('[^']*'|"[^"]*"|[^\s'"&;|]+)"#;

/// The value that follows a secret's name, at the start of the rest of the text.
static VALUE_HERE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{VALUE}")).expect("valid regex"));

/// `NAME=` (and `--name=`) at the start of a word: group 1 is the name.
static PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^A-Za-z0-9_.-])(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=").expect("valid regex")
});

/// `--name ` (a flag, its value in the next word): group 1 is the name.
static FLAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)(--?[A-Za-z][A-Za-z0-9_.-]*)\s+").expect("valid regex"));

/// The MySQL and MariaDB clients' `-pPASSWORD`.
static MYSQL_P: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(\b(?:mysql|mariadb)[A-Za-z_-]*\b[^\n;&|]*?\s-p){VALUE}"
    ))
    .expect("valid regex")
});

/// `Bearer TOKEN` (an HTTP Authorization header).
static BEARER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}").expect("valid regex"));

/// The password of a URL's `user:password@`.
static URL_PASSWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\b[A-Za-z][A-Za-z0-9+.-]*://[^\s/:@]*:)[^\s/@]+@").expect("valid regex")
});

/// Whether a value is a shell variable reference (`"$HOSTOPS_SECRET_x"`): nothing to mask.
fn is_reference(value: &str) -> bool {
    value.trim_start_matches('"').starts_with('$')
}

/// Masks the value after each match of `names` whose name (group 1) names a secret. Only
/// names are matched, so a quoted value of an ordinary name cannot hide a secret's name. After
/// a flag, a word starting with `-` is the next flag, not a value.
fn mask_named(text: &str, names: &Regex, flags: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut from) = (0, 0);
    while let Some(c) = names.captures_at(text, from) {
        let end = c.get(0).map_or(text.len(), |m| m.end());
        from = end;
        if !is_secret_name(&c[1]) {
            continue;
        }
        let Some(value) = VALUE_HERE.find(&text[end..]) else {
            continue;
        };
        if (flags && value.as_str().starts_with('-')) || is_reference(value.as_str()) {
            continue;
        }
        out.push_str(&text[copied..end]);
        out.push_str(MASK);
        copied = end + value.end();
        from = copied;
    }
    out.push_str(&text[copied..]);
    out
}

#[derive(Default)]
pub struct Redactor {
    /// Registered values, longest first (so that a secret inside another is not half-masked).
    secrets: RwLock<Vec<String>>,
}

impl Redactor {
    /// Registers a secret value: every later occurrence in recorded text is masked. Values
    /// shorter than 3 characters are not (they would mask ordinary text).
    pub fn add_secret(&self, secret: &str) {
        if secret.len() < 3 {
            return;
        }
        let mut secrets = self.secrets.write().unwrap_or_else(|p| p.into_inner());
        if !secrets.iter().any(|s| s == secret) {
            secrets.push(secret.to_string());
            secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }

    pub fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for s in self
            .secrets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            out = out.replace(s.as_str(), MASK);
        }
        let out = URL_PASSWORD.replace_all(&out, format!("${{1}}{MASK}@"));
        let out = BEARER.replace_all(&out, format!("${{1}}{MASK}"));
        let out = MYSQL_P.replace_all(&out, |c: &Captures| {
            if is_reference(&c[2]) {
                c[0].to_string()
            } else {
                format!("{}{MASK}", &c[1])
            }
        });
        mask_named(&mask_named(&out, &FLAG, true), &PAIR, false)
    }

    /// Redacts an argv: the value after a secret-named flag (`--password X`) too.
    pub fn redact_argv(&self, argv: &[String]) -> Vec<String> {
        let mut out = Vec::with_capacity(argv.len());
        let mut mask_next = false;
        for arg in argv {
            if mask_next && !arg.starts_with('-') {
                out.push(MASK.to_string());
                mask_next = false;
                continue;
            }
            mask_next = arg.starts_with('-') && !arg.contains('=') && is_secret_name(arg);
            out.push(self.redact(arg));
        }
        out
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

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn masks_pairs_flags_and_registered_values() {
        let r = Redactor::default();
        r.add_secret("hunter2");
        assert_eq!(
            r.redact("whmapi1 passwd user=bob password=s3cr3t"),
            "whmapi1 passwd user=bob password=***"
        );
        assert_eq!(r.redact("echo hunter2 | chpasswd"), "echo *** | chpasswd");
        assert_eq!(
            r.redact("mysql --password 'a b' -e x"),
            "mysql --password *** -e x"
        );
        assert_eq!(
            r.redact("tool --api-key=k9 --verbose"),
            "tool --api-key=*** --verbose"
        );
        assert_eq!(
            r.redact_argv(&argv(&[
                "hostops",
                "--db-password",
                "x1",
                "--api_token=y2",
                "user=bob"
            ])),
            [
                "hostops",
                "--db-password",
                "***",
                "--api_token=***",
                "user=bob"
            ]
        );
    }

    #[test]
    fn masks_the_usual_shapes_of_a_secret() {
        let r = Redactor::default();
        for (text, masked) in [
            (
                "mysql -uroot -ps3cr3t -e 'select 1'",
                "mysql -uroot -p*** -e 'select 1'",
            ),
            ("mysqldump -p'a b' db", "mysqldump -p*** db"),
            ("DB_PASS=xyz ./deploy", "DB_PASS=*** ./deploy"),
            (
                "export MYSQL_PWD=\"q w\"; mysql",
                "export MYSQL_PWD=***; mysql",
            ),
            (
                "curl -H 'Authorization: Bearer abcdefgh123456' x",
                "curl -H 'Authorization: Bearer ***' x",
            ),
            (
                "git clone https://bob:pw123@git.example.com/r.git",
                "git clone https://bob:***@git.example.com/r.git",
            ),
            (
                "--var mypass=Y2 --var api_key=k",
                "--var mypass=*** --var api_key=***",
            ),
            ("sh -c 'x --token abc'", "sh -c 'x --token ***'"),
            (
                "opts='-v --password=x1' password=-y",
                "opts='-v --password=***' password=***",
            ),
        ] {
            assert_eq!(r.redact(text), masked, "{text}");
        }
    }

    #[test]
    fn ordinary_words_are_not_masked() {
        let r = Redactor::default();
        for text in [
            "echo my-password-reset rm -rf /x",
            "mkdir -p /var/backups && cp -pR a b",
            "ssh -i /k --key-file /etc/ssh/key host",
            "password_age=90 passenger=on",
            "read -r HOSTOPS_SECRET_db_password; x --password=\"$HOSTOPS_SECRET_db_password\"",
            "mysql -p\"$HOSTOPS_SECRET_pw\" -e 'select 1'",
            "see https://example.com:8443/path and user@host",
            "the Bearer of bad news",
            "x=1 IFS= read -r y",
        ] {
            assert_eq!(r.redact(text), text);
        }
        assert_eq!(
            r.redact_argv(&argv(&["--password", "--verbose", "x"])),
            ["--password", "--verbose", "x"]
        );
    }

    #[test]
    fn longer_secrets_are_masked_whole_and_short_ones_not_at_all() {
        let r = Redactor::default();
        r.add_secret("abc");
        r.add_secret("abcdef");
        r.add_secret("ab");
        assert_eq!(r.redact("abcdef ab abc"), "*** ab ***");
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
