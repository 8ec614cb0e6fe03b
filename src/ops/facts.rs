//! `hostops hosts check`: what a host is (OS, panel and version) and how it is doing (CPUs,
//! load, memory, disk), gathered in one round trip by a constant probe script.

use serde::Serialize;

use crate::host::kv::sections;
use crate::panel::{self, PanelInfo};
use crate::transport::{self, Cmd, Transport, TransportError};

/// Constant: no user input is ever part of it.
const PROBE: &str = r#"section() { printf '\n@@%s\n' "$1"; }
section os; cat /etc/os-release 2>/dev/null
section kernel; uname -sr
section hostname; cat /proc/sys/kernel/hostname
section cpus; nproc 2>/dev/null || getconf _NPROCESSORS_ONLN
section loadavg; cat /proc/loadavg
section meminfo; cat /proc/meminfo
section df; timeout 10 df -PkT 2>/dev/null"#;

#[derive(Clone, Debug, Serialize)]
pub struct HostFacts {
    pub host: String,
    pub hostname: String,
    pub os: Os,
    pub kernel: String,
    pub panel: PanelInfo,
    pub cpus: u32,
    pub load: [f64; 3],
    pub memory: Memory,
    pub disks: Vec<Disk>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Os {
    /// os-release ID (`debian`, `almalinux`, `ubuntu`).
    pub id: String,
    pub version: String,
    pub name: String,
    /// os-release ID_LIKE (`rhel centos fedora`, `debian`).
    pub like: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Memory {
    pub total_kib: u64,
    pub available_kib: u64,
    pub swap_total_kib: u64,
    pub swap_free_kib: u64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Disk {
    pub mount: String,
    pub filesystem: String,
    pub fstype: String,
    pub size_kib: u64,
    pub used_kib: u64,
    pub available_kib: u64,
}

pub fn gather(t: &dyn Transport) -> Result<HostFacts, TransportError> {
    let probe = format!("{PROBE}\n{}", panel::VERSION_PROBE);
    let out = transport::run_ok(t, &Cmd::new("sh").args(["-c", probe.as_str()]))?;
    Ok(parse(&t.target().name, &out.stdout_text()))
}

pub fn parse(host: &str, text: &str) -> HostFacts {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(String::as_str).unwrap_or("");
    HostFacts {
        host: host.to_string(),
        hostname: get("hostname").trim().to_string(),
        os: parse_os_release(get("os")),
        kernel: get("kernel").trim().to_string(),
        panel: panel::from_probe(|name| get(name).to_string()),
        cpus: get("cpus").trim().parse().unwrap_or(0),
        load: parse_loadavg(get("loadavg")),
        memory: parse_meminfo(get("meminfo")),
        disks: parse_df(get("df")),
    }
}

pub(crate) fn parse_os_release(text: &str) -> Os {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
            .map(|v| v.trim().trim_matches('"').to_string())
            .unwrap_or_default()
    };
    Os {
        id: field("ID"),
        version: field("VERSION_ID"),
        name: field("PRETTY_NAME"),
        like: field("ID_LIKE"),
    }
}

pub(crate) fn parse_loadavg(text: &str) -> [f64; 3] {
    let mut it = text.split_whitespace().map(|v| v.parse().unwrap_or(0.0));
    [
        it.next().unwrap_or(0.0),
        it.next().unwrap_or(0.0),
        it.next().unwrap_or(0.0),
    ]
}

pub(crate) fn parse_meminfo(text: &str) -> Memory {
    let kib = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|v| v.strip_prefix(':')))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    Memory {
        total_kib: kib("MemTotal"),
        available_kib: kib("MemAvailable"),
        swap_total_kib: kib("SwapTotal"),
        swap_free_kib: kib("SwapFree"),
    }
}

/// `df -PkT` rows of real file systems, one per device (bind mounts repeat a device: the
/// shortest mount point stands for it).
fn parse_df(text: &str) -> Vec<Disk> {
    const PSEUDO: &[&str] = &[
        "tmpfs",
        "devtmpfs",
        "squashfs",
        "proc",
        "sysfs",
        "cgroup",
        "cgroup2",
        "devpts",
        "overlayfs",
    ];
    let mut disks: Vec<Disk> = Vec::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 7 || PSEUDO.contains(&f[1]) {
            continue;
        }
        let num = |i: usize| f[i].parse::<u64>().unwrap_or(0);
        let disk = Disk {
            filesystem: f[0].to_string(),
            fstype: f[1].to_string(),
            size_kib: num(2),
            used_kib: num(3),
            available_kib: num(4),
            mount: f[6..].join(" "),
        };
        match disks
            .iter_mut()
            .find(|d| d.filesystem == disk.filesystem && d.size_kib == disk.size_kib)
        {
            Some(d) if disk.mount.len() < d.mount.len() => *d = disk,
            Some(_) => {}
            None => disks.push(disk),
        }
    }
    disks
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\n@@os\nPRETTY_NAME=\"AlmaLinux 9.4 (Seafoam Ocelot)\"\nID=\"almalinux\"\nVERSION_ID=\"9.4\"\n\
\n@@kernel\nLinux 5.14.0-427.el9.x86_64\n\n@@hostname\nweb01\n\n@@cpus\n8\n\n@@loadavg\n2.50 1.75 0.90 3/400 1234\n\
\n@@meminfo\nMemTotal:       16318480 kB\nMemFree:          318480 kB\nMemAvailable:    8159240 kB\nSwapTotal:       2097148 kB\nSwapFree:        2000000 kB\n\
\n@@df\nFilesystem     Type 1024-blocks     Used Available Capacity Mounted on\n/dev/vda1      xfs     83873772 41936886  41936886      50% /\n\
tmpfs          tmpfs     8159240        0   8159240       0% /dev/shm\n/dev/vda1      xfs     83873772 41936886  41936886      50% /home/virtfs/bob/home\n\
/dev/vdb1      ext4   209715200 10485760 199229440       5% /backup dir\n\n@@cpanel\n11.122.0.17\n\n@@plesk\n\n@@directadmin\n";

    #[test]
    fn parses_a_cpanel_host() {
        let f = parse("web01", SAMPLE);
        assert_eq!(f.os.id, "almalinux");
        assert_eq!(f.os.version, "9.4");
        assert_eq!(f.cpus, 8);
        assert_eq!(f.load, [2.5, 1.75, 0.9]);
        assert_eq!(f.memory.total_kib, 16318480);
        assert_eq!(f.memory.available_kib, 8159240);
        assert_eq!(f.panel.kind, crate::panel::PanelKind::Cpanel);
        assert_eq!(f.panel.major.as_deref(), Some("122"));
        let mounts: Vec<&str> = f.disks.iter().map(|d| d.mount.as_str()).collect();
        assert_eq!(mounts, ["/", "/backup dir"]);
    }

    #[test]
    fn missing_sections_mean_unknown_not_a_crash() {
        let f = parse("x", "garbage\n@@cpus\nnot-a-number\n");
        assert_eq!(f.cpus, 0);
        assert_eq!(f.panel.kind, crate::panel::PanelKind::None);
        assert!(f.disks.is_empty());
    }
}
