//! `hostops hosts list|check` for people: a table with a row for every host (an unreachable
//! one with its reason); `hosts check` exits with the worst host's status.

use crate::app::status;
use crate::app::Report;
use crate::exit::ExitStatus;
use crate::ops::hosts::{HostChecks, HostList};
use crate::output::{human_bytes, Printer, Table};

impl Report for HostList {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["HOST", "ADDRESS", "USER", "GROUPS", "JUMP", "FROM"]);
        for h in &self.hosts {
            let address = if h.is_local() {
                "-".to_string()
            } else {
                format!("{}:{}", h.address, h.port)
            };
            t.row([
                h.name.clone(),
                address,
                h.user.clone(),
                h.groups.join(","),
                h.jump.clone().unwrap_or_else(|| "-".into()),
                h.source.to_string(),
            ]);
        }
        p.table(&t);
    }
}

impl Report for HostChecks {
    fn render(&self, p: &Printer) {
        let mut t = Table::new([
            "HOST",
            "HOSTNAME",
            "OS",
            "PANEL",
            "CPUS",
            "LOAD 1/5/15",
            "MEM AVAIL/TOTAL",
            "DISK FREE",
        ]);
        for c in &self.hosts {
            let Some(f) = &c.facts else {
                let error = c
                    .error
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let host = c.host.clone().unwrap_or_default();
                t.row([host, format!("{}: {error}", c.outcome.as_str())]);
                continue;
            };
            let panel = match (&f.panel.version, f.panel.kind.as_str()) {
                (Some(v), kind) => format!("{kind} {v}"),
                (None, kind) => kind.to_string(),
            };
            let disks: Vec<String> = f
                .disks
                .iter()
                .map(|d| {
                    let pct = d
                        .available_kib
                        .saturating_mul(100)
                        .checked_div(d.size_kib)
                        .unwrap_or(0);
                    format!(
                        "{} {} ({pct}%)",
                        d.mount,
                        human_bytes(d.available_kib * 1024)
                    )
                })
                .collect();
            t.row([
                f.host.clone(),
                f.hostname.clone(),
                format!("{} {}", f.os.id, f.os.version).trim().to_string(),
                panel,
                f.cpus.to_string(),
                format!("{:.2} {:.2} {:.2}", f.load[0], f.load[1], f.load[2]),
                format!(
                    "{} / {}",
                    human_bytes(f.memory.available_kib * 1024),
                    human_bytes(f.memory.total_kib * 1024)
                ),
                disks.join(", "),
            ]);
        }
        p.table(&t);
    }

    fn status(&self) -> ExitStatus {
        self.hosts
            .iter()
            .filter_map(|c| c.error.as_ref())
            .fold(ExitStatus::Success, |s, e| s.worst(status::of_transport(e)))
    }
}
