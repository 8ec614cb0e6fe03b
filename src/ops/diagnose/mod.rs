//! `hostops diagnose ...`: read-only investigations of a host, one round trip each, with a
//! verdict per check and the evidence behind it.

pub mod hardware;
