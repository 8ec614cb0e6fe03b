//! Moving a file from one server to another. Direct: the target pulls it from the source with
//! its own OpenSSH, through `pull_access` (a one-off key for that one command, the verified host
//! key pinned). Relay (`--relay`, for servers that cannot reach
//! each other): the bytes stream through hostops with constant memory, in one pass. Both end
//! with the SHA-256 of what arrived, computed on the target while it was written, compared
//! against the source's, computed on the source while it was read.

use anyhow::{bail, Context as _, Result};
use serde::{Deserialize, Serialize};

use super::pull_access::{with_access, Origin, Remote};
use crate::transport::copy::{sha256_command, with_sha256, ProgressWriter};
use crate::transport::dest::{self, Kind};
use crate::transport::{
    self, Cmd, CopyReport, ExecIo, Output, ProcessError, Progress, Transport, TransportError,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Direct,
    Relay,
}

/// The file to copy, on a server the target can reach as `origin`.
pub struct Source<'a> {
    pub origin: Origin<'a>,
    pub path: &'a str,
}

/// Where the copy goes.
pub struct Target<'a> {
    pub t: &'a dyn Transport,
    pub path: &'a str,
}

// Constant scripts; every value arrives as a quoted positional parameter.
/// Run on the target: `$1` the remote command, `$2` how many ssh arguments follow, then
/// those and the local command that reads what the remote one prints.
const PULL_INTO: &str = r#"set -o pipefail
remote=$1; n=$2; shift 2
ssh_args=("${@:1:n}"); shift "$n"
ssh "${ssh_args[@]}" "$remote" | "$@""#;
/// Run on the target: writes its input to `$1` and prints its SHA-256, computed meanwhile.
const RECEIVE_AND_HASH: &str = with_sha256!(
    r#"set -o pipefail
sum=$(tee -- "$1" | sha256)
printf '%s\n' "${sum%% *}""#
);
/// Run on the source: the file `$1` on stdout and, computed as it is read, its SHA-256 as the
/// last line of stderr. (Where stdout is not a pipe /dev/fd/3 cannot be reopened: the file
/// is then read twice.)
const SEND_AND_HASH: &str = with_sha256!(
    r#"set -o pipefail
if [ -p /dev/stdout ]; then
  exec 3>&1
  sum=$(tee /dev/fd/3 < "$1" | sha256) || exit 1
else
  cat -- "$1" && sum=$(sha256 < "$1") || exit 1
fi
printf '%s\n' "${sum%% *}" >&2"#
);
const TEMP_BESIDE: &str = r#"d=$(dirname -- "$1") && mktemp -d -- "$d/.hostops-xfer.XXXXXX""#;

/// Run on the source: the directory tree `$1` as a tar stream (owners, modes, symlinks as
/// symlinks). The top must be a real directory: a link there is refused, never followed.
const TREE_OUT: &str = r#"[ -L "$1" ] && { printf '%s is a symbolic link: copy -r never follows links\n' "$1" >&2; exit 3; }
[ -d "$1" ] || { printf '%s is not a directory: copy a file without -r\n' "$1" >&2; exit 3; }
cd -- "$1" && exec tar --numeric-owner -cf - ."#;
/// Copies the source file to the target (into it, under the source's name, when the target
/// is a directory). `tag` names the one-off key (the run ID).
pub fn copy(
    src: &Source<'_>,
    dst: &Target<'_>,
    route: Route,
    tag: &str,
    progress: &dyn Progress,
) -> Result<CopyReport> {
    let final_path = dest::resolve(dst.t, dst.path, dest::source_name(src.path), Kind::File)?;
    into_place(dst.t, &final_path, |data| match route {
        Route::Direct => direct(src, dst.t, data, tag),
        Route::Relay => relay(src, dst.t, data, progress),
    })
}

