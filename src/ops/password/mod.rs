//! `hostops password reset`: one command for an account, a mailbox, an FTP login or a
//! database user on every panel. The new password (generated, or provided and checked) is a
//! [`Secret`]; it reaches the server only on the stdin of the panel's documented call
//! (`crate::panel::password`) and of the real login that verifies it afterwards
//! (`crate::host::login`). The journal gets the target, panel, generated or provided, length
//! and whether it was verified, never the secret.

mod report;
mod strength;
mod target;

pub use report::{Check, ResetReport};
pub use strength::{generate, DEFAULT_LENGTH};
pub use target::TargetArg;

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context as _, Result};
use serde::Serialize;

use crate::app::change::{Action, Change, Detail, Plan, Work};
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::{login, mysql};
use crate::ops::account;
use crate::panel::password::{Feed, Passwords, Reset, Target};
use crate::panel::{self, Panel, PanelKind};
use crate::secret::Secret;
use crate::transport::{self, Cmd, Transport};

/// Where the new password comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Generated, of this length.
    Generate(Option<usize>),
    /// One line of hostops' stdin.
    Stdin,
    /// Asked on the terminal (twice).
    Prompt,
}

/// What `password reset` was asked, as typed.
pub struct ResetOptions {
    pub host: String,
    pub target: TargetArg,
    pub source: Source,
    pub secret_file: Option<PathBuf>,
    pub show_secret: bool,
    pub kill_sessions: bool,
}

/// The plan's detail: what is reset where, and how the password was made (never what it is).
#[derive(Debug, Serialize)]
pub struct ResetDetail {
    pub host: String,
    pub panel: PanelKind,
    pub target: Target,
    /// The account the target belongs to, where the panel's call needs it.
    pub account: Option<account::Resolved>,
    pub generated: bool,
    pub length: usize,
}

impl Detail for ResetDetail {
    fn render(&self) -> Option<String> {
        Some(format!(
            "{} on {} ({}){}: new password {}, {} characters",
            self.target.describe(),
            self.host,
            self.panel.as_str(),
            self.account
                .as_ref()
                .filter(|a| a.from_domain.is_some() || !matches!(self.target, Target::Account(_)))
                .map(|a| format!(", account {}", a.describe()))
                .unwrap_or_default(),
            if self.generated {
                "generated"
            } else {
                "provided"
            },
            self.length
        ))
    }
}

/// A reset, planned: the reset, the session kill and the checks, each a command with its
/// secret input.
pub struct PasswordReset {
    t: Arc<dyn Transport>,
    panel: Box<dyn Panel>,
    password: Secret,
    secret_file: Option<PathBuf>,
    show_secret: bool,
    plan: Plan<ResetDetail>,
}

/// Checks `opts`, makes the new password, reads the host's panel (and the target's account
/// where the panel's call needs it) and plans the reset. Changes nothing.
pub fn change(ctx: &Context, opts: ResetOptions) -> Result<PasswordReset> {
    let arg = opts.target.checked()?;
    if let Some(path) = &opts.secret_file {
        if path.symlink_metadata().is_ok() {
            bail!(StatusError::usage(format!(
                "--secret-file {}: it exists; hostops only writes a new file",
                path.display()
            )));
        }
    }
    let (value, generated) = new_password(ctx, opts.source, arg.name())?;
    let password = ctx.secret(value);
    let t = ctx.connect(&ctx.host(&opts.host)?)?;
    let kind = panel::detect(&*t)?.kind;
    let driver = panel::driver(kind);
    let passwords = driver.passwords_on(&opts.host)?;
    let (target, owner) = resolve(&*t, &opts.host, passwords, arg)?;
    let tag = token_name(ctx);
    let owner_name = owner.as_ref().map(|o| o.account.as_str());
    let Some(reset) = passwords.reset_on(&*t, &target, owner_name, &tag)? else {
        bail!(StatusError::refused(format!(
            "resetting the password of a {} on {} ({}) is not supported yet",
            target.kind(),
            opts.host,
            kind.as_str()
        )));
    };
    let reset = with_db_hosts(&*t, reset)?;
    // Not in a dry run, which runs nothing against the target (a refused login counts).
    if !generated
        && !ctx.dry_run()
        && passwords.refuses_reuse(&target)
        && logs_in(&*t, &target, &password)?
    {
        bail!(StatusError::usage(format!(
            "the new password of {} is its current one (it logs in already): choose another",
            target.describe()
        )));
    }
    let mut blockers = Vec::new();
    if let Feed::Sql { hosts, .. } = &reset.feed {
        if hosts.is_empty() {
            blockers.push(format!("{} has no such database user", opts.host));
        }
    }
    let length = password.expose().chars().count();
    let mut plan = Plan::new(
        format!(
            "reset the password of {} on {}",
            target.describe(),
            opts.host
        ),
        ResetDetail {
            host: opts.host.clone(),
            panel: kind,
            target: target.clone(),
            account: owner,
            generated,
            length,
        },
    );
    plan.blockers = blockers;
    if generated && ctx.printer.is_json() && !opts.show_secret && opts.secret_file.is_none() {
        plan.warnings.push(
            "the generated password is neither shown (--json without --show-secret) nor \
             written (no --secret-file): nobody will know it"
                .into(),
        );
    }
    plan.actions = actions(
        ctx,
        &opts.host,
        &target,
        &reset,
        &password,
        opts.kill_sessions,
    );
    Ok(PasswordReset {
        t,
        panel: driver,
        password,
        secret_file: opts.secret_file,
        show_secret: opts.show_secret,
        plan,
    })
}

