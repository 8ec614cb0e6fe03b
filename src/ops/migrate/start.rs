//! `migrate run` as a change: the preflight plan (or, resumed, the request the run it
//! continues journaled), the actions the run takes, and the report of each account's outcome.

use anyhow::{bail, Result};
use serde::Serialize;

use super::gather::{self, PlanRequest};
use super::preflight;
use super::rules::Plan;
use super::run::{workdir, AccountOutcome, Migration, RunOptions};
use super::steps::{self, Done, Request};
use crate::app::change::{Change, Detail, Plan as ChangePlan};
use crate::app::{interrupt, policy, status, Report};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::ops::transfer::Route;
use crate::output::{human_duration, verdict, Printer, Table};
use crate::panel::{self, Account};

/// Where a run starts.
pub enum Start {
    /// A new migration, planned now.
    Fresh {
        request: Box<PlanRequest>,
        route: Route,
    },
    /// The migration of an earlier run (its ID, or a prefix of it), continued.
    Resume(String),
}

/// What `migrate run` was asked.
pub struct RunRequest {
    pub start: Start,
    pub options: RunOptions,
}

/// The detail of a run's plan.
#[derive(Debug, Serialize)]
pub struct Migrating {
    /// The preflight plan; none on a resumed run (the run it continues made it).
    pub preflight: Option<Plan>,
    /// The run that started the migration this one continues.
    pub resumes: Option<String>,
    /// The temporary directory, the same on both servers (none when the plan is refused).
    pub workdir: Option<String>,
}

impl Detail for Migrating {
    fn render(&self) -> Option<String> {
        let mut parts: Vec<String> = self.preflight.iter().map(preflight::table).collect();
        if let Some(origin) = &self.resumes {
            parts.push(format!(
                "continuing migration {origin}: the steps it finished are not done again"
            ));
        }
        if let Some(dir) = &self.workdir {
            parts.push(format!("temporary directory {dir} on both servers"));
        }
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    }
}

/// A planned migration run.
pub struct MigrationRun<'a> {
    plan: ChangePlan<Migrating>,
    /// None when the plan is refused (it has blockers).
    ready: Option<Ready<'a>>,
}

struct Ready<'a> {
    migration: Migration<'a>,
    accounts: Vec<Account>,
    options: RunOptions,
}

/// Each account's outcome, under this run's ID and the ID of the run that started the
/// migration.
#[derive(Debug, Serialize)]
pub struct RunReport {
    pub run_id: String,
    pub origin: String,
    pub accounts: Vec<AccountOutcome>,
    #[serde(skip)]
    status: ExitStatus,
}

/// Plans `migrate run` (read-only): a fresh migration is preflighted and refused with its
/// blockers; an interrupted run of the same migration is pointed to.
pub fn change(ctx: &Context, r: RunRequest) -> Result<MigrationRun<'_>> {
    let this_run = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let (request, done, preflight) = match r.start {
        Start::Resume(given) => {
            let ticket = ctx
                .ticket()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default();
            let journal = ctx.open_journal()?;
            let id = journal.resolve_run(&ticket, &given)?;
            let (request, done) = steps::load(&journal, &ticket, &id)?;
            let accounts = Some(request.accounts.len());
            policy::check(ctx, &policy::Task::migration("migrate run", accounts))?;
            ctx.note(format!(
                "resuming migration {id} (started as run {})",
                done.origin
            ))?;
            (request, done, None)
        }
        Start::Fresh { request, route } => {
            let plan = gather::plan(ctx, &request)?;
            let request = Request {
                from: plan.from.clone(),
                to: plan.to.clone(),
                accounts: plan.accounts.iter().map(|a| a.user.clone()).collect(),
                route,
                scheduled: plan.scheduled.clone(),
            };
            if let Some(what) = interrupted(ctx, &request)? {
                if !plan.is_clean() {
                    bail!(StatusError::refused(format!(
                        "{what}, which knows what it already did on {} (starting over finds its accounts there)",
                        request.to
                    )));
                }
                warnings.push(what);
            }
            (request, Done::new(&this_run), Some(plan))
        }
    };
    let summary = format!(
        "migrate {} account(s) from {} to {}",
        request.accounts.len(),
        request.from,
        request.to
    );
    let resumes = done.resumed.then(|| done.origin.clone());
    let mut plan = ChangePlan::new(
        summary,
        Migrating {
            preflight,
            resumes,
            workdir: None,
        },
    );
    if let Some(p) = &plan.detail.preflight {
        plan.blockers = preflight::blockers(p);
        plan.warnings = preflight::warnings(p);
    }
    plan.warnings.extend(warnings);
    if !plan.blockers.is_empty() {
        return Ok(MigrationRun { plan, ready: None });
    }
    let (migration, accounts) = migration(ctx, request, done, plan.detail.preflight.as_ref())?;
    plan.actions = migration.actions(&accounts)?;
    plan.detail.workdir = Some(workdir(migration.panel.as_ref(), &migration.done.origin));
    let ready = Ready {
        migration,
        accounts,
        options: r.options,
    };
    Ok(MigrationRun {
        plan,
        ready: Some(ready),
    })
}

