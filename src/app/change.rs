//! The one change protocol: plan -> show the plan and journal it -> confirm on a terminal,
//! `--yes`, or refuse without a terminal (exit 4) -> apply -> report -> exit status. Every
//! command that changes a server goes through [`run`], so `--dry-run` prints exactly the plan
//! that a real run shows before its question and then applies.

use anyhow::{bail, Result};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::report::{Finished, Report};
use super::status;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::secret::Secret;
use crate::transport::Cmd;

/// One thing a change does on one host, and why.
#[derive(Debug)]
pub struct Action {
    /// The inventory name of the host it happens on (`hostops` for the local machine).
    pub host: String,
    pub work: Work,
    pub why: String,
}

/// What an action does.
#[derive(Debug)]
pub enum Work {
    /// A command, exactly as it will run; a secret it needs goes on its stdin (the plan says
    /// so, never what it is).
    Run { cmd: Cmd, stdin: Option<Secret> },
    /// A typed step of the ops layer that is more than one command (a stream between two
    /// servers, a check), in words.
    Step(String),
}

impl Action {
    pub fn run(host: impl Into<String>, cmd: Cmd, why: impl Into<String>) -> Action {
        Action {
            host: host.into(),
            work: Work::Run { cmd, stdin: None },
            why: why.into(),
        }
    }

    pub fn step(
        host: impl Into<String>,
        what: impl Into<String>,
        why: impl Into<String>,
    ) -> Action {
        Action {
            host: host.into(),
            work: Work::Step(what.into()),
            why: why.into(),
        }
    }

    /// The action in one line: `on HOST: COMMAND`.
    pub fn line(&self) -> String {
        match &self.work {
            Work::Run { cmd, stdin } => format!(
                "on {}: {cmd}{}",
                self.host,
                if stdin.is_some() {
                    "  (secret on stdin)"
                } else {
                    ""
                }
            ),
            Work::Step(what) => format!("on {}: {what}", self.host),
        }
    }
}

impl Serialize for Action {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("host", &self.host)?;
        match &self.work {
            Work::Run { cmd, stdin } => {
                m.serialize_entry("command", &cmd.display())?;
                m.serialize_entry("argv", cmd.argv())?;
                m.serialize_entry("stdin", &stdin.as_ref().map(|_| "secret"))?;
            }
            Work::Step(what) => m.serialize_entry("step", what)?,
        }
        m.serialize_entry("why", &self.why)?;
        m.end()
    }
}

/// Something a plan carries beyond its actions (a migration's table of accounts), typed.
pub trait Detail: Serialize {
    /// The detail for people, shown above the actions; `None` when there is nothing to show.
    fn render(&self) -> Option<String>;
}

impl Detail for () {
    fn render(&self) -> Option<String> {
        None
    }
}

/// What a change will do, shown before the question, printed by `--dry-run`, journaled.
#[derive(Debug, Serialize)]
pub struct Plan<D: Detail = ()> {
    /// The change in words, as the question asks it: `migrate 2 account(s) from h1 to h2`.
    pub summary: String,
    pub detail: D,
    pub actions: Vec<Action>,
    /// What stops the change: a plan with blockers is shown and refused (exit 4).
    pub blockers: Vec<String>,
    pub warnings: Vec<String>,
    /// Whether applying changes a server (a download to this machine does not: no question).
    pub changes_servers: bool,
}

impl<D: Detail> Plan<D> {
    pub fn new(summary: impl Into<String>, detail: D) -> Plan<D> {
        Plan {
            summary: summary.into(),
            detail,
            actions: Vec::new(),
            blockers: Vec::new(),
            warnings: Vec::new(),
            changes_servers: true,
        }
    }

    /// The plan for people: the detail, the actions, then blockers and warnings.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Some(detail) = self.detail.render() {
            out.push_str(&detail);
            out.push('\n');
        }
        out.push_str(&format!("would {}", self.summary));
        if !self.actions.is_empty() {
            out.push(':');
        }
        for a in &self.actions {
            out.push_str(&format!("\n  {}", a.line()));
            if !a.why.is_empty() {
                out.push_str(&format!("\n      {}", a.why));
            }
        }
        for b in &self.blockers {
            out.push_str(&format!(
                "\n  {} {b}",
                crate::output::verdict(false, "BLOCKER")
            ));
        }
        for w in &self.warnings {
            out.push_str(&format!("\n  warning: {w}"));
        }
        out
    }
}

