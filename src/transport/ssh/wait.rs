//! Waiting on the SSH socket in non-blocking mode, in the direction libssh2 says it is blocked.

use std::os::fd::RawFd;
use std::time::Duration;

use ssh2::{BlockDirections, Session};

/// Sleeps until the socket is ready in the direction `session` is blocked on, or `limit` passes.
pub fn for_socket(session: &Session, socket: RawFd, limit: Duration) {
    for_fds(&[(socket, session.block_directions())], limit);
}

/// Like [`for_socket`] for several descriptors at once (the jump-host bridge).
pub fn for_fds(fds: &[(RawFd, BlockDirections)], limit: Duration) {
    let mut polls: Vec<libc::pollfd> = fds
        .iter()
        .map(|(fd, dir)| libc::pollfd {
            fd: *fd,
            events: match dir {
                BlockDirections::Inbound => libc::POLLIN,
                BlockDirections::Outbound => libc::POLLOUT,
                BlockDirections::Both => libc::POLLIN | libc::POLLOUT,
                BlockDirections::None => libc::POLLIN,
            },
            revents: 0,
        })
        .collect();
    let ms = limit.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: `polls` is a valid, exclusively borrowed array of pollfd for the whole call.
    unsafe { libc::poll(polls.as_mut_ptr(), polls.len() as libc::nfds_t, ms) };
}
