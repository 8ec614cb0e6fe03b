//! What a host's own nameserver serves: asked directly (RD=0) over the blacklist checks'
//! DNS exchange, its answers normalized by the zone parser's [`zone::data`] so they compare
//! with the records a panel reads.

use std::collections::BTreeSet;
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use hickory_resolver::proto::op::{Message, ResponseCode};
use hickory_resolver::proto::rr::{RData, RecordType};
use serde::Serialize;

use crate::host::zone;
use crate::ops::blacklist::dns::{Dns, DnsOptions};

/// What the nameserver says about a zone.
#[derive(Clone, Debug, Serialize)]
pub struct Authority {
    pub nameserver: String,
    /// It answers the zone's SOA with the AA flag.
    pub authoritative: bool,
    /// The serial it serves (None: no SOA answer).
    pub serial: Option<u32>,
    /// Why it could not be asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The nameserver at `address` (the host's inventory address), port 53.
pub fn nameserver(address: &str) -> Result<SocketAddr> {
    (address, 53)
        .to_socket_addrs()
        .with_context(|| format!("{address} is not an address"))?
        .next()
        .with_context(|| format!("{address} has no address"))
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?)
}

fn dns(ns: SocketAddr) -> Result<Dns> {
    Dns::new(&DnsOptions {
        nameservers: vec![ns],
        timeout: Duration::from_millis(1500),
        retries: 1,
    })
}

fn serial_of(m: &Message) -> Option<u32> {
    m.answers().iter().find_map(|r| match r.data() {
        RData::SOA(soa) => Some(soa.serial()),
        _ => None,
    })
}

/// Asks `ns` for `domain`'s SOA.
pub fn authority(ns: SocketAddr, domain: &str) -> Result<Authority> {
    let rt = runtime()?;
    Ok(rt.block_on(async {
        let reply = match dns(ns) {
            Ok(d) => d.ask(&format!("{domain}."), RecordType::SOA).await,
            Err(e) => Err(format!("{e:#}")),
        };
        match reply {
            Ok(m) => Authority {
                nameserver: ns.to_string(),
                authoritative: m.authoritative() && m.response_code() == ResponseCode::NoError,
                serial: serial_of(&m),
                error: None,
            },
            Err(e) => Authority {
                nameserver: ns.to_string(),
                authoritative: false,
                serial: None,
                error: Some(e),
            },
        }
    }))
}

/// One record set: its name (fully qualified) and type.
pub type SetKey = (String, String);

/// The data `ns` serves for one set (empty: none), normalized.
async fn answer(d: &Dns, key: &SetKey) -> Result<BTreeSet<String>, String> {
    let rtype: RecordType = key.1.parse().map_err(|e| format!("{}: {e}", key.1))?;
    let m = d.ask(&key.0, rtype).await?;
    match m.response_code() {
        ResponseCode::NoError | ResponseCode::NXDomain => Ok(m
            .answers()
            .iter()
            .filter(|r| r.record_type() == rtype)
            .map(|r| zone::data(r.data(), rtype))
            .collect()),
        code => Err(format!("{} answered {code}", key.0)),
    }
}

/// Asks `ns` until it serves each set as `want` says (the data of each set), for at most
/// `limit`; returns the serial it then serves. An error says which set still differs.
pub fn wait_until_served(
    ns: SocketAddr,
    domain: &str,
    want: &[(SetKey, BTreeSet<String>)],
    limit: Duration,
) -> Result<Option<u32>> {
    let rt = runtime()?;
    rt.block_on(async {
        let d = dns(ns)?;
        let start = Instant::now();
        loop {
            let mut differs = None;
            for (key, data) in want {
                match answer(&d, key).await {
                    Ok(got) if &got == data => {}
                    Ok(got) => {
                        differs = Some(format!(
                            "{} {} is served as [{}], not [{}]",
                            key.0,
                            key.1,
                            got.into_iter().collect::<Vec<_>>().join(", "),
                            data.iter().cloned().collect::<Vec<_>>().join(", ")
                        ));
                        break;
                    }
                    Err(e) => {
                        differs = Some(e);
                        break;
                    }
                }
            }
            match differs {
                None => {
                    let soa = d.ask(&format!("{domain}."), RecordType::SOA).await;
                    return Ok(soa.ok().as_ref().and_then(serial_of));
                }
                Some(why) if start.elapsed() >= limit => anyhow::bail!(
                    "the nameserver {ns} does not serve the change after {} s: {why}",
                    limit.as_secs()
                ),
                Some(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    })
}
