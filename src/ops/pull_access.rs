//! Letting a target server reach a source server with its own OpenSSH for one command: a
//! one-off key made on the target, authorized on the source for that command only, from the
//! target's address only, and only for a few minutes (so a killed run leaves nothing that
//! works), revoked afterwards whatever happens; a known_hosts on the target holding only the
//! source host key that hostops itself verified. Leftovers of runs that no longer run are
//! removed from both servers before each new grant.

use anyhow::{bail, Context as _, Result};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::hex::hex;
use crate::identity;
use crate::inventory::HostSpec;
use crate::output::Printer;
use crate::transport::ssh::known_hosts::fingerprint;
use crate::transport::{self, Cmd, Output, Transport};

/// The server to reach, as hostops reaches it.
pub struct Origin<'a> {
    pub t: &'a dyn Transport,
    pub host: &'a str,
    pub port: u16,
    pub user: &'a str,
    /// Where to say what was granted and revoked (None: said nowhere).
    pub notes: Option<&'a Printer>,
}

impl<'a> Origin<'a> {
    /// `host`, reached by hostops over `t`.
    pub fn new(t: &'a dyn Transport, host: &'a HostSpec) -> Self {
        Origin {
            t,
            host: &host.address,
            port: host.port,
            user: &host.user,
            notes: None,
        }
    }

    /// The same, saying on `printer` what each grant allowed and that it was revoked.
    pub fn noting(self, printer: &'a Printer) -> Self {
        Origin {
            notes: Some(printer),
            ..self
        }
    }

    fn note(&self, text: &str) {
        if let Some(p) = self.notes {
            p.status(text);
        }
    }
}

