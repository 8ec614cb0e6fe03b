//! Collecting what the preflight rules judge: both servers' panels, accounts and free space
//! (gathered in parallel), and the measured size of each selected account. Read-only.

use anyhow::{bail, Result};

use super::rules::{self, HostSide, Plan};
use crate::context::Context;
use crate::exit::StatusError;
use crate::host::stat;
use crate::inventory::HostSpec;
use crate::ops::account;
use crate::panel::valid_account_name;
use crate::panel::{self, Panel};
use crate::transport::{self, Cmd, Transport};

pub enum Selection {
    Named(Vec<String>),
    All,
    Owner(String),
}

pub struct PlanRequest {
    pub from: HostSpec,
    pub to: HostSpec,
    pub selection: Selection,
    pub scheduled: Option<String>,
}

pub fn plan(ctx: &Context, req: &PlanRequest) -> Result<Plan> {
    if req.from.name == req.to.name {
        bail!(StatusError::usage(format!(
            "--from and --to are both {}: name two different servers",
            req.from.name
        )));
    }
    if let Selection::Named(names) = &req.selection {
        // A name with a dot is a domain: its account is read from the source below.
        for name in names {
            account::check_name(name)?;
        }
    }
    let (from, to) = std::thread::scope(|s| {
        let from = s.spawn(|| side(ctx, &req.from));
        let to = side(ctx, &req.to);
        (from.join().expect("gathering thread"), to)
    });
    let ((from, from_panel), (to, _)) = (from?, to?);
    let mut named_by_domain = Vec::new();
    let selected: Vec<String> = match &req.selection {
        Selection::Named(names) => {
            let t = ctx.connect(&req.from)?;
            let mut users = Vec::new();
            for name in names {
                let r = account::resolve(&*t, &req.from.name, name)?;
                if !valid_account_name(&r.account) {
                    bail!(StatusError::usage(format!(
                        "{name} belongs to {:?}, which is not a valid account name",
                        r.account
                    )));
                }
                if !users.contains(&r.account) {
                    users.push(r.account.clone());
                }
                if r.from_domain.is_some() {
                    named_by_domain.push(r);
                }
            }
            users
        }
        Selection::All => from.accounts.iter().map(|a| a.user.clone()).collect(),
        Selection::Owner(owner) => from
            .accounts
            .iter()
            .filter(|a| a.owner.as_deref() == Some(owner.as_str()))
            .map(|a| a.user.clone())
            .collect(),
    };
    if selected.is_empty() {
        bail!(StatusError::usage(format!(
            "no accounts selected on {}",
            req.from.name
        )));
    }
    let sizes = measure(
        &*ctx.connect(&req.from)?,
        from_panel.as_ref(),
        &from,
        &selected,
    )?;
    let mut plan = rules::assess(&from, &to, &selected, &sizes, req.scheduled.as_deref());
    plan.named_by_domain = named_by_domain;
    ctx.note(format!(
        "migrate plan {} -> {}: {} account(s), {} blocker(s){}",
        plan.from,
        plan.to,
        plan.accounts.len(),
        plan.blockers.len()
            + plan
                .accounts
                .iter()
                .map(|a| a.blockers.len())
                .sum::<usize>(),
        plan.scheduled
            .as_deref()
            .map(|s| format!(", scheduled as {s}"))
            .unwrap_or_default()
    ))?;
    Ok(plan)
}

/// One server's panel, accounts and free space.
fn side(ctx: &Context, host: &HostSpec) -> Result<(HostSide, Box<dyn Panel>)> {
    let t = ctx.connect(host)?;
    let info = panel::detect(&*t)?;
    let driver = panel::driver(info.kind);
    Ok((
        HostSide {
            host: host.name.clone(),
            panel: info,
            data_root: driver.data_root().to_string(),
            free_bytes: stat::free_bytes(&*t, driver.data_root())?,
            accounts: driver.accounts(&*t)?,
        },
        driver,
    ))
}

/// Bytes used by each selected account's data directory (`du -s -B1`), measured on the source
/// (accounts whose name the plan refuses are not measured).
fn measure(
    t: &dyn Transport,
    p: &dyn Panel,
    from: &HostSide,
    selected: &[String],
) -> Result<Vec<(String, u64)>> {
    let dirs: Vec<(String, String)> = from
        .accounts
        .iter()
        .filter(|a| selected.contains(&a.user) && rules::bad_names(a, &from.host).is_empty())
        .map(|a| (a.user.clone(), p.data_dir(a)))
        .collect();
    if dirs.is_empty() {
        return Ok(Vec::new());
    }
    let out = transport::run(
        t,
        &Cmd::new("du")
            .args(["-s", "-B1", "--"])
            .args(dirs.iter().map(|(_, d)| d.clone())),
        None,
        None,
    )?;
    Ok(parse_du(&out.stdout_text(), &dirs))
}

/// `du -s -B1` lines (`BYTES<TAB>PATH`) matched back to accounts.
fn parse_du(text: &str, dirs: &[(String, String)]) -> Vec<(String, u64)> {
    text.lines()
        .filter_map(|l| {
            let (bytes, path) = l.split_once('\t')?;
            let user = dirs.iter().find(|(_, d)| d == path)?.0.clone();
            Some((user, bytes.trim().parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn du_output() {
        let dirs = vec![
            ("bob".to_string(), "/home/bob".to_string()),
            ("amy".to_string(), "/home/amy".to_string()),
        ];
        let du = "1048576\t/home/bob\ndu: cannot access '/home/amy': No such file or directory\n";
        assert_eq!(parse_du(du, &dirs), [("bob".to_string(), 1_048_576)]);
    }
}
