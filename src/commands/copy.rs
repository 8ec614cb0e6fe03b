//! `hostops copy`

use anyhow::Result;

use crate::app::{change, Finished};
use crate::cli::CopyArgs;
use crate::context::Context;
use crate::ops::copy;

pub fn run(ctx: &Context, args: CopyArgs) -> Result<Finished> {
    let copy = copy::change(
        ctx,
        &args.source,
        &args.destination,
        args.relay,
        args.recursive,
    )?;
    change::run(ctx, copy)
}
