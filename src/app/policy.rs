//! The support-level policy: one table of the level each task needs (the company may change
//! it in the config file's `[levels]`), the operator's level (HOSTOPS_LEVEL or the config's
//! `level`), and the one check that refuses a task above it (exit 4) before any host is
//! contacted, naming the escalation to run instead.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::context::Context;
use crate::exit::StatusError;

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
    ("backup list", 2, "list an account's restore points"),
    ("backup restore", 2, "restore an account from backup"),
    ("backup undo", 2, "undo a restore"),
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
pub struct Overrides(BTreeMap<String, Level>);

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

fn row(task: &str) -> Option<&'static (&'static str, u8, &'static str)> {
    TABLE.iter().find(|r| r.0 == task)
}

/// What a run is asked to do, as far as its level depends on it.
#[derive(Debug)]
pub struct Task {
    /// The row of [`TABLE`].
    pub row: &'static str,
    /// The task in words, for the refusal (`migrate run` of 3 accounts).
    pub what: String,
    /// A level the request itself declares (a playbook's `level:`), needed on top of the row's.
    pub declared: Option<Level>,
}

impl Task {
    /// The task of a command whose level does not depend on its arguments.
    pub fn command(name: &'static str) -> Task {
        Task {
            row: name,
            what: format!("`{name}`"),
            declared: None,
        }
    }

    /// `migrate run` or `migrate sync` of `accounts` accounts (None: every account of the
    /// source, or of a reseller: several).
    pub fn migration(command: &'static str, accounts: Option<usize>) -> Task {
        match accounts {
            Some(1) => Task::command(command),
            n => Task {
                row: if command == "migrate run" {
                    "migrate run (several accounts)"
                } else {
                    "migrate sync (several accounts)"
                },
                what: match n {
                    Some(n) => format!("`{command}` of {n} accounts"),
                    None => format!("`{command}` of a selection of accounts"),
                },
                declared: None,
            },
        }
    }

    /// A playbook run: the `playbook run` row, and the level the playbook declares.
    pub fn playbook(name: &str, declared: Level) -> Task {
        Task {
            row: "playbook run",
            what: format!("playbook `{name}`"),
            declared: Some(declared),
        }
    }
}

/// The level `task` needs: its row (as the config file sets it, else the table), or the
/// level the request declares if higher.
pub fn required(overrides: &Overrides, task: &Task) -> Level {
    let table = row(task.row)
        .and_then(|r| Level::new(r.1))
        .unwrap_or(Level::L1);
    let row = overrides.0.get(task.row).copied().unwrap_or(table);
    task.declared.map_or(row, |d| d.max(row))
}

/// The operator's support level: HOSTOPS_LEVEL (`3` or `L3`), else `level` in the config;
/// None when neither is set (then nothing is refused).
pub fn operator_level(ctx: &Context) -> Result<Option<Level>, StatusError> {
    match std::env::var("HOSTOPS_LEVEL") {
        Ok(v) if !v.trim().is_empty() => v
            .parse()
            .map(Some)
            .map_err(|e| StatusError::usage(format!("HOSTOPS_LEVEL: {e}"))),
        _ => Ok(ctx.config.level),
    }
}

/// Refuses `task` (exit 4) when it needs a higher level than the operator's, with the
/// escalation to run instead. No level configured: nothing is refused.
pub fn check(ctx: &Context, task: &Task) -> Result<(), StatusError> {
    let Some(mine) = operator_level(ctx)? else {
        return Ok(());
    };
    let needed = required(&ctx.config.levels, task);
    if needed <= mine {
        return Ok(());
    }
    let ticket = ctx.ticket().map_or("TICKET", |t| t.as_str());
    Err(StatusError::refused(format!(
        "{} is a level-{} task and your level is {} (HOSTOPS_LEVEL or `level` in the config): \
         escalate the ticket instead: hostops ticket escalate {ticket} --to {needed} --note \
         \"what you found and what is needed\"",
        task.what,
        needed.number(),
        mine.number()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overrides(toml: &str) -> Result<Overrides, toml::de::Error> {
        #[derive(Deserialize)]
        struct Doc {
            levels: Overrides,
        }
        toml::from_str::<Doc>(toml).map(|d| d.levels)
    }

    #[test]
    fn one_account_is_l2_several_are_l3() {
        let none = Overrides::default();
        let one = Task::migration("migrate run", Some(1));
        assert_eq!(required(&none, &one), Level::L2);
        for many in [Some(2), Some(25), None] {
            let t = Task::migration("migrate run", many);
            assert_eq!(required(&none, &t), Level::L3, "{t:?}");
        }
        assert_eq!(
            required(&none, &Task::migration("migrate sync", Some(3))),
            Level::L3
        );
        assert_eq!(required(&none, &Task::command("hosts check")), Level::L1);
    }

    #[test]
    fn a_playbook_needs_its_own_level_or_the_rows_if_higher() {
        let none = Overrides::default();
        assert_eq!(
            required(&none, &Task::playbook("rebuild-php", Level::L3)),
            Level::L3
        );
        assert_eq!(
            required(&none, &Task::playbook("fix", Level::L2)),
            Level::L2
        );
        let strict = overrides("[levels]\n\"playbook run\" = 3\n").unwrap();
        assert_eq!(
            required(&strict, &Task::playbook("fix", Level::L2)),
            Level::L3
        );
    }

    #[test]
    fn the_config_file_changes_a_row_and_names_only_rows_of_the_table() {
        let o = overrides("[levels]\n\"migrate run\" = 3\n\"exec\" = 1\n").unwrap();
        assert_eq!(
            required(&o, &Task::migration("migrate run", Some(1))),
            Level::L3
        );
        assert_eq!(required(&o, &Task::command("exec")), Level::L1);
        let e = overrides("[levels]\n\"migrate runn\" = 3\n").unwrap_err();
        assert!(e.to_string().contains("no task `migrate runn`"), "{e}");
        let e = overrides("[levels]\n\"exec\" = 7\n").unwrap_err();
        assert!(e.to_string().contains("level must be 1 to 5"), "{e}");
    }

    #[test]
    fn levels_are_read_as_numbers_or_l_numbers() {
        assert_eq!("3".parse::<Level>(), Ok(Level::L3));
        assert_eq!(" l2 ".parse::<Level>(), Ok(Level::L2));
        assert!("L9".parse::<Level>().is_err());
        assert!("three".parse::<Level>().is_err());
        assert_eq!(Level::L3.to_string(), "L3");
    }

    /// Every command has a row: a new command must say which level it needs.
    #[test]
    fn every_command_has_a_row() {
        use clap::CommandFactory;
        fn leaves(c: &clap::Command, prefix: &str, out: &mut Vec<String>) {
            for sub in c.get_subcommands().filter(|s| s.get_name() != "help") {
                let name = format!("{prefix}{}", sub.get_name());
                if sub.has_subcommands() {
                    leaves(sub, &format!("{name} "), out);
                } else {
                    out.push(name);
                }
            }
        }
        let mut names = Vec::new();
        leaves(&crate::cli::Cli::command(), "", &mut names);
        assert!(names.len() > 20, "{names:?}");
        for name in names {
            assert!(
                row(&name).is_some(),
                "no level for `{name}` in policy::TABLE"
            );
        }
    }
}
