//! `hostops completions` and `hostops man`: generated from the clap types, and the same
//! generators feed the checked-in files under completions/ (a test fails when they drift).

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::context::Context;
use crate::exit::ExitStatus;

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "hostops", &mut out);
    out
}

/// The man page, roff.
pub fn man_page() -> Vec<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .expect("writing to memory cannot fail");
    out
}

/// The file name each completion script has under completions/.
pub fn completion_file(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "hostops.bash",
        Shell::Zsh => "_hostops",
        Shell::Fish => "hostops.fish",
        Shell::Elvish => "hostops.elv",
        Shell::PowerShell => "_hostops.ps1",
        _ => "hostops.unknown",
    }
}

pub fn print_completions(ctx: &Context, shell: Shell) -> Result<ExitStatus> {
    ctx.printer.raw(&completion_script(shell));
    Ok(ExitStatus::Success)
}

pub fn print_man(ctx: &Context) -> Result<ExitStatus> {
    ctx.printer.raw(&man_page());
    Ok(ExitStatus::Success)
}
