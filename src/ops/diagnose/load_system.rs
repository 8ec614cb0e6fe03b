//! Readers of the kernel's and the system tools' formats the load probe returns: /proc/stat
//! and /proc/diskstats sampled twice, /proc/PID/stat, `ps`, /proc/meminfo, `df -P`, and the
//! kernel log's OOM lines. Tolerant: a missing or odd line is skipped, never a crash.

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::ops::facts::Memory;

/// Share of CPU time, in percent of all CPUs, over the sample.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CpuSplit {
    pub user: f64,
    pub system: f64,
    pub iowait: f64,
    pub steal: f64,
    pub idle: f64,
}

/// The `cpu ` line of /proc/stat sampled twice: user+nice, system+irq+softirq, iowait, steal,
/// idle as shares of the difference.
pub fn cpu_split(first: &str, second: &str) -> Option<CpuSplit> {
    let read = |t: &str| -> Option<Vec<u64>> {
        let line = t.lines().find(|l| l.starts_with("cpu "))?;
        Some(
            line.split_whitespace()
                .skip(1)
                .map(|v| v.parse().unwrap_or(0))
                .collect(),
        )
    };
    let (a, b) = (read(first)?, read(second)?);
    let d: Vec<f64> = (0..8)
        .map(|i| {
            b.get(i)
                .unwrap_or(&0)
                .saturating_sub(*a.get(i).unwrap_or(&0)) as f64
        })
        .collect();
    let total: f64 = d.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let pct = |v: f64| (v * 1000.0 / total).round() / 10.0;
    Some(CpuSplit {
        user: pct(d[0] + d[1]),
        system: pct(d[2] + d[5] + d[6]),
        idle: pct(d[3]),
        iowait: pct(d[4]),
        steal: pct(d[7]),
    })
}

/// A whole disk's busy time and mean wait over the sample.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DiskIo {
    pub device: String,
    pub util_pct: f64,
    pub await_ms: f64,
    pub ios: u64,
}

/// /proc/diskstats sampled twice, `seconds` apart: %util (time doing I/O) and await (time per
/// I/O) per whole disk. Partitions, loop, ram and zram devices are left out.
pub fn disk_io(first: &str, second: &str, seconds: f64) -> Vec<DiskIo> {
    let read = |t: &str| -> BTreeMap<String, Vec<u64>> {
        t.lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                (f.len() >= 14).then(|| {
                    let nums = f[3..].iter().map(|v| v.parse().unwrap_or(0)).collect();
                    (f[2].to_string(), nums)
                })
            })
            .collect()
    };
    let (a, b) = (read(first), read(second));
    let is_partition = |name: &str| {
        name.ends_with(|c: char| c.is_ascii_digit())
            && b.keys().any(|other| {
                other != name
                    && name.starts_with(other.as_str())
                    && name[other.len()..]
                        .trim_start_matches('p')
                        .parse::<u32>()
                        .is_ok()
            })
    };
    let mut out = Vec::new();
    for (name, now) in &b {
        if ["loop", "ram", "zram"].iter().any(|p| name.starts_with(p)) || is_partition(name) {
            continue;
        }
        let Some(before) = a.get(name) else { continue };
        let d = |i: usize| now[i].saturating_sub(before[i]);
        // fields after the name: reads 0, read ms 3, writes 4, write ms 7, io ms 9
        let ios = d(0) + d(4);
        let wait = d(3) + d(7);
        let util = if seconds > 0.0 {
            (d(9) as f64 / (seconds * 10.0)).min(100.0)
        } else {
            0.0
        };
        out.push(DiskIo {
            device: name.clone(),
            util_pct: (util * 10.0).round() / 10.0,
            await_ms: if ios == 0 {
                0.0
            } else {
                (wait as f64 * 10.0 / ios as f64).round() / 10.0
            },
            ios,
        });
    }
    out
}

