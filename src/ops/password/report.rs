//! The report of a password reset: what was reset, how the password was made, which real
//! logins passed; the password itself only when it is to be shown.

use std::path::PathBuf;

use serde::Serialize;

use crate::app::Report;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::panel::password::Target;
use crate::panel::PanelKind;

/// One real login with the new password.
#[derive(Debug, Serialize)]
pub struct Check {
    /// `imap`, `ftp`, `pam` or `mariadb`.
    pub login: String,
    pub passed: bool,
    /// What the checker said (secrets masked).
    pub said: String,
}

#[derive(Debug, Serialize)]
pub struct ResetReport {
    pub host: String,
    pub panel: PanelKind,
    pub target: Target,
    pub generated: bool,
    pub length: usize,
    /// Every check passed.
    pub verified: bool,
    pub checks: Vec<Check>,
    /// What `doveadm kick` said (`--kill-sessions`).
    pub sessions: Option<String>,
    pub secret_file: Option<PathBuf>,
    /// The new password: a generated one on the terminal (no `--secret-file`), or with
    /// `--show-secret`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
}

impl Report for ResetReport {
    fn render(&self, p: &Printer) {
        for c in &self.checks {
            p.data(format!(
                "  {} {}: {}",
                crate::output::verdict(c.passed, if c.passed { "PASS" } else { "FAIL" }),
                c.login,
                c.said
            ));
        }
        p.data(format!(
            "{} of {} on {}: {}",
            if self.verified {
                "password reset and verified"
            } else {
                "password reset, but NOT verified"
            },
            self.target.describe(),
            self.host,
            self.checks
                .iter()
                .map(|c| format!("{} {}", c.login, if c.passed { "ok" } else { "failed" }))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if let Some(s) = &self.sessions {
            p.data(format!("sessions: {s}"));
        }
        if let Some(path) = &self.secret_file {
            p.data(format!("new password written to {} (0600)", path.display()));
        }
        if let Some(secret) = &self.secret {
            p.data(format!("new password (shown once): {secret}"));
        }
    }

    fn status(&self) -> ExitStatus {
        if self.verified {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}
