//! `backup undo` as a change: the restore run found in the journal, its snapshot checked on
//! the server, the plan (what is put back, by which commands) shown before the question, then
//! applied and reported. A run interrupted while taking its snapshot plans the removal of the
//! partial snapshot instead.

use std::sync::Arc;

use anyhow::Result;
use serde::Serialize;

use super::actions;
use super::restore::Begun;
use super::restore::Snapshot;
use super::undo::{self, Found};
use crate::app::change::{Change, Detail, Plan};
use crate::app::Report;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::output::Printer;
use crate::panel::Panel;
use crate::transport::Transport;

/// What is undone: a restore from its snapshot, or an interrupted run's partial snapshot.
#[derive(Debug, Serialize)]
#[serde(tag = "undo", rename_all = "snake_case")]
pub enum Undoing {
    Snapshot { run_id: String, snapshot: Snapshot },
    Interrupted { run_id: String, begun: Begun },
}

impl Detail for Undoing {
    fn render(&self) -> Option<String> {
        None
    }
}

/// An undo, planned.
pub struct Undo {
    t: Arc<dyn Transport>,
    panel: Box<dyn Panel>,
    plan: Plan<Undoing>,
}

/// A finished undo.
#[derive(Debug, Serialize)]
#[serde(tag = "undone", rename_all = "snake_case")]
pub enum Undone {
    /// Put back from the snapshot: how the result differs from the state before the restore.
    Snapshot {
        host: String,
        account: String,
        run_id: String,
        differences: Vec<String>,
    },
    /// The interrupted run's partial snapshot removed (or already gone), in words.
    Interrupted { removed: String, message: String },
}

impl Report for Undone {
    fn render(&self, p: &Printer) {
        match self {
            Undone::Snapshot {
                host,
                account,
                run_id,
                differences,
            } => {
                for d in differences {
                    p.data(format!("  differs: {d}"));
                }
                p.data(if differences.is_empty() {
                    format!("undone: {account} on {host} is as it was before run {run_id}")
                } else {
                    format!("undone, but {account} on {host} differs from before run {run_id}")
                });
            }
            Undone::Interrupted { message, .. } => p.data(message),
        }
    }

    fn status(&self) -> ExitStatus {
        match self {
            Undone::Snapshot { differences, .. } if !differences.is_empty() => ExitStatus::Failure,
            _ => ExitStatus::Success,
        }
    }
}

impl Change for Undo {
    type Detail = Undoing;
    type Report = Undone;

    fn plan(&self) -> &Plan<Undoing> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<Undone> {
        let t = &*self.t;
        Ok(match self.plan.detail {
            Undoing::Interrupted { run_id, begun } => {
                let message = undo::clean_interrupted(t, &begun, &run_id)?;
                ctx.note(message.clone())?;
                Undone::Interrupted {
                    removed: begun.dir,
                    message,
                }
            }
            Undoing::Snapshot { run_id, snapshot } => {
                let differences = undo::apply(t, self.panel.as_ref(), &snapshot, &run_id)?;
                Undone::Snapshot {
                    host: snapshot.host,
                    account: snapshot.account,
                    run_id,
                    differences,
                }
            }
        })
    }
}

/// Finds restore run `run_id` (a unique prefix will do) of this ticket in the journal and
/// plans its undo. Changes nothing; a snapshot that is missing or unreadable is refused.
pub fn change(ctx: &Context, run_id: &str) -> Result<Undo> {
    let ticket = ctx.ticket().map(|t| t.as_str()).unwrap_or_default();
    let journal = ctx.open_journal()?;
    let run_id = journal.resolve_run(ticket, run_id)?;
    match undo::load(&journal, ticket, &run_id)? {
        Found::Interrupted(begun) => {
            let (t, panel) = super::server(ctx, &begun.host)?;
            let summary = format!(
                "remove the partial safety snapshot {} on {} (run {run_id} was interrupted while taking it, before restoring anything)",
                begun.dir, begun.host
            );
            let actions = actions::interrupted(&begun);
            let mut plan = Plan::new(summary, Undoing::Interrupted { run_id, begun });
            plan.actions = actions;
            Ok(Undo { t, panel, plan })
        }
        Found::Snapshot(snapshot) => {
            let what = undo::describe(&snapshot)?;
            let (t, panel) = super::server(ctx, &snapshot.host)?;
            undo::check(&*t, &snapshot)?;
            let (now, account) = undo::account(&*t, panel.as_ref(), &snapshot)?;
            let actions = actions::undo(&snapshot, panel.as_ref(), now.as_ref(), &account)?;
            let mut plan = Plan::new(what, Undoing::Snapshot { run_id, snapshot });
            plan.actions = actions;
            Ok(Undo { t, panel, plan })
        }
    }
}
