//! Between a command's arguments and its one ops call: the typed report every command returns,
//! the one JSON envelope it is printed in (success and failure alike), and the one change
//! protocol every changing command goes through.

pub mod change;
pub mod envelope;
pub mod interrupt;
pub mod policy;
pub mod report;
pub mod status;

pub use change::{Action, Change, Plan};
pub use report::{finish, Finished, Report};
