//! `hostops diagnose load` for people: one summary row per host (worst first, an unreachable
//! host with its error), then each probed host's checks, busiest users and likely causes.
//! Exits 1 when a host has a WARN or FAIL, or could not be probed.

use crate::app::{status, Report};
use crate::exit::ExitStatus;
use crate::ops::diagnose::load::{HostLoad, LoadReport};
use crate::ops::diagnose::load_checks::Verdict;
use crate::output::{verdict, Printer, Table};

fn word(v: Verdict) -> String {
    verdict(v <= Verdict::NotAvailable, v.word())
}

impl Report for LoadReport {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["HOST", "VERDICT", "LOAD 1/5/15", "CPUS", "LIKELY CAUSE"]);
        for h in &self.hosts {
            let Some(r) = &h.readings else {
                let error = h
                    .error
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                t.row([
                    h.host.clone(),
                    h.outcome.as_str().to_string(),
                    String::new(),
                    String::new(),
                    error,
                ]);
                continue;
            };
            t.row([
                h.host.clone(),
                word(h.verdict),
                format!("{:.2} {:.2} {:.2}", r.load[0], r.load[1], r.load[2]),
                r.cpus.to_string(),
                h.causes
                    .first()
                    .map(|c| c.cause.clone())
                    .unwrap_or_else(|| "-".into()),
            ]);
        }
        p.table(&t);
        for h in self.hosts.iter().filter(|h| h.readings.is_some()) {
            host_details(p, h);
        }
    }

    fn status(&self) -> ExitStatus {
        self.hosts
            .iter()
            .fold(ExitStatus::Success, |s, h| match &h.error {
                Some(e) => s.worst(status::of_transport(e)),
                None if h.verdict >= Verdict::Warn => s.worst(ExitStatus::Failure),
                None => s,
            })
    }
}

fn host_details(p: &Printer, h: &HostLoad) {
    p.data(format!("\n== {} ==", h.host));
    let mut t = Table::new(["CHECK", "VERDICT", "READING"]);
    for c in &h.checks {
        t.row([c.check.to_string(), word(c.verdict), c.reading.clone()]);
    }
    p.table(&t);
    if let Some(r) = &h.readings {
        let mut u = Table::new(["USER", "CPU %", "MEM %", "PROCS", "TOP COMMANDS"]);
        for s in r.users.iter().take(5) {
            let cmds: Vec<String> = s
                .top_commands
                .iter()
                .map(|c| format!("{} {}%", c.command, c.cpu_pct))
                .collect();
            u.row([
                s.user.clone(),
                s.cpu_pct.to_string(),
                s.mem_pct.to_string(),
                s.processes.to_string(),
                cmds.join(", "),
            ]);
        }
        p.table(&u);
    }
    for (i, c) in h.causes.iter().enumerate() {
        p.data(format!(
            "likely cause {}: {} ({})",
            i + 1,
            c.cause,
            c.verdict.word()
        ));
        for e in &c.evidence {
            p.data(format!("    {e}"));
        }
    }
}
