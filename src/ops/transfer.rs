//! Moving a file from one server to another. Direct: the target pulls it from the source with
//! its own OpenSSH, through `pull_access` (a one-off key, the verified host key pinned). Relay (`--relay`, for servers that cannot reach
//! each other): the bytes stream through hostops with constant memory. Both end with the
//! SHA-256 of what arrived compared against the source.

use anyhow::{bail, Context as _, Result};
use serde::{Deserialize, Serialize};

use super::pull_access::{with_access, Origin};
use crate::transport::{self, Cmd, CopyReport, ExecIo, Progress, Transport};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Direct,
    Relay,
}

/// The file to copy, on a server the target can reach at `host:port` as `user`.
pub struct Source<'a> {
    pub t: &'a dyn Transport,
    pub host: &'a str,
    pub port: u16,
    pub user: &'a str,
    pub path: &'a str,
}

/// Where the copy goes.
pub struct Target<'a> {
    pub t: &'a dyn Transport,
    pub path: &'a str,
}

// Constant scripts; every value arrives as a quoted positional parameter.
const TEMP_BESIDE: &str = r#"d=$(dirname -- "$1") && mktemp -d -- "$d/.hostops-xfer.XXXXXX""#;
const SHA256: &str = r#"sum=$(sha256sum < "$1") && printf '%s\n' "${sum%% *}""#;

fn sh(script: &str, args: &[&str]) -> Cmd {
    Cmd::new("sh")
        .args(["-c", script, "sh"])
        .args(args.iter().copied())
}

/// Copies the source file to the target. `tag` names the one-off key (the run ID).
pub fn copy(
    src: &Source<'_>,
    dst: &Target<'_>,
    route: Route,
    tag: &str,
    progress: &dyn Progress,
) -> Result<CopyReport> {
    match route {
        Route::Direct => direct(src, dst, tag),
        Route::Relay => relay(src, dst, progress),
    }
}

/// The target pulls with scp into a temporary directory beside the destination and renames
/// the file into place; the directory is removed whatever happens.
fn direct(src: &Source<'_>, dst: &Target<'_>, tag: &str) -> Result<CopyReport> {
    let origin = Origin {
        t: src.t,
        host: src.host,
        port: src.port,
        user: src.user,
    };
    let tmp = transport::run_ok(dst.t, &sh(TEMP_BESIDE, &[dst.path]))?
        .stdout_text()
        .trim()
        .to_string();
    let pulled = with_access(&origin, dst.t, tag, |access| {
        let mut args = access.scp_args(src.path);
        args.push(format!("{tmp}/data"));
        transport::run_ok(dst.t, &Cmd::new("scp").args(args))?;
        transport::run_ok(
            dst.t,
            &Cmd::new("mv").args(["-f", "--", &format!("{tmp}/data"), dst.path]),
        )?;
        Ok(())
    });
    let cleaned = transport::run(dst.t, &Cmd::new("rm").args(["-rf", "--", &tmp]), None, None);
    pulled?;
    cleaned?;
    compare(src, dst)
}

/// Streams the source file into the target through a pipe: constant memory, both ends checked.
fn relay(src: &Source<'_>, dst: &Target<'_>, progress: &dyn Progress) -> Result<CopyReport> {
    let (mut reader, mut writer) = std::io::pipe().context("creating a pipe")?;
    let (sent, received) = std::thread::scope(|s| {
        let sender = s.spawn(move || src.t.download(src.path, &mut writer, progress));
        let received = dst
            .t
            .upload(&mut reader, dst.path, &transport::copy::NoProgress);
        (sender.join().expect("relay thread"), received)
    });
    let (sent, received) = (sent?, received?);
    if sent.sha256 != received.sha256 {
        bail!(
            "relay of {}: sent {} but {} stored {}",
            src.path,
            sent.sha256,
            dst.t.target().name,
            received.sha256
        );
    }
    Ok(received)
}

/// Streams one command's output on `src` into another's input on `dst` (tar, dumps), with
/// constant memory. Either side failing is an error naming its command.
pub fn pipe(src: &dyn Transport, produce: &Cmd, dst: &dyn Transport, consume: &Cmd) -> Result<()> {
    let (reader, mut writer) = std::io::pipe().context("creating a pipe")?;
    let (produced, consumed) = std::thread::scope(|s| {
        let producer = s.spawn(move || {
            let mut err = Vec::new();
            let io = ExecIo {
                stdin: None,
                stdout: &mut writer,
                stderr: &mut err,
                timeout: None,
            };
            src.exec(produce, io).map(|exit| (exit, err))
        });
        // The reader closes as soon as the consumer ends, so a failed consumer cannot leave
        // the producer blocked on a full pipe.
        let mut reader = reader;
        let mut err = Vec::new();
        let io = ExecIo {
            stdin: Some(&mut reader),
            stdout: &mut std::io::sink(),
            stderr: &mut err,
            timeout: None,
        };
        let consumed = dst.exec(consume, io).map(|exit| (exit, err));
        drop(reader);
        (producer.join().expect("pipe thread"), consumed)
    });
    let ((p_exit, p_err), (c_exit, c_err)) = (produced?, consumed?);
    if !c_exit.success() {
        bail!(
            "{}: `{consume}` failed ({c_exit}): {}",
            dst.target().name,
            String::from_utf8_lossy(&c_err).trim()
        );
    }
    if !p_exit.success() {
        bail!(
            "{}: `{produce}` failed ({p_exit}): {}",
            src.target().name,
            String::from_utf8_lossy(&p_err).trim()
        );
    }
    Ok(())
}

/// SHA-256 on both servers must agree.
fn compare(src: &Source<'_>, dst: &Target<'_>) -> Result<CopyReport> {
    let a = transport::run_ok(src.t, &sh(SHA256, &[src.path]))?
        .stdout_text()
        .trim()
        .to_string();
    let b = transport::run_ok(dst.t, &sh(SHA256, &[dst.path]))?
        .stdout_text()
        .trim()
        .to_string();
    if a != b || a.is_empty() {
        bail!(
            "{}:{} does not match {}:{} ({b} vs {a})",
            dst.t.target().name,
            dst.path,
            src.t.target().name,
            src.path
        );
    }
    let size = transport::run_ok(dst.t, &Cmd::new("stat").args(["-c", "%s", "--", dst.path]))?;
    Ok(CopyReport {
        bytes: size.stdout_text().trim().parse().unwrap_or(0),
        sha256: a,
    })
}