/// Has `fill` write the file in a temporary directory beside the destination and return the
/// SHA-256 of the source and of what arrived, both computed while the bytes streamed; equal
/// hashes, then the file is renamed into place. The directory is removed whatever happens.
fn into_place(
    t: &dyn Transport,
    final_path: &str,
    fill: impl FnOnce(&str) -> Result<(String, String)>,
) -> Result<CopyReport> {
    let tmp = transport::run_ok(t, &Cmd::script("sh", TEMP_BESIDE).arg(final_path))?
        .stdout_text()
        .trim()
        .to_string();
    let data = format!("{tmp}/data");
    let placed = fill(&data).and_then(|(source_sum, arrived)| {
        if source_sum != arrived {
            bail!(
                "{}:{final_path} arrived as {arrived} but the source has {source_sum}",
                t.target().name,
            );
        }
        dest::place(t, &data, final_path, Kind::File)?;
        Ok(source_sum)
    });
    let cleaned = transport::run(t, &Cmd::new("rm").args(["-rf", "--", &tmp]), None, None);
    let sha256 = placed?;
    cleaned?;
    let size = transport::run_ok(t, &Cmd::new("stat").args(["-c", "%s", "--", final_path]))?;
    Ok(CopyReport {
        bytes: size.stdout_text().trim().parse().unwrap_or(0),
        sha256,
    })
}

/// The target pulls the file over its own ssh into `data`, hashing the stream as it writes
/// it, while the source hashes its file at the same time.
///
/// No progress: the bytes never pass through hostops, and polling the size of `data` would
/// need a second connection to the target (one SSH session runs one command at a time) and
/// journal a command every second; the task's line stays a spinner with the time spent.
fn direct(
    src: &Source<'_>,
    dst: &dyn Transport,
    data: &str,
    tag: &str,
) -> Result<(String, String)> {
    let (source_sum, arrived) = std::thread::scope(|s| {
        let source_sum = s.spawn(|| sha256_of(src.origin.t, src.path));
        let arrived = pull(
            &src.origin,
            dst,
            tag,
            &Cmd::new("cat").args(["--", src.path]),
            &Cmd::script("bash", RECEIVE_AND_HASH).arg(data),
        );
        (source_sum.join().expect("hashing thread"), arrived)
    });
    Ok((source_sum?, arrived?.stdout_text().trim().to_string()))
}

/// Runs `consume` on the target with what `produce` prints on the origin as its input,
/// pulled by the target's own ssh with a one-off key that allows `produce` only (`tag` names
/// the job). Returns the consumer's output.
pub fn pull(
    origin: &Origin<'_>,
    dst: &dyn Transport,
    tag: &str,
    produce: &Cmd,
    consume: &Cmd,
) -> Result<Output> {
    with_access(origin, dst, tag, Remote::Command(produce), |access| {
        let ssh_args = access.ssh_args();
        let cmd = Cmd::script("bash", PULL_INTO)
            .args([produce.to_shell_line()?, ssh_args.len().to_string()])
            .args(ssh_args)
            .args(consume.argv().iter().cloned());
        access.run(dst, &cmd)
    })
}

fn sha256_of(t: &dyn Transport, path: &str) -> Result<String> {
    Ok(transport::run_ok(t, &sha256_command(path))?
        .stdout_text()
        .trim()
        .to_string())
}

/// Streams the source file through hostops into `data` in one pass: the source hashes what
/// it sends and the target what it writes, hostops only passes the bytes on.
fn relay(
    src: &Source<'_>,
    dst: &dyn Transport,
    data: &str,
    progress: &dyn Progress,
) -> Result<(String, String)> {
    let size = transport::run_ok(
        src.origin.t,
        &Cmd::new("stat").args(["-L", "-c", "%s", "--", src.path]),
    )?;
    if let Ok(total) = size.stdout_text().trim().parse() {
        progress.set_total(total);
    }
    let piped = pipe(
        src.origin.t,
        &Cmd::script("bash", SEND_AND_HASH).arg(src.path),
        dst,
        &Cmd::script("bash", RECEIVE_AND_HASH).arg(data),
        progress,
    )?;
    let sent = String::from_utf8_lossy(&piped.produced_stderr)
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_default()
        .to_string();
    Ok((
        sent,
        String::from_utf8_lossy(&piped.consumed_stdout)
            .trim()
            .to_string(),
    ))
}

