//! Memory errors from the kernel's EDAC counters (`/sys/devices/system/edac/mc/*`): corrected
//! (CE) and uncorrected (UE) errors per memory controller and per DIMM with its slot label.
//!
//! Thresholds (`[diagnose_hardware]`, by default): FAIL for any uncorrected error; WARN for
//! corrected errors (a DIMM that keeps correcting is failing slowly). No EDAC directory means no EDAC driver: "not available",
//! not "no errors".

use serde::{Deserialize, Serialize};

use super::{Finding, Part, Verdict};
use crate::hardware_thresholds::HardwareThresholds;
use crate::thresholds::{level, Level};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct McReading {
    /// `mc0`, or `mc0/dimm3` for one DIMM.
    pub name: String,
    pub ce: u64,
    pub ue: u64,
    /// The DIMM's slot label (`CPU_SrcID#0_Ha#0_Chan#1_DIMM#0`), when the driver knows it.
    pub label: Option<String>,
}

/// The probe's `edac` lines: `mc NAME CE UE` and `dimm NAME CE UE LABEL...`.
pub fn parse(text: &str) -> Vec<McReading> {
    text.lines()
        .filter_map(|l| {
            let mut w = l.splitn(5, ' ');
            let (kind, name) = (w.next()?, w.next()?);
            let ce = w.next()?.trim().parse().unwrap_or(0);
            let ue = w.next().unwrap_or("").trim().parse().unwrap_or(0);
            let label = w.next().map(str::trim).filter(|l| !l.is_empty());
            matches!(kind, "mc" | "dimm").then(|| McReading {
                name: name.to_string(),
                ce,
                ue,
                label: label.map(str::to_string),
            })
        })
        .collect()
}

pub fn judge(readings: &[McReading], t: &HardwareThresholds) -> Vec<Finding> {
    // The DIMMs say where; a controller's total only when it has no DIMM rows.
    let has_dimms = |mc: &str| {
        readings
            .iter()
            .any(|r| r.name.starts_with(&format!("{mc}/")))
    };
    readings
        .iter()
        .filter(|r| r.name.contains('/') || !has_dimms(&r.name))
        .filter_map(|r| {
            let verdict = match level(r.ue as f64, t.memory_uncorrected)
                .max(level(r.ce as f64, t.memory_corrected))
            {
                Level::Fail => Verdict::Fail,
                Level::Warn => Verdict::Warn,
                Level::Below => return None,
            };
            let slot = match &r.label {
                Some(l) => format!("{} ({l})", r.name),
                None => r.name.clone(),
            };
            Some(Finding {
                verdict,
                text: format!("{slot}: {} corrected, {} uncorrected errors", r.ce, r.ue),
                part: Some(Part {
                    kind: "memory".into(),
                    model: None,
                    serial: None,
                    slot,
                }),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncorrected_is_fail_corrected_is_warn_and_the_slot_is_named() {
        let r = parse("mc mc0 5 0\ndimm mc0/dimm0 0 0 CPU_SrcID#0_Ha#0_Chan#0_DIMM#0\ndimm mc0/dimm1 5 0 CPU_SrcID#0_Ha#0_Chan#1_DIMM#0\nmc mc1 0 2\n");
        let f = judge(&r, &HardwareThresholds::default());
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].verdict, Verdict::Warn);
        assert!(f[0].text.contains("Chan#1_DIMM#0"), "{}", f[0].text);
        assert_eq!(f[1].verdict, Verdict::Fail);
        assert!(judge(&parse("mc mc0 0 0\n"), &HardwareThresholds::default()).is_empty());
    }
}