/// The password from `source`, and whether it was generated; a provided one is refused
/// (exit 2) when weak, with the reason.
fn new_password(ctx: &Context, source: Source, name: &str) -> Result<(String, bool)> {
    let provided = match source {
        Source::Generate(length) => {
            let value = strength::generate(length.unwrap_or(strength::DEFAULT_LENGTH), name)?;
            return Ok((value, true));
        }
        Source::Stdin => {
            let mut line = String::new();
            std::io::stdin()
                .read_line(&mut line)
                .context("reading the password from stdin")?;
            line.trim_end_matches(['\n', '\r']).to_string()
        }
        Source::Prompt => {
            if !ctx.prompter().can_prompt() {
                bail!(StatusError::usage(
                    "give --generate or --stdin: there is no terminal to ask for the password"
                ));
            }
            let first = ctx.prompter().secret("New password: ").unwrap_or_default();
            let again = ctx.prompter().secret("Again: ").unwrap_or_default();
            if first != again {
                bail!(StatusError::usage("the two passwords differ"));
            }
            first
        }
    };
    if let Some(why) = strength::weakness(&provided, name) {
        bail!(StatusError::usage(format!(
            "the password is too weak: {why}"
        )));
    }
    Ok((provided, false))
}

/// The target as the panel names it, and the account holding it where the panel's call needs
/// it (a domain given for `--account` is mapped to its account).
fn resolve(
    t: &dyn Transport,
    host: &str,
    passwords: &dyn Passwords,
    arg: TargetArg,
) -> Result<(Target, Option<account::Resolved>)> {
    if let TargetArg::Account(name) = &arg {
        let resolved = account::resolve(t, host, name)?;
        return Ok((Target::Account(resolved.account.clone()), Some(resolved)));
    }
    let target = arg.target();
    if !passwords.needs_owner(&target) {
        return Ok((target, None));
    }
    let owner = match &target {
        Target::Mailbox(m) | Target::Ftp(m) if m.contains('@') => {
            account::resolve(t, host, m.split_once('@').map_or("", |(_, d)| d))?
        }
        other => account::Resolved {
            account: other.name().to_string(),
            from_domain: None,
        },
    };
    Ok((target, Some(owner)))
}

/// A database user's reset with the hosts it exists for (read from the server).
fn with_db_hosts(t: &dyn Transport, reset: Reset) -> Result<Reset> {
    let Feed::Sql { user, .. } = &reset.feed else {
        return Ok(reset);
    };
    let sql = format!(
        "SELECT Host FROM mysql.user WHERE User = {}",
        mysql::literal(user)
    );
    let hosts = mysql::rows(t, &sql)?
        .into_iter()
        .filter_map(|r| r.into_iter().next())
        .collect();
    Ok(Reset {
        feed: Feed::Sql {
            user: user.clone(),
            hosts,
        },
        ..reset
    })
}

/// The name of the short-lived API token a panel call makes for this run.
fn token_name(ctx: &Context) -> String {
    let id: String = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(12)
        .collect();
    format!(
        "hostops-{}",
        if id.is_empty() { "dry-run".into() } else { id }
    )
}

/// Why each action runs.
const WHY_RESET: &str = "set the new password through the panel's own interface (secret on stdin)";
const WHY_KICK: &str = "end the open IMAP/POP3 sessions (--kill-sessions)";
const WHY_CHECK: &str = "verify: a real login with the new password, on the server";

/// The plan's actions, built by the same functions apply runs: the reset, the session kill
/// and the verification.
fn actions(
    ctx: &Context,
    host: &str,
    target: &Target,
    reset: &Reset,
    password: &Secret,
    kill_sessions: bool,
) -> Vec<Action> {
    let run = |cmd: Cmd, stdin: Option<Secret>, why: &str| Action {
        host: host.to_string(),
        work: Work::Run { cmd, stdin },
        why: why.to_string(),
    };
    let mut out = vec![run(
        reset.cmd.clone(),
        Some(ctx.secret(reset.feed.input(password.expose()))),
        WHY_RESET,
    )];
    if kill_sessions {
        if let Some(cmd) = kick(target) {
            out.push(run(cmd, None, WHY_KICK));
        }
    }
    for (cmd, input) in checks(target, password.expose()) {
        out.push(run(cmd, Some(ctx.secret(input)), WHY_CHECK));
    }
    out
}