/// The one command a grant allows on the origin.
pub enum Remote<'a> {
    /// Run by `ssh ... REMOTE` on the target (see [`Access::ssh_args`]).
    Command(&'a Cmd),
    /// The rsync server an rsync on the target starts: the client command, given the `-e`
    /// shell and the `user@host:` prefix.
    Rsync(&'a dyn Fn(&str, &str) -> Cmd),
}

/// What the target's own ssh and rsync need to reach the origin during the job.
pub struct Access {
    dir: String,
    host: String,
    port: u16,
    user: String,
}

/// Every hostops key's comment and every private key directory on a target begins so.
const PREFIX: &str = "hostops-access-";
/// A key is accepted for this long after it is granted: each key serves one connection,
/// opened at once (an open connection outlives the key's expiry).
const LIFETIME_MINUTES: u32 = 10;
/// Private key directories of an older hostops (no expiry recorded) are removed this old.
const LEGACY_DIR_MINUTES: i64 = 60;

// authorized_keys is edited under flock(1) on ~/.ssh itself: jobs handled in parallel add and
// revoke their keys at the same time. A revocation writes a new file and renames it into
// place, so sshd, which reads the file without a lock while other jobs log in, never sees it
// half-written. Keys are revoked by their public key (one whole field), never by comment.
/// `$1` minutes, `$2` the options after expiry-time, `$3` the public key line. Prints the
/// expiry (the source's local time, as sshd reads it).
const AUTHORIZE: &str = r#"set -e
umask 077
e=$(date -d "+$1 minutes" +%Y%m%d%H%M%S 2>/dev/null || date -v+"$1"M +%Y%m%d%H%M%S)
mkdir -p "$HOME/.ssh"
exec 9<"$HOME/.ssh"
flock -w 60 9
printf 'restrict,expiry-time="%s",%s %s\n' "$e" "$2" "$3" >> "$HOME/.ssh/authorized_keys"
printf '%s\n' "$e""#;
/// `$@` the public keys (base64 fields) to revoke.
const REVOKE: &str = r#"f="$HOME/.ssh/authorized_keys"
[ -f "$f" ] || exit 0
exec 9<"$HOME/.ssh" || exit 1
flock -w 60 9 || exit 1
umask 077
keys=$(printf '%s\n' "$@")
awk -v keys="$keys" 'BEGIN { n = split(keys, k, "\n"); for (i = 1; i <= n; i++) drop[k[i]] = 1 }
  { for (i = 1; i <= NF; i++) if ($i in drop) next; print }' "$f" > "$f.hostops-revoke" || exit 1
mv -f -- "$f.hostops-revoke" "$f""#;
/// The source's time, then every hostops key line.
const LIST_KEYS: &str = r#"date +%Y%m%d%H%M%S
f="$HOME/.ssh/authorized_keys"
[ -f "$f" ] || exit 0
grep -F -- 'hostops-access-' "$f" || true"#;
/// The target's time, then `EXPIRES MTIME PATH` of every private key directory (EXPIRES 0:
/// an older hostops's, which recorded none).
const LIST_DIRS: &str = r#"date +%s
for d in /tmp/hostops-access.*; do
  [ -d "$d" ] && [ ! -L "$d" ] || continue
  e=$(cat -- "$d/expires" 2>/dev/null) || e=0
  printf '%s %s %s\n' "${e:-0}" "$(stat -c %Y -- "$d")" "$d"
done"#;
/// `$1` the origin's address or name: the address the target connects to it from.
const FROM_ADDRESS: &str = r#"a=$(getent ahosts "$1" 2>/dev/null | awk 'NR == 1 { print $1 }')
ip -o route get "${a:-$1}" 2>/dev/null | awk '{ for (i = 1; i < NF; i++) if ($i == "src") { print $(i + 1); exit } }'"#;
/// `$1` the key directory, `$2` the expiry (epoch seconds), `$3` the comment: the key made.
const MAKE_KEY: &str = r#"set -e
umask 077
printf '%s\n' "$2" > "$1/expires"
ssh-keygen -q -t ed25519 -N '' -C "$3" -f "$1/key"
cat -- "$1/key.pub""#;
/// `$1` the key directory: a stand-in ssh for rsync that records the command rsync would
/// have the origin run, one argument a line.
const CAPTURE: &str = r#"printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "$0.args"\nexit 1\n' > "$1/capture" && chmod 0700 "$1/capture""#;
/// `$1` the key directory, then the command: the command runs, and the directory (the
/// private key) is removed when it ends, even when hostops is gone by then.
const KEYED: &str = r#"dir=$1; shift
trap 'rm -rf -- "$dir"' EXIT
trap 'exit 129' HUP
trap 'exit 143' TERM
"$@""#;

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
        (shell.display(), self.prefix())
    }

    fn prefix(&self) -> String {
        format!("{}@{}:", self.user, bracketed(&self.host))
    }

    /// Runs `cmd` on the target, which removes the private key when `cmd` ends, whether or
    /// not hostops is still there to.
    pub fn run(&self, target: &dyn Transport, cmd: &Cmd) -> Result<Output> {
        let keyed = Cmd::script("sh", KEYED)
            .arg(&self.dir)
            .args(cmd.argv().iter().cloned());
        Ok(transport::run_ok(target, &keyed)?)
    }

    /// The command line the origin will be asked to run for `remote`.
    fn remote_line(&self, target: &dyn Transport, remote: &Remote<'_>) -> Result<String> {
        match remote {
            Remote::Command(cmd) => Ok(cmd.to_shell_line()?),
            Remote::Rsync(client) => {
                transport::run_ok(target, &Cmd::script("sh", CAPTURE).arg(&self.dir))?;
                let capture = format!("{}/capture", self.dir);
                transport::run(target, &client(&capture, &self.prefix()), None, None)?;
                let args =
                    transport::run_ok(target, &Cmd::new("cat").arg(format!("{capture}.args")))?
                        .stdout_text();
                let args: Vec<&str> = args.lines().collect();
                let host = args
                    .iter()
                    .position(|a| *a == self.host)
                    .context("rsync did not name the source when asked for its remote command")?;
                Ok(args[host + 1..].join(" "))
            }
        }
    }
}

fn bracketed(host: &str) -> String {
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host.to_string()
    }
}

