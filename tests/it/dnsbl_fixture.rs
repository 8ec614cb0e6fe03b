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

/// A scripted nameserver on a random 127.A.B.C port 53: `respond` gets each query and
/// returns the answer to send, or None to drop it. Stops on drop.
pub struct FakeNameserver {
    addr: Ipv4Addr,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FakeNameserver {
    fn start(respond: impl Fn(&[u8]) -> Option<Vec<u8>> + Send + 'static) -> FakeNameserver {
        let (addr, sock) = (0..10)
            .find_map(|_| {
                let addr = random_loopback();
                UdpSocket::bind((addr, 53)).ok().map(|s| (addr, s))
            })
            .expect("no free loopback address for the fake nameserver");
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
                if let Some(answer) = respond(&buf[..n]) {
                    let _ = sock.send_to(&answer, from);
                }
            }
        });
        FakeNameserver {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    /// A broken resolver: every query answered at once with `rcode` (3 = NXDOMAIN,
    /// 2 = SERVFAIL), no record and no SOA, as an offline resolver does.
    pub fn broken(rcode: u8) -> FakeNameserver {
        FakeNameserver::start(move |q| Some(reply(q, rcode, false, None)))
    }

    /// A nameserver that answers a zone's IPv4 test points (127.0.0.2 listed, 127.0.0.1 not)
    /// and drops every other query, like one that drops most queries: the zone looks alive,
    /// and its lookups time out.
    pub fn test_points_only() -> FakeNameserver {
        FakeNameserver::start(|q| {
            let first = q.get(13..q.get(12).map_or(0, |l| 13 + *l as usize))?;
            let rest = q.get(12..)?;
            let ends_with = |labels: &[u8]| rest.windows(labels.len()).any(|w| w == labels);
            if !ends_with(b"\x010\x010\x03127") {
                return None;
            }
            match first {
                b"2" => Some(reply(q, 0, true, Some([127, 0, 0, 2]))),
                b"1" => Some(reply(q, 3, true, None)),
                _ => None,
            }
        })
    }

    /// `IP` for `--nameserver` (port 53).
    pub fn nameserver(&self) -> String {
        self.addr.to_string()
    }
}

/// The query `q` turned into its answer: QR, RA, `rcode`, AA when `authoritative`, and one
/// A record when `a` is given.
fn reply(q: &[u8], rcode: u8, authoritative: bool, a: Option<[u8; 4]>) -> Vec<u8> {
    let mut r = q.to_vec();
    r[2] = 0x80 | if authoritative { 0x04 } else { 0 } | (q[2] & 0x01);
    r[3] = 0x80 | (rcode & 0x0f);
    if let Some(addr) = a {
        r[7] = 1;
        // The question's name (a pointer to offset 12), A, IN, TTL 60, the address.
        r.extend_from_slice(&[0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4]);
        r.extend_from_slice(&addr);
    }
    r
}

impl Drop for FakeNameserver {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
