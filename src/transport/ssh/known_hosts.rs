//! Host key checking with OpenSSH's StrictHostKeyChecking semantics: a known key must match;
//! an unknown host is refused unless the engineer accepts its SHA256 fingerprint (prompt or
//! --accept-new-host-key); a CHANGED key is always refused, naming both fingerprints.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use sha2::{Digest, Sha256};
use ssh2::{CheckResult, KnownHostFileKind, MethodType, Session};

use super::{Endpoint, Prompter, SshOptions};
use crate::transport::{ChangedHostKey, TransportError};

/// OpenSSH's fingerprint of a key blob: `SHA256:` and unpadded base64 of its SHA-256.
pub fn fingerprint(blob: &[u8]) -> String {
    format!("SHA256:{}", STANDARD_NO_PAD.encode(Sha256::digest(blob)))
}

/// The name an entry for this endpoint has in known_hosts (`host`, or `[host]:port`).
fn lookup_name(ep: &Endpoint) -> String {
    if ep.port == 22 {
        ep.host.clone()
    } else {
        format!("[{}]:{}", ep.host, ep.port)
    }
}

/// A plain (unhashed) known_hosts line for `name`: (key type, key blob).
fn plain_entries(path: &Path, name: &str) -> Vec<(String, Vec<u8>)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('@'))
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (hosts, kind, key) = (f.next()?, f.next()?, f.next()?);
            hosts
                .split(',')
                .any(|h| h == name)
                .then(|| Some((kind.to_string(), STANDARD.decode(key).ok()?)))?
        })
        .collect()
}

/// Asks the server for the key types we already know for it first, as OpenSSH does; otherwise
/// a server with an ed25519 key on file could present RSA and look "unknown".
pub fn prefer_known_key_types(session: &Session, ep: &Endpoint) {
    const ALL: [&str; 7] = [
        "ssh-ed25519",
        "ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384",
        "ecdsa-sha2-nistp521",
        "rsa-sha2-512",
        "rsa-sha2-256",
        "ssh-rsa",
    ];
    let mut prefs: Vec<&str> = Vec::new();
    for (kind, _) in plain_entries(&ep.known_hosts, &lookup_name(ep)) {
        let names: &[&str] = match kind.as_str() {
            "ssh-rsa" => &["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"],
            k => match ALL.iter().find(|a| **a == k) {
                Some(a) => std::slice::from_ref(a),
                None => &[],
            },
        };
        prefs.extend(
            names
                .iter()
                .filter(|n| !prefs.contains(n))
                .collect::<Vec<_>>(),
        );
    }
    if prefs.is_empty() {
        return;
    }
    prefs.extend(
        ALL.iter()
            .filter(|a| !prefs.contains(a))
            .collect::<Vec<_>>(),
    );
    let _ = session.method_pref(MethodType::HostKey, &prefs.join(","));
}

/// Checks the session's host key against `ep.known_hosts`. Returns its fingerprint.
pub fn verify(
    session: &Session,
    ep: &Endpoint,
    opts: &SshOptions,
    prompter: &dyn Prompter,
) -> Result<String, TransportError> {
    let (key, _) = session
        .host_key()
        .ok_or_else(|| TransportError::Other(format!("{}: server sent no host key", ep.name)))?;
    let presented = fingerprint(key);
    let file = ep.known_hosts.display().to_string();
    let mut known = session
        .known_hosts()
        .map_err(|e| TransportError::Other(e.to_string()))?;
    if ep.known_hosts.exists() {
        known
            .read_file(&ep.known_hosts, KnownHostFileKind::OpenSSH)
            .map_err(|e| {
                TransportError::Other(format!(
                    "cannot read known_hosts file `{file}`: {}",
                    e.message()
                ))
            })?;
    }
    match known.check_port(&ep.host, ep.port, key) {
        CheckResult::Match => Ok(presented),
        CheckResult::Mismatch => {
            let recorded: Vec<String> = plain_entries(&ep.known_hosts, &lookup_name(ep))
                .iter()
                .map(|(_, k)| fingerprint(k))
                .collect();
            Err(TransportError::HostKeyChanged(Box::new(ChangedHostKey {
                host: ep.name.clone(),
                address: ep.address(),
                lookup: lookup_name(ep),
                presented,
                recorded: if recorded.is_empty() {
                    "another key".into()
                } else {
                    recorded.join(", ")
                },
                known_hosts: file,
            })))
        }
        CheckResult::NotFound => {
            let question = format!(
                "The authenticity of host {} ({}) can't be established.\nKey fingerprint is {}.\n\
                 Trust it and add it to {}?",
                ep.name,
                ep.address(),
                presented,
                file
            );
            let accepted =
                opts.accept_new_host_key || (prompter.can_prompt() && prompter.confirm(&question));
            if !accepted {
                return Err(TransportError::HostKeyUnknown {
                    host: ep.name.clone(),
                    address: ep.address(),
                    fingerprint: presented,
                    known_hosts: file,
                });
            }
            append(&ep.known_hosts, &lookup_name(ep), key).map_err(|e| {
                TransportError::Other(format!(
                    "cannot add {} to known_hosts `{file}`: {e}",
                    ep.name
                ))
            })?;
            Ok(presented)
        }
        CheckResult::Failure => Err(TransportError::Other(format!(
            "{}: could not check the host key against `{file}`",
            ep.name
        ))),
    }
}

/// Appends one line (never rewrites the file: comments and CA lines stay as they are).
fn append(path: &Path, name: &str, blob: &[u8]) -> std::io::Result<()> {
    let kind = key_type(blob).unwrap_or("ssh-ed25519");
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut f = OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)?;
    writeln!(f, "{name} {kind} {}", STANDARD.encode(blob))
}

/// The key type named at the start of an SSH key blob.
fn key_type(blob: &[u8]) -> Option<&str> {
    let len = u32::from_be_bytes(blob.get(..4)?.try_into().ok()?) as usize;
    std::str::from_utf8(blob.get(4..4 + len)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_matches_openssh() {
        // ssh-keygen -lf of this ed25519 public key prints the fingerprint below.
        let blob = STANDARD
            .decode("AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl")
            .unwrap();
        assert_eq!(key_type(&blob), Some("ssh-ed25519"));
        assert_eq!(
            fingerprint(&blob),
            "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU"
        );
    }
}
