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
use crate::app::change::{Action, Change, Detail, Plan};
use crate::app::Report;
use crate::context::Context;
use crate::exit::StatusError;
use crate::output::{human_bytes, Printer};
use crate::transport::dest::{self, Kind};
use crate::transport::local::{LocalTransport, LOCAL};
use crate::transport::{CopyReport, Progress as _};

/// One side of a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    Local(PathBuf),
    Remote { host: String, path: String },
}

impl Side {
    /// scp's rule: a colon before any slash (outside `[IPv6]` brackets) makes `HOST:PATH`,
    /// whatever HOST is; anything else is a local path (write `./a:b` for a local file whose
    /// name has a colon). An empty PATH is the login directory, as in scp.
    pub fn parse(s: &str) -> Side {
        let mut bracket = false;
        for (i, c) in s.char_indices() {
            match c {
                '[' if i == 0 || s[..i].ends_with('@') => bracket = true,
                ']' => bracket = false,
                '/' if !bracket => break,
                ':' if !bracket && i > 0 => {
                    let path = &s[i + 1..];
                    return Side::Remote {
                        host: s[..i].into(),
                        path: if path.is_empty() { "." } else { path }.into(),
                    };
                }
                _ => {}
            }
        }
        Side::Local(PathBuf::from(s))
    }
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "direction", rename_all = "snake_case")]
pub enum CopyPlan {
    Upload {
        host: String,
        local_path: PathBuf,
        remote_path: String,
        /// The file's size (0 for a tree).
        bytes: u64,
        tree: bool,
    },
    Download {
        host: String,
        remote_path: String,
        local_path: PathBuf,
        tree: bool,
    },
    Between {
        from: String,
        from_path: String,
        to: String,
        to_path: String,
        route: Route,
        tree: bool,
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
                tree: true,
                ..
            } => format!(
                "upload the directory tree `{}` to {host}:{remote_path}",
                local_path.display()
            ),
            CopyPlan::Upload {
                host,
                local_path,
                remote_path,
                bytes,
                ..
            } => format!(
                "upload `{}` ({}) to {host}:{remote_path}",
                local_path.display(),
                crate::output::human_bytes(*bytes)
            ),
            CopyPlan::Download {
                host,
                remote_path,
                local_path,
                tree,
            } => {
                format!(
                    "download {}{host}:{remote_path} to `{}`",
                    tree_word(*tree),
                    local_path.display()
                )
            }
            CopyPlan::Between {
                from,
                from_path,
                to,
                to_path,
                route,
                tree,
            } => format!(
                "copy {}{from}:{from_path} to {to}:{to_path} ({})",
                tree_word(*tree),
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

fn tree_word(tree: bool) -> &'static str {
    if tree {
        "the directory tree "
    } else {
        ""
    }
}

impl Detail for CopyPlan {
    fn render(&self) -> Option<String> {
        None
    }
}

/// A copy through the change protocol: the plan says where the bytes go.
pub struct Copy {
    plan: Plan<CopyPlan>,
}

impl Change for Copy {
    type Detail = CopyPlan;
    type Report = CopyDone;

    fn plan(&self) -> &Plan<CopyPlan> {
        &self.plan
    }

