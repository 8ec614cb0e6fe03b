//! Where playbooks come from: the ones in `playbooks/` are embedded in the binary; a folder
//! (`--playbooks DIR` or `playbooks` in the config) overrides them by name and adds more; a
//! path to a file runs that file.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};

use super::format::Playbook;
use super::parse;
use super::report::{Linted, LintedFile, Listed, Listing, Shown};
use crate::exit::StatusError;

/// The bundled playbooks: (name, YAML). `bundled_table_matches_the_folder` keeps it complete.
const BUNDLED: &[(&str, &str)] = &[
    (
        "fix-cpanel-packages",
        include_str!("../../../playbooks/fix-cpanel-packages.yml"),
    ),
    (
        "install-imagemagick",
        include_str!("../../../playbooks/install-imagemagick.yml"),
    ),
    (
        "install-php-extension",
        include_str!("../../../playbooks/install-php-extension.yml"),
    ),
    (
        "rebuild-apache",
        include_str!("../../../playbooks/rebuild-apache.yml"),
    ),
    (
        "rebuild-mysql",
        include_str!("../../../playbooks/rebuild-mysql.yml"),
    ),
    (
        "rebuild-php",
        include_str!("../../../playbooks/rebuild-php.yml"),
    ),
    (
        "rebuild-python",
        include_str!("../../../playbooks/rebuild-python.yml"),
    ),
    (
        "upgrade-cpanel",
        include_str!("../../../playbooks/upgrade-cpanel.yml"),
    ),
    (
        "upgrade-plesk",
        include_str!("../../../playbooks/upgrade-plesk.yml"),
    ),
];

/// A playbook's text and where it came from.
#[derive(Clone, Debug)]
pub struct Source {
    pub name: String,
    /// `bundled`, or the file's path.
    pub origin: String,
    pub text: String,
}

impl Source {
    pub fn parse(&self) -> Result<Playbook> {
        let file = if self.origin == "bundled" {
            format!("<bundled>/{}.yml", self.name)
        } else {
            self.origin.clone()
        };
        parse(&file, &self.text).map_err(|e| StatusError::usage(e.to_string()).into())
    }
}

/// The playbooks on offer, overrides first resolved by name.
pub struct Library {
    dir: Option<PathBuf>,
}

impl Library {
    pub fn new(dir: Option<PathBuf>) -> Library {
        Library { dir }
    }

    /// Every playbook by name: bundled ones, replaced or joined by the folder's `*.yml`.
    pub fn list(&self) -> Result<Vec<Source>> {
        let mut all: Vec<Source> = BUNDLED
            .iter()
            .map(|(name, text)| Source {
                name: name.to_string(),
                origin: "bundled".into(),
                text: text.to_string(),
            })
            .collect();
        for source in self.folder()? {
            all.retain(|s| s.name != source.name);
            all.push(source);
        }
        all.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(all)
    }

    /// A playbook by name, or a file when `what` is a path to one.
    pub fn find(&self, what: &str) -> Result<Source> {
        let path = Path::new(what);
        if what.contains('/') || what.ends_with(".yml") || what.ends_with(".yaml") {
            return read_file(path);
        }
        self.list()?
            .into_iter()
            .find(|s| s.name == what)
            .ok_or_else(|| {
                StatusError::usage(format!(
                    "no playbook named `{what}`: see `hostops playbook list`, or give a path to a file"
                ))
                .into()
            })
    }

    /// `playbook list`: every playbook on offer, each parsed (an invalid one is an error).
    pub fn listing(&self) -> Result<Listing> {
        let mut playbooks = Vec::new();
        for source in self.list()? {
            let p = source.parse()?;
            playbooks.push(Listed {
                name: p.name,
                level: p.level,
                description: p.description,
                applies_to: p.applies_to,
                origin: source.origin,
            });
        }
        Ok(Listing { playbooks })
    }

    /// `playbook show`: a playbook's text as written.
    pub fn show(&self, what: &str) -> Result<Shown> {
        let source = self.find(what)?;
        Ok(Shown {
            name: source.name,
            origin: source.origin,
            yaml: source.text,
        })
    }

    fn folder(&self) -> Result<Vec<Source>> {
        let Some(dir) = &self.dir else {
            return Ok(Vec::new());
        };
        let entries = std::fs::read_dir(dir).with_context(|| {
            format!(
                "failed to read the playbooks folder `{}` (from --playbooks or the config)",
                dir.display()
            )
        })?;
        let mut found = Vec::new();
        for entry in entries {
            let path = entry
                .with_context(|| format!("failed to list `{}`", dir.display()))?
                .path();
            if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yml" | "yaml")
            ) {
                found.push(read_file(&path)?);
            }
        }
        Ok(found)
    }
}

/// `playbook lint`: reads and checks each file.
pub fn lint(files: &[PathBuf]) -> Linted {
    let files = files
        .iter()
        .map(|file| {
            let name = file.display().to_string();
            let parsed = std::fs::read_to_string(file)
                .map_err(|e| format!("{name}: cannot read: {e}"))
                .and_then(|text| parse(&name, &text).map_err(|e| e.to_string()));
            match parsed {
                Ok(p) => LintedFile {
                    file: name,
                    ok: true,
                    error: None,
                    summary: Some((p.name, p.steps.len())),
                },
                Err(e) => LintedFile {
                    file: name,
                    ok: false,
                    error: Some(e),
                    summary: None,
                },
            }
        })
        .collect();
    Linted { files }
}

fn read_file(path: &Path) -> Result<Source> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        StatusError::usage(format!("cannot read playbook `{}`: {e}", path.display()))
    })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Source {
        name,
        origin: path.display().to_string(),
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_matches_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("playbooks");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yml"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let table: Vec<&str> = BUNDLED.iter().map(|(n, _)| *n).collect();
        assert_eq!(on_disk, table, "add new playbooks/*.yml to BUNDLED");
    }

    #[test]
    fn every_bundled_playbook_parses_and_is_named_after_its_file() {
        for source in Library::new(None).list().unwrap() {
            let p = source.parse().unwrap_or_else(|e| panic!("{e:#}"));
            assert_eq!(p.name, source.name);
            assert!(
                !p.description.is_empty() && !p.rescue.is_empty(),
                "{}",
                p.name
            );
        }
    }
}
