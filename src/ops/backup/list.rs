//! `backup list`: the restore points on a server (one account's, or every one), newest first.

use anyhow::Result;
use serde::Serialize;

use super::points;
use crate::app::Report;
use crate::context::Context;
use crate::output::{human_bytes, Printer, Table};
use crate::panel::backup::RestorePoint;

/// What `backup list` was asked.
pub struct ListOptions {
    pub host: String,
    pub account: Option<String>,
}

/// The restore points found on `host` (only `account`'s when given).
#[derive(Debug, Serialize)]
pub struct Listed {
    pub host: String,
    pub account: Option<String>,
    pub points: Vec<RestorePoint>,
}

impl Report for Listed {
    fn render(&self, p: &Printer) {
        if self.points.is_empty() {
            p.status(format!("no restore points on {}", self.host));
            return;
        }
        let mut table = Table::new(["ACCOUNT", "DATE", "TYPE", "FORMAT", "SIZE", "PATH"]);
        for pt in &self.points {
            table.row([
                pt.account.clone(),
                pt.date.clone(),
                super::render::word(&pt.period),
                super::render::word(&pt.format),
                human_bytes(pt.size_bytes),
                pt.path.clone(),
            ]);
        }
        p.table(&table);
    }
}

/// Reads the restore points `opts` asks for. Changes nothing.
pub fn list(ctx: &Context, opts: ListOptions) -> Result<Listed> {
    if let Some(a) = &opts.account {
        super::checked_account(a)?;
    }
    let (t, driver) = super::server(ctx, &opts.host)?;
    let points = points::list(&*t, driver.as_ref(), opts.account.as_deref())?;
    Ok(Listed {
        host: opts.host,
        account: opts.account,
        points,
    })
}
