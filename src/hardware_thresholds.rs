//! The thresholds of `diagnose hardware` (`[diagnose_hardware]` in the config file), below
//! both the config file and the checks that use them.

use serde::Deserialize;

/// Counters judged against `[warn, fail]`: a reading at or above `warn` is WARN, at or above
/// `fail` FAIL; `inf` never reaches. The defaults are the vendors' rule of thumb: a pending or
/// uncorrectable sector, an uncorrected memory error fail at once; reallocated sectors,
/// NVMe media errors and corrected memory errors warn; wear warns at 80 % and fails at 100 %.
/// A counter that went up since the previous run fails whatever these say.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct HardwareThresholds {
    /// SMART 5 Reallocated_Sector_Ct (SCSI: the grown defect list).
    pub reallocated_sectors: [f64; 2],
    /// SMART 197 Current_Pending_Sector.
    pub pending_sectors: [f64; 2],
    /// SMART 198 Offline_Uncorrectable.
    pub uncorrectable_sectors: [f64; 2],
    pub nvme_media_errors: [f64; 2],
    /// NVMe `percentage_used`.
    pub nvme_wear_pct: [f64; 2],
    /// EDAC corrected errors of one DIMM (or controller).
    pub memory_corrected: [f64; 2],
    /// EDAC uncorrected errors of one DIMM (or controller).
    pub memory_uncorrected: [f64; 2],
}

impl Default for HardwareThresholds {
    fn default() -> Self {
        HardwareThresholds {
            reallocated_sectors: [1.0, f64::INFINITY],
            pending_sectors: [1.0, 1.0],
            uncorrectable_sectors: [1.0, 1.0],
            nvme_media_errors: [1.0, f64::INFINITY],
            nvme_wear_pct: [80.0, 100.0],
            memory_corrected: [1.0, f64::INFINITY],
            memory_uncorrected: [1.0, 1.0],
        }
    }
}
