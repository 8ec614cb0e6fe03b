//! `hostops ticket show|escalate|handoff|list|close`: options from argv, one ticket op, its
//! report.

mod render;

use anyhow::Result;

use crate::app::{self, Finished};
use crate::cli::{NoteFormat, TicketCommand};
use crate::context::Context;
use crate::ops::ticket::{self, Filter};
use render::Written;

pub fn run(ctx: &Context, cmd: TicketCommand, verbose: bool) -> Result<Finished> {
    match cmd {
        TicketCommand::Show { ticket } => app::finish(ctx, &ticket::show(ctx, &ticket, verbose)?),
        TicketCommand::Escalate {
            to, note, reported, ..
        } => app::finish(
            ctx,
            &ticket::escalate(ctx, to.number(), &note, reported.as_deref())?,
        ),
        TicketCommand::Handoff { ticket, format } => {
            let note = ticket::handoff(ctx, &ticket, verbose)?;
            match format {
                NoteFormat::Json => app::finish(ctx, &note),
                NoteFormat::Markdown | NoteFormat::Text => {
                    app::finish(ctx, &Written::of(&note, format))
                }
            }
        }
        TicketCommand::List { mine, level, open } => {
            let filter = Filter {
                operator: mine.then(crate::identity::operator),
                level: level.map(|l| l.number()),
                open_only: open,
            };
            app::finish(ctx, &ticket::list(ctx, &filter)?)
        }
        TicketCommand::Close { note, .. } => {
            app::finish(ctx, &ticket::close(ctx, note.as_deref())?)
        }
    }
}

/// Whether the command prints the JSON envelope even without `--json`: `ticket handoff
/// --format json`, whose result is the note as a document.
pub(super) fn json_format(cmd: &TicketCommand) -> bool {
    matches!(
        cmd,
        TicketCommand::Handoff {
            format: NoteFormat::Json,
            ..
        }
    )
}
