//! `migrate run`: per account, package on the source, move the archive server to server,
//! restore on the target, verify, clean up; for panels that package without the home
//! directory, the home streams to the target meanwhile and goes in place after the restore. Each step is journaled (so `--resume` continues
//! where a run stopped); a failed restore removes the partial account from the target; the
//! source is only read, apart from one temporary directory that is removed at the end.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use serde::Serialize;
use serde_json::json;

use super::home;
use super::steps::{self, Done, Request, Step, OPERATION, REQUEST};
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::ops::fanout;
use crate::ops::pull_access::Origin;
use crate::ops::transfer::{self, Route};
use crate::output::Task;
use crate::panel::{self, Account, Packaging, Panel};
use crate::transport::{self, Cmd, Progress as _, Transport};

pub struct RunOptions {
    pub parallel: usize,
    pub fail_fast: bool,
}

#[derive(Debug, Serialize)]
pub struct StepReport {
    pub step: Step,
    /// Done by an earlier run of the same migration.
    pub resumed: bool,
    pub duration_ms: u64,
}

#[derive(Debug, Serialize)]
pub struct AccountOutcome {
    pub user: String,
    pub ok: bool,
    pub steps: Vec<StepReport>,
    pub error: Option<String>,
    /// What happened to a partial account after a failed restore.
    pub cleanup: Option<String>,
    /// The error of the step that failed, for the exit status (a lost connection is not a
    /// failed step).
    #[serde(skip)]
    pub cause: Option<anyhow::Error>,
}

/// The servers, panel and bookkeeping shared by every account of one run.
pub struct Migration<'a> {
    pub ctx: &'a Context,
    pub request: Request,
    pub from: HostSpec,
    pub to: HostSpec,
    pub panel: Box<dyn Panel>,
    pub src: Arc<dyn Transport>,
    pub dst: Arc<dyn Transport>,
    pub done: Done,
    /// Bytes of each account's data on the source as the plan measured them (`du`), the
    /// total its home stream shows progress against; none on a resumed run.
    pub sizes: HashMap<String, u64>,
}

/// The temporary directory of a migration, the same on both servers.
pub fn workdir(panel: &dyn Panel, origin: &str) -> String {
    format!("{}/.hostops-migrate-{origin}", panel.data_root())
}

/// Makes the temporary directory `dir` (on both servers, first thing of a run).
pub fn make_workdir(dir: &str) -> Cmd {
    Cmd::new("install").args(["-d", "-m", "0700", "--", dir])
}

/// Removes the temporary directory `dir` (on both servers, once every account is done).
pub fn remove_workdir(dir: &str) -> Cmd {
    Cmd::new("rm").args(["-rf", "--", dir])
}

/// Removes an account's archive (from the source once it is on the target, from the target
/// once the account is restored).
pub fn remove_archive(archive: &str) -> Cmd {
    Cmd::new("rm").args(["-f", "--", archive])
}

/// Where the archive `archive` of the source arrives on the target, in its temporary `dir`.
pub fn arrived(dir: &str, archive: &str) -> String {
    format!("{dir}/{}", archive.rsplit('/').next().unwrap_or(archive))
}

