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

/// The man page of `hostops` itself, roff.
pub fn man_page() -> Vec<u8> {
    man_pages()
        .into_iter()
        .find(|(name, _)| name == "hostops.1")
        .map(|(_, page)| page)
        .expect("the root page is generated")
}

/// Every man page, by file name: `hostops.1` and one per subcommand (`hostops-migrate.1`,
/// `hostops-migrate-plan.1`), the pages the SUBCOMMANDS sections refer to.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    fn walk(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, pages);
        }
        let man = clap_mangen::Man::new(cmd);
        let mut page = Vec::new();
        man.render(&mut page)
            .expect("writing to memory cannot fail");
        pages.push((man.get_filename(), page));
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    walk(cmd, &mut pages);
    pages.sort();
    pages
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
