//! `blacklist check`'s report for people (tables, one warning per failure alike) and the exit
//! code it means (README "Exit codes": 0 clean, 1 listed, 3 could not check).

use crate::app;
use crate::exit::ExitStatus;
use crate::ops::blacklist::dnsauth::Status;
use crate::ops::blacklist::engine::{Health, ZoneHealth};
use crate::ops::blacklist::query::Family;
use crate::ops::blacklist::verdict::Verdict;
use crate::ops::blacklist::Report;
use crate::output::{verdict, Printer, Table};

impl app::Report for Report {
    fn render(&self, p: &Printer) {
        warn_zones(p, self);
        p.table(&verdicts(self));
        print_checks(p, self);
        let s = &self.summary;
        p.status(format!(
            "{} target(s), {} zone(s): {} listed, {} refused, {} unknown, {} clean",
            s.targets, s.zones, s.listed, s.refused, s.unknown, s.clean
        ));
    }

    /// 0 clean, 1 listed, 3 could not check (a refusal, an unknown, an inventory host not
    /// read, a target no zone applies to).
    fn status(&self) -> ExitStatus {
        let s = &self.summary;
        if s.listed > 0 {
            ExitStatus::Failure
        } else if s.refused + s.unknown > 0
            || self.missed_hosts().next().is_some()
            || !self.unchecked.is_empty()
        {
            ExitStatus::Connection
        } else {
            ExitStatus::Success
        }
    }
}

/// A zone as the warnings name it; IPv6 test points are a zone's second health.
fn zone_label(z: &ZoneHealth) -> String {
    match z.family {
        Family::Ipv6 => format!("zone {} (IPv6)", z.zone),
        _ => format!("zone {}", z.zone),
    }
}

/// Warnings about the zones (those failing alike make one) and the targets not checked.
fn warn_zones(p: &Printer, report: &Report) {
    // Zones that failed alike (one dead resolver fails them all) make one warning.
    let mut silent: Vec<(&str, Vec<String>)> = Vec::new();
    let mut slow = Vec::new();
    for z in &report.zones {
        let name = zone_label(z);
        match z.health {
            Health::Ok | Health::NoTestPoint if z.unanswered + z.cut > 0 => slow.push(format!(
                "{name} ({} without an answer{})",
                z.unanswered + z.cut,
                if z.cut > 0 {
                    format!(", {} of them cut by the deadline", z.cut)
                } else {
                    String::new()
                }
            )),
            _ => {}
        }
        match z.health {
            Health::Ok => {}
            Health::Broken => p.warn(format!("{name} is broken: {}", z.detail)),
            Health::Refused => p.warn(format!("{name} refuses our queries: {}", z.detail)),
            Health::Unreachable => match silent.iter_mut().find(|(r, _)| *r == z.detail) {
                Some((_, zones)) => zones.push(name),
                None => silent.push((&z.detail, vec![name])),
            },
            Health::NoTestPoint => p.warn(format!("{name} {}", z.detail)),
        }
    }
    for (reason, zones) in silent {
        p.warn(match zones.as_slice() {
            [one] => format!("{one} did not answer its test points: {reason}"),
            many => format!(
                "{} zones did not answer their test points ({}): {reason}",
                many.len(),
                many.join(", ")
            ),
        });
    }
    if !slow.is_empty() {
        let cut = report.zones.iter().any(|z| z.cut > 0);
        p.warn(format!(
            "slow or silent zones, their queries count as unknown: {}{}",
            slow.join("; "),
            if cut {
                " (raise --deadline to wait longer)"
            } else {
                ""
            }
        ));
    }
    for t in &report.unchecked {
        p.warn(format!(
            "{t}: no zone of the set lists this kind of target; not checked"
        ));
    }
}

