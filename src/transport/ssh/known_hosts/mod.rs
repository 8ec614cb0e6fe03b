//! Host key checking with OpenSSH's StrictHostKeyChecking semantics: a known key must match;
//! an unknown host is refused unless the engineer accepts its SHA256 fingerprint (prompt or
//! --accept-new-host-key); a CHANGED or `@revoked` key is always refused. The file is read by
//! our own parser ([`file`]): libssh2's ignores `@revoked`, negated patterns and port rules,
//! and rejects the whole file for one bad line.

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

mod file;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use sha2::{Digest, Sha256};
use ssh2::{MethodType, Session};

pub use file::Entry;
use file::Marker;

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

/// What known_hosts says about a presented key.
enum Verdict {
    Known,
    Revoked,
    /// Recorded keys of the same type, none of them the presented one.
    Changed(Vec<String>),
    Unknown,
}

/// The lines of `ep.known_hosts` that apply to `ep` (bad lines are skipped with a warning).
pub fn applicable(ep: &Endpoint) -> Result<Vec<Entry>, TransportError> {
    let name = lookup_name(ep);
    let entries = file::read(&ep.known_hosts, &mut |w| tracing::warn!("{w}")).map_err(|e| {
        TransportError::Other(format!(
            "cannot read known_hosts file `{}`: {e}",
            ep.known_hosts.display()
        ))
    })?;
    Ok(entries
        .into_iter()
        .filter(|e| e.marker != Marker::CertAuthority && e.applies_to(&name))
        .collect())
}

/// OpenSSH's order: a revoked key is refused whatever else is on file; then the key must be
/// one on file; a host with other keys of that type on file has CHANGED.
fn judge(entries: &[Entry], key: &[u8]) -> Verdict {
    if entries
        .iter()
        .any(|e| e.marker == Marker::Revoked && e.key == key)
    {
        return Verdict::Revoked;
    }
    let plain = entries.iter().filter(|e| e.marker == Marker::None);
    if plain.clone().any(|e| e.key == key) {
        return Verdict::Known;
    }
    let same_type: Vec<String> = plain
        .filter(|e| key_type(&e.key) == key_type(key))
        .map(|e| fingerprint(&e.key))
        .collect();
    if same_type.is_empty() {
        Verdict::Unknown
    } else {
        Verdict::Changed(same_type)
    }
}

/// Asks the server for the key types we already know for it first, as OpenSSH does; otherwise
/// a server with an ed25519 key on file could present RSA and look "unknown".
pub fn prefer_known_key_types(session: &Session, known: &[Entry]) {
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
    for kind in known
        .iter()
        .filter(|e| e.marker == Marker::None)
        .filter_map(|e| key_type(&e.key))
    {
        let names: &[&str] = match kind {
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
    known: &[Entry],
    opts: &SshOptions,
    prompter: &dyn Prompter,
) -> Result<String, TransportError> {
    let (key, _) = session
        .host_key()
        .ok_or_else(|| TransportError::Other(format!("{}: server sent no host key", ep.name)))?;
    let presented = fingerprint(key);
    let file = ep.known_hosts.display().to_string();
    match judge(known, key) {
        Verdict::Known => Ok(presented),
        Verdict::Revoked => Err(TransportError::HostKeyRevoked {
            host: ep.name.clone(),
            address: ep.address(),
            fingerprint: presented,
            known_hosts: file,
        }),
        Verdict::Changed(recorded) => {
            Err(TransportError::HostKeyChanged(Box::new(ChangedHostKey {
                host: ep.name.clone(),
                address: ep.address(),
                lookup: lookup_name(ep),
                presented,
                recorded: recorded.join(", "),
                known_hosts: file,
            })))
        }
        Verdict::Unknown => {
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

    const ED: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
    const ED2: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIIoocC+unOM/+hNiXlbKVXmg8KqPPBBVmWIqgGua+iPM";

    fn verdict(text: &str, name: &str, presented: &str) -> &'static str {
        let entries: Vec<Entry> = file::parse(text, &mut |_, _| {})
            .into_iter()
            .filter(|e| e.marker != Marker::CertAuthority && e.applies_to(name))
            .collect();
        match judge(&entries, &STANDARD.decode(presented).unwrap()) {
            Verdict::Known => "known",
            Verdict::Revoked => "revoked",
            Verdict::Changed(_) => "changed",
            Verdict::Unknown => "unknown",
        }
    }

    #[test]
    fn a_revoked_key_is_refused_even_when_also_listed() {
        let both = format!("h1 ssh-ed25519 {ED}\n@revoked h1 ssh-ed25519 {ED}\n");
        assert_eq!(verdict(&both, "h1", ED), "revoked");
        let only = format!("@revoked * ssh-ed25519 {ED}\n");
        assert_eq!(verdict(&only, "h1", ED), "revoked");
        assert_eq!(verdict(&only, "h1", ED2), "unknown");
    }

    #[test]
    fn port_entries_and_plain_entries_do_not_mix() {
        let text = format!("10.0.0.1 ssh-ed25519 {ED}\n[10.0.0.1]:2222 ssh-ed25519 {ED2}\n");
        assert_eq!(verdict(&text, "[10.0.0.1]:2222", ED2), "known");
        assert_eq!(verdict(&text, "[10.0.0.1]:2222", ED), "changed");
        assert_eq!(verdict(&text, "10.0.0.1", ED), "known");
        assert_eq!(verdict(&text, "[10.0.0.1]:2200", ED), "unknown");
    }

    #[test]
    fn a_negated_pattern_keeps_a_line_off_a_host() {
        let text = format!("10.0.0.*,!10.0.0.5 ssh-ed25519 {ED}\n");
        assert_eq!(verdict(&text, "10.0.0.4", ED), "known");
        assert_eq!(verdict(&text, "10.0.0.5", ED), "unknown");
    }

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
