//! Sizes, times and free space of paths on a server, read with `stat`, `du` and `df`.

use anyhow::Result;

use crate::transport::{self, Cmd, Transport};

/// The shell loop behind every panel's restore point probe: for each existing path matched
/// by `globs` (constant text, expanded by the server's shell), a line `SIZE\tMTIME\tPATH`
/// (directories sized with du).
pub fn script(globs: &str) -> String {
    format!(
        r#"for p in {globs}; do
  [ -e "$p" ] || continue
  if [ -d "$p" ]; then s=$(du -sb -- "$p" | cut -f1); else s=$(stat -c %s -- "$p"); fi
  printf '%s\t%s\t%s\n' "$s" "$(stat -c %Y -- "$p")" "$p"
done"#
    )
}

/// A probe line's size, modification time (as a date) and path.
pub fn fields(line: &str) -> Option<(u64, String, &str)> {
    let mut f = line.splitn(3, '\t');
    let size = f.next()?.parse().ok()?;
    let mtime: i64 = f.next()?.parse().ok()?;
    let path = f.next()?;
    Some((size, epoch_date(mtime), path))
}

/// `YYYY-MM-DD` (UTC) of a Unix time.
pub fn epoch_date(secs: i64) -> String {
    jiff::Timestamp::from_second(secs)
        .map(|t| t.strftime("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Available bytes on the file system holding `path` (`df -Pk`).
pub fn free_bytes(t: &dyn Transport, path: &str) -> Result<u64> {
    let out = transport::run_ok(t, &Cmd::new("df").args(["-Pk", "--", path]))?;
    Ok(parse_df_avail(&out.stdout_text()) * 1024)
}

fn parse_df_avail(text: &str) -> u64 {
    text.lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().nth(3))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn df_output() {
        let df = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/vda1         83873772 41936886  41936886      50% /\n";
        assert_eq!(parse_df_avail(df), 41936886);
    }

    #[test]
    fn probe_lines() {
        let (size, date, path) = fields("1024\t1761955200\t/backup/a b/x.tar.gz").unwrap();
        assert_eq!(
            (size, date.as_str(), path),
            (1024, "2025-11-01", "/backup/a b/x.tar.gz")
        );
        assert!(fields("garbage").is_none());
    }
}
