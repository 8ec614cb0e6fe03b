//! hostops integration tests: one binary. `cli`, `journal` and `reference` run anywhere;
//! `ssh` starts real OpenSSH servers with tests/lab/lab (root needed, as in CI).

mod cli;
mod journal;
mod migrate;
mod playbook;
mod reference;
mod ssh;
mod support;
