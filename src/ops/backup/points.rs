//! Finding restore points: every backup of the panel's layouts on a server, and the one a
//! restore names by date or by file.

use anyhow::{bail, Result};

use crate::exit::StatusError;
use crate::host::stat;
use crate::panel::backup::{self, Period, RestorePoint};
use crate::panel::{Account, Panel};
use crate::transport::{self, Cmd, Transport};

/// Restore points on `t`, newest first (daily before weekly before monthly on one date),
/// only `account`'s when given.
pub fn list(
    t: &dyn Transport,
    panel: &dyn Panel,
    account: Option<&str>,
) -> Result<Vec<RestorePoint>> {
    let backups = panel.backups_on(&t.target().name)?;
    let out = transport::run_ok(t, &Cmd::new("sh").args(["-c", &backups.backup_probe()]))?;
    let mut points: Vec<RestorePoint> = out
        .stdout_text()
        .lines()
        .filter_map(|l| backups.restore_point(l))
        .filter(|p| account.is_none_or(|a| p.account == a))
        .collect();
    points.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then((a.period as u8).cmp(&(b.period as u8)))
            .then(a.account.cmp(&b.account))
    });
    Ok(points)
}

/// Which restore point a restore asks for.
#[derive(Clone, Copy)]
pub enum Wanted<'a> {
    Date(&'a str),
    File(&'a str),
}

/// The restore point of `user` that `wanted` names. A missing one is a usage error listing
/// the dates there are. `current` is the account as it is now (None: it no longer exists).
pub fn choose(
    t: &dyn Transport,
    panel: &dyn Panel,
    user: &str,
    current: Option<&Account>,
    wanted: Wanted,
) -> Result<RestorePoint> {
    let points = list(t, panel, Some(user))?;
    match wanted {
        Wanted::Date(date) => match points.iter().find(|p| p.date == date) {
            Some(p) => Ok(p.clone()),
            None => {
                let dates: Vec<&str> = points.iter().map(|p| p.date.as_str()).collect();
                bail!(StatusError::usage(format!(
                    "{} has no restore point of {user} dated {date}; {}",
                    t.target().name,
                    if dates.is_empty() {
                        "it has none at all (`hostops backup list` shows what there is)".to_string()
                    } else {
                        format!("there are: {}", dates.join(", "))
                    }
                )))
            }
        },
        Wanted::File(path) => {
            if let Some(p) = points.iter().find(|p| p.path == path) {
                return Ok(p.clone());
            }
            let script = stat::script("\"$@\"");
            let out = transport::run(
                t,
                &Cmd::new("sh").args(["-c", &script, "sh", path]),
                None,
                None,
            )?;
            let text = out.stdout_text();
            let Some((size, date, _)) = text.lines().next().and_then(stat::fields) else {
                bail!(StatusError::usage(format!(
                    "{path} does not exist on {}",
                    t.target().name
                )));
            };
            Ok(RestorePoint {
                account: user.to_string(),
                date,
                period: Period::Manual,
                format: backup::format_of(path),
                size_bytes: size,
                path: path.to_string(),
                domain: current.and_then(|a| a.domains.first().cloned()),
            })
        }
    }
}
