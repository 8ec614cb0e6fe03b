//! DNS lookups for the blacklist checks (hickory-resolver), reduced to the four outcomes a
//! verdict needs: records, no such record (NXDOMAIN/NODATA), a refusal by the nameserver,
//! or a failure (timeout, SERVFAIL). A timeout is never mistaken for "no such record".

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use anyhow::{Context as _, Result};
use hickory_resolver::config::{
    NameServerConfig, ResolveHosts, ResolverConfig, ServerOrderingStrategy,
};
use hickory_resolver::name_server::TokioConnectionProvider;
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{RData, RecordType};
use hickory_resolver::proto::xfer::Protocol;
use hickory_resolver::proto::ProtoErrorKind;
use hickory_resolver::{ResolveError, ResolveErrorKind, TokioResolver};

use crate::exit::StatusError;

/// Where and how patiently to ask.
#[derive(Clone, Debug)]
pub struct DnsOptions {
    /// Nameservers to query; empty means the system's (/etc/resolv.conf).
    pub nameservers: Vec<SocketAddr>,
    pub timeout: Duration,
    /// Tries after the first one.
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

pub struct Dns {
    resolver: TokioResolver,
    timeout: Duration,
    tries: usize,
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

impl Dns {
    /// Must be called inside a Tokio runtime.
    pub fn new(opts: &DnsOptions) -> Result<Dns> {
        let provider = TokioConnectionProvider::default();
        let mut builder = if opts.nameservers.is_empty() {
            TokioResolver::builder(provider).context(
                "cannot read the system's resolvers (/etc/resolv.conf); pass --nameserver IP",
            )?
        } else {
            let mut config = ResolverConfig::new();
            for ns in &opts.nameservers {
                config.add_name_server(NameServerConfig::new(*ns, Protocol::Udp));
            }
            TokioResolver::builder_with_config(config, provider)
        };
        let o = builder.options_mut();
        o.timeout = opts.timeout;
        o.attempts = opts.retries;
        o.ndots = 0;
        o.edns0 = false;
        o.use_hosts_file = ResolveHosts::Never;
        o.try_tcp_on_error = false;
        o.server_ordering_strategy = ServerOrderingStrategy::UserProvidedOrder;
        o.os_port_selection = true;
        Ok(Dns {
            resolver: builder.build(),
            timeout: opts.timeout,
            tries: opts.retries + 1,
        })
    }

    async fn lookup(&self, name: &str, rtype: RecordType) -> Reply<RData> {
        match self.resolver.lookup(name, rtype).await {
            Ok(l) => {
                let records: Vec<RData> = l
                    .record_iter()
                    .filter(|r| r.record_type() == rtype)
                    .map(|r| r.data().clone())
                    .collect();
                if records.is_empty() {
                    Reply::Missing
                } else {
                    Reply::Found(records)
                }
            }
            Err(e) => self.failure(&e),
        }
    }

    fn failure<T>(&self, e: &ResolveError) -> Reply<T> {
        let ResolveErrorKind::Proto(p) = e.kind() else {
            return Reply::Failed(e.to_string());
        };
        match p.kind() {
            ProtoErrorKind::NoRecordsFound { response_code, .. } => match *response_code {
                ResponseCode::NXDomain | ResponseCode::NoError => Reply::Missing,
                ResponseCode::Refused => Reply::Refused,
                code => Reply::Failed(format!("the nameserver answered {code}")),
            },
            ProtoErrorKind::Timeout => Reply::Failed(format!(
                "no answer within {} ms ({} tries)",
                self.timeout.as_millis(),
                self.tries
            )),
            _ => Reply::Failed(p.to_string()),
        }
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
        let name = hickory_resolver::Name::from(ip).to_string();
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
