//! Support levels L1-L5 and the one table of the level each task needs: plain data that the
//! config file and the command line read, below the policy that checks them (`app::policy`).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// A support level, L1 (first line) to L5 (management).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Level(u8);

impl Level {
    pub const L1: Level = Level(1);
    pub const L2: Level = Level(2);
    pub const L3: Level = Level(3);

    /// `n` as a level, if it is one (1 to 5).
    pub fn new(n: u8) -> Option<Level> {
        (1..=5).contains(&n).then_some(Level(n))
    }

    pub fn number(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "L{}", self.0)
    }
}

/// `3` or `L3` (any case).
impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Level, String> {
        let t = s.trim();
        t.strip_prefix(['L', 'l'])
            .unwrap_or(t)
            .parse()
            .ok()
            .and_then(Level::new)
            .ok_or_else(|| format!("`{s}` is not a support level: use 1 to 5 (or L1 to L5)"))
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Level, D::Error> {
        let n = u8::deserialize(d)?;
        Level::new(n).ok_or_else(|| {
            serde::de::Error::custom(format!("level must be 1 to 5 (L1 to L5), not {n}"))
        })
    }
}

/// Every task and the level it needs, from the support-level documents: L1 reads, L2 does the
/// single-account work (a migration, a restore, ad-hoc commands, blocklist and mail
/// investigation), L3 the multi-account and server-wide work. A command whose level depends on
/// its arguments has a row per case (`migrate run` of one account, of several).
pub const TABLE: &[(&str, u8, &str)] = &[
    ("hosts list", 1, "list the inventory"),
    ("hosts check", 1, "read servers' facts"),
    (
        "blacklist check",
        1,
        "look addresses and domains up in blocklists",
    ),
    ("log list", 1, "read the journal"),
    ("log show", 1, "read a ticket's timeline"),
    ("log export", 1, "write a ticket's hand-over note"),
    ("log verify", 1, "check the journal's hash chain"),
    (
        "log push",
        1,
        "send runs journaled locally to the shared journal",
    ),
    ("log init-server", 3, "create the team's shared journal"),
    ("playbook list", 1, "list playbooks"),
    ("playbook show", 1, "read a playbook"),
    ("playbook lint", 1, "check a playbook"),
    ("completions", 1, "print shell completions"),
    // Every level may read and escalate a ticket: a refused operator can always escalate.
    ("ticket show", 1, "read a ticket's timeline"),
    ("ticket list", 1, "list tickets"),
    ("ticket handoff", 1, "write a ticket's hand-over note"),
    ("ticket escalate", 1, "hand a ticket to the next level"),
    ("ticket close", 1, "close a ticket"),
    ("account find", 1, "find an account"),
    ("account show", 1, "read an account"),
    ("diagnose load", 2, "investigate a server's load"),
    ("web check", 1, "explain a site's Apache answer"),
    ("web config show", 1, "read a domain's Apache configuration"),
    (
        "web config edit",
        2,
        "change a domain's Apache configuration",
    ),
    (
        "web undo",
        2,
        "undo a change of a domain's Apache configuration",
    ),
    (
        "web htpasswd",
        1,
        "set a password of a site's password file",
    ),
    ("diagnose hardware", 3, "investigate a server's hardware"),
    ("man", 1, "print the man page"),
    (
        "exec",
        2,
        "run a command on servers (load and ad-hoc investigation)",
    ),
    ("copy", 2, "copy a file to or from servers"),
    (
        "blacklist investigate",
        2,
        "find who sends the spam (e-mail)",
    ),
    ("dns show", 1, "read a domain's DNS records"),
    ("dns check", 1, "ask a domain's nameservers"),
    ("dns add", 2, "add a DNS record"),
    ("dns set", 2, "change a DNS record"),
    ("dns rm", 2, "remove a DNS record"),
    ("dns apply", 2, "change several DNS records"),
    ("dns undo", 2, "undo a DNS change"),
    (
        "mail trace",
        1,
        "trace a message through a server's mail log",
    ),
    ("mail queue", 1, "read a server's mail queue figures"),
    ("mail check", 1, "check a mailbox and its domain's mail DNS"),
    ("mail hold", 2, "hold an account's outgoing mail"),
    ("mail release", 2, "release an account's held outgoing mail"),
    (
        "mail queue remove",
        2,
        "remove messages from a server's mail queue",
    ),
    ("backup list", 2, "list an account's restore points"),
    ("backup restore", 2, "restore an account from backup"),
    ("backup undo", 2, "undo a restore"),
    (
        "password reset",
        2,
        "reset an account, mailbox, FTP or database password",
    ),
    ("migrate plan", 2, "preflight a migration"),
    ("migrate verify", 2, "compare migrated accounts"),
    ("migrate run", 2, "migrate one account"),
    (
        "migrate run (several accounts)",
        3,
        "migrate several accounts (more than 20 only with --scheduled)",
    ),
    ("migrate sync", 2, "final sync of one migrated account"),
    (
        "migrate sync (several accounts)",
        3,
        "final sync of several migrated accounts",
    ),
    (
        "playbook run",
        2,
        "run a playbook: at least this, and the playbook's own `level:` (L3 rebuilds, upgrades)",
    ),
];

/// The config file's `[levels]`: table rows the company sets to another level. Every key must
/// be a row of [`TABLE`].
#[derive(Debug, Default)]
pub struct Overrides(pub(crate) BTreeMap<String, Level>);

impl<'de> Deserialize<'de> for Overrides {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Overrides, D::Error> {
        let map = BTreeMap::<String, Level>::deserialize(d)?;
        if let Some(unknown) = map.keys().find(|k| row(k).is_none()) {
            return Err(serde::de::Error::custom(format!(
                "[levels]: no task `{unknown}`; the tasks are: {}",
                TABLE.iter().map(|r| r.0).collect::<Vec<_>>().join(", ")
            )));
        }
        Ok(Overrides(map))
    }
}

pub(crate) fn row(task: &str) -> Option<&'static (&'static str, u8, &'static str)> {
    TABLE.iter().find(|r| r.0 == task)
}
