//! Software RAID from `/proc/mdstat` and `mdadm --detail`: each array's members, the failed
//! and missing ones, and a rebuild in progress.
//!
//! Thresholds: FAIL for a member marked failed (`(F)`, `faulty`), a missing member (`_` in
//! `[U_]`, `removed`) without a rebuild under way, or an inactive array; WARN while a recovery,
//! resync or reshape runs (with its progress); a `check` is OK.

use serde::{Deserialize, Serialize};

use super::{Finding, Part, Verdict};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArrayReading {
    /// `md0`.
    pub name: String,
    pub level: String,
    pub active: bool,
    /// `[2/1]`: members the array has, members working.
    pub devices: Option<u32>,
    pub working: Option<u32>,
    pub failed: Vec<Member>,
    /// `recovery`, `resync`, `reshape`, `check`, `repair`, with its percentage.
    pub action: Option<String>,
    pub progress: Option<f64>,
    /// mdadm's `State :` line (`clean, degraded`), when mdadm is installed.
    pub state: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub device: String,
    /// Its slot in the array (`RaidDevice`, mdstat's `[n]`).
    pub role: String,
}

impl ArrayReading {
    fn degraded(&self) -> bool {
        let short = matches!((self.devices, self.working), (Some(d), Some(w)) if w < d);
        short
            || self
                .state
                .as_deref()
                .is_some_and(|s| s.contains("degraded"))
    }
}

/// The arrays of `/proc/mdstat`.
pub fn parse_mdstat(text: &str) -> Vec<ArrayReading> {
    let mut arrays: Vec<ArrayReading> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some((name, rest)) = line.split_once(" : ").filter(|(n, _)| n.starts_with("md")) {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let active = words.first() == Some(&"active");
            let mut members = words.iter().skip(1).filter(|w| !w.starts_with('('));
            let level = if active {
                members.next().map(|l| l.to_string()).unwrap_or_default()
            } else {
                String::new()
            };
            let failed = members
                .filter(|w| w.ends_with("(F)"))
                .map(|w| {
                    let (dev, role) = w.split_once('[').unwrap_or((w, ""));
                    Member {
                        device: format!("/dev/{dev}"),
                        role: role.split(']').next().unwrap_or("").to_string(),
                    }
                })
                .collect();
            arrays.push(ArrayReading {
                name: name.trim().to_string(),
                level,
                active,
                failed,
                ..ArrayReading::default()
            });
            continue;
        }
        let Some(a) = arrays.last_mut() else { continue };
        if let Some(counts) = trimmed
            .split_whitespace()
            .find(|w| w.starts_with('[') && w.contains('/'))
        {
            let inner = counts.trim_matches(|c| c == '[' || c == ']');
            if let Some((d, w)) = inner.split_once('/') {
                a.devices = d.parse().ok();
                a.working = w.parse().ok();
            }
        }
        for action in ["recovery", "resync", "reshape", "check", "repair"] {
            let Some(at) = trimmed.find(action) else {
                continue;
            };
            let rest = &trimmed[at + action.len()..];
            if let Some(pct) = rest.trim_start().strip_prefix('=') {
                a.action = Some(action.to_string());
                a.progress = pct
                    .trim()
                    .split('%')
                    .next()
                    .and_then(|p| p.trim().parse().ok());
                break;
            }
        }
    }
    arrays
}

/// Adds what `mdadm --detail` says (`State :`, `faulty` members) to `array`.
pub fn add_detail(array: &mut ArrayReading, text: &str) {
    for line in text.lines() {
        let t = line.trim();
        if let Some(state) = t.strip_prefix("State :") {
            array.state = Some(state.trim().to_string());
        }
        let cols: Vec<&str> = t.split_whitespace().collect();
        if cols.len() >= 6 && cols.contains(&"faulty") {
            let device = cols[cols.len() - 1].to_string();
            if device.starts_with("/dev/") && !array.failed.iter().any(|m| m.device == device) {
                // a faulty member has left its slot (RaidDevice `-`): its Number is the
                // descriptor number /proc/mdstat shows in brackets
                let role = if cols[3] == "-" { cols[0] } else { cols[3] };
                array.failed.push(Member {
                    device,
                    role: role.to_string(),
                });
            }
        }
    }
}

