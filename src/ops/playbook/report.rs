//! What `playbook list|show|lint|run` report, typed, and how each is shown to people: the
//! playbooks on offer, one playbook's YAML, the files checked, and a run's per-host results
//! (with every step listed in check mode).

use serde::Serialize;

use super::engine::{HostReport, Outcome, Phase, StepReport, StepStatus};
use super::format::{AppliesTo, Level};
use crate::app::Report;
use crate::exit::ExitStatus;
use crate::output::{human_duration, verdict, Printer, Table};

/// `playbook list`: the playbooks on offer.
#[derive(Debug, Serialize)]
pub struct Listing {
    pub playbooks: Vec<Listed>,
}

#[derive(Debug, Serialize)]
pub struct Listed {
    pub name: String,
    pub level: Level,
    pub description: String,
    pub applies_to: AppliesTo,
    /// `bundled`, or the file it was read from.
    pub origin: String,
}

impl Report for Listing {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["NAME", "LEVEL", "DESCRIPTION", "FROM"]);
        for b in &self.playbooks {
            t.row([
                b.name.clone(),
                b.level.to_string(),
                b.description.lines().next().unwrap_or("").to_string(),
                b.origin.clone(),
            ]);
        }
        p.table(&t);
    }
}

/// `playbook show`: one playbook's YAML, as written.
#[derive(Debug, Serialize)]
pub struct Shown {
    pub name: String,
    pub origin: String,
    pub yaml: String,
}

impl Report for Shown {
    fn render(&self, p: &Printer) {
        p.data(self.yaml.trim_end());
    }
}

/// `playbook lint`: each file, valid or with its first error.
#[derive(Debug, Serialize)]
pub struct Linted {
    pub files: Vec<LintedFile>,
}

#[derive(Debug, Serialize)]
pub struct LintedFile {
    pub file: String,
    pub ok: bool,
    /// `FILE:LINE:COLUMN: field: message` when it is not valid.
    pub error: Option<String>,
    /// The playbook's name and step count when it is.
    #[serde(skip)]
    pub summary: Option<(String, usize)>,
}

impl Report for Linted {
    fn render(&self, p: &Printer) {
        for f in &self.files {
            if let Some(e) = &f.error {
                p.status(format!("{} {e}", verdict(false, "error:")));
            } else if let Some((name, steps)) = &f.summary {
                p.status(format!("{}: ok ({name}, {steps} steps)", f.file));
            }
        }
    }

    fn status(&self) -> ExitStatus {
        if self.files.iter().all(|f| f.ok) {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

/// `playbook run` (and `--check`): one result per host, in host order.
#[derive(Debug, Serialize)]
pub struct Ran {
    pub playbook: String,
    /// Check mode: the probes ran and nothing was changed.
    pub check: bool,
    pub hosts: Vec<HostReport>,
}

impl Report for Ran {
    fn render(&self, p: &Printer) {
        if self.check {
            for r in &self.hosts {
                p.data(host_line(r));
                if let Some(e) = &r.error {
                    p.data(format!("  {}: {e}", r.outcome.as_str()));
                }
                for s in &r.steps {
                    p.data(format!("  {}", step_line(s)));
                    if let Some(cmd) = &s.command {
                        for line in cmd.trim_end().lines() {
                            p.data(format!("      $ {line}"));
                        }
                    }
                    for line in step_notes(s) {
                        p.data(format!("      {line}"));
                    }
                }
            }
        }
        summary(p, &self.hosts);
    }

    fn status(&self) -> ExitStatus {
        self.hosts.iter().fold(ExitStatus::Success, |s, r| {
            s.worst(match r.outcome {
                Outcome::Unreachable => ExitStatus::Connection,
                o if o.is_failure() => ExitStatus::Failure,
                _ => ExitStatus::Success,
            })
        })
    }
}

/// A host with what its facts say: `h1 (debian 12, apt, panel none)`.
pub(super) fn host_line(r: &HostReport) -> String {
    let about = r
        .facts
        .as_ref()
        .map(|f| format!(" ({} {}, {}, panel {})", f.os, f.os_version, f.pkg, f.panel))
        .unwrap_or_default();
    format!("{}{about}", r.host)
}

/// A step as check mode lists it: `would run    change when probed`.
pub(super) fn step_line(s: &StepReport) -> String {
    let phase = match s.phase {
        Phase::Steps => "",
        Phase::Rescue => "rescue: ",
        Phase::Always => "always: ",
    };
    let status = match s.status {
        StepStatus::WouldChange => "would run",
        StepStatus::Ok => "ran (probe)",
        other => other.as_str(),
    };
    format!("{status:<12} {phase}{}", s.name)
}

/// What a listed step adds below its line: an upload's diff, why it was skipped or failed.
pub(super) fn step_notes(s: &StepReport) -> Vec<String> {
    let diff = s.diff.iter().flat_map(|d| d.lines().map(str::to_string));
    diff.chain(s.message.iter().map(|m| format!("({m})")))
        .collect()
}

fn summary(p: &Printer, reports: &[HostReport]) {
    let mut t = Table::new([
        "HOST", "OUTCOME", "OK", "CHANGED", "FAILED", "SKIPPED", "RESCUED", "TIME",
    ]);
    for r in reports {
        let c = &r.counts;
        t.row([
            r.host.clone(),
            verdict(!r.outcome.is_failure(), r.outcome.as_str()),
            c.ok.to_string(),
            c.changed.to_string(),
            c.failed.to_string(),
            c.skipped.to_string(),
            c.rescued.to_string(),
            human_duration(r.duration_ms),
        ]);
    }
    p.table(&t);
    for r in reports.iter().filter(|r| r.outcome.is_failure()) {
        if let Some(e) = &r.error {
            p.warn(format!("{}: {e}", r.host));
        }
    }
}
