//! Running the panel's own packaging, restore and removal tools and judging their output.

use super::{Account, Packaging};
use crate::transport::{self, Cmd, Transport};

/// Runs a panel tool that changes something and returns its combined output, or an error with
/// the tool's last lines.
fn change(t: &dyn Transport, what: &str, cmd: &Cmd) -> anyhow::Result<String> {
    let out = transport::run(t, cmd, None, None)?;
    let text = format!("{}{}", out.stdout_text(), out.stderr_text());
    if !out.exit.success() {
        anyhow::bail!(
            "{what} failed on {} ({}): {}",
            t.target().name,
            out.exit,
            last_lines(&text)
        );
    }
    Ok(text)
}

/// The end of a tool's output, for error messages.
pub(super) fn last_lines(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    lines[lines.len().saturating_sub(5)..].join(" | ")
}

/// Packages `account` into `dir` on `t`; returns the archive path.
pub fn package(
    p: &dyn Packaging,
    t: &dyn Transport,
    account: &Account,
    dir: &str,
) -> anyhow::Result<String> {
    let cmd = p.package_command(account, dir);
    run_packaging(p, t, account, &cmd, p.archive_path(account, dir))
}

/// Takes a safety snapshot of `account` into `dir` on `t`; returns the archive path.
pub fn snapshot(
    p: &dyn Packaging,
    t: &dyn Transport,
    account: &Account,
    dir: &str,
) -> anyhow::Result<String> {
    let (cmd, path) = p.snapshot_command(account, dir);
    run_packaging(p, t, account, &cmd, path)
}

fn run_packaging(
    p: &dyn Packaging,
    t: &dyn Transport,
    account: &Account,
    cmd: &Cmd,
    archive: String,
) -> anyhow::Result<String> {
    let text = change(t, &format!("packaging {}", account.user), cmd)?;
    p.packaged(&account.user, &text)?;
    Ok(archive)
}

/// Restores `archive` on `t` as `account`.
pub fn restore(
    p: &dyn Packaging,
    t: &dyn Transport,
    account: &Account,
    archive: &str,
) -> anyhow::Result<()> {
    restore_with(p, t, account, &p.restore_command(account, archive))
}

/// Runs the panel's restore command `cmd` for `account` and judges its output.
pub fn restore_with(
    p: &dyn Packaging,
    t: &dyn Transport,
    account: &Account,
    cmd: &Cmd,
) -> anyhow::Result<()> {
    let text = change(t, &format!("restoring {}", account.user), cmd)?;
    p.restored(account, &text)
}

/// Removes `account` from `t`.
pub fn remove(p: &dyn Packaging, t: &dyn Transport, account: &Account) -> anyhow::Result<()> {
    change(
        t,
        &format!("removing {}", account.user),
        &p.remove_command(account),
    )
    .map(|_| ())
}
