//! A host's readings from one run of the load probe: the sections read by the system and
//! services readers, processes summed per user (sys-snap's "scores") and the jobs running now.

use jiff::{tz::Offset, SignedDuration, Timestamp};
use serde::Serialize;

use super::load_atop::{self, Atop};
use super::load_history::{self, History};
use super::load_scores::{scores, UserScore};
use super::load_services::{self as svc, Apache, FpmHit, Mysql, Traffic};
use super::load_system::{self as sys, CpuSplit, DiskIo, Filesystem, Memory, Proc};
use crate::host::kv::sections;
use crate::ops::facts;

#[derive(Clone, Debug, Serialize)]
pub struct Readings {
    /// The host's clock when the probe ran.
    pub at: Option<Timestamp>,
    /// The window the logs (and the history) were read for.
    pub from: Timestamp,
    pub to: Timestamp,
    /// sysstat's summary of a past window; None when not asked for or not available.
    pub history: Option<History>,
    #[serde(skip)]
    pub history_asked: bool,
    /// atop's log of a past window, per user; None when not asked for or not there.
    pub atop: Option<Atop>,
    pub cpus: u32,
    pub load: [f64; 3],
    pub cpu: Option<CpuSplit>,
    pub memory: Memory,
    /// Kernel OOM kill lines of the window; None when the kernel log is not readable.
    pub oom_kills: Option<Vec<String>>,
    pub filesystems: Vec<Filesystem>,
    pub disks: Vec<DiskIo>,
    /// The busiest processes (CPU, then memory), at most 15.
    pub top_processes: Vec<Proc>,
    /// Processes in D state.
    pub d_state: Vec<Proc>,
    /// CPU and memory summed per user, busiest first.
    pub users: Vec<UserScore>,
    pub apache: Option<Apache>,
    pub traffic: Traffic,
    pub fpm: Vec<FpmHit>,
    /// Whether any PHP-FPM log exists (hits or not).
    #[serde(skip)]
    pub fpm_logs: bool,
    pub mysql: Option<Mysql>,
    pub mail_queue: Option<u64>,
    /// Backups, panel updates and cron jobs running now.
    pub jobs: Vec<Proc>,
    #[serde(skip)]
    pub processes: Vec<Proc>,
}

/// Programs of backups and panel updates (cPanel, Plesk, DirectAdmin) and cron itself.
const JOBS: &[&str] = &[
    "pkgacct",
    "cpbackup",
    "backup",
    "upcp",
    "updatenow",
    "pleskbackup",
    "pmm-ras",
    "autoinstaller",
    "dataskq",
    "admin_backup",
    "apt-get",
    "dnf",
    "yum",
];

/// Backups and panel updates by program name, and the children of cron.
fn jobs(processes: &[Proc]) -> Vec<Proc> {
    let crons: Vec<u32> = processes
        .iter()
        .filter(|p| matches!(p.command().as_str(), "cron" | "crond"))
        .map(|p| p.pid)
        .collect();
    processes
        .iter()
        .filter(|p| {
            let c = p.command();
            JOBS.iter()
                .any(|j| c == *j || c.starts_with(&format!("{j}.")))
                || (crons.contains(&p.ppid) && !matches!(c.as_str(), "cron" | "crond"))
        })
        .cloned()
        .collect()
}

/// Which logs count: the last minutes before the probe ran, or a past window.
#[derive(Clone, Copy, Debug)]
pub enum Window {
    Recent { minutes: u32 },
    Past { from: Timestamp, to: Timestamp },
}

