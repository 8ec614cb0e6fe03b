//! The support-level policy: one table of the level each task needs (the company may change
//! it in the config file's `[levels]`), the operator's level (HOSTOPS_LEVEL or the config's
//! `level`), and the one check that refuses a task above it (exit 4) before any host is
//! contacted, naming the escalation to run instead.

use crate::context::Context;
use crate::exit::StatusError;
use crate::level::row;
pub use crate::level::{Level, Overrides, TABLE};

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
    use serde::Deserialize;

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
