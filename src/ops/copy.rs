//! `hostops copy`: one file to or from a host, streamed with constant memory, checked with
//! SHA-256, and atomic on both ends (nothing half-written is ever left in place).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use serde::Serialize;

use crate::context::Context;
use crate::exit::StatusError;
use crate::inventory::{HostSpec, Inventory};
use crate::transport::CopyReport;

/// One side of a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    Local(PathBuf),
    Remote { host: String, path: String },
}

impl Side {
    /// `HOST:PATH` when HOST is a known host, else a local path (write `./a:b` for a local
    /// file with a colon in its name).
    pub fn parse(s: &str, inventory: &Inventory) -> Side {
        match s.split_once(':') {
            Some((host, path)) if !host.contains('/') && inventory.get(host).is_some() => {
                Side::Remote {
                    host: host.into(),
                    path: path.into(),
                }
            }
            _ => Side::Local(PathBuf::from(s)),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CopyPlan {
    pub direction: &'static str,
    pub host: String,
    pub remote_path: String,
    pub local_path: PathBuf,
    pub bytes: Option<u64>,
}

#[derive(Clone, Debug, Serialize)]
pub struct CopyDone {
    #[serde(flatten)]
    pub plan: CopyPlan,
    #[serde(flatten)]
    pub report: CopyReport,
}

/// Works out what a copy from `src` to `dst` would do, without touching anything.
pub fn plan(ctx: &Context, src: &str, dst: &str) -> Result<(CopyPlan, HostSpec)> {
    let inv = ctx.inventory()?;
    let (direction, host, remote_path, local_path) =
        match (Side::parse(src, inv), Side::parse(dst, inv)) {
            (Side::Local(l), Side::Remote { host, path }) => ("upload", host, path, l),
            (Side::Remote { host, path }, Side::Local(l)) => ("download", host, path, l),
            (Side::Local(_), Side::Local(_)) => {
                bail!(StatusError::usage(
                    "neither side names a known host: write one side as HOST:PATH"
                ))
            }
            _ => bail!(StatusError::usage(
                "copying between two hosts is not supported: copy through a local file"
            )),
        };
    if remote_path.is_empty() {
        bail!(StatusError::usage(format!(
            "`{host}:` names no remote path"
        )));
    }
    let bytes = match direction {
        "upload" => Some(
            std::fs::metadata(&local_path)
                .with_context(|| format!("cannot read `{}`", local_path.display()))
                .map_err(|e| StatusError::usage(format!("{e:#}")))?
                .len(),
        ),
        _ => None,
    };
    let spec = ctx
        .inventory()?
        .get(&host)
        .cloned()
        .expect("parsed from the inventory");
    Ok((
        CopyPlan {
            direction,
            host,
            remote_path,
            local_path,
            bytes,
        },
        spec,
    ))
}

/// Carries out a planned copy.
pub fn execute(ctx: &Context, plan: CopyPlan, host: &HostSpec) -> Result<CopyDone> {
    let t = ctx.connect(host)?;
    let bar = ctx
        .printer
        .bytes_progress(&format!("{} {}", plan.direction, plan.remote_path));
    let report = if plan.direction == "upload" {
        bar.set_length(plan.bytes.unwrap_or(0));
        let mut f = File::open(&plan.local_path)
            .with_context(|| format!("cannot open `{}`", plan.local_path.display()))?;
        t.upload(&mut f, &plan.remote_path, &bar)?
    } else {
        download_atomically(&plan.local_path, |out| {
            Ok(t.download(&plan.remote_path, out, &bar)?)
        })?
    };
    bar.finish_and_clear();
    Ok(CopyDone { plan, report })
}

/// Writes to a temporary file beside `dest` and renames it into place only on success.
fn download_atomically(
    dest: &Path,
    fetch: impl FnOnce(&mut (dyn Write + Send)) -> Result<CopyReport>,
) -> Result<CopyReport> {
    let dir = dest
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot create a file in `{}`", dir.display()))?;
    let report = {
        let mut out = std::io::BufWriter::with_capacity(256 * 1024, tmp.as_file_mut());
        let report = fetch(&mut out)?;
        out.flush()?;
        report
    };
    tmp.persist(dest)
        .with_context(|| format!("cannot write `{}`", dest.display()))?;
    Ok(report)
}
