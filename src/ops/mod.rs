//! The support tasks. Ops never see clap: they take the Context and typed options and return
//! typed results that commands render as tables or JSON.

pub mod account;
pub mod backup;
pub mod blacklist;
pub mod copy;
pub mod diagnose;
pub mod dns;
pub mod exec;
pub mod facts;
pub mod fanout;
pub mod handoff;
pub mod hosts;
pub mod journal_read;
pub mod mail;
pub mod migrate;
pub mod outcome;
pub mod password;
pub mod playbook;
pub mod pull_access;
pub mod runner;
pub mod shared_journal;
pub mod ticket;
pub mod transfer;
pub mod web;