/// One row per target and non-clean verdict (its clean zones summed up in one), per
/// inventory host not read, and per block's zone and verdict.
fn verdicts(report: &Report) -> Table {
    let mut t = Table::new(["TARGET", "ZONE", "VERDICT", "DETAIL", "DELIST"]);
    for target in &report.targets {
        let label = match &target.origin {
            Some(o) => format!("{} ({o})", target.target),
            None => target.target.clone(),
        };
        for r in target
            .results
            .iter()
            .filter(|r| r.verdict != Verdict::Clean)
        {
            let delist = match &r.verdict {
                Verdict::Listed { delist, .. } => delist.clone(),
                _ => None,
            };
            t.row([
                label.clone(),
                r.zone.clone(),
                verdict(false, r.verdict.word()),
                r.verdict.detail(),
                delist.unwrap_or_default(),
            ]);
        }
        let clean = target
            .results
            .iter()
            .filter(|r| r.verdict == Verdict::Clean)
            .count();
        if clean > 0 {
            t.row([
                label.clone(),
                format!("{clean} zone(s)"),
                verdict(true, "clean"),
                String::new(),
                String::new(),
            ]);
        }
    }
    // An inventory host whose targets could not be read: its outcome and why.
    for h in report.missed_hosts() {
        t.row([
            format!("{} (inventory host)", h.host),
            "-".to_string(),
            verdict(false, h.outcome.as_str()),
            h.error.clone().unwrap_or_default(),
            String::new(),
        ]);
    }
    // The rest of a block: one row per zone and verdict, and one for the clean addresses.
    for b in &report.blocks {
        for c in &b.counts {
            t.row([
                format!("{} address(es) of {}", c.addresses, b.block),
                c.zone.clone(),
                verdict(false, c.verdict),
                c.detail.clone(),
                String::new(),
            ]);
        }
        if b.clean_addresses > 0 {
            let zones = report
                .zones
                .iter()
                .filter(|z| z.family != Family::Domain)
                .map(|z| &z.zone)
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            t.row([
                format!("{} address(es) of {}", b.clean_addresses, b.block),
                format!("{zones} zone(s)"),
                verdict(true, "clean"),
                String::new(),
                String::new(),
            ]);
        }
    }
    t
}

/// FCrDNS, MX, SPF and DMARC, when any target had them.
fn print_checks(p: &Printer, report: &Report) {
    let checks: Vec<_> = report
        .targets
        .iter()
        .flat_map(|t| t.checks.iter().map(move |c| (t, c)))
        .collect();
    if !checks.is_empty() {
        let mut t = Table::new(["TARGET", "CHECK", "RESULT", "DETAIL"]);
        for (target, c) in checks {
            let word = match c.status {
                Status::Pass => verdict(true, "pass"),
                Status::Fail => verdict(false, "fail"),
                Status::Unknown => verdict(false, "unknown"),
            };
            t.row([
                target.target.clone(),
                c.name.to_uppercase(),
                word,
                c.detail.clone(),
            ]);
        }
        p.data("");
        p.table(&t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Report as _;
    use crate::ops::blacklist::host::{HostRow, HostTargets};
    use crate::ops::blacklist::Summary;
    use crate::transport::TransportError;

    fn report(summary: Summary, hosts: Vec<HostRow>, unchecked: Vec<String>) -> Report {
        Report {
            targets: Vec::new(),
            blocks: Vec::new(),
            zones: Vec::new(),
            hosts,
            unchecked,
            summary,
        }
    }

    fn unreachable() -> HostRow {
        let err = TransportError::Connect {
            host: "dead".into(),
            address: "127.0.0.1:1".into(),
            reason: "connection refused".into(),
        };
        HostRow::of("dead", &Err(err))
    }

    #[test]
    fn exit_codes_follow_the_readme() {
        let clean = Summary {
            targets: 1,
            zones: 1,
            clean: 1,
            ..Summary::default()
        };
        let listed = Summary {
            listed: 1,
            ..clean.clone()
        };
        let refused = Summary {
            refused: 1,
            ..clean.clone()
        };
        let read = HostRow::of(
            "h1",
            &Ok(HostTargets {
                addresses: Vec::new(),
                domains: vec!["example.com".into()],
            }),
        );
        let status = |r: Report| r.status();
        assert_eq!(
            status(report(clean.clone(), vec![read], vec![])),
            ExitStatus::Success
        );
        assert_eq!(
            status(report(listed, vec![unreachable()], vec![])),
            ExitStatus::Failure
        );
        assert_eq!(
            status(report(clean.clone(), vec![unreachable()], vec![])),
            ExitStatus::Connection
        );
        assert_eq!(
            status(report(refused, vec![], vec![])),
            ExitStatus::Connection
        );
        assert_eq!(
            status(report(clean, vec![], vec!["spam.example".into()])),
            ExitStatus::Connection
        );
    }

    #[test]
    fn a_host_not_read_is_a_row_of_the_table() {
        let r = report(Summary::default(), vec![unreachable()], vec![]);
        let table = verdicts(&r).render();
        let row = table
            .lines()
            .find(|l| l.starts_with("dead (inventory host)"))
            .unwrap_or_else(|| panic!("{table}"));
        assert!(
            row.contains("unreachable") && row.contains("connection refused"),
            "{table}"
        );
    }
}
