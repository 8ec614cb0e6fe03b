//! What happens when hostops is stopped by SIGINT or SIGTERM: the commands running on hosts
//! stop, the run is journaled as interrupted, and the user is told how to continue.

use std::sync::{Arc, OnceLock};

use crate::exit::ExitStatus;
use crate::journal::{RunLog, RunStatus};

/// What to tell the user when the run is interrupted (how to continue it), set by commands
/// that can be resumed once there is something to resume.
static INTERRUPT_HINT: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);

/// Prints `hint` on stderr if the run is interrupted from now on.
pub fn hint(hint: String) {
    *INTERRUPT_HINT.lock().unwrap_or_else(|p| p.into_inner()) = Some(hint);
}

/// On SIGINT/SIGTERM the commands running on hosts are stopped (and their ends journaled),
/// then the run is recorded as interrupted and hostops exits 130. (SIGKILL cannot be caught:
/// such a run has no end event and reads back as interrupted.)
pub fn record(log: Arc<RunLog>) {
    static ACTIVE: OnceLock<Arc<RunLog>> = OnceLock::new();
    if ACTIVE.set(log).is_ok() {
        let _ = ctrlc::set_handler(|| {
            crate::transport::interrupt::stop_all(std::time::Duration::from_secs(8));
            if let Some(log) = ACTIVE.get() {
                let _ = log.finish(ExitStatus::Interrupted.code(), RunStatus::Interrupted);
            }
            eprintln!("hostops: interrupted");
            if let Some(hint) = INTERRUPT_HINT
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .as_ref()
            {
                eprintln!("{hint}");
            }
            std::process::exit(ExitStatus::Interrupted.code());
        });
    }
}
