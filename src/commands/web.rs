//! `hostops web check|config show|config edit|undo|htpasswd`

mod render;

use anyhow::{Context as _, Result};

use crate::app::{change, finish, Finished};
use crate::cli::{WebCheckArgs, WebCommand, WebConfigCommand, WebDomain, WebEditArgs};
use crate::context::Context;
use crate::exit::StatusError;
use crate::ops::web::{self, CheckOptions, Source, Want};

pub fn run(ctx: &Context, cmd: WebCommand) -> Result<Finished> {
    match cmd {
        WebCommand::Check(args) => check(ctx, args),
        WebCommand::Config(c) => match c.command {
            WebConfigCommand::Show(d) => {
                let host = host(ctx, &d)?;
                finish(ctx, &web::show(ctx, &host, &d.domain, d.https)?)
            }
            WebConfigCommand::Edit(args) => edit(ctx, args),
        },
        WebCommand::Undo { run_id } => change::run(ctx, web::undo(ctx, &run_id)?),
        WebCommand::Htpasswd(a) => {
            let host = match &a.host {
                Some(h) => h.clone(),
                None => web::host_of(ctx, &a.domain)?,
            };
            let source = if a.generate {
                Source::Generate
            } else {
                Source::Stdin
            };
            let change = web::htpasswd(ctx, &host, &a.domain, &a.file, &a.user, source)?;
            change::run(ctx, change)
        }
    }
}

fn host(ctx: &Context, d: &WebDomain) -> Result<String> {
    match &d.host {
        Some(h) => Ok(h.clone()),
        None => web::host_of(ctx, &d.domain),
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

fn edit(ctx: &Context, a: WebEditArgs) -> Result<Finished> {
    let want = match (a.set, a.unset, a.file) {
        (Some(l), _, _) => Want::Set(l),
        (_, Some(d), _) => Want::Unset(d),
        (_, _, Some(f)) => Want::File(
            std::fs::read_to_string(&f)
                .with_context(|| format!("reading {}", f.display()))
                .map_err(|e| StatusError::usage(format!("{e:#}")))?,
        ),
        _ => unreachable!("clap requires one of --set, --unset, --file"),
    };
    let host = host(ctx, &a.target)?;
    change::run(
        ctx,
        web::edit(ctx, &host, &a.target.domain, a.target.https, &want)?,
    )
}
