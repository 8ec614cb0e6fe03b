//! A domain's DNS zone as a panel keeps it: read through the panel's own interface, changed
//! record by record through it. The records are [`crate::host::zone`]'s (the one parser), so
//! that what a panel reads, what a nameserver answers and what `migrate verify` compares are
//! the same text.

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::answer;
use crate::host::zone::{self, Record};
use crate::transport::{Cmd, Transport};

/// A zone as read: its records (the SOA among them), its serial, and the panel's handle of
/// each record where the panel edits by handle (cPanel's line index), in the same order.
#[derive(Clone, Debug, Serialize)]
pub struct Zone {
    pub domain: String,
    pub serial: u32,
    pub records: Vec<Record>,
    #[serde(skip)]
    pub handles: Vec<Option<u32>>,
    /// Where the zone lives on the server (a file, or the panel's database).
    pub source: String,
}

impl Zone {
    /// The zone's records without the SOA.
    pub fn data_records(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().filter(|r| r.rtype != "SOA")
    }
}

/// The serial of the zone's SOA record.
pub fn soa_serial(records: &[Record]) -> Result<u32> {
    let soa = records
        .iter()
        .find(|r| r.rtype == "SOA")
        .context("the zone has no SOA record")?;
    soa.data
        .split_whitespace()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("the SOA record has no serial: {}", soa.data))
}

/// The zone of `domain` read from its zone file `path` on the server (the file named serves).
pub fn read_file(t: &dyn Transport, domain: &str, path: String) -> Result<Zone> {
    let text = super::query(t, Cmd::new("cat").args(["--", &path]))?;
    let records = zone::records(&text, domain).with_context(|| path.clone())?;
    Ok(Zone {
        domain: domain.to_string(),
        serial: soa_serial(&records)?,
        handles: vec![None; records.len()],
        records,
        source: path,
    })
}

/// One step of a zone change, as the plan shows it and apply carries it out.
#[derive(Clone, Debug)]
pub enum ZoneStep {
    /// A panel command; `judge` reads its output (an API envelope) for failure; `undo` puts
    /// back what it did, run when a later step fails (Plesk has no update: a record deleted
    /// before its replacement's add failed is added back).
    Run {
        cmd: Cmd,
        judge: Judge,
        undo: Option<Cmd>,
    },
    /// The zone file `path` (a regular file, never a symbolic link) replaced by `text`.
    Write { path: String, text: String },
}

/// How a step's output says whether it worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Judge {
    /// The exit status.
    Exit,
    /// WHM API 1's JSON envelope: `metadata.result` 1.
    Whmapi1,
    /// DirectAdmin's url-encoded answer: `error=0`.
    DirectAdmin,
    /// DirectAdmin's answer to a delete: `error=0` and no record that "did not exist" (it
    /// does not complain when deleting a record that is not there: hostops does).
    DirectAdminDelete,
}

/// A step refused because the zone changed since it was read (cPanel's serial lock).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Stale(pub String);

impl Judge {
    /// Whether a step that exited 0 worked, from its output.
    pub fn check(self, stdout: &str) -> Result<()> {
        match self {
            Judge::Exit => Ok(()),
            Judge::Whmapi1 => match answer::whmapi1(stdout) {
                Ok(()) => Ok(()),
                Err(r) if r.0.contains("serial number") => {
                    Err(Stale(format!("cPanel refused the edit: {}", r.0)).into())
                }
                Err(r) => anyhow::bail!("whmapi1 failed: {}", r.0),
            },
            Judge::DirectAdmin => answer::directadmin(stdout, None),
            Judge::DirectAdminDelete => answer::directadmin(stdout, Some("did not exist")),
        }
    }
}

/// The zone edit of a panel: the records to remove (as read, with their handles) and to add.
pub struct Edit<'a> {
    pub zone: &'a Zone,
    pub remove: &'a [Record],
    pub add: &'a [Record],
}

/// The steps of a panel that edits record by record without an update: a delete per removed
/// record, then an add per added one, each carrying its inverse (so that a failed add has the
/// delete before it undone); `judges` reads the (delete, add) answers.
pub fn delete_then_add(
    edit: &Edit,
    delete: impl Fn(&Record) -> Result<Cmd>,
    add: impl Fn(&Record) -> Result<Cmd>,
    judges: (Judge, Judge),
) -> Result<Vec<ZoneStep>> {
    let mut steps = Vec::new();
    for r in edit.remove {
        steps.push(ZoneStep::Run {
            cmd: delete(r)?,
            judge: judges.0,
            undo: Some(add(r)?),
        });
    }
    for r in edit.add {
        steps.push(ZoneStep::Run {
            cmd: add(r)?,
            judge: judges.1,
            undo: Some(delete(r)?),
        });
    }
    Ok(steps)
}

/// A panel's DNS: reading a zone and the steps that change it.
pub trait Dns: Send + Sync {
    /// The zone of `domain`, read through the panel.
    fn zone(&self, t: &dyn Transport, domain: &str) -> Result<Zone>;
    /// The steps that make the zone `edit.zone` lose `edit.remove` and gain `edit.add`; they
    /// refuse to overwrite a zone changed since it was read.
    fn steps(&self, edit: &Edit) -> Result<Vec<ZoneStep>>;
}