/// The comment of this process's key for job `tag`: one safe word, `PREFIX` then this
/// machine, this process and the job, each as hex or digits (whatever the account names in
/// `tag` hold), so that the next run can tell whether the job still runs.
fn token(tag: &str) -> String {
    let machine = hex(&Sha256::digest(identity::machine().as_bytes())[..4]);
    let job = hex(&Sha256::digest(tag.as_bytes())[..6]);
    format!("{PREFIX}{machine}.{}.{job}", std::process::id())
}

/// Whether the job that made the key or directory named by `token` (`PREFIX` stripped) is
/// known to run no longer: made on this machine by a process that is gone. None: not one of
/// this hostops's tokens.
fn gone(token: &str) -> Option<bool> {
    let mut parts = token.split('.');
    let (machine, pid) = (parts.next()?, parts.next()?.parse::<u32>().ok()?);
    parts.next()?;
    let here = hex(&Sha256::digest(identity::machine().as_bytes())[..4]);
    Some(machine == here && !identity::hostops_alive(pid))
}

/// The forced command of a key that allows only `line`: the origin's shell runs what the
/// target asked when its SHA-256 is that of `line`, and refuses anything else. Quoted for
/// authorized_keys.
fn forced_command(line: &str) -> String {
    let sum = hex(&Sha256::digest(line.as_bytes()));
    let script = format!(
        "sha256() {{ if command -v openssl >/dev/null 2>&1; then openssl dgst -sha256 -r; else sha256sum; fi; }}; \
         case $(printf %s \"$SSH_ORIGINAL_COMMAND\" | sha256) in {sum}[[:space:]]*) exec /bin/sh -c \"$SSH_ORIGINAL_COMMAND\";; esac; \
         echo \"hostops: this one-off key allows only the command it was made for\" >&2; exit 1"
    );
    format!("command=\"{}\"", script.replace('"', "\\\""))
}

/// One hostops key line of authorized_keys: its public key field, comment and expiry.
#[derive(Debug, PartialEq)]
struct KeyLine {
    key: String,
    comment: String,
    expiry: Option<String>,
}

fn key_line(line: &str) -> Option<KeyLine> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.windows(2).position(|w| {
        ["ssh-", "ecdsa-", "sk-"]
            .iter()
            .any(|p| w[0].starts_with(p))
            && w[1].starts_with("AAAA")
    })?;
    let comment = words[at + 2..].join(" ");
    let expiry = line
        .split_once("expiry-time=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(e, _)| e.to_string());
    Some(KeyLine {
        key: words[at + 1].to_string(),
        comment,
        expiry,
    })
}

/// The hostops keys of `listing` (LIST_KEYS's output) that can go: expired (by the origin's
/// clock `now`), without expiry (an older hostops's, which never expire), or whose job is gone.
fn stale_keys(listing: &str) -> Vec<String> {
    let mut lines = listing.lines();
    let now = lines.next().unwrap_or_default().trim();
    lines
        .filter_map(key_line)
        .filter(|k| k.comment.starts_with(PREFIX))
        .filter(|k| {
            let expired = k
                .expiry
                .as_deref()
                .is_none_or(|e| e.len() != now.len() || e <= now);
            expired || gone(&k.comment[PREFIX.len()..]).unwrap_or(false)
        })
        .map(|k| k.key)
        .collect()
}

/// The private key directories of `listing` (LIST_DIRS's output) that can go, by the same
/// rule as keys.
fn stale_dirs(listing: &str) -> Vec<String> {
    let mut lines = listing.lines();
    let now: i64 = lines
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    lines
        .filter_map(|l| {
            let mut f = l.splitn(3, ' ');
            let expires: i64 = f.next()?.parse().ok()?;
            let mtime: i64 = f.next()?.parse().ok()?;
            let path = f.next()?;
            let name = path.strip_prefix("/tmp/hostops-access.")?;
            let safe = name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-');
            let stale = if expires == 0 {
                now - mtime > LEGACY_DIR_MINUTES * 60
            } else {
                expires <= now || gone(name).unwrap_or(false)
            };
            (safe && stale).then(|| path.to_string())
        })
        .collect()
}

