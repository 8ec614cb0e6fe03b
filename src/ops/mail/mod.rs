//! `hostops mail ...`: e-mail in depth: exim's and postfix's logs as typed events, joined
//! into messages with one verdict each, and the trace that finds them on the server.

pub mod event;
pub mod eximlog;
pub mod join;
pub mod postfixlog;
pub mod queue;
pub mod remove;
pub mod trace;
pub mod words;
