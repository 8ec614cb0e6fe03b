//! `playbook run` as a change: its plan is the playbook run in check mode on every host (the
//! probes run, every other step is rendered), each step an action with the exact command a
//! real run sends; applying it runs the playbook for real. `--check` is the check run alone.

use anyhow::Result;
use serde::Serialize;

use super::engine::{HostReport, Observer, Outcome, Silent, StepReport, StepStatus};
use super::format::{Level, Playbook};
use super::report::{host_line, step_line, step_notes, Ran};
use super::{check_level, fleet, vars, Library, RunOptions};
use crate::app::change::{Action, Change, Detail, Plan, Work};
use crate::context::Context;
use crate::inventory::HostSpec;

/// What `playbook run` was asked to do.
pub struct Request<'a> {
    /// A playbook's name, or a path to a file.
    pub playbook: &'a str,
    pub hosts: &'a [String],
    /// `--var KEY=VALUE`, as typed.
    pub vars: &'a [String],
    pub forks: usize,
    pub serial: Option<usize>,
    pub max_fail: u8,
}

/// A run settled before any host is contacted: the playbook, allowed at the operator's level,
/// every required variable given, and the hosts.
struct Settled {
    book: Playbook,
    origin: String,
    opts: RunOptions,
    hosts: Vec<HostSpec>,
}

impl Settled {
    fn new(ctx: &Context, library: &Library, req: &Request, check: bool) -> Result<Settled> {
        let source = library.find(req.playbook)?;
        let book = source.parse()?;
        check_level(ctx, &book)?;
        let vars = vars::resolve(ctx, &book, &vars::parse_pairs(req.vars)?, ctx.prompter())?;
        let hosts = ctx.hosts(req.hosts)?;
        let opts = RunOptions {
            check,
            vars,
            forks: req.forks,
            serial: req.serial,
            max_fail: req.max_fail,
            facts: Default::default(),
        };
        Ok(Settled {
            book,
            origin: source.origin,
            opts,
            hosts,
        })
    }

    /// `run playbook `NAME` (ORIGIN) on 2 host(s): h1, h2`.
    fn describe(&self) -> String {
        let names: Vec<&str> = self.hosts.iter().map(|h| h.name.as_str()).collect();
        format!(
            "run playbook `{}` ({}) on {} host(s): {}",
            self.book.name,
            self.origin,
            self.hosts.len(),
            names.join(", ")
        )
    }

    fn run(&self, ctx: &Context, observer: &dyn Observer) -> Ran {
        let hosts = fleet::run(ctx, &self.book, &self.opts, &self.hosts, observer);
        observer.finished();
        Ran {
            playbook: self.book.name.clone(),
            check: self.opts.check,
            hosts,
        }
    }
}

/// `--check`: the probes run, every other step is reported with what it would do.
pub fn check(
    ctx: &Context,
    library: &Library,
    req: &Request,
    observer: &dyn Observer,
) -> Result<Ran> {
    let settled = Settled::new(ctx, library, req, true)?;
    ctx.note(format!("check mode: {}", settled.describe()))?;
    Ok(settled.run(ctx, observer))
}

/// The run as a change: planned by running it in check mode, applied with `observer` showing
/// the progress.
pub fn change<'a>(
    ctx: &Context,
    library: &Library,
    req: &Request,
    observer: &'a dyn Observer,
) -> Result<PlaybookRun<'a>> {
    let mut settled = Settled::new(ctx, library, req, true)?;
    let checked = {
        let _spinner = ctx
            .printer
            .task(&format!("checking {} host(s)", settled.hosts.len()));
        settled.run(ctx, &Silent).hosts
    };
    let mut plan = Plan::new(
        settled.describe(),
        Checked {
            playbook: settled.book.name.clone(),
            origin: settled.origin.clone(),
            level: settled.book.level,
            hosts: Vec::new(),
        },
    );
    for r in &checked {
        plan.warnings.extend(warning(r));
        plan.actions
            .extend(r.steps.iter().map(|s| action(ctx, &r.host, s)));
    }
    settled.opts.facts = checked
        .iter()
        .filter_map(|r| Some((r.host.clone(), r.facts.clone()?)))
        .collect();
    plan.detail.hosts = checked;
    settled.opts.check = false;
    Ok(PlaybookRun {
        plan,
        settled,
        observer,
    })
}

/// A playbook run, planned.
pub struct PlaybookRun<'a> {
    plan: Plan<Checked>,
    settled: Settled,
    observer: &'a dyn Observer,
}

impl Change for PlaybookRun<'_> {
    type Detail = Checked;
    type Report = Ran;

    fn plan(&self) -> &Plan<Checked> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<Ran> {
        Ok(self.settled.run(ctx, self.observer))
    }
}

/// The plan's detail: the playbook and the check run it was made from, host by host.
#[derive(Debug, Serialize)]
pub struct Checked {
    pub playbook: String,
    pub origin: String,
    pub level: Level,
    /// The check run's results (as `--check` reports them).
    pub hosts: Vec<HostReport>,
}

impl Detail for Checked {
    fn render(&self) -> Option<String> {
        let mut out = format!(
            "playbook `{}` ({}, {}) checked on {} host(s):",
            self.playbook,
            self.level,
            self.origin,
            self.hosts.len()
        );
        for r in &self.hosts {
            let outcome = match r.outcome {
                Outcome::Changed => "would change",
                o => o.as_str(),
            };
            out.push_str(&format!("\n  {}: {outcome}", host_line(r)));
        }
        Some(out)
    }
}

