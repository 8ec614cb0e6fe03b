//! Playbooks: YAML lists of shell steps with check mode, conditions, retries and a rollback
//! (`rescue`), run over SSH on many hosts and journaled step by step. See README.md,
//! "Playbooks", for the format.

pub mod engine;
pub mod facts;
pub mod fleet;
pub mod format;
pub mod library;
mod lint;
pub mod report;
pub mod run;
mod template;
pub mod vars;

pub use engine::{HostReport, Observer, Outcome, Phase, StepReport, StepStatus};
pub use format::{is_identifier, Playbook};
pub use library::Library;
pub use vars::Variables;

use crate::app::policy::{self, Level};
use crate::context::Context;
use crate::exit::StatusError;

/// How to run a playbook.
pub struct RunOptions {
    /// Run probes only; report every other step.
    pub check: bool,
    /// The playbook's vars with the `--var k=v` overrides, secrets apart.
    pub vars: Variables,
    pub forks: usize,
    /// Hosts per batch (None: all at once).
    pub serial: Option<usize>,
    /// Percentage of a batch's hosts that may fail before later batches are cancelled.
    pub max_fail: u8,
    /// Facts already gathered, by host: a run applying a plan uses the facts the plan was made
    /// from (its `when:` conditions decided on them), without gathering them again.
    pub facts: std::collections::HashMap<String, facts::Facts>,
}

/// Refuses a playbook above the operator's support level (exit 4), through the one level
/// policy: the `playbook run` row of its table, or the playbook's own `level:` if higher.
pub fn check_level(ctx: &Context, playbook: &Playbook) -> Result<(), StatusError> {
    let declared = Level::new(playbook.level.0).unwrap_or(Level::L3);
    policy::check(ctx, &policy::Task::playbook(&playbook.name, declared))
}

/// Why a playbook could not be read: where (file, line, column) and what.
#[derive(Debug, thiserror::Error)]
#[error("{file}{}: {message}", location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct ParseError {
    pub file: String,
    /// 1-based line and column.
    pub location: Option<(usize, usize)>,
    pub message: String,
}

/// Parses playbook text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Playbook, ParseError> {
    let playbook: Playbook = serde_norway::from_str(text).map_err(|e| {
        let location = e.location().map(|l| (l.line(), l.column()));
        let mut message = e.to_string();
        if let Some(at) = message.rfind(" at line ") {
            message.truncate(at);
        }
        ParseError {
            file: file.to_string(),
            location,
            message,
        }
    })?;
    lint::check_playbook(&playbook).map_err(|message| ParseError {
        file: file.to_string(),
        location: None,
        message,
    })?;
    Ok(playbook)
}
