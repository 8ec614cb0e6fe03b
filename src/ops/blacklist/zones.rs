//! The blocklist zones: what each one lists (addresses or domains), what its answer codes
//! mean, which answers are refusals rather than listings, and where to ask for delisting.
//! The built-in set and `--zones FILE` share one TOML format, parsed and checked here.

use std::collections::BTreeMap;
use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;

use anyhow::{Context as _, Result};
use serde::{Deserialize, Serialize};

use super::query::{self, Family, Subject, ZoneKind};
use crate::exit::StatusError;
use crate::host::zone::is_domain_name;

const BUILTIN: &str = include_str!("zones.toml");

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    pub name: String,
    pub kind: ZoneKind,
    /// Where to ask for removal.
    #[serde(default)]
    pub delist: Option<String>,
    /// Answer -> meaning. An answer in 127.0.0.0/8 that is not here is "listed (unknown code)".
    #[serde(default)]
    pub codes: BTreeMap<Ipv4Addr, String>,
    /// Answers that mean the query was refused: never a listing.
    #[serde(default)]
    pub errors: BTreeMap<Ipv4Addr, String>,
    /// The last octet is a bit set (URIBL, SURBL): each code names one bit.
    #[serde(default)]
    pub bitmask: bool,
    /// What querying this zone needs (a registered resolver, your own resolver, a key).
    #[serde(default)]
    pub requires: Option<String>,
    /// Spamhaus DQS zone: with a key, queries go to `<key>.<dqs>` instead of `name`.
    #[serde(default)]
    pub dqs: Option<String>,
    /// The entry the zone must list, when it is not RFC 5782's (127.0.0.2, or `test`).
    #[serde(default)]
    pub test: Option<String>,
    /// The apex actually queried (`name`, or the DQS zone with the key).
    #[serde(skip)]
    pub apex: String,
}

/// How one A record answer of a zone reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reading {
    Listed(String),
    Refusal(String),
    /// Outside 127.0.0.0/8: not a DNSBL answer at all (a resolver that rewrites NXDOMAIN).
    Foreign,
}

impl Zone {
    /// What the answer `a` means in this zone.
    pub fn read(&self, a: Ipv4Addr) -> Reading {
        if let Some(m) = self.errors.get(&a) {
            return Reading::Refusal(m.clone());
        }
        if a.octets()[0] != 127 {
            return Reading::Foreign;
        }
        if let Some(m) = self.codes.get(&a) {
            return Reading::Listed(m.clone());
        }
        if self.bitmask {
            let bits = a.octets()[3];
            let named: Vec<&str> = self
                .codes
                .iter()
                .filter(|(code, _)| {
                    let bit = code.octets()[3];
                    bit.is_power_of_two() && bits & bit != 0
                })
                .map(|(_, m)| m.as_str())
                .collect();
            if !named.is_empty() {
                return Reading::Listed(named.join(", "));
            }
        }
        Reading::Listed("listed (unknown code)".into())
    }

    /// RFC 5782 test points for subjects of `family`: (must be listed, must not be
    /// listed). A `test` entry replaces the must-be-listed point of its own family.
    pub fn test_points(&self, family: Family) -> (Subject, Subject) {
        let (listed, unlisted) = query::test_points(family);
        let own = match (&self.test, family) {
            (Some(t), Family::Domain) => Some(Subject::Domain(t.clone())),
            (Some(t), _) => t
                .parse()
                .ok()
                .map(Subject::Ip)
                .filter(|s: &Subject| s.family() == family),
            (None, _) => None,
        };
        (own.unwrap_or(listed), unlisted)
    }

    /// What to do about a refusal from this zone.
    pub fn advice(&self) -> String {
        match &self.requires {
            Some(r) => format!("this list needs {r}"),
            None => "query through your own recursive resolver (--nameserver IP), not a public one"
                .into(),
        }
    }

