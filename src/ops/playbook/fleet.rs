//! A playbook on many hosts: `forks` at a time, in batches of `serial` hosts; when a batch
//! fails more than `max_fail` percent of its hosts, the later batches are not started.

use super::engine::{run_host, HostReport, Observer, Outcome};
use super::format::Playbook;
use super::RunOptions;
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::ops::fanout;

/// Runs `playbook` on every host and returns one report per host, in host order.
pub fn run(
    ctx: &Context,
    playbook: &Playbook,
    opts: &RunOptions,
    hosts: &[HostSpec],
    observer: &dyn Observer,
) -> Vec<HostReport> {
    let batch = opts.serial.unwrap_or(hosts.len()).max(1);
    let mut reports = Vec::with_capacity(hosts.len());
    let mut stopped: Option<String> = None;
    for chunk in hosts.chunks(batch) {
        if let Some(why) = &stopped {
            reports.extend(
                chunk
                    .iter()
                    .map(|h| HostReport::without_steps(&h.name, Outcome::NotRun, why.clone())),
            );
            continue;
        }
        let done = fanout::for_each(chunk, opts.forks, |h| {
            run_host(ctx, playbook, opts, h, observer)
        });
        let failed = done.iter().filter(|r| r.outcome.is_failure()).count();
        if opts.serial.is_some() && too_many(failed, chunk.len(), opts.max_fail) {
            let why = format!(
                "stopped: {failed} of {} host(s) in the previous batch failed, more than --max-fail {}%",
                chunk.len(),
                opts.max_fail
            );
            let _ = ctx.note(why.clone());
            stopped = Some(why);
        }
        reports.extend(done);
    }
    reports
}

/// Whether `failed` of `total` is more than `max_fail` percent.
fn too_many(failed: usize, total: usize, max_fail: u8) -> bool {
    failed * 100 > usize::from(max_fail) * total
}

#[cfg(test)]
mod tests {
    use super::too_many;

    #[test]
    fn max_fail_is_a_strict_percentage() {
        assert!(!too_many(0, 5, 0));
        assert!(too_many(1, 5, 0));
        assert!(!too_many(1, 5, 20));
        assert!(too_many(2, 5, 20));
        assert!(!too_many(5, 5, 100));
    }
}
