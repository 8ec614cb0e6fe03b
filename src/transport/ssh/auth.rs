//! User authentication in OpenSSH's order: identity files, every ssh-agent identity (libssh2's
//! own agent call tries only the first), then keyboard-interactive and password, which are
//! asked for on a terminal only.

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use ssh2::{KeyboardInteractivePrompt, Prompt, Session};

use super::{Endpoint, Prompter};
use crate::transport::TransportError;

pub fn authenticate(
    session: &Session,
    ep: &Endpoint,
    prompter: &dyn Prompter,
) -> Result<(), TransportError> {
    let user = ep.user.as_str();
    let offered = match session.auth_methods(user) {
        Ok(m) => m.to_string(),
        Err(_) if session.authenticated() => return Ok(()),
        Err(e) => {
            return Err(TransportError::Connect {
                host: ep.name.clone(),
                address: ep.address(),
                reason: format!("asking for auth methods: {}", e.message()),
            })
        }
    };
    let mut tried: Vec<String> = Vec::new();

    if offered.contains("publickey") {
        for key in identity_candidates(ep) {
            if try_key(session, user, &key, prompter) {
                return Ok(());
            }
            tried.push(format!("key {} rejected", key.display()));
        }
        match try_agent(session, user) {
            Ok(true) => return Ok(()),
            Ok(false) => tried.push("ssh-agent identities rejected".into()),
            Err(why) => tried.push(format!("ssh-agent {why}")),
        }
    }
    if offered.contains("keyboard-interactive") && prompter.can_prompt() {
        let mut answer = AskOnTerminal(prompter);
        if session
            .userauth_keyboard_interactive(user, &mut answer)
            .is_ok()
        {
            return Ok(());
        }
        tried.push("keyboard-interactive rejected".into());
    }
    if offered.contains("password") {
        match prompter.secret(&format!("Password for {user}@{}: ", ep.name)) {
            Some(pw) if session.userauth_password(user, &pw).is_ok() => return Ok(()),
            Some(_) => tried.push("password rejected".into()),
            None => tried.push("password not tried (no terminal to ask on)".into()),
        }
    }
    Err(TransportError::Auth {
        host: ep.name.clone(),
        address: ep.address(),
        user: user.to_string(),
        tried: format!("{} (server offers: {offered})", tried.join("; ")),
    })
}

/// The configured identity files, or OpenSSH's defaults that exist.
fn identity_candidates(ep: &Endpoint) -> Vec<PathBuf> {
    if !ep.identity_files.is_empty() {
        return ep.identity_files.clone();
    }
    let Some(home) = std::env::var_os("HOME") else {
        return Vec::new();
    };
    ["id_ed25519", "id_ecdsa", "id_rsa"]
        .iter()
        .map(|n| Path::new(&home).join(".ssh").join(n))
        .filter(|p| p.exists())
        .collect()
}

fn try_key(session: &Session, user: &str, key: &Path, prompter: &dyn Prompter) -> bool {
    let public = key.with_extension(match key.extension() {
        Some(ext) => format!("{}.pub", ext.to_string_lossy()),
        None => "pub".into(),
    });
    let public = public.exists().then_some(public.as_path());
    if session
        .userauth_pubkey_file(user, public, key, None)
        .is_ok()
    {
        return true;
    }
    if is_encrypted(key) {
        if let Some(pass) = prompter.secret(&format!("Passphrase for {}: ", key.display())) {
            return session
                .userauth_pubkey_file(user, public, key, Some(&pass))
                .is_ok();
        }
    }
    false
}

/// Err(reason) when there is no usable agent; Ok(false) when every identity was rejected.
fn try_agent(session: &Session, user: &str) -> Result<bool, String> {
    if std::env::var_os("SSH_AUTH_SOCK").is_none() {
        return Err("not running (SSH_AUTH_SOCK unset)".into());
    }
    let mut agent = session.agent().map_err(|e| e.message().to_string())?;
    agent
        .connect()
        .map_err(|e| format!("unreachable: {}", e.message()))?;
    agent
        .list_identities()
        .map_err(|e| e.message().to_string())?;
    let ids = agent.identities().map_err(|e| e.message().to_string())?;
    let ok = ids.iter().any(|id| agent.userauth(user, id).is_ok());
    let _ = agent.disconnect();
    Ok(ok)
}

/// Whether a private key file needs a passphrase (PEM `ENCRYPTED`, or an OpenSSH key whose
/// cipher is not `none`).
fn is_encrypted(key: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(key) else {
        return false;
    };
    if text.contains("ENCRYPTED") {
        return true;
    }
    let body: String = text.lines().filter(|l| !l.starts_with("-----")).collect();
    let Ok(raw) = STANDARD.decode(body.trim()) else {
        return false;
    };
    let magic = b"openssh-key-v1\0";
    let Some(rest) = raw.strip_prefix(magic.as_slice()) else {
        return false;
    };
    let Some(len) = rest
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .map(u32::from_be_bytes)
    else {
        return false;
    };
    rest.get(4..4 + len as usize)
        .is_some_and(|cipher| cipher != b"none")
}

struct AskOnTerminal<'a>(&'a dyn Prompter);

impl KeyboardInteractivePrompt for AskOnTerminal<'_> {
    fn prompt<'b>(
        &mut self,
        _user: &str,
        instructions: &str,
        prompts: &[Prompt<'b>],
    ) -> Vec<String> {
        if !instructions.is_empty() {
            eprintln!("{instructions}");
        }
        prompts
            .iter()
            .map(|p| self.0.secret(&p.text).unwrap_or_default())
            .collect()
    }
}
