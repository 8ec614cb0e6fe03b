//! Disks from `smartctl -a -j` (one JSON document per device): the readings a vendor asks for
//! and a verdict per disk.
//!
//! FAIL when the overall health check failed (`smart_status.passed` false, exit bit 3), an
//! attribute is at or below its threshold now (exit bit 4) or an NVMe critical warning is set;
//! WARN for an attribute below threshold in the past (bit 5) or self-test errors (bit 7); the
//! sector counters, NVMe media errors and wear against `[diagnose_hardware]`
//! (`HardwareThresholds`: by default a pending or uncorrectable sector fails, a reallocated
//! one or a media error warns, wear warns at 80 % and fails at 100 %). Exit bit 2 alone (a SMART
//! command failed: MegaRAID and SAS disks report it while healthy) is not a finding, and a
//! device without SMART (a controller's logical volume) is listed, not judged.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Finding, Part, Verdict};
use crate::hardware_thresholds::HardwareThresholds;
use crate::thresholds::{level, Level};

/// What one run read from one disk: journaled, and compared with the next run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DiskReading {
    /// The device as smartctl was asked (`/dev/sda`, `/dev/bus/0`).
    pub device: String,
    /// The `-d` type (`sat`, `nvme`, `megaraid,3`): the slot behind a controller.
    pub kind: String,
    pub model: Option<String>,
    pub serial: Option<String>,
    pub firmware: Option<String>,
    /// `smart_status.passed`; None when the device has no SMART (a logical volume).
    pub passed: Option<bool>,
    pub exit_status: u64,
    pub reallocated: Option<u64>,
    pub pending: Option<u64>,
    pub uncorrectable: Option<u64>,
    pub critical_warning: Option<u64>,
    pub percentage_used: Option<u64>,
    pub media_errors: Option<u64>,
    pub power_on_hours: Option<u64>,
    /// smartctl's own error messages (`Device open failed ...`).
    pub messages: Vec<String>,
}

impl DiskReading {
    /// `/dev/sda (megaraid,3)`: where the disk is.
    pub fn slot(&self) -> String {
        if self.kind.is_empty() || self.kind == "auto" {
            self.device.clone()
        } else {
            format!("{} ({})", self.device, self.kind)
        }
    }

    /// What identifies the disk across runs: its serial, else where it is.
    pub fn key(&self) -> String {
        self.serial.clone().unwrap_or_else(|| self.slot())
    }

    fn part(&self) -> Part {
        Part {
            kind: "disk".into(),
            model: self.model.clone(),
            serial: self.serial.clone(),
            slot: self.slot(),
        }
    }
}

/// The `-d` type to name the disk by: smartctl's resolved type (`sat+megaraid,0`), unless it
/// dropped the controller slot that was asked: a SATA disk behind an HP Smart Array comes
/// back as plain `sat` ("Device open changed type from 'sat,auto+cciss' to 'sat'"), and so
/// does one behind an Adaptec (`aacraid,0,0,N`); the slot is what the vendor needs.
fn resolved_kind(asked: &str, reported: Option<String>) -> String {
    match reported {
        Some(r) if !asked.contains(',') || r.ends_with(asked) => r,
        Some(r) => format!("{r}+{asked}"),
        None => asked.to_string(),
    }
}

