//! What a DNS change asks for (`dns add|set|rm`, a desired-state file, an undo), turned into
//! the records to remove and add against the zone as read: at the plan, and again when the
//! zone changed before the apply.

use anyhow::{bail, Result};

use super::served::SetKey;
use super::{record, same, Op};
use crate::exit::StatusError;
use crate::host::zone::Record;
use crate::panel::dns::Zone;

/// A DNS change as asked.
#[derive(Clone, Debug)]
pub enum Request {
    /// `dns add|set|rm`: one set by its absolute name and type, the values as given.
    Edit {
        op: Op,
        name: String,
        rtype: String,
        values: Vec<String>,
        ttl: Option<u32>,
    },
    /// `dns apply`: every set listed becomes the file's records; the `dropped` sets go.
    Sets {
        wanted: Vec<Record>,
        dropped: Vec<SetKey>,
    },
    /// `dns undo`: the records a run added go, the ones it removed come back.
    Undo {
        added: Vec<Record>,
        removed: Vec<Record>,
    },
}

/// The records a change removes from a zone (as read) and adds.
pub type Records = (Vec<Record>, Vec<Record>);

impl Request {
    /// The records to remove and add so that `zone` has what was asked.
    pub fn against(&self, zone: &Zone) -> Result<Records> {
        match self {
            Request::Edit {
                op,
                name,
                rtype,
                values,
                ttl,
            } => edit(zone, *op, name, rtype, values, *ttl),
            Request::Sets { wanted, dropped } => {
                let in_sets = |r: &Record| {
                    wanted
                        .iter()
                        .any(|w| w.name == r.name && w.rtype == r.rtype)
                        || dropped.iter().any(|(n, t)| *n == r.name && *t == r.rtype)
                };
                let remove = zone
                    .records
                    .iter()
                    .filter(|r| in_sets(r) && !wanted.contains(r))
                    .cloned()
                    .collect();
                let add = wanted
                    .iter()
                    .filter(|r| !zone.records.contains(r))
                    .cloned()
                    .collect();
                Ok((remove, add))
            }
            Request::Undo { added, removed } => {
                let remove = zone
                    .records
                    .iter()
                    .filter(|r| added.iter().any(|a| same(a, r)))
                    .cloned()
                    .collect();
                let add = removed
                    .iter()
                    .filter(|r| !zone.records.iter().any(|x| same(x, r)))
                    .cloned()
                    .collect();
                Ok((remove, add))
            }
        }
    }
}

/// `dns add|set|rm` of the set `name` `rtype` against `zone`.
fn edit(
    zone: &Zone,
    op: Op,
    name: &str,
    rtype: &str,
    values: &[String],
    ttl: Option<u32>,
) -> Result<Records> {
    let domain = &zone.domain;
    let set: Vec<Record> = zone
        .records
        .iter()
        .filter(|r| r.name == name && r.rtype == rtype)
        .cloned()
        .collect();
    let ttl = ttl.or_else(|| set.first().map(|r| r.ttl)).unwrap_or(14400);
    let given = (!values.is_empty() || op != Op::Rm)
        .then(|| record::parse(domain, name, rtype, values, ttl))
        .transpose()?;
    Ok(match (op, given) {
        (Op::Add, Some(r)) => {
            let same = set.iter().any(|x| x.data == r.data && x.ttl == r.ttl);
            (Vec::new(), if same { Vec::new() } else { vec![r] })
        }
        (Op::Set, Some(r)) => {
            if set.len() == 1 && set[0] == r {
                (Vec::new(), Vec::new())
            } else {
                (set, vec![r])
            }
        }
        (Op::Rm, Some(r)) => {
            let gone: Vec<Record> = set.into_iter().filter(|x| x.data == r.data).collect();
            if gone.is_empty() {
                bail!(StatusError::usage(format!(
                    "{domain} has no record {name} {rtype} {}",
                    r.data
                )));
            }
            (gone, Vec::new())
        }
        (Op::Rm, None) if set.is_empty() => bail!(StatusError::usage(format!(
            "{domain} has no {rtype} record at {name}"
        ))),
        (Op::Rm, None) => (set, Vec::new()),
        (_, None) => bail!(StatusError::usage(format!("{rtype} needs a value"))),
    })
}

/// What changed in a zone between two reads, in words: `serial A is now B: + REC; - REC`.
pub fn concurrent(before: &Zone, now: &Zone) -> String {
    let data = |z: &Zone| z.data_records().cloned().collect::<Vec<Record>>();
    let (old, new) = (data(before), data(now));
    let lines: Vec<String> = new
        .iter()
        .filter(|r| !old.contains(r))
        .map(|r| format!("+ {r}"))
        .chain(
            old.iter()
                .filter(|r| !new.contains(r))
                .map(|r| format!("- {r}")),
        )
        .collect();
    format!(
        "the zone {}: serial {} is now {}{}",
        now.domain,
        before.serial,
        now.serial,
        if lines.is_empty() {
            String::new()
        } else {
            format!(": {}", lines.join("; "))
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::zone;

    fn zone_of(text: &str) -> Zone {
        let records = zone::records(text, "a.test").unwrap();
        Zone {
            domain: "a.test".into(),
            serial: crate::panel::dns::soa_serial(&records).unwrap(),
            handles: vec![None; records.len()],
            records,
            source: "test".into(),
        }
    }

    const SOA: &str = "@ 300 IN SOA ns1 h 7 3600 1800 1209600 300\n";

    #[test]
    fn a_set_planned_again_after_another_records_edit_makes_the_same_change() {
        let before = zone_of(&format!("{SOA}mail 300 IN A 192.0.2.7\n"));
        let now = zone_of(&format!(
            "{}mail 300 IN A 192.0.2.7\nother 60 IN A 192.0.2.99\n",
            SOA.replace(" 7 ", " 8 ")
        ));
        let set = Request::Edit {
            op: Op::Set,
            name: "mail.a.test.".into(),
            rtype: "A".into(),
            values: vec!["192.0.2.8".into()],
            ttl: None,
        };
        assert_eq!(set.against(&before).unwrap(), set.against(&now).unwrap());
        assert_eq!(
            concurrent(&before, &now),
            "the zone a.test: serial 7 is now 8: + other.a.test. 60 A 192.0.2.99"
        );
        let theirs = zone_of(&format!(
            "{}mail 300 IN A 192.0.2.7\nmail 60 IN A 192.0.2.77\n",
            SOA.replace(" 7 ", " 8 ")
        ));
        assert_ne!(set.against(&before).unwrap(), set.against(&theirs).unwrap());
    }
}
