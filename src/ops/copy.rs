//! `hostops copy`: one file to a host, from a host, or from one host to another; streamed with
//! constant memory, checked with SHA-256, and atomic at the destination (nothing half-written
//! is ever left in place).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use serde::Serialize;

use super::pull_access::Origin;
use super::transfer::{self, Route};
use crate::context::Context;
use crate::exit::StatusError;
use crate::inventory::Inventory;
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
#[serde(tag = "direction", rename_all = "snake_case")]
pub enum CopyPlan {
    Upload {
        host: String,
        local_path: PathBuf,
        remote_path: String,
        bytes: u64,
    },
    Download {
        host: String,
        remote_path: String,
        local_path: PathBuf,
    },
    Between {
        from: String,
        from_path: String,
        to: String,
        to_path: String,
        route: Route,
    },
}

impl CopyPlan {
    /// The plan in words, for confirmation prompts, dry runs and the journal.
    pub fn describe(&self) -> String {
        match self {
            CopyPlan::Upload {
                host,
                local_path,
                remote_path,
                bytes,
            } => format!(
                "upload `{}` ({}) to {host}:{remote_path}",
                local_path.display(),
                crate::output::human_bytes(*bytes)
            ),
            CopyPlan::Download {
                host,
                remote_path,
                local_path,
            } => {
                format!(
                    "download {host}:{remote_path} to `{}`",
                    local_path.display()
                )
            }
            CopyPlan::Between {
                from,
                from_path,
                to,
                to_path,
                route,
            } => format!(
                "copy {from}:{from_path} to {to}:{to_path} ({})",
                match route {
                    Route::Direct => format!("{to} pulls it from {from} with a one-off key"),
                    Route::Relay => "relayed through hostops".to_string(),
                }
            ),
        }
    }

    /// Whether it changes a server (and so needs confirmation).
    pub fn changes_a_server(&self) -> bool {
        !matches!(self, CopyPlan::Download { .. })
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CopyDone {
    pub plan: CopyPlan,
    #[serde(flatten)]
    pub report: CopyReport,
}

/// Works out what a copy from `src` to `dst` would do, without touching anything.
pub fn plan(ctx: &Context, src: &str, dst: &str, relay: bool) -> Result<CopyPlan> {
    let inv = ctx.inventory()?;
    let plan = match (Side::parse(src, inv), Side::parse(dst, inv)) {
        (Side::Local(local_path), Side::Remote { host, path }) => {
            let bytes = std::fs::metadata(&local_path)
                .map_err(|e| {
                    StatusError::usage(format!("cannot read `{}`: {e}", local_path.display()))
                })?
                .len();
            CopyPlan::Upload {
                host,
                local_path,
                remote_path: path,
                bytes,
            }
        }
        (Side::Remote { host, path }, Side::Local(local_path)) => CopyPlan::Download {
            host,
            remote_path: path,
            local_path,
        },
        (
            Side::Remote {
                host: from,
                path: from_path,
            },
            Side::Remote {
                host: to,
                path: to_path,
            },
        ) => {
            if from == to {
                bail!(StatusError::usage(
                    "both sides are on the same host: use `hostops exec HOST -- cp` instead"
                ));
            }
            let route = if relay { Route::Relay } else { Route::Direct };
            CopyPlan::Between {
                from,
                from_path,
                to,
                to_path,
                route,
            }
        }
        (Side::Local(_), Side::Local(_)) => {
            bail!(StatusError::usage(
                "neither side names a known host: write one side as HOST:PATH"
            ))
        }
    };
    let empty = match &plan {
        CopyPlan::Upload { remote_path, .. } | CopyPlan::Download { remote_path, .. } => {
            remote_path.is_empty()
        }
        CopyPlan::Between {
            from_path, to_path, ..
        } => from_path.is_empty() || to_path.is_empty(),
    };
    if empty {
        bail!(StatusError::usage(
            "a HOST: side names no path: write HOST:/path/to/file"
        ));
    }
    Ok(plan)
}

/// Carries out a planned copy.
pub fn execute(ctx: &Context, plan: CopyPlan) -> Result<CopyDone> {
    let report = match &plan {
        CopyPlan::Upload {
            host: h,
            local_path,
            remote_path,
            bytes,
        } => {
            let t = ctx.connect(&ctx.host(h)?)?;
            let bar = ctx.printer.bytes_progress(&format!("upload {remote_path}"));
            bar.set_length(*bytes);
            let mut f = File::open(local_path)
                .with_context(|| format!("cannot open `{}`", local_path.display()))?;
            let r = t.upload(&mut f, remote_path, &bar)?;
            bar.finish_and_clear();
            r
        }
        CopyPlan::Download {
            host: h,
            remote_path,
            local_path,
        } => {
            let t = ctx.connect(&ctx.host(h)?)?;
            let bar = ctx
                .printer
                .bytes_progress(&format!("download {remote_path}"));
            let r =
                download_atomically(local_path, |out| Ok(t.download(remote_path, out, &bar)?))?;
            bar.finish_and_clear();
            r
        }
        CopyPlan::Between {
            from,
            from_path,
            to,
            to_path,
            route,
        } => {
            let (from_spec, to_spec) = (ctx.host(from)?, ctx.host(to)?);
            let (src_t, dst_t) = (ctx.connect(&from_spec)?, ctx.connect(&to_spec)?);
            let bar = ctx.printer.bytes_progress(&format!("{from} -> {to}"));
            let tag = ctx
                .run_log()
                .map(|l| l.run_id().to_string())
                .unwrap_or_else(|| "adhoc".into());
            let source = transfer::Source {
                origin: Origin::new(&*src_t, &from_spec),
                path: from_path,
            };
            let r = transfer::copy(
                &source,
                &transfer::Target {
                    t: &*dst_t,
                    path: to_path,
                },
                *route,
                &tag,
                &bar,
            )?;
            bar.finish_and_clear();
            r
        }
    };
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
