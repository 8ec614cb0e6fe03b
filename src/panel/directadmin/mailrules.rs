//! DirectAdmin's filters and autoresponders, all under /etc/virtual/DOMAIN: the domain's exim
//! filter `filter` (written from filter.conf), the autoresponders' list autoresponder.conf
//! (`BOX:` lines) and each one's message reply/BOX.msg.

use super::DirectAdmin;
use crate::panel::mailrules::{MailRules, RuleFile, RuleKind};

impl MailRules for DirectAdmin {
    fn rule_files(&self, _home: Option<&str>, mailbox: &str, domain: &str) -> Vec<RuleFile> {
        let dir = format!("/etc/virtual/{domain}");
        vec![
            RuleFile::new(RuleKind::DomainFilter, format!("{dir}/filter")),
            RuleFile::new(RuleKind::ReplyList, format!("{dir}/autoresponder.conf")),
            RuleFile::new(RuleKind::Reply, format!("{dir}/reply/{mailbox}.msg")),
        ]
    }
}