/// Copies the directory tree at the source to the target as a tar stream (owners, modes and
/// symlinks kept, links never followed), into a new path: the target itself, or the source's
/// name inside it when it is a directory. Reports the bytes the tree holds on the target.
pub fn copy_tree(
    src: &Source<'_>,
    dst: &Target<'_>,
    route: Route,
    tag: &str,
    progress: &dyn Progress,
) -> Result<CopyReport> {
    let final_path = dest::resolve(dst.t, dst.path, dest::source_name(src.path), Kind::Tree)?;
    // A new directory beside the destination, unpacked into and renamed whole into place;
    // the archive's `.` entry gives it the source directory's owner and mode.
    let tmp = transport::run_ok(
        dst.t,
        &Cmd::new("mktemp").args(["-d", "--", &format!("{final_path}.hostops.XXXXXX")]),
    )?
    .stdout_text()
    .trim_end_matches('\n')
    .to_string();
    let produce = Cmd::script("sh", TREE_OUT).arg(src.path);
    let consume = Cmd::new("tar").args(["--numeric-owner", "-xpf", "-", "-C", &tmp]);
    let placed = match route {
        Route::Direct => pull(&src.origin, dst.t, tag, &produce, &consume).map(drop),
        Route::Relay => pipe(src.origin.t, &produce, dst.t, &consume, progress).map(drop),
    }
    .and_then(|()| Ok(dest::place(dst.t, &tmp, &final_path, Kind::Tree)?));
    if placed.is_err() {
        let _ = transport::run(dst.t, &Cmd::new("rm").args(["-rf", "--", &tmp]), None, None);
    }
    placed?;
    let size = transport::run_ok(dst.t, &Cmd::new("du").args(["-s", "-b", "--", &final_path]))?;
    Ok(CopyReport {
        bytes: size
            .stdout_text()
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0),
        sha256: String::new(),
    })
}

/// What the two commands of a [`pipe`] printed besides the stream itself.
pub struct Piped {
    pub produced_stderr: Vec<u8>,
    pub consumed_stdout: Vec<u8>,
}

/// Streams one command's output on `src` into another's input on `dst` (tar, dumps), with
/// constant memory. Either side failing is an error naming its command.
pub fn pipe(
    src: &dyn Transport,
    produce: &Cmd,
    dst: &dyn Transport,
    consume: &Cmd,
    progress: &dyn Progress,
) -> Result<Piped> {
    let (reader, writer) = std::io::pipe().context("creating a pipe")?;
    let (produced, consumed) = std::thread::scope(|s| {
        let producer = s.spawn(move || {
            let mut err = Vec::new();
            let mut writer = ProgressWriter {
                inner: writer,
                progress,
            };
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
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let io = ExecIo {
            stdin: Some(&mut reader),
            stdout: &mut out,
            stderr: &mut err,
            timeout: None,
        };
        let consumed = dst.exec(consume, io).map(|exit| (exit, out, err));
        drop(reader);
        (producer.join().expect("pipe thread"), consumed)
    });
    // The consumer's transport error first: when its connection is lost, the producer's
    // broken pipe is only the consequence.
    let (c_exit, c_out, c_err) = consumed?;
    let (p_exit, p_err) = produced?;
    if !c_exit.success() {
        return Err(
            TransportError::from(ProcessError::new(dst, consume, &c_exit, &c_out, &c_err)).into(),
        );
    }
    if !p_exit.success() {
        return Err(
            TransportError::from(ProcessError::new(src, produce, &p_exit, &[], &p_err)).into(),
        );
    }
    Ok(Piped {
        produced_stderr: p_err,
        consumed_stdout: c_out,
    })
}
