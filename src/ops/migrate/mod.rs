//! Account migration between two servers running the same control panel: the preflight plan
//! (`migrate plan`), the run that carries it out step by step (`migrate run`, `--resume`), and
//! the final delta sync (`migrate sync`) and the comparison of both servers (`migrate verify`).

pub mod actions;
#[cfg(test)]
mod faults;
pub mod gather;
pub mod home;
pub mod pair;
pub mod preflight;
pub mod rules;
pub mod run;
pub mod start;
pub mod steps;
pub mod sync;
pub mod syncing;
pub mod verified;
pub mod verify;

pub use gather::{plan, PlanRequest, Selection};
pub use rules::{AccountPlan, HostSide, Plan};
