//! Hardware trouble in the kernel log: the probe keeps the lines that match known patterns
//! (machine checks, EDAC, disk I/O errors, failed ATA commands, file system errors, NVMe
//! timeouts, md member failures, thermal throttling); loop devices are left out.
//!
//! Thresholds: a machine check (`mce: [Hardware Error]`) or an uncorrected EDAC error is FAIL,
//! any other match WARN. The kernel log is since boot: a line stays until the next reboot.

use super::{Finding, Verdict};

/// Lines kept per pattern in the report (the newest).
const KEEP: usize = 3;

const PATTERNS: &[(&str, &str, Verdict)] = &[
    ("machine check", "mce: [Hardware Error]", Verdict::Fail),
    ("uncorrected memory error", " UE ", Verdict::Fail),
    ("corrected memory error", " CE ", Verdict::Warn),
    ("disk I/O error", "I/O error, dev ", Verdict::Warn),
    ("failed ATA command", "failed command", Verdict::Warn),
    ("ext4 error", "EXT4-fs error", Verdict::Warn),
    ("XFS error", "XFS ", Verdict::Warn),
    ("NVMe timeout", "imeout", Verdict::Warn),
    ("md member failure", "Disk failure", Verdict::Warn),
    ("overheating", "temperature above threshold", Verdict::Warn),
];

pub fn judge(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for (what, needle, verdict) in PATTERNS {
        let lines: Vec<&str> = text.lines().filter(|l| l.contains(needle)).collect();
        if lines.is_empty() {
            continue;
        }
        let newest = &lines[lines.len().saturating_sub(KEEP)..];
        out.push(Finding {
            verdict: *verdict,
            text: format!(
                "{what}: {} lines, newest: {}",
                lines.len(),
                newest.join(" | ")
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
    fn machine_checks_fail_and_io_errors_warn() {
        let f = judge("[Thu Dec  3 08:00:00 2026] mce: [Hardware Error]: Machine check events logged\n[Thu Dec  3 08:01:00 2026] blk_update_request: I/O error, dev sdb, sector 2048 op 0x0:(READ)\n");
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].verdict, Verdict::Fail);
        assert!(
            f[1].text.starts_with("disk I/O error: 1 lines"),
            "{}",
            f[1].text
        );
        assert!(judge("").is_empty());
    }
}
