//! Restoring one account from the server's own backups: list restore points, preview what a
//! restore changes, keep a safety snapshot, restore fully (the panel's tool) or in part
//! (`--only`), verify against the backup, and undo from the snapshot.

pub mod database;
pub mod links;
pub mod ownership;
pub mod parts;
pub mod points;
pub mod preview;
pub mod restore;
pub mod state;
pub mod undo;

/// The journal's name for backup operations' steps.
pub const OPERATION: &str = "backup";
