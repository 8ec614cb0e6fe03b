//! Databases in a restore: current sizes for the preview, a dump loaded into a scratch
//! database whose tables replace the live ones only once it loaded, and content fingerprints.

use std::collections::BTreeMap;

use anyhow::{bail, Result};

use crate::host::listing::{read_tar, split_path, Source};
use crate::host::mysql::{self, command as sql, ident, literal};
use crate::panel::backup::Dump;
use crate::transport::{self, Cmd, Transport};

/// Size in bytes (data and indexes) of each of `names` that exists.
pub fn sizes(t: &dyn Transport, names: &[String]) -> Result<BTreeMap<String, u64>> {
    if names.is_empty() {
        return Ok(BTreeMap::new());
    }
    let list: Vec<String> = names.iter().map(|n| literal(n)).collect();
    let query = format!(
        "SELECT s.schema_name, COALESCE(SUM(t.data_length + t.index_length), 0) \
         FROM information_schema.schemata s LEFT JOIN information_schema.tables t \
         ON t.table_schema = s.schema_name WHERE s.schema_name IN ({}) GROUP BY s.schema_name",
        list.join(", ")
    );
    Ok(mysql::rows(t, &query)?
        .into_iter()
        .filter_map(|row| match row.as_slice() {
            [name, size] => Some((name.clone(), size.trim().parse().ok()?)),
            _ => None,
        })
        .collect())
}

/// The command that writes `dump` to stdout.
fn reader(dump: &Dump) -> Vec<String> {
    match &dump.source {
        Source::Tar(archive) => read_tar(archive, ["--extract", "--to-stdout", "--", &dump.member])
            .argv()
            .to_vec(),
        Source::Dir(dir) => {
            let (parent, _) = split_path(dir);
            vec![
                "cat".into(),
                "--".into(),
                format!("{parent}/{}", dump.member),
            ]
        }
    }
}

/// Loads `$1` with the dump the rest of the arguments write to stdout (a failing reader fails it).
const LOAD: &str = r#"set -o pipefail; db=$1; shift; "$@" | mysql --database="$db""#;

/// Replaces database `dump.database` with the dump's content: the dump is loaded into a
/// scratch database first; only when it loaded do its tables take the place of the live
/// ones (one `RENAME TABLE`). Grants and users are left alone. Returns the table count.
pub fn replace(t: &dyn Transport, dump: &Dump, tag: &str) -> Result<usize> {
    let db = &dump.database;
    let scratch: String = format!("hostops_restore_{tag}").chars().take(64).collect();
    transport::run_ok(
        t,
        &sql(&format!(
            "DROP DATABASE IF EXISTS {0}; CREATE DATABASE {0}; CREATE DATABASE IF NOT EXISTS {1}",
            ident(&scratch),
            ident(db)
        )),
    )?;
    let load = Cmd::new("bash")
        .args(["-c", LOAD, "bash", &scratch])
        .args(reader(dump));
    let out = transport::run(t, &load, None, None)?;
    if !out.exit.success() {
        let _ = transport::run(
            t,
            &sql(&format!("DROP DATABASE IF EXISTS {}", ident(&scratch))),
            None,
            None,
        );
        bail!(
            "the backup's dump of {db} did not load, so {db} was left as it was: {}",
            out.stderr_text().trim()
        );
    }
    let new = mysql::tables(t, &scratch)?;
    let old = mysql::tables(t, db)?;
    let mut swap = String::from("SET FOREIGN_KEY_CHECKS=0; ");
    if !old.is_empty() {
        let list: Vec<String> = old
            .iter()
            .map(|n| format!("{}.{}", ident(db), ident(n)))
            .collect();
        swap += &format!("DROP TABLE IF EXISTS {}; ", list.join(", "));
    }
    if !new.is_empty() {
        let list: Vec<String> = new
            .iter()
            .map(|n| {
                format!(
                    "{}.{} TO {}.{}",
                    ident(&scratch),
                    ident(n),
                    ident(db),
                    ident(n)
                )
            })
            .collect();
        swap += &format!("RENAME TABLE {}; ", list.join(", "));
    }
    swap += &format!("DROP DATABASE {}", ident(&scratch));
    transport::run_ok(t, &sql(&swap))?;
    Ok(new.len())
}

/// Prints `DB\tSHA256` of a dump of each database named in the arguments.
const FINGERPRINT: &str = r#"set -o pipefail
for db in "$@"; do
  h=$(mysqldump --skip-dump-date --skip-comments --single-transaction --routines --triggers --databases "$db" | sha256sum | cut -d' ' -f1) || exit 1
  printf '%s\t%s\n' "$db" "$h"
done"#;

/// Writes a dump of `$1` to the new file `$2` (readable by root only).
const DUMP_TO: &str = r#"set -o pipefail
umask 077
mysqldump --single-transaction --routines --triggers -- "$1" > "$2""#;

/// Dumps database `db` into the new file `file`.
pub fn dump_to(t: &dyn Transport, db: &str, file: &str) -> Result<()> {
    transport::run_ok(t, &Cmd::script("bash", DUMP_TO).args([db, file]))?;
    Ok(())
}

/// The dump of `db` in the file `file`, as a restore reads it.
pub fn file_dump(db: &str, file: &str) -> Dump {
    let (dir, name) = split_path(file);
    let (_, dir_name) = split_path(dir);
    Dump {
        database: db.to_string(),
        source: Source::Dir(dir.to_string()),
        member: format!("{dir_name}/{name}"),
        size: 0,
    }
}

/// Drops each of `names` that exists.
pub fn drop_all(t: &dyn Transport, names: &[String]) -> Result<()> {
    if names.is_empty() {
        return Ok(());
    }
    let drops: Vec<String> = names
        .iter()
        .map(|n| format!("DROP DATABASE IF EXISTS {}", ident(n)))
        .collect();
    transport::run_ok(t, &sql(&drops.join("; ")))?;
    Ok(())
}

/// A SHA-256 of each database's full dump: equal fingerprints mean equal content.
pub fn fingerprints(t: &dyn Transport, names: &[String]) -> Result<BTreeMap<String, String>> {
    if names.is_empty() {
        return Ok(BTreeMap::new());
    }
    let cmd = Cmd::new("bash")
        .args(["-c", FINGERPRINT, "bash"])
        .args(names.iter().cloned());
    Ok(transport::run_ok(t, &cmd)?
        .stdout_text()
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumps_are_read_from_archives_or_files() {
        let d = Dump {
            database: "bob_shop".into(),
            source: Source::Dir("/var/lib/psa/dumps/domains/shop.example".into()),
            member: "shop.example/databases/bob_shop_1/backup_sqldump_2611011200".into(),
            size: 1,
        };
        assert_eq!(
            reader(&d),
            ["cat", "--", "/var/lib/psa/dumps/domains/shop.example/databases/bob_shop_1/backup_sqldump_2611011200"]
        );
    }
}
