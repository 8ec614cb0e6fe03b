//! The restore preview for people (the plan's detail, shown before the question and printed by
//! `--dry-run`), its scope in words, and its one-line summary for the journal.

use crate::app::change::Detail;
use crate::output::{human_bytes, Table};

use super::preview::{Counted, FileChanges, Part};
use super::restore::Plan;

/// A unit enum's serde name (`daily`, `compressed`).
pub fn word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// What the restore replaces, in words.
pub fn scope(plan: &Plan) -> String {
    if plan.whole {
        if plan.account_exists {
            "the whole account: it is replaced".to_string()
        } else {
            "the whole account: it does not exist now".to_string()
        }
    } else {
        let parts: Vec<String> = plan
            .parts
            .iter()
            .map(|p| match p {
                Part::Home => "home".to_string(),
                Part::Mail => "mail".to_string(),
                Part::Db(None) => "db".to_string(),
                Part::Db(Some(n)) => format!("db:{n}"),
                Part::Path(r) => format!("path:{r}"),
            })
            .collect();
        format!("only {}", parts.join(", "))
    }
}

/// The preview in one line, for the journal (what the next level reads).
pub fn summary(plan: &Plan) -> String {
    let sum =
        |f: fn(&FileChanges) -> &Counted| -> u64 { plan.files.iter().map(|c| f(c).files).sum() };
    let dbs: Vec<String> = plan
        .databases
        .iter()
        .map(|d| format!("{} {}", d.action, d.database))
        .collect();
    format!(
        "restore preview: {} on {} from {} ({}): files {} added, {} overwritten, {} removed; databases: {}",
        plan.account.user,
        plan.host,
        plan.point.path,
        scope(plan),
        sum(|c| &c.added),
        sum(|c| &c.overwritten),
        sum(|c| &c.removed),
        if dbs.is_empty() { "none".to_string() } else { dbs.join(", ") }
    )
}

impl Detail for Plan {
    fn render(&self) -> Option<String> {
        let pt = &self.point;
        let mut out = vec![
            format!(
                "Restore {} on {} from {} ({}, {}, {}, {})",
                self.account.user,
                self.host,
                pt.path,
                pt.date,
                word(&pt.period),
                word(&pt.format),
                human_bytes(pt.size_bytes)
            ),
            format!("Scope: {}", scope(self)),
        ];
        if !self.files.is_empty() {
            out.push(files(self));
        }
        if !self.databases.is_empty() {
            let mut t = Table::new(["DATABASE", "ACTION", "NOW", "IN BACKUP"]);
            let size = |b: Option<u64>| b.map_or("-".to_string(), human_bytes);
            for d in &self.databases {
                t.row([
                    d.database.clone(),
                    d.action.to_string(),
                    size(d.current_bytes),
                    size(d.backup_bytes),
                ]);
            }
            out.push(t.render());
        }
        if !self.mailboxes.is_empty() {
            let mut t = Table::new(["MAILBOX", "MESSAGES NOW", "IN BACKUP"]);
            for m in &self.mailboxes {
                t.row([
                    m.mailbox.clone(),
                    m.current_messages.to_string(),
                    m.backup_messages.to_string(),
                ]);
            }
            out.push(t.render());
        }
        match &self.snapshot {
            Some(s) => out.push(format!(
                "Safety snapshot: {} in {}/RUN_ID (about {} needed, {} free)",
                if s.whole {
                    "the panel's package of the account"
                } else {
                    "copies of only what the restore replaces"
                },
                s.dir,
                human_bytes(s.needed_bytes),
                human_bytes(s.free_bytes)
            )),
            None if self.account_exists => out.push(
                "Safety snapshot: none (--no-snapshot): this restore cannot be undone".into(),
            ),
            None => {}
        }
        Some(out.join("\n"))
    }
}

/// The files table, then sample paths: `+` added, `~` overwritten, `-` removed.
fn files(plan: &Plan) -> String {
    let mut t = Table::new(["FILES IN", "ADDED", "OVERWRITTEN", "REMOVED", "UNCHANGED"]);
    let cell = |c: &Counted| format!("{} ({})", c.files, human_bytes(c.bytes));
    for f in &plan.files {
        t.row([
            f.live.clone(),
            cell(&f.added),
            cell(&f.overwritten),
            cell(&f.removed),
            f.unchanged.to_string(),
        ]);
    }
    let mut out = vec![t.render()];
    for f in &plan.files {
        for (sign, c) in [("+", &f.added), ("~", &f.overwritten), ("-", &f.removed)] {
            out.extend(c.sample.iter().map(|s| format!("  {sign} {s}")));
        }
    }
    out.join("\n")
}
