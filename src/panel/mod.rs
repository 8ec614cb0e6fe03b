//! Control panels (cPanel, Plesk, DirectAdmin, or none): which one a host runs and at which
//! version, read from the panels' documented version commands and files (see
//! shared/docs/reference/), and its driver. A driver (one folder each, one file per
//! capability) always has [`Accounts`] and [`Lookup`] and hands out the other capabilities as
//! `Option<&dyn ...>`: one a panel lacks is the one [`Unsupported`] refusal (exit 4).

pub mod answer;
pub mod backup;
mod cpanel;
mod directadmin;
pub mod dns;
pub mod lookup;
pub mod mailrules;
mod none;
pub mod password;
mod plesk;
mod refusal;
mod tools;
mod version;
pub mod web;

use serde::Serialize;

use crate::host::kv;
use crate::host::listing::{Listing, Source};
use crate::transport::{self, Cmd, Transport};
pub use backup::{Contents, RestorePoint};
pub use lookup::Lookup;
pub use password::Passwords;
pub use refusal::{Capability, Unsupported};
pub use tools::{package, remove, restore, restore_with, snapshot};
pub use version::{parse_cpanel, parse_directadmin, parse_plesk};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PanelKind {
    Cpanel,
    Plesk,
    Directadmin,
    None,
}

impl PanelKind {
    pub const ALL: [PanelKind; 4] = [
        PanelKind::Cpanel,
        PanelKind::Plesk,
        PanelKind::Directadmin,
        PanelKind::None,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PanelKind::Cpanel => "cpanel",
            PanelKind::Plesk => "plesk",
            PanelKind::Directadmin => "directadmin",
            PanelKind::None => "none",
        }
    }
}

/// The panel a host runs, with the full version and the major version used by migration rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PanelInfo {
    pub kind: PanelKind,
    pub version: Option<String>,
    pub major: Option<String>,
}

impl PanelInfo {
    pub fn none() -> PanelInfo {
        PanelInfo {
            kind: PanelKind::None,
            version: None,
            major: None,
        }
    }
}

/// One hosting account as a panel sees it: what a migration must carry and check for clashes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Account {
    pub user: String,
    pub owner: Option<String>,
    /// Main domain first, then addon, sub and parked domains.
    pub domains: Vec<String>,
    pub databases: Vec<String>,
    pub db_users: Vec<String>,
    /// `box@domain`
    pub mailboxes: Vec<String>,
    /// As the panel reports it (0 where it does not); migrations measure the home directory.
    pub disk_used_bytes: u64,
}

/// The accounts of a panel: where their data lives and what each holds. Every driver has it.
pub trait Accounts: Send + Sync {
    fn kind(&self) -> PanelKind;
    /// Where accounts' data lives (free space is measured there).
    fn data_root(&self) -> &'static str {
        "/home"
    }
    /// The directory holding one account's files.
    fn data_dir(&self, account: &Account) -> String {
        format!("{}/{}", self.data_root(), account.user)
    }
    /// The folder `account`'s maildirs are under (up to three levels down).
    fn mail_root(&self, account: &Account) -> String {
        format!("/home/{}/mail", account.user)
    }
    /// The maildir of `mailbox` (`box@domain`) of `account`.
    fn mail_dir(&self, account: &Account, mailbox: &str) -> String {
        let (b, d) = mailbox.split_once('@').unwrap_or((mailbox, ""));
        format!("{}/{d}/{b}", self.mail_root(account))
    }
    /// The DNS zone file of `domain`.
    fn zone_file(&self, domain: &str) -> String {
        format!("/var/named/{domain}.db")
    }
    /// The crontab of `account`.
    fn cron_file(&self, account: &Account) -> String {
        format!("/var/spool/cron/{}", account.user)
    }
    /// Every account, with domains, databases, DB users, mailboxes and disk used.
    fn accounts(&self, t: &dyn Transport) -> anyhow::Result<Vec<Account>>;
    /// The account `user`, if there is one (a panel may read that one account only).
    fn account(&self, t: &dyn Transport, user: &str) -> anyhow::Result<Option<Account>> {
        Ok(self.accounts(t)?.into_iter().find(|a| a.user == user))
    }
    /// Who owns an account's restored files (`user:group`), as the panel's own restore sets
    /// them; None keeps the owners the archive holds.
    fn file_owner(&self, account: &Account) -> Option<String> {
        Some(format!("{0}:{0}", account.user))
    }
}

