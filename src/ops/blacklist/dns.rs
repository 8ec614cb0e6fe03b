//! DNS lookups for the blacklist checks, reduced to the four outcomes a verdict needs:
//! records, no such record (NXDOMAIN/NODATA), a refusal by the nameserver, or a failure
//! (timeout, SERVFAIL). A timeout is never mistaken for "no such record".
//!
//! Messages are hickory's (`hickory_resolver::proto`) and the system's nameservers come from
//! hickory's resolv.conf reader, but the exchange is our own: a sweep of a /22 against ten
//! zones is 10,000 queries to one nameserver, and hickory's resolver opens a socket and walks
//! a cache and a server pool per query, which costs three times the CPU of udns. Here each
//! nameserver gets one connected UDP socket for the whole run, and answers are matched to
//! their queries by ID and question.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context as _, Result};
use hickory_resolver::proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use tokio::net::UdpSocket;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::exit::StatusError;

/// Where and how patiently to ask.
#[derive(Clone, Debug)]
pub struct DnsOptions {
    /// Nameservers to query; empty means the system's (/etc/resolv.conf).
    pub nameservers: Vec<SocketAddr>,
    pub timeout: Duration,
    /// Tries after the first one. Each try goes to the next nameserver, in the order given.
    pub retries: usize,
}

/// How a lookup ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply<T> {
    Found(Vec<T>),
    /// NXDOMAIN, or the name exists without records of this type.
    Missing,
    /// The nameserver answered REFUSED.
    Refused,
    /// Timeout, SERVFAIL or another failure: nothing can be concluded.
    Failed(String),
}

impl<T> Reply<T> {
    fn map<U>(self, f: impl Fn(T) -> Option<U>) -> Reply<U> {
        match self {
            Reply::Found(v) => Reply::Found(v.into_iter().filter_map(f).collect()),
            Reply::Missing => Reply::Missing,
            Reply::Refused => Reply::Refused,
            Reply::Failed(e) => Reply::Failed(e),
        }
    }
}

/// Parses `IP`, `IP:PORT`, `[IPv6]:PORT` (port 53 when absent).
pub fn parse_nameserver(s: &str) -> Result<SocketAddr, StatusError> {
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, 53));
    }
    s.parse::<SocketAddr>().map_err(|_| {
        StatusError::usage(format!(
            "--nameserver {s}: not an address; give IP or IP:PORT (IPv6 with a port: [2001:db8::53]:5353)"
        ))
    })
}

type Pending = Arc<Mutex<HashMap<u16, oneshot::Sender<Vec<u8>>>>>;

/// One nameserver: its socket, the queries waiting for it, and the task reading answers.
struct Server {
    addr: SocketAddr,
    sock: Arc<UdpSocket>,
    pending: Pending,
    reader: JoinHandle<()>,
}

impl Server {
    fn open(addr: SocketAddr) -> Result<Server> {
        let local: SocketAddr = match addr {
            SocketAddr::V4(_) => (Ipv4Addr::UNSPECIFIED, 0).into(),
            SocketAddr::V6(_) => (Ipv6Addr::UNSPECIFIED, 0).into(),
        };
        let std_sock = std::net::UdpSocket::bind(local)
            .and_then(|s| s.connect(addr).map(|_| s))
            .and_then(|s| s.set_nonblocking(true).map(|_| s))
            .with_context(|| format!("cannot open a UDP socket to the nameserver {addr}"))?;
        let sock = Arc::new(UdpSocket::from_std(std_sock)?);
        let pending: Pending = Arc::default();
        let reader = tokio::spawn(read_answers(sock.clone(), pending.clone()));
        Ok(Server {
            addr,
            sock,
            pending,
            reader,
        })
    }

    fn forget(&self, id: u16) {
        self.pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
    }
}

/// Hands each answer to the query waiting for its ID. The socket is connected, so only the
/// nameserver's datagrams arrive; ICMP errors (port unreachable) are skipped: those queries
/// time out.
async fn read_answers(sock: Arc<UdpSocket>, pending: Pending) {
    let mut buf = vec![0u8; 65_535];
    loop {
        let Ok(n) = sock.recv(&mut buf).await else {
            continue;
        };
        if n < 12 {
            continue;
        }
        let id = u16::from_be_bytes([buf[0], buf[1]]);
        let waiter = pending
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&id);
        if let Some(tx) = waiter {
            let _ = tx.send(buf[..n].to_vec());
        }
    }
}