/// What to say when `ticket`'s latest run of the same migration was interrupted.
fn interrupted(ctx: &Context, request: &Request) -> Result<Option<String>> {
    let Some(ticket) = ctx.ticket() else {
        return Ok(None);
    };
    let found = steps::interrupted(&*ctx.open_journal()?, ticket.as_str(), request)?;
    Ok(found.map(|id| {
        format!(
            "run {id} of this migration ({} -> {}, the same accounts) was interrupted: continue it with `hostops migrate run --resume {id}`",
            request.from, request.to
        )
    }))
}

/// The servers, panel and accounts of `request`. A fresh run's plan has already read the
/// source; a resumed one asks again.
fn migration<'a>(
    ctx: &'a Context,
    request: Request,
    done: Done,
    plan: Option<&Plan>,
) -> Result<(Migration<'a>, Vec<Account>)> {
    let (from, to) = (ctx.host(&request.from)?, ctx.host(&request.to)?);
    let (src, dst) = (ctx.connect(&from)?, ctx.connect(&to)?);
    let (kind, listed) = match plan {
        Some(p) => (p.panel, p.source_accounts.clone()),
        None => {
            let kind = panel::detect(&*src)?.kind;
            (kind, panel::driver(kind).accounts(&*src)?)
        }
    };
    let driver = panel::driver(kind);
    driver.packaging_on(&from.name)?;
    let accounts: Vec<Account> = listed
        .into_iter()
        .filter(|a| request.accounts.contains(&a.user))
        .collect();
    if accounts.len() != request.accounts.len() {
        bail!(
            "some accounts of the migration are no longer on {}: {:?}",
            from.name,
            request.accounts
        );
    }
    let sizes = plan
        .iter()
        .flat_map(|p| &p.accounts)
        .map(|a| (a.user.clone(), a.size_bytes))
        .collect();
    let migration = Migration {
        ctx,
        request,
        from,
        to,
        panel: driver,
        src,
        dst,
        done,
        sizes,
    };
    Ok((migration, accounts))
}

impl Change for MigrationRun<'_> {
    type Detail = Migrating;
    type Report = RunReport;

    fn plan(&self) -> &ChangePlan<Migrating> {
        &self.plan
    }

    fn apply(self, _: &Context) -> Result<RunReport> {
        let Some(r) = self.ready else {
            bail!(StatusError::refused(
                "the plan has blockers: nothing was changed"
            ));
        };
        let m = &r.migration;
        m.record_request()?;
        let run_id = m
            .ctx
            .run_log()
            .map(|l| l.run_id().to_string())
            .unwrap_or_default();
        interrupt::hint(resume_hint(&run_id));
        let accounts = m.run(&r.accounts, &r.options)?;
        let status = accounts
            .iter()
            .filter(|o| !o.ok)
            .fold(ExitStatus::Success, |worst, o| {
                worst.worst(
                    o.cause
                        .as_ref()
                        .map_or(ExitStatus::Failure, status::of_error),
                )
            });
        Ok(RunReport {
            run_id,
            origin: m.done.origin.clone(),
            accounts,
            status,
        })
    }
}

impl Report for RunReport {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["ACCOUNT", "RESULT", "STEPS", "TIME"]);
        for o in &self.accounts {
            let steps: Vec<String> = o
                .steps
                .iter()
                .map(|s| {
                    let earlier = if s.resumed { " (earlier)" } else { "" };
                    format!("{}{earlier}", s.step.as_str())
                })
                .collect();
            t.row([
                o.user.clone(),
                verdict(o.ok, if o.ok { "migrated" } else { "FAILED" }),
                steps.join(", "),
                human_duration(o.steps.iter().map(|s| s.duration_ms).sum()),
            ]);
        }
        p.table(&t);
        for o in self.accounts.iter().filter(|o| !o.ok) {
            p.warn(format!(
                "{}: {}",
                o.user,
                o.error.as_deref().unwrap_or("failed")
            ));
            if let Some(c) = &o.cleanup {
                p.warn(format!("{}: {c}", o.user));
            }
        }
        if self.accounts.iter().any(|o| !o.ok) {
            p.status(resume_hint(&self.run_id));
        }
    }

    fn status(&self) -> ExitStatus {
        self.status
    }
}

/// How to continue migration run `run_id` (under the same ticket).
fn resume_hint(run_id: &str) -> String {
    format!("to continue: hostops migrate run --resume {run_id}")
}
