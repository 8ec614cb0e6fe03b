//! Generated reference material: checked-in completions and man page must match the clap
//! definitions; help text is snapshotted so a change to it is a reviewed change.

use std::path::Path;

use clap_complete::Shell;
use hostops::commands::reference::{completion_file, completion_script, man_page};

use crate::support::{stdout, Env};

const REGENERATE: &str = "regenerate with: HOSTOPS_BLESS=1 cargo test --test it reference";

/// Compares `path` with `expected`; with HOSTOPS_BLESS=1 rewrites it instead.
fn check_file(path: &Path, expected: &[u8]) {
    if std::env::var_os("HOSTOPS_BLESS").is_some() {
        std::fs::write(path, expected).unwrap();
    }
    let on_disk =
        std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}; {REGENERATE}", path.display()));
    assert!(
        on_disk == expected,
        "{} drifted from the CLI; {REGENERATE}",
        path.display()
    );
}

#[test]
fn checked_in_completions_match_the_cli() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        check_file(&dir.join(completion_file(shell)), &completion_script(shell));
    }
    check_file(&dir.join("hostops.1"), &man_page());
}

#[test]
fn completions_command_prints_the_same_script() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, completion_script(Shell::Bash));
    assert!(stdout(&out).contains("hostops__subcmd__exec"));
}

#[test]
fn help_text_snapshots() {
    let env = Env::new();
    for (name, args) in [
        ("help", vec!["--help"]),
        ("exec-help", vec!["exec", "--help"]),
        ("hosts-check-help", vec!["hosts", "check", "--help"]),
        ("log-help", vec!["log", "--help"]),
        ("copy-help", vec!["copy", "--help"]),
        ("blacklist-check-help", vec!["blacklist", "check", "--help"]),
        (
            "blacklist-investigate-help",
            vec!["blacklist", "investigate", "--help"],
        ),
        ("playbook-run-help", vec!["playbook", "run", "--help"]),
        ("backup-restore-help", vec!["backup", "restore", "--help"]),
    ] {
        let out = env
            .hostops()
            .env("COLUMNS", "100")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        insta::assert_snapshot!(name, stdout(&out));
    }
}
