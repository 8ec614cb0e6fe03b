//! What one mail log line says, for exim and postfix alike: the message it belongs to (if
//! any) and its event.

/// What one line says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// exim `<=`, postfix qmgr `from=<...>`: the message arrived. `parent` is set on a bounce (`<= <> R=PARENT`).
    Arrival {
        sender: String,
        parent: Option<String>,
        subject: Option<String>,
        recipients: Vec<String>,
        /// `A=`: the SMTP AUTH login, `U=`: the local user, `H=`: the sending host.
        auth: Option<String>,
        user: Option<String>,
        host: Option<String>,
    },
    /// `=>` (first) or `->` (further) delivery of one recipient.
    Delivered {
        rcpt: String,
        /// What the address was redirected to (a pipe, a file, another address), when exim
        /// names both.
        target: Option<String>,
        router: Option<String>,
        transport: Option<String>,
        host: Option<String>,
        /// `C="..."`: the remote's (or LMTP's) reply.
        reply: Option<String>,
    },
    /// `=> blackhole (... ACL discarded recipients): WHY` or `=> :blackhole:`.
    Discarded {
        reason: String,
    },
    /// `==`: a temporary failure; the message stays queued.
    Deferred {
        rcpt: String,
        target: Option<String>,
        reason: String,
    },
    /// `**`: a permanent failure; a bounce goes to the sender.
    Bounced {
        rcpt: String,
        target: Option<String>,
        reason: String,
    },
    /// `Frozen (WHY)` or `Frozen`.
    Frozen {
        reason: String,
    },
    /// `Unfrozen by ...`.
    Unfrozen,
    /// postfix `bounce`: this message caused the non-delivery notification `child`.
    Notified {
        child: String,
    },
    Completed,
    /// Refused during the SMTP conversation (`rejected RCPT <x>: WHY`, `rejected MAIL`, ...).
    Rejected {
        stage: String,
        sender: Option<String>,
        rcpt: Option<String>,
        host: Option<String>,
        reason: String,
    },
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The time as the server wrote it (exim `YYYY-MM-DD HH:MM:SS`, postfix's syslog or
    /// RFC 3339 stamp), its local time.
    pub time: String,
    pub id: Option<String>,
    pub event: Event,
}
