//! Account migration between two servers running the same control panel. This session has
//! the preflight (`migrate plan`); run, verify and sync build on the same plan.

pub mod gather;
pub mod rules;

pub use gather::{plan, PlanRequest, Selection};
pub use rules::{AccountPlan, HostSide, Plan};
