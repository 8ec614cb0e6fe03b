//! Databases and database users of an account, read from the host's MySQL/MariaDB: every panel
//! keeps them there, named with the account's prefix (`user_name`).

use crate::host::mysql;
use crate::transport::Transport;

fn list(t: &dyn Transport, sql: &str) -> anyhow::Result<Vec<String>> {
    Ok(mysql::rows(t, sql)?
        .into_iter()
        .filter_map(|row| row.into_iter().next())
        .filter(|name| !name.is_empty())
        .collect())
}

/// Every database on the host (system schemas left out).
pub fn databases(t: &dyn Transport) -> anyhow::Result<Vec<String>> {
    const SYSTEM: [&str; 4] = ["information_schema", "mysql", "performance_schema", "sys"];
    Ok(list(t, "SHOW DATABASES")?
        .into_iter()
        .filter(|d| !SYSTEM.contains(&d.as_str()))
        .collect())
}

/// Every database user name on the host.
pub fn users(t: &dyn Transport) -> anyhow::Result<Vec<String>> {
    list(t, "SELECT DISTINCT User FROM mysql.user")
}

/// The names in `all` that carry `user`'s prefix (`user_`).
pub fn owned_by(all: &[String], user: &str) -> Vec<String> {
    let prefix = format!("{user}_");
    all.iter()
        .filter(|n| n.starts_with(&prefix) || n.as_str() == user)
        .cloned()
        .collect()
}
