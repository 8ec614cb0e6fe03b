//! `hostops mail ...`: e-mail in depth on exim servers: the main log as typed events, joined
//! into messages with one verdict each, and the trace that finds them on the server.

pub mod eximlog;
pub mod join;
pub mod trace;
pub mod words;
