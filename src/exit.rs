//! Exit codes are part of the interface: scripts, cron jobs and monitoring branch on them.

use serde::Serialize;

/// The documented exit codes of every hostops command (listed in README.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitStatus {
    /// Done, nothing to report.
    Success,
    /// Findings (a host failed, a check found problems) or a failed operation.
    Failure,
    /// Bad usage: unknown flag, missing or malformed ticket, unknown host.
    Usage,
    /// Could not connect, authenticate, or trust the host key.
    Connection,
    /// Refused by policy or by a preflight check (no terminal and no --yes, too many accounts...).
    Refused,
    /// Stopped by SIGINT or SIGTERM.
    Interrupted,
}

impl ExitStatus {
    pub const ALL: [ExitStatus; 6] = [
        ExitStatus::Success,
        ExitStatus::Failure,
        ExitStatus::Usage,
        ExitStatus::Connection,
        ExitStatus::Refused,
        ExitStatus::Interrupted,
    ];

    pub fn code(self) -> i32 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Usage => 2,
            ExitStatus::Connection => 3,
            ExitStatus::Refused => 4,
            ExitStatus::Interrupted => 130,
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            ExitStatus::Success => "success",
            ExitStatus::Failure => "findings, or an operation failed",
            ExitStatus::Usage => {
                "usage error (bad flag, missing or malformed ticket, unknown host)"
            }
            ExitStatus::Connection => "connection, authentication or host key failure",
            ExitStatus::Refused => "refused by policy or by a preflight check",
            ExitStatus::Interrupted => "interrupted by SIGINT or SIGTERM",
        }
    }

    /// The worse of two statuses, for commands that combine several results.
    pub fn worst(self, other: ExitStatus) -> ExitStatus {
        let rank = |s: ExitStatus| match s {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Refused => 2,
            ExitStatus::Connection => 3,
            ExitStatus::Usage => 4,
            ExitStatus::Interrupted => 5,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// An error that carries its exit status. Anything else that reaches `main` exits 1.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct StatusError {
    pub status: ExitStatus,
    pub message: String,
}

impl StatusError {
    pub fn usage(message: impl Into<String>) -> Self {
        StatusError {
            status: ExitStatus::Usage,
            message: message.into(),
        }
    }
    pub fn refused(message: impl Into<String>) -> Self {
        StatusError {
            status: ExitStatus::Refused,
            message: message.into(),
        }
    }
    pub fn connection(message: impl Into<String>) -> Self {
        StatusError {
            status: ExitStatus::Connection,
            message: message.into(),
        }
    }
}
