//! One playbook on one host: gather facts, check `applies_to`, then run `steps`; on the first
//! failure run `rescue`, and always run `always`. In check mode read-only probes run and every
//! other step is rendered and reported with whether it would run. Every step is journaled.
//! Secret variables reach a `run` line on its stdin, read into shell variables, never on its
//! command line; every report is masked before it is journaled, printed or returned.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::time::{Duration, Instant};

use minijinja::value::{Serde, Value};
use serde::Serialize;

use super::facts::{self, Facts};
use super::format::{Action, Playbook, Step, Upload};
use super::template;
use super::RunOptions;
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::ops::exec::{ExecSink, SinkWriter, Stream};
use crate::secret::Secret;
use crate::transport::copy::NoProgress;
use crate::transport::{self, Cmd, ExecIo, Exit, Transport};

/// Receives live output (when streaming) and each step's result as it finishes.
pub trait Observer: ExecSink {
    fn step(&self, host: &str, step: &StepReport);

    /// Called once every host is done (to print what is left of unfinished lines).
    fn finished(&self) {}
}

/// An observer that shows nothing (the check run a plan is made of).
pub struct Silent;

impl ExecSink for Silent {
    fn output(&self, _: &str, _: Stream, _: &[u8]) {}
}

impl Observer for Silent {
    fn step(&self, _: &str, _: &StepReport) {}
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Steps,
    Rescue,
    Always,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// A probe (or an upload with nothing to change) succeeded.
    Ok,
    Changed,
    Failed,
    /// `when` was false.
    Skipped,
    /// Check mode: this changing step would run.
    WouldChange,
    /// Check mode: cannot be decided before the changes above are made (a condition on a
    /// result that does not exist yet, or a probe that verifies a change).
    Undecided,
}

impl StepStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StepStatus::Ok => "ok",
            StepStatus::Changed => "changed",
            StepStatus::Failed => "failed",
            StepStatus::Skipped => "skipped",
            StepStatus::WouldChange => "would change",
            StepStatus::Undecided => "undecided",
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct StepReport {
    pub phase: Phase,
    pub name: String,
    pub status: StepStatus,
    /// The rendered command line, or `upload DEST`.
    pub command: Option<String>,
    /// For uploads: the unified diff from the current file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    pub exit: Option<Exit>,
    pub attempts: u32,
    /// Why it failed or was skipped.
    pub message: Option<String>,
    pub duration_ms: u64,
    /// A `run` line as the command that runs it (rendered in check mode too).
    #[serde(skip)]
    pub shell: Option<ShellCommand>,
}