/// CPU ticks (utime + stime) per PID from `/proc/PID/stat` lines. The command name between
/// parentheses may hold spaces and parentheses: fields are counted after the last `)`.
pub fn proc_ticks(text: &str) -> BTreeMap<u32, u64> {
    text.lines()
        .filter_map(|l| {
            let pid = l.split_whitespace().next()?.parse().ok()?;
            let rest = &l[l.rfind(')')? + 1..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            // after the name: state 0, ..., utime 11, stime 12
            let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
            Some((pid, ticks))
        })
        .collect()
}

/// One process from `ps`, with its CPU over the sample.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proc {
    pub pid: u32,
    pub ppid: u32,
    pub uid: u32,
    pub user: String,
    pub state: String,
    pub rss_kib: u64,
    pub mem_pct: f64,
    /// Percent of one CPU over the sample (200 = two CPUs busy).
    pub cpu_pct: f64,
    pub elapsed_s: u64,
    pub args: String,
}

impl Proc {
    /// What the process runs, for "top commands": PHP-FPM's title (`php-fpm: pool eve`) as
    /// it is, else the program's file name.
    pub fn command(&self) -> String {
        if self.args.starts_with("php-fpm: pool ") {
            return self.args.clone();
        }
        let first = self.args.split_whitespace().next().unwrap_or("");
        first.rsplit('/').next().unwrap_or(first).to_string()
    }
}

/// `ps -eo pid=,ppid=,uid=,user:32=,stat=,rss=,pmem=,etimes=,args=` rows; CPU from the ticks
/// each PID used between the two `/proc/PID/stat` samples.
pub fn processes(
    ps: &str,
    before: &BTreeMap<u32, u64>,
    after: &BTreeMap<u32, u64>,
    seconds: f64,
    clk_tck: f64,
) -> Vec<Proc> {
    ps.lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let mut next = || f.next();
            let pid: u32 = next()?.parse().ok()?;
            let ppid = next()?.parse().ok()?;
            let uid = next()?.parse().ok()?;
            let user = next()?.to_string();
            let state = next()?.to_string();
            let rss_kib = next()?.parse().ok()?;
            let mem_pct = next()?.parse().ok()?;
            let elapsed_s = next()?.parse().ok()?;
            let args = f.collect::<Vec<_>>().join(" ");
            let used = match (before.get(&pid), after.get(&pid)) {
                (Some(a), Some(b)) => b.saturating_sub(*a) as f64,
                _ => 0.0,
            };
            let cpu_pct = if seconds > 0.0 && clk_tck > 0.0 {
                (used * 1000.0 / clk_tck / seconds).round() / 10.0
            } else {
                0.0
            };
            Some(Proc {
                pid,
                ppid,
                uid,
                user,
                state,
                rss_kib,
                mem_pct,
                cpu_pct,
                elapsed_s,
                args,
            })
        })
        .collect()
}

/// Memory in use (all but MemAvailable), in percent.
pub fn memory_used_pct(m: &Memory) -> f64 {
    pct(m.total_kib.saturating_sub(m.available_kib), m.total_kib)
}

pub fn swap_used_pct(m: &Memory) -> f64 {
    pct(
        m.swap_total_kib.saturating_sub(m.swap_free_kib),
        m.swap_total_kib,
    )
}

/// `part` of `whole` in percent, one decimal; 0 for an empty whole.
pub fn pct(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

/// A mounted file system's space and inodes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Filesystem {
    pub mount: String,
    pub device: String,
    pub fstype: String,
    pub size_kib: u64,
    pub used_pct: f64,
    pub inodes_used_pct: Option<f64>,
}

/// Mounts that are the kernel's, not storage.
const PSEUDO: &[&str] = &[
    "devtmpfs", "squashfs", "proc", "sysfs", "cgroup", "cgroup2", "devpts", "overlay", "nsfs",
];

/// `df -PkT` and `df -PiT` joined by mount point. A tmpfs counts only outside /dev, /run,
/// /sys and /proc (a tmpfs mounted for data fills up like a disk).
pub fn filesystems(df: &str, dfi: &str) -> Vec<Filesystem> {
    let rows = |t: &str| -> Vec<(String, String, String, u64, u64)> {
        t.lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                if f.len() < 7 {
                    return None;
                }
                let n = |i: usize| f[i].parse::<u64>().ok();
                // used% from used/(used+available), as df computes it
                let (used, avail) = (n(3)?, n(4)?);
                Some((
                    f[6..].join(" "),
                    f[0].to_string(),
                    f[1].to_string(),
                    used,
                    avail,
                ))
            })
            .collect()
    };
    let inodes = rows(dfi);
    let mut out: Vec<Filesystem> = Vec::new();
    for (mount, device, fstype, used, avail) in rows(df) {
        let system = ["/dev", "/run", "/sys", "/proc"]
            .iter()
            .any(|p| mount == *p || mount.starts_with(&format!("{p}/")));
        if PSEUDO.contains(&fstype.as_str()) || (fstype == "tmpfs" && system) {
            continue;
        }
        if out.iter().any(|f| f.mount == mount) {
            continue;
        }
        let inodes_used_pct = inodes
            .iter()
            .find(|i| i.0 == mount)
            .filter(|i| i.3 + i.4 > 0)
            .map(|i| pct(i.3, i.3 + i.4));
        out.push(Filesystem {
            mount,
            device,
            fstype,
            size_kib: used + avail,
            used_pct: pct(used, used + avail),
            inodes_used_pct,
        });
    }
    out
}

