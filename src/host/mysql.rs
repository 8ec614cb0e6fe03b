//! The MySQL/MariaDB client on a server: the one place SQL identifiers and strings are quoted,
//! the client command, its batch output read back, and the databases and users a server
//! holds. Names a server returns (databases, tables, users) are hostile: they reach SQL only
//! through [`ident`] or [`literal`], and SQL reaches the server as one argument or on stdin,
//! never through a shell.

use anyhow::Result;

use crate::transport::{self, Cmd, ProcessError, Transport, TransportError};

/// `name` as a quoted SQL identifier (backticks, a backtick inside doubled).
pub fn ident(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// `text` as a quoted SQL string.
pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\\', "\\\\").replace('\'', "''"))
}

/// The client reading SQL on stdin, printing tab-separated rows without a header. Names travel
/// as UTF-8 whatever the server's locale (the client would otherwise guess from it).
pub fn client() -> Cmd {
    Cmd::new("mysql").args([
        "--batch",
        "--skip-column-names",
        "--default-character-set=utf8mb4",
    ])
}

/// The client running `sql`, printing tab-separated rows without a header.
pub fn command(sql: &str) -> Cmd {
    client().args(["-e", sql])
}

/// Runs `sql` (sent on stdin) and returns its rows, fields unescaped.
pub fn rows(t: &dyn Transport, sql: &str) -> Result<Vec<Vec<String>>> {
    let cmd = client();
    let out = transport::run(t, &cmd, Some(sql.as_bytes()), None)?;
    if !out.exit.success() {
        return Err(TransportError::from(ProcessError::new(
            t,
            &cmd,
            &out.exit,
            &out.stdout,
            &out.stderr,
        ))
        .into());
    }
    Ok(out.stdout_text().lines().map(fields).collect())
}

/// One line of batch output as its fields: the client writes a tab, newline, NUL or
/// backslash inside a value as `\t`, `\n`, `\0`, `\\`.
pub fn fields(line: &str) -> Vec<String> {
    line.split('\t')
        .map(|f| {
            let mut out = String::with_capacity(f.len());
            let mut chars = f.chars();
            while let Some(c) = chars.next() {
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                match chars.next() {
                    Some('t') => out.push('\t'),
                    Some('n') => out.push('\n'),
                    Some('0') => out.push('\0'),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            }
            out
        })
        .collect()
}

/// The first column of each row `sql` returns, empty names left out.
fn names(t: &dyn Transport, sql: &str) -> Result<Vec<String>> {
    Ok(rows(t, sql)?
        .into_iter()
        .filter_map(|row| row.into_iter().next())
        .filter(|name| !name.is_empty())
        .collect())
}

/// Every database on the host (system schemas left out).
pub fn databases(t: &dyn Transport) -> Result<Vec<String>> {
    const SYSTEM: [&str; 4] = ["information_schema", "mysql", "performance_schema", "sys"];
    Ok(names(t, "SHOW DATABASES")?
        .into_iter()
        .filter(|d| !SYSTEM.contains(&d.as_str()))
        .collect())
}

/// The tables of database `db`, by name.
pub fn tables(t: &dyn Transport, db: &str) -> Result<Vec<String>> {
    names(
        t,
        &format!(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = {} \
             ORDER BY table_name",
            literal(db)
        ),
    )
}

/// Every database user name on the host.
pub fn users(t: &dyn Transport) -> Result<Vec<String>> {
    names(t, "SELECT DISTINCT User FROM mysql.user")
}

/// The names in `all` that carry `user`'s prefix (`user_`).
pub fn owned_by(all: &[String], user: &str) -> Vec<String> {
    let prefix = format!("{user}_");
    all.iter()
        .filter(|n| n.starts_with(&prefix) || n.as_str() == user)
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_and_literals_are_quoted() {
        assert_eq!(ident("a`b"), "`a``b`");
        assert_eq!(
            ident("y`;GRANT/**/ALL/**/ON/**/*.*/**/TO/**/carol@localhost;#"),
            "`y``;GRANT/**/ALL/**/ON/**/*.*/**/TO/**/carol@localhost;#`"
        );
        assert_eq!(literal("o'k\\"), "'o''k\\\\'");
    }

    #[test]
    fn batch_fields_are_unescaped() {
        assert_eq!(fields("a\\tb\tc\\nd\\\\e"), ["a\tb", "c\nd\\e"]);
        assert_eq!(fields("plain"), ["plain"]);
    }
}