pub fn judge(a: &ArrayReading) -> Vec<Finding> {
    let part = |what: &str| Part {
        kind: "raid".into(),
        model: None,
        serial: None,
        slot: format!("/dev/{} {what}", a.name),
    };
    let counts = match (a.devices, a.working) {
        (Some(d), Some(w)) => format!(" [{d}/{w}]"),
        _ => String::new(),
    };
    let rebuilding = matches!(a.action.as_deref(), Some("recovery" | "reshape" | "resync"));
    let progress = a.progress.map(|p| format!(" {p:.1}%")).unwrap_or_default();
    let mut out = Vec::new();
    for m in &a.failed {
        out.push(Finding {
            verdict: Verdict::Fail,
            text: format!(
                "/dev/{} {}{counts}: member {} (slot {}) failed",
                a.name, a.level, m.device, m.role
            ),
            part: Some(part(&format!("member {} slot {}", m.device, m.role))),
        });
    }
    if !a.active {
        out.push(Finding {
            verdict: Verdict::Fail,
            text: format!("/dev/{} is inactive", a.name),
            part: Some(part("inactive")),
        });
    } else if a.degraded() && a.failed.is_empty() && !rebuilding {
        out.push(Finding {
            verdict: Verdict::Fail,
            text: format!(
                "/dev/{} {}{counts}: degraded, a member is missing",
                a.name, a.level
            ),
            part: Some(part("missing member")),
        });
    }
    if rebuilding {
        out.push(Finding {
            verdict: Verdict::Warn,
            text: format!(
                "/dev/{} {}{counts}: {}{progress}",
                a.name,
                a.level,
                a.action.as_deref().unwrap_or("")
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
    fn degraded_mirrors_are_fail_and_a_recovery_is_warn() {
        let arrays = parse_mdstat(include_str!(
            "../../../../tests/fixtures/real/mdstat-degraded-raid1.txt"
        ));
        assert_eq!(arrays.len(), 3);
        assert_eq!((arrays[0].devices, arrays[0].working), (Some(2), Some(1)));
        assert_eq!(arrays[0].level, "raid1");
        let f = judge(&arrays[0]);
        assert_eq!(f[0].verdict, Verdict::Fail);
        assert!(f[0].text.contains("md125"), "{}", f[0].text);
        let r = parse_mdstat(include_str!(
            "../../../../tests/fixtures/real/mdstat-recovery.txt"
        ));
        assert_eq!(r[0].action.as_deref(), Some("recovery"));
        assert_eq!(r[0].progress, Some(0.8));
        assert_eq!(judge(&r[0])[0].verdict, Verdict::Warn);
    }

    #[test]
    fn a_failed_member_is_named_with_its_slot() {
        // the mdstat line of the same array: its first member marked (F)
        let mut a = parse_mdstat(
            "Personalities : [raid1]\nmd1 : active raid1 sdb3[1] sda3[0](F)\n      41909248 blocks super 1.2 [2/1] [_U]\n\nunused devices: <none>\n",
        )
        .remove(0);
        let member = Member {
            device: "/dev/sda3".into(),
            role: "0".into(),
        };
        assert_eq!(a.failed, vec![member.clone()]);
        let detail = include_str!("../../../../tests/fixtures/real/mdadm-detail-raid1-faulty.txt");
        add_detail(&mut a, detail);
        assert_eq!(a.failed, vec![member.clone()], "named once");
        assert_eq!(a.state.as_deref(), Some("active, degraded"));
        let f = judge(&a);
        assert_eq!(f.len(), 1);
        assert!(
            f[0].text.contains("member /dev/sda3 (slot 0) failed"),
            "{}",
            f[0].text
        );
        // mdadm --detail alone names the faulty member with its descriptor number
        let mut b = parse_mdstat(
            "md1 : active raid1 sdb3[1]\n      41909248 blocks super 1.2 [2/1] [_U]\n",
        )
        .remove(0);
        add_detail(&mut b, detail);
        assert_eq!(b.failed, vec![member]);
        let ok = parse_mdstat("md0 : active raid1 sda1[0] sdb1[1]\n      100 blocks [2/2] [UU]\n");
        assert!(judge(&ok[0]).is_empty());
    }
}
