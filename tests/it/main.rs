//! hostops integration tests: one binary. `cli`, `journal` and `reference` run anywhere;
//! `ssh` and `exec` start real OpenSSH servers with tests/lab/lab (root needed, as in CI);
//! `blacklist` starts a real rbldnsd on loopback port 53 (root and the Debian package, as in CI);
//! `shared_journal` starts a throwaway PostgreSQL cluster on loopback (Debian's postgresql).
//! `weblab` starts lab hosts with their real Apache and PHP-FPM (`lab up --web`).

mod account;
mod backup;
mod blacklist;
mod builder;
mod cli;
mod copy;
mod diagnose_hardware;
mod diagnose_load;
mod dns;
mod dnsbl_fixture;
mod exec;
mod hostile;
mod journal;
mod json_envelope;
mod known_hosts;
mod mail;
mod maillab;
mod migrate;
mod migrate_access;
mod migrate_verify;
mod password;
mod pg_cluster;
mod plan_snapshots;
mod playbook;
mod policy;
mod reference;
mod shared_journal;
mod ssh;
mod ssh_config;
mod support;
mod ticket;
mod web;
mod weblab;
