//! Panel-agnostic tools on a server, used by every panel driver and by plain Linux hosts alike.

pub mod kv;
pub mod listing;
pub mod login;
pub mod mysql;
pub mod stat;
pub mod zone;
