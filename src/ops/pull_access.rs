//! Letting a target server reach a source server with its own OpenSSH for as long as one job
//! takes: a one-off key made on the target, authorized on the source (under flock, revoked
//! afterwards whatever happens), and a known_hosts on the target holding only the source host
//! key that hostops itself verified.

use anyhow::{bail, Context as _, Result};
use base64::Engine;

use crate::inventory::HostSpec;
use crate::transport::ssh::known_hosts::fingerprint;
use crate::transport::{self, Cmd, Transport};

/// The server to reach, as hostops reaches it.
pub struct Origin<'a> {
    pub t: &'a dyn Transport,
    pub host: &'a str,
    pub port: u16,
    pub user: &'a str,
}

impl<'a> Origin<'a> {
    /// `host`, reached by hostops over `t`.
    pub fn new(t: &'a dyn Transport, host: &'a HostSpec) -> Self {
        Origin {
            t,
            host: &host.address,
            port: host.port,
            user: &host.user,
        }
    }
}

/// What the target's own ssh and rsync need to reach the origin during the job.
pub struct Access {
    dir: String,
    host: String,
    port: u16,
    user: String,
}

// authorized_keys is edited under flock(1) on ~/.ssh itself: accounts handled in parallel
// add and revoke their keys at the same time. A revocation writes a new file and renames it
// into place, so sshd, which reads the file without a lock while other jobs log in, never
// sees it half-written. A key is revoked by its comment, the whole last field: one job's tag
// may begin with another's (`RUN-bob`, `RUN-bob-home`, `RUN-bobby`).
const AUTHORIZE: &str = r#"set -e
umask 077
mkdir -p "$HOME/.ssh"
exec 9<"$HOME/.ssh"
flock -w 60 9
printf '%s\n' "$1" >> "$HOME/.ssh/authorized_keys""#;
const REVOKE: &str = r#"f="$HOME/.ssh/authorized_keys"
[ -f "$f" ] || exit 0
exec 9<"$HOME/.ssh" || exit 1
flock -w 60 9 || exit 1
umask 077
awk -v key="$1" '$NF != key' "$f" > "$f.hostops-revoke" || exit 1
mv -f -- "$f.hostops-revoke" "$f""#;

impl Access {
    /// Options ssh takes (rsync passes them through `-e`).
    fn options(&self) -> Vec<String> {
        vec![
            "-i".into(),
            format!("{}/key", self.dir),
            "-o".into(),
            format!("UserKnownHostsFile={}/known_hosts", self.dir),
            "-o".into(),
            "StrictHostKeyChecking=yes".into(),
            "-o".into(),
            "IdentitiesOnly=yes".into(),
            "-o".into(),
            "BatchMode=yes".into(),
        ]
    }

    /// `ssh` arguments up to and including `user@host` (the remote command follows).
    pub fn ssh_args(&self) -> Vec<String> {
        let mut a = self.options();
        a.extend([
            "-p".into(),
            self.port.to_string(),
            format!("{}@{}", self.user, self.host),
        ]);
        a
    }

    /// The `-e` value for rsync, and the `user@host:` prefix of remote paths.
    pub fn rsync_remote(&self) -> (String, String) {
        let shell = Cmd::new("ssh")
            .args(self.options())
            .args(["-p".into(), self.port.to_string()]);
        (
            shell.display(),
            format!("{}@{}:", self.user, bracketed(&self.host)),
        )
    }
}

fn bracketed(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
}

/// Runs `job` while `target` may reach `origin`; `tag` names the key (unique per job).
pub fn with_access<T>(
    origin: &Origin<'_>,
    target: &dyn Transport,
    tag: &str,
    job: impl FnOnce(&Access) -> Result<T>,
) -> Result<T> {
    let verified = origin.t.target().host_key.clone().context(
        "server-to-server access needs an SSH source whose host key hostops verified: use --relay",
    )?;
    let dir = transport::run_ok(
        target,
        &Cmd::new("mktemp").args(["-d", "/tmp/hostops-access.XXXXXX"]),
    )?
    .stdout_text()
    .trim()
    .to_string();
    let access = Access {
        dir: dir.clone(),
        host: origin.host.into(),
        port: origin.port,
        user: origin.user.into(),
    };
    let comment = format!("hostops-access-{tag}");
    let result = (|| -> Result<T> {
        let key = format!("{dir}/key");
        transport::run_ok(
            target,
            &Cmd::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", &comment, "-f", &key]),
        )?;
        let public =
            transport::run_ok(target, &Cmd::new("cat").arg(format!("{key}.pub")))?.stdout_text();
        pin_origin_key(origin, target, &verified, &dir)?;
        transport::run_ok(
            origin.t,
            &Cmd::script("sh", AUTHORIZE).arg(format!("restrict {}", public.trim())),
        )?;
        let done = job(&access);
        let revoked = transport::run_ok(origin.t, &Cmd::script("sh", REVOKE).arg(&comment));
        let done = done?;
        revoked?;
        Ok(done)
    })();
    let cleaned = transport::run(
        target,
        &Cmd::new("rm").args(["-rf", "--", &dir]),
        None,
        None,
    );
    let done = result?;
    cleaned?;
    Ok(done)
}

/// Writes the target's known_hosts with only the origin key(s) whose fingerprint hostops
/// verified.
fn pin_origin_key(
    origin: &Origin<'_>,
    target: &dyn Transport,
    verified: &str,
    dir: &str,
) -> Result<()> {
    let scan = transport::run(
        target,
        &Cmd::new("ssh-keyscan").args(["-p", &origin.port.to_string(), "--", origin.host]),
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
            "{} reaches {}:{} but is not shown the host key hostops verified ({verified}): refusing; check \
             the address, or use --relay",
            target.target().name,
            origin.host,
            origin.port
        );
    }
    let known = format!("{}\n", matching.join("\n"));
    target.upload(
        &mut known.as_bytes(),
        &format!("{dir}/known_hosts"),
        &transport::copy::NoProgress,
    )?;
    Ok(())
}
