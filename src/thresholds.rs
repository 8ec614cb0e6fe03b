//! Where a reading stands against a `[warn, fail]` pair of the config file's thresholds
//! (`[diagnose_load]`, `[diagnose_hardware]`).

/// Below `warn`, at or above `warn`, at or above `fail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Below,
    Warn,
    Fail,
}

pub fn level(value: f64, [warn, fail]: [f64; 2]) -> Level {
    if value >= fail {
        Level::Fail
    } else if value >= warn {
        Level::Warn
    } else {
        Level::Below
    }
}
