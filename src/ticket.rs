//! Helpdesk ticket IDs: every run that touches a host is journaled under one.

use std::fmt;

use regex::Regex;

use crate::exit::StatusError;

/// The default ticket shape: 1-64 letters, digits and `-_.#:/`.
pub const DEFAULT_PATTERN: &str = r"^[A-Za-z0-9_.#:/-]{1,64}$";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ticket(String);

impl Ticket {
    /// Checks `raw` against `pattern` (the configured ticket format).
    pub fn parse(raw: &str, pattern: &Regex) -> Result<Ticket, StatusError> {
        if pattern.is_match(raw) && !raw.contains('\n') {
            Ok(Ticket(raw.to_string()))
        } else {
            Err(StatusError::usage(format!(
                "malformed ticket ID {raw:?}: it must match {} (set `ticket_pattern` in the \
                 config file to change the format)",
                pattern.as_str()
            )))
        }
    }

    /// The error for a command that contacts a host without a ticket.
    pub fn missing(what: &str) -> StatusError {
        StatusError::usage(format!(
            "{what} contacts servers, so it must be logged against a helpdesk ticket: \
             pass --ticket ID (or set HOSTOPS_TICKET), e.g. `hostops --ticket INC-1234 {what} ...`"
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Ticket {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default() -> Regex {
        Regex::new(DEFAULT_PATTERN).unwrap()
    }

    #[test]
    fn accepts_helpdesk_shapes() {
        for t in ["INC-1234", "DEMO-1", "#5521", "ZD:88/2", "a.b_c"] {
            assert!(Ticket::parse(t, &default()).is_ok(), "{t}");
        }
    }

    #[test]
    fn rejects_empty_long_and_hostile() {
        let long = "x".repeat(65);
        for t in ["", long.as_str(), "A B", "x;rm -rf /", "$(id)", "a\nb", "é"] {
            assert!(Ticket::parse(t, &default()).is_err(), "{t:?}");
        }
    }
}
