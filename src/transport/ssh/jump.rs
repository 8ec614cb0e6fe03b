//! ProxyJump for libssh2, which has none: a direct-tcpip channel on the jump host, bridged to
//! one end of a local socket pair by a helper thread; the target's session runs over the other.

use std::io::{ErrorKind, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use ssh2::{BlockDirections, Channel};

use super::{wait, SshTransport};

/// Keeps the bridge thread alive; dropping it (after the target session) stops the bridge.
pub struct Tunnel {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Tunnel {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Opens `host:port` through `jump` and returns the local end of the tunnel.
pub fn open(jump: SshTransport, host: &str, port: u16) -> Result<(UnixStream, Tunnel), String> {
    let channel = jump
        .session
        .channel_direct_tcpip(host, port, None)
        .map_err(|e| format!("cannot open a tunnel to {host}:{port}: {}", e.message()))?;
    let (ours, theirs) = UnixStream::pair().map_err(|e| e.to_string())?;
    theirs.set_nonblocking(true).map_err(|e| e.to_string())?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let thread = std::thread::Builder::new()
        .name(format!("jump-{}", jump.target.name))
        .spawn(move || bridge(jump, channel, theirs, &flag))
        .map_err(|e| e.to_string())?;
    Ok((
        ours,
        Tunnel {
            stop,
            thread: Some(thread),
        },
    ))
}

fn bridge(jump: SshTransport, mut ch: Channel, mut sock: UnixStream, stop: &AtomicBool) {
    jump.session.set_blocking(false);
    let mut up = Pending::default(); // local socket -> jump channel
    let mut down = Pending::default(); // jump channel -> local socket
    let mut buf = vec![0u8; 64 * 1024];
    while !stop.load(Ordering::Relaxed) {
        let mut progressed = false;
        if up.is_empty() {
            match sock.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => up.fill(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(_) => break,
            }
        }
        match up.flush_into(&mut ch) {
            Ok(moved) => progressed |= moved,
            Err(_) => break,
        }
        if down.is_empty() {
            match ch.read(&mut buf) {
                Ok(0) if ch.eof() => break,
                Ok(n) => down.fill(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {}
                Err(_) => break,
            }
        }
        match down.flush_into(&mut sock) {
            Ok(moved) => progressed |= moved,
            Err(_) => break,
        }
        if !progressed {
            let sock_dir = if down.is_empty() {
                BlockDirections::Inbound
            } else {
                BlockDirections::Both
            };
            wait::for_fds(
                &[
                    (jump.socket, jump.session.block_directions()),
                    (sock.as_raw_fd(), sock_dir),
                ],
                Duration::from_millis(200),
            );
        }
    }
    let _ = ch.close();
}

/// Bytes read from one side and not yet written to the other.
#[derive(Default)]
struct Pending {
    data: Vec<u8>,
    done: usize,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.done == self.data.len()
    }

    fn fill(&mut self, bytes: &[u8]) {
        self.data.clear();
        self.data.extend_from_slice(bytes);
        self.done = 0;
    }

    /// Writes what it can; WouldBlock is not an error. Returns whether anything moved.
    fn flush_into(&mut self, out: &mut impl Write) -> std::io::Result<bool> {
        let mut moved = false;
        while !self.is_empty() {
            match out.write(&self.data[self.done..]) {
                Ok(0) => return Err(ErrorKind::WriteZero.into()),
                Ok(n) => {
                    self.done += n;
                    moved = true;
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) => return Err(e),
            }
        }
        Ok(moved)
    }
}
