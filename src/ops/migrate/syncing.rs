//! `migrate sync` as a change: its plan (per account, the directories and databases brought
//! up to date, and how), and the report of each account's sync.

use anyhow::Result;
use serde::Serialize;

use super::pair::{both_sides, Migrated, Pair};
use super::sync::{self, Servers, Synced};
use crate::app::change::{Change, Detail, Plan};
use crate::app::Report;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::ops::pull_access::Origin;
use crate::ops::transfer::Route;
use crate::output::{verdict, Printer, Table};

/// The detail of a sync's plan.
#[derive(Debug, Serialize)]
pub struct Syncing {
    pub accounts: Vec<String>,
    pub route: Route,
}

impl Detail for Syncing {
    fn render(&self) -> Option<String> {
        None
    }
}

/// A planned sync.
pub struct SyncRun {
    plan: Plan<Syncing>,
    pair: Pair,
    route: Route,
}

/// One account's sync: what was brought up to date, or why it was not.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum AccountSync {
    Synced(Synced),
    Failed { user: String, error: String },
}

/// Every account's sync.
#[derive(Debug, Serialize)]
pub struct SyncReport {
    pub accounts: Vec<AccountSync>,
}

/// Plans the sync of the named accounts (read-only).
pub fn change(ctx: &Context, m: &Migrated, route: Route) -> Result<SyncRun> {
    let pair = both_sides(ctx, m)?;
    let summary = format!(
        "sync {} account(s) from {} to {} ({}; databases on {} replaced by fresh dumps)",
        pair.accounts.len(),
        pair.from.name,
        pair.to.name,
        match route {
            Route::Relay => "relayed through hostops",
            Route::Direct => "rsync run by the target",
        },
        pair.to.name
    );
    let detail = Syncing {
        accounts: pair.accounts.iter().map(|a| a.user.clone()).collect(),
        route,
    };
    let mut plan = Plan::new(summary, detail);
    for a in &pair.accounts {
        plan.actions.extend(sync::actions(
            pair.driver.as_ref(),
            a,
            route,
            &pair.from,
            &pair.to.name,
        ));
    }
    Ok(SyncRun { plan, pair, route })
}

impl Change for SyncRun {
    type Detail = Syncing;
    type Report = SyncReport;

    fn plan(&self) -> &Plan<Syncing> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<SyncReport> {
        let Pair {
            from,
            to,
            driver,
            accounts,
        } = &self.pair;
        let (src, dst) = (ctx.connect(from)?, ctx.connect(to)?);
        let servers = Servers {
            origin: Origin::new(&*src, from).noting(&ctx.printer),
            target: &*dst,
        };
        let tag = ctx
            .run_log()
            .map(|l| l.run_id().to_string())
            .unwrap_or_default();
        let mut done = Vec::new();
        for a in accounts {
            let task = ctx.printer.step(&format!("{}: syncing", a.user));
            let synced = sync::account(
                driver.as_ref(),
                &servers,
                a,
                self.route,
                &format!("{tag}-{}", a.user),
                &task,
            );
            drop(task);
            done.push(match synced {
                Ok(s) => AccountSync::Synced(s),
                Err(e) => {
                    ctx.printer.warn(format!("{}: sync failed: {e:#}", a.user));
                    AccountSync::Failed {
                        user: a.user.clone(),
                        error: format!("{e:#}"),
                    }
                }
            });
        }
        let report = SyncReport { accounts: done };
        ctx.note(format!(
            "migrate sync {} -> {}: {} account(s), {} failed",
            from.name,
            to.name,
            accounts.len(),
            report.failed()
        ))?;
        Ok(report)
    }
}

impl SyncReport {
    fn failed(&self) -> usize {
        self.accounts
            .iter()
            .filter(|a| matches!(a, AccountSync::Failed { .. }))
            .count()
    }
}

impl Report for SyncReport {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["ACCOUNT", "RESULT", "FILES SENT", "DATABASES"]);
        for a in &self.accounts {
            t.row(match a {
                AccountSync::Synced(s) => [
                    s.user.clone(),
                    verdict(true, "synced"),
                    s.files_sent
                        .map_or_else(|| "all (relay)".into(), |n| n.to_string()),
                    s.databases.len().to_string(),
                ],
                AccountSync::Failed { user, .. } => [
                    user.clone(),
                    verdict(false, "FAILED"),
                    String::new(),
                    String::new(),
                ],
            });
        }
        p.table(&t);
    }

    fn status(&self) -> ExitStatus {
        if self.failed() == 0 {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}
