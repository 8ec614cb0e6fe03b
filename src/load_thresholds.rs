//! The thresholds of `diagnose load` (`[diagnose_load]` in the config file), below both the
//! config file and the checks that use them.

use serde::{Deserialize, Serialize};

/// The thresholds, each `[warn, fail]`. Defaults follow loadwatch's triggers where it has one
/// (memory 80 %, swap 30 %, MySQL threads 25).
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// 1-minute load per CPU.
    pub load_per_cpu: [f64; 2],
    /// Percent of CPU time waiting for I/O.
    pub iowait_pct: [f64; 2],
    /// Percent of CPU time stolen by the hypervisor.
    pub steal_pct: [f64; 2],
    pub memory_used_pct: [f64; 2],
    pub swap_used_pct: [f64; 2],
    /// OOM kills in the window.
    pub oom_kills: [f64; 2],
    /// Processes in uninterruptible sleep (D state).
    pub d_state: [f64; 2],
    pub disk_used_pct: [f64; 2],
    pub inodes_used_pct: [f64; 2],
    pub disk_util_pct: [f64; 2],
    pub disk_await_ms: [f64; 2],
    /// One account's CPU, in percent of one CPU.
    pub account_cpu_pct: [f64; 2],
    /// One account's memory, in percent of RAM.
    pub account_memory_pct: [f64; 2],
    /// Busy Apache workers in percent of MaxRequestWorkers.
    pub apache_busy_pct: [f64; 2],
    /// PHP-FPM "max_children" warnings in the window.
    pub fpm_max_children: [f64; 2],
    /// Requests per minute to one URL of one domain in the window's domain logs.
    pub url_requests_per_min: [f64; 2],
    /// A statement running this many seconds is a long query.
    pub long_query_s: [f64; 2],
    pub mysql_threads_running: [f64; 2],
    /// Max_used_connections in percent of max_connections.
    pub mysql_connections_pct: [f64; 2],
    pub mail_queue: [f64; 2],
    /// Minutes of logs the "now" report reads.
    pub log_minutes: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            load_per_cpu: [1.0, 2.0],
            iowait_pct: [20.0, 40.0],
            steal_pct: [10.0, 25.0],
            memory_used_pct: [80.0, 95.0],
            swap_used_pct: [30.0, 80.0],
            oom_kills: [1.0, 1.0],
            d_state: [3.0, 10.0],
            disk_used_pct: [85.0, 95.0],
            inodes_used_pct: [85.0, 95.0],
            disk_util_pct: [80.0, 95.0],
            disk_await_ms: [50.0, 200.0],
            account_cpu_pct: [50.0, 90.0],
            account_memory_pct: [20.0, 40.0],
            apache_busy_pct: [80.0, 100.0],
            fpm_max_children: [1.0, 20.0],
            url_requests_per_min: [60.0, 600.0],
            long_query_s: [10.0, 60.0],
            mysql_threads_running: [25.0, 50.0],
            mysql_connections_pct: [80.0, 95.0],
            mail_queue: [1000.0, 10000.0],
            log_minutes: 10,
        }
    }
}
