//! "Not on this panel": the one refusal for a capability a server's panel lacks, naming the
//! server, its panel and the capability, with the panels that have it (exit 4).

use serde::Serialize;

use super::{driver, Panel, PanelKind};

/// A capability a panel driver may lack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Capability {
    Packaging,
    Backups,
    Passwords,
    Dns,
    MailHold,
}

impl Capability {
    fn what(self) -> &'static str {
        match self {
            Capability::Packaging => {
                "packaging and restoring accounts with the panel's tools (migrate, whole-account restore)"
            }
            Capability::Backups => "reading the panel's backups (backup list, restore, undo)",
            Capability::Passwords => "password resets through the panel's own interface",
            Capability::Dns => "reading and changing DNS zones (dns show, add, set, rm, undo)",
            Capability::MailHold => {
                "holding an account's outgoing mail (mail hold, release): the panel has no per-account hold hostops can call; remove its queued messages with `mail queue HOST --remove --sender ADDR` or suspend the mailbox in the panel"
            }
        }
    }

    fn on(self, p: &dyn Panel) -> bool {
        match self {
            Capability::Packaging => p.packaging().is_some(),
            Capability::Backups => p.backups().is_some(),
            Capability::Passwords => p.passwords().is_some(),
            Capability::Dns => p.dns().is_some(),
            Capability::MailHold => p.mail_hold().is_some(),
        }
    }
}

/// "Not on this panel": the one refusal for a capability a host's panel lacks (exit 4).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{host} runs {}: {} is not supported there; hostops supports it on {}",
    panel_name(*panel),
    capability.what(),
    supported_on(*capability)
)]
pub struct Unsupported {
    pub host: String,
    pub panel: PanelKind,
    pub capability: Capability,
}

impl Unsupported {
    pub fn new(host: &str, panel: PanelKind, capability: Capability) -> Unsupported {
        Unsupported {
            host: host.to_string(),
            panel,
            capability,
        }
    }
}

fn panel_name(kind: PanelKind) -> &'static str {
    match kind {
        PanelKind::Cpanel => "cPanel",
        PanelKind::Plesk => "Plesk",
        PanelKind::Directadmin => "DirectAdmin",
        PanelKind::None => "no control panel",
    }
}

/// The panels whose driver has `capability`, in words.
fn supported_on(capability: Capability) -> String {
    let names: Vec<&str> = PanelKind::ALL
        .into_iter()
        .filter(|k| capability.on(driver(*k).as_ref()))
        .map(panel_name)
        .collect();
    match names.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => "no panel".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_capability_is_one_refusal_naming_host_panel_and_capability() {
        let none = driver(PanelKind::None);
        let e = none.backups_on("web1").err().unwrap();
        assert_eq!(
            e,
            Unsupported::new("web1", PanelKind::None, Capability::Backups)
        );
        let text = e.to_string();
        assert!(
            text.starts_with("web1 runs no control panel: reading the panel's backups")
                && text.ends_with("hostops supports it on cPanel, Plesk and DirectAdmin"),
            "{text}"
        );
        let e = anyhow::Error::from(none.packaging_on("web1").err().unwrap())
            .context("planning the migration");
        assert!(e.chain().any(|c| c.is::<Unsupported>()));
        assert!(driver(PanelKind::Plesk).packaging_on("web1").is_ok());
    }
}