/// `doveadm kick` for a mailbox or a system user's mail sessions.
fn kick(target: &Target) -> Option<Cmd> {
    match target {
        Target::Mailbox(n) | Target::Account(n) => {
            Some(Cmd::new("doveadm").args(["kick", n.as_str()]))
        }
        _ => None,
    }
}

/// The kind of real login that proves a password of `target`.
fn login_kind(target: &Target) -> &'static str {
    match target {
        Target::Mailbox(_) => "imap",
        Target::Ftp(_) => "ftp",
        Target::Account(_) => "pam",
        Target::DbUser(_) => "mariadb",
    }
}

/// Whether `password` logs in as `target` already (every real login of [`checks`] passes).
fn logs_in(t: &dyn Transport, target: &Target, password: &Secret) -> Result<bool> {
    let checks = checks(target, password.expose());
    for (cmd, input) in &checks {
        if !transport::run(t, cmd, Some(input.as_bytes()), None)?
            .exit
            .success()
        {
            return Ok(false);
        }
    }
    Ok(!checks.is_empty())
}

/// Runs `doveadm kick`: what it said (exit 68 is "no users kicked": no session was open).
fn kicked(t: &dyn Transport, cmd: &Cmd) -> Result<String> {
    let out = transport::run(t, cmd, None, None)?;
    let said = format!("{}{}", out.stdout_text(), out.stderr_text());
    match out.exit {
        crate::transport::Exit::Code { code: 0 | 68 } => Ok(said.trim().to_string()),
        _ => Err(transport::ProcessError::new(t, cmd, &out.exit, &out.stdout, &out.stderr).into()),
    }
}

/// The real logins that prove `password` for `target`, each with its stdin.
fn checks(target: &Target, password: &str) -> Vec<(Cmd, String)> {
    match target {
        Target::DbUser(u) => vec![(login::mysql_check(u), login::mysql_option_file(password))],
        other => vec![(
            login::check(login_kind(other), other.name()),
            format!("{password}\n"),
        )],
    }
}

impl Change for PasswordReset {
    type Detail = ResetDetail;
    type Report = ResetReport;

    fn plan(&self) -> &Plan<ResetDetail> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<ResetReport> {
        let detail = &self.plan.detail;
        let mut actions = self.plan.actions.iter();
        let reset = actions.next().context("a reset plan without its reset")?;
        let output = run(&*self.t, reset)?;
        self.panel
            .passwords_on(&detail.host)?
            .judged(&detail.target, &output)
            .with_context(|| format!("resetting the password of {}", detail.target.describe()))?;
        if let Some(path) = &self.secret_file {
            write_secret_file(path, &self.password)?;
        }
        let mut checks = Vec::new();
        let mut sessions = None;
        for action in actions {
            let Work::Run { cmd, stdin } = &action.work else {
                continue;
            };
            if action.why == WHY_KICK {
                sessions = Some(kicked(&*self.t, cmd)?);
                continue;
            }
            let out = transport::run(
                &*self.t,
                cmd,
                stdin.as_ref().map(|s| s.expose().as_bytes()),
                None,
            )?;
            let said = ctx.redact(format!("{}{}", out.stdout_text(), out.stderr_text()).trim());
            checks.push(Check {
                login: login_kind(&detail.target).to_string(),
                passed: out.exit.success(),
                said,
            });
        }
        let verified = !checks.is_empty() && checks.iter().all(|c| c.passed);
        ctx.note(format!(
            "password reset: {} on {} ({}), {} password, {} characters, verified {}",
            detail.target.describe(),
            detail.host,
            detail.panel.as_str(),
            if detail.generated {
                "generated"
            } else {
                "provided"
            },
            detail.length,
            if verified { "yes" } else { "no" }
        ))?;
        let shown = detail.generated && self.secret_file.is_none() && !ctx.printer.is_json();
        Ok(ResetReport {
            host: detail.host.clone(),
            panel: detail.panel,
            target: detail.target.clone(),
            generated: detail.generated,
            length: detail.length,
            verified,
            checks,
            sessions,
            secret_file: self.secret_file.clone(),
            secret: (self.show_secret || shown).then(|| self.password.expose().to_string()),
        })
    }
}

/// Runs a planned command with its secret stdin; a non-zero exit is an error with its output
/// (secrets masked by the journaled transport's messages).
fn run(t: &dyn Transport, action: &Action) -> Result<String> {
    let Work::Run { cmd, stdin } = &action.work else {
        bail!("not a command: {}", action.line());
    };
    let out = transport::run(t, cmd, stdin.as_ref().map(|s| s.expose().as_bytes()), None)?;
    if !out.exit.success() {
        return Err(
            transport::ProcessError::new(t, cmd, &out.exit, &out.stdout, &out.stderr).into(),
        );
    }
    Ok(out.stdout_text())
}

/// Writes the password to a new file only its owner can read (refused if it exists).
fn write_secret_file(path: &PathBuf, password: &Secret) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    writeln!(f, "{}", password.expose()).with_context(|| format!("writing {}", path.display()))
}
