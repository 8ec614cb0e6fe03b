//! `hostops mail hold|release HOST --account U`: holds (or releases) an account's outgoing
//! mail in the server's queue with the panel's own call (cPanel `whmapi1
//! hold_outgoing_email` / `release_outgoing_email`), as a change; a panel without one is
//! refused (exit 4) with the one "not on this panel" refusal.

use anyhow::Result;
use serde::Serialize;

use crate::app::change::{Action, Change, Plan, Work};
use crate::app::report::Report;
use crate::context::Context;
use crate::exit::{ExitStatus, StatusError};
use crate::output::Printer;
use crate::panel;
use crate::panel::answer;
use crate::transport;

#[derive(Clone, Debug, Serialize)]
pub struct HoldPlan {
    pub host: String,
    pub account: String,
    /// true: hold; false: release.
    pub hold: bool,
}

impl crate::app::change::Detail for HoldPlan {
    fn render(&self) -> Option<String> {
        None
    }
}

pub struct Hold {
    plan: Plan<HoldPlan>,
}

/// Plans holding (`hold`) or releasing `account`'s outgoing mail on `host`.
pub fn plan(ctx: &Context, host: &str, account: &str, hold: bool) -> Result<Hold> {
    let fine = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if account.is_empty() || account.starts_with('-') || !account.chars().all(fine) {
        return Err(StatusError::usage(format!("{account:?} is not an account name")).into());
    }
    let spec = super::one_server(ctx, host)?;
    let t = ctx.connect(&spec)?;
    let driver = panel::driver(panel::detect(&*t)?.kind);
    let cmd = driver.mail_hold_on(&spec.name)?.command(account, hold);
    let verb = if hold { "hold" } else { "release" };
    let mut plan = Plan::new(
        format!("{verb} the outgoing mail of {account} on {}", spec.name),
        HoldPlan {
            host: spec.name.clone(),
            account: account.to_string(),
            hold,
        },
    );
    plan.actions.push(Action::run(
        spec.name.clone(),
        cmd,
        if hold {
            "the panel keeps the account's outgoing messages in the queue (not sent, not bounced)"
        } else {
            "the panel sends the account's held messages and lets its new mail out"
        },
    ));
    Ok(Hold { plan })
}

/// What was done.
#[derive(Debug, Serialize)]
pub struct Held {
    pub host: String,
    pub account: String,
    pub hold: bool,
}

impl Change for Hold {
    type Detail = HoldPlan;
    type Report = Held;

    fn plan(&self) -> &Plan<HoldPlan> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<Held> {
        let d = &self.plan.detail;
        let t = ctx.connect(&super::one_server(ctx, &d.host)?)?;
        for action in &self.plan.actions {
            if let Work::Run { cmd, .. } = &action.work {
                let out = transport::run_ok(&*t, cmd)?;
                answer::whmapi1(&out.stdout_text())
                    .map_err(|r| anyhow::anyhow!("whmapi1 failed: {}", r.0))?;
            }
        }
        let verb = if d.hold { "held" } else { "released" };
        ctx.note(format!(
            "mail {}: {verb} the outgoing mail of {}",
            d.host, d.account
        ))?;
        Ok(Held {
            host: d.host.clone(),
            account: d.account.clone(),
            hold: d.hold,
        })
    }
}

impl Report for Held {
    fn render(&self, p: &Printer) {
        p.data(format!(
            "{}: outgoing mail of {} {}",
            self.host,
            self.account,
            if self.hold { "held" } else { "released" }
        ));
    }

    fn status(&self) -> ExitStatus {
        ExitStatus::Success
    }
}
