//! Account migration between two servers running the same control panel: the preflight plan
//! (`migrate plan`) and the run that carries it out step by step (`migrate run`, `--resume`).

pub mod gather;
pub mod rules;
pub mod run;
pub mod steps;

pub use gather::{plan, PlanRequest, Selection};
pub use rules::{AccountPlan, HostSide, Plan};