/// Removes what runs that no longer run left: their keys on the origin and their private
/// keys on the target.
fn clean_leftovers(origin: &Origin<'_>, target: &dyn Transport) -> Result<()> {
    let keys =
        stale_keys(&transport::run_ok(origin.t, &Cmd::script("sh", LIST_KEYS))?.stdout_text());
    if !keys.is_empty() {
        transport::run_ok(
            origin.t,
            &Cmd::script("sh", REVOKE).args(keys.iter().cloned()),
        )?;
        origin.note(&format!(
            "removed {} leftover one-off key(s) of runs no longer running from {}",
            keys.len(),
            origin.host
        ));
    }
    let dirs = stale_dirs(&transport::run_ok(target, &Cmd::script("sh", LIST_DIRS))?.stdout_text());
    if !dirs.is_empty() {
        transport::run_ok(
            target,
            &Cmd::new("rm")
                .args(["-rf", "--"])
                .args(dirs.iter().cloned()),
        )?;
        origin.note(&format!(
            "removed {} leftover one-off private key(s) from {}",
            dirs.len(),
            target.target().name
        ));
    }
    Ok(())
}

/// The address the origin will see the target connect from, when the target can tell.
fn from_address(origin: &Origin<'_>, target: &dyn Transport) -> Result<Option<String>> {
    let out = transport::run(
        target,
        &Cmd::script("sh", FROM_ADDRESS).arg(origin.host),
        None,
        None,
    )?;
    Ok(out
        .stdout_text()
        .trim()
        .parse::<std::net::IpAddr>()
        .ok()
        .map(|a| a.to_string()))
}

