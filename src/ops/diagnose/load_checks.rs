//! From a host's readings to one verdict per check (OK/WARN/FAIL, or not available) against
//! thresholds the config file can change (`[diagnose_load]`), and the ranked "likely cause"
//! with its evidence lines.

use serde::Serialize;

pub use crate::load_thresholds::Thresholds;
use crate::thresholds::{level, Level};

use super::load_readings::Readings;
use super::load_scores::UserScore;
use super::load_system as sys;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Ok,
    NotAvailable,
    Warn,
    Fail,
}

impl Verdict {
    pub fn of(value: f64, limits: [f64; 2]) -> Verdict {
        match level(value, limits) {
            Level::Fail => Verdict::Fail,
            Level::Warn => Verdict::Warn,
            Level::Below => Verdict::Ok,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Verdict::Ok => "OK",
            Verdict::NotAvailable => "not available",
            Verdict::Warn => "WARN",
            Verdict::Fail => "FAIL",
        }
    }
}

/// One check's verdict and the reading it judged, for people.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub check: &'static str,
    pub verdict: Verdict,
    pub reading: String,
}

fn check(name: &'static str, verdict: Verdict, reading: impl Into<String>) -> Check {
    Check {
        check: name,
        verdict,
        reading: reading.into(),
    }
}

fn unavailable(name: &'static str, why: &str) -> Check {
    check(name, Verdict::NotAvailable, why)
}

/// The worst of `items` by `value`, judged against `limits`; OK with `none` when there are none.
fn worst<T>(
    name: &'static str,
    items: &[T],
    value: impl Fn(&T) -> f64,
    text: impl Fn(&T) -> String,
    limits: [f64; 2],
    none: &str,
) -> Check {
    match items.iter().max_by(|a, b| value(a).total_cmp(&value(b))) {
        Some(t) => check(name, Verdict::of(value(t), limits), text(t)),
        None => check(name, Verdict::Ok, none),
    }
}

/// The worst of `items` judged on two readings at once (the worse of the two verdicts; ties
/// broken by the first reading, which stays below a million).
fn worst_of_two<T>(
    name: &'static str,
    items: &[T],
    first: (impl Fn(&T) -> f64, [f64; 2]),
    second: (impl Fn(&T) -> f64, [f64; 2]),
    text: impl Fn(&T) -> String,
    none: &str,
) -> Check {
    const STEP: f64 = 1e6;
    let rank = |x: &T| {
        let v = Verdict::of(first.0(x), first.1).max(Verdict::of(second.0(x), second.1));
        f64::from(v as u8) * STEP + first.0(x).min(STEP - 1.0)
    };
    let limits = [Verdict::Warn, Verdict::Fail].map(|v| f64::from(v as u8) * STEP);
    worst(name, items, rank, text, limits, none)
}