impl Migration<'_> {
    fn workdir(&self) -> String {
        workdir(self.panel.as_ref(), &self.done.origin)
    }

    fn record(
        &self,
        unit: &str,
        step: &str,
        result: &Result<serde_json::Value>,
        duration: Duration,
    ) -> Result<()> {
        self.ctx
            .record_step(OPERATION, &self.done.origin, unit, step, result, duration)
    }

    /// Journals the request (first thing of every run, resumed or not).
    pub fn record_request(&self) -> Result<()> {
        self.record(
            "*",
            REQUEST,
            &Ok(serde_json::to_value(&self.request)?),
            Duration::ZERO,
        )
    }

    /// Migrates every account, `parallel` at a time.
    pub fn run(&self, accounts: &[Account], opts: &RunOptions) -> Result<Vec<AccountOutcome>> {
        let dir = self.workdir();
        for t in [&self.src, &self.dst] {
            transport::run_ok(&**t, &make_workdir(&dir))?;
        }
        let stop = AtomicBool::new(false);
        let outcomes = fanout::for_each(accounts, opts.parallel, |a| {
            if stop.load(Ordering::Relaxed) {
                return AccountOutcome {
                    user: a.user.clone(),
                    ok: false,
                    steps: Vec::new(),
                    error: Some(
                        "not started: an earlier account failed and --fail-fast is set".into(),
                    ),
                    cleanup: None,
                    cause: None,
                };
            }
            let outcome = self.account(a);
            if !outcome.ok && opts.fail_fast {
                stop.store(true, Ordering::Relaxed);
            }
            outcome
        });
        if outcomes.iter().all(|o| o.ok) {
            for t in [&self.src, &self.dst] {
                transport::run_ok(&**t, &remove_workdir(&dir))?;
            }
        } else {
            // The source holds archives only of accounts that never reached the target.
            transport::run_ok(
                &*self.src,
                &Cmd::new("rmdir").args(["--ignore-fail-on-non-empty", "--", &dir]),
            )?;
            self.ctx.note(format!(
                "temporary files kept in {dir} on {} for `hostops migrate run --resume`",
                self.to.name
            ))?;
        }
        Ok(outcomes)
    }

    fn account(&self, a: &Account) -> AccountOutcome {
        let mut out = AccountOutcome {
            user: a.user.clone(),
            ok: false,
            steps: Vec::new(),
            error: None,
            cleanup: None,
            cause: None,
        };
        let mut mine: Vec<(Step, serde_json::Value)> = Vec::new();
        let streamed = self.panel.packaging().and_then(|p| p.streamed_home(a));
        for stage in steps::stages(streamed.is_some()) {
            let mut lanes: Vec<Vec<Step>> = Vec::new();
            for lane in *stage {
                let mut todo = Vec::new();
                for &step in *lane {
                    if self.done.get(&a.user, step).is_some() {
                        out.steps.push(StepReport {
                            step,
                            resumed: true,
                            duration_ms: 0,
                        });
                    } else {
                        todo.push(step);
                    }
                }
                lanes.push(todo);
            }
            let results: Vec<_> = std::thread::scope(|s| {
                let running: Vec<_> = lanes
                    .iter()
                    .map(|lane| {
                        let mine = &mine;
                        s.spawn(move || self.lane(a, lane, mine))
                    })
                    .collect();
                running
                    .into_iter()
                    .flat_map(|r| r.join().expect("lane thread"))
                    .collect()
            });
            // A stage is done as a whole: when one of its steps fails, what the others did
            // is undone and journaled as not done, so a resumed run does it again.
            let failed = results
                .iter()
                .find_map(|(step, _, r)| r.as_ref().err().map(|e| (*step, format!("{e:#}"))));
            let mut partial = failed
                .as_ref()
                .is_some_and(|(s, _)| s.may_leave_partial_account());
            let mut cause = None;
            for (step, took, result) in results {
                let detail = match (&failed, result) {
                    (None, Ok(detail)) => detail,
                    (Some((other, why)), Ok(detail)) => {
                        partial |= step.may_leave_partial_account();
                        let undone = Err(self.undo(a, step, &detail).context(format!(
                            "undone: the {} step failed ({why})",
                            other.as_str()
                        )));
                        if let Err(e) = self.record(&a.user, step.as_str(), &undone, took) {
                            out.error =
                                Some(format!("cannot journal the {} step: {e:#}", step.as_str()));
                            return out;
                        }
                        continue;
                    }
                    (_, Err(e)) => {
                        cause.get_or_insert(e);
                        continue;
                    }
                };
                mine.push((step, detail));
                out.steps.push(StepReport {
                    step,
                    resumed: false,
                    duration_ms: took.as_millis() as u64,
                });
            }
            if let Some((step, e)) = failed {
                out.error = Some(format!("{} failed: {e}", step.as_str()));
                let unreachable = cause.as_ref().is_some_and(transport::unreachable_cause);
                out.cause = cause;
                if unreachable {
                    out.cleanup = Some(format!(
                        "what the run left of {} on {} is removed by `hostops migrate run --resume` once the servers are reachable",
                        a.user, self.to.name
                    ));
                } else if partial {
                    out.cleanup = Some(self.remove_partial(a));
                }
                return out;
            }
        }
        out.ok = true;
        out
    }

    /// Runs the steps of one lane in order, up to the first that fails, journaling each as it
    /// ends (so that `--resume` skips it).
    fn lane(
        &self,
        a: &Account,
        lane: &[Step],
        earlier: &[(Step, serde_json::Value)],
    ) -> Vec<(Step, Duration, Result<serde_json::Value>)> {
        let mut mine = earlier.to_vec();
        let mut results = Vec::new();
        for &step in lane {
            let started = Instant::now();
            let task = self
                .ctx
                .printer
                .step(&format!("{}: {}", a.user, step.as_str()));
            let result = self.step(a, step, &mine, &task);
            drop(task);
            let took = started.elapsed();
            let result = match self.record(&a.user, step.as_str(), &result, took) {
                Ok(()) => result,
                Err(e) => Err(e.context(format!("cannot journal the {} step", step.as_str()))),
            };
            let ok = result.as_ref().ok().cloned();
            results.push((step, took, result));
            match ok {
                Some(detail) => mine.push((step, detail)),
                None => break,
            }
        }
        results
    }

    /// A value an earlier step of this account left: in this run (`mine`) or a resumed one.
    fn detail(
        &self,
        user: &str,
        mine: &[(Step, serde_json::Value)],
        step: Step,
        key: &str,
    ) -> Result<String> {
        let value = mine
            .iter()
            .find(|(s, _)| *s == step)
            .map(|(_, v)| v)
            .or_else(|| self.done.get(user, step));
        value
            .as_ref()
            .and_then(|v| v.get(key))
            .and_then(|v| v.as_str())
            .map(String::from)
            .with_context(|| format!("the {} step of {user} left no {key}", step.as_str()))
    }

    fn step(
        &self,
        a: &Account,
        step: Step,
        mine: &[(Step, serde_json::Value)],
        task: &Task,
    ) -> Result<serde_json::Value> {
        let dir = self.workdir();
        let tag = format!("{}-{}", self.done.origin, a.user);
        match step {
            Step::Home => {
                let home = self.streamed_home(a)?;
                if let Some(&size) = self.sizes.get(&a.user) {
                    task.set_total(size);
                }
                // Connections of its own: the stream runs beside the other lane's commands.
                let dst = self.ctx.connect_another(&self.to)?;
                let src = match self.request.route {
                    Route::Relay => self.ctx.connect_another(&self.from)?,
                    Route::Direct => self.src.clone(),
                };
                home::stream(
                    &Origin::new(&*src, &self.from).noting(&self.ctx.printer),
                    &*dst,
                    self.request.route,
                    &home,
                    &home::staged(&dir, &a.user),
                    &format!("{tag}-home"),
                    task,
                )?;
                Ok(json!({ "home": home }))
            }
            Step::PlaceHome => {
                let home = self.streamed_home(a)?;
                transport::run_ok(
                    &*self.dst,
                    &home::place_command(&home::staged(&dir, &a.user), &home, &a.user),
                )?;
                Ok(json!({ "home": home }))
            }
            Step::Package => {
                let archive = panel::package(self.packaging()?, &*self.src, a, &dir)?;
                Ok(json!({ "archive": archive }))
            }
            Step::Transfer => {
                let archive = self.detail(&a.user, mine, Step::Package, "archive")?;
                let target = arrived(&dir, &archive);
                let source = transfer::Source {
                    origin: self.origin(),
                    path: &archive,
                };
                let report = transfer::copy(
                    &source,
                    &transfer::Target {
                        t: &*self.dst,
                        path: &target,
                    },
                    self.request.route,
                    &tag,
                    task,
                )?;
                // Safely on the target: the source keeps nothing of the migration.
                transport::run_ok(&*self.src, &remove_archive(&archive))?;
                Ok(json!({ "archive": target, "bytes": report.bytes, "sha256": report.sha256 }))
            }
            Step::Restore => {
                let archive = self.detail(&a.user, mine, Step::Transfer, "archive")?;
                // Resumed: the plan of the first run found the name free on the target, so an
                // account there now is what that run's interrupted restore left.
                if self.done.resumed && self.partial_present(a) {
                    panel::remove(self.packaging()?, &*self.dst, a)?;
                    self.ctx.note(format!(
                        "removed from {} what the interrupted restore of {} left, to restore it again",
                        self.to.name, a.user
                    ))?;
                }
                panel::restore(self.packaging()?, &*self.dst, a, &archive)?;
                Ok(json!({}))
            }
            Step::Verify => {
                let there = self.panel.accounts(&*self.dst)?;
                let Some(got) = there.iter().find(|x| x.user == a.user) else {
                    bail!(
                        "{} does not list account {} after the restore",
                        self.to.name,
                        a.user
                    );
                };
                let missing = |want: &[String], have: &[String]| -> Vec<String> {
                    want.iter().filter(|w| !have.contains(w)).cloned().collect()
                };
                let (domains, dbs) = (
                    missing(&a.domains, &got.domains),
                    missing(&a.databases, &got.databases),
                );
                if !domains.is_empty() || !dbs.is_empty() {
                    bail!("restored account is incomplete: missing domains {domains:?}, databases {dbs:?}");
                }
                Ok(json!({ "domains": got.domains.len(), "databases": got.databases.len() }))
            }
            Step::Cleanup => {
                let on_dst = self.detail(&a.user, mine, Step::Transfer, "archive")?;
                transport::run_ok(&*self.dst, &remove_archive(&on_dst))?;
                Ok(json!({}))
            }
        }
    }

    /// Removes the files a finished step left, when a step beside it failed (a restored
    /// account is removed with the partial ones). Returns the error to journal for it.
    fn undo(&self, a: &Account, step: Step, detail: &serde_json::Value) -> anyhow::Error {
        let removed = match step {
            Step::Home => Some((&self.dst, home::staged(&self.workdir(), &a.user))),
            Step::Package => detail
                .get("archive")
                .and_then(|v| v.as_str())
                .map(|p| (&self.src, p.to_string())),
            Step::Transfer => detail
                .get("archive")
                .and_then(|v| v.as_str())
                .map(|p| (&self.dst, p.to_string())),
            _ => None,
        };
        match removed
            .map(|(t, path)| transport::run_ok(&**t, &Cmd::new("rm").args(["-rf", "--", &path])))
        {
            Some(Err(e)) => anyhow::anyhow!("its files could not be removed: {e}"),
            Some(Ok(_)) => anyhow::anyhow!("its files were removed"),
            None => anyhow::anyhow!("undone"),
        }
    }

    /// The source as the target's own ssh reaches it.
    fn origin(&self) -> Origin<'_> {
        Origin::new(&*self.src, &self.from).noting(&self.ctx.printer)
    }

    /// The source panel's packaging tools (the plan refuses a panel without them).
    fn packaging(&self) -> Result<&dyn Packaging> {
        Ok(self.panel.packaging_on(&self.from.name)?)
    }

    fn streamed_home(&self, a: &Account) -> Result<String> {
        self.packaging()?.streamed_home(a).with_context(|| {
            format!(
                "{} panels package the home directory",
                self.panel.kind().as_str()
            )
        })
    }

    /// Whether the target has anything of `a`: the panel lists it, or its system user exists.
    fn partial_present(&self, a: &Account) -> bool {
        let listed = self
            .panel
            .accounts(&*self.dst)
            .map(|l| l.iter().any(|x| x.user == a.user));
        let user = transport::run(
            &*self.dst,
            &Cmd::new("id").args(["-u", "--", &a.user]),
            None,
            None,
        )
        .map(|o| o.exit.success())
        .unwrap_or(false);
        matches!(listed, Ok(true)) || user
    }

    /// After a failed restore: removes what the panel created of the account, and says so.
    fn remove_partial(&self, a: &Account) -> String {
        if !self.partial_present(a) {
            return format!("nothing of {} was left on {}", a.user, self.to.name);
        }
        match self.packaging().and_then(|p| panel::remove(p, &*self.dst, a)) {
            Ok(()) => format!("the partial account {} was removed from {}", a.user, self.to.name),
            Err(e) => format!(
                "the partial account {} could NOT be removed from {} ({e:#}): remove it by hand before retrying",
                a.user, self.to.name
            ),
        }
    }
}
