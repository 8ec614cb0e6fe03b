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
/// Run on the target: `$1` the file to write, `$2` the remote command, then ssh's arguments.
/// Prints the SHA-256 of what arrived, computed while it is written.
const PULL_AND_HASH: &str = r#"set -o pipefail
out=$1; remote=$2; shift 2
sum=$(ssh "$@" "$remote" | tee -- "$out" | sha256sum)
printf '%s\n' "${sum%% *}""#;
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

/// The target pulls the file over its own ssh into a temporary directory beside the
/// destination, hashing the stream as it writes it, while the source hashes its file at the
/// same time; equal hashes, then the file is renamed into place. The directory is removed
/// whatever happens.
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
    let data = format!("{tmp}/data");
    let pulled = with_access(&origin, dst.t, tag, |access| {
        let mut args = vec![
            data.clone(),
            Cmd::new("cat").args(["--", src.path]).to_shell_line()?,
        ];
        args.extend(access.ssh_args());
        let (source_sum, arrived) = std::thread::scope(|s| {
            let source_sum = s.spawn(|| sha256_of(src.t, src.path));
            let arrived = transport::run_ok(
                dst.t,
                &Cmd::new("bash")
                    .args(["-c", PULL_AND_HASH, "bash"])
                    .args(args),
            );
            (source_sum.join().expect("hashing thread"), arrived)
        });
        let (source_sum, arrived) = (source_sum?, arrived?.stdout_text().trim().to_string());
        if source_sum != arrived {
            bail!(
                "{}:{} arrived as {arrived} but the source has {source_sum}",
                dst.t.target().name,
                dst.path
            );
        }
        transport::run_ok(dst.t, &Cmd::new("mv").args(["-f", "--", &data, dst.path]))?;
        Ok(source_sum)
    });
    let cleaned = transport::run(dst.t, &Cmd::new("rm").args(["-rf", "--", &tmp]), None, None);
    let sha256 = pulled?;
    cleaned?;
    let size = transport::run_ok(dst.t, &Cmd::new("stat").args(["-c", "%s", "--", dst.path]))?;
    Ok(CopyReport {
        bytes: size.stdout_text().trim().parse().unwrap_or(0),
        sha256,
    })
}

fn sha256_of(t: &dyn Transport, path: &str) -> Result<String> {
    Ok(transport::run_ok(t, &sh(SHA256, &[path]))?
        .stdout_text()
        .trim()
        .to_string())
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
