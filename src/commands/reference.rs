//! `hostops completions` and `hostops man`: generated from the clap types, and the same
//! generators feed the checked-in files under completions/ (a test fails when they drift).

use anyhow::Result;
use clap::CommandFactory;
use clap_complete::Shell;
use serde::Serialize;

use crate::app::{finish, Finished, Report};
use crate::cli::Cli;
use crate::context::Context;
use crate::output::Printer;

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

/// A completion script: printed as it is for people, `{shell, script}` with `--json`.
#[derive(Serialize)]
pub struct Completions {
    shell: String,
    script: String,
}

impl Report for Completions {
    fn render(&self, p: &Printer) {
        p.raw(self.script.as_bytes());
    }
}

/// The man page: printed as it is (roff) for people, `{page}` with `--json`.
#[derive(Serialize)]
pub struct ManPage {
    page: String,
}

impl Report for ManPage {
    fn render(&self, p: &Printer) {
        p.raw(self.page.as_bytes());
    }
}

pub fn completions(ctx: &Context, shell: Shell) -> Result<Finished> {
    let script = String::from_utf8_lossy(&completion_script(shell)).into_owned();
    let shell = shell.to_string();
    finish(ctx, &Completions { shell, script })
}

pub fn man(ctx: &Context) -> Result<Finished> {
    let page = String::from_utf8_lossy(&man_page()).into_owned();
    finish(ctx, &ManPage { page })
}
