//! `migrate verify` over the named accounts: every account compared on both servers, and the
//! report for people (a line per check, what differs under it).

use anyhow::Result;
use serde::Serialize;

use super::pair::{both_sides, Migrated};
use super::verify::{self, AccountCheck};
use crate::app::Report;
use crate::context::Context;
use crate::exit::ExitStatus;
use crate::output::{verdict, Printer};

/// Every account's checks and how many differ in all.
#[derive(Debug, Serialize)]
pub struct Verified {
    pub accounts: Vec<AccountCheck>,
    pub differences: usize,
    #[serde(skip)]
    from: String,
    #[serde(skip)]
    to: String,
}

/// Compares the named accounts on both servers (`deep`: every file's SHA-256 too).
pub fn compare(ctx: &Context, m: &Migrated, deep: bool) -> Result<Verified> {
    let pair = both_sides(ctx, m)?;
    let (src, dst) = (ctx.connect(&pair.from)?, ctx.connect(&pair.to)?);
    let there = pair.driver.accounts(&*dst)?;
    let mut accounts = Vec::new();
    for a in &pair.accounts {
        accounts.push(verify::account(
            pair.driver.as_ref(),
            &a.user,
            &verify::Side {
                t: &*src,
                address: &pair.from.address,
                account: Some(a),
            },
            &verify::Side {
                t: &*dst,
                address: &pair.to.address,
                account: there.iter().find(|b| b.user == a.user),
            },
            deep,
        )?);
    }
    let differences = accounts.iter().map(|r| r.differences()).sum();
    ctx.note(format!(
        "migrate verify {} -> {}: {differences} difference(s)",
        pair.from.name, pair.to.name
    ))?;
    Ok(Verified {
        accounts,
        differences,
        from: pair.from.name,
        to: pair.to.name,
    })
}

/// Lines of the `migrate verify` report stay within this many columns.
const WIDTH: usize = 100;

impl Report for Verified {
    fn render(&self, p: &Printer) {
        for r in &self.accounts {
            render_account(p, &self.from, &self.to, r);
        }
    }

    fn status(&self) -> ExitStatus {
        if self.differences == 0 {
            ExitStatus::Success
        } else {
            ExitStatus::Failure
        }
    }
}

/// One account's checks: a line each, and under a check that differs, what differs.
fn render_account(p: &Printer, from: &str, to: &str, r: &AccountCheck) {
    p.data(fit(
        &match r.differences() {
            0 => format!("{}: the same on both servers", shown(&r.user)),
            n => format!("{}: {n} check(s) differ", shown(&r.user)),
        },
        WIDTH,
    ));
    for c in &r.checks {
        let summary = if c.source == c.target {
            shown(&c.source)
        } else {
            format!("{from}: {} | {to}: {}", shown(&c.source), shown(&c.target))
        };
        let word = if c.same { "same" } else { "DIFFERENT" };
        let line = fit(&format!("{:<22} {summary}", shown(&c.what)), WIDTH - 12);
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
                WIDTH,
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