/// The outcome of an answer. A "no such record" (NXDOMAIN, or NOERROR without records) is
/// believed only with its proof: the zone's SOA in the authority section (RFC 2308), or the
/// authoritative flag of the zone's own server. A resolver that is offline or broken answers
/// NXDOMAIN to everything without either, and that proves nothing.
fn classify(m: &Message, rtype: RecordType) -> Reply<RData> {
    let negative = match m.response_code() {
        ResponseCode::NoError => {
            let records: Vec<RData> = m
                .answers()
                .iter()
                .filter(|r| r.record_type() == rtype)
                .map(|r| r.data().clone())
                .collect();
            if !records.is_empty() {
                return Reply::Found(records);
            }
            if m.truncated() {
                return Reply::Failed("the answer was truncated".into());
            }
            "no record"
        }
        ResponseCode::NXDomain => "NXDOMAIN",
        ResponseCode::Refused => return Reply::Refused,
        code => return Reply::Failed(format!("the nameserver answered {code}")),
    };
    let proven = m.authoritative()
        || m.name_servers()
            .iter()
            .any(|r| r.record_type() == RecordType::SOA);
    if proven {
        Reply::Missing
    } else {
        Reply::Failed(format!(
            "the nameserver answered {negative} without the zone's SOA record, which a real \
             \"no such record\" carries: the resolver is offline or broken (try --nameserver IP)"
        ))
    }
}

pub struct Dns {
    servers: Vec<Server>,
    timeout: Duration,
    retries: usize,
    ids: (std::hash::RandomState, AtomicU64),
}

impl Drop for Dns {
    fn drop(&mut self) {
        self.servers.iter().for_each(|s| s.reader.abort());
    }
}

/// The system's nameservers, from /etc/resolv.conf.
fn system_nameservers() -> Result<Vec<SocketAddr>> {
    let (config, _) = hickory_resolver::system_conf::read_system_conf()
        .context("cannot read the system's resolvers (/etc/resolv.conf); pass --nameserver IP")?;
    let mut out: Vec<SocketAddr> = Vec::new();
    for ns in config.name_servers() {
        if !out.contains(&ns.socket_addr) {
            out.push(ns.socket_addr);
        }
    }
    if out.is_empty() {
        anyhow::bail!("/etc/resolv.conf names no nameserver; pass --nameserver IP");
    }
    Ok(out)
}

impl Dns {
    /// Must be called inside a Tokio runtime.
    pub fn new(opts: &DnsOptions) -> Result<Dns> {
        let addrs = if opts.nameservers.is_empty() {
            system_nameservers()?
        } else {
            opts.nameservers.clone()
        };
        Ok(Dns {
            servers: addrs.into_iter().map(Server::open).collect::<Result<_>>()?,
            timeout: opts.timeout,
            retries: opts.retries,
            ids: Default::default(),
        })
    }

    /// A fresh, unpredictable query ID.
    fn id(&self) -> u16 {
        let n = self.ids.1.fetch_add(1, Ordering::Relaxed);
        self.ids.0.hash_one(n) as u16
    }

    /// Sends the query to the first nameserver and waits for its answer; after a timeout,
    /// tries the next one.
    /// `direct`: a question to an authoritative server (RD=0, EDNS with a 1232-byte payload so
    /// that long TXT answers come whole over UDP).
    async fn exchange(
        &self,
        name: &Name,
        rtype: RecordType,
        direct: bool,
    ) -> Result<Message, String> {
        let mut failure = String::new();
        for attempt in 0..=self.retries {
            let server = &self.servers[attempt % self.servers.len()];
            let (tx, rx) = oneshot::channel();
            let id = {
                let mut pending = server.pending.lock().unwrap_or_else(|p| p.into_inner());
                let id = std::iter::repeat_with(|| self.id())
                    .find(|id| !pending.contains_key(id))
                    .expect("a free query ID");
                pending.insert(id, tx);
                id
            };
            let mut query = Message::new();
            query
                .set_id(id)
                .set_message_type(MessageType::Query)
                .set_op_code(OpCode::Query)
                .set_recursion_desired(!direct)
                .add_query(Query::query(name.clone(), rtype));
            if direct {
                let mut edns = Edns::new();
                edns.set_max_payload(1232);
                query.set_edns(edns);
            }
            let bytes = query
                .to_vec()
                .map_err(|e| format!("cannot encode {name}: {e}"))?;
            if let Err(e) = server.sock.send(&bytes).await {
                server.forget(id);
                failure = format!("cannot send to {}: {e}", server.addr);
                continue;
            }
            match tokio::time::timeout(self.timeout, rx).await {
                Ok(Ok(raw)) => match Message::from_vec(&raw) {
                    Ok(m)
                        if m.queries()
                            .first()
                            .is_some_and(|q| q.name() == name && q.query_type() == rtype) =>
                    {
                        return Ok(m)
                    }
                    _ => failure = format!("{} sent an answer that does not match", server.addr),
                },
                Ok(Err(_)) => failure = format!("{} stopped answering", server.addr),
                Err(_) => {
                    server.forget(id);
                    failure = format!(
                        "no answer within {} ms ({} tries)",
                        self.timeout.as_millis(),
                        self.retries + 1
                    );
                }
            }
        }
        Err(failure)
    }

    async fn lookup(&self, name: &str, rtype: RecordType) -> Reply<RData> {
        let name = match Name::from_ascii(name) {
            Ok(n) => n,
            Err(e) => return Reply::Failed(format!("`{name}` is not a DNS name: {e}")),
        };
        match self.exchange(&name, rtype, false).await {
            Ok(m) => classify(&m, rtype),
            Err(e) => Reply::Failed(e),
        }
    }