/// Reads one `smartctl -a -j` document (what follows it, such as a shell's complaint on
/// stderr, is ignored); `device` and `kind` are what was asked.
pub fn parse(device: &str, kind: &str, text: &str) -> DiskReading {
    let v: Value = serde_json::Deserializer::from_str(text.trim_start())
        .into_iter::<Value>()
        .next()
        .and_then(Result::ok)
        .unwrap_or(Value::Null);
    let u = |p: &str| v.pointer(p).and_then(Value::as_u64);
    let s = |p: &str| {
        v.pointer(p)
            .and_then(Value::as_str)
            .map(|t| t.trim().to_string())
    };
    let attribute = |id: u64| {
        v.pointer("/ata_smart_attributes/table")
            .and_then(Value::as_array)
            .and_then(|t| t.iter().find(|a| a["id"].as_u64() == Some(id)))
            .and_then(|a| a.pointer("/raw/value").and_then(Value::as_u64))
    };
    let nvme = |k: &str| u(&format!("/nvme_smart_health_information_log/{k}"));
    let messages = v
        .pointer("/smartctl/messages")
        .and_then(Value::as_array)
        .map(|m| {
            m.iter()
                .filter_map(|m| m["string"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_else(|| match v {
            Value::Null if !text.trim().is_empty() => {
                vec![text.lines().last().unwrap_or("").trim().to_string()]
            }
            _ => Vec::new(),
        });
    DiskReading {
        device: device.to_string(),
        kind: resolved_kind(kind, s("/device/type")),
        model: s("/model_name").or_else(|| s("/scsi_model_name")),
        serial: s("/serial_number"),
        firmware: s("/firmware_version"),
        passed: v.pointer("/smart_status/passed").and_then(Value::as_bool),
        exit_status: u("/smartctl/exit_status").unwrap_or(0),
        reallocated: attribute(5).or_else(|| u("/scsi_grown_defect_list")),
        pending: attribute(197),
        uncorrectable: attribute(198),
        critical_warning: nvme("critical_warning"),
        percentage_used: nvme("percentage_used"),
        media_errors: nvme("media_errors"),
        power_on_hours: u("/power_on_time/hours"),
        messages,
    }
}

/// The verdict on one disk, with the readings behind it. `grown` names counters that went up
/// since the previous run (FAIL, whatever their level).
pub fn judge(d: &DiskReading, grown: &[String], t: &HardwareThresholds) -> Vec<Finding> {
    let bit = |n: u32| d.exit_status & (1 << n) != 0;
    let mut fail: Vec<String> = Vec::new();
    let mut warn: Vec<String> = Vec::new();
    if d.passed == Some(false) || bit(3) {
        fail.push("SMART overall-health self-assessment FAILED".into());
    }
    if bit(4) {
        fail.push("an attribute is at or below its failure threshold now".into());
    }
    let counters = [
        ("Current_Pending_Sector", d.pending, t.pending_sectors, ""),
        (
            "Offline_Uncorrectable",
            d.uncorrectable,
            t.uncorrectable_sectors,
            "",
        ),
        (
            "Reallocated_Sector_Ct",
            d.reallocated,
            t.reallocated_sectors,
            "",
        ),
        ("NVMe media errors", d.media_errors, t.nvme_media_errors, ""),
        ("wear", d.percentage_used, t.nvme_wear_pct, "% used"),
    ];
    for (name, value, limits, unit) in counters {
        let Some(n) = value else { continue };
        match level(n as f64, limits) {
            Level::Fail => fail.push(format!("{name} {n}{unit}")),
            Level::Warn => warn.push(format!("{name} {n}{unit}")),
            Level::Below => {}
        }
    }
    if let Some(w) = d.critical_warning.filter(|w| *w != 0) {
        fail.push(format!("NVMe critical warning 0x{w:02x}"));
    }
    if bit(5) {
        warn.push("an attribute was below its threshold in the past".into());
    }
    if bit(7) {
        warn.push("the self-test log has errors".into());
    }
    for g in grown {
        fail.push(format!("{g} went up since the previous run"));
    }
    let mut out = Vec::new();
    let named = format!(
        "{} ({}{})",
        d.slot(),
        d.model.as_deref().unwrap_or("unknown model"),
        d.serial
            .as_deref()
            .map(|s| format!(", serial {s}"))
            .unwrap_or_default()
    );
    if !fail.is_empty() {
        fail.append(&mut warn);
        out.push(Finding {
            verdict: Verdict::Fail,
            text: format!("{named}: {}", fail.join("; ")),
            part: Some(d.part()),
        });
    } else if !warn.is_empty() {
        out.push(Finding {
            verdict: Verdict::Warn,
            text: format!("{named}: {}", warn.join("; ")),
            part: Some(d.part()),
        });
    } else if bit(1) {
        out.push(Finding {
            verdict: Verdict::Warn,
            text: format!(
                "{}: could not be read ({})",
                d.slot(),
                d.messages.join("; ")
            ),
            part: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failing_ata_disk_is_fail_with_its_serial_and_attributes() {
        let d = parse(
            "/dev/sdc",
            "auto",
            include_str!("../../../../tests/fixtures/real/smartctl-ata-failing-hitachi.json"),
        );
        assert_eq!(d.serial.as_deref(), Some("MSK423Y20S3HBC"));
        assert_eq!(d.model.as_deref(), Some("Hitachi HDS721050DLE630"));
        assert_eq!((d.reallocated, d.pending), (Some(1975), Some(8)));
        let f = judge(&d, &[], &HardwareThresholds::default());
        assert_eq!(f[0].verdict, Verdict::Fail);
        assert!(f[0].text.contains("serial MSK423Y20S3HBC"), "{}", f[0].text);
        assert!(f[0].text.contains("Current_Pending_Sector 8"));
        assert!(f[0].text.contains("Reallocated_Sector_Ct 1975"));
    }

    #[test]
    fn healthy_disks_have_no_finding_even_behind_megaraid_with_exit_4() {
        for (name, text, serial) in [
            (
                "smartctl-ata-healthy-wdc.json",
                include_str!("../../../../tests/fixtures/real/smartctl-ata-healthy-wdc.json"),
                "9RK1XXXX",
            ),
            (
                "smartctl-nvme-healthy-intel.json",
                include_str!("../../../../tests/fixtures/real/smartctl-nvme-healthy-intel.json"),
                "BTNH93710FS91P0B",
            ),
            (
                "smartctl-megaraid-exit4-wd.json",
                include_str!("../../../../tests/fixtures/real/smartctl-megaraid-exit4-wd.json"),
                "XXXXXXXXXXXX",
            ),
        ] {
            let d = parse("/dev/sda", "auto", text);
            assert_eq!(d.serial.as_deref(), Some(serial));
            assert!(
                judge(&d, &[], &HardwareThresholds::default()).is_empty(),
                "{name}: {:?}",
                judge(&d, &[], &HardwareThresholds::default())
            );
        }
        let d = parse(
            "/dev/sda",
            "auto",
            include_str!("../../../../tests/fixtures/real/smartctl-megaraid-exit4-wd.json"),
        );
        assert_eq!(d.slot(), "/dev/sda (sat+megaraid,0)");
        let nvme = parse(
            "/dev/nvme0",
            "nvme",
            include_str!("../../../../tests/fixtures/real/smartctl-nvme-healthy-intel.json"),
        );
        assert_eq!(
            (nvme.critical_warning, nvme.percentage_used),
            (Some(0), Some(0))
        );
    }

    #[test]
    fn a_counter_going_up_fails_a_disk_and_garbage_is_not_a_disk_failure() {
        let mut d = parse(
            "/dev/sda",
            "sat",
            include_str!("../../../../tests/fixtures/real/smartctl-ata-healthy-wdc.json"),
        );
        d.reallocated = Some(24);
        assert_eq!(
            judge(&d, &[], &HardwareThresholds::default())
                .first()
                .map(|f| f.verdict),
            Some(Verdict::Warn)
        );
        let grown = vec!["reallocated sectors".to_string()];
        assert_eq!(
            judge(&d, &grown, &HardwareThresholds::default())[0].verdict,
            Verdict::Fail
        );
        let text =
            include_str!("../../../../tests/fixtures/real/smartctl-ata-failing-hitachi.json");
        let noisy = parse(
            "/dev/sdc",
            "sat",
            &format!("{text}sh: 1: exit: Illegal number:\n"),
        );
        assert_eq!(noisy.passed, Some(false));
        let junk = parse("/dev/sdz", "auto", "@@not json\n\u{1b}[31m");
        assert_eq!(junk.passed, None);
        assert!(judge(&junk, &[], &HardwareThresholds::default()).is_empty());
    }

    #[test]
    fn the_configured_thresholds_move_the_verdicts() {
        let mut d = parse(
            "/dev/sda",
            "sat",
            include_str!("../../../../tests/fixtures/real/smartctl-ata-healthy-wdc.json"),
        );
        d.reallocated = Some(24);
        d.percentage_used = Some(75);
        let verdict = |t: &HardwareThresholds| judge(&d, &[], t).first().map(|f| f.verdict);
        let strict = HardwareThresholds {
            reallocated_sectors: [1.0, 10.0],
            ..HardwareThresholds::default()
        };
        assert_eq!(verdict(&strict), Some(Verdict::Fail));
        let lenient = HardwareThresholds {
            reallocated_sectors: [100.0, f64::INFINITY],
            ..HardwareThresholds::default()
        };
        assert_eq!(verdict(&lenient), None);
        let worn = HardwareThresholds {
            reallocated_sectors: [100.0, f64::INFINITY],
            nvme_wear_pct: [70.0, 90.0],
            ..HardwareThresholds::default()
        };
        let f = judge(&d, &[], &worn);
        assert_eq!(f[0].verdict, Verdict::Warn);
        assert!(f[0].text.ends_with("wear 75% used"), "{}", f[0].text);
        let parsed: crate::config::Config = toml::from_str(
            "[diagnose_hardware]\nreallocated_sectors = [100.0, inf]\nnvme_wear_pct = [70.0, 90.0]\n",
        )
        .unwrap();
        assert_eq!(parsed.diagnose_hardware, worn);
        assert!(toml::from_str::<crate::config::Config>(
            "[diagnose_hardware]\nwear = [1.0, 2.0]\n"
        )
        .is_err());
    }

    #[test]
    fn a_disk_behind_smart_array_or_adaptec_keeps_its_slot() {
        // smartctl names a SATA disk asked as `-d cciss,2` or `-d aacraid,0,0,1` plain `sat`
        let healthy = include_str!("../../../../tests/fixtures/real/smartctl-ata-healthy-wdc.json");
        for asked in ["cciss,2", "aacraid,0,0,1"] {
            let d = parse("/dev/sda", asked, healthy);
            assert_eq!(d.slot(), format!("/dev/sda (sat+{asked})"));
        }
        let mega = include_str!("../../../../tests/fixtures/real/smartctl-megaraid-exit4-wd.json");
        assert_eq!(
            parse("/dev/bus/0", "megaraid,0", mega).kind,
            "sat+megaraid,0"
        );
        assert_eq!(parse("/dev/sdb", "sat", healthy).kind, "sat");
        assert_eq!(parse("/dev/sdb", "auto", healthy).kind, "sat");
    }
}
