//! `hostops exec`'s report for people, on stderr (stdout carries only the hosts' own output):
//! a line for each host that did not succeed (for every host when there are several), then
//! the counts. Its exit status is the worst host's.

use crate::app::status;
use crate::app::Report;
use crate::exit::ExitStatus;
use crate::ops::exec::{ExecReport, HostRun};
use crate::ops::outcome::Outcome;
use crate::output::{human_duration, verdict, Printer};

impl Report for ExecReport {
    fn render(&self, p: &Printer) {
        let multi = self.hosts.len() > 1;
        for r in &self.hosts {
            let ended = match (&r.error, &r.exit) {
                (Some(e), _) => e.to_string(),
                (None, Some(exit)) => exit.to_string(),
                (None, None) => "no result".into(),
            };
            let ok = r.outcome == Outcome::Ok;
            let line = format!(
                "{}: {}: {ended} ({})",
                r.host,
                verdict(ok, r.outcome.as_str()),
                human_duration(r.duration_ms)
            );
            if !ok {
                p.warn(line);
            } else if multi {
                p.status(line);
            }
        }
        if multi {
            let s = &self.summary;
            p.status(format!(
                "{} hosts: {} ok, {} failed, {} unreachable",
                self.hosts.len(),
                s.ok,
                s.failed,
                s.unreachable
            ));
        }
    }

    fn status(&self) -> ExitStatus {
        self.hosts
            .iter()
            .fold(ExitStatus::Success, |s, r| s.worst(host_status(r)))
    }
}

/// The exit status of one host's run: its transport error's, or whether the command succeeded.
fn host_status(r: &HostRun) -> ExitStatus {
    match (&r.error, &r.exit) {
        (Some(e), _) => status::of_transport(e),
        (None, Some(exit)) if exit.success() => ExitStatus::Success,
        (None, _) => ExitStatus::Failure,
    }
}
