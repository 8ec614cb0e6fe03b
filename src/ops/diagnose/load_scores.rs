//! Per-user scores (sys-snap's idea): processes' CPU and memory summed per user, then per
//! command within each user.

use std::collections::BTreeMap;

use serde::Serialize;

use super::load_system::Proc;

/// One user's processes summed: CPU in percent of one CPU, memory in percent of RAM.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UserScore {
    pub user: String,
    pub uid: u32,
    /// A hosting account (a named login UID from 1000 up), not a system user.
    pub account: bool,
    pub cpu_pct: f64,
    pub mem_pct: f64,
    pub processes: u32,
    pub top_commands: Vec<CommandScore>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CommandScore {
    pub command: String,
    pub cpu_pct: f64,
    pub mem_pct: f64,
    pub processes: u32,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Sums processes per user, then per command within each user.
pub fn scores(processes: &[Proc]) -> Vec<UserScore> {
    let mut users: BTreeMap<&str, UserScore> = BTreeMap::new();
    let mut commands: BTreeMap<(&str, String), CommandScore> = BTreeMap::new();
    for p in processes {
        let u = users.entry(&p.user).or_insert_with(|| UserScore {
            user: p.user.clone(),
            uid: p.uid,
            // a UID this host's passwd does not name (ps prints the number) is not one of its
            // accounts: a container's, or another lab host's on a shared machine
            account: (1000..65534).contains(&p.uid) && p.user != p.uid.to_string(),
            cpu_pct: 0.0,
            mem_pct: 0.0,
            processes: 0,
            top_commands: Vec::new(),
        });
        u.cpu_pct += p.cpu_pct;
        u.mem_pct += p.mem_pct;
        u.processes += 1;
        let c = commands
            .entry((&p.user, p.command()))
            .or_insert_with(|| CommandScore {
                command: p.command(),
                cpu_pct: 0.0,
                mem_pct: 0.0,
                processes: 0,
            });
        c.cpu_pct += p.cpu_pct;
        c.mem_pct += p.mem_pct;
        c.processes += 1;
    }
    for ((user, _), mut c) in commands {
        c.cpu_pct = round1(c.cpu_pct);
        c.mem_pct = round1(c.mem_pct);
        if let Some(u) = users.get_mut(user) {
            u.top_commands.push(c);
        }
    }
    let mut out: Vec<UserScore> = users.into_values().collect();
    for u in &mut out {
        u.cpu_pct = round1(u.cpu_pct);
        u.mem_pct = round1(u.mem_pct);
        u.top_commands
            .sort_by(|a, b| (b.cpu_pct + b.mem_pct).total_cmp(&(a.cpu_pct + a.mem_pct)));
        u.top_commands.truncate(3);
    }
    out.sort_by(|a, b| (b.cpu_pct + b.mem_pct).total_cmp(&(a.cpu_pct + a.mem_pct)));
    out
}
