//! `backup restore` as a change: the request checked, the restore point read and previewed,
//! the plan (preview, then the snapshot, restore and verification it runs) shown before the
//! question, then applied and reported.

use std::sync::Arc;

use anyhow::{bail, Result};
use serde::Serialize;

use super::points::Wanted;
use super::preview::Part;
use super::restore::{self, Outcome, Request};
use super::{actions, render};
use crate::app::change::{Change, Plan};
use crate::app::Report;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::account;
use crate::output::Printer;
use crate::panel::Panel;
use crate::transport::Transport;

/// What `backup restore` was asked, as typed.
pub struct RestoreOptions {
    pub host: String,
    pub account: String,
    pub date: Option<String>,
    pub file: Option<String>,
    /// `--only` parts (none: the whole account).
    pub only: Vec<String>,
    pub snapshot: bool,
}

/// A restore, planned: its preview is the plan's detail.
pub struct Restore {
    t: Arc<dyn Transport>,
    panel: Box<dyn Panel>,
    run_id: String,
    ticket: String,
    plan: Plan<restore::Plan>,
}

/// A finished restore: the snapshot kept, and how the result differs from the backup.
#[derive(Debug, Serialize)]
pub struct Restored {
    pub host: String,
    pub account: String,
    pub point: String,
    pub run_id: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    #[serde(skip)]
    ticket: String,
}

impl Report for Restored {
    fn render(&self, p: &Printer) {
        for d in &self.outcome.differences {
            p.data(format!("  differs: {d}"));
        }
        p.data(format!(
            "{} {} on {} from {}{}",
            if self.outcome.differences.is_empty() {
                "restored and verified:"
            } else {
                "restored, but it differs from the backup:"
            },
            self.account,
            self.host,
            self.point,
            self.outcome
                .snapshot
                .as_ref()
                .map(|s| format!(
                    "\nsafety snapshot: {s}\nundo with: hostops --ticket {} backup undo {}",
                    self.ticket, self.run_id
                ))
                .unwrap_or_default()
        ));
    }

    fn status(&self) -> ExitStatus {
        if self.outcome.differences.is_empty() {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

impl Change for Restore {
    type Detail = restore::Plan;
    type Report = Restored;

    fn plan(&self) -> &Plan<restore::Plan> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<Restored> {
        let preview = &self.plan.detail;
        let task = ctx.printer.step(if preview.snapshot.is_some() {
            "taking the safety snapshot, restoring, verifying"
        } else {
            "restoring, verifying"
        });
        let outcome = restore::apply(ctx, &*self.t, self.panel.as_ref(), preview, &self.run_id);
        drop(task);
        Ok(Restored {
            host: preview.host.clone(),
            account: preview.account.user.clone(),
            point: preview.point.path.clone(),
            run_id: self.run_id,
            outcome: outcome?,
            ticket: self.ticket,
        })
    }
}

/// Checks `opts`, reads the restore point and the account, and plans the restore. Changes
/// nothing; the preview is journaled in one line.
pub fn change(ctx: &Context, opts: RestoreOptions) -> Result<Restore> {
    account::check_name(&opts.account)?;
    let parts = opts
        .only
        .iter()
        .map(|p| p.parse::<Part>().map_err(StatusError::usage))
        .collect::<Result<Vec<_>, _>>()?;
    let wanted = wanted(opts.date.as_deref(), opts.file.as_deref())?;
    let (t, panel) = super::server(ctx, &opts.host)?;
    // A domain given for --account is its account (said in the plan's summary).
    let resolved = account::resolve(&*t, &opts.host, &opts.account)?;
    super::checked_account(&resolved.account)?;
    let req = Request {
        account: &resolved.account,
        wanted,
        parts,
        snapshot: opts.snapshot,
    };
    let preview = restore::plan(&*t, panel.as_ref(), &req)?;
    ctx.note(render::summary(&preview))?;
    let run_id = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    let summary = format!(
        "restore {} ({}) on {} from {}",
        resolved.describe(),
        render::scope(&preview),
        preview.host,
        preview.point.path
    );
    let actions = actions::restore(&preview, panel.as_ref(), &run_id)?;
    let blockers = restore::check(&preview).err().map(|e| format!("{e:#}"));
    let mut plan = Plan::new(summary, preview);
    plan.actions = actions;
    plan.blockers.extend(blockers);
    Ok(Restore {
        t,
        panel,
        run_id,
        ticket: ctx.ticket().map(|t| t.as_str()).unwrap_or("TICKET").into(),
        plan,
    })
}

/// The restore point `--date` or `--file` names, checked.
fn wanted<'a>(date: Option<&'a str>, file: Option<&'a str>) -> Result<Wanted<'a>> {
    Ok(match (date, file) {
        (Some(d), _) => {
            if jiff::civil::Date::strptime("%Y-%m-%d", d).is_err() {
                bail!(StatusError::usage(format!(
                    "--date {d:?} is not a date: use YYYY-MM-DD"
                )));
            }
            Wanted::Date(d)
        }
        (None, Some(f)) => {
            if !f.starts_with('/')
                || f.split('/').any(|c| c == "..")
                || f.chars().any(char::is_control)
            {
                bail!(StatusError::usage(format!(
                    "--file {f:?} must be an absolute path without `..`"
                )));
            }
            Wanted::File(f)
        }
        (None, None) => bail!(StatusError::usage("give --date or --file")),
    })
}
