//! Stopping remote commands when hostops is interrupted: SIGINT/SIGTERM must not leave
//! commands running on servers after hostops has gone. The signal handler raises a flag and
//! waits for the commands in flight to stop; transports check the flag while they pump.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Whether hostops was asked to stop: transports stop their commands and start no more.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// Asks every command in flight to stop, and waits until they have (or `limit` passed).
pub fn stop_all(limit: Duration) {
    REQUESTED.store(true, Ordering::SeqCst);
    let deadline = Instant::now() + limit;
    while IN_FLIGHT.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One command in flight, from before it starts until its end is recorded: [`stop_all`]
/// waits for it. Refused (None) once hostops is stopping.
pub struct InFlight(());

impl InFlight {
    pub fn enter() -> Option<InFlight> {
        IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
        let guard = InFlight(());
        (!requested()).then_some(guard)
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}
