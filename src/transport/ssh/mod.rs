//! SSH transport on libssh2 (the ssh2 crate): one session per host per run, host keys checked
//! like OpenSSH's StrictHostKeyChecking, key/agent/password/keyboard-interactive auth, and
//! ProxyJump through a tunnel on a jump host.

mod auth;
mod channel;
mod group;
mod jump;
pub mod known_hosts;
mod wait;

use std::net::{TcpStream, ToSocketAddrs};
use std::os::fd::{AsRawFd, RawFd};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use ssh2::{MethodType, Session};

use super::{Cmd, ExecIo, Exit, Target, Transport, TransportError};

/// Where and as whom to connect.
#[derive(Clone, Debug)]
pub struct Endpoint {
    /// Inventory name, for messages and the journal.
    pub name: String,
    pub host: String,
    pub port: u16,
    pub user: String,
    /// Private keys to try, in order (each with `FILE.pub` beside it or not).
    pub identity_files: Vec<PathBuf>,
    pub known_hosts: PathBuf,
}

impl Endpoint {
    pub fn address(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

/// How strict and how patient to be.
#[derive(Clone, Debug)]
pub struct SshOptions {
    pub connect_timeout: Duration,
    /// Add unknown host keys to known_hosts without asking (never a changed one).
    pub accept_new_host_key: bool,
}

/// Questions the transport may ask an engineer at a terminal. Without a terminal the answer
/// is always "no", so nothing ever waits for input in CI.
pub trait Prompter: Sync {
    fn confirm(&self, question: &str) -> bool;
    fn secret(&self, prompt: &str) -> Option<String>;
    fn can_prompt(&self) -> bool;
}

/// The prompter for runs without a terminal.
pub struct NoPrompt;

impl Prompter for NoPrompt {
    fn confirm(&self, _: &str) -> bool {
        false
    }
    fn secret(&self, _: &str) -> Option<String> {
        None
    }
    fn can_prompt(&self) -> bool {
        false
    }
}

pub struct SshTransport {
    session: Session,
    socket: RawFd,
    target: Target,
    /// Session-wide state (blocking mode) is shared by every channel: one command at a time.
    busy: Mutex<()>,
    _tunnel: Option<jump::Tunnel>,
}

impl SshTransport {
    /// Connects to `ep` through `jumps` (ProxyJump hosts, first hop first), when any.
    pub fn connect(
        ep: &Endpoint,
        jumps: &[Endpoint],
        opts: &SshOptions,
        prompter: &dyn Prompter,
    ) -> Result<SshTransport, TransportError> {
        let connect_err = |reason: String| TransportError::Connect {
            host: ep.name.clone(),
            address: ep.address(),
            reason,
        };
        let (session, socket, tunnel) = match jumps.split_last() {
            None => {
                let tcp = tcp_connect(ep, opts.connect_timeout).map_err(connect_err)?;
                let fd = tcp.as_raw_fd();
                let mut session = Session::new().map_err(|e| connect_err(e.to_string()))?;
                session.set_tcp_stream(tcp);
                (session, fd, None)
            }
            Some((jump_ep, before)) => {
                let jump_host = SshTransport::connect(jump_ep, before, opts, prompter)?;
                let (stream, tunnel) = jump::open(jump_host, &ep.host, ep.port)
                    .map_err(|e| connect_err(format!("through jump host {}: {e}", jump_ep.name)))?;
                let fd = stream.as_raw_fd();
                let mut session = Session::new().map_err(|e| connect_err(e.to_string()))?;
                session.set_tcp_stream(stream);
                (session, fd, Some(tunnel))
            }
        };
        let mut session = session;
        session.set_timeout(opts.connect_timeout.as_millis().min(u32::MAX as u128) as u32);
        let known = known_hosts::applicable(ep)?;
        known_hosts::prefer_known_key_types(&session, &known);
        prefer_fast_ciphers(&session);
        session
            .handshake()
            .map_err(|e| connect_err(format!("SSH handshake failed: {}", e.message())))?;
        let fingerprint = known_hosts::verify(&session, ep, &known, opts, prompter)?;
        auth::authenticate(&session, ep, prompter)?;
        session.set_timeout(0);
        Ok(SshTransport {
            session,
            socket,
            target: Target {
                name: ep.name.clone(),
                address: ep.address(),
                user: ep.user.clone(),
                host_key: Some(fingerprint),
            },
            busy: Mutex::new(()),
            _tunnel: tunnel,
        })
    }

    fn ssh_err(&self, context: &str, e: ssh2::Error) -> TransportError {
        if lost(&e) {
            return self.lost(context, e.message());
        }
        TransportError::Ssh {
            host: self.target.name.clone(),
            context: context.to_string(),
            message: e.message().to_string(),
        }
    }

    /// The error for a connection that went down during `during`.
    fn lost(&self, during: &str, reason: &str) -> TransportError {
        TransportError::Lost {
            host: self.target.name.clone(),
            address: self.target.address.clone(),
            during: during.to_string(),
            reason: reason.to_string(),
        }
    }

    /// The error for an I/O error of the session's streams: a lost connection, or `context`.
    /// (A channel's read error carries libssh2's message only: the session's last error says
    /// which it was.)
    fn io_err(&self, context: &str, during: &str, e: std::io::Error) -> TransportError {
        match ssh2::Error::last_session_error(&self.session) {
            Some(last) if lost(&last) => self.lost(during, last.message()),
            _ => TransportError::io(&self.target.name, context, e),
        }
    }
}

/// Whether a libssh2 error means the connection itself is gone (the socket failed or closed,
/// or the peer disconnected), rather than one channel or request failing.
fn lost(e: &ssh2::Error) -> bool {
    use ssh2::ErrorCode::Session;
    const SOCKET_SEND: i32 = -7;
    const SOCKET_DISCONNECT: i32 = -13;
    const SOCKET_TIMEOUT: i32 = -30;
    const SOCKET_RECV: i32 = -43;
    matches!(
        e.code(),
        Session(SOCKET_SEND | SOCKET_DISCONNECT | SOCKET_TIMEOUT | SOCKET_RECV)
    )
}

/// Ciphers in the order that streams fastest through libssh2 (measured on a 1 GiB relay):
/// libssh2 runs AES through OpenSSL one 16-byte block per call, where CTR costs least and
/// GCM most, and its own chacha20-poly1305 (its first choice) is portable C.
const CIPHERS: &str = "aes128-ctr,aes256-ctr,aes192-ctr,chacha20-poly1305@openssh.com,\
                       aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes256-cbc,aes192-cbc,aes128-cbc";

fn prefer_fast_ciphers(session: &Session) {
    for direction in [MethodType::CryptCs, MethodType::CryptSc] {
        // Unknown names are skipped by libssh2; failing leaves its own order, which works.
        let _ = session.method_pref(direction, CIPHERS);
    }
}

fn tcp_connect(ep: &Endpoint, timeout: Duration) -> Result<TcpStream, String> {
    let addrs = (ep.host.as_str(), ep.port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {}: {e}", ep.host))?;
    let mut last = format!("{} resolves to no address", ep.host);
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(tcp) => {
                let _ = tcp.set_nodelay(true);
                return Ok(tcp);
            }
            Err(e) => last = e.to_string(),
        }
    }
    Err(last)
}

impl Transport for SshTransport {
    fn target(&self) -> &Target {
        &self.target
    }

    fn exec(&self, cmd: &Cmd, io: ExecIo<'_>) -> Result<Exit, TransportError> {
        let _one_at_a_time = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        let remote = match io.timeout {
            Some(t) => cmd.with_remote_timeout(t.as_secs().max(1)),
            None => cmd.clone(),
        };
        let line = remote
            .to_shell_line()
            .map_err(|e| TransportError::Other(format!("{}: {e}", self.target.name)))?;
        channel::run(self, &line, cmd, io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssh2::ErrorCode::Session;

    #[test]
    fn a_dead_socket_is_a_lost_connection() {
        assert!(lost(&ssh2::Error::new(Session(-43), "transport read")));
        assert!(lost(&ssh2::Error::new(Session(-13), "socket disconnect")));
        assert!(!lost(&ssh2::Error::new(Session(-22), "channel failure")));
        let e = TransportError::Lost {
            host: "h2".into(),
            address: "127.0.0.2".into(),
            during: "`tar -C /home/bob -xpf -`".into(),
            reason: "transport read".into(),
        };
        assert!(e.unreachable());
        assert_eq!(
            e.to_string(),
            "lost the connection to h2 (127.0.0.2) during `tar -C /home/bob -xpf -`: transport read"
        );
    }
}
