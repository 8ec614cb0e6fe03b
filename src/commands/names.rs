//! What each command is called (the envelope's `command`, the journal's run name) and which
//! commands contact hosts (and so need a ticket and are journaled).

use crate::cli::{AccountCommand, BlacklistCommand, Command, HostsCommand};

/// The command as typed, without its arguments: the envelope's `command` and the name a run
/// is journaled under.
pub fn command_name(cmd: &Command) -> &'static str {
    use crate::cli::PlaybookCommand as P;
    use crate::cli::{BackupCommand as B, LogCommand as L, MigrateCommand as M};
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
        Command::Blacklist(b) => match b.command {
            BlacklistCommand::Check(_) => "blacklist check",
            BlacklistCommand::Investigate(_) => "blacklist investigate",
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
        Command::Completions { .. } => "completions",
        Command::Man => "man",
    }
}

/// Whether a command contacts hosts, and so needs a ticket and is journaled.
pub fn journaled(cmd: &Command) -> bool {
    match cmd {
        Command::Hosts(h) => matches!(h.command, HostsCommand::Check { .. }),
        Command::Exec(_) | Command::Copy(_) | Command::Blacklist(_) => true,
        Command::Account(_) => true,
        Command::Migrate(_) | Command::Backup(_) => true,
        Command::Playbook(p) => matches!(p.command, crate::cli::PlaybookCommand::Run(_)),
        Command::Log(_) | Command::Completions { .. } | Command::Man => false,
    }
}
