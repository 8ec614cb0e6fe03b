//! atop's raw log for a past window: the probe's part that reads it on the server
//! (`atop -r FILE -b HH:MM -e HH:MM -P PRG,PRC`, summed per user and command by awk, so only
//! the sums cross the wire) and the reader of those sums.

use serde::Serialize;

use super::load_scores::{scores, UserScore};
use super::load_services::UNAVAILABLE;
use super::load_system::Proc;

/// The probe's section (`$from`, `$to`: the window's seconds, set by the past-window part).
/// Debian's atop writes `/var/log/atop/atop_YYYYMMDD` (RHEL the same). The awk reads the
/// host's /etc/passwd first (uid to name), then atop's parseable lines: samples after a
/// `RESET` up to the next `SEP` count since boot and are skipped; the command name is the
/// fields from `(` up to the one ending in `)`; threads (is-process `n`) are left out, their
/// process has their ticks. Prints `@window SAMPLES SECONDS HZ`, then `USER UID TICKS (NAME)`.
pub const SECTION: &str = r#"section atop; f=/var/log/atop/atop_$(date -d "@$from" +%Y%m%d); if ! command -v atop >/dev/null 2>&1 || [ ! -f "$f" ] || [ -L "$f" ]; then echo '@unavailable'; else atop -r "$f" -b "$(date -d "@$from" +%H:%M)" -e "$(date -d "@$to" +%H:%M)" -P PRG,PRC 2>/dev/null | awk '
FNR == NR { split($0, p, ":"); user[p[3]] = p[1]; next }
/^RESET/ { skip = 1; next }
/^SEP/ { skip = 0; next }
skip || ($1 != "PRG" && $1 != "PRC") { next }
{ i = 8; while (i < NF && $i !~ /\)$/) i++ }
$1 == "PRG" { uid[$7] = $(i + 2); next }
$(i + 12) != "y" { next }
{ if (!($3 in seen)) { seen[$3] = 1; secs += $6; n++ }
  hz = $(i + 2); t = $(i + 3) + $(i + 4)
  if (t > 0) { name = $8; for (k = 9; k <= i; k++) name = name " " $k
    u = ($7 in uid) ? uid[$7] : "-"; ticks[u SUBSEP name] += t } }
END { printf "@window %d %d %d\n", n, secs, hz
  for (k in ticks) { split(k, a, SUBSEP); nm = (a[1] in user) ? user[a[1]] : a[1]
    printf "%s %s %d %s\n", nm, a[1], ticks[k], a[2] } }' /etc/passwd -; fi
"#;

/// What atop logged in the window: per user CPU (percent of one CPU over the samples) with
/// the top commands.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Atop {
    pub samples: u32,
    pub seconds: u64,
    pub users: Vec<UserScore>,
}

/// None when atop or its log of that day is not there.
pub fn parse(text: &str) -> Option<Atop> {
    if text.trim() == UNAVAILABLE || text.trim().is_empty() {
        return None;
    }
    let mut lines = text.lines();
    let head: Vec<u64> = lines
        .next()?
        .strip_prefix("@window ")?
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    let [samples, seconds, hz] = head[..] else {
        return None;
    };
    let per_tick = if seconds > 0 && hz > 0 {
        100.0 / (hz as f64 * seconds as f64)
    } else {
        0.0
    };
    let procs: Vec<Proc> = lines
        .filter_map(|l| {
            let mut f = l.splitn(4, ' ');
            let (user, uid, ticks, name) = (f.next()?, f.next()?, f.next()?, f.next()?);
            let name = name.strip_prefix('(')?.strip_suffix(')')?;
            Some(Proc {
                pid: 0,
                ppid: 0,
                uid: uid.parse().unwrap_or(u32::MAX),
                user: user.to_string(),
                state: String::new(),
                rss_kib: 0,
                mem_pct: 0.0,
                cpu_pct: ticks.parse::<f64>().ok()? * per_tick,
                elapsed_s: 0,
                args: name.to_string(),
            })
        })
        .collect();
    Some(Atop {
        samples: samples as u32,
        seconds,
        users: scores(&procs),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_per_user_with_top_commands() {
        let text = "@window 2 20 100\nwebby 1001 1500 (sh)\nwebby 1001 100 (php-fpm8.2)\nroot 0 40 (my prog)\n1005 1005 20 (x)\n";
        let a = parse(text).unwrap();
        assert_eq!((a.samples, a.seconds), (2, 20));
        let webby = &a.users[0];
        assert_eq!((webby.user.as_str(), webby.cpu_pct), ("webby", 80.0));
        assert!(webby.account);
        assert_eq!(webby.top_commands[0].command, "sh");
        let root = a.users.iter().find(|u| u.user == "root").unwrap();
        assert_eq!((root.cpu_pct, root.account), (2.0, false));
        assert_eq!(
            root.top_commands[0].command, "my",
            "the program's first word"
        );
        assert!(!a.users.iter().find(|u| u.uid == 1005).unwrap().account);
        assert!(parse("@unavailable\n").is_none());
        assert!(parse("garbage\n").is_none());
    }
}
