//! The one place that chooses an exit code for an error: ops and transports return typed
//! errors, and this maps them to the documented codes (README "Exit codes").

use crate::exit::{ExitStatus, StatusError};
use crate::panel::Unsupported;
use crate::transport::TransportError;

/// The exit status an error maps to: the first classified error in its chain wins (a
/// capability the server's panel lacks is a refusal).
pub fn of_error(err: &anyhow::Error) -> ExitStatus {
    err.chain()
        .find_map(|cause| {
            if let Some(e) = cause.downcast_ref::<StatusError>() {
                return Some(e.status);
            }
            if cause.is::<Unsupported>() {
                return Some(ExitStatus::Refused);
            }
            cause.downcast_ref::<TransportError>().map(of_transport)
        })
        .unwrap_or(ExitStatus::Failure)
}

/// The exit status of a transport failure: an unreachable host is 3, a refusal 4, an interrupted
/// command 130, anything else (a command that failed, an I/O error) 1.
pub fn of_transport(err: &TransportError) -> ExitStatus {
    match err {
        e if e.unreachable() => ExitStatus::Connection,
        TransportError::Refused(_) => ExitStatus::Refused,
        TransportError::Interrupted { .. } => ExitStatus::Interrupted,
        _ => ExitStatus::Failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transport::{Exit, ProcessError};
    use anyhow::Context as _;

    fn connect() -> TransportError {
        TransportError::Connect {
            host: "h1".into(),
            address: "10.0.0.1:22".into(),
            reason: "refused".into(),
        }
    }

    #[test]
    fn transport_errors_map_to_their_codes() {
        assert_eq!(of_transport(&connect()), ExitStatus::Connection);
        let lost = TransportError::Lost {
            host: "h1".into(),
            address: "a".into(),
            during: "x".into(),
            reason: "eof".into(),
        };
        assert_eq!(of_transport(&lost), ExitStatus::Connection);
        assert_eq!(
            of_transport(&TransportError::Refused("no".into())),
            ExitStatus::Refused
        );
        let stopped = TransportError::Interrupted {
            host: "h1".into(),
            command: "true".into(),
        };
        assert_eq!(of_transport(&stopped), ExitStatus::Interrupted);
        let failed = TransportError::from(ProcessError {
            host: "h1".into(),
            command: "false".into(),
            exit: Exit::Code { code: 1 },
            stdout_tail: String::new(),
            stderr_tail: String::new(),
        });
        assert_eq!(of_transport(&failed), ExitStatus::Failure);
    }

    #[test]
    fn the_first_classified_error_of_the_chain_wins() {
        let wrapped = Err::<(), _>(connect())
            .context("gathering facts")
            .unwrap_err();
        assert_eq!(of_error(&wrapped), ExitStatus::Connection);
        let usage = Err::<(), _>(StatusError::usage("bad"))
            .context("reading the journal")
            .unwrap_err();
        assert_eq!(of_error(&usage), ExitStatus::Usage);
        assert_eq!(of_error(&anyhow::anyhow!("plain")), ExitStatus::Failure);
    }

    #[test]
    fn a_capability_the_panel_lacks_is_a_refusal() {
        let none = crate::panel::driver(crate::panel::PanelKind::None);
        let e = anyhow::Error::from(none.packaging_on("web1").err().unwrap())
            .context("planning the migration");
        assert_eq!(of_error(&e), ExitStatus::Refused);
    }
}
