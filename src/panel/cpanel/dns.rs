//! cPanel DNS: zones read with `whmapi1 parse_dns_zone` (base64 names and data, a line index
//! per record) and changed with one `whmapi1 mass_edit_dns_zone` call carrying the serial the
//! plan read, which cPanel refuses when the zone changed since (optimistic lock).

use anyhow::{bail, Context as _, Result};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::Deserialize;

use super::accounts::envelope;
use super::{whmapi1, Cpanel};
use crate::host::zone::{self, Record};
use crate::panel::dns::{soa_serial, Dns, Edit, Judge, Zone, ZoneStep};
use crate::panel::query;
use crate::transport::Transport;

#[derive(Deserialize)]
struct Payload {
    #[serde(default)]
    payload: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(rename = "type")]
    kind: String,
    line_index: u32,
    #[serde(default)]
    dname_b64: String,
    #[serde(default)]
    record_type: String,
    #[serde(default)]
    ttl: serde_json::Value,
    #[serde(default)]
    data_b64: Vec<String>,
}

fn decode(b64: &str) -> Result<Vec<u8>> {
    STANDARD
        .decode(b64)
        .with_context(|| format!("parse_dns_zone: {b64:?} is not base64"))
}

/// A record item as one zone line (TXT and CAA values quoted), read by the zone parser.
fn line(item: &Item) -> Result<String> {
    let name = String::from_utf8_lossy(&decode(&item.dname_b64)?).into_owned();
    let data: Vec<Vec<u8>> = item
        .data_b64
        .iter()
        .map(|d| decode(d))
        .collect::<Result<_>>()?;
    let ttl = match &item.ttl {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) => s.clone(),
        _ => String::new(),
    };
    let words: Vec<String> = data
        .iter()
        .enumerate()
        .map(|(i, d)| match item.record_type.as_str() {
            "TXT" => zone::quote(d),
            "CAA" if i == 2 => zone::quote(d),
            _ => String::from_utf8_lossy(d).into_owned(),
        })
        .collect();
    Ok(format!(
        "{name} {ttl} IN {} {}",
        item.record_type,
        words.join(" ")
    ))
}

/// The zone from parse_dns_zone's JSON.
fn parse(domain: &str, json: &str) -> Result<Zone> {
    let p: Payload = envelope("parse_dns_zone", json)?
        .context("whmapi1 parse_dns_zone: no data in the answer")?;
    let mut records = Vec::new();
    let mut handles = Vec::new();
    for item in p.payload.iter().filter(|i| i.kind == "record") {
        let text = line(item)?;
        for r in zone::records(&text, domain)
            .with_context(|| format!("parse_dns_zone line {}", item.line_index))?
        {
            records.push(r);
            handles.push(Some(item.line_index));
        }
    }
    let serial = soa_serial(&records)?;
    Ok(Zone {
        domain: domain.to_string(),
        serial,
        records,
        handles,
        source: format!("whmapi1 parse_dns_zone zone={domain}"),
    })
}

/// mass_edit_dns_zone's `add` (or `edit`) JSON for one record: the name absolute, TXT data as
/// its character-strings.
fn add_json(r: &Record) -> Result<String> {
    let data: Vec<String> = match r.rtype.as_str() {
        "TXT" => zone::strings(&r.data)?,
        "CAA" => {
            let mut w: Vec<String> = r.data.splitn(3, ' ').map(str::to_string).collect();
            if let Some(v) = w.get_mut(2) {
                *v = zone::strings(v)?.concat();
            }
            w
        }
        _ => r.data.split_whitespace().map(str::to_string).collect(),
    };
    Ok(serde_json::json!({
        "dname": r.name,
        "ttl": r.ttl,
        "record_type": r.rtype,
        "data": data,
    })
    .to_string())
}

impl Dns for Cpanel {
    fn zone(&self, t: &dyn Transport, domain: &str) -> Result<Zone> {
        parse(
            domain,
            &query(t, whmapi1("parse_dns_zone").arg(format!("zone={domain}")))?,
        )
    }

    fn steps(&self, edit: &Edit) -> Result<Vec<ZoneStep>> {
        let z = edit.zone;
        let mut cmd = whmapi1("mass_edit_dns_zone")
            .arg(format!("zone={}", z.domain))
            .arg(format!("serial={}", z.serial));
        let mut lines = Vec::new();
        for r in edit.remove {
            let Some(i) = z.records.iter().position(|x| x == r) else {
                bail!("{r} is not in the zone as read");
            };
            let line = z.handles[i].context("a record without a line index")?;
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        for (n, line) in lines.iter().enumerate() {
            cmd = cmd.arg(format!("{}={line}", repeated("remove", n)));
        }
        for (n, r) in edit.add.iter().enumerate() {
            cmd = cmd.arg(format!("{}={}", repeated("add", n), add_json(r)?));
        }
        Ok(vec![ZoneStep::Run {
            cmd,
            judge: Judge::Whmapi1,
            undo: None,
        }])
    }
}

/// cPanel's repeated argument: `add`, `add-1`, `add-2`, ...
fn repeated(key: &str, n: usize) -> String {
    if n == 0 {
        key.to_string()
    } else {
        format!("{key}-{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_dns_zone_items_read_as_records() {
        // Shapes from reference/tasks.md section 2 (lego's cPanel provider).
        let json = r#"{"data":{"payload":[
          {"line_index":1,"type":"control","text_b64":"JFRUTCAxNDQwMA=="},
          {"line_index":2,"type":"record","dname_b64":"QA==","record_type":"SOA","ttl":86400,
           "data_b64":["bnMxLmEudGVzdC4=","aC5hLnRlc3Qu","MjAyNjEyMDMwMQ==","MzYwMA==","MTgwMA==","MTIwOTYwMA==","ODY0MDA="]},
          {"line_index":22,"type":"record","data_b64":["MTA=","dGV4YXMuY29tLg=="],"dname_b64":"bWFpbA==","record_type":"MX","ttl":14400},
          {"line_index":23,"type":"record","data_b64":["dj1ES0lNMTsgcD1B","Qg=="],"dname_b64":"eC5hLnRlc3Qu","record_type":"TXT","ttl":"300"}
        ]},"metadata":{"command":"parse_dns_zone","reason":"OK","result":1,"version":1}}"#;
        let z = parse("a.test", json).unwrap();
        assert_eq!(z.serial, 2026120301);
        let mx = z.records.iter().find(|r| r.rtype == "MX").unwrap();
        assert_eq!(
            (mx.name.as_str(), mx.data.as_str()),
            ("mail.a.test.", "10 texas.com.")
        );
        let txt = z.records.iter().find(|r| r.rtype == "TXT").unwrap();
        assert_eq!(txt.data, "\"v=DKIM1; p=A\" \"B\"");
        assert_eq!(txt.ttl, 300);
        let i = z.records.iter().position(|r| r.rtype == "TXT").unwrap();
        assert_eq!(z.handles[i], Some(23));
        let stale = json.replace("\"result\":1", "\"result\":0");
        assert!(parse("a.test", &stale).is_err());
    }

    #[test]
    fn added_records_carry_txt_strings_unquoted() {
        let r = &zone::records("x 60 IN TXT \"a;\\\"b\" \"c\"\n", "a.test").unwrap()[0];
        let j: serde_json::Value = serde_json::from_str(&add_json(r).unwrap()).unwrap();
        assert_eq!(j["data"], serde_json::json!(["a;\"b", "c"]));
        assert_eq!(j["dname"], "x.a.test.");
    }
}
