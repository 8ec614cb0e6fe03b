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

/// A list of names as a one-column table headed `header` (one name a row).
fn list(header: &str, names: &[String]) -> Table {
    let mut t = Table::new([header]);
    for n in names {
        t.row([n.clone()]);
    }
    t
}

impl Report for ShowReport {
    /// The account in one row, then one table per part (home, domains, mailboxes, forwarders,
    /// FTP logins, databases, database users), a blank line apart; a part the account lacks
    /// is one line saying so.
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
        let mut t = Table::new(["HOME", "DISK USED", "INODES"]);
        t.row([
            or_dash(&d.home),
            self.disk_used_bytes.map_or("-".into(), human_bytes),
            self.inodes.map_or("-".into(), |n| n.to_string()),
        ]);
        let mut parts: Vec<(&str, usize, Table)> = vec![("home", 1, t)];
        let mut t = Table::new(["DOMAIN", "KIND", "DOCUMENT ROOT", "PHP"]);
        for dom in &d.domains {
            t.row([
                dom.domain.clone(),
                dom.kind.clone(),
                or_dash(&dom.document_root),
                or_dash(&dom.php_version),
            ]);
        }
        parts.push(("domains", d.domains.len(), t));
        let mut t = Table::new(["MAILBOX", "QUOTA", "USED"]);
        let mut boxes: Vec<_> = self.mailboxes.iter().collect();
        boxes.sort_by(|a, b| a.address.cmp(&b.address));
        for m in boxes {
            t.row([
                m.address.clone(),
                m.quota_bytes.map_or("unlimited".into(), human_bytes),
                m.used_bytes.map_or("-".into(), human_bytes),
            ]);
        }
        parts.push(("mailboxes", self.mailboxes.len(), t));
        let mut t = Table::new(["FORWARDER", "TO"]);
        for f in &d.forwarders {
            t.row([f.address.clone(), f.targets.join(", ")]);
        }
        parts.push(("forwarders", d.forwarders.len(), t));
        parts.push((
            "FTP logins",
            d.ftp_accounts.len(),
            list("FTP LOGIN", &d.ftp_accounts),
        ));
        parts.push((
            "databases",
            self.databases.len(),
            list("DATABASE", &self.databases),
        ));
        parts.push((
            "database users",
            self.db_users.len(),
            list("DATABASE USER", &self.db_users),
        ));
        for (what, n, t) in parts {
            p.data("");
            if n == 0 {
                p.data(format!("no {what}"));
            } else {
                p.table(&t);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::ops::account::show::Mailbox;
    use crate::ops::account::HostFind;
    use crate::output::Format;
    use crate::panel::lookup::{Details, DomainInfo, Matched};
    use crate::panel::PanelKind;

    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn rendered(report: &impl Report) -> String {
        let out = Shared::default();
        let p = Printer::to_writers(
            Format::Human,
            Box::new(out.clone()),
            Box::new(Shared::default()),
        );
        report.render(&p);
        let bytes = out.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    /// Several of each part: a row each, under its own header; a missing part says so.
    #[test]
    fn show_is_a_table_per_part() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let report = ShowReport {
            host: "h1".into(),
            panel: PanelKind::Cpanel,
            account: "bob".into(),
            from_domain: None,
            owner: Some("root".into()),
            details: Details {
                home: Some("/home/bob".into()),
                domains: vec![DomainInfo {
                    domain: "bob.example".into(),
                    kind: "main".into(),
                    document_root: Some("/home/bob/public_html".into()),
                    php_version: None,
                }],
                ftp_accounts: names(&["bob", "upload@bob.example"]),
                ..Details::default()
            },
            mailboxes: ["sales@bob.example", "info@bob.example"]
                .map(|a| Mailbox {
                    address: a.into(),
                    quota_bytes: None,
                    used_bytes: Some(2048),
                })
                .into(),
            databases: names(&["bob_shop", "bob_wp"]),
            db_users: names(&["bob", "bob_ro"]),
            disk_used_bytes: Some(1 << 20),
            inodes: Some(52),
        };
        let text = rendered(&report);
        let lines: Vec<&str> = text.lines().collect();
        let after = |header: &str, n: usize| {
            let i = lines.iter().position(|l| l.starts_with(header)).unwrap();
            lines[i + 1..=i + n]
                .iter()
                .map(|l| l.trim_end())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            after("FTP LOGIN", 2),
            ["bob", "upload@bob.example"],
            "{text}"
        );
        assert_eq!(after("DATABASE USER", 2), ["bob", "bob_ro"], "{text}");
        let boxes = after("MAILBOX", 2);
        assert!(boxes[0].starts_with("info@") && boxes[1].starts_with("sales@"));
        assert!(lines.contains(&"no forwarders"), "{text}");
        assert!(after("HOME", 1)[0].contains("1.00 MiB"), "{text}");
    }

    #[test]
    fn find_names_the_plesk_subscription_of_an_ftp_login() {
        let report = FindReport {
            query: "up".into(),
            hosts: vec![HostFind {
                host: "pl".into(),
                outcome: Outcome::Ok,
                error: None,
                panel: Some(PanelKind::Plesk),
                found: vec![Found {
                    account: "pluser".into(),
                    owner: Some("admin".into()),
                    matched: Matched::FtpLogin,
                    name: "up".into(),
                    subscription: Some("pl.example".into()),
                }],
            }],
        };
        let text = rendered(&report);
        assert!(
            text.contains("FTP login up of subscription pl.example"),
            "{text}"
        );
    }
}
