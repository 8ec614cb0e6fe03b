//! `hostops log list|show|export|verify`: options from argv, one read of the journal, its report.

mod render;

use anyhow::Result;

pub(super) use render::print_run_summary;

use crate::app::{self, Finished};
use crate::cli::{ExportFormat, LogCommand, RunOutcome};
use crate::context::Context;
use crate::exit::StatusError;
use crate::journal::{parse_anchor, since, ANCHOR_MIN};
use crate::journal::{timestamp_text, RunStatus};
use crate::ops::handoff;
use crate::ops::journal_read::{self, RunFilter};
use crate::ops::shared_journal::{self, PushOptions};
use render::Markdown;

pub fn run(ctx: &Context, cmd: LogCommand) -> Result<Finished> {
    match cmd {
        LogCommand::List {
            since,
            host,
            operator,
            outcome,
            level,
        } => {
            let filter = RunFilter {
                ticket: ctx.ticket().map(|t| t.as_str().to_string()),
                since: since.as_deref().map(parse_since).transpose()?,
                host,
                operator,
                outcome: outcome.map(run_status),
                level: level.map(|l| l.number()),
            };
            app::finish(
                ctx,
                &journal_read::runs(ctx, &filter, &super::names::named_in)?,
            )
        }
        LogCommand::Show { ticket } => app::finish(ctx, &journal_read::ticket(ctx, &ticket)?),
        LogCommand::Export { ticket, format } => {
            let doc = journal_read::ticket(ctx, &ticket)?;
            match format {
                ExportFormat::Json => app::finish(ctx, &doc),
                ExportFormat::Markdown => app::finish(
                    ctx,
                    &Markdown {
                        markdown: handoff::markdown(&doc),
                    },
                ),
            }
        }
        LogCommand::Verify { head } => {
            let anchor = head.as_deref().map(anchor).transpose()?;
            app::finish(ctx, &journal_read::verify(ctx, anchor.as_deref())?)
        }
        LogCommand::Push { url } => {
            let opts = PushOptions::new(&ctx.settings.journal, url.as_deref())?;
            app::finish(ctx, &shared_journal::push_local(&opts)?)
        }
        LogCommand::InitServer { url, operators } => {
            app::finish(ctx, &shared_journal::init_server(&url, &operators)?)
        }
    }
}

/// Whether the command prints the JSON envelope even without `--json`: `log export --format
/// json`, whose result is the hand-over document.
pub(super) fn json_format(cmd: &LogCommand) -> bool {
    matches!(
        cmd,
        LogCommand::Export {
            format: ExportFormat::Json,
            ..
        }
    )
}

fn run_status(o: RunOutcome) -> RunStatus {
    match o {
        RunOutcome::Ok => RunStatus::Ok,
        RunOutcome::Failed => RunStatus::Failed,
        RunOutcome::Interrupted => RunStatus::Interrupted,
        RunOutcome::Running => RunStatus::Running,
    }
}

/// `--since` as journal timestamp text; local forms are read in the system time zone.
fn parse_since(s: &str) -> Result<String> {
    Ok(timestamp_text(since::option("--since", s)?))
}

/// `--head` as a recorded head (16 to 64 hex digits).
fn anchor(given: &str) -> Result<String> {
    parse_anchor(given).ok_or_else(|| {
        StatusError::usage(format!(
            "--head {given:?}: expected the head a run summary or hand-over note showed \
             ({ANCHOR_MIN} to 64 hex digits)"
        ))
        .into()
    })
}