/// Runs `job` while `target` may run `remote` on `origin`; `tag` names the job (unique per
/// job, it may hold anything).
pub fn with_access<T>(
    origin: &Origin<'_>,
    target: &dyn Transport,
    tag: &str,
    remote: Remote<'_>,
    job: impl FnOnce(&Access) -> Result<T>,
) -> Result<T> {
    let verified = origin.t.target().host_key.clone().context(
        "server-to-server access needs an SSH source whose host key hostops verified: use --relay",
    )?;
    clean_leftovers(origin, target)?;
    let comment = token(tag);
    let dir = transport::run_ok(
        target,
        &Cmd::new("mktemp").args([
            "-d",
            &format!("/tmp/hostops-access.{}.XXXXXX", &comment[PREFIX.len()..]),
        ]),
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
    let result = (|| -> Result<T> {
        let expires = jiff::Timestamp::now().as_second() + i64::from(LIFETIME_MINUTES) * 60;
        let public = transport::run_ok(
            target,
            &Cmd::script("sh", MAKE_KEY).args([dir.clone(), expires.to_string(), comment.clone()]),
        )?
        .stdout_text();
        let public = public.trim();
        let key = key_line(public)
            .context("ssh-keygen printed no public key")?
            .key;
        pin_origin_key(origin, target, &verified, &dir)?;
        let line = access.remote_line(target, &remote)?;
        let from = from_address(origin, target)?;
        let mut options = String::new();
        if let Some(from) = &from {
            options.push_str(&format!("from=\"{from}\","));
        }
        options.push_str(&forced_command(&line));
        let expiry = transport::run_ok(
            origin.t,
            &Cmd::script("sh", AUTHORIZE).args([
                LIFETIME_MINUTES.to_string(),
                options,
                public.to_string(),
            ]),
        )?
        .stdout_text();
        origin.note(&format!(
            "granted {} a one-off key to {}@{} (from {}, until {} source time, only `{line}`)",
            target.target().name,
            origin.user,
            origin.host,
            from.as_deref()
                .unwrap_or("any address: the target's could not be found"),
            expiry.trim(),
        ));
        let done = job(&access);
        let revoked = transport::run_ok(origin.t, &Cmd::script("sh", REVOKE).arg(&key));
        if revoked.is_ok() {
            origin.note(&format!("revoked the one-off key on {}", origin.host));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_line_is_read_whatever_its_options_and_comment_hold() {
        let line = r#"restrict,expiry-time="20261203101500",from="10.0.0.2",command="case x in a b) ;; esac" ssh-ed25519 AAAAC3Nza hostops-access-ab.12.cd"#;
        assert_eq!(
            key_line(line),
            Some(KeyLine {
                key: "AAAAC3Nza".into(),
                comment: "hostops-access-ab.12.cd".into(),
                expiry: Some("20261203101500".into()),
            })
        );
        let legacy = "restrict ssh-ed25519 AAAAC3Nzb hostops-access-RUN-bob smith-home";
        assert_eq!(
            key_line(legacy).unwrap().comment,
            "hostops-access-RUN-bob smith-home"
        );
    }

    #[test]
    fn stale_keys_are_the_expired_the_legacy_and_those_of_gone_processes() {
        let here = hex(&Sha256::digest(identity::machine().as_bytes())[..4]);
        let alive = std::process::id();
        let listing = format!(
            "20261203100000\n\
             restrict,expiry-time=\"20261203095900\" ssh-ed25519 AAAAexpired {PREFIX}ffffffff.1.aa\n\
             restrict,expiry-time=\"20261203101000\" ssh-ed25519 AAAAelsewhere {PREFIX}ffffffff.1.aa\n\
             restrict,expiry-time=\"20261203101000\" ssh-ed25519 AAAAlive {PREFIX}{here}.{alive}.aa\n\
             restrict,expiry-time=\"20261203101000\" ssh-ed25519 AAAAgone {PREFIX}{here}.4294967295.aa\n\
             restrict ssh-ed25519 AAAAlegacy {PREFIX}RUN-bob smith\n\
             ssh-ed25519 AAAAcustomer admin@laptop\n"
        );
        // This test's own binary is named hostops-HASH: a live hostops process.
        let stale = stale_keys(&listing);
        assert!(!stale.contains(&"AAAAlive".to_string()));
        assert!(stale.contains(&"AAAAexpired".to_string()));
        assert!(stale.contains(&"AAAAgone".to_string()));
        assert!(stale.contains(&"AAAAlegacy".to_string()));
        assert!(!stale.contains(&"AAAAelsewhere".to_string()));
        assert!(!stale.contains(&"AAAAcustomer".to_string()));
    }

    #[test]
    fn stale_dirs_skip_unsafe_names_and_young_legacy_ones() {
        let listing = "10000\n\
            9000 1 /tmp/hostops-access.ffffffff.1.aa.AbC123\n\
            20000 1 /tmp/hostops-access.ffffffff.1.bb.AbC123\n\
            0 9990 /tmp/hostops-access.Young1\n\
            0 1 /tmp/hostops-access.Old123\n\
            0 1 /tmp/hostops-access.x y\n";
        assert_eq!(
            stale_dirs(listing),
            vec![
                "/tmp/hostops-access.ffffffff.1.aa.AbC123".to_string(),
                "/tmp/hostops-access.Old123".to_string()
            ]
        );
    }

    #[test]
    fn a_comment_is_one_safe_word_whatever_the_job_name_holds() {
        let t = token("20261203-101500-ab12-bob smith\n$(touch /tmp/x)\"-home");
        assert!(t.starts_with(PREFIX), "{t}");
        assert!(
            t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'),
            "{t}"
        );
        assert_eq!(gone(&t[PREFIX.len()..]), Some(false), "this process runs");
    }

    #[test]
    fn the_forced_command_names_only_a_hash() {
        let line = "cat -- '/home/x\"; rm -rf /'";
        let c = forced_command(line);
        assert!(!c.contains("rm -rf"), "{c}");
        assert!(c.contains(&hex(&Sha256::digest(line.as_bytes()))));
        // Inside the option every double quote is escaped.
        let inner = &c["command=\"".len()..c.len() - 1];
        assert!(inner.split("\\\"").all(|p| !p.contains('"')), "{c}");
    }
}