/// The command a `run` line is sent as: `sh -c` with the line, each secret it uses read from
/// one line of stdin into its shell variable first.
#[derive(Clone, Debug)]
pub struct ShellCommand {
    pub cmd: Cmd,
    /// The secrets' values, one a line, in the order the command reads them.
    pub stdin: Option<Secret>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Every step succeeded and nothing changed.
    Ok,
    /// Every step succeeded and something changed (or would, in check mode).
    Changed,
    /// A step failed and there was no rescue, the rescue failed too, or every rescue step
    /// was skipped (nothing had been changed).
    Failed,
    /// A step failed and the rescue (rollback) succeeded: the change did not happen.
    Rescued,
    /// The host is not a panel or OS the playbook applies to.
    NotApplicable,
    Unreachable,
    /// Not started: an earlier batch failed more than --max-fail allows.
    NotRun,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Changed => "changed",
            Outcome::Failed => "failed",
            Outcome::Rescued => "rescued",
            Outcome::NotApplicable => "not applicable",
            Outcome::Unreachable => "unreachable",
            Outcome::NotRun => "not run",
        }
    }

    /// Counts against --max-fail and the exit status.
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            Outcome::Failed | Outcome::Rescued | Outcome::Unreachable | Outcome::NotRun
        )
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Counts {
    pub ok: u32,
    pub changed: u32,
    pub failed: u32,
    pub skipped: u32,
    pub rescued: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct HostReport {
    pub host: String,
    pub outcome: Outcome,
    pub counts: Counts,
    pub steps: Vec<StepReport>,
    /// Why the host failed before or outside its steps (connection, facts, applies_to).
    pub error: Option<String>,
    pub facts: Option<Facts>,
    pub duration_ms: u64,
}

impl HostReport {
    pub fn without_steps(host: &str, outcome: Outcome, error: String) -> HostReport {
        HostReport {
            host: host.to_string(),
            outcome,
            counts: Counts::default(),
            steps: Vec::new(),
            error: Some(error),
            facts: None,
            duration_ms: 0,
        }
    }
}

/// Runs `playbook` on `host`.
pub fn run_host(
    ctx: &Context,
    playbook: &Playbook,
    opts: &RunOptions,
    host: &HostSpec,
    observer: &dyn Observer,
) -> HostReport {
    let started = Instant::now();
    let mut report = prepare(ctx, playbook, opts, host, observer);
    report.duration_ms = started.elapsed().as_millis() as u64;
    report.error = report.error.map(|e| ctx.redact(&e));
    let _ = ctx.note(format!(
        "{}: playbook `{}` {}{}",
        host.name,
        playbook.name,
        report.outcome.as_str(),
        if opts.check { " (check mode)" } else { "" }
    ));
    report
}

fn prepare(
    ctx: &Context,
    playbook: &Playbook,
    opts: &RunOptions,
    host: &HostSpec,
    observer: &dyn Observer,
) -> HostReport {
    let t = match ctx.connect(host) {
        Ok(t) => t,
        Err(e) => {
            return HostReport::without_steps(&host.name, Outcome::Unreachable, e.to_string())
        }
    };
    let gathered = match opts.facts.get(&host.name) {
        Some(known) => Ok(known.clone()),
        None => facts::gather(&*t),
    };
    let facts = match gathered {
        Ok(f) => f,
        Err(e) => {
            return HostReport::without_steps(
                &host.name,
                Outcome::Failed,
                format!("gathering facts failed: {e}"),
            )
        }
    };
    if let Some(why) = not_applicable(playbook, &facts) {
        let _ = ctx.note(format!("{}: skipped: {why}", host.name));
        let mut r = HostReport::without_steps(&host.name, Outcome::NotApplicable, why);
        r.facts = Some(facts);
        return r;
    }
    let mut run = HostRun {
        ctx,
        t: &*t,
        host: &host.name,
        check: opts.check,
        observer,
        scope: scope(playbook, opts, &host.name, &facts),
        secrets: &opts.vars.secrets,
        steps: Vec::new(),
        counts: Counts::default(),
    };
    let failed = run.phase(Phase::Steps, &playbook.steps);
    let mut outcome = if failed { Outcome::Failed } else { Outcome::Ok };
    if failed && !playbook.rescue.is_empty() {
        let before = run.steps.len();
        let rescue_failed = run.phase(Phase::Rescue, &playbook.rescue);
        // Rescued only when a rollback step actually ran (all skipped: nothing to undo).
        let acted = run.steps[before..]
            .iter()
            .any(|s| s.status != StepStatus::Skipped);
        if !rescue_failed && acted {
            run.counts.rescued += 1;
            outcome = Outcome::Rescued;
        }
    }
    if run.phase(Phase::Always, &playbook.always) {
        outcome = Outcome::Failed;
    }
    if outcome == Outcome::Ok && run.counts.changed > 0 {
        outcome = Outcome::Changed;
    }
    HostReport {
        host: host.name.clone(),
        outcome,
        counts: run.counts,
        steps: run.steps,
        error: None,
        facts: Some(facts),
        duration_ms: 0,
    }
}

fn not_applicable(p: &Playbook, f: &Facts) -> Option<String> {
    let panels = &p.applies_to.panels;
    if !panels.is_empty() && !panels.contains(&f.panel_name()) {
        return Some(format!(
            "playbook `{}` applies to panels {:?}, this host runs `{}`",
            p.name, panels, f.panel
        ));
    }
    let os = &p.applies_to.os;
    if !os.is_empty() && !f.family().is_some_and(|fam| os.contains(&fam)) {
        return Some(format!(
            "playbook `{}` applies to OS families {:?}, this host runs `{}` {}",
            p.name, os, f.os, f.os_version
        ));
    }
    None
}

/// Variables templates see besides the secrets: playbook vars (overridden by --var), `facts`,
/// `host`, `playbook`, `check_mode`, and each registered result.
fn scope(p: &Playbook, opts: &RunOptions, host: &str, facts: &Facts) -> BTreeMap<String, Value> {
    let mut vars = opts.vars.plain.clone();
    vars.insert("facts".into(), Value::from(Serde(facts)));
    vars.insert("host".into(), Value::from(host));
    vars.insert("playbook".into(), Value::from(p.name.as_str()));
    vars.insert("check_mode".into(), Value::from(opts.check));
    vars
}

struct HostRun<'a> {
    ctx: &'a Context,
    t: &'a dyn Transport,
    host: &'a str,
    check: bool,
    observer: &'a dyn Observer,
    scope: BTreeMap<String, Value>,
    secrets: &'a BTreeMap<String, Secret>,
    steps: Vec<StepReport>,
    counts: Counts,
}