/// The panel's own tools that package an account, restore a package and remove an account.
pub trait Packaging: Send + Sync {
    /// The home directory of `account` when the panel packages the account without it and
    /// restores the package without it (cPanel's Transfer Tool: `pkgacct --skiphomedir`), so
    /// that the home moves as a stream of its own; None when the package carries the home.
    fn streamed_home(&self, _account: &Account) -> Option<String> {
        None
    }
    /// The panel's own command that packages `account` into `dir` (without the home directory
    /// when [`Packaging::streamed_home`] says so).
    fn package_command(&self, account: &Account, dir: &str) -> Cmd;
    /// Where that command leaves the archive.
    fn archive_path(&self, account: &Account, dir: &str) -> String;
    /// The packaging for a safety snapshot, and the archive it leaves: it stays on the same
    /// server and is short-lived, so it is not compressed where the tool allows that.
    fn snapshot_command(&self, account: &Account, dir: &str) -> (Cmd, String) {
        (
            self.package_command(account, dir),
            self.archive_path(account, dir),
        )
    }
    /// Judges the packaging tool's output (exit status already checked).
    fn packaged(&self, _user: &str, _output: &str) -> anyhow::Result<()> {
        Ok(())
    }
    /// The panel's own command that restores `archive` as `account`.
    fn restore_command(&self, account: &Account, archive: &str) -> Cmd;
    /// The panel's own restore over an existing account (its files and settings overwritten
    /// in place), where the panel has one; otherwise the account is removed first.
    fn restore_over_command(&self, _account: &Account, _archive: &str) -> Option<Cmd> {
        None
    }
    /// Judges the restore tool's output (exit status already checked): database errors are
    /// failures even when the tool exits 0.
    fn restored(&self, _account: &Account, _output: &str) -> anyhow::Result<()> {
        Ok(())
    }
    /// The command that removes an account (a failed, partially restored one).
    fn remove_command(&self, account: &Account) -> Cmd;
}

/// The panel's backups on a server: where restore points are and what each holds.
pub trait Backups: Send + Sync {
    /// Shell script printing one line per restore point on the server:
    /// `SIZE\tMTIME\tPATH` (see [`crate::host::stat::script`]), plus `\tACCOUNT\tDOMAIN` where the
    /// path alone does not say whose it is.
    fn backup_probe(&self) -> String;
    /// The restore point a probe line describes (None: not one of this panel's backups).
    fn restore_point(&self, line: &str) -> Option<RestorePoint>;
    /// What to list to learn what `point` holds.
    fn backup_source(&self, point: &RestorePoint) -> Source {
        backup::archive_or_dir(&point.path)
    }
    /// Where `point`'s files, mailboxes and dumps are, from the listing of its source.
    fn backup_contents(&self, point: &RestorePoint, listing: &Listing) -> Contents;
}

/// The panel's hold on an account's outgoing mail (kept in the queue, neither sent nor
/// bounced).
pub trait MailHold: Send + Sync {
    /// The call that holds (`hold`) or releases `account`'s outgoing mail; its output is
    /// WHM API 1's envelope.
    fn command(&self, account: &str, hold: bool) -> Cmd;
}

/// A panel driver: its accounts and their lookups, and each further capability where the
/// panel has it.
pub trait Panel: Accounts + Lookup {
    fn packaging(&self) -> Option<&dyn Packaging>;
    fn backups(&self) -> Option<&dyn Backups>;
    fn passwords(&self) -> Option<&dyn Passwords>;
    /// Where the panel keeps `domain`'s own Apache lines (of account `user`; port 443's
    /// where the panel keeps them apart and `https`); None: no panel, the vhost's own file.
    fn apache_include(&self, user: &str, domain: &str, https: bool) -> Option<web::Place>;
    fn dns(&self) -> Option<&dyn dns::Dns>;
    /// Only cPanel has a per-account hold hostops can call.
    fn mail_hold(&self) -> Option<&dyn MailHold> {
        None
    }
    /// Where the panel keeps a mailbox's filters and autoresponder (None: hostops does not
    /// read them on this panel).
    fn mail_rules(&self) -> Option<&dyn mailrules::MailRules> {
        None
    }