pub fn checks(r: &Readings, t: &Thresholds) -> Vec<Check> {
    let per_cpu = r.load[0] / f64::from(r.cpus.max(1));
    let mut out = vec![check(
        "load",
        Verdict::of(per_cpu, t.load_per_cpu),
        format!(
            "{:.2} {:.2} {:.2} on {} CPUs ({per_cpu:.2} per CPU)",
            r.load[0], r.load[1], r.load[2], r.cpus
        ),
    )];
    out.push(match &r.cpu {
        Some(c) => check(
            "cpu",
            Verdict::of(c.iowait, t.iowait_pct).max(Verdict::of(c.steal, t.steal_pct)),
            format!(
                "user {}% system {}% iowait {}% steal {}% idle {}%",
                c.user, c.system, c.iowait, c.steal, c.idle
            ),
        ),
        None => unavailable("cpu", "no /proc/stat sample"),
    });
    let m = &r.memory;
    out.push(check(
        "memory",
        Verdict::of(sys::memory_used_pct(m), t.memory_used_pct),
        format!(
            "{}% used of {} MiB",
            sys::memory_used_pct(m),
            m.total_kib / 1024
        ),
    ));
    out.push(if m.swap_total_kib == 0 {
        check("swap", Verdict::Ok, "no swap")
    } else {
        check(
            "swap",
            Verdict::of(sys::swap_used_pct(m), t.swap_used_pct),
            format!(
                "{}% used of {} MiB",
                sys::swap_used_pct(m),
                m.swap_total_kib / 1024
            ),
        )
    });
    out.push(match &r.oom_kills {
        Some(k) => check(
            "oom",
            if k.is_empty() {
                Verdict::Ok
            } else {
                Verdict::of(k.len() as f64, t.oom_kills)
            },
            format!("{} OOM kills in {} min", k.len(), r.minutes()),
        ),
        None => unavailable("oom", "kernel log not readable"),
    });
    let d = r
        .processes
        .iter()
        .filter(|p| p.state.starts_with('D'))
        .count();
    out.push(check(
        "d_state",
        Verdict::of(d as f64, t.d_state),
        format!("{d} processes in D state"),
    ));
    out.push(worst(
        "disk_space",
        &r.filesystems,
        |f| f.used_pct,
        |f| format!("{} {}% used", f.mount, f.used_pct),
        t.disk_used_pct,
        "no file systems",
    ));
    out.push(worst(
        "inodes",
        &r.filesystems,
        |f| f.inodes_used_pct.unwrap_or(0.0),
        |f| {
            format!(
                "{} {}% inodes used",
                f.mount,
                f.inodes_used_pct.unwrap_or(0.0)
            )
        },
        t.inodes_used_pct,
        "no file systems",
    ));
    out.push(worst_of_two(
        "disk_io",
        &r.disks,
        (|d| d.util_pct, t.disk_util_pct),
        (|d| d.await_ms, t.disk_await_ms),
        |d| format!("{} {}% util, await {} ms", d.device, d.util_pct, d.await_ms),
        "no disks",
    ));
    out.push(worst_of_two(
        "accounts",
        &r.accounts(),
        (|u| u.cpu_pct, t.account_cpu_pct),
        (|u| u.mem_pct, t.account_memory_pct),
        |u| format!("{}: {}% CPU, {}% memory", u.user, u.cpu_pct, u.mem_pct),
        "no account processes",
    ));
    out.push(match &r.apache {
        None => unavailable("apache", "no Apache configuration"),
        Some(a) => match (a.busy, a.max_request_workers) {
            (Some(busy), Some(max)) if max > 0 => check(
                "apache",
                Verdict::of(busy as f64 * 100.0 / max as f64, t.apache_busy_pct).max(
                    if a.reached.is_empty() {
                        Verdict::Ok
                    } else {
                        Verdict::Fail
                    },
                ),
                format!(
                    "{busy} busy, {} idle of MaxRequestWorkers {max}; {} \"reached MaxRequestWorkers\"",
                    a.idle.unwrap_or(0),
                    a.reached.len()
                ),
            ),
            _ if !a.reached.is_empty() => check(
                "apache",
                Verdict::Fail,
                format!("{} \"reached MaxRequestWorkers\"", a.reached.len()),
            ),
            _ => unavailable("apache", "mod_status (server-status?auto) not answering"),
        },
    });
    let fpm: u64 = r.fpm.iter().map(|h| h.times).sum();
    out.push(match (&r.apache, fpm) {
        (None, 0) if r.fpm.is_empty() && !r.fpm_logs => unavailable("php_fpm", "no PHP-FPM logs"),
        _ => check(
            "php_fpm",
            if fpm == 0 {
                Verdict::Ok
            } else {
                Verdict::of(fpm as f64, t.fpm_max_children)
            },
            format!("{fpm} \"max_children\" warnings in {} min", r.minutes()),
        ),
    });
    out.push(match &r.mysql {
        None => unavailable("mysql", "no mysql client"),
        Some(m) if !m.running => check("mysql", Verdict::Fail, "not answering"),
        Some(m) => {
            let longest = m.queries.iter().map(|q| q.seconds).max().unwrap_or(0);
            let conn = match (m.max_used_connections, m.max_connections) {
                (Some(u), Some(max)) if max > 0 => u as f64 * 100.0 / max as f64,
                _ => 0.0,
            };
            let threads = m.threads_running.unwrap_or(0);
            check(
                "mysql",
                Verdict::of(longest as f64, t.long_query_s)
                    .max(Verdict::of(conn, t.mysql_connections_pct))
                    .max(Verdict::of(threads as f64, t.mysql_threads_running)),
                format!(
                    "{} running, longest {longest} s; Max_used_connections {} of {}; {} slow log entries",
                    m.queries.len(),
                    m.max_used_connections.unwrap_or(0),
                    m.max_connections.unwrap_or(0),
                    m.slow_log.len()
                ),
            )
        }
    });
    if r.history_asked {
        out.push(match &r.history {
            Some(h) if h.samples > 0 => {
                let per_cpu = h.load1_max / f64::from(r.cpus.max(1));
                check(
                    "history",
                    Verdict::of(per_cpu, t.load_per_cpu)
                        .max(Verdict::of(h.iowait_mean, t.iowait_pct))
                        .max(Verdict::of(h.memory_used_max_pct, t.memory_used_pct))
                        .max(Verdict::of(h.disk_util_max_pct.unwrap_or(0.0), t.disk_util_pct)),
                    format!(
                        "{} samples: load max {} (mean {}), user {}% system {}% iowait {}% steal {}%, memory max {}%{}",
                        h.samples, h.load1_max, h.load1_mean, h.user_mean, h.system_mean,
                        h.iowait_mean, h.steal_mean, h.memory_used_max_pct,
                        match (&h.disk_busiest, h.disk_util_max_pct, h.disk_await_max_ms) {
                            (Some(d), Some(u), Some(a)) => format!(", {d} {u}% util (await max {a} ms)"),
                            _ => String::new(),
                        }
                    ),
                )
            }
            Some(_) => unavailable("history", "no sysstat samples in the window"),
            None => unavailable("history", "no sysstat history (sadf) for that day"),
        });
    }
    out.push(match r.mail_queue {
        None => unavailable("mail_queue", "neither exim nor postfix"),
        Some(n) => check(
            "mail_queue",
            Verdict::of(n as f64, t.mail_queue),
            format!("{n} messages"),
        ),
    });
    out
}