    fn apply(self, ctx: &Context) -> Result<CopyDone> {
        let report = execute(ctx, &self.plan.detail)?;
        Ok(CopyDone {
            summary: self.plan.summary,
            report,
        })
    }
}

/// A finished copy: how many bytes, and their SHA-256 checked at both ends.
#[derive(Clone, Debug, Serialize)]
pub struct CopyDone {
    #[serde(skip)]
    summary: String,
    #[serde(flatten)]
    pub report: CopyReport,
}

impl Report for CopyDone {
    fn render(&self, p: &Printer) {
        let (text, bytes) = (&self.summary, human_bytes(self.report.bytes));
        p.data(if self.report.sha256.is_empty() {
            format!("done: {text}: {bytes}")
        } else {
            format!(
                "done: {text}: {bytes} sha256 {} verified",
                self.report.sha256
            )
        });
    }
}

/// The copy from `src` to `dst` as a change, planned without touching anything.
pub fn change(ctx: &Context, src: &str, dst: &str, relay: bool, tree: bool) -> Result<Copy> {
    let detail = plan(ctx, src, dst, relay, tree)?;
    let written_on = match &detail {
        CopyPlan::Upload { host, .. } => host.clone(),
        CopyPlan::Download { .. } => LOCAL.to_string(),
        CopyPlan::Between { to, .. } => to.clone(),
    };
    let mut plan = Plan::new(detail.describe(), detail);
    plan.changes_servers = plan.detail.changes_a_server();
    plan.actions.push(Action::step(
        written_on,
        plan.summary.clone(),
        if tree {
            "a tar stream (owners, modes and symlinks kept), never written through a symlink"
        } else {
            "streamed with constant memory; written beside the destination, SHA-256 checked, \
             then renamed into place (only ever over a regular file)"
        },
    ));
    Ok(Copy { plan })
}

/// Works out what a copy from `src` to `dst` would do, without touching anything. Every
/// `HOST:` side must name a host (inventory, ~/.ssh/config or ad-hoc): never a local file.
fn plan(ctx: &Context, src: &str, dst: &str, relay: bool, tree: bool) -> Result<CopyPlan> {
    let (src, dst) = (Side::parse(src), Side::parse(dst));
    for side in [&src, &dst] {
        if let Side::Remote { host, .. } = side {
            ctx.host(host)?;
        }
    }
    let plan = match (src, dst) {
        (Side::Local(local_path), Side::Remote { host, path }) => {
            let meta = std::fs::metadata(&local_path).map_err(|e| {
                StatusError::usage(format!("cannot read `{}`: {e}", local_path.display()))
            })?;
            if meta.is_dir() != tree {
                bail!(StatusError::usage(if tree {
                    format!(
                        "`{}` is not a directory: copy it without -r",
                        local_path.display()
                    )
                } else {
                    format!("`{}` is a directory: copy it with -r", local_path.display())
                }));
            }
            CopyPlan::Upload {
                host,
                local_path,
                remote_path: path,
                bytes: if tree { 0 } else { meta.len() },
                tree,
            }
        }
        (Side::Remote { host, path }, Side::Local(local_path)) => CopyPlan::Download {
            host,
            remote_path: path,
            local_path,
            tree,
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
                tree,
            }
        }
        (Side::Local(_), Side::Local(_)) => {
            bail!(StatusError::usage(
                "neither side names a host: write one side as HOST:PATH"
            ))
        }
    };
    Ok(plan)
}