    /// The packaging tools, or the refusal naming `host`, its panel and the capability.
    fn packaging_on(&self, host: &str) -> Result<&dyn Packaging, Unsupported> {
        self.packaging()
            .ok_or_else(|| Unsupported::new(host, self.kind(), Capability::Packaging))
    }
    /// The backups, or the refusal naming `host`, its panel and the capability.
    fn backups_on(&self, host: &str) -> Result<&dyn Backups, Unsupported> {
        self.backups()
            .ok_or_else(|| Unsupported::new(host, self.kind(), Capability::Backups))
    }
    /// The password calls, or the refusal naming `host`, its panel and the capability.
    fn passwords_on(&self, host: &str) -> Result<&dyn Passwords, Unsupported> {
        self.passwords()
            .ok_or_else(|| Unsupported::new(host, self.kind(), Capability::Passwords))
    }
    /// The DNS zones, or the refusal naming `host`, its panel and the capability.
    fn dns_on(&self, host: &str) -> Result<&dyn dns::Dns, Unsupported> {
        self.dns()
            .ok_or_else(|| Unsupported::new(host, self.kind(), Capability::Dns))
    }
    /// The outgoing mail hold, or the refusal naming `host`, its panel and the capability.
    fn mail_hold_on(&self, host: &str) -> Result<&dyn MailHold, Unsupported> {
        self.mail_hold()
            .ok_or_else(|| Unsupported::new(host, self.kind(), Capability::MailHold))
    }
}

/// A panel account name hostops will pass to panel tools: lowercase letter first, then
/// lowercase letters, digits, `_` or `-`, at most 32 characters.
pub fn valid_account_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && name.len() <= 32
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The driver for a panel kind (`none` for plain Linux servers).
pub fn driver(kind: PanelKind) -> Box<dyn Panel> {
    match kind {
        PanelKind::Cpanel => Box::new(cpanel::Cpanel),
        PanelKind::Plesk => Box::new(plesk::Plesk),
        PanelKind::Directadmin => Box::new(directadmin::DirectAdmin),
        PanelKind::None => Box::new(none::NoPanel),
    }
}

/// Constant probe printing each panel's version source in its own `@@` section.
pub const VERSION_PROBE: &str = r#"printf '\n@@cpanel\n'; cat /usr/local/cpanel/version 2>/dev/null
printf '\n@@plesk\n'; if command -v plesk >/dev/null 2>&1; then plesk version 2>/dev/null; elif [ -r /usr/local/psa/version ]; then cat /usr/local/psa/version; fi
printf '\n@@directadmin\n'; if command -v da >/dev/null 2>&1; then da version 2>/dev/null; elif [ -x /usr/local/directadmin/directadmin ]; then /usr/local/directadmin/directadmin v 2>/dev/null; fi
true"#;

/// The panel from the output sections of [`VERSION_PROBE`].
pub fn from_probe(section: impl Fn(&str) -> String) -> PanelInfo {
    parse_cpanel(&section("cpanel"))
        .or_else(|| parse_plesk(&section("plesk")))
        .or_else(|| parse_directadmin(&section("directadmin")))
        .unwrap_or_else(PanelInfo::none)
}

/// Which panel a host runs, in one round trip.
pub fn detect(t: &dyn Transport) -> anyhow::Result<PanelInfo> {
    let out = transport::run_ok(t, &Cmd::new("sh").args(["-c", VERSION_PROBE]))?;
    let text = out.stdout_text();
    let s = kv::sections(&text);
    Ok(from_probe(|name| s.get(name).cloned().unwrap_or_default()))
}

/// The mailboxes (`box@domain`) kept as `BASE/DOMAIN/BOX` folders on `t` (none without BASE).
fn list_mailboxes(t: &dyn Transport, base: &str) -> anyhow::Result<Vec<String>> {
    let find = Cmd::new("find").args([base, "-mindepth", "2", "-maxdepth", "2", "-type", "d"]);
    Ok(mailboxes_under(
        &transport::run(t, &find, None, None)?.stdout_text(),
        base,
    ))
}

/// Mail folders `BASE/DOMAIN/BOX` listed by `find` (one path a line), as `box@domain`.
fn mailboxes_under(listing: &str, base: &str) -> Vec<String> {
    listing
        .lines()
        .filter_map(|l| {
            l.strip_prefix(base)?
                .trim_start_matches('/')
                .split_once('/')
        })
        .filter(|(domain, mailbox)| {
            domain.contains('.') && !mailbox.is_empty() && !mailbox.contains('/')
        })
        .map(|(domain, mailbox)| format!("{mailbox}@{domain}"))
        .collect()
}

/// Runs a read-only panel command and returns stdout, with the command in any error.
fn query(t: &dyn Transport, cmd: Cmd) -> anyhow::Result<String> {
    Ok(transport::run_ok(t, &cmd)?.stdout_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drivers_hand_out_the_capabilities_their_panel_has() {
        for kind in [PanelKind::Cpanel, PanelKind::Plesk, PanelKind::Directadmin] {
            let d = driver(kind);
            assert_eq!(d.kind(), kind);
            assert!(d.packaging().is_some() && d.backups().is_some(), "{kind:?}");
        }
        let none = driver(PanelKind::None);
        assert_eq!(none.kind(), PanelKind::None);
        assert!(none.packaging().is_none() && none.backups().is_none());
    }
}
