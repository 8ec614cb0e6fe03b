//! Plesk DNS: the zone file Plesk's named serves (`/var/named/run-root/var/D`, read with the
//! one zone parser: `plesk bin dns --info` prints no TTL), changed with `plesk bin dns --del`
//! and `--add` per record (no update: a change is a delete then an add; each step carries
//! its inverse so that a failed add puts the deleted record back).

use anyhow::{bail, Result};

use super::Plesk;
use crate::host::zone::{self, Record};
use crate::panel::dns::{delete_then_add, read_file, Dns, Edit, Judge, Zone, ZoneStep};
use crate::panel::Accounts;
use crate::transport::{Cmd, Transport};

/// The record's name relative to the zone (`""` for the zone itself).
fn sub<'a>(r: &'a Record, domain: &str) -> &'a str {
    let apex = format!("{domain}.");
    if r.name == apex {
        ""
    } else {
        r.name.strip_suffix(&format!(".{apex}")).unwrap_or(&r.name)
    }
}

/// `plesk bin dns`'s options naming `r` (the same for --add and --del).
fn options(r: &Record, domain: &str) -> Result<Vec<String>> {
    let s = sub(r, domain).to_string();
    let w: Vec<String> = r.data.split_whitespace().map(str::to_string).collect();
    let o = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    Ok(match (r.rtype.as_str(), w.as_slice()) {
        ("A", [ip]) => o(&["-a", &s, "-ip", ip]),
        ("AAAA", [ip]) => o(&["-aaaa", &s, "-ip", ip]),
        ("CNAME", [t]) => o(&["-cname", &s, "-canonical", t]),
        ("NS", [t]) => o(&["-ns", &s, "-nameserver", t]),
        ("MX", [p, h]) => o(&["-mx", &s, "-mailexchanger", h, "-priority", p]),
        ("TXT", _) => o(&["-txt", &zone::strings(&r.data)?.concat(), "-domain", &s]),
        ("SRV", [p, weight, port, target]) => {
            let mut labels = s.splitn(3, '.');
            let (Some(svc), Some(proto)) = (labels.next(), labels.next()) else {
                bail!("{}: an SRV name is _service._protocol[.name]", r.name);
            };
            let (Some(svc), Some(proto)) = (svc.strip_prefix('_'), proto.strip_prefix('_')) else {
                bail!("{}: an SRV name is _service._protocol[.name]", r.name);
            };
            let rest = labels.next().unwrap_or("");
            o(&[
                "-srv",
                rest,
                "-srv-service",
                svc,
                "-srv-protocol",
                proto,
                "-srv-port",
                port,
                "-srv-priority",
                p,
                "-srv-weight",
                weight,
                "-srv-target-host",
                target,
            ])
        }
        (t, _) => bail!(
            "Plesk's `dns` utility cannot change {t} records ({})",
            r.name
        ),
    })
}

fn dns(action: &str, r: &Record, domain: &str) -> Result<Cmd> {
    Ok(Cmd::new("plesk")
        .args(["bin", "dns", action, domain])
        .args(options(r, domain)?))
}

impl Dns for Plesk {
    fn zone(&self, t: &dyn Transport, domain: &str) -> Result<Zone> {
        read_file(t, domain, self.zone_file(domain))
    }

    fn steps(&self, edit: &Edit) -> Result<Vec<ZoneStep>> {
        let d = &edit.zone.domain;
        delete_then_add(
            edit,
            |r| dns("--del", r, d),
            |r| dns("--add", r, d),
            (Judge::Exit, Judge::Exit),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(line: &str) -> Record {
        zone::records(line, "a.test").unwrap().remove(0)
    }

    #[test]
    fn records_become_the_dns_utilitys_options() {
        let o = |l: &str| options(&rec(l), "a.test").unwrap().join(" ");
        assert_eq!(o("@ 60 IN A 192.0.2.1\n"), "-a  -ip 192.0.2.1");
        assert_eq!(
            o("@ 60 IN MX 10 mx.a.test.\n"),
            "-mx  -mailexchanger mx.a.test. -priority 10"
        );
        assert_eq!(
            o("k._domainkey 60 IN TXT \"v=DKIM1; \" \"p=A\"\n"),
            "-txt v=DKIM1; p=A -domain k._domainkey"
        );
        assert_eq!(
            o("_sip._tcp 60 IN SRV 10 5 5060 sip.a.test.\n"),
            "-srv  -srv-service sip -srv-protocol tcp -srv-port 5060 -srv-priority 10 -srv-weight 5 -srv-target-host sip.a.test."
        );
        assert!(options(&rec("@ 60 IN CAA 0 issue \"x.org\"\n"), "a.test").is_err());
    }
}