/// Kernel log OOM lines (`[SECONDS] Out of memory: Killed process PID (NAME) ...`, or
/// `Memory cgroup out of memory: ...` for a cgroup's limit) written
/// between `from_s` and `to_s` seconds after boot, or all when the line has no time.
pub fn oom_kills(text: &str, from_s: f64, to_s: f64) -> Vec<String> {
    text.lines()
        .filter(|l| l.contains("Killed process"))
        .filter(|l| {
            let t = l
                .strip_prefix('[')
                .and_then(|r| r.split_once(']'))
                .and_then(|(t, _)| t.trim().parse::<f64>().ok());
            t.is_none_or(|t| t >= from_s && t <= to_s)
        })
        .map(|l| l.trim().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_command_name_does_not_shift_the_fields() {
        let t = proc_ticks("42 (a) b) c 9 9) R 1 1 1 0 -1 0 0 0 0 0 700 300 0 0\n");
        assert_eq!(t.get(&42), Some(&1000));
    }

    #[test]
    fn oom_lines_in_the_window_only() {
        let text = "[  100.5] Out of memory: Killed process 77 (php) total-vm:1kB, UID:1002\n\
                    [ 5000.0] Out of memory: Killed process 78 (php) total-vm:1kB, UID:1002\n";
        assert_eq!(oom_kills(text, 4000.0, 6000.0).len(), 1);
        assert_eq!(oom_kills(text, 0.0, 6000.0).len(), 2);
        // A kill in a memory-limited cgroup, as Linux 6.18 wrote it on this project's lab
        // machine (tests/it/diagnose_load.rs makes one), with the kernel's `oom-kill:` line.
        let memcg = "[34397.485423] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/hostops-oom-25497,task_memcg=/hostops-oom-25497,task=python3,pid=26271,uid=1002\n\
                     [34397.485439] Memory cgroup out of memory: Killed process 26271 (python3) total-vm:218764kB, anon-rss:32000kB, file-rss:5428kB, shmem-rss:0kB, UID:1002 pgtables:128kB oom_score_adj:0\n";
        let kills = oom_kills(memcg, 34000.0, 35000.0);
        assert_eq!(kills.len(), 1);
        assert!(kills[0].contains("(python3)") && kills[0].contains("UID:1002"));
    }

    #[test]
    fn partitions_and_loop_devices_are_left_out() {
        let a = " 8 0 sda 10 0 0 100 10 0 0 100 0 100 0\n 8 1 sda1 10 0 0 100 10 0 0 100 0 100 0\n 7 0 loop0 1 0 0 1 1 0 0 1 0 1 0\n 259 0 nvme0n1 0 0 0 0 0 0 0 0 0 0 0\n 259 1 nvme0n1p1 0 0 0 0 0 0 0 0 0 0 0\n";
        let b = " 8 0 sda 20 0 0 300 20 0 0 300 0 600 0\n 8 1 sda1 20 0 0 300 20 0 0 300 0 600 0\n 7 0 loop0 1 0 0 1 1 0 0 1 0 1 0\n 259 0 nvme0n1 0 0 0 0 0 0 0 0 0 0 0\n 259 1 nvme0n1p1 0 0 0 0 0 0 0 0 0 0 0\n";
        let d = disk_io(a, b, 1.0);
        let names: Vec<&str> = d.iter().map(|d| d.device.as_str()).collect();
        assert_eq!(names, ["nvme0n1", "sda"]);
        assert_eq!((d[1].util_pct, d[1].await_ms, d[1].ios), (50.0, 20.0, 20));
    }
}
