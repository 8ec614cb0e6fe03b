//! The constant probe script of `diagnose load` "now": one shell script, one round trip, every
//! reading in its own `@@section`. No user input is ever part of it; the SQL is constant and
//! quoted by the one quoting function.

use jiff::Timestamp;

use super::load_atop;
use crate::host::mysql;
use crate::transport::Cmd;

/// Seconds between the two samples of /proc/stat, /proc/diskstats and the processes' CPU.
pub const SAMPLE_SECONDS: u32 = 1;

/// The first sample, a pause, the second: CPU split, disk %util/await and per-process CPU are
/// the difference. `/proc/[0-9]*/stat` lines of processes that end in between are skipped.
const SAMPLED: &str = r#"section() { printf '\n@@%s\n' "$1"; }
section now; date +%s; date +%z
section cpus; nproc 2>/dev/null || getconf _NPROCESSORS_ONLN
section clk_tck; getconf CLK_TCK
section loadavg; cat /proc/loadavg
section uptime1; cat /proc/uptime
section stat1; grep '^cpu ' /proc/stat
section diskstats1; cat /proc/diskstats
section pstat1; cat /proc/[0-9]*/stat 2>/dev/null
sleep 1
section uptime2; cat /proc/uptime
section stat2; grep '^cpu ' /proc/stat
section diskstats2; cat /proc/diskstats
section pstat2; cat /proc/[0-9]*/stat 2>/dev/null
section ps; ps -eo pid=,ppid=,uid=,user:32=,stat=,rss=,pmem=,etimes=,args= 2>/dev/null
section meminfo; cat /proc/meminfo
section df; timeout 10 df -PkT 2>/dev/null
section dfi; timeout 10 df -PiT 2>/dev/null
"#;

/// "Now": the last N lines of each file (`win N FILE...`; regular files, never a link), the
/// kernel's OOM kills from `dmesg`, domain logs written in the last hour.
const NOW: &str = r#"win() { n=$1; shift; for f; do [ -f "$f" ] && [ ! -L "$f" ] && tail -n "$n" -- "$f"; done; }
fresh() { find "$@" -mmin -60; }
section oom; dmesg 2>/dev/null | grep -E '[Oo]ut of memory: Killed process|oom-kill:' | tail -n 20 || echo '@unavailable'
"#;

/// A past window (`$1`, `$2`: its first and last second, arguments, never part of the script):
/// `win` keeps each file's lines written in one of its minutes (its hours past 6 h), filtered
/// on the server by fixed strings (given to grep on its stdin: no argument limit) that the
/// server's own `date` makes in its time zone, in the formats the logs write: access
/// `03/Dec/2026:11:03`, PHP-FPM `03-Dec-2026 11:03`, Apache
/// `Thu Dec 03 11:03`, MariaDB and rsyslog `2026-12-03T11:03`, the old slow log
/// `261203 11:03`, syslog `Dec  3 11:03`. OOM kills from the kernel's lines in syslog, else
/// the journal; domain logs written since the window began.
const PAST_WINDOW: &str = r#"from=$1 to=$2 step=60 suffix=%M
[ $((to - from)) -gt 21600 ] && step=3600 suffix=
pats=$(for f in '%d/%b/%Y:%H:' '%d-%b-%Y %H:' '%a %b %d %H:' '%Y-%m-%dT%H:' '%y%m%d %k:' '%b %e %H:'; do seq $((from - from % step)) "$step" "$to" | sed 's/^/@/' | LC_ALL=C date -f - "+$f$suffix"; done | sort -u)
win() { shift; [ -n "$pats" ] || return 0; for f; do [ -f "$f" ] && [ ! -L "$f" ] && printf '%s\n' "$pats" | grep -hF -f - -- "$f"; done; }
fresh() { find "$@" -newermt "@$from"; }
"#;

