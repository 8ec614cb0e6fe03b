//! `hostops migrate plan|run`

use anyhow::{bail, Result};

use super::status;
use crate::cli::{MigrateCommand, Migrated, PlanArgs, RunArgs, SyncArgs, VerifyArgs, Which};
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::inventory::HostSpec;
use crate::ops::migrate::run::{self, AccountOutcome, Migration, RunOptions};
use crate::ops::migrate::steps::{self, Done, Request};
use crate::ops::migrate::{self, Plan, PlanRequest, Selection};
use crate::ops::migrate::{home, verify};
use crate::ops::transfer::Route;
use crate::output::{human_bytes, human_duration, verdict, Table};
use crate::panel::{self, Account};
use crate::transport::Cmd;

pub fn run(ctx: &Context, cmd: MigrateCommand) -> Result<ExitStatus> {
    match cmd {
        MigrateCommand::Plan(args) => plan(ctx, args),
        MigrateCommand::Run(args) => run_migration(ctx, args),
        MigrateCommand::Verify(args) => verify(ctx, args),
        MigrateCommand::Sync(args) => sync(ctx, args),
    }
}

/// Two servers, the source's panel driver, and named accounts as the source lists them.
struct Pair {
    from: HostSpec,
    to: HostSpec,
    driver: Box<dyn panel::Panel>,
    accounts: Vec<Account>,
}

/// Resolves both servers and reads the named accounts on the source (each must exist there).
fn both_sides(ctx: &Context, m: &Migrated) -> Result<Pair> {
    let (from, to, users) = (m.from.as_str(), m.to.as_str(), &m.accounts);
    if let Some(bad) = users.iter().find(|a| !crate::panel::valid_account_name(a)) {
        bail!(StatusError::usage(format!(
            "{bad:?} is not a valid account name"
        )));
    }
    let (from, to) = (ctx.host(from)?, ctx.host(to)?);
    let src = ctx.connect(&from)?;
    let driver = super::detected_panel(&*src)?;
    let listed = driver.accounts(&*src)?;
    let mut accounts = Vec::new();
    for u in users {
        match listed.iter().find(|a| &a.user == u) {
            Some(a) => accounts.push(a.clone()),
            None => bail!(StatusError::usage(format!(
                "no account `{u}` on {}",
                from.name
            ))),
        }
    }
    Ok(Pair {
        from,
        to,
        driver,
        accounts,
    })
}

