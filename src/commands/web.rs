//! `hostops web check`

mod render;

use anyhow::Result;

use crate::app::{finish, Finished};
use crate::cli::{WebCheckArgs, WebCommand};
use crate::context::Context;
use crate::ops::web::{self, CheckOptions};

pub fn run(ctx: &Context, cmd: WebCommand) -> Result<Finished> {
    match cmd {
        WebCommand::Check(args) => check(ctx, args),
    }
}

fn check(ctx: &Context, a: WebCheckArgs) -> Result<Finished> {
    let opts = CheckOptions {
        domain: a.domain,
        host: a.host,
        path: a.path,
        https: a.https,
        max_redirects: a.max_redirects,
    };
    finish(ctx, &web::check(ctx, &opts)?)
}
