//! cPanel accounts: `whmapi1 listaccts` for users, owners and disk used, /etc/userdatadomains
//! for their addon, sub and parked domains.

use anyhow::{bail, Context as _, Result};
use serde::Deserialize;

use super::{whmapi1, Cpanel};
use crate::host::{kv, mysql};
use crate::panel::{list_mailboxes, query, Account, Accounts, PanelKind};
use crate::transport::{Cmd, Transport};

/// The whmapi1 JSON envelope: `{"data": ..., "metadata": {"result": 1, "reason": "OK"}}`.
#[derive(Deserialize)]
struct Envelope<T> {
    data: Option<T>,
    metadata: Metadata,
}

#[derive(Deserialize)]
struct Metadata {
    result: i64,
    #[serde(default)]
    reason: String,
}

#[derive(Debug, Deserialize)]
struct AcctList {
    #[serde(default)]
    acct: Vec<Acct>,
}

#[derive(Debug, Deserialize)]
struct Acct {
    user: String,
    #[serde(default)]
    domain: String,
    owner: Option<String>,
    #[serde(default)]
    diskused: String,
}

/// Decodes a whmapi1 JSON answer; `result: 0` is an error carrying `reason`.
pub(super) fn envelope<T: for<'de> Deserialize<'de>>(
    function: &str,
    json: &str,
) -> Result<Option<T>> {
    let e: Envelope<T> = serde_json::from_str(json)
        .with_context(|| format!("whmapi1 {function}: unexpected output: {json:.200}"))?;
    if e.metadata.result != 1 {
        bail!("whmapi1 {function} failed: {}", e.metadata.reason);
    }
    Ok(e.data)
}

/// One line of `/etc/userdatadomains`: `domain: user==owner==type==main==docroot==ip:port...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct UserDomain {
    pub domain: String,
    pub user: String,
    pub owner: String,
    /// `main`, `addon`, `parked` or `sub`.
    pub kind: String,
    pub docroot: String,
}

/// The lines of `/etc/userdatadomains`, in file order.
pub(super) fn userdatadomains(text: &str) -> Vec<UserDomain> {
    text.lines()
        .filter_map(|l| {
            let (domain, rest) = l.split_once(':')?;
            let mut f = rest.trim().split("==").map(|s| s.trim().to_string());
            let (user, owner, kind) = (f.next()?, f.next().unwrap_or_default(), f.next());
            let docroot = f.nth(1).unwrap_or_default();
            Some(UserDomain {
                domain: domain.trim().to_string(),
                user,
                owner,
                kind: kind.unwrap_or_default(),
                docroot,
            })
        })
        .collect()
}

impl Accounts for Cpanel {
    fn kind(&self) -> PanelKind {
        PanelKind::Cpanel
    }

    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        listed(t, None)
    }

    /// Lists the mailboxes of `user` only (one `find`, not one per account).
    fn account(&self, t: &dyn Transport, user: &str) -> Result<Option<Account>> {
        Ok(listed(t, Some(user))?.pop())
    }
}

/// The accounts (`only` the one named, when given) with their domains, databases and
/// mailboxes.
fn listed(t: &dyn Transport, only: Option<&str>) -> Result<Vec<Account>> {
    let listed: AcctList = envelope("listaccts", &query(t, whmapi1("listaccts"))?)?
        .unwrap_or(AcctList { acct: Vec::new() });
    let domains = userdatadomains(&query(t, Cmd::new("cat").arg("/etc/userdatadomains"))?);
    let (dbs, db_users) = (mysql::databases(t)?, mysql::users(t)?);
    let mut accounts = Vec::new();
    for a in listed.acct {
        if only.is_some_and(|u| u != a.user) {
            continue;
        }
        let mut names = vec![a.domain.clone()];
        names.extend(
            domains
                .iter()
                .filter(|d| d.user == a.user && d.domain != a.domain)
                .map(|d| d.domain.clone()),
        );
        let home = format!("/home/{}/mail", a.user);
        let boxes = list_mailboxes(t, &home)?;
        accounts.push(Account {
            databases: mysql::owned_by(&dbs, &a.user),
            db_users: mysql::owned_by(&db_users, &a.user),
            mailboxes: boxes,
            disk_used_bytes: kv::size_bytes(&a.diskused),
            owner: a.owner,
            domains: names.into_iter().filter(|d| !d.is_empty()).collect(),
            user: a.user,
        });
    }
    Ok(accounts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listaccts_envelope() {
        let json = r#"{"data":{"acct":[{"user":"bob","domain":"bob.example","owner":"root","diskused":"512M","plan":"default","suspended":0}]},
                       "metadata":{"command":"listaccts","reason":"OK","result":1,"version":1}}"#;
        let l: AcctList = envelope("listaccts", json).unwrap().unwrap();
        assert_eq!(l.acct[0].user, "bob");
        assert_eq!(kv::size_bytes(&l.acct[0].diskused), 512 << 20);
        let failed = r#"{"metadata":{"command":"listaccts","reason":"Access denied","result":0,"version":1}}"#;
        let err = envelope::<AcctList>("listaccts", failed)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Access denied"), "{err}");
    }

    #[test]
    fn userdatadomains_lines() {
        let text =
            "bob.example: bob==root==main==bob.example==/home/bob/public_html==192.0.2.1:80==\n\
                    shop.example: bob==root==addon==bob.example==/home/bob/shop==192.0.2.1:80==\n";
        let d = userdatadomains(text);
        assert_eq!(
            (d[1].user.as_str(), d[1].domain.as_str(), d[1].kind.as_str()),
            ("bob", "shop.example", "addon")
        );
        assert_eq!(
            (d[1].owner.as_str(), d[1].docroot.as_str()),
            ("root", "/home/bob/shop")
        );
    }
}
