//! A real DNSBL server for the blacklist tests: rbldnsd (Debian package) on a random
//! 127.A.B.C port 53, serving test zones; and a "nameserver" that never answers. Both stop
//! on drop.

use std::hash::{BuildHasher, Hasher};
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::os::unix::fs::PermissionsExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// `(zone, rbldnsd dataset type, data)`; several entries may share a zone.
pub type ZoneData<'a> = (&'a str, &'a str, &'a str);

pub struct Rbldnsd {
    _dir: TempDir,
    child: Child,
    pub addr: Ipv4Addr,
}

/// A random 127.A.B.C away from 127.0.0.0/16 (lab hosts use 127.A.B.N port 22).
pub fn random_loopback() -> Ipv4Addr {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    let r = h.finish().to_le_bytes();
    Ipv4Addr::new(127, 100 + r[0] % 150, r[1], 1 + r[2] % 250)
}

impl Rbldnsd {
    /// Starts rbldnsd serving `zones`; retries on another address if the one picked is taken.
    pub fn start(zones: &[ZoneData]) -> Rbldnsd {
        assert!(
            Command::new("rbldnsd").arg("-h").output().is_ok(),
            "rbldnsd is not installed: run .ci/deps as root (Debian package rbldnsd)"
        );
        let dir = tempfile::Builder::new()
            .prefix("hostops-rbldnsd-")
            .tempdir()
            .unwrap();
        // rbldnsd drops to `nobody` before reading its data.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut specs = Vec::new();
        for (i, (zone, kind, data)) in zones.iter().enumerate() {
            let file = dir.path().join(format!("{i}.data"));
            let soa = "$SOA 0 ns.test. hostmaster.test. 0 1h 1h 1d 1h\n";
            std::fs::write(&file, format!("{soa}{data}\n")).unwrap();
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
            specs.push(format!("{zone}:{kind}:{}", file.display()));
        }
        for _ in 0..10 {
            let addr = random_loopback();
            let mut child = Command::new("rbldnsd")
                .args(["-n", "-q", "-u", "nobody", "-b"])
                .arg(format!("{addr}/53"))
                .args(&specs)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start rbldnsd");
            if answers(addr, &mut child) {
                return Rbldnsd {
                    _dir: dir,
                    child,
                    addr,
                };
            }
            let _ = child.kill();
            let _ = child.wait();
        }
        panic!("rbldnsd did not start on any of 10 loopback addresses");
    }

    /// `IP` for `--nameserver` (port 53).
    pub fn nameserver(&self) -> String {
        self.addr.to_string()
    }
}

/// Waits until rbldnsd answers a query (false if it exited: address taken).
fn answers(addr: Ipv4Addr, child: &mut Child) -> bool {
    let sock = UdpSocket::bind("127.0.0.1:0").unwrap();
    sock.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    // A query for `.` (root, type A): any answer, even REFUSED, proves it is up.
    let query = [
        0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1,
    ];
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut buf = [0u8; 512];
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        let _ = sock.send_to(&query, SocketAddr::from((addr, 53)));
        if sock.recv(&mut buf).is_ok() {
            return true;
        }
    }
    false
}

impl Drop for Rbldnsd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A UDP port 53 that reads nothing and answers nothing: every query to it times out.
pub struct Blackhole {
    sock: UdpSocket,
    pub addr: Ipv4Addr,
}

impl Blackhole {
    /// Whether any query has arrived (and waits, unread).
    pub fn was_asked(&self) -> bool {
        self.sock.set_nonblocking(true).unwrap();
        let asked = self.sock.peek_from(&mut [0u8; 512]).is_ok();
        self.sock.set_nonblocking(false).unwrap();
        asked
    }

    pub fn start() -> Blackhole {
        for _ in 0..10 {
            let addr = random_loopback();
            if let Ok(sock) = UdpSocket::bind((addr, 53)) {
                return Blackhole { sock, addr };
            }
        }
        panic!("no free loopback address for the silent nameserver");
    }
}

/// A broken resolver on a random 127.A.B.C port 53: it answers every query at once with
/// `rcode` (3 = NXDOMAIN, 2 = SERVFAIL), no record and no SOA, as an offline resolver does.
pub struct BrokenResolver {
    addr: Ipv4Addr,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl BrokenResolver {
    pub fn start(rcode: u8) -> BrokenResolver {
        let (addr, sock) = (0..10)
            .find_map(|_| {
                let addr = random_loopback();
                UdpSocket::bind((addr, 53)).ok().map(|s| (addr, s))
            })
            .expect("no free loopback address for the broken resolver");
        sock.set_read_timeout(Some(Duration::from_millis(50)))
            .unwrap();
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let halt = stop.clone();
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 1500];
            while !halt.load(std::sync::atomic::Ordering::Relaxed) {
                let Ok((n, from)) = sock.recv_from(&mut buf) else {
                    continue;
                };
                if n < 12 {
                    continue;
                }
                // The query back with QR and RA set, the rcode, and no record added.
                buf[2] = 0x80 | (buf[2] & 0x01);
                buf[3] = 0x80 | (rcode & 0x0f);
                let _ = sock.send_to(&buf[..n], from);
            }
        });
        BrokenResolver {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// `IP` for `--nameserver` (port 53).
    pub fn nameserver(&self) -> String {
        self.addr.to_string()
    }
}

impl Drop for BrokenResolver {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
