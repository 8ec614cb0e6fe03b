//! `migrate run`: per account, package on the source, move the archive server to server,
//! restore on the target, verify, clean up; for panels that package without the home
//! directory, the home streams to the target meanwhile and goes in place after the restore.
//! The steps run on the step runner (`ops::runner`): each is journaled with its typed output,
//! so `--resume` continues where a run stopped; a failed restore removes the partial account
//! from the target; the source is only read, apart from one temporary directory that is
//! removed at the end.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use serde::Serialize;

use super::home;
use super::steps::{
    self, Done, Home, Listed, Moved, Nothing, Packaged, Request, Step, CLEANUP, HOME, OPERATION,
    PACKAGE, PLACE_HOME, REQUEST, REQUEST_UNIT, RESTORE, TRANSFER, VERIFY,
};
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::ops::fanout;
use crate::ops::pull_access::Origin;
use crate::ops::runner::{Output, Outputs, Runner, Steps};
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

/// The steps of one account of a migration.
struct AccountSteps<'m> {
    m: &'m Migration<'m>,
    a: &'m Account,
}

impl Steps for AccountSteps<'_> {
    type Step = Step;

    fn run(&self, step: Step, earlier: &Outputs<Step>, task: &Task) -> Result<Output> {
        self.m.step(self.a, step, earlier, task)
    }

    fn undo(&self, step: Step, output: &Output) -> String {
        self.m.undo(self.a, step, output)
    }
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

/// Removes an account's archive (from both servers once the account is restored).
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

    /// Journals the request (first thing of every run, resumed or not).
    pub fn record_request(&self) -> Result<()> {
        self.done.record(
            self.ctx,
            OPERATION,
            REQUEST_UNIT,
            REQUEST,
            &Ok(&self.request),
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
        let streamed = self.panel.packaging().and_then(|p| p.streamed_home(a));
        let runner = Runner {
            ctx: self.ctx,
            operation: OPERATION,
            journaled: &self.done,
            unit: &a.user,
            announce: true,
        };
        let ran = match runner.run(
            &AccountSteps { m: self, a },
            steps::stages(streamed.is_some()),
        ) {
            Ok(ran) => ran,
            Err(e) => {
                out.error = Some(format!("{e:#}"));
                return out;
            }
        };
        out.steps = ran
            .finished
            .iter()
            .map(|f| StepReport {
                step: f.step,
                resumed: f.resumed,
                duration_ms: f.duration.as_millis() as u64,
            })
            .collect();
        let Some(failure) = ran.failure else {
            out.ok = true;
            return out;
        };
        // What a step finished beside the failed one did is undone with it: a restore undone
        // may have left a partial account too.
        let partial = std::iter::once(failure.step)
            .chain(failure.undone.iter().map(|(s, _)| *s))
            .any(Step::may_leave_partial_account);
        out.error = Some(format!(
            "{} failed: {:#}",
            failure.step.as_str(),
            failure.error
        ));
        let unreachable = transport::unreachable_cause(&failure.error);
        out.cause = Some(failure.error);
        if unreachable {
            out.cleanup = Some(format!(
                "what the run left of {} on {} is removed by `hostops migrate run --resume` once the servers are reachable",
                a.user, self.to.name
            ));
        } else if partial {
            out.cleanup = Some(self.remove_partial(a));
        }
        out
    }

    fn step(
        &self,
        a: &Account,
        step: Step,
        earlier: &Outputs<Step>,
        task: &Task,
    ) -> Result<Output> {
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
                HOME.output(&Home { home })
            }
            Step::PlaceHome => {
                let home = self.streamed_home(a)?;
                transport::run_ok(
                    &*self.dst,
                    &home::place_command(&home::staged(&dir, &a.user), &home, &a.user),
                )?;
                PLACE_HOME.output(&Home { home })
            }
            Step::Package => {
                let archive = panel::package(self.packaging()?, &*self.src, a, &dir)?;
                PACKAGE.output(&Packaged { archive })
            }
            Step::Transfer => {
                let archive = earlier.get(&PACKAGE)?.archive;
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
                // The source keeps its archive until the cleanup: a run killed after this
                // copy but before the step is journaled copies it again when resumed.
                TRANSFER.output(&Moved {
                    archive: target,
                    bytes: report.bytes,
                    sha256: report.sha256,
                })
            }
            Step::Restore => {
                let archive = earlier.get(&TRANSFER)?.archive;
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
                RESTORE.output(&Nothing {})
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
                VERIFY.output(&Listed {
                    domains: got.domains.len(),
                    databases: got.databases.len(),
                })
            }
            Step::Cleanup => {
                let on_dst = earlier.get(&TRANSFER)?.archive;
                transport::run_ok(&*self.dst, &remove_archive(&on_dst))?;
                let on_src = earlier.get(&PACKAGE)?.archive;
                transport::run_ok(&*self.src, &remove_archive(&on_src))?;
                CLEANUP.output(&Nothing {})
            }
        }
    }

    /// Removes the files a finished step left, when a step beside it failed (a restored
    /// account is removed with the partial ones). Says what it did.
    fn undo(&self, a: &Account, step: Step, output: &Output) -> String {
        let removed = match step {
            Step::Home => Ok((&self.dst, home::staged(&self.workdir(), &a.user))),
            Step::Package => PACKAGE.read(output).map(|p| (&self.src, p.archive)),
            Step::Transfer => TRANSFER.read(output).map(|m| (&self.dst, m.archive)),
            _ => return "undone".to_string(),
        };
        let removed = removed.and_then(|(t, path)| {
            transport::run_ok(&**t, &Cmd::new("rm").args(["-rf", "--", &path]))
                .map_err(anyhow::Error::from)
        });
        match removed {
            Err(e) => format!("its files could not be removed: {e}"),
            Ok(_) => "its files were removed".to_string(),
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
