//! hostops: L2/L3 web-hosting support tasks over SSH, each run journaled against a ticket.
//!
//! Layers (data flows down): `cli` (clap types) -> `commands` (argv to options, rendering)
//! -> `ops` (the support tasks) -> `panel` / `transport` / `journal` / `inventory`.

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
#[cfg(test)]
mod cycles;
pub mod exit;
pub mod hardware_thresholds;
pub mod hex;
pub mod host;
pub mod identity;
pub mod inventory;
pub mod journal;
pub mod level;
pub mod load_thresholds;
pub mod ops;
pub mod output;
pub mod panel;
pub mod secret;
pub mod thresholds;
pub mod ticket;
pub mod transport;

/// Parses argv, runs one command and returns the process exit code.
pub fn main_entry() -> i32 {
    commands::main(std::env::args_os().collect()).code()
}