/// What a step left for later steps' templates (`register`).
struct Registered {
    rc: Option<i32>,
    stdout: String,
    stderr: String,
    changed: bool,
    failed: bool,
    skipped: bool,
}

impl Registered {
    fn skipped() -> Registered {
        Registered {
            rc: None,
            stdout: String::new(),
            stderr: String::new(),
            changed: false,
            failed: false,
            skipped: true,
        }
    }

    fn value(&self) -> Value {
        let lines: Vec<Value> = self.stdout.lines().map(Value::from).collect();
        let mut m: BTreeMap<&str, Value> = BTreeMap::new();
        m.insert("rc", self.rc.map_or(Value::from(()), Value::from));
        m.insert("stdout", Value::from(self.stdout.trim_end()));
        m.insert("stderr", Value::from(self.stderr.trim_end()));
        m.insert("stdout_lines", Value::from(lines));
        m.insert("changed", Value::from(self.changed));
        m.insert("failed", Value::from(self.failed));
        m.insert("skipped", Value::from(self.skipped));
        Value::from(m)
    }
}

impl HostRun<'_> {
    /// Runs a list of steps until one fails; returns whether one failed.
    fn phase(&mut self, phase: Phase, steps: &[Step]) -> bool {
        for step in steps {
            let started = Instant::now();
            let (mut report, registered) = self.step(phase, step);
            report.duration_ms = started.elapsed().as_millis() as u64;
            self.mask(&mut report);
            if self.check && report.status == StepStatus::Failed && self.counts.changed > 0 {
                // A probe after a change that did not happen cannot see it: not a failure.
                report.status = StepStatus::Undecided;
                report.message = report.message.map(|m| {
                    format!("verifies the changes above, which check mode does not make (now: {m})")
                });
            }
            if let (Some(name), Some(r)) = (&step.register, registered) {
                self.scope.insert(name.clone(), r.value());
            }
            match report.status {
                StepStatus::Ok => self.counts.ok += 1,
                StepStatus::Changed | StepStatus::WouldChange => self.counts.changed += 1,
                StepStatus::Failed => self.counts.failed += 1,
                StepStatus::Skipped | StepStatus::Undecided => self.counts.skipped += 1,
            }
            let _ = self.ctx.note(journal_line(self.host, &report));
            self.observer.step(self.host, &report);
            let failed = report.status == StepStatus::Failed;
            self.steps.push(report);
            if failed {
                return true;
            }
        }
        false
    }

    /// The variables of a template: secrets as shell variable references in a `run` line
    /// (`shell`), as their values in `when:` and uploads (which travel as file content).
    fn vars(&self, shell: bool) -> Value {
        let mut vars = self.scope.clone();
        for (name, secret) in self.secrets {
            let value = if shell {
                template::secret_reference(name)
            } else {
                Value::from(secret.expose())
            };
            vars.insert(name.clone(), value);
        }
        Value::from(vars)
    }

    /// Masks the secrets in what a report shows (command, diff, message).
    fn mask(&self, report: &mut StepReport) {
        for text in [&mut report.command, &mut report.diff, &mut report.message]
            .into_iter()
            .flatten()
        {
            *text = self.ctx.redact(text);
        }
    }

    /// The command that runs a rendered `run` line: each secret the line refers to is one
    /// line of stdin, read into its shell variable.
    fn shell_command(&self, line: &str) -> ShellCommand {
        let secrets: Vec<(&String, &Secret)> = self
            .secrets
            .iter()
            .filter(|(name, _)| line.contains(&template::secret_expansion(name)))
            .collect();
        let prelude: String = secrets
            .iter()
            .map(|(name, _)| format!("IFS= read -r {}\n", template::secret_variable(name)))
            .collect();
        let input: String = secrets
            .iter()
            .map(|(_, s)| format!("{}\n", s.expose()))
            .collect();
        ShellCommand {
            cmd: Cmd::new("sh").args(["-c".to_string(), prelude + line]),
            stdin: (!secrets.is_empty()).then(|| self.ctx.secret(input)),
        }
    }

    fn step(&self, phase: Phase, step: &Step) -> (StepReport, Option<Registered>) {
        let mut report = StepReport {
            phase,
            name: step.name.clone(),
            status: StepStatus::Ok,
            command: None,
            diff: None,
            exit: None,
            attempts: 0,
            message: None,
            duration_ms: 0,
            shell: None,
        };
        let vars = self.vars(false);
        let mut undetermined = None;
        if let Some(when) = &step.when {
            match template::eval(&when.0, &vars) {
                Ok(true) => {}
                Ok(false) => {
                    report.status = StepStatus::Skipped;
                    report.message = Some(format!("when `{}` is false", when.0));
                    return (report, Some(Registered::skipped()));
                }
                // In check mode a condition may read the result of a step that did not run.
                Err(e) if self.check => {
                    undetermined = Some(format!(
                        "when `{}` cannot be decided in check mode: {e}",
                        when.0
                    ))
                }
                Err(e) => return (failed(report, format!("when `{}`: {e}", when.0)), None),
            }
        }
        match &step.action {
            Action::Run(line) => {
                let line = match template::render_shell(&line.0, &self.vars(true)) {
                    Ok(l) => l,
                    Err(e) => return (failed(report, format!("run: {e}")), None),
                };
                let shell = self.shell_command(&line);
                report.command = Some(line);
                report.shell = Some(shell.clone());
                if self.check && (step.changes || undetermined.is_some()) {
                    // A probe whose condition cannot be decided is not run.
                    report.status = if step.changes {
                        StepStatus::WouldChange
                    } else {
                        StepStatus::Undecided
                    };
                    report.message = undetermined;
                    return (report, Some(Registered::skipped()));
                }
                self.run(step, &shell, report)
            }
            Action::Upload(upload) => match self.upload(upload, &vars, &mut report) {
                Ok(()) => {
                    if report.status == StepStatus::WouldChange {
                        report.message = undetermined;
                    }
                    (report, None)
                }
                Err(e) => (failed(report, e), None),
            },
        }
    }

    /// Runs a command line with retries until its expectations hold.
    fn run(
        &self,
        step: &Step,
        shell: &ShellCommand,
        mut report: StepReport,
    ) -> (StepReport, Option<Registered>) {
        let input = shell
            .stdin
            .as_ref()
            .map_or(&[][..], |s| s.expose().as_bytes());
        let timeout = step.timeout.map(Duration::from_secs);
        loop {
            report.attempts += 1;
            let mut out = SinkWriter {
                host: self.host,
                stream: Stream::Stdout,
                sink: self.observer,
                keep: Some(Vec::new()),
            };
            let mut err = SinkWriter {
                host: self.host,
                stream: Stream::Stderr,
                sink: self.observer,
                keep: Some(Vec::new()),
            };
            let mut reader = Cursor::new(input);
            let result = self.t.exec(
                &shell.cmd,
                ExecIo {
                    stdin: shell
                        .stdin
                        .is_some()
                        .then_some(&mut reader as &mut (dyn Read + Send)),
                    stdout: &mut out,
                    stderr: &mut err,
                    timeout,
                },
            );
            let text =
                |w: SinkWriter| String::from_utf8_lossy(&w.keep.unwrap_or_default()).into_owned();
            let (stdout, stderr) = (text(out), text(err));
            let problem = match &result {
                Err(e) => Some(e.to_string()),
                Ok(exit) => unmet(step, exit, &stdout),
            };
            report.exit = result.ok();
            if problem.is_none() || report.attempts > step.retries {
                let rc = match &report.exit {
                    Some(Exit::Code { code }) => Some(*code),
                    _ => None,
                };
                report.status = match (&problem, step.changes) {
                    (Some(_), _) => StepStatus::Failed,
                    (None, true) => StepStatus::Changed,
                    (None, false) => StepStatus::Ok,
                };
                report.message = problem.map(|p| with_stderr(p, &stderr));
                let registered = Registered {
                    rc,
                    stdout,
                    stderr,
                    changed: report.status == StepStatus::Changed,
                    failed: report.status == StepStatus::Failed,
                    skipped: false,
                };
                return (report, Some(registered));
            }
            std::thread::sleep(Duration::from_secs(step.delay));
        }
    }

    /// Renders an upload, diffs it against the remote file, and writes it unless in check mode
    /// or unchanged.
    fn upload(&self, upload: &Upload, vars: &Value, report: &mut StepReport) -> Result<(), String> {
        let dest = template::render_text(&upload.dest.0, vars).map_err(|e| format!("dest: {e}"))?;
        let content =
            template::render_text(&upload.content.0, vars).map_err(|e| format!("content: {e}"))?;
        report.command = Some(match upload.mode {
            Some(mode) => format!("upload {dest} (mode {mode})"),
            None => format!("upload {dest}"),
        });
        let current = transport::run(
            self.t,
            &Cmd::new("cat").arg("--").arg(dest.as_str()),
            None,
            None,
        )
        .map_err(|e| e.to_string())?;
        let old = if current.exit.success() {
            current.stdout_text()
        } else {
            String::new()
        };
        if old == content {
            report.status = StepStatus::Ok;
            report.message = Some("already up to date".into());
        } else {
            let diff = similar::TextDiff::from_lines(&old, &content)
                .unified_diff()
                .header(&dest, &dest)
                .to_string();
            report.diff = Some(diff);
            report.status = StepStatus::WouldChange;
            if self.check {
                return Ok(());
            }
            self.t
                .upload(&mut Cursor::new(content.as_bytes()), &dest, &NoProgress)
                .map_err(|e| e.to_string())?;
            report.status = StepStatus::Changed;
        }
        if let Some(mode) = upload.mode.filter(|_| !self.check) {
            transport::run_ok(
                self.t,
                &Cmd::new("chmod").args([mode.to_string(), "--".into(), dest]),
            )
            .map_err(|e| e.to_string())?;
        }
        Ok(())
    }
}

