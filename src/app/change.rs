//! The one change protocol: plan -> show the plan and journal it -> confirm on a terminal,
//! `--yes`, or refuse without a terminal (exit 4) -> apply -> report -> exit status. Every
//! command that changes a server goes through [`run`], so `--dry-run` prints exactly the plan
//! that a real run shows before its question and then applies.

use anyhow::Result;
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

    /// Carries the plan out (called once the change is confirmed).
    fn apply(self, ctx: &Context) -> Result<Self::Report>;
}

/// The envelope's `result` of a change: its plan, and its report once applied.
#[derive(Serialize)]
struct Changed<'a, D: Detail, R: Serialize> {
    plan: &'a Plan<D>,
    report: Option<&'a R>,
}

/// Runs `change` through the protocol: the plan is journaled, a plan with blockers is shown
/// and refused, a dry run prints it and stops, a real run shows it, asks (or takes `--yes`, or
/// refuses without a terminal), applies it and renders the report.
pub fn run<C: Change>(ctx: &Context, change: C) -> Result<Finished> {
    let plan = change.plan();
    let journaled = plan
        .actions
        .iter()
        .map(|a| format!("\n  {}", a.line()))
        .collect::<String>();
    let prefix = if ctx.dry_run() {
        "dry run: would"
    } else {
        "plan:"
    };
    ctx.note(ctx.redact(&format!("{prefix} {}{journaled}", plan.summary)))?;
    // The plan as the result of a change that was not applied; `shown` once it is on stderr.
    let unchanged = |status, errors, shown: bool| -> Result<Finished> {
        if !ctx.printer.is_json() && !shown {
            ctx.printer.data(plan.render());
        }
        Ok(Finished {
            result: serde_json::to_value(Changed::<C::Detail, C::Report> { plan, report: None })?,
            status,
            errors,
        })
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
            ctx.printer.status(plan.render());
        }
        if let Err(refusal) = ctx.confirm_change(&plan.summary) {
            return unchanged(status::of_error(&refusal), vec![refusal], true);
        }
    }
    let summary = plan.summary.clone();
    let plan_value = serde_json::to_value(plan)?;
    let report = change.apply(ctx)?;
    if !ctx.printer.is_json() {
        report.render(&ctx.printer);
    }
    let mut result = serde_json::Map::new();
    result.insert("plan".into(), plan_value);
    result.insert("report".into(), serde_json::to_value(&report)?);
    ctx.note(format!("applied: {summary}"))?;
    Ok(Finished {
        result: result.into(),
        status: report.status(),
        errors: Vec::new(),
    })
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
