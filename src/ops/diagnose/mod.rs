//! `hostops diagnose ...`: read-only investigations of a server, one round trip each, with a
//! verdict per check and the evidence behind it.

pub mod hardware;
pub mod load;
pub mod load_atop;
pub mod load_checks;
pub mod load_history;
pub mod load_probe;
pub mod load_readings;
pub mod load_scores;
pub mod load_services;
pub mod load_system;
