//! Where a panel keeps one mailbox's filters and autoresponder: the files `mail check` reads
//! and judges (see `ops::mail::rules`).

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// An exim filter for every mailbox of the domain.
    DomainFilter,
    /// An exim filter of the mailbox alone.
    MailboxFilter,
    /// A Sieve script of the mailbox (filters, and `vacation` for an autoresponder).
    Sieve,
    /// The autoresponder's message (headers, a blank line, the body): it replies while the
    /// file exists, unless a [`RuleKind::ReplyList`] or [`RuleKind::ReplyWindow`] says not.
    Reply,
    /// A list of `BOX:` lines naming the domain's mailboxes whose autoresponder is on.
    ReplyList,
    /// cPanel's JSON beside the message: `start` and `stop` (epoch seconds, null for none).
    ReplyWindow,
}

/// One file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleFile {
    pub kind: RuleKind,
    pub path: String,
}

impl RuleFile {
    pub fn new(kind: RuleKind, path: impl Into<String>) -> RuleFile {
        RuleFile {
            kind,
            path: path.into(),
        }
    }
}

/// A panel's filters and autoresponders of a mailbox.
pub trait MailRules: Send + Sync {
    /// The files of `mailbox`@`domain`; `home` is the home directory of the account owning
    /// the domain (no panel: the mailbox's own home), None when there is none.
    fn rule_files(&self, home: Option<&str>, mailbox: &str, domain: &str) -> Vec<RuleFile>;
}