const PAST_READS: &str = r#"section oom; if [ -f /var/log/kern.log ] || [ -f /var/log/messages ]; then win 0 /var/log/kern.log /var/log/messages; elif command -v journalctl >/dev/null 2>&1; then journalctl -k -q -o short-iso --since "@$from" --until "@$to" 2>/dev/null; else echo '@unavailable'; fi | grep -E '[Oo]ut of memory: Killed process|oom-kill:|@unavailable' | tail -n 20
section sadf; if ! command -v sadf >/dev/null 2>&1; then echo '@unavailable'; else d=$(date -d "@$from" +%d); for f in "/var/log/sysstat/sa$d" "/var/log/sa/sa$d"; do if [ -f "$f" ]; then sadf -j -- "$f" -- -q -u -r -d 2>/dev/null; break; fi; done; fi
"#;

/// Apache: its configuration (MaxRequestWorkers; Debian's `*-available` directories hold what
/// is not enabled: left out, the enabled links followed), mod_status (`server-status`, cPanel's
/// `whm-server-status`) on 127.0.0.1 or an address Apache listens on for port 80 (the first
/// page with `BusyWorkers:`), and the error log's
/// "reached MaxRequestWorkers" lines. PHP-FPM logs' "max_children" lines. Domain logs written
/// in the last hour (regular files only), their last lines.
const WEB: &str = r#"section apache-conf; for f in /etc/apache2/apache2.conf /etc/apache2/conf/httpd.conf /etc/httpd/conf/httpd.conf /usr/local/apache/conf/httpd.conf; do [ -f "$f" ] && echo "$f"; done
section apache-max; grep -RhiE --exclude-dir='*-available' '^[[:space:]]*(MaxRequestWorkers|MaxClients|ServerLimit)[[:space:]]' /etc/apache2 /etc/httpd /usr/local/apache/conf 2>/dev/null
section apache-status; { echo 127.0.0.1; grep -RhoE --exclude-dir='*-available' '^[[:space:]]*Listen[[:space:]]+[0-9.]+:80([[:space:]]|$)' /etc/apache2 /etc/httpd /usr/local/apache/conf 2>/dev/null | sed -E 's/.*Listen[[:space:]]+//; s/:80.*//'; } | head -n 5 | while IFS= read -r a; do for p in server-status whm-server-status; do u="http://$a/$p?auto"; out=$( (curl -fsS -m 3 -- "$u" || wget -qO- -T 3 -- "$u") 2>/dev/null | head -n 40); case $out in *BusyWorkers:*) printf '%s\n' "$out"; exit 0 ;; esac; done; done
section apache-errors; win 100000 /var/log/apache2/error.log /var/log/httpd/error_log /usr/local/apache/logs/error_log /etc/apache2/logs/error_log | grep -F 'MaxRequestWorkers' | tail -n 20
section fpm; find /var/log /opt/cpanel /usr/local/php* -maxdepth 6 -type f \( -name '*fpm*.log' -o -path '*php-fpm/error.log' \) 2>/dev/null | head -n 50 | while IFS= read -r f; do win 100000 "$f" | grep -F 'max_children' | tail -n 20; done
section domlogs; fresh /var/log/apache2 /var/log/httpd /usr/local/apache/domlogs /etc/apache2/logs/domlogs /var/www/vhosts/system -maxdepth 3 -type f \( -name '*access*' -o -path '*domlogs/*' -o -path '*/httpd/domains/*.log' \) ! -name '*.error.log' ! -name '*.gz' ! -name '*bytes_log*' 2>/dev/null | head -n 200 | while IFS= read -r f; do printf '@file %s\n' "$f"; win 2000 "$f" | tail -n 20000; done
"#;

/// Mail queue, and what runs now that loads a server: backups, panel updates, cron jobs (the
/// processes list says; cron's children are read from it).
const MAIL: &str = r#"section mailq; if command -v exim >/dev/null 2>&1; then exim -bpc 2>/dev/null; elif command -v postqueue >/dev/null 2>&1; then postqueue -p 2>/dev/null | tail -n 1; else echo '@unavailable'; fi
"#;

