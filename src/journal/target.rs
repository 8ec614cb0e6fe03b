//! Where the journal lives, as `--journal`, `HOSTOPS_JOURNAL` or the config file's `journal`
//! give it: a path is an SQLite file, a `postgres://` URL a shared journal on PostgreSQL.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use anyhow::Result;

use crate::exit::StatusError;

/// How long connecting to a shared journal may take before the run is journaled locally.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Clone, Debug)]
pub enum Target {
    Sqlite(PathBuf),
    Postgres(Box<PgUrl>),
}

/// A `postgres://user[:password]@host[:port]/dbname` URL, parsed; shown without its password.
#[derive(Clone)]
pub struct PgUrl {
    pub(super) config: postgres::Config,
    /// The password as typed (percent-encoded or not), to mask it wherever argv is recorded.
    typed_password: Option<String>,
}

impl Target {
    /// `given` as a target: a `postgres://` or `postgresql://` URL, else an SQLite path.
    pub fn parse(given: &str) -> Result<Target> {
        if given.starts_with("postgres://") || given.starts_with("postgresql://") {
            Ok(Target::Postgres(Box::new(PgUrl::parse(given)?)))
        } else {
            Ok(Target::Sqlite(PathBuf::from(given)))
        }
    }

    /// The passwords to mask in everything journaled and printed (a URL's password).
    pub fn secrets(&self) -> Vec<String> {
        match self {
            Target::Sqlite(_) => Vec::new(),
            Target::Postgres(url) => url.secrets(),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Sqlite(path) => write!(f, "{}", path.display()),
            Target::Postgres(url) => url.fmt(f),
        }
    }
}

impl PgUrl {
    pub fn parse(given: &str) -> Result<PgUrl> {
        let mut config = postgres::Config::from_str(given).map_err(|e| {
            StatusError::usage(format!(
                "invalid journal URL ({e}): expected postgres://USER@HOST[:PORT]/DBNAME"
            ))
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        config.application_name("hostops");
        let typed_password = given
            .split_once("://")
            .and_then(|(_, rest)| rest.split(['/', '?']).next())
            .and_then(|authority| authority.rsplit_once('@'))
            .and_then(|(userinfo, _)| userinfo.split_once(':'))
            .map(|(_, pw)| pw.to_string())
            .filter(|pw| !pw.is_empty());
        Ok(PgUrl {
            config,
            typed_password,
        })
    }

    fn secrets(&self) -> Vec<String> {
        let decoded = self
            .config
            .get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        let mut all: Vec<String> = decoded
            .into_iter()
            .chain(self.typed_password.clone())
            .collect();
        all.dedup();
        all
    }
}

impl fmt::Display for PgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.config;
        write!(f, "postgres://")?;
        if let Some(user) = c.get_user() {
            write!(f, "{user}@")?;
        }
        let hosts: Vec<String> = c
            .get_hosts()
            .iter()
            .map(|h| match h {
                postgres::config::Host::Tcp(name) => name.clone(),
                postgres::config::Host::Unix(dir) => dir.display().to_string(),
            })
            .collect();
        write!(f, "{}", hosts.join(","))?;
        if let Some(port) = c.get_ports().first() {
            write!(f, ":{port}")?;
        }
        write!(f, "/{}", c.get_dbname().unwrap_or(""))
    }
}

impl fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PgUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shared_and_shown_without_its_password() {
        let t = Target::parse("postgres://ops:s%40cret@db.example:5433/hostops").unwrap();
        assert!(matches!(t, Target::Postgres(_)));
        assert_eq!(t.to_string(), "postgres://ops@db.example:5433/hostops");
        assert_eq!(t.secrets(), ["s@cret", "s%40cret"]);
    }

    #[test]
    fn anything_else_is_an_sqlite_path() {
        let t = Target::parse("/var/lib/hostops/journal.sqlite").unwrap();
        assert!(matches!(t, Target::Sqlite(_)));
        assert!(t.secrets().is_empty());
        assert_eq!(t.to_string(), "/var/lib/hostops/journal.sqlite");
    }
}