    fn check(&mut self, origin: &str) -> Result<()> {
        let name = self.name.trim_end_matches('.').to_ascii_lowercase();
        if !is_domain_name(&name) {
            anyhow::bail!("{origin}: zone name `{}` is not a DNS name", self.name);
        }
        if let Some(t) = &self.test {
            let fits = match self.kind {
                ZoneKind::Ip => t.parse::<IpAddr>().is_ok(),
                ZoneKind::Domain => is_domain_name(t),
            };
            if !fits {
                anyhow::bail!(
                    "{origin}: zone `{name}`: test = \"{t}\" is not an {} (the zone's kind)",
                    if self.kind == ZoneKind::Ip {
                        "IP address"
                    } else {
                        "domain"
                    }
                );
            }
        }
        if let Some(code) = self.codes.keys().find(|c| self.errors.contains_key(c)) {
            anyhow::bail!(
                "{origin}: zone `{name}`: {code} is both a listing code and an error answer; keep it in one table"
            );
        }
        if self.bitmask {
            if let Some(code) = self.codes.keys().find(|c| !c.octets()[3].is_power_of_two()) {
                anyhow::bail!(
                    "{origin}: zone `{name}` is a bitmask zone, but code {code} names no single bit (use 127.0.0.2, .4, .8, ...)"
                );
            }
        }
        self.apex = name.clone();
        self.name = name;
        Ok(())
    }

    /// Queries go through Spamhaus DQS with this key, for zones that have a DQS name.
    fn use_dqs(&mut self, key: &str) {
        if let Some(dqs) = &self.dqs {
            self.apex = format!("{key}.{}", dqs.trim_end_matches('.'));
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ZoneFile {
    #[serde(default)]
    zone: Vec<Zone>,
}

fn parse(text: &str, origin: &str) -> Result<Vec<Zone>> {
    let file: ZoneFile = toml::from_str(text).with_context(|| {
        format!("{origin} is not a valid zone file (see `--zones` in README.md)")
    })?;
    if file.zone.is_empty() {
        anyhow::bail!("{origin} defines no zone: add at least one [[zone]] table");
    }
    let mut zones = file.zone;
    for z in &mut zones {
        z.check(origin)?;
    }
    for (i, z) in zones.iter().enumerate() {
        if zones[..i].iter().any(|o| o.name == z.name) {
            anyhow::bail!("{origin}: zone `{}` is defined twice", z.name);
        }
    }
    Ok(zones)
}

/// The curated built-in set.
pub fn builtin() -> Vec<Zone> {
    parse(BUILTIN, "the built-in zone set").expect("the built-in zone set is valid")
}

/// Zones from a `--zones` file.
pub fn load(path: &Path) -> Result<Vec<Zone>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        StatusError::usage(format!("--zones: cannot read `{}`: {e}", path.display()))
    })?;
    parse(&text, &format!("`{}`", path.display()))
        .map_err(|e| StatusError::usage(format!("{e:#}")).into())
}

