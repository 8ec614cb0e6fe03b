//! Generated reference material: checked-in completions and man page must match the clap
//! definitions; help text is snapshotted so a change to it is a reviewed change.

use std::path::Path;

use clap_complete::Shell;
use hostops::commands::reference::{completion_file, completion_script, man_page, man_pages};

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
    let pages = man_pages();
    for (name, page) in &pages {
        check_file(&dir.join(name), page);
    }
    // No page left over from a subcommand that is gone.
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".1") {
            assert!(
                pages.iter().any(|(p, _)| *p == name),
                "completions/{name} belongs to no subcommand; {REGENERATE} and delete it"
            );
        }
    }
}

#[test]
fn every_man_page_a_page_refers_to_exists() {
    let pages = man_pages();
    for (name, page) in &pages {
        let text = String::from_utf8_lossy(page).replace("\\-", "-");
        for word in text.split_whitespace() {
            if let Some(target) = word
                .strip_suffix("(1)")
                .filter(|w| w.starts_with("hostops"))
            {
                let file = format!("{target}.1");
                assert!(
                    pages.iter().any(|(p, _)| *p == file),
                    "{name} refers to {target}(1), which is not generated"
                );
            }
        }
    }
}

#[test]
fn man_command_prints_the_root_page() {
    let out = Env::new().hostops().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(out.stdout, man_page());
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
        ("migrate-plan-help", vec!["migrate", "plan", "--help"]),
        ("blacklist-check-help", vec!["blacklist", "check", "--help"]),
        (
            "blacklist-investigate-help",
            vec!["blacklist", "investigate", "--help"],
        ),
        ("playbook-run-help", vec!["playbook", "run", "--help"]),
        ("backup-restore-help", vec!["backup", "restore", "--help"]),
        ("account-find-help", vec!["account", "find", "--help"]),
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
