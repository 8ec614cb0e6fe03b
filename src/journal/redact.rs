//! Secrets never reach the journal: known secret values registered by the ops, and anything
//! that looks like `password=...` or `--password ...`, become `***`.

use std::sync::{LazyLock, RwLock};

use regex::Regex;

pub const MASK: &str = "***";

/// `key=value` pairs whose key names a secret (whmapi1 `password=P`, `--token=T`, ...).
static SECRET_PAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)([A-Za-z0-9_-]*(?:password|passwd|secret|token|api[_-]?key)[A-Za-z0-9_-]*=)[^\s'&]+",
    )
    .expect("valid regex")
});

/// `--some-password VALUE` or `--token=VALUE` in free text (a command line).
static SECRET_FLAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(--?[A-Za-z0-9_-]*(?:password|passwd|secret|token|api[_-]?key)[A-Za-z0-9_-]*[ =])('[^']*'|"[^"]*"|[^\s'"]+)"#)
        .expect("valid regex")
});

#[derive(Default)]
pub struct Redactor {
    secrets: RwLock<Vec<String>>,
}

impl Redactor {
    /// Registers a secret value: every later occurrence in recorded text is masked.
    pub fn add_secret(&self, secret: &str) {
        if secret.len() >= 3 {
            self.secrets
                .write()
                .unwrap_or_else(|p| p.into_inner())
                .push(secret.to_string());
        }
    }

    pub fn redact(&self, text: &str) -> String {
        let flags_masked = SECRET_FLAG.replace_all(text, format!("${{1}}{MASK}"));
        let mut out = SECRET_PAIR
            .replace_all(&flags_masked, format!("${{1}}{MASK}"))
            .into_owned();
        for s in self
            .secrets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
        {
            out = out.replace(s.as_str(), MASK);
        }
        out
    }

    /// Redacts an argv: values of secret-named flags (`--password X`, `--password=X`) too.
    pub fn redact_argv(&self, argv: &[String]) -> Vec<String> {
        let mut out = Vec::with_capacity(argv.len());
        let mut mask_next = false;
        for arg in argv {
            if mask_next {
                out.push(MASK.to_string());
                mask_next = false;
                continue;
            }
            let lower = arg.to_ascii_lowercase();
            let names_secret = ["password", "passwd", "secret", "token"]
                .iter()
                .any(|k| lower.contains(k));
            if arg.starts_with("--") && names_secret && !arg.contains('=') {
                mask_next = true;
            }
            out.push(self.redact(arg));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let argv: Vec<String> = [
            "hostops",
            "--db-password",
            "x1",
            "--api_token=y2",
            "user=bob",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            r.redact_argv(&argv),
            [
                "hostops",
                "--db-password",
                "***",
                "--api_token=***",
                "user=bob"
            ]
        );
    }
}
