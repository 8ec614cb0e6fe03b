//! The preflight plan for people: its table (the detail `migrate run` shows before it asks),
//! its problems as lines, and `migrate plan`'s report.

use anyhow::Result;
use serde::Serialize;

use super::gather::{self, PlanRequest};
use super::rules::{self, shown, Plan};
use crate::app::Report;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::output::{human_bytes, human_duration, verdict, Printer, Table};

/// `migrate plan`'s report: the plan, and whether nothing blocks it.
#[derive(Debug, Serialize)]
pub struct Preflight {
    pub plan: Plan,
    pub clean: bool,
}

/// Preflights a migration (read-only): exit 4 when anything blocks it.
pub fn preflight(ctx: &Context, req: &PlanRequest) -> Result<Preflight> {
    let plan = gather::plan(ctx, req)?;
    Ok(Preflight {
        clean: plan.is_clean(),
        plan,
    })
}

impl Report for Preflight {
    fn render(&self, p: &Printer) {
        p.data(table(&self.plan));
        for b in blockers(&self.plan) {
            p.data(format!("  {} {b}", verdict(false, "BLOCKER")));
        }
        for w in warnings(&self.plan) {
            p.data(format!("  warning: {w}"));
        }
    }

    fn status(&self) -> ExitStatus {
        if self.clean {
            ExitStatus::Success
        } else {
            ExitStatus::Refused
        }
    }
}

/// The plan's heading, its table of accounts and the totals line.
pub fn table(plan: &Plan) -> String {
    let mut t = Table::new([
        "ACCOUNT",
        "SIZE",
        "DOMAINS",
        "DATABASES",
        "MAILBOXES",
        "EST. TIME",
        "STATUS",
    ]);
    for a in &plan.accounts {
        let ready = a.blockers.is_empty();
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
            verdict(ready, if ready { "ready" } else { "blocked" }),
        ]);
    }
    format!(
        "Migration plan {} ({} {}) -> {} ({})\n{}\n\n{} account(s), {} in all, about {} (estimate at {}/s)",
        plan.from,
        plan.panel.as_str(),
        plan.from_version.as_deref().unwrap_or("?"),
        plan.to,
        plan.to_version.as_deref().unwrap_or("?"),
        t.render(),
        plan.accounts.len(),
        human_bytes(plan.total_bytes),
        human_duration(plan.estimated_seconds * 1000),
        human_bytes(rules::ASSUMED_BYTES_PER_SEC)
    ) + &named_by_domain(plan)
}

/// `\nshop.example: account bob` for each account given as one of its domains.
fn named_by_domain(plan: &Plan) -> String {
    plan.named_by_domain
        .iter()
        .filter_map(|r| {
            let d = r.from_domain.as_deref()?;
            Some(format!("\n{}: account {}", shown(d), shown(&r.account)))
        })
        .collect()
}

/// Every blocker: the migration's, then each account's (`user: why`).
pub fn blockers(plan: &Plan) -> Vec<String> {
    problems(&plan.blockers, plan, |a| &a.blockers)
}

/// Every warning: the migration's, then each account's (`user: what`).
pub fn warnings(plan: &Plan) -> Vec<String> {
    problems(&plan.warnings, plan, |a| &a.warnings)
}

fn problems(
    whole: &[String],
    plan: &Plan,
    of: impl Fn(&rules::AccountPlan) -> &Vec<String>,
) -> Vec<String> {
    let per_account = plan.accounts.iter().flat_map(|a| {
        of(a)
            .iter()
            .map(move |b| format!("{}: {b}", shown(&a.user)))
    });
    whole.iter().cloned().chain(per_account).collect()
}
