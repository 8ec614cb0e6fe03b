//! A backup named with `--file` must be a backup of the account asked for, in the server's
//! panel's own format, before anything is changed: another account's archive would replace
//! this account with that one, and a file that is no backup would remove it.

use anyhow::Result;

use super::preview::Listings;
use crate::exit::StatusError;
use crate::host::kv;
use crate::host::listing::{read_tar, split_path, Kind, Listing};
use crate::panel::{backup, PanelKind, RestorePoint};
use crate::transport::{self, Cmd, Transport};

/// Run on the server: the `DOMAIN\tLOGIN` pairs a Plesk backup_info file `$1` names (the
/// grep of the panel's restore point probe).
const PLESK_PAIRS: &str =
    r#"grep -o '<domain name="[^"]*"\|<sysuser name="[^"]*"' -- "$1" | cut -d'"' -f2 | paste - -"#;

/// Checks that `point` (from `--file`) is a backup of `user` in `kind`'s format; for Plesk,
/// sets the subscription it holds. A refusal says what the file is not.
pub fn check(
    t: &dyn Transport,
    kind: PanelKind,
    user: &str,
    point: &mut RestorePoint,
    listings: &mut Listings,
) -> Result<()> {
    let path = point.path.clone();
    let refuse = |what: String| -> anyhow::Error {
        StatusError::refused(format!(
            "{path} on {} is not a backup of account {user}: {what}; nothing was changed",
            t.target().name
        ))
        .into()
    };
    match kind {
        PanelKind::Cpanel => {
            let listing = listings
                .get(t, &backup::archive_or_dir(&path))
                .map_err(|e| refuse(format!("{e:#}")))?;
            cpanel(listing, user).map_err(refuse)
        }
        PanelKind::Directadmin => {
            let (_, name) = split_path(&path);
            let named = name
                .strip_prefix("user.")
                .and_then(|n| n.split_once('.'))
                .is_some_and(|(_, rest)| {
                    [".tar", ".tar.gz", ".tar.zst"]
                        .iter()
                        .any(|x| rest.strip_suffix(x) == Some(user))
                });
            if !named {
                return Err(refuse(format!(
                    "a DirectAdmin backup of it is named user.CREATOR.{user}.tar.gz"
                )));
            }
            let listing = listings
                .get(t, &backup::archive_or_dir(&path))
                .map_err(|e| refuse(format!("{e:#}")))?;
            let member = ["./backup/user.conf", "backup/user.conf"]
                .into_iter()
                .find(|m| listing.get(*m).is_some_and(|e| e.kind == Kind::File))
                .ok_or_else(|| refuse("it holds no backup/user.conf".into()))?;
            let conf = transport::run_ok(
                t,
                &read_tar(&path, ["--extract", "--to-stdout", "--", member]),
            )?
            .stdout_text();
            directadmin(&conf, user).map_err(refuse)
        }
        PanelKind::Plesk => {
            let out = transport::run(t, &Cmd::script("sh", PLESK_PAIRS).arg(&path), None, None)?;
            let domain = plesk(&out.stdout_text(), user).map_err(refuse)?;
            point.domain = Some(domain);
            Ok(())
        }
        PanelKind::None => Err(refuse("the server has no panel".into())),
    }
}

/// A pkgacct archive of `user`: one top directory, `cpmove-USER` or `USER`, holding the
/// cPanel user file `cp/USER`.
fn cpanel(listing: &Listing, user: &str) -> Result<(), String> {
    let tops = backup::tops(listing);
    let [top] = tops.as_slice() else {
        return Err(format!(
            "a cPanel backup has one top directory, cpmove-{user}/ or {user}/"
        ));
    };
    if *top != user && *top != format!("cpmove-{user}") {
        return Err(format!(
            "its top directory is {top}/, not cpmove-{user}/ or {user}/"
        ));
    }
    let cp = format!("{top}/cp/{user}");
    match listing.get(&cp) {
        Some(e) if e.kind == Kind::File => Ok(()),
        _ => Err(format!("it holds no cPanel user file {cp}")),
    }
}

/// DirectAdmin's backup/user.conf naming `user`.
fn directadmin(conf: &str, user: &str) -> Result<(), String> {
    match kv::equals_pairs(conf)
        .into_iter()
        .find(|(k, _)| k == "username")
    {
        Some((_, u)) if u == user => Ok(()),
        Some((_, u)) => Err(format!("its backup/user.conf is of user {u}")),
        None => Err("its backup/user.conf names no user".into()),
    }
}

/// The subscription of `user` in the `DOMAIN\tLOGIN` pairs of a Plesk backup_info file.
fn plesk(pairs: &str, user: &str) -> Result<String, String> {
    let pairs: Vec<(&str, &str)> = pairs.lines().filter_map(|l| l.split_once('\t')).collect();
    if pairs.is_empty() {
        return Err("it is not a Plesk backup_info file naming a subscription".into());
    }
    pairs
        .iter()
        .find(|(_, login)| *login == user)
        .map(|(domain, _)| domain.to_string())
        .ok_or_else(|| {
            let names: Vec<String> = pairs.iter().map(|(d, l)| format!("{d} ({l})")).collect();
            format!("it holds the subscription(s) {}", names.join(", "))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::listing::parse;

    fn listing(names: &[(&str, char)]) -> Listing {
        let text: String = names
            .iter()
            .map(|(n, k)| format!("{k}rw-r--r-- root/root 10 2026-11-01 10:00:00 {n}\n"))
            .collect();
        parse(&text)
    }

    #[test]
    fn a_cpanel_archive_must_be_of_that_user() {
        let alice = listing(&[("alice", 'd'), ("alice/cp", 'd'), ("alice/cp/alice", '-')]);
        assert_eq!(cpanel(&alice, "alice"), Ok(()));
        assert!(cpanel(&alice, "bob").is_err());
        let moved = listing(&[("cpmove-bob", 'd'), ("cpmove-bob/cp/bob", '-')]);
        assert_eq!(cpanel(&moved, "bob"), Ok(()));
        // bobby's archive holding a cp/alice does not make it alice's.
        let bobby = listing(&[("bobby", 'd'), ("bobby/cp/alice", '-')]);
        assert!(cpanel(&bobby, "alice").is_err());
        let file = listing(&[("hostname", '-')]);
        assert!(cpanel(&file, "alice")
            .unwrap_err()
            .contains("top directory"));
    }

    #[test]
    fn a_directadmin_user_conf_must_name_the_user() {
        assert_eq!(directadmin("usertype=user\nusername=amy\n", "amy"), Ok(()));
        assert!(directadmin("username=amyx\n", "amy").is_err());
        assert!(directadmin("", "amy").is_err());
    }

    #[test]
    fn a_plesk_backup_info_must_name_the_login() {
        let pairs = "shop.example\tshopuser\nother.example\tother\n";
        assert_eq!(plesk(pairs, "other"), Ok("other.example".into()));
        assert!(plesk(pairs, "bob")
            .unwrap_err()
            .contains("shop.example (shopuser)"));
        assert!(plesk("", "bob").is_err());
    }
}