/// A step of the check run as an action: a `run` line is the exact command the real run sends
/// (shown as a step, masked, when it holds something that looks like a secret); an upload or
/// a skipped step is a step in words. Why: its line as `--check` lists it.
fn action(ctx: &Context, host: &str, s: &StepReport) -> Action {
    let work = match &s.shell {
        Some(shell) => {
            let shown = shell.cmd.display();
            let masked = ctx.redact(&shown);
            if masked == shown {
                Work::Run {
                    cmd: shell.cmd.clone(),
                    stdin: shell.stdin.clone(),
                }
            } else {
                Work::Step(masked)
            }
        }
        None => Work::Step(
            s.command
                .clone()
                .unwrap_or_else(|| format!("nothing ({})", s.status.as_str())),
        ),
    };
    let why = std::iter::once(step_line(s))
        .chain(step_notes(s))
        .collect::<Vec<_>>()
        .join("\n      ");
    Action {
        host: host.to_string(),
        work,
        why,
    }
}

/// What the plan warns of for a host: it cannot be reached, the playbook does not apply to it
/// (its error says so), or a step already fails in check mode.
fn warning(r: &HostReport) -> Option<String> {
    let failed = r.steps.iter().find(|s| s.status == StepStatus::Failed);
    match (&r.error, failed) {
        (Some(e), _) => Some(format!("{}: {}: {e}", r.host, r.outcome.as_str())),
        (None, Some(s)) => Some(format!(
            "{}: step `{}` fails in check mode{}",
            r.host,
            s.name,
            s.message
                .as_ref()
                .map(|m| format!(": {m}"))
                .unwrap_or_default()
        )),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::app::change;
    use crate::transport::fake::{Fake, Matcher, Reply};
    use crate::transport::Transport;

    const HOST: &str = "127.0.0.9";

    const BOOK: &str = "name: t\nlevel: 2\nrequired: [db_password]\nsteps:\n\
        \x20 - {name: probe, changes: false, register: who, run: cat /etc/hostname}\n\
        \x20 - name: set it\n    when: who.stdout == 'web1'\n    run: printf '%s\\n' {{ db_password }} | chpasswd\n\
        \x20 - {name: never, when: \"who.stdout == 'nobody'\", run: touch /tmp/never}\n";

    /// A host that answers the facts probe and `cat /etc/hostname` as often as asked.
    fn host() -> Arc<Fake> {
        let t = Arc::new(Fake::new(HOST));
        t.allow(
            Matcher::script("section os"),
            Reply::ok("@@os\nID=debian\nVERSION_ID=12\n@@pkg\napt-get\n"),
        );
        t.allow(
            Matcher::argv(["sh", "-c", "cat /etc/hostname"]),
            Reply::ok("web1\n"),
        );
        t
    }

    fn book() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.yml");
        std::fs::write(&path, BOOK).unwrap();
        (dir, path.display().to_string())
    }

    /// The bundled test playbook planned on the fake host, with `db_password` set.
    fn planned<R>(ctx: &Context, password: &str, then: impl FnOnce(PlaybookRun<'_>) -> R) -> R {
        let (_dir, path) = book();
        let (hosts, vars) = ([HOST.to_string()], [format!("db_password={password}")]);
        let req = Request {
            playbook: &path,
            hosts: &hosts,
            vars: &vars,
            forks: 1,
            serial: None,
            max_fail: 0,
        };
        then(change(ctx, &Library::new(None), &req, &Silent).unwrap())
    }

    /// The plan is the check run: the probe ran, the change did not; its action is the exact
    /// argv the real run then sends, the secret on stdin and nowhere in the plan.
    #[test]
    fn the_plan_holds_the_command_the_run_sends_and_the_secret_stays_on_stdin() {
        let t = host();
        let mut ctx =
            crate::context::tests::ctx().with_transports(&[t.clone() as Arc<dyn Transport>]);
        ctx.settings.assume_yes = true;
        planned(&ctx, "pw-0001", |run| {
            assert_eq!(t.calls().len(), 2, "{:?}", t.lines());
            let actions = &run.plan().actions;
            assert_eq!(actions.len(), 3);
            let Work::Run { cmd, stdin } = &actions[1].work else {
                panic!("{:?}", actions[1]);
            };
            let read = "IFS= read -r HOSTOPS_SECRET_db_password\n";
            let line = "printf '%s\\n' \"$HOSTOPS_SECRET_db_password\" | chpasswd";
            let sent = ["sh".to_string(), "-c".into(), format!("{read}{line}")];
            assert_eq!(cmd.argv(), sent);
            assert_eq!(stdin.as_ref().map(|s| s.expose()), Some("pw-0001\n"));
            assert!(actions[1].why.starts_with("would run    set it"));
            assert!(matches!(&actions[2].work, Work::Step(s) if s == "nothing (skipped)"));
            let plan = serde_json::to_string(run.plan()).unwrap();
            assert!(!plan.contains("pw-0001"), "{plan}");

            t.expect(Matcher::argv(sent.clone()), Reply::ok(""));
            let done = change::run(&ctx, run).unwrap();
            assert_eq!(done.result["report"]["hosts"][0]["outcome"], "changed");
            let calls = t.calls();
            let last = calls.last().unwrap();
            assert_eq!(last.argv, sent);
            assert_eq!(last.stdin, b"pw-0001\n");
        });
    }

    /// A dry run makes the plan and sends no changing command (the fake would panic on it).
    #[test]
    fn a_dry_run_sends_only_the_probes() {
        let t = host();
        let mut ctx =
            crate::context::tests::ctx().with_transports(&[t.clone() as Arc<dyn Transport>]);
        ctx.settings.dry_run = true;
        planned(&ctx, "pw", |run| {
            let done = change::run(&ctx, run).unwrap();
            assert!(done.result["report"].is_null());
            assert_eq!(t.calls().len(), 2, "{:?}", t.lines());
        });
    }
}
