//! The preflight rules, as pure functions over what was gathered: same panel, version rule,
//! the 20-account rule, accounts present on the source, clashes on the target, disk space.
//! Every blocker says what is wrong and what to do.

use serde::Serialize;

use crate::host::zone::is_domain_name;
use crate::ops::account::Resolved;
use crate::ops::backup::preview::valid_db_name;
use crate::panel::{self, valid_account_name, Account, PanelInfo, PanelKind};

/// More accounts than this must be scheduled with the accounts team.
pub const MAX_UNSCHEDULED: usize = 20;
/// Throughput the duration estimate assumes (server to server on a LAN or good uplink).
pub const ASSUMED_BYTES_PER_SEC: u64 = 50 * 1024 * 1024;
const GIB: u64 = 1024 * 1024 * 1024;

#[derive(Clone, Debug, Serialize)]
pub struct HostSide {
    pub host: String,
    pub panel: PanelInfo,
    /// Where the panel keeps accounts' data (`/home`, Plesk's `/var/www/vhosts`).
    pub data_root: String,
    /// Free bytes on the file system holding `data_root`.
    pub free_bytes: u64,
    pub accounts: Vec<Account>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AccountPlan {
    pub user: String,
    pub size_bytes: u64,
    pub domains: Vec<String>,
    pub databases: Vec<String>,
    pub mailboxes: Vec<String>,
    pub estimated_seconds: u64,
    pub blockers: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Plan {
    pub from: String,
    pub to: String,
    pub panel: PanelKind,
    pub from_version: Option<String>,
    pub to_version: Option<String>,
    pub scheduled: Option<String>,
    pub accounts: Vec<AccountPlan>,
    /// Problems of the whole migration (panel, versions, count, disk).
    pub blockers: Vec<String>,
    pub warnings: Vec<String>,
    pub total_bytes: u64,
    pub estimated_seconds: u64,
    /// Accounts given as one of their domains, and which.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub named_by_domain: Vec<Resolved>,
    /// The selected accounts as the source lists them (for the run; not part of the report).
    #[serde(skip)]
    pub source_accounts: Vec<Account>,
}

impl Plan {
    pub fn is_clean(&self) -> bool {
        self.blockers.is_empty() && self.accounts.iter().all(|a| a.blockers.is_empty())
    }
}

/// A name read from a server, as printed: control characters, quotes and bidirectional
/// marks escaped, so a hostile name can neither drive the terminal nor pass for another.
pub fn shown(name: &str) -> String {
    name.escape_debug().to_string()
}

/// A rule names must follow.
type NameRule = fn(&str) -> bool;

/// What is wrong with the names an account read from a server carries, by the rules names
/// typed by the user follow (one blocker per bad name, the name escaped).
pub fn bad_names(acct: &Account, host: &str) -> Vec<String> {
    let mut bad = Vec::new();
    if !valid_account_name(&acct.user) {
        bad.push(format!(
            "{host} lists the account \"{}\", which is not a valid account name (lowercase letter first, then lowercase letters, digits, `_` or `-`, at most 32): it is not migrated",
            shown(&acct.user)
        ));
    }
    let kinds: [(&str, &[String], NameRule); 3] = [
        ("domain", &acct.domains, is_domain_name),
        ("database", &acct.databases, valid_db_name),
        ("database user", &acct.db_users, valid_db_name),
    ];
    for (what, names, valid) in kinds {
        for n in names.iter().filter(|n| !valid(n)) {
            bad.push(format!(
                "{host} lists the {what} \"{}\", which is not a valid {what} name: the account is not migrated",
                shown(n)
            ));
        }
    }
    bad
}

/// The free-space rule, in the words of the panel whose rule it is (cPanel's Transfer Tool
/// documents it; Plesk and DirectAdmin get the same margin, named for what it holds).
fn space_rule(kind: PanelKind) -> &'static str {
    match kind {
        PanelKind::Cpanel => "twice the largest account plus 1 GiB, cPanel's rule",
        PanelKind::Plesk => {
            "twice the largest subscription plus 1 GiB, for its backup and the restored copy"
        }
        PanelKind::Directadmin | PanelKind::None => {
            "twice the largest account plus 1 GiB, for its backup and the restored copy"
        }
    }
}

/// Applies every rule. `sizes` holds the measured size of each selected account's data.
pub fn assess(
    from: &HostSide,
    to: &HostSide,
    selected: &[String],
    sizes: &[(String, u64)],
    scheduled: Option<&str>,
) -> Plan {
    let mut blockers = Vec::new();
    let warnings = Vec::new();
    let (fp, tp) = (&from.panel, &to.panel);
    let refusal = [from, to]
        .into_iter()
        .find_map(|s| panel::driver(s.panel.kind).packaging_on(&s.host).err());
    if let Some(refusal) = refusal {
        blockers.push(refusal.to_string());
    } else if fp.kind != tp.kind {
        blockers.push(format!(
            "{} runs {} but {} runs {}: hostops migrates only between servers with the same panel",
            from.host,
            fp.kind.as_str(),
            to.host,
            tp.kind.as_str()
        ));
    } else if selected.len() <= 1 && fp.version != tp.version {
        blockers.push(format!(
            "a single-account migration needs the same panel version on both servers: {} has {}, {} has {}. \
             Upgrade the older server first",
            from.host,
            fp.version.as_deref().unwrap_or("?"),
            to.host,
            tp.version.as_deref().unwrap_or("?")
        ));
    } else if selected.len() > 1 && fp.major != tp.major {
        blockers.push(format!(
            "a multi-account migration needs the same major panel version: {} has {} (major {}), {} has {} (major {})",
            from.host,
            fp.version.as_deref().unwrap_or("?"),
            fp.major.as_deref().unwrap_or("?"),
            to.host,
            tp.version.as_deref().unwrap_or("?"),
            tp.major.as_deref().unwrap_or("?")
        ));
    }
    if selected.len() > MAX_UNSCHEDULED && scheduled.is_none() {
        blockers.push(format!(
            "{} accounts: more than {MAX_UNSCHEDULED} must be scheduled with the accounts team; \
             pass --scheduled REF with the schedule's reference",
            selected.len()
        ));
    }

    let size_of = |u: &str| {
        sizes
            .iter()
            .find(|(n, _)| n == u)
            .map(|(_, s)| *s)
            .unwrap_or(0)
    };
    let accounts: Vec<AccountPlan> = selected
        .iter()
        .map(|user| account_plan(user, from, to, size_of(user)))
        .collect();

    let largest = accounts.iter().map(|a| a.size_bytes).max().unwrap_or(0);
    let need = 2 * largest + GIB;
    for side in [from, to] {
        if side.free_bytes <= need {
            blockers.push(format!(
                "{} has {} free in {} but needs more than {} ({})",
                side.host,
                crate::output::human_bytes(side.free_bytes),
                side.data_root,
                crate::output::human_bytes(need),
                space_rule(fp.kind)
            ));
        }
    }
    let total_bytes = accounts.iter().map(|a| a.size_bytes).sum();
    Plan {
        from: from.host.clone(),
        to: to.host.clone(),
        panel: fp.kind,
        from_version: fp.version.clone(),
        to_version: tp.version.clone(),
        scheduled: scheduled.map(String::from),
        estimated_seconds: accounts.iter().map(|a| a.estimated_seconds).sum(),
        source_accounts: from
            .accounts
            .iter()
            .filter(|a| selected.contains(&a.user))
            .cloned()
            .collect(),
        accounts,
        blockers,
        warnings,
        total_bytes,
        named_by_domain: Vec::new(),
    }
}

fn account_plan(user: &str, from: &HostSide, to: &HostSide, size: u64) -> AccountPlan {
    let mut blockers = Vec::new();
    let mut warnings = Vec::new();
    let Some(acct) = from.accounts.iter().find(|a| a.user == user) else {
        return AccountPlan {
            user: user.to_string(),
            size_bytes: 0,
            domains: Vec::new(),
            databases: Vec::new(),
            mailboxes: Vec::new(),
            estimated_seconds: 0,
            blockers: vec![format!("no account `{}` on {}", shown(user), from.host)],
            warnings,
        };
    };
    blockers.extend(bad_names(acct, &from.host));
    if to.accounts.iter().any(|a| a.user == acct.user) {
        blockers.push(format!(
            "username `{}` already exists on {}",
            shown(&acct.user),
            to.host
        ));
    }
    for d in &acct.domains {
        if let Some(owner) = to.accounts.iter().find(|a| a.domains.contains(d)) {
            blockers.push(format!(
                "domain {} already exists on {} (account `{}`)",
                shown(d),
                to.host,
                shown(&owner.user)
            ));
        }
    }
    for db in &acct.databases {
        if to.accounts.iter().any(|a| a.databases.contains(db)) {
            blockers.push(format!(
                "database {} already exists on {}",
                shown(db),
                to.host
            ));
        }
    }
    for u in &acct.db_users {
        if to.accounts.iter().any(|a| a.db_users.contains(u)) {
            blockers.push(format!(
                "database user {} already exists on {}",
                shown(u),
                to.host
            ));
        }
    }
    if acct.domains.is_empty() {
        warnings.push("the account has no domain".to_string());
    }
    AccountPlan {
        user: acct.user.clone(),
        size_bytes: size,
        domains: acct.domains.clone(),
        databases: acct.databases.clone(),
        mailboxes: acct.mailboxes.clone(),
        // Copy time plus a fixed cost for packaging and restoring each database.
        estimated_seconds: size / ASSUMED_BYTES_PER_SEC + 10 + 5 * acct.databases.len() as u64,
        blockers,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panel(kind: PanelKind, version: &str, major: &str) -> PanelInfo {
        PanelInfo {
            kind,
            version: Some(version.into()),
            major: Some(major.into()),
        }
    }

    fn account(user: &str, domain: &str) -> Account {
        Account {
            user: user.into(),
            domains: vec![domain.into()],
            databases: vec![format!("{user}_wp")],
            db_users: vec![format!("{user}_wp")],
            ..Account::default()
        }
    }

    fn side(host: &str, p: PanelInfo, accounts: Vec<Account>) -> HostSide {
        HostSide {
            host: host.into(),
            panel: p,
            data_root: "/home".into(),
            free_bytes: 100 * GIB,
            accounts,
        }
    }

    fn cpanel(version: &str) -> PanelInfo {
        let major = version.split('.').nth(1).unwrap_or("").to_string();
        panel(PanelKind::Cpanel, version, &major)
    }

    #[test]
    fn clean_single_account() {
        let from = side(
            "src",
            cpanel("11.122.0.17"),
            vec![account("bob", "bob.example")],
        );
        let to = side("dst", cpanel("11.122.0.17"), vec![]);
        let plan = assess(&from, &to, &["bob".into()], &[("bob".into(), GIB)], None);
        assert!(plan.is_clean(), "{plan:?}");
        assert_eq!(plan.accounts[0].size_bytes, GIB);
        assert!(plan.estimated_seconds >= 20);
    }

    #[test]
    fn single_account_needs_the_same_version_several_the_same_major() {
        let accts = vec![account("bob", "bob.example"), account("amy", "amy.example")];
        let from = side("src", cpanel("11.122.0.17"), accts);
        let to = side("dst", cpanel("11.122.0.20"), vec![]);
        let one = assess(&from, &to, &["bob".into()], &[], None);
        assert!(
            one.blockers
                .iter()
                .any(|b| b.contains("same panel version")),
            "{:?}",
            one.blockers
        );
        let two = assess(&from, &to, &["bob".into(), "amy".into()], &[], None);
        assert!(two.is_clean(), "{:?}", two.blockers);
        let newer = side("dst", cpanel("11.124.0.1"), vec![]);
        let three = assess(&from, &newer, &["bob".into(), "amy".into()], &[], None);
        assert!(
            three.blockers.iter().any(|b| b.contains("same major")),
            "{:?}",
            three.blockers
        );
    }

    #[test]
    fn different_or_missing_panels_block() {
        let from = side(
            "src",
            cpanel("11.122.0.17"),
            vec![account("bob", "bob.example")],
        );
        let plesk = side("dst", panel(PanelKind::Plesk, "18.0.59.2", "18.0"), vec![]);
        assert!(
            assess(&from, &plesk, &["bob".into()], &[], None).blockers[0].contains("same panel")
        );
        let none = side("dst", PanelInfo::none(), vec![]);
        let refused = &assess(&from, &none, &["bob".into()], &[], None).blockers[0];
        assert!(
            refused.contains("dst runs no control panel") && refused.contains("packaging"),
            "{refused}"
        );
    }

    #[test]
    fn more_than_twenty_need_a_schedule() {
        let accts: Vec<Account> = (0..21)
            .map(|i| account(&format!("u{i}"), &format!("d{i}.example")))
            .collect();
        let names: Vec<String> = accts.iter().map(|a| a.user.clone()).collect();
        let from = side("src", cpanel("11.122.0.17"), accts);
        let to = side("dst", cpanel("11.122.0.17"), vec![]);
        let refused = assess(&from, &to, &names, &[], None);
        assert!(
            refused.blockers.iter().any(|b| b.contains("--scheduled")),
            "{:?}",
            refused.blockers
        );
        assert!(assess(&from, &to, &names, &[], Some("ACC-2026-114")).is_clean());
        assert!(assess(&from, &to, &names[..20], &[], None).is_clean());
    }

    #[test]
    fn clashes_on_the_target_are_found_up_front() {
        let from = side(
            "src",
            cpanel("11.122.0.17"),
            vec![account("bob", "bob.example")],
        );
        let mut squatter = account("bob", "other.example");
        squatter.databases = vec!["bob_wp".into()];
        let mut domain_owner = account("zed", "bob.example");
        domain_owner.db_users = vec!["bob_wp".into()];
        let to = side("dst", cpanel("11.122.0.17"), vec![squatter, domain_owner]);
        let plan = assess(&from, &to, &["bob".into()], &[], None);
        let b = &plan.accounts[0].blockers;
        assert!(b.iter().any(|x| x.contains("username `bob`")), "{b:?}");
        assert!(
            b.iter()
                .any(|x| x.contains("domain bob.example") && x.contains("`zed`")),
            "{b:?}"
        );
        assert!(b.iter().any(|x| x.contains("database bob_wp")), "{b:?}");
        assert!(
            b.iter().any(|x| x.contains("database user bob_wp")),
            "{b:?}"
        );
    }

    #[test]
    fn missing_account_and_disk_space() {
        let from = side(
            "src",
            cpanel("11.122.0.17"),
            vec![account("bob", "bob.example")],
        );
        let mut to = side("dst", cpanel("11.122.0.17"), vec![]);
        to.free_bytes = 2 * GIB;
        let plan = assess(
            &from,
            &to,
            &["bob".into(), "ghost".into()],
            &[("bob".into(), GIB)],
            None,
        );
        assert!(plan.accounts[1].blockers[0].contains("no account `ghost` on src"));
        assert!(
            plan.blockers
                .iter()
                .any(|b| b.starts_with("dst has") && b.contains("1 GiB")),
            "{:?}",
            plan.blockers
        );
    }

    #[test]
    fn names_read_from_the_source_are_checked_like_typed_ones() {
        let evil = Account {
            user: "-rf".into(),
            domains: vec!["ok.example".into(), "$(touch x)".into()],
            databases: vec!["ok_db".into(), "a b".into()],
            db_users: vec!["u\u{1b}[2J".into()],
            ..Account::default()
        };
        let good = account("bob", "bob.example");
        let from = side("src", cpanel("11.122.0.17"), vec![evil, good]);
        let to = side("dst", cpanel("11.122.0.17"), vec![]);
        let plan = assess(&from, &to, &["-rf".into(), "bob".into()], &[], None);
        assert!(!plan.is_clean());
        let b = &plan.accounts[0].blockers;
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(b[0].contains("account \"-rf\"") && b[0].contains("not a valid account name"));
        assert!(b[1].contains("domain \"$(touch x)\""), "{b:?}");
        assert!(b[2].contains("database \"a b\""), "{b:?}");
        assert!(
            b[3].contains("\\u{1b}[2J") && !b[3].contains('\u{1b}'),
            "{b:?}"
        );
        assert!(plan.accounts[1].blockers.is_empty());
        assert_eq!(shown("ok\rFAKE"), "ok\\rFAKE");
    }

    #[test]
    fn free_space_names_the_panels_data_root_and_rule() {
        let plesk = |host: &str, accts| {
            let mut s = side(host, panel(PanelKind::Plesk, "18.0.59.2", "18.0"), accts);
            s.data_root = "/var/www/vhosts".into();
            s.free_bytes = GIB / 2;
            s
        };
        let from = plesk("src", vec![account("shop", "shop.example")]);
        let to = plesk("dst", vec![]);
        let plan = assess(&from, &to, &["shop".into()], &[], None);
        let b = plan.blockers.join("\n");
        assert!(
            b.contains("dst has 512.00 MiB free in /var/www/vhosts"),
            "{b}"
        );
        assert!(!b.contains("/home") && !b.contains("cPanel"), "{b}");
        let mut c = side("dst", cpanel("11.122.0.17"), vec![]);
        c.free_bytes = 0;
        let from = side(
            "src",
            cpanel("11.122.0.17"),
            vec![account("bob", "b.example")],
        );
        let b = assess(&from, &c, &["bob".into()], &[], None)
            .blockers
            .join("\n");
        assert!(
            b.contains("free in /home") && b.contains("cPanel's rule"),
            "{b}"
        );
    }

    #[test]
    fn account_names_are_checked_before_reaching_a_panel_tool() {
        for ok in ["bob", "bob2", "a_b-c"] {
            assert!(valid_account_name(ok), "{ok}");
        }
        for bad in [
            "",
            "Bob",
            "2bob",
            "bob;id",
            "$(id)",
            "../etc",
            "-rf",
            "a b",
            &"a".repeat(33),
        ] {
            assert!(!valid_account_name(bad), "{bad:?}");
        }
    }
}
