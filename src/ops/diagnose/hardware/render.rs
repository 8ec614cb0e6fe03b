//! `diagnose hardware` for people: one row per host, worst first, a column per component;
//! then each host's findings, what changed since its previous run, and the escalation facts
//! of every FAIL. Exits 1 when a host has a FAIL, 3 when a host could not be reached.

use super::{HardwareReport, Verdict};
use crate::app::status;
use crate::app::Report;
use crate::exit::ExitStatus;
use crate::output::{Printer, Table};

impl Report for HardwareReport {
    fn render(&self, p: &Printer) {
        let mut t = Table::new([
            "HOST", "VERDICT", "DISKS", "RAID", "MEMORY", "BMC", "SENSORS", "KERNEL",
        ]);
        for h in &self.hosts {
            let Some(verdict) = h.verdict else {
                let error = h
                    .error
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                t.row([h.host.clone(), format!("{}: {error}", h.outcome.as_str())]);
                continue;
            };
            let mut row = vec![h.host.clone(), verdict.as_str().to_string()];
            row.extend(h.components.iter().map(|c| c.verdict.as_str().to_string()));
            t.row(row);
        }
        p.table(&t);
        for h in self.hosts.iter().filter(|h| h.verdict.is_some()) {
            let mut lines = Vec::new();
            for c in &h.components {
                if c.verdict == Verdict::NotAvailable {
                    lines.push(format!("  {:<8} not available: {}", c.name, c.note));
                }
                for f in &c.findings {
                    lines.push(format!(
                        "  {:<8} {:<4} {}",
                        c.name,
                        f.verdict.as_str(),
                        f.text
                    ));
                }
            }
            for tr in &h.trends {
                lines.push(format!("  trend    {tr}"));
            }
            for e in &h.escalations {
                let model = e.part.model.as_deref().unwrap_or("-");
                let serial = e.part.serial.as_deref().unwrap_or("-");
                lines.push(format!(
                    "  escalate {} {}: model {model}, serial {serial}, at {}; {}; failing since {}",
                    h.host, e.part.kind, e.part.slot, e.failed, e.since
                ));
            }
            let previous = match &h.previous {
                Some(d) => format!("previous run {d}"),
                None => "no previous run".to_string(),
            };
            p.data(format!("\n{} ({previous})", h.host));
            for l in lines {
                p.data(l);
            }
        }
    }

    fn status(&self) -> ExitStatus {
        self.hosts.iter().fold(ExitStatus::Success, |s, h| {
            let this = match (&h.error, h.verdict) {
                (Some(e), _) => status::of_transport(e),
                (None, Some(Verdict::Fail)) => ExitStatus::Failure,
                _ => ExitStatus::Success,
            };
            s.worst(this)
        })
    }
}