/// Keeps only the zones named (all when `names` is empty) and applies a DQS key.
pub fn select(zones: Vec<Zone>, names: &[String], dqs_key: Option<&str>) -> Result<Vec<Zone>> {
    let wanted: Vec<String> = names
        .iter()
        .map(|n| n.trim_end_matches('.').to_ascii_lowercase())
        .collect();
    if let Some(missing) = wanted.iter().find(|w| !zones.iter().any(|z| &z.name == *w)) {
        let known: Vec<&str> = zones.iter().map(|z| z.name.as_str()).collect();
        return Err(StatusError::usage(format!(
            "--zone {missing}: no such zone in the set; known zones: {}",
            known.join(", ")
        ))
        .into());
    }
    let mut out: Vec<Zone> = zones
        .into_iter()
        .filter(|z| wanted.is_empty() || wanted.contains(&z.name))
        .collect();
    if let Some(key) = dqs_key {
        out.iter_mut().for_each(|z| z.use_dqs(key));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> Zone {
        builtin().into_iter().find(|z| z.name == name).unwrap()
    }

    #[test]
    fn builtin_set_has_no_defunct_zone() {
        const DEAD: &[&str] = &[
            "sorbs",
            "ahbl",
            "manitu",
            "megarbl",
            "emailbasura",
            "msrbl",
            "backscatterer",
            "drand",
            "anonmails",
            "madavi",
            "spamdown",
            "spamcannibal",
            "inps.de",
        ];
        let zones = builtin();
        assert!(zones.len() >= 10);
        for z in &zones {
            assert!(!DEAD.iter().any(|d| z.name.contains(d)), "{}", z.name);
            assert!(z.delist.is_some(), "{} has no delisting URL", z.name);
        }
    }

    #[test]
    fn spamhaus_refusals_are_not_listings() {
        let zen = zone("zen.spamhaus.org");
        assert_eq!(
            zen.read("127.255.255.254".parse().unwrap()),
            Reading::Refusal("query came through a public/open resolver".into())
        );
        assert_eq!(
            zen.read("127.0.0.10".parse().unwrap()),
            Reading::Listed("PBL (ISP: end-user range, should not send direct)".into())
        );
        assert_eq!(
            zen.read("127.0.0.99".parse().unwrap()),
            Reading::Listed("listed (unknown code)".into())
        );
        assert_eq!(zen.read("10.0.0.1".parse().unwrap()), Reading::Foreign);
    }

    #[test]
    fn bitmask_zones_name_every_bit() {
        let uribl = zone("multi.uribl.com");
        assert_eq!(
            uribl.read("127.0.0.6".parse().unwrap()),
            Reading::Listed("URIBL black, URIBL grey".into())
        );
        assert!(matches!(
            uribl.read("127.0.0.1".parse().unwrap()),
            Reading::Refusal(_)
        ));
    }

    #[test]
    fn test_points_follow_the_zone() {
        let uribl = zone("multi.uribl.com");
        assert_eq!(
            uribl.test_points(Family::Domain),
            (
                Subject::Domain("test.uribl.com".into()),
                Subject::Domain("invalid".into())
            )
        );
        assert_eq!(
            zone("zen.spamhaus.org").test_points(Family::Ipv4).0,
            Subject::Ip([127, 0, 0, 2].into())
        );
        let e = parse(
            "[[zone]]\nname = \"x.test\"\nkind = \"ip\"\ntest = \"example.com\"\n",
            "f.toml",
        )
        .unwrap_err();
        assert!(e.to_string().contains("is not an IP address"), "{e}");
    }

    #[test]
    fn dqs_key_changes_the_queried_apex_only() {
        let zones = select(builtin(), &["zen.spamhaus.org".into()], Some("k3y")).unwrap();
        assert_eq!(zones.len(), 1);
        assert_eq!(zones[0].name, "zen.spamhaus.org");
        assert_eq!(zones[0].apex, "k3y.zen.dq.spamhaus.net");
    }

    #[test]
    fn unknown_zone_names_and_bad_files_say_what_is_wrong() {
        let e = select(builtin(), &["nope.example".into()], None).unwrap_err();
        assert!(
            e.to_string().contains("known zones: zen.spamhaus.org"),
            "{e}"
        );
        let e = parse(
            "[[zone]]\nname = \"x.test\"\nkind = \"ip\"\n[zone.codes]\n\"127.0.0.2\" = \"a\"\n[zone.errors]\n\"127.0.0.2\" = \"b\"\n",
            "f.toml",
        )
        .unwrap_err();
        assert!(
            e.to_string().contains("both a listing code and an error"),
            "{e}"
        );
        let e = parse("[[zone]]\nname = \"x.test\"\nkind = \"asn\"\n", "f.toml").unwrap_err();
        assert!(format!("{e:#}").contains("unknown variant"), "{e:#}");
    }
}