fn sync(ctx: &Context, args: SyncArgs) -> Result<ExitStatus> {
    let Pair {
        from,
        to,
        driver,
        accounts,
    } = both_sides(ctx, &args.migrated)?;
    let route = if args.relay {
        Route::Relay
    } else {
        Route::Direct
    };
    let what = format!(
        "sync {} account(s) from {} to {} ({}; databases on {} replaced by fresh dumps)",
        accounts.len(),
        from.name,
        to.name,
        if args.relay {
            "relayed through hostops"
        } else {
            "rsync run by the target"
        },
        to.name
    );
    if ctx.dry_run() {
        for a in &accounts {
            ctx.printer.data(format!("{}:", a.user));
            for line in migrate::sync::commands(driver.as_ref(), a, route, &from) {
                ctx.printer.data(format!("  {line}"));
            }
        }
        ctx.printer.data(format!("would {what}"));
        ctx.note(format!("dry run: would {what}"))?;
        return Ok(ExitStatus::Success);
    }
    ctx.confirm_change(&what)?;
    let (src, dst) = (ctx.connect(&from)?, ctx.connect(&to)?);
    let servers = migrate::sync::Servers {
        origin: crate::ops::pull_access::Origin::new(&*src, &from).noting(&ctx.printer),
        target: &*dst,
    };
    let tag = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    let mut done = Vec::new();
    let mut failed = 0;
    for a in &accounts {
        let task = ctx.printer.step(&format!("{}: syncing", a.user));
        let synced = migrate::sync::account(
            driver.as_ref(),
            &servers,
            a,
            route,
            &format!("{tag}-{}", a.user),
            &task,
        );
        drop(task);
        match synced {
            Ok(s) => done.push(serde_json::to_value(&s)?),
            Err(e) => {
                failed += 1;
                ctx.printer.warn(format!("{}: sync failed: {e:#}", a.user));
                done.push(serde_json::json!({ "user": a.user, "error": format!("{e:#}") }));
            }
        }
    }
    ctx.note(format!(
        "migrate sync {} -> {}: {} account(s), {failed} failed",
        from.name,
        to.name,
        accounts.len()
    ))?;
    if ctx.printer.is_json() {
        ctx.printer.json(&serde_json::json!({ "accounts": done }))?;
    } else {
        let mut t = Table::new(["ACCOUNT", "RESULT", "FILES SENT", "DATABASES"]);
        for d in &done {
            t.row([
                d["user"].as_str().unwrap_or("").to_string(),
                verdict(
                    d["error"].is_null(),
                    if d["error"].is_null() {
                        "synced"
                    } else {
                        "FAILED"
                    },
                ),
                d["files_sent"]
                    .as_u64()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "all (relay)".into()),
                d["databases"]
                    .as_array()
                    .map(|v| v.len().to_string())
                    .unwrap_or_default(),
            ]);
        }
        ctx.printer.table(&t);
    }
    Ok(if failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn verify(ctx: &Context, args: VerifyArgs) -> Result<ExitStatus> {
    let Pair {
        from,
        to,
        driver,
        accounts,
    } = both_sides(ctx, &args.migrated)?;
    let (src, dst) = (ctx.connect(&from)?, ctx.connect(&to)?);
    let there = driver.accounts(&*dst)?;
    let mut results = Vec::new();
    for a in &accounts {
        results.push(verify::account(
            driver.as_ref(),
            &a.user,
            &verify::Side {
                t: &*src,
                address: &from.address,
                account: Some(a),
            },
            &verify::Side {
                t: &*dst,
                address: &to.address,
                account: there.iter().find(|b| b.user == a.user),
            },
            args.deep,
        )?);
    }
    let differences: usize = results.iter().map(|r| r.differences()).sum();
    ctx.note(format!(
        "migrate verify {} -> {}: {differences} difference(s)",
        from.name, to.name
    ))?;
    if ctx.printer.is_json() {
        ctx.printer
            .json(&serde_json::json!({ "accounts": results, "differences": differences }))?;
    } else {
        for r in &results {
            render_verify(ctx, &from.name, &to.name, r);
        }
    }
    Ok(if differences == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Lines of the `migrate verify` report stay within this many columns.
const VERIFY_WIDTH: usize = 100;

/// One account's checks: a line each, and under a check that differs, what differs.
fn render_verify(ctx: &Context, from: &str, to: &str, r: &verify::AccountCheck) {
    let p = &ctx.printer;
    p.data(fit(
        &match r.differences() {
            0 => format!("{}: the same on both servers", shown(&r.user)),
            n => format!("{}: {n} check(s) differ", shown(&r.user)),
        },
        VERIFY_WIDTH,
    ));
    for c in &r.checks {
        let summary = if c.source == c.target {
            shown(&c.source)
        } else {
            format!("{from}: {} | {to}: {}", shown(&c.source), shown(&c.target))
        };
        let word = if c.same { "same" } else { "DIFFERENT" };
        let line = fit(
            &format!("{:<22} {summary}", shown(&c.what)),
            VERIFY_WIDTH - 12,
        );
        p.data(format!(
            "  {} {line}",
            verdict(c.same, &format!("{word:<9}"))
        ));
        for d in &c.differences {
            let change = match d.change {
                verify::Change::Added => format!("only on {to}"),
                verify::Change::Removed => format!("missing on {to}"),
                verify::Change::Changed => "changed".into(),
            };
            let detail = d
                .detail
                .as_deref()
                .map(|x| format!(": {}", shown(x)))
                .unwrap_or_default();
            p.data(fit(
                &format!("      {change}  {}{detail}", shown(&d.item)),
                VERIFY_WIDTH,
            ));
        }
        if c.more > 0 {
            p.data(format!("      ... and {} more", c.more));
        }
    }
}

/// `text` with control and direction-changing characters written as escapes, so that a name
/// from a server cannot move the cursor or reorder what the terminal shows.
fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` cut to `width` characters, an ellipsis marking the cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn selection(which: Which) -> Selection {
    if which.all {
        Selection::All
    } else if let Some(owner) = which.owner {
        Selection::Owner(owner)
    } else {
        Selection::Named(which.accounts)
    }
}

fn plan(ctx: &Context, args: PlanArgs) -> Result<ExitStatus> {
    let req = PlanRequest {
        from: ctx.host(&args.from)?,
        to: ctx.host(&args.to)?,
        scheduled: args.which.scheduled.clone(),
        selection: selection(args.which),
    };
    let plan = migrate::plan(ctx, &req)?;
    if ctx.printer.is_json() {
        ctx.printer
            .json(&serde_json::json!({ "plan": plan, "clean": plan.is_clean() }))?;
    } else {
        render_plan(ctx, &plan);
    }
    Ok(if plan.is_clean() {
        ExitStatus::Success
    } else {
        ExitStatus::Refused
    })
}

fn run_migration(ctx: &Context, args: RunArgs) -> Result<ExitStatus> {
    let this_run = ctx
        .run_log()
        .map(|l| l.run_id().to_string())
        .unwrap_or_default();
    let route = if args.relay {
        Route::Relay
    } else {
        Route::Direct
    };
    let (request, done, plan) = match &args.resume {
        Some(id) => {
            let ticket = ctx
                .ticket()
                .map(|t| t.as_str().to_string())
                .unwrap_or_default();
            let journal = ctx.open_journal()?;
            let id = &journal.resolve_run(&ticket, id)?;
            let (request, done) = steps::load(&journal, &ticket, id)?;
            ctx.note(format!(
                "resuming migration {} (started as run {})",
                id, done.origin
            ))?;
            (request, done, None)
        }
        None => {
            let req = PlanRequest {
                from: ctx.host(args.from.as_deref().unwrap_or_default())?,
                to: ctx.host(args.to.as_deref().unwrap_or_default())?,
                scheduled: args.which.scheduled.clone(),
                selection: selection(args.which),
            };
            let plan = migrate::plan(ctx, &req)?;
            let request = Request {
                from: plan.from.clone(),
                to: plan.to.clone(),
                accounts: plan.accounts.iter().map(|a| a.user.clone()).collect(),
                route,
                scheduled: plan.scheduled.clone(),
            };
            if let Some(ticket) = ctx.ticket() {
                if let Some(id) =
                    steps::interrupted(&*ctx.open_journal()?, ticket.as_str(), &request)?
                {
                    let what = format!(
                        "run {id} of this migration ({} -> {}, the same accounts) was interrupted: continue it with `hostops migrate run --resume {id}`",
                        request.from, request.to
                    );
                    if !plan.is_clean() {
                        bail!(StatusError::refused(format!(
                            "{what}, which knows what it already did on {} (starting over finds its accounts there)",
                            request.to
                        )));
                    }
                    ctx.printer.warn(what);
                }
            }
            if !plan.is_clean() {
                if ctx.printer.is_json() {
                    ctx.printer
                        .json(&serde_json::json!({ "plan": plan, "clean": false }))?;
                } else {
                    render_plan(ctx, &plan);
                }
                bail!(StatusError::refused(
                    "the plan has blockers: nothing was changed"
                ));
            }
            (request, Done::new(&this_run), Some(plan))
        }
    };
    let (from, to) = (ctx.host(&request.from)?, ctx.host(&request.to)?);
    let (src, dst) = (ctx.connect(&from)?, ctx.connect(&to)?);
    // A fresh run's plan has already read the source; a resumed one asks again.
    let (kind, listed) = match plan.as_ref() {
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
    let migration = Migration {
        ctx,
        request,
        from,
        to,
        panel: driver,
        src,
        dst,
        done,
        sizes: plan
            .iter()
            .flat_map(|p| &p.accounts)
            .map(|a| (a.user.clone(), a.size_bytes))
            .collect(),
    };
    let what = format!(
        "migrate {} account(s) from {} to {}",
        accounts.len(),
        migration.from.name,
        migration.to.name
    );
    if ctx.dry_run() {
        if let Some(plan) = &plan {
            render_plan(ctx, plan);
        }
        render_commands(ctx, &migration, &accounts)?;
        ctx.note(format!("dry run: would {what}"))?;
        return Ok(ExitStatus::Success);
    }
    ctx.confirm_change(&what)?;
    migration.record_request()?;
    super::hint_on_interrupt(resume_hint(&this_run));
    let outcomes = migration.run(
        &accounts,
        &RunOptions {
            parallel: args.parallel.max(1),
            fail_fast: args.fail_fast,
        },
    )?;
    if ctx.printer.is_json() {
        ctx.printer.json(&serde_json::json!({ "run_id": this_run, "origin": migration.done.origin, "accounts": outcomes }))?;
    } else {
        render_outcomes(ctx, &outcomes, &this_run);
    }
    Ok(outcomes
        .iter()
        .filter(|o| !o.ok)
        .fold(ExitStatus::Success, |worst, o| {
            worst.worst(
                o.cause
                    .as_ref()
                    .map_or(ExitStatus::Failure, status::of_error),
            )
        }))
}

fn render_plan(ctx: &Context, plan: &Plan) {
    let p = &ctx.printer;
    p.data(format!(
        "Migration plan {} ({} {}) -> {} ({})",
        plan.from,
        plan.panel.as_str(),
        plan.from_version.as_deref().unwrap_or("?"),
        plan.to,
        plan.to_version.as_deref().unwrap_or("?")
    ));
    let mut t = Table::new([
        "ACCOUNT",
        "SIZE",
        "DOMAINS",
        "DATABASES",
        "MAILBOXES",
        "EST. TIME",
        "STATUS",
    ]);
    let shown = migrate::rules::shown;
    for a in &plan.accounts {
        t.row([
            shown(&a.user),
            human_bytes(a.size_bytes),
            a.domains
                .iter()
                .map(|d| shown(d))
                .collect::<Vec<_>>()
                .join(" "),
            a.databases.len().to_string(),
            a.mailboxes.len().to_string(),
            human_duration(a.estimated_seconds * 1000),
            verdict(
                a.blockers.is_empty(),
                if a.blockers.is_empty() {
                    "ready"
                } else {
                    "blocked"
                },
            ),
        ]);
    }
    p.table(&t);
    p.data(format!(
        "\n{} account(s), {} in all, about {} (estimate at {}/s)",
        plan.accounts.len(),
        human_bytes(plan.total_bytes),
        human_duration(plan.estimated_seconds * 1000),
        human_bytes(migrate::rules::ASSUMED_BYTES_PER_SEC)
    ));
    let problems = plan
        .blockers
        .iter()
        .cloned()
        .chain(plan.accounts.iter().flat_map(|a| {
            a.blockers
                .iter()
                .map(move |b| format!("{}: {b}", shown(&a.user)))
        }));
    for b in problems {
        p.data(format!("  {} {b}", verdict(false, "BLOCKER")));
    }
    for w in plan
        .warnings
        .iter()
        .cloned()
        .chain(plan.accounts.iter().flat_map(|a| {
            a.warnings
                .iter()
                .map(move |w| format!("{}: {w}", shown(&a.user)))
        }))
    {
        p.data(format!("  warning: {w}"));
    }
}

/// The exact commands a run would send, per account (for --dry-run).
fn render_commands(ctx: &Context, m: &Migration<'_>, accounts: &[Account]) -> Result<()> {
    let packaging = m.panel.packaging_on(&m.from.name)?;
    let dir = run::workdir(m.panel.as_ref(), &m.done.origin);
    let p = &ctx.printer;
    p.data(format!(
        "\nCommands (temporary directory {dir} on both servers):"
    ));
    for a in accounts {
        let archive = packaging.archive_path(a, &dir);
        let streamed = packaging.streamed_home(a);
        p.data(format!("{}:", a.user));
        if let Some(home) = &streamed {
            let staged = home::staged(&dir, &a.user);
            let (produce, consume) = (home::produce(home), home::consume(&staged));
            p.data(match m.request.route {
                Route::Direct => format!(
                    "  home      on {}: ssh {}@{} {produce} | {consume} (one-off key, {}'s verified host key pinned), on a connection of its own while package, transfer and restore run",
                    m.to.name, m.from.user, m.from.address, m.from.name
                ),
                Route::Relay => format!(
                    "  home      through hostops: {} on {} | {consume} on {}, on connections of their own while package, transfer and restore run",
                    produce, m.from.name, m.to.name
                ),
            });
        }
        p.data(format!(
            "  package   on {}: {}",
            m.from.name,
            packaging.package_command(a, &dir)
        ));
        let send = Cmd::new("cat").args(["--", archive.as_str()]);
        p.data(match m.request.route {
            Route::Direct => format!(
                "  transfer  on {}: ssh {}@{} {send} | tee (hashed while written), one-off key, {}'s verified host key pinned",
                m.to.name, m.from.user, m.from.address, m.from.name
            ),
            Route::Relay => format!(
                "  transfer  through hostops: {send} on {} -> {} (hashed on both servers while streamed)",
                m.from.name, m.to.name
            ),
        });
        p.data(format!(
            "  restore   on {}: {}",
            m.to.name,
            packaging.restore_command(a, &archive)
        ));
        if let Some(home) = &streamed {
            p.data(format!(
                "  place     on {}: {}",
                m.to.name,
                home::place_command(&home::staged(&dir, &a.user), home, &a.user)
            ));
        }
        p.data(format!(
            "  verify    on {}: the account, its domains and databases are listed",
            m.to.name
        ));
        p.data(format!(
            "  cleanup   on both: {}; {} once every account is done",
            Cmd::new("rm").args(["-f", "--", archive.as_str()]),
            Cmd::new("rm").args(["-rf", "--", dir.as_str()])
        ));
    }
    Ok(())
}

fn render_outcomes(ctx: &Context, outcomes: &[AccountOutcome], run_id: &str) {
    let mut t = Table::new(["ACCOUNT", "RESULT", "STEPS", "TIME"]);
    for o in outcomes {
        let steps: Vec<String> = o
            .steps
            .iter()
            .map(|s| {
                format!(
                    "{}{}",
                    s.step.as_str(),
                    if s.resumed { " (earlier)" } else { "" }
                )
            })
            .collect();
        t.row([
            o.user.clone(),
            verdict(o.ok, if o.ok { "migrated" } else { "FAILED" }),
            steps.join(", "),
            human_duration(o.steps.iter().map(|s| s.duration_ms).sum()),
        ]);
    }
    ctx.printer.table(&t);
    for o in outcomes.iter().filter(|o| !o.ok) {
        ctx.printer.warn(format!(
            "{}: {}",
            o.user,
            o.error.as_deref().unwrap_or("failed")
        ));
        if let Some(c) = &o.cleanup {
            ctx.printer.warn(format!("{}: {c}", o.user));
        }
    }
    if outcomes.iter().any(|o| !o.ok) {
        ctx.printer.status(resume_hint(run_id));
    }
}

/// How to continue migration run `run_id` (under the same ticket).
fn resume_hint(run_id: &str) -> String {
    format!("to continue: hostops migrate run --resume {run_id}")
}
