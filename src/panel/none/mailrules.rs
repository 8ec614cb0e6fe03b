//! Without a panel: dovecot's Sieve script of the mailbox, ~/.dovecot.sieve (its filters, and
//! `vacation` for an autoresponder).

use super::NoPanel;
use crate::panel::mailrules::{MailRules, RuleFile, RuleKind};

impl MailRules for NoPanel {
    fn rule_files(&self, home: Option<&str>, _mailbox: &str, _domain: &str) -> Vec<RuleFile> {
        home.map(|h| RuleFile::new(RuleKind::Sieve, format!("{h}/.dovecot.sieve")))
            .into_iter()
            .collect()
    }
}
