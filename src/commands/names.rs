//! What each command is called (the envelope's `command`, the journal's run name), which
//! commands contact hosts (and so need a ticket and are journaled), and the task whose support
//! level the policy checks.

use crate::app::policy::Task;
use crate::cli::{
    AccountCommand, BlacklistCommand, Command, DiagnoseCommand, HostsCommand, MailCommand,
    MigrateCommand,
};

/// The command as typed, without its arguments: the envelope's `command` and the name a run
/// is journaled under.
pub fn command_name(cmd: &Command) -> &'static str {
    use crate::cli::PlaybookCommand as P;
    use crate::cli::{
        BackupCommand as B, LogCommand as L, MigrateCommand as M, TicketCommand as T,
    };
    match cmd {
        Command::Hosts(h) => match h.command {
            HostsCommand::Check { .. } => "hosts check",
            HostsCommand::List => "hosts list",
        },
        Command::Exec(_) => "exec",
        Command::Copy(_) => "copy",
        Command::Account(a) => match a.command {
            AccountCommand::Find { .. } => "account find",
            AccountCommand::Show { .. } => "account show",
        },
        Command::Password(_) => "password reset",
        Command::Blacklist(b) => match b.command {
            BlacklistCommand::Check(_) => "blacklist check",
            BlacklistCommand::Investigate(_) => "blacklist investigate",
        },
        Command::Diagnose(d) => match d.command {
            DiagnoseCommand::Hardware { .. } => "diagnose hardware",
            DiagnoseCommand::Load(_) => "diagnose load",
        },
        Command::Web(w) => match &w.command {
            crate::cli::WebCommand::Check(_) => "web check",
            crate::cli::WebCommand::Config(c) => match &c.command {
                crate::cli::WebConfigCommand::Show(_) => "web config show",
                crate::cli::WebConfigCommand::Edit(_) => "web config edit",
            },
            crate::cli::WebCommand::Undo { .. } => "web undo",
            crate::cli::WebCommand::Htpasswd(_) => "web htpasswd",
        },
        Command::Dns(d) => match d.command {
            crate::cli::DnsCommand::Show { .. } => "dns show",
            crate::cli::DnsCommand::Check { .. } => "dns check",
            crate::cli::DnsCommand::Add(_) => "dns add",
            crate::cli::DnsCommand::Set(_) => "dns set",
            crate::cli::DnsCommand::Rm(_) => "dns rm",
            crate::cli::DnsCommand::Apply { .. } => "dns apply",
            crate::cli::DnsCommand::Undo { .. } => "dns undo",
        },
        Command::Mail(m) => match m.command {
            MailCommand::Trace(_) => "mail trace",
            MailCommand::Queue(ref q) if q.remove => "mail queue remove",
            MailCommand::Queue(_) => "mail queue",
            MailCommand::Check(_) => "mail check",
            MailCommand::Hold(_) => "mail hold",
            MailCommand::Release(_) => "mail release",
        },
        Command::Migrate(m) => match m.command {
            M::Plan(_) => "migrate plan",
            M::Run(_) => "migrate run",
            M::Verify(_) => "migrate verify",
            M::Sync(_) => "migrate sync",
        },
        Command::Backup(b) => match b.command {
            B::List(_) => "backup list",
            B::Restore(_) => "backup restore",
            B::Undo(_) => "backup undo",
        },
        Command::Playbook(p) => match p.command {
            P::List => "playbook list",
            P::Show { .. } => "playbook show",
            P::Lint { .. } => "playbook lint",
            P::Run(_) => "playbook run",
        },
        Command::Log(l) => match l.command {
            L::List { .. } => "log list",
            L::Show { .. } => "log show",
            L::Export { .. } => "log export",
            L::Verify { .. } => "log verify",
            L::Push { .. } => "log push",
            L::InitServer { .. } => "log init-server",
        },
        Command::Ticket(t) => match t.command {
            T::Show { .. } => "ticket show",
            T::Escalate { .. } => "ticket escalate",
            T::Handoff { .. } => "ticket handoff",
            T::List { .. } => "ticket list",
            T::Close { .. } => "ticket close",
        },
        Command::Completions { .. } => "completions",
        Command::Man => "man",
    }
}

/// Whether a command contacts hosts, and so needs a ticket and is journaled.
pub fn journaled(cmd: &Command) -> bool {
    match cmd {
        Command::Hosts(h) => matches!(h.command, HostsCommand::Check { .. }),
        Command::Exec(_) | Command::Copy(_) | Command::Blacklist(_) => true,
        Command::Account(_) | Command::Password(_) | Command::Diagnose(_) | Command::Web(_) => true,
        Command::Mail(_) => true,
        Command::Migrate(_) | Command::Backup(_) | Command::Dns(_) => true,
        Command::Playbook(p) => matches!(p.command, crate::cli::PlaybookCommand::Run(_)),
        Command::Ticket(t) => matches!(
            t.command,
            crate::cli::TicketCommand::Escalate { .. } | crate::cli::TicketCommand::Close { .. }
        ),
        Command::Log(_) | Command::Completions { .. } | Command::Man => false,
    }
}