/// A likely cause: who, how bad, and the evidence lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cause {
    pub cause: String,
    pub verdict: Verdict,
    pub evidence: Vec<String>,
}

/// Causes worst first: users over the account thresholds (accounts before system users, with
/// their top commands and their PHP-FPM pools), long queries, OOM kills, then for context the
/// jobs running now and the busiest URLs and clients of the domain logs.
pub fn causes(r: &Readings, t: &Thresholds) -> Vec<Cause> {
    let mut out: Vec<(f64, Cause)> = Vec::new();
    for u in r.judged_users() {
        let v = Verdict::of(u.cpu_pct, t.account_cpu_pct)
            .max(Verdict::of(u.mem_pct, t.account_memory_pct));
        if v >= Verdict::Warn {
            // accounts before system users: the question is which customer
            let (kind, bonus) = if u.account {
                ("account", 5000.0)
            } else {
                ("user", 0.0)
            };
            out.push((
                u.cpu_pct.min(499.0) + bonus + 1000.0 * v as u8 as f64,
                Cause {
                    cause: format!("{kind} {}", u.user),
                    verdict: v,
                    evidence: account_evidence(u, r),
                },
            ));
        }
    }
    for q in r.mysql.iter().flat_map(|m| &m.queries) {
        let v = Verdict::of(q.seconds as f64, t.long_query_s);
        if v >= Verdict::Warn {
            out.push((
                q.seconds as f64 + 1000.0 * v as u8 as f64,
                Cause {
                    cause: format!("long query by {}", q.user),
                    verdict: v,
                    evidence: vec![format!(
                        "MariaDB thread {} ({}@{}): {} s {}: {}",
                        q.id,
                        q.user,
                        q.db,
                        q.seconds,
                        q.state,
                        q.info.chars().take(200).collect::<String>()
                    )],
                },
            ));
        }
    }
    if let Some(kills) = r.oom_kills.as_ref().filter(|k| !k.is_empty()) {
        out.push((
            3000.0,
            Cause {
                cause: "OOM kills".into(),
                verdict: Verdict::Fail,
                evidence: kills.iter().rev().take(5).cloned().collect(),
            },
        ));
    }
    web_causes(r, t, &mut out);
    if r.traffic.requests > 0 {
        let mut evidence = vec![format!(
            "{} requests in the domain logs in {} min",
            r.traffic.requests,
            r.minutes()
        )];
        let line = |kind: &str, c: &super::load_services::Count| {
            format!("  {kind} {}: {}", c.what, c.count)
        };
        evidence.extend(r.traffic.top_domains.iter().map(|c| line("domain", c)));
        evidence.extend(r.traffic.top_urls.iter().map(|c| line("URL", c)));
        evidence.extend(r.traffic.top_ips.iter().map(|c| line("client", c)));
        out.push((
            400.0,
            Cause {
                cause: "web traffic".into(),
                verdict: Verdict::Ok,
                evidence,
            },
        ));
    }
    if !r.jobs.is_empty() {
        out.push((
            500.0,
            Cause {
                cause: "jobs running now".into(),
                verdict: Verdict::Ok,
                evidence: r
                    .jobs
                    .iter()
                    .map(|p| {
                        format!(
                            "{} (pid {}, {} s, {}% CPU): {}",
                            p.user, p.pid, p.elapsed_s, p.cpu_pct, p.args
                        )
                    })
                    .collect(),
            },
        ));
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Apache out of workers, PHP-FPM pools at max_children, and the busiest URL when its rate
/// is over `url_requests_per_min`: each with its log lines or counts.
fn web_causes(r: &Readings, t: &Thresholds, out: &mut Vec<(f64, Cause)>) {
    let rank = |v: Verdict, within: f64| 1000.0 * v as u8 as f64 + within;
    if let Some(a) = r.apache.as_ref().filter(|a| !a.reached.is_empty()) {
        let mut evidence = vec![format!(
            "{} \"reached MaxRequestWorkers\" in {} min (MaxRequestWorkers {})",
            a.reached.len(),
            r.minutes(),
            a.max_request_workers
                .map_or_else(|| "unknown".to_string(), |m| m.to_string())
        )];
        evidence.extend(a.reached.iter().rev().take(3).map(|l| format!("  {l}")));
        out.push((
            rank(Verdict::Fail, 300.0),
            Cause {
                cause: "Apache at MaxRequestWorkers".into(),
                verdict: Verdict::Fail,
                evidence,
            },
        ));
    }
    for h in &r.fpm {
        let v = Verdict::of(h.times as f64, t.fpm_max_children);
        if v >= Verdict::Warn {
            out.push((
                rank(v, 200.0),
                Cause {
                    cause: format!("php-fpm pool {} at max_children", h.pool),
                    verdict: v,
                    evidence: vec![
                        format!(
                            "pool {} reached max_children {} times in {} min",
                            h.pool,
                            h.times,
                            r.minutes()
                        ),
                        format!("  {}", h.last),
                    ],
                },
            ));
        }
    }
    if let Some(url) = r.traffic.top_urls.first() {
        let per_min = url.count as f64 / r.minutes().max(1) as f64;
        let v = Verdict::of(per_min, t.url_requests_per_min);
        if v >= Verdict::Warn {
            let clients = r
                .traffic
                .top_ips
                .iter()
                .map(|c| format!("{} ({})", c.what, c.count))
                .collect::<Vec<_>>()
                .join(", ");
            out.push((
                rank(v, 100.0),
                Cause {
                    cause: format!("busy URL {}", url.what),
                    verdict: v,
                    evidence: vec![
                        format!(
                            "{} requests in {} min ({per_min:.1}/min) to {}",
                            url.count,
                            r.minutes(),
                            url.what
                        ),
                        format!("  top clients: {clients}"),
                    ],
                },
            ));
        }
    }
}

fn account_evidence(u: &UserScore, r: &Readings) -> Vec<String> {
    let mut ev = vec![format!(
        "{} {}: {}% CPU, {}% memory in {} processes",
        if u.account { "account" } else { "user" },
        u.user,
        u.cpu_pct,
        u.mem_pct,
        u.processes
    )];
    ev.extend(
        u.top_commands
            .iter()
            .map(|c| format!("  {}: {}% CPU, {}% memory", c.command, c.cpu_pct, c.mem_pct)),
    );
    ev.extend(
        r.fpm
            .iter()
            .filter(|h| h.pool == u.user || h.pool.contains(&u.user))
            .map(|h| {
                format!(
                    "  php-fpm pool {} reached max_children {} times",
                    h.pool, h.times
                )
            }),
    );
    ev
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::diagnose::load_readings::{parse, Window};

    /// The probe's output on a cPanel lab host while account `eve` ran a busy loop and root
    /// ran `SELECT SLEEP(25)` (see tests/fixtures/real/README.md).
    const REAL: &str = include_str!("../../../tests/fixtures/real/diagnose-load-probe.txt");

    #[test]
    fn reads_a_real_probe_output() {
        let r = parse(REAL, Window::Recent { minutes: 10 });
        assert_eq!(r.cpus, 2);
        let cpu = r.cpu.clone().unwrap();
        assert_eq!(
            (cpu.user, cpu.system, cpu.iowait, cpu.steal),
            (87.3, 12.7, 0.0, 0.0)
        );
        let vda = r.disks.iter().find(|d| d.device == "vda").unwrap();
        assert_eq!((vda.util_pct, vda.await_ms, vda.ios), (2.3, 1.0, 166));
        let root = r.filesystems.iter().find(|f| f.mount == "/").unwrap();
        assert_eq!((root.used_pct, root.inodes_used_pct), (72.2, Some(3.3)));
        assert!(r.filesystems.iter().all(|f| !f.mount.starts_with("/dev")));
        let eve = r.users.iter().find(|u| u.user == "eve").unwrap();
        assert!(eve.account);
        assert_eq!((eve.uid, eve.cpu_pct, eve.processes), (1002, 39.8, 2));
        assert_eq!(eve.top_commands[0].command, "sh");
        assert!(!r.users.iter().find(|u| u.user == "root").unwrap().account);
        let m = r.mysql.clone().unwrap();
        assert!(m.running);
        assert_eq!(
            m.queries.len(),
            1,
            "its own SHOW FULL PROCESSLIST is left out"
        );
        assert_eq!(
            (m.queries[0].seconds, m.queries[0].info.as_str()),
            (13, "SELECT SLEEP(25)")
        );
        assert_eq!(
            (m.max_used_connections, m.max_connections),
            (Some(2), Some(50))
        );
        assert_eq!(r.mail_queue, Some(0));
        let apache = r.apache.clone().unwrap();
        assert_eq!(
            (apache.max_request_workers, apache.busy),
            (Some(150), None),
            "no mod_status"
        );
        assert_eq!(r.oom_kills, Some(vec![]));
        assert!(!r.history_asked);

        let t = Thresholds {
            account_cpu_pct: [20.0, 90.0],
            ..Thresholds::default()
        };
        let checks = checks(&r, &t);
        let get = |name: &str| checks.iter().find(|c| c.check == name).unwrap().verdict;
        assert_eq!(get("accounts"), Verdict::Warn);
        assert_eq!(get("mysql"), Verdict::Warn, "13 s is over the 10 s default");
        assert_eq!(get("apache"), Verdict::NotAvailable);
        let causes = causes(&r, &t);
        assert_eq!(causes[0].cause, "account eve");
        assert!(
            causes[0].evidence[0].contains("39.8% CPU"),
            "{:?}",
            causes[0]
        );
        assert!(causes.iter().any(|c| c.cause == "long query by root"));
    }

    #[test]
    fn missing_sections_mean_unknown_not_a_crash() {
        let r = parse("garbage\n@@cpus\nx\n", Window::Recent { minutes: 10 });
        assert_eq!(r.cpus, 0);
        assert!(r.cpu.is_none() && r.users.is_empty() && r.filesystems.is_empty());
        let checks = checks(&r, &Thresholds::default());
        assert!(
            checks.iter().all(|c| c.verdict != Verdict::Fail),
            "{checks:?}"
        );
    }
}