/// Reads one probe output.
pub fn parse(text: &str, window: Window) -> Readings {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(String::as_str).unwrap_or("");
    let mut now = get("now").lines();
    let at: Option<Timestamp> = now
        .next()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .and_then(|secs| Timestamp::from_second(secs).ok());
    let offset = now.next().map(parse_offset).unwrap_or(Offset::UTC);
    let uptime = |k: &str| -> f64 {
        get(k)
            .split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0.0)
    };
    let seconds = uptime("uptime2") - uptime("uptime1");
    let clk_tck: f64 = get("clk_tck").trim().parse().unwrap_or(100.0);
    let processes = sys::processes(
        get("ps"),
        &sys::proc_ticks(get("pstat1")),
        &sys::proc_ticks(get("pstat2")),
        seconds,
        clk_tck,
    );
    let (from, to) = match window {
        Window::Recent { minutes } => {
            let to = at.unwrap_or_else(Timestamp::now);
            (to - SignedDuration::from_mins(i64::from(minutes)), to)
        }
        Window::Past { from, to } => (from, to),
    };
    let recent = |k: &str| svc::lines_between(get(k), offset, from, to);
    let mut top_processes = processes.clone();
    top_processes.sort_by(|a, b| {
        b.cpu_pct
            .total_cmp(&a.cpu_pct)
            .then(b.mem_pct.total_cmp(&a.mem_pct))
    });
    top_processes.truncate(15);
    let oom = get("oom");
    Readings {
        at,
        from,
        to,
        history: s.get("sadf").and_then(|j| load_history::parse(j, from, to)),
        history_asked: s.contains_key("sadf"),
        atop: s.get("atop").and_then(|t| load_atop::parse(t)),
        cpus: get("cpus").trim().parse().unwrap_or(0),
        load: facts::parse_loadavg(get("loadavg")),
        cpu: sys::cpu_split(get("stat1"), get("stat2")),
        memory: facts::parse_meminfo(get("meminfo")),
        oom_kills: (oom.trim() != svc::UNAVAILABLE).then(|| {
            let now_s = at.map_or(0.0, |a| a.as_second() as f64);
            let up = uptime("uptime2");
            sys::oom_kills(
                oom,
                up - (now_s - from.as_second() as f64),
                up - (now_s - to.as_second() as f64),
            )
        }),
        filesystems: sys::filesystems(get("df"), get("dfi")),
        disks: sys::disk_io(get("diskstats1"), get("diskstats2"), seconds),
        top_processes,
        d_state: processes
            .iter()
            .filter(|p| p.state.starts_with('D'))
            .cloned()
            .collect(),
        users: scores(&processes),
        apache: svc::apache(
            get("apache-conf"),
            get("apache-max"),
            get("apache-status"),
            recent("apache-errors"),
        ),
        traffic: svc::traffic(get("domlogs"), offset, from, to),
        fpm: svc::fpm_hits(&recent("fpm")),
        fpm_logs: !get("fpm").trim().is_empty(),
        mysql: svc::mysql(
            get("mysql-processlist"),
            get("mysql-status"),
            get("mysql-vars"),
            recent("mysql-slow"),
        ),
        mail_queue: svc::mail_queue(get("mailq")),
        jobs: jobs(&processes),
        processes,
    }
}

impl Readings {
    /// The window's length in minutes.
    pub fn minutes(&self) -> i64 {
        self.to.duration_since(self.from).as_mins()
    }

    /// The users the window is judged on: atop's sums of a past window when its log is
    /// there, else the processes now.
    pub fn judged_users(&self) -> &[UserScore] {
        match &self.atop {
            Some(a) => &a.users,
            None => &self.users,
        }
    }

    pub fn accounts(&self) -> Vec<UserScore> {
        self.judged_users()
            .iter()
            .filter(|u| u.account)
            .cloned()
            .collect()
    }
}

/// `date +%z`: `+0100`, `-0530`.
fn parse_offset(text: &str) -> Offset {
    let t = text.trim();
    let sign = if t.starts_with('-') { -1 } else { 1 };
    let digits = t.trim_start_matches(['+', '-']);
    let (h, m) = digits.split_at(digits.len().min(2));
    let secs = sign * (h.parse::<i32>().unwrap_or(0) * 3600 + m.parse::<i32>().unwrap_or(0) * 60);
    Offset::from_seconds(secs).unwrap_or(Offset::UTC)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn cron_children_and_backups_are_jobs() {
        let ps = " 10 1 0 root Ss 100 0.0 50 /usr/sbin/cron -f\n 11 10 0 root S 100 0.0 5 /bin/sh -c /usr/local/bin/report\n 12 1 0 root S 100 0.0 5 /usr/local/cpanel/bin/pkgacct eve\n 13 1 1001 eve S 100 0.0 5 php-fpm: pool eve\n";
        let procs = sys::processes(ps, &BTreeMap::new(), &BTreeMap::new(), 1.0, 100.0);
        let pids: Vec<u32> = jobs(&procs).iter().map(|p| p.pid).collect();
        assert_eq!(pids, [11, 12]);
        assert_eq!(procs[3].command(), "php-fpm: pool eve");
        let users = scores(&procs);
        let eve = users.iter().find(|u| u.user == "eve").unwrap();
        assert!(eve.account);
        let unnamed = " 20 1 1005 1005 S 100 0.0 5 sleep 9\n";
        let procs = sys::processes(unnamed, &BTreeMap::new(), &BTreeMap::new(), 1.0, 100.0);
        assert!(
            !scores(&procs)[0].account,
            "a UID without a name here is not an account"
        );
    }
}
