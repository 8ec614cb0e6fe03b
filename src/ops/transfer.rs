//! Moving a file from one server to another. Direct: the target pulls it from the source with
//! the servers' own OpenSSH, using a one-off key that is removed afterwards, and trusting only
//! the source host key hostops itself verified. Relay (`--relay`, for servers that cannot reach
//! each other): the bytes stream through hostops with constant memory. Both end with the
//! SHA-256 of what arrived compared against the source.

use anyhow::{bail, Context as _, Result};
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::transport::ssh::known_hosts::fingerprint;
use crate::transport::{self, Cmd, CopyReport, Progress, Transport};

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
const AUTHORIZE: &str = r#"set -e
umask 077
mkdir -p "$HOME/.ssh"
printf '%s\n' "$1" >> "$HOME/.ssh/authorized_keys""#;
const REVOKE: &str = r#"f="$HOME/.ssh/authorized_keys"
[ -f "$f" ] || exit 0
grep -vF -- "$1" "$f" > "$f.hostops-revoke" || true
cat "$f.hostops-revoke" > "$f"
rm -f -- "$f.hostops-revoke""#;
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
/// the file into place; the one-off key is revoked and the directory removed whatever happens.
fn direct(src: &Source<'_>, dst: &Target<'_>, tag: &str) -> Result<CopyReport> {
    let verified =
        src.t.target().host_key.clone().context(
            "direct copies need an SSH source whose host key hostops verified: use --relay",
        )?;
    let tmp = transport::run_ok(dst.t, &sh(TEMP_BESIDE, &[dst.path]))?
        .stdout_text()
        .trim()
        .to_string();
    let comment = format!("hostops-transfer-{tag}");
    let result = (|| {
        transport::run_ok(
            dst.t,
            &Cmd::new("ssh-keygen").args([
                "-q",
                "-t",
                "ed25519",
                "-N",
                "",
                "-C",
                &comment,
                "-f",
                &format!("{tmp}/key"),
            ]),
        )?;
        let public =
            transport::run_ok(dst.t, &Cmd::new("cat").arg(format!("{tmp}/key.pub")))?.stdout_text();
        pin_source_key(src, dst.t, &verified, &tmp)?;
        transport::run_ok(
            src.t,
            &sh(AUTHORIZE, &[&format!("restrict {}", public.trim())]),
        )?;
        let pulled = pull(src, dst.t, &tmp);
        let revoked = transport::run_ok(src.t, &sh(REVOKE, &[&comment]));
        pulled?;
        revoked?;
        transport::run_ok(
            dst.t,
            &Cmd::new("mv").args(["-f", "--", &format!("{tmp}/data"), dst.path]),
        )?;
        Ok::<(), anyhow::Error>(())
    })();
    let cleaned = transport::run(dst.t, &Cmd::new("rm").args(["-rf", "--", &tmp]), None, None);
    result?;
    cleaned?;
    compare(src, dst)
}

/// Writes a known_hosts on the target holding only the source key(s) whose fingerprint is the
/// one hostops verified, so the servers' own ssh trusts exactly that key.
fn pin_source_key(src: &Source<'_>, dst: &dyn Transport, verified: &str, tmp: &str) -> Result<()> {
    let scan = transport::run(
        dst,
        &Cmd::new("ssh-keyscan").args(["-p", &src.port.to_string(), "--", src.host]),
        None,
        None,
    )?;
    let text = scan.stdout_text();
    let matching: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .nth(2)
                .and_then(|k| base64::engine::general_purpose::STANDARD.decode(k).ok())
                .is_some_and(|k| fingerprint(&k) == verified)
        })
        .collect();
    if matching.is_empty() {
        bail!(
            "{} reaches {}:{} but is not shown the host key hostops verified ({verified}): refusing the direct \
             copy; check the address, or use --relay",
            dst.target().name,
            src.host,
            src.port
        );
    }
    let known = format!("{}\n", matching.join("\n"));
    dst.upload(
        &mut known.as_bytes(),
        &format!("{tmp}/known_hosts"),
        &transport::copy::NoProgress,
    )?;
    Ok(())
}

fn pull(src: &Source<'_>, dst: &dyn Transport, tmp: &str) -> Result<()> {
    let cmd = Cmd::new("scp").args([
        "-q".to_string(),
        "-B".into(),
        "-P".into(),
        src.port.to_string(),
        "-i".into(),
        format!("{tmp}/key"),
        "-o".into(),
        format!("UserKnownHostsFile={tmp}/known_hosts"),
        "-o".into(),
        "StrictHostKeyChecking=yes".into(),
        "-o".into(),
        "IdentitiesOnly=yes".into(),
        format!("{}@{}:{}", src.user, bracketed(src.host), src.path),
        format!("{tmp}/data"),
    ]);
    transport::run_ok(dst, &cmd)?;
    Ok(())
}

fn bracketed(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
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
