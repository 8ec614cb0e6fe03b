//! File streaming on top of `exec`: constant memory, atomic on the remote side (a temporary
//! file renamed into place), and a SHA-256 comparison of what left and what arrived.

use std::io::{Read, Write};

use serde::Serialize;

use super::dest::{self, Kind};
use super::pump::{HashingReader, Tee};
use super::{run, Cmd, ExecIo, Transport, TransportError};

/// Receives byte counts as a copy advances (`output::Task`, the one progress reporter, or
/// nothing).
pub trait Progress: Sync {
    fn set_total(&self, _total: u64) {}
    fn advance(&self, _bytes: u64) {}
}

/// Progress that goes nowhere.
pub struct NoProgress;
impl Progress for NoProgress {}

#[derive(Clone, Debug, Serialize)]
pub struct CopyReport {
    pub bytes: u64,
    pub sha256: String,
}

/// A constant script preceded by `sha256`, a filter printing the SHA-256 of its input first on
/// its line: OpenSSL's where present (coreutils' sha256sum has no SHA-NI code and is several
/// times slower: it would set the pace of every copy), else sha256sum.
macro_rules! with_sha256 {
    ($body:literal) => {
        concat!(
            "sha256() { if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r; else sha256sum; fi; }\n",
            $body
        )
    };
}
pub(crate) use with_sha256;

// Constant scripts: user input only ever arrives as quoted positional parameters ($1, $2).
const OPEN_TEMP: &str = r#"set -e
tmp=$(mktemp -- "$1.hostops.XXXXXX")
printf '%s\n' "$tmp"
exec dd of="$tmp" bs=65536 status=none"#;
const SEAL_TEMP: &str = with_sha256!(
    r#"set -e
sum=$(sha256 < "$1")
if [ -e "$2" ]; then
  chmod --reference="$2" -- "$1"
  chown --reference="$2" -- "$1" 2>/dev/null || true
else
  chmod 644 -- "$1"
fi
printf '%s\n' "${sum%% *}""#
);
const REMOTE_SHA256: &str = with_sha256!(
    r#"set -e
sum=$(sha256 < "$1")
printf '%s\n' "${sum%% *}""#
);

fn script(body: &str, args: &[&str]) -> Cmd {
    Cmd::script("sh", body).args(args.iter().copied())
}

/// Prints the SHA-256 of the remote file `path`.
pub(crate) fn sha256_command(path: &str) -> Cmd {
    script(REMOTE_SHA256, &[path])
}

fn failed(
    t: &(impl Transport + ?Sized),
    what: &str,
    detail: impl std::fmt::Display,
) -> TransportError {
    TransportError::Other(format!("{}: {what}: {detail}", t.target().name))
}

/// Uploads `src` to `dest` on `t`. On any failure the temporary file is removed and `dest`
/// is left as it was; `dest` is only ever replaced when it is a regular file.
pub fn upload<T: Transport + ?Sized>(
    t: &T,
    src: &mut (dyn Read + Send),
    dest: &str,
    progress: &dyn Progress,
) -> Result<CopyReport, TransportError> {
    let on_read = |n| progress.advance(n);
    let mut reader = HashingReader::new(src, &on_read);
    let mut tmp_line = Vec::new();
    let mut stderr = Vec::new();
    let exit = t.exec(
        &script(OPEN_TEMP, &[dest]),
        ExecIo {
            stdin: Some(&mut reader),
            stdout: &mut tmp_line,
            stderr: &mut stderr,
            timeout: None,
        },
    )?;
    let sent = reader.finish();
    let tmp = String::from_utf8_lossy(&tmp_line)
        .trim_end_matches('\n')
        .to_string();
    let remove_tmp = || {
        if !tmp.is_empty() {
            let _ = run(t, &Cmd::new("rm").args(["-f", "--", &tmp]), None, None);
        }
    };
    if !exit.success() {
        remove_tmp();
        return Err(failed(
            t,
            &format!("writing {dest}"),
            String::from_utf8_lossy(&stderr).trim(),
        ));
    }
    let sealed = run(t, &script(SEAL_TEMP, &[&tmp, dest]), None, None)?;
    let arrived = sealed.stdout_text().trim().to_string();
    if !sealed.exit.success() || arrived != sent.sha256 {
        remove_tmp();
        return Err(failed(
            t,
            &format!("checksum of {dest}"),
            format!(
                "sent {} but the server has {:?} ({})",
                sent.sha256,
                arrived,
                sealed.stderr_text().trim()
            ),
        ));
    }
    if let Err(e) = dest::place(t, &tmp, dest, Kind::File) {
        remove_tmp();
        return Err(e);
    }
    Ok(CopyReport {
        bytes: sent.bytes,
        sha256: sent.sha256,
    })
}

/// Downloads `src` from `t` into `dest`, then compares with the remote file's SHA-256.
pub fn download<T: Transport + ?Sized>(
    t: &T,
    src: &str,
    dest: &mut (dyn Write + Send),
    progress: &dyn Progress,
) -> Result<CopyReport, TransportError> {
    let size = run(
        t,
        &Cmd::new("stat").args(["-L", "-c", "%s", "--", src]),
        None,
        None,
    )?;
    if !size.exit.success() {
        return Err(failed(
            t,
            &format!("reading {src}"),
            size.stderr_text().trim(),
        ));
    }
    if let Ok(total) = size.stdout_text().trim().parse() {
        progress.set_total(total);
    }
    let mut sink = ProgressWriter {
        inner: Tee::new(dest, 0),
        progress,
    };
    let mut stderr = Vec::new();
    let exit = t.exec(
        &Cmd::new("cat").args(["--", src]),
        ExecIo {
            stdin: None,
            stdout: &mut sink,
            stderr: &mut stderr,
            timeout: None,
        },
    )?;
    if !exit.success() {
        return Err(failed(
            t,
            &format!("reading {src}"),
            String::from_utf8_lossy(&stderr).trim(),
        ));
    }
    let got = sink.inner.finish();
    let remote = run(t, &sha256_command(src), None, None)?;
    let expected = remote.stdout_text().trim().to_string();
    if !remote.exit.success() || expected != got.sha256 {
        return Err(failed(
            t,
            &format!("checksum of {src}"),
            format!("received {} but the server has {:?}", got.sha256, expected),
        ));
    }
    Ok(CopyReport {
        bytes: got.bytes,
        sha256: got.sha256,
    })
}

/// Passes writes through to `inner`, reporting each to `progress`.
pub struct ProgressWriter<'a, W> {
    pub inner: W,
    pub progress: &'a dyn Progress,
}

impl<W: Write> Write for ProgressWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
