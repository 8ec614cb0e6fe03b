//! The constant probe script of `diagnose load` "now": one shell script, one round trip, every
//! reading in its own `@@section`. No user input is ever part of it; the SQL is constant and
//! quoted by the one quoting function.

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
section oom; dmesg 2>/dev/null | grep -E 'Out of memory: Killed process|oom-kill:' | tail -n 20 || echo '@unavailable'
"#;

/// Apache: its configuration (MaxRequestWorkers; Debian's `*-available` directories hold what
/// is not enabled: left out, the enabled links followed), mod_status, and the error log's
/// "reached MaxRequestWorkers" lines. PHP-FPM logs' "max_children" lines. Domain logs written
/// in the last hour (regular files only), their last lines.
const WEB: &str = r#"section apache-conf; for f in /etc/apache2/apache2.conf /etc/apache2/conf/httpd.conf /etc/httpd/conf/httpd.conf /usr/local/apache/conf/httpd.conf; do [ -f "$f" ] && echo "$f"; done
section apache-max; grep -RhiE --exclude-dir='*-available' '^[[:space:]]*(MaxRequestWorkers|MaxClients|ServerLimit)[[:space:]]' /etc/apache2 /etc/httpd /usr/local/apache/conf 2>/dev/null
section apache-status; (curl -fsS -m 3 'http://127.0.0.1/server-status?auto' || wget -qO- -T 3 'http://127.0.0.1/server-status?auto') 2>/dev/null | head -n 40
section apache-errors; grep -hs 'MaxRequestWorkers' /var/log/apache2/error.log /var/log/httpd/error_log /usr/local/apache/logs/error_log /etc/apache2/logs/error_log | tail -n 20
section fpm; find /var/log /opt/cpanel /usr/local/php* -maxdepth 6 -type f \( -name '*fpm*.log' -o -path '*php-fpm/error.log' \) 2>/dev/null | head -n 50 | while IFS= read -r f; do grep -hs 'max_children' -- "$f" | tail -n 20; done
section domlogs; find /var/log/apache2 /var/log/httpd /usr/local/apache/domlogs /etc/apache2/logs/domlogs /var/www/vhosts/system -maxdepth 3 -type f -mmin -60 \( -name '*access*' -o -path '*domlogs/*' -o -path '*/httpd/domains/*.log' \) ! -name '*.error.log' ! -name '*.gz' ! -name '*bytes_log*' 2>/dev/null | head -n 200 | while IFS= read -r f; do printf '@file %s\n' "$f"; tail -n 2000 -- "$f"; done
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
         section mysql-slow; f=$({slow} 2>/dev/null); case $f in ''|/*) ;; *) f=$({datadir} 2>/dev/null)$f;; esac; [ -n \"$f\" ] && [ -f \"$f\" ] && [ ! -L \"$f\" ] && tail -n 400 -- \"$f\"\n"
    )
}

/// sysstat's history of day `$1` (`DD`, an argument: never part of the script), as JSON.
const HISTORY: &str = r#"section sadf; if ! command -v sadf >/dev/null 2>&1; then echo '@unavailable'; else for f in "/var/log/sysstat/sa$1" "/var/log/sa/sa$1"; do if [ -f "$f" ]; then sadf -j -- "$f" -- -q -u -r 2>/dev/null; break; fi; done; fi
"#;

/// The whole probe as one command; with `history_day` (the day of the month of a past
/// window) it also reads that day's sysstat file.
pub fn command(history_day: Option<u8>) -> Cmd {
    let history = if history_day.is_some() { HISTORY } else { "" };
    // Every section is read for what it holds: a last test that fails is not the probe's failure.
    let script = format!("{SAMPLED}{WEB}{MAIL}{}{history}exit 0\n", mysql_part());
    let cmd = Cmd::new("sh").args(["-c".to_string(), script]);
    match history_day {
        Some(day) => cmd.args(["sh".to_string(), format!("{day:02}")]),
        None => cmd,
    }
}
