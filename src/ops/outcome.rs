//! How one host's part of a fleet command ended (`ok`, `failed`, `unreachable`, `interrupted`),
//! the same words in every fleet command's table and JSON.

use serde::Serialize;

use crate::transport::TransportError;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Ok,
    /// Non-zero exit, signal, timeout, or a probe that failed.
    Failed,
    /// Connect, auth, host key, or the link dropped: what happened there is unknown.
    Unreachable,
    /// hostops was stopped by SIGINT/SIGTERM and stopped the command.
    Interrupted,
}

impl Outcome {
    /// The outcome of a host whose part ended in `err`.
    pub fn of_error(err: &TransportError) -> Outcome {
        match err {
            e if e.unreachable() => Outcome::Unreachable,
            TransportError::Interrupted { .. } => Outcome::Interrupted,
            _ => Outcome::Failed,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
            Outcome::Unreachable => "unreachable",
            Outcome::Interrupted => "interrupted",
        }
    }
}

/// Serializes a host's error as its message (the JSON `error` field).
pub fn error_text<S: serde::Serializer>(
    e: &Option<TransportError>,
    s: S,
) -> Result<S::Ok, S::Error> {
    e.as_ref().map(ToString::to_string).serialize(s)
}