/// A change: its plan, made with read-only probes, and how to apply it.
pub trait Change {
    type Detail: Detail;
    type Report: Report;

    fn plan(&self) -> &Plan<Self::Detail>;

    /// Carries the plan out (called once the change is confirmed). A server that changed
    /// since the plan, with nothing applied, fails it with [`Stale`].
    fn apply(self, ctx: &Context) -> Result<Self::Report>;

    /// How to plan the change again against the servers as they are now, taken before
    /// `apply` and called when it fails with [`Stale`]; `None` (the default): the change
    /// cannot be planned again and the refusal stands.
    fn replanner(&self) -> Option<Replanner<Self>>
    where
        Self: Sized,
    {
        None
    }
}

/// A server changed since the plan and refused the change, nothing applied (cPanel's serial
/// lock): the protocol plans it again ([`Change::replanner`]) or refuses (exit 4).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Stale(pub String);

/// Plans a change again after [`Stale`].
pub type Replanner<C> = Box<dyn FnOnce(&Context) -> Result<Replanned<C>>>;

/// A change planned again: the new change, what changed on the server since the first plan
/// (in words), and whether the new plan makes the same changes as the one confirmed.
pub struct Replanned<C> {
    pub change: C,
    pub concurrent: String,
    pub same: bool,
}

/// How often a change is planned again before the refusal stands (a server edited without
/// pause would otherwise keep the run going).
const REPLANS: usize = 3;

/// The envelope's `result` of a change: its plan, and its report once applied.
#[derive(Serialize)]
struct Changed<'a, D: Detail, R: Serialize> {
    plan: &'a Plan<D>,
    report: Option<&'a R>,
}

/// Runs `change` through the protocol: the plan is journaled, a plan with blockers is shown
/// and refused, a dry run prints it and stops, a real run shows it, asks (or takes `--yes`, or
/// refuses without a terminal), applies it and renders the report. A server changed since the
/// plan ([`Stale`]) gets the change planned again, never overwritten: the new plan is shown
/// and asked about again, or with `--yes` applied only when it makes the same changes as the
/// one confirmed (else refused, exit 4, naming what changed on the server).
pub fn run<C: Change>(ctx: &Context, change: C) -> Result<Finished> {
    let mut round = attempt(ctx, change, None)?;
    for _ in 0..REPLANS {
        round = match round {
            Round::Finished(done) => return Ok(done),
            Round::Again(again) => {
                attempt(ctx, again.change, Some((again.concurrent, again.same)))?
            }
        };
    }
    match round {
        Round::Finished(done) => Ok(done),
        Round::Again(again) => Err(StatusError::refused(format!(
            "the server kept changing while the change was planned again ({}): nothing applied",
            again.concurrent
        ))
        .into()),
    }
}

/// One round of the protocol: finished, or the change planned again after [`Stale`].
enum Round<C> {
    Finished(Finished),
    Again(Replanned<C>),
}