/// Carries out a planned copy.
fn execute(ctx: &Context, plan: &CopyPlan) -> Result<CopyReport> {
    let local = LocalTransport::new();
    let here = local_origin(&local);
    let report = match plan {
        CopyPlan::Upload {
            host: h,
            local_path,
            remote_path,
            bytes,
            tree,
        } => {
            let t = ctx.connect(&ctx.host(h)?)?;
            let bar = ctx.printer.task(&format!("upload {remote_path}"));
            let from = path_text(local_path)?;
            if *tree {
                let source = transfer::Source {
                    origin: here,
                    path: from,
                };
                let target = transfer::Target {
                    t: &*t,
                    path: remote_path,
                };
                transfer::copy_tree(&source, &target, Route::Relay, "", &bar)?
            } else {
                bar.set_total(*bytes);
                let name = dest::source_name(from);
                let final_path = dest::resolve(&*t, remote_path, name, Kind::File)?;
                let mut f = File::open(local_path)
                    .with_context(|| format!("cannot open `{}`", local_path.display()))?;
                t.upload(&mut f, &final_path, &bar)?
            }
        }
        CopyPlan::Download {
            host: h,
            remote_path,
            local_path,
            tree,
        } => {
            let spec = ctx.host(h)?;
            let t = ctx.connect(&spec)?;
            let bar = ctx.printer.task(&format!("download {remote_path}"));
            let to = path_text(local_path)?;
            if *tree {
                let source = transfer::Source {
                    origin: Origin::new(&*t, &spec),
                    path: remote_path,
                };
                let target = transfer::Target {
                    t: &local,
                    path: to,
                };
                transfer::copy_tree(&source, &target, Route::Relay, "", &bar)?
            } else {
                let name = dest::source_name(remote_path);
                let final_path = dest::resolve(&local, to, name, Kind::File)?;
                download_atomically(&local, &final_path, |out| {
                    Ok(t.download(remote_path, out, &bar)?)
                })?
            }
        }
        CopyPlan::Between {
            from,
            from_path,
            to,
            to_path,
            route,
            tree,
        } => {
            let (from_spec, to_spec) = (ctx.host(from)?, ctx.host(to)?);
            let (src_t, dst_t) = (ctx.connect(&from_spec)?, ctx.connect(&to_spec)?);
            // Direct, the target pulls the bytes: hostops never sees them and the line stays a
            // spinner with the time spent (see `transfer::direct`).
            let bar = ctx.printer.task(&format!("{from} -> {to}"));
            let tag = ctx
                .run_log()
                .map(|l| l.run_id().to_string())
                .unwrap_or_else(|| "adhoc".into());
            let source = transfer::Source {
                origin: Origin::new(&*src_t, &from_spec),
                path: from_path,
            };
            let target = transfer::Target {
                t: &*dst_t,
                path: to_path,
            };
            if *tree {
                transfer::copy_tree(&source, &target, *route, &tag, &bar)?
            } else {
                transfer::copy(&source, &target, *route, &tag, &bar)?
            }
        }
    };
    Ok(report)
}

/// This machine as the source of a relayed stream (never reached by a server).
fn local_origin(local: &LocalTransport) -> Origin<'_> {
    Origin {
        t: local,
        host: LOCAL,
        port: 0,
        user: "",
        notes: None,
    }
}

fn path_text(p: &Path) -> Result<&str> {
    p.to_str().ok_or_else(|| {
        StatusError::usage(format!("`{}` is not valid UTF-8: rename it", p.display())).into()
    })
}

/// Writes to a temporary file beside `dest` and renames it into place only on success, and
/// only over a regular file (see [`dest::place`]).
fn download_atomically(
    local: &LocalTransport,
    dest: &str,
    fetch: impl FnOnce(&mut (dyn Write + Send)) -> Result<CopyReport>,
) -> Result<CopyReport> {
    let dir = Path::new(dest)
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
    let tmp = tmp.into_temp_path();
    dest::place(local, path_text(&tmp)?, dest, Kind::File)?;
    // Renamed into place: nothing left to remove.
    let _ = tmp.keep();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remote(host: &str, path: &str) -> Side {
        Side::Remote {
            host: host.into(),
            path: path.into(),
        }
    }

    #[test]
    fn a_colon_before_any_slash_names_a_host_as_in_scp() {
        assert_eq!(Side::parse("web1:blob.bin"), remote("web1", "blob.bin"));
        assert_eq!(
            Side::parse("root@10.0.0.1:/x"),
            remote("root@10.0.0.1", "/x")
        );
        assert_eq!(Side::parse("h1:"), remote("h1", "."));
        assert_eq!(
            Side::parse("[2001:db8::1]:/x"),
            remote("[2001:db8::1]", "/x")
        );
        assert_eq!(
            Side::parse("u@[2001:db8::1]:y"),
            remote("u@[2001:db8::1]", "y")
        );
        for local in ["./web1:blob.bin", "/tmp/a:b", "dir/a:b", "plain", ":x"] {
            assert_eq!(Side::parse(local), Side::Local(local.into()), "{local}");
        }
    }
}
