//! The accounts of a server without a panel: system users (uid 1000 and up) whose home is
//! `/home/USER`, read from `getent passwd`. A user whose name is not a valid account name is
//! not an account hostops serves: server-supplied names are checked before any use.

use anyhow::Result;

use super::NoPanel;
use crate::panel::{query, valid_account_name, Account, Accounts, PanelKind};
use crate::transport::{Cmd, Transport};

/// The first uid of regular users (Debian's and Red Hat's `UID_MIN` in /etc/login.defs).
const UID_MIN: u32 = 1000;

/// The users of `getent passwd` output (`name:password:uid:gid:gecos:home:shell`) that are
/// hosting accounts: uid at least [`UID_MIN`] (not `nobody`), home `/home/NAME`, valid name.
fn system_users(passwd: &str) -> Vec<String> {
    passwd
        .lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split(':').collect();
            let [name, _, uid, _, _, home, _] = f.as_slice() else {
                return None;
            };
            let uid: u32 = uid.parse().ok()?;
            let own_home = home.strip_prefix("/home/") == Some(*name);
            (uid >= UID_MIN && uid != 65534 && own_home && valid_account_name(name))
                .then(|| name.to_string())
        })
        .collect()
}

impl Accounts for NoPanel {
    fn kind(&self) -> PanelKind {
        PanelKind::None
    }

    /// Users only: without a panel nothing says which domains, databases or mailboxes are
    /// whose.
    fn accounts(&self, t: &dyn Transport) -> Result<Vec<Account>> {
        let passwd = query(t, Cmd::new("getent").arg("passwd"))?;
        Ok(system_users(&passwd)
            .into_iter()
            .map(|user| Account {
                user,
                ..Account::default()
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_getent_passwd_regular_users_with_a_home_under_home() {
        let real = include_str!("../../../tests/fixtures/real/getent-passwd.txt");
        assert_eq!(system_users(real), ["cloudsdk", "dev"]);
    }

    #[test]
    fn hostile_names_and_homes_are_no_accounts() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/hostile.json")).unwrap();
        let mut passwd = String::from("bob:x:1000:1000::/home/bob:/bin/bash\n");
        for v in table["values"].as_array().unwrap() {
            let name = v["value"].as_str().unwrap().replace("{MARK}", "/tmp/m");
            passwd.push_str(&format!("{name}:x:1001:1001::/home/{name}:/bin/bash\n"));
        }
        passwd.push_str("eve:x:1002:1002::/home/../root:/bin/bash\n");
        passwd.push_str("sam:x:1003:1003::/srv/sam:/bin/bash\n");
        passwd.push_str("sys:x:999:999::/home/sys:/bin/bash\n");
        passwd.push_str("nobody:x:65534:65534::/home/nobody:/usr/sbin/nologin\n");
        assert_eq!(system_users(&passwd), ["bob"]);
    }
}