/// One round of [`run`]; `replanned`: what changed on the server since the first plan and
/// whether this plan makes the same changes as the one confirmed.
fn attempt<C: Change>(
    ctx: &Context,
    change: C,
    replanned: Option<(String, bool)>,
) -> Result<Round<C>> {
    let plan = change.plan();
    let journaled = plan
        .actions
        .iter()
        .map(|a| format!("\n  {}", a.line()))
        .collect::<String>();
    let prefix = match (ctx.dry_run(), &replanned) {
        (true, _) => "dry run: would",
        (false, None) => "plan:",
        (false, Some(_)) => "planned again:",
    };
    ctx.note(ctx.redact(&format!("{prefix} {}{journaled}", plan.summary)))?;
    // The plan as the result of a change that was not applied; `shown` once it is on stderr.
    let unchanged = |status, errors, shown: bool| -> Result<Round<C>> {
        if !ctx.printer.is_json() && !shown {
            ctx.printer.data(plan.render());
        }
        Ok(Round::Finished(Finished {
            result: serde_json::to_value(Changed::<C::Detail, C::Report> { plan, report: None })?,
            status,
            errors,
        }))
    };
    if !plan.blockers.is_empty() {
        let refusal = StatusError::refused("the plan has blockers: nothing was changed");
        return unchanged(ExitStatus::Refused, vec![refusal.into()], false);
    }
    if ctx.dry_run() {
        return unchanged(ExitStatus::Success, Vec::new(), false);
    }
    if plan.changes_servers {
        if !ctx.printer.is_json() || ctx.can_ask() {
            if let Some((concurrent, _)) = &replanned {
                ctx.printer.status(format!(
                    "the server changed since the plan ({concurrent}); the change planned again:"
                ));
            }
            ctx.printer.status(plan.render());
        }
        let confirmed = match &replanned {
            Some((concurrent, false)) if !ctx.can_ask() => Err(StatusError::refused(format!(
                "the server changed since the plan ({concurrent}) and the change planned again \
                 differs from the one confirmed: nothing applied; review the new plan and run \
                 the command again"
            ))
            .into()),
            Some((_, true)) if !ctx.can_ask() => Ok(()),
            _ => ctx.confirm_change(&plan.summary),
        };
        if let Err(refusal) = confirmed {
            return unchanged(status::of_error(&refusal), vec![refusal], true);
        }
    }
    if let (false, Some((concurrent, _))) = (plan.changes_servers, &replanned) {
        let refusal = StatusError::refused(format!(
            "the server changed since the plan ({concurrent}) and the change planned again \
             changes nothing: nothing applied"
        ));
        return unchanged(ExitStatus::Refused, vec![refusal.into()], false);
    }
    let summary = plan.summary.clone();
    let plan_value = serde_json::to_value(plan)?;
    let replanner = change.replanner();
    let report = match (change.apply(ctx), replanner) {
        (Ok(report), _) => report,
        (Err(e), Some(replan)) if e.is::<Stale>() => {
            let again = replan(ctx)?;
            ctx.note(format!(
                "{e}: nothing applied; the server changed since the plan ({}), planning again",
                again.concurrent
            ))?;
            return Ok(Round::Again(again));
        }
        (Err(e), _) => match e.downcast::<Stale>() {
            Ok(stale) => bail!(StatusError::refused(format!(
                "{stale}: nothing applied; run the command again for a new plan"
            ))),
            Err(e) => return Err(e),
        },
    };
    if !ctx.printer.is_json() {
        report.render(&ctx.printer);
    }
    let mut result = serde_json::Map::new();
    result.insert("plan".into(), plan_value);
    result.insert("report".into(), serde_json::to_value(&report)?);
    ctx.note(format!("applied: {summary}"))?;
    Ok(Round::Finished(Finished {
        result: result.into(),
        status: report.status(),
        errors: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Done(u32);

    impl Report for Done {
        fn render(&self, p: &crate::output::Printer) {
            p.data(format!("done {}", self.0));
        }
    }

    struct Touch {
        plan: Plan,
        applied: std::sync::Arc<std::sync::atomic::AtomicBool>,
    }

    impl Change for Touch {
        type Detail = ();
        type Report = Done;
        fn plan(&self) -> &Plan {
            &self.plan
        }
        fn apply(self, _: &Context) -> Result<Done> {
            self.applied
                .store(true, std::sync::atomic::Ordering::SeqCst);
            Ok(Done(1))
        }
    }

    fn touch() -> (Touch, std::sync::Arc<std::sync::atomic::AtomicBool>) {
        let applied = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let mut plan = Plan::new("touch a file on h1", ());
        plan.actions.push(Action::run(
            "h1",
            Cmd::new("touch").arg("a b"),
            "the customer asked",
        ));
        (
            Touch {
                plan,
                applied: applied.clone(),
            },
            applied,
        )
    }

    #[test]
    fn without_a_terminal_or_yes_nothing_is_applied_and_it_is_a_refusal() {
        let ctx = crate::context::tests::ctx();
        let (change, applied) = touch();
        let done = run(&ctx, change).unwrap();
        assert_eq!(done.status, ExitStatus::Refused);
        assert!(done.errors[0].to_string().contains("without confirmation"));
        assert_eq!(done.result["plan"]["actions"][0]["command"], "touch 'a b'");
        assert!(done.result["report"].is_null());
        assert!(!applied.load(std::sync::atomic::Ordering::SeqCst));
    }

    #[test]
    fn a_dry_run_shows_the_commands_and_applies_nothing() {
        let mut ctx = crate::context::tests::ctx();
        ctx.settings.dry_run = true;
        let (change, applied) = touch();
        let done = run(&ctx, change).unwrap();
        assert_eq!(done.status, ExitStatus::Success);
        assert!(!applied.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(done.result["plan"]["actions"][0]["command"], "touch 'a b'");
        assert!(done.result["report"].is_null());
    }

    #[test]
    fn yes_applies_and_the_result_has_the_plan_and_the_report() {
        let mut ctx = crate::context::tests::ctx();
        ctx.settings.assume_yes = true;
        let (change, applied) = touch();
        let done = run(&ctx, change).unwrap();
        assert!(applied.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(done.result["report"], 1);
        assert_eq!(done.result["plan"]["summary"], "touch a file on h1");
    }

    #[test]
    fn blockers_refuse_with_the_plan_as_the_result() {
        let mut ctx = crate::context::tests::ctx();
        ctx.settings.assume_yes = true;
        let (mut change, applied) = touch();
        change.plan.blockers.push("no space".into());
        let done = run(&ctx, change).unwrap();
        assert_eq!(done.status, ExitStatus::Refused);
        assert_eq!(done.result["plan"]["blockers"][0], "no space");
        assert!(!applied.load(std::sync::atomic::Ordering::SeqCst));
    }

    /// A change a server refuses as stale once (another edit landed since the plan), planned
    /// again into the same changes (`same`) or different ones.
    struct Racy {
        plan: Plan,
        stale: bool,
        same: Option<bool>,
        applied: std::sync::Arc<std::sync::atomic::AtomicBool>,
    }

    impl Change for Racy {
        type Detail = ();
        type Report = Done;
        fn plan(&self) -> &Plan {
            &self.plan
        }
        fn apply(self, _: &Context) -> Result<Done> {
            if self.stale {
                return Err(Stale("serial 1 is now 2".into()).into());
            }
            self.applied
                .store(true, std::sync::atomic::Ordering::SeqCst);
            Ok(Done(2))
        }
        fn replanner(&self) -> Option<Replanner<Self>> {
            let same = self.same?;
            let applied = self.applied.clone();
            Some(Box::new(move |_: &Context| {
                let mut plan = Plan::new("set www A on h1", ());
                plan.actions.push(Action::step("h1", "edit the zone", ""));
                Ok(Replanned {
                    change: Racy {
                        plan,
                        stale: false,
                        same: None,
                        applied,
                    },
                    concurrent: "+ other 60 A 192.0.2.99".into(),
                    same,
                })
            }))
        }
    }

    fn racy(same: Option<bool>) -> (Racy, std::sync::Arc<std::sync::atomic::AtomicBool>) {
        let applied = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (t, _) = touch();
        (
            Racy {
                plan: t.plan,
                stale: true,
                same,
                applied: applied.clone(),
            },
            applied,
        )
    }

    #[test]
    fn a_stale_change_planned_again_into_the_same_changes_is_applied_with_yes() {
        let mut ctx = crate::context::tests::ctx();
        ctx.settings.assume_yes = true;
        let (change, applied) = racy(Some(true));
        let done = run(&ctx, change).unwrap();
        assert!(applied.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(done.status, ExitStatus::Success);
        assert_eq!(done.result["report"], 2);
        assert_eq!(done.result["plan"]["summary"], "set www A on h1");
    }

    #[test]
    fn a_stale_change_planned_again_into_other_changes_is_refused_naming_the_concurrent_edit() {
        let mut ctx = crate::context::tests::ctx();
        ctx.settings.assume_yes = true;
        let (change, applied) = racy(Some(false));
        let done = run(&ctx, change).unwrap();
        assert!(!applied.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(done.status, ExitStatus::Refused);
        let why = done.errors[0].to_string();
        assert!(why.contains("+ other 60 A 192.0.2.99"), "{why}");
        assert!(done.result["report"].is_null());
        assert_eq!(done.result["plan"]["summary"], "set www A on h1");
    }

    #[test]
    fn a_stale_change_that_cannot_be_planned_again_is_refused() {
        let mut ctx = crate::context::tests::ctx();
        ctx.settings.assume_yes = true;
        let (change, applied) = racy(None);
        let e = run(&ctx, change).err().unwrap();
        assert!(!applied.load(std::sync::atomic::Ordering::SeqCst));
        assert_eq!(status::of_error(&e), ExitStatus::Refused);
        assert!(e.to_string().contains("serial 1 is now 2"), "{e}");
    }

    #[test]
    fn a_secret_on_stdin_is_named_never_shown() {
        let ctx = crate::context::tests::ctx();
        let pw = ctx.secret("hunter22".into());
        let a = Action {
            host: "h1".into(),
            work: Work::Run {
                cmd: Cmd::new("chpasswd"),
                stdin: Some(pw),
            },
            why: "reset".into(),
        };
        let json = serde_json::to_string(&a).unwrap();
        assert!(!json.contains("hunter22") && json.contains("\"stdin\":\"secret\""));
        assert!(!a.line().contains("hunter22"));
    }
}
