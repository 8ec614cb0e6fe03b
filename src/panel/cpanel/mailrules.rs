//! cPanel's filters and autoresponders: the domain's exim filter /etc/vfilters/DOMAIN (the
//! account's global filters), the mailbox's ~/etc/DOMAIN/BOX/filter, and the autoresponder
//! ~/.autorespond/BOX@DOMAIN with its window in BOX@DOMAIN.json.

use super::Cpanel;
use crate::panel::mailrules::{MailRules, RuleFile, RuleKind};

impl MailRules for Cpanel {
    fn rule_files(&self, home: Option<&str>, mailbox: &str, domain: &str) -> Vec<RuleFile> {
        let mut files = vec![RuleFile::new(
            RuleKind::DomainFilter,
            format!("/etc/vfilters/{domain}"),
        )];
        if let Some(h) = home {
            files.extend([
                RuleFile::new(
                    RuleKind::MailboxFilter,
                    format!("{h}/etc/{domain}/{mailbox}/filter"),
                ),
                RuleFile::new(
                    RuleKind::Reply,
                    format!("{h}/.autorespond/{mailbox}@{domain}"),
                ),
                RuleFile::new(
                    RuleKind::ReplyWindow,
                    format!("{h}/.autorespond/{mailbox}@{domain}.json"),
                ),
            ]);
        }
        files
    }
}
