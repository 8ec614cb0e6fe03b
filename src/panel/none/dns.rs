//! DNS without a panel: BIND's own zone files, found in named's configuration as
//! `named-checkconf -p` prints it (`zone "D" { file "..."; }`, relative to `directory`),
//! replaced whole (a regular file only) with the serial bumped, then `rndc reload D`.

use anyhow::{Context as _, Result};

use super::NoPanel;
use crate::host::zone::Record;
use crate::panel::dns::{read_file, Dns, Edit, Judge, Zone, ZoneStep};
use crate::panel::query;
use crate::transport::{Cmd, Transport};

/// The file of zone `domain` in `named-checkconf -p` output.
fn zone_file(conf: &str, domain: &str) -> Option<String> {
    let quoted = |line: &str, key: &str| -> Option<String> {
        let rest = line.trim().strip_prefix(key)?.trim_start();
        Some(rest.strip_prefix('"')?.split('"').next()?.to_string())
    };
    let directory = conf
        .lines()
        .find_map(|l| quoted(l, "directory"))
        .unwrap_or_else(|| "/".into());
    let head = format!("zone \"{domain}\"");
    let mut lines = conf.lines().skip_while(|l| !l.starts_with(&head)).skip(1);
    let file = lines
        .by_ref()
        .take_while(|l| !l.starts_with("};"))
        .find_map(|l| quoted(l, "file"))?;
    Some(if file.starts_with('/') {
        file
    } else {
        format!("{}/{file}", directory.trim_end_matches('/'))
    })
}

/// The serial after `old` on `today` (`YYYYMMDD`): `YYYYMMDD00`, or `old + 1` when that is
/// not greater.
pub fn next_serial(old: u32, today: u32) -> u32 {
    (today.saturating_mul(100)).max(old.wrapping_add(1))
}

/// The zone file text: the SOA with `serial`, then the other records, one per line.
fn render(records: &[Record], serial: u32) -> String {
    let mut out = String::from("; written by hostops dns\n");
    for r in records {
        if r.rtype == "SOA" {
            let mut w: Vec<String> = r.data.split_whitespace().map(str::to_string).collect();
            if let Some(s) = w.get_mut(2) {
                *s = serial.to_string();
            }
            out.push_str(&format!("{} {} IN SOA {}\n", r.name, r.ttl, w.join(" ")));
        }
    }
    for r in records.iter().filter(|r| r.rtype != "SOA") {
        out.push_str(&format!("{} {} IN {} {}\n", r.name, r.ttl, r.rtype, r.data));
    }
    out
}

fn today() -> u32 {
    let d = jiff::Zoned::now().date();
    (d.year() as u32) * 10000 + (d.month() as u32) * 100 + d.day() as u32
}

impl Dns for NoPanel {
    fn zone(&self, t: &dyn Transport, domain: &str) -> Result<Zone> {
        let conf = query(t, Cmd::new("named-checkconf").arg("-p"))?;
        let path = zone_file(&conf, domain)
            .with_context(|| format!("named's configuration has no zone {domain}"))?;
        read_file(t, domain, path)
    }

    fn steps(&self, edit: &Edit) -> Result<Vec<ZoneStep>> {
        let z = edit.zone;
        let mut records: Vec<Record> = z
            .records
            .iter()
            .filter(|r| !edit.remove.contains(r))
            .cloned()
            .collect();
        records.extend(edit.add.iter().cloned());
        Ok(vec![
            ZoneStep::Write {
                path: z.source.clone(),
                text: render(&records, next_serial(z.serial, today())),
            },
            ZoneStep::Run {
                cmd: Cmd::new("rndc").args(["reload", &z.domain]),
                judge: Judge::Exit,
                undo: None,
            },
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::zone;
    use crate::panel::dns::soa_serial;

    #[test]
    fn zone_files_are_found_in_named_checkconf_output() {
        // Captured: named-checkconf -p (BIND 9.18.49).
        let conf = "options {\n\tdirectory \"/tmp/ndt2\";\n};\nzone \"a.test\" {\n\ttype master;\n\tfile \"a.test.db\";\n};\nzone \"b.test\" IN {\n\ttype master;\n\tfile \"/x/b.test.db\";\n};\n";
        assert_eq!(zone_file(conf, "a.test").unwrap(), "/tmp/ndt2/a.test.db");
        assert_eq!(zone_file(conf, "b.test").unwrap(), "/x/b.test.db");
        assert_eq!(zone_file(conf, "c.test"), None);
    }

    #[test]
    fn serials_are_dated_and_always_grow() {
        assert_eq!(next_serial(2026120301, 20261203), 2026120302);
        assert_eq!(next_serial(2026110105, 20261203), 2026120300);
        assert_eq!(next_serial(7, 20261203), 2026120300);
    }

    #[test]
    fn a_rendered_zone_reads_back_as_its_records() {
        let text = "$TTL 60\n@ IN SOA ns1 h 5 2 3 4 5\n@ NS ns1\nx TXT \"a;\\\"b\"\n";
        let r = zone::records(text, "a.test").unwrap();
        let back = zone::records(&render(&r, 6), "a.test").unwrap();
        assert_eq!(soa_serial(&back).unwrap(), 6);
        assert_eq!(
            back.iter().filter(|r| r.rtype != "SOA").collect::<Vec<_>>(),
            r.iter().filter(|r| r.rtype != "SOA").collect::<Vec<_>>()
        );
    }
}