/// Why a finished command does not meet the step's `expect`, if it does not.
fn unmet(step: &Step, exit: &Exit, stdout: &str) -> Option<String> {
    let rc_ok = matches!(exit, Exit::Code { code } if step.expect.rc.contains(code));
    if !rc_ok {
        return Some(format!("{exit}, expected exit code {:?}", step.expect.rc));
    }
    match &step.expect.stdout {
        Some(p) if !p.0.is_match(stdout) => {
            Some(format!("output does not match `{}`", p.0.as_str()))
        }
        _ => None,
    }
}

fn with_stderr(problem: String, stderr: &str) -> String {
    let tail: Vec<&str> = stderr.trim_end().lines().rev().take(5).collect();
    if tail.is_empty() {
        problem
    } else {
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!("{problem}: {}", tail.join(" / "))
    }
}

fn failed(mut report: StepReport, message: String) -> StepReport {
    report.status = StepStatus::Failed;
    report.message = Some(message);
    report
}

fn journal_line(host: &str, r: &StepReport) -> String {
    let phase = match r.phase {
        Phase::Steps => "step",
        Phase::Rescue => "rescue step",
        Phase::Always => "always step",
    };
    let mut line = format!("{host}: {phase} `{}`: {}", r.name, r.status.as_str());
    if let Some(cmd) = &r.command {
        line.push_str(&format!(" [{cmd}]"));
    }
    if let Some(exit) = &r.exit {
        line.push_str(&format!(" ({exit})"));
    }
    if let Some(m) = &r.message {
        line.push_str(&format!(": {m}"));
    }
    line
}