/// The MariaDB/MySQL part: processlist, connections, the slow log's last entries.
fn mysql_part() -> String {
    let q = |sql: &str| {
        mysql::command(sql)
            .to_shell_line()
            .expect("constant SQL is quotable")
    };
    let processlist = q("SHOW FULL PROCESSLIST");
    let status = q("SHOW GLOBAL STATUS WHERE Variable_name IN ('Max_used_connections','Threads_connected','Threads_running','Uptime','Slow_queries')");
    let vars = q("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('max_connections','slow_query_log','slow_query_log_file','long_query_time','datadir')");
    let slow = q("SELECT @@slow_query_log_file");
    let datadir = q("SELECT @@datadir");
    format!(
        "section mysql-processlist; if ! command -v mysql >/dev/null 2>&1; then echo '@unavailable'; elif ! {processlist} 2>/dev/null; then echo '@down'; fi\n\
         section mysql-status; {status} 2>/dev/null\n\
         section mysql-vars; {vars} 2>/dev/null\n\
         section mysql-slow; f=$({slow} 2>/dev/null); case $f in ''|/*) ;; *) f=$({datadir} 2>/dev/null)$f;; esac; [ -n \"$f\" ] && win 400 \"$f\"\n"
    )
}

/// The whole probe as one command; with `past` (a window's first and last second) it reads
/// the logs of that window (filtered on the server), that day's sysstat history and atop log.
pub fn command(past: Option<(Timestamp, Timestamp)>) -> Cmd {
    let window = if past.is_some() {
        format!("{PAST_WINDOW}{PAST_READS}{}", load_atop::SECTION)
    } else {
        NOW.to_string()
    };
    // Every section is read for what it holds: a last test that fails is not the probe's failure.
    let script = format!("{SAMPLED}{window}{WEB}{MAIL}{}exit 0\n", mysql_part());
    let cmd = Cmd::new("sh").args(["-c".to_string(), script]);
    match past {
        Some((from, to)) => cmd.args([
            "sh".to_string(),
            from.as_second().to_string(),
            to.as_second().to_string(),
        ]),
        None => cmd,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The past window's filter run by this machine's `sh` and `date` (TZ=UTC) on the lab's
    /// real access and PHP-FPM logs, all written in the minute 2026-12-03 11:03 UTC.
    #[test]
    fn a_past_window_keeps_the_lines_of_its_minutes_or_hours() {
        let real = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real/");
        let access = format!("{real}apache-access-combined.log");
        let fpm = format!("{real}php-fpm-ondemand-max-children.log");
        let lines = |from: &str, to: &str| -> usize {
            let second = |t: &str| t.parse::<Timestamp>().unwrap().as_second().to_string();
            let out = std::process::Command::new("sh")
                .env("TZ", "UTC")
                .arg("-c")
                .arg(format!("{PAST_WINDOW}win 0 \"$3\" \"$4\"\n"))
                .args(["sh", &second(from), &second(to), &access, &fpm])
                .output()
                .unwrap();
            assert!(out.stderr.is_empty(), "{out:?}");
            String::from_utf8(out.stdout).unwrap().lines().count()
        };
        let every = 15 + 12; // the access lines, the FPM log's lines with a time
        assert_eq!(lines("2026-12-03T11:02:30Z", "2026-12-03T11:03:30Z"), every);
        assert_eq!(lines("2026-12-03T11:03:59Z", "2026-12-03T11:05:00Z"), every);
        assert_eq!(lines("2026-12-03T11:04:00Z", "2026-12-03T11:14:00Z"), 0);
        assert_eq!(lines("2026-12-02T11:00:00Z", "2026-12-02T11:10:00Z"), 0);
        // past six hours, whole hours
        assert_eq!(lines("2026-12-03T05:30:00Z", "2026-12-03T11:59:00Z"), every);
        assert_eq!(lines("2026-12-03T12:00:00Z", "2026-12-03T19:00:00Z"), 0);
    }
}