/// The task the level policy checks before dispatch. None where the level depends on what only
/// the op reads, without contacting a host: a playbook's `level:`, a resumed migration's
/// accounts (the op checks those).
pub fn task(cmd: &Command) -> Option<Task> {
    match cmd {
        Command::Playbook(p) if matches!(p.command, crate::cli::PlaybookCommand::Run(_)) => None,
        Command::Migrate(m) => match &m.command {
            MigrateCommand::Run(r) if r.resume.is_some() => None,
            MigrateCommand::Run(r) => Some(Task::migration(
                "migrate run",
                (!r.which.all && r.which.owner.is_none()).then_some(r.which.accounts.len()),
            )),
            MigrateCommand::Sync(s) => Some(Task::migration(
                "migrate sync",
                Some(s.migrated.accounts.len()),
            )),
            _ => Some(Task::command(command_name(cmd))),
        },
        _ => Some(Task::command(command_name(cmd))),
    }
}

/// The accounts and domains a journaled command line names (`argv` as journaled, the program
/// first); none when it no longer parses (a run of another version).
pub fn named_in(argv: &[String]) -> (Vec<String>, Vec<String>) {
    use crate::cli::{BackupCommand as B, Cli};
    use clap::Parser as _;
    let Ok(cli) = Cli::try_parse_from(argv) else {
        return Default::default();
    };
    match cli.command {
        Command::Migrate(m) => match m.command {
            MigrateCommand::Plan(p) => (p.which.accounts, Vec::new()),
            MigrateCommand::Run(r) => (r.which.accounts, Vec::new()),
            MigrateCommand::Verify(v) => (v.migrated.accounts, Vec::new()),
            MigrateCommand::Sync(s) => (s.migrated.accounts, Vec::new()),
        },
        Command::Backup(b) => match b.command {
            B::List(l) => (l.account.into_iter().collect(), Vec::new()),
            B::Restore(r) => (vec![r.account], Vec::new()),
            B::Undo(_) => Default::default(),
        },
        Command::Blacklist(b) => match b.command {
            BlacklistCommand::Check(c) => (
                Vec::new(),
                c.targets.into_iter().filter(|t| is_domain(t)).collect(),
            ),
            BlacklistCommand::Investigate(_) => Default::default(),
        },
        _ => Default::default(),
    }
}

/// A blocklist target that is a domain name, not an address or a network.
fn is_domain(target: &str) -> bool {
    target.contains('.')
        && target.parse::<std::net::IpAddr>().is_err()
        && !target.contains('/')
        && !target.contains(':')
}

/// The ticket a command names as its argument (`ticket show T`), standing for `--ticket T`.
pub fn ticket_argument(cmd: &Command) -> Option<&str> {
    use crate::cli::TicketCommand as T;
    match cmd {
        Command::Ticket(t) => match &t.command {
            T::Show { ticket }
            | T::Escalate { ticket, .. }
            | T::Handoff { ticket, .. }
            | T::Close { ticket, .. } => Some(ticket),
            T::List { .. } => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &str) -> Vec<String> {
        std::iter::once("hostops")
            .chain(words.split(' '))
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_journaled_command_line_names_its_accounts_and_domains() {
        assert_eq!(
            named_in(&argv("-t T-1 migrate run --from h1 --to h2 bob amy")),
            (vec!["bob".to_string(), "amy".to_string()], vec![])
        );
        assert_eq!(
            named_in(&argv("backup restore h1 --account bob --date 2026-11-01")),
            (vec!["bob".to_string()], vec![])
        );
        assert_eq!(
            named_in(&argv(
                "blacklist check 203.0.113.7 203.0.112.0/22 2001:db8::1 shop.example web01"
            )),
            (vec![], vec!["shop.example".to_string()])
        );
        assert_eq!(named_in(&argv("exec h1 -- true")), (vec![], vec![]));
        assert_eq!(named_in(&argv("no-such-command x")), (vec![], vec![]));
    }

    #[test]
    fn the_level_of_a_migration_follows_its_accounts() {
        use crate::app::policy::{required, Level, Overrides};
        use clap::Parser as _;
        let level = |words: &str| {
            let cli = crate::cli::Cli::try_parse_from(argv(words)).unwrap();
            task(&cli.command).map(|t| required(&Overrides::default(), &t))
        };
        assert_eq!(level("migrate run --from a --to b bob"), Some(Level::L2));
        assert_eq!(
            level("migrate run --from a --to b bob amy"),
            Some(Level::L3)
        );
        assert_eq!(level("migrate run --from a --to b --all"), Some(Level::L3));
        assert_eq!(
            level("migrate run --from a --to b --owner r"),
            Some(Level::L3)
        );
        assert_eq!(
            level("migrate sync --from a --to b bob amy"),
            Some(Level::L3)
        );
        assert_eq!(level("migrate plan --from a --to b --all"), Some(Level::L2));
        // Checked where what decides it is read: the resumed run, the playbook's file.
        assert_eq!(level("migrate run --resume 20261122-103001-7f3a"), None);
        assert_eq!(level("playbook run rebuild-php --host h1"), None);
        assert_eq!(level("hosts list"), Some(Level::L1));
    }
}
