//! DirectAdmin DNS: the zone file DirectAdmin writes and its named serves (`/var/named/D.db`,
//! read with the one zone parser), changed record by record through the HTTP API as the admin
//! (`CMD_API_DNS_ADMIN`, which works as `CMD_API_DNS_CONTROL` on any domain): `action=add`
//! per new record, `action=select&delete=yes` with `{type}recs0=name=N&value=V` per removed
//! one. DirectAdmin has no update and does not complain when the record to delete is not
//! there, so a delete naming a missing record is judged a failure here, and each step
//! carries its inverse so that a failed add puts the deleted record back.

use anyhow::Result;

use super::{api, DirectAdmin};
use crate::host::zone::{self, Record};
use crate::panel::answer::form;
use crate::panel::dns::{delete_then_add, read_file, Dns, Edit, Judge, Zone, ZoneStep};
use crate::transport::{Cmd, Transport};

/// The record's value as DirectAdmin's forms take it: a TXT record's text as one string
/// (DirectAdmin quotes it), other types their data as the zone writes it.
fn value(r: &Record) -> Result<String> {
    Ok(match r.rtype.as_str() {
        "TXT" => zone::strings(&r.data)?.concat(),
        _ => r.data.clone(),
    })
}

fn add(r: &Record, domain: &str) -> Result<Cmd> {
    let body = form(&[
        ("domain", domain),
        ("type", &r.rtype),
        ("name", &r.name),
        ("value", &value(r)?),
        ("ttl", &r.ttl.to_string()),
    ]);
    Ok(api::call("", "CMD_API_DNS_ADMIN?action=add", Some(&body)))
}

fn delete(r: &Record, domain: &str) -> Result<Cmd> {
    // The selected record is `name=N&value=V`, url-encoded as one form value (DirectAdmin's
    // changelog 1.24.2; directadmin-go's DeleteDnsRecords): the value is the rest after
    // `&value=`.
    let selected = format!("name={}&value={}", r.name, value(r)?);
    let key = format!("{}recs0", r.rtype.to_ascii_lowercase());
    let body = form(&[("domain", domain), (&key, &selected)]);
    Ok(api::call(
        "",
        "CMD_API_DNS_ADMIN?action=select&delete=yes",
        Some(&body),
    ))
}

impl Dns for DirectAdmin {
    fn zone(&self, t: &dyn Transport, domain: &str) -> Result<Zone> {
        read_file(t, domain, format!("/var/named/{domain}.db"))
    }

    fn steps(&self, edit: &Edit) -> Result<Vec<ZoneStep>> {
        let d = &edit.zone.domain;
        delete_then_add(
            edit,
            |r| delete(r, d),
            |r| add(r, d),
            (Judge::DirectAdminDelete, Judge::DirectAdmin),
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
    fn records_become_the_api_s_forms() {
        let a = add(&rec("x 60 IN TXT \"v=DKIM1; \" \"p=A&b\"\n"), "a.test").unwrap();
        assert_eq!(
            a.argv()[6],
            "domain=a.test&type=TXT&name=x.a.test.&value=v%3DDKIM1%3B+p%3DA%26b&ttl=60"
        );
        let d = delete(&rec("@ 60 IN MX 10 mx.a.test.\n"), "a.test").unwrap();
        assert_eq!(d.argv()[5], "CMD_API_DNS_ADMIN?action=select&delete=yes");
        assert_eq!(
            d.argv()[6],
            "domain=a.test&mxrecs0=name%3Da.test.%26value%3D10+mx.a.test."
        );
    }
}