    /// Asks the nameserver itself (RD=0) about `name`: the whole answer, for its flags
    /// (authoritative or not), answers and authority records.
    pub async fn ask(&self, name: &str, rtype: RecordType) -> Result<Message, String> {
        let name =
            Name::from_ascii(name).map_err(|e| format!("`{name}` is not a DNS name: {e}"))?;
        self.exchange(&name, rtype, true).await
    }

    pub async fn a(&self, name: &str) -> Reply<Ipv4Addr> {
        self.lookup(name, RecordType::A).await.map(|r| match r {
            RData::A(a) => Some(a.0),
            _ => None,
        })
    }

    /// TXT records, each one's strings joined.
    pub async fn txt(&self, name: &str) -> Reply<String> {
        self.lookup(name, RecordType::TXT).await.map(|r| match r {
            RData::TXT(t) => Some(
                t.txt_data()
                    .iter()
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect(),
            ),
            _ => None,
        })
    }

    /// PTR names of an address, without the trailing dot.
    pub async fn ptr(&self, ip: IpAddr) -> Reply<String> {
        let name = Name::from(ip).to_string();
        self.lookup(&name, RecordType::PTR).await.map(|r| match r {
            RData::PTR(p) => Some(p.0.to_string().trim_end_matches('.').to_string()),
            _ => None,
        })
    }

    /// IPv4 and IPv6 addresses of a name.
    pub async fn addresses(&self, name: &str) -> Reply<IpAddr> {
        let fqdn = format!("{}.", name.trim_end_matches('.'));
        let (v4, v6) = tokio::join!(
            self.lookup(&fqdn, RecordType::A),
            self.lookup(&fqdn, RecordType::AAAA)
        );
        let mut found: Vec<IpAddr> = Vec::new();
        let mut failed = None;
        for reply in [v4, v6] {
            match reply {
                Reply::Found(rs) => found.extend(rs.into_iter().filter_map(|r| match r {
                    RData::A(a) => Some(IpAddr::V4(a.0)),
                    RData::AAAA(a) => Some(IpAddr::V6(a.0)),
                    _ => None,
                })),
                Reply::Failed(e) => failed = Some(e),
                Reply::Refused => failed = Some("the nameserver refused the query".into()),
                Reply::Missing => {}
            }
        }
        match (found.is_empty(), failed) {
            (false, _) => Reply::Found(found),
            (true, Some(e)) => Reply::Failed(e),
            (true, None) => Reply::Missing,
        }
    }

    /// NS names of a zone, without the trailing dot.
    pub async fn ns(&self, domain: &str) -> Reply<String> {
        self.lookup(&format!("{domain}."), RecordType::NS)
            .await
            .map(|r| match r {
                RData::NS(n) => Some(n.0.to_string().trim_end_matches('.').to_string()),
                _ => None,
            })
    }

    /// MX exchanges of a domain.
    pub async fn mx(&self, domain: &str) -> Reply<String> {
        self.lookup(&format!("{domain}."), RecordType::MX)
            .await
            .map(|r| match r {
                RData::MX(mx) => Some(mx.exchange().to_string().trim_end_matches('.').to_string()),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hickory_resolver::proto::rr::rdata::SOA;
    use hickory_resolver::proto::rr::Record;

    fn answer(code: ResponseCode, soa: bool, authoritative: bool) -> Message {
        let mut m = Message::new();
        m.set_message_type(MessageType::Response)
            .set_response_code(code)
            .set_authoritative(authoritative);
        if soa {
            let zone = Name::from_ascii("example.com.").unwrap();
            let rdata = SOA::new(zone.clone(), zone.clone(), 1, 3600, 600, 86400, 300);
            m.add_name_server(Record::from_rdata(zone, 300, RData::SOA(rdata)));
        }
        m
    }

    #[test]
    fn a_negative_answer_counts_only_with_its_soa_or_from_the_zone_itself() {
        for code in [ResponseCode::NXDomain, ResponseCode::NoError] {
            assert_eq!(
                classify(&answer(code, true, false), RecordType::MX),
                Reply::Missing
            );
            assert_eq!(
                classify(&answer(code, false, true), RecordType::MX),
                Reply::Missing
            );
            // An offline resolver's NXDOMAIN to everything: no SOA, not authoritative.
            let Reply::Failed(why) = classify(&answer(code, false, false), RecordType::MX) else {
                panic!("{code}: a bare negative answer must not count as \"no record\"");
            };
            assert!(why.contains("offline or broken"), "{why}");
        }
        assert!(matches!(
            classify(&answer(ResponseCode::ServFail, true, false), RecordType::MX),
            Reply::Failed(_)
        ));
        assert_eq!(
            classify(&answer(ResponseCode::Refused, false, false), RecordType::MX),
            Reply::Refused
        );
    }
}
