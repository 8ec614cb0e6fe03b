//! `account find|show` for people: a row per host and match (an unreachable host with its
//! reason); the account's parts as short tables.

use super::{FindReport, ShowReport};
use crate::app::Report;
use crate::exit::ExitStatus;
use crate::ops::outcome::Outcome;
use crate::output::{human_bytes, Printer, Table};
use crate::panel::lookup::Found;

impl Report for FindReport {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["HOST", "PANEL", "ACCOUNT", "OWNER", "MATCHED"]);
        for h in &self.hosts {
            let panel = h.panel.map_or("-", |k| k.as_str()).to_string();
            if let Some(e) = &h.error {
                t.row([
                    h.host.clone(),
                    panel.clone(),
                    format!("{}: {e}", h.outcome.as_str()),
                ]);
            }
            for f in &h.found {
                t.row([
                    h.host.clone(),
                    panel.clone(),
                    f.account.clone(),
                    f.owner.clone().unwrap_or_else(|| "-".into()),
                    matched(f),
                ]);
            }
        }
        p.table(&t);
        let asked = self
            .hosts
            .iter()
            .filter(|h| h.outcome == Outcome::Ok)
            .count();
        if self.hosts.iter().all(|h| h.found.is_empty()) {
            p.status(format!(
                "{} not found on the {asked} host(s) that answered",
                self.query
            ));
        }
    }

    /// The worst host's status; with every host answering, 1 when nothing matched.
    fn status(&self) -> ExitStatus {
        let worst = self.hosts.iter().fold(ExitStatus::Success, |s, h| {
            s.worst(match h.outcome {
                Outcome::Ok => ExitStatus::Success,
                Outcome::Failed => ExitStatus::Failure,
                Outcome::Unreachable => ExitStatus::Connection,
                Outcome::Interrupted => ExitStatus::Interrupted,
            })
        });
        if worst == ExitStatus::Success && self.hosts.iter().all(|h| h.found.is_empty()) {
            return ExitStatus::Failure;
        }
        worst
    }
}

/// `mailbox sales@pl.example`, `FTP login up of subscription pl.example` (Plesk names the
/// subscription where it is not the match itself).
fn matched(f: &Found) -> String {
    let what = format!("{} {}", f.matched.as_str(), f.name);
    match &f.subscription {
        Some(s) if *s != f.name => format!("{what} of subscription {s}"),
        _ => what,
    }
}

fn or_dash(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "-".into())
}

impl Report for ShowReport {
    fn render(&self, p: &Printer) {
        let d = &self.details;
        let mut t = Table::new([
            "ACCOUNT",
            "HOST",
            "PANEL",
            "OWNER",
            "PLAN",
            "SUSPENDED",
            "CREATED",
        ]);
        t.row([
            self.account.clone(),
            self.host.clone(),
            self.panel.as_str().to_string(),
            or_dash(&self.owner),
            or_dash(&d.plan),
            d.suspended
                .map_or("-", |s| if s { "yes" } else { "no" })
                .to_string(),
            or_dash(&d.created),
        ]);
        p.table(&t);
        if let Some(domain) = &self.from_domain {
            p.status(format!("{domain} belongs to {}", self.account));
        }
        let mut t = Table::new(["DOMAIN", "KIND", "DOCUMENT ROOT", "PHP"]);
        for dom in &d.domains {
            t.row([
                dom.domain.clone(),
                dom.kind.clone(),
                or_dash(&dom.document_root),
                or_dash(&dom.php_version),
            ]);
        }
        p.table(&t);
        let mut t = Table::new(["MAILBOX", "QUOTA", "USED"]);
        for m in &self.mailboxes {
            t.row([
                m.address.clone(),
                m.quota_bytes.map_or("unlimited".into(), human_bytes),
                m.used_bytes.map_or("-".into(), human_bytes),
            ]);
        }
        p.table(&t);
        let list = |v: &[String]| {
            if v.is_empty() {
                "-".into()
            } else {
                v.join(", ")
            }
        };
        let mut t = Table::new(["FORWARDER", "TO"]);
        for f in &d.forwarders {
            t.row([f.address.clone(), list(&f.targets)]);
        }
        p.table(&t);
        let mut t = Table::new(["FTP ACCOUNTS", "DATABASE", "DATABASE USERS"]);
        t.row([
            list(&d.ftp_accounts),
            list(&self.databases),
            list(&self.db_users),
        ]);
        p.table(&t);
        let disk = self.disk_used_bytes.map_or("-".into(), human_bytes);
        let inodes = self.inodes.map_or("-".into(), |n| n.to_string());
        p.data(format!(
            "home {}: {disk}, {inodes} inodes",
            or_dash(&d.home)
        ));
    }
}
