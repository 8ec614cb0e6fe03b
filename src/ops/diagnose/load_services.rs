//! Readers of the services' parts of the load probe: Apache's mod_status and error log,
//! PHP-FPM's log, the domain access logs, MariaDB's processlist, status and slow log, the mail
//! queue count; and the one reader of the log time stamps they write.

use std::collections::BTreeMap;

use jiff::{civil, tz::Offset, Timestamp};
use serde::Serialize;

use crate::host::mysql;

/// A probe section that says the tool is not installed.
pub const UNAVAILABLE: &str = "@unavailable";

/// The time a log line was written, from the formats Apache's error log
/// (`[Thu Dec 03 08:54:13.123456 2026]`), PHP-FPM (`[03-Dec-2026 08:54:13]`), combined access
/// logs (`[03/Dec/2026:08:54:13 +0000]`), the MariaDB slow log (`# Time: 2026-12-03T08:54:13`
/// or `# Time: 261203  8:54:13`) use. Times without a zone are in `offset` (the host's).
pub fn log_time(line: &str, offset: Offset) -> Option<Timestamp> {
    let inside = line
        .split_once('[')
        .and_then(|(_, r)| r.split_once(']'))
        .map(|(t, _)| t.trim());
    if let Some(t) = inside {
        if let Ok(ts) = Timestamp::strptime("%d/%b/%Y:%H:%M:%S %z", t) {
            return Some(ts);
        }
        let local = t.split('.').next().unwrap_or(t);
        let year_last = t.rsplit(' ').next().unwrap_or("");
        for (fmt, text) in [
            ("%d-%b-%Y %H:%M:%S", local.to_string()),
            ("%a %b %d %H:%M:%S %Y", format!("{local} {year_last}")),
        ] {
            if let Ok(dt) = civil::DateTime::strptime(fmt, text.trim()) {
                return offset.to_timestamp(dt).ok();
            }
        }
    }
    let t = line.strip_prefix("# Time:")?.trim();
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Some(ts);
    }
    let t = t.trim_end_matches('Z').split('.').next().unwrap_or(t);
    ["%Y-%m-%dT%H:%M:%S", "%y%m%d %k:%M:%S"]
        .iter()
        .find_map(|fmt| civil::DateTime::strptime(fmt, t).ok())
        .and_then(|dt| offset.to_timestamp(dt).ok())
}

/// Lines written between `from` and `to` (lines without a time are left out).
pub fn lines_between(text: &str, offset: Offset, from: Timestamp, to: Timestamp) -> Vec<String> {
    text.lines()
        .filter(|l| log_time(l, offset).is_some_and(|t| t >= from && t <= to))
        .map(|l| l.trim().to_string())
        .collect()
}

/// Apache's workers now, from mod_status (`?auto`) and its configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Apache {
    pub config: String,
    pub busy: Option<u64>,
    pub idle: Option<u64>,
    pub max_request_workers: Option<u64>,
    /// "server reached MaxRequestWorkers" lines of the error log in the window.
    pub reached: Vec<String>,
}

/// None when no Apache configuration exists on the host.
pub fn apache(conf: &str, max: &str, status: &str, errors: Vec<String>) -> Option<Apache> {
    let config = conf.lines().next()?.trim().to_string();
    let field = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':')?.trim().parse().ok())
    };
    let max_request_workers = max
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let key = f.next()?.to_ascii_lowercase();
            let n: u64 = f.next()?.parse().ok()?;
            (key == "maxrequestworkers" || key == "maxclients").then_some(n)
        })
        .max();
    Some(Apache {
        config,
        busy: field("BusyWorkers"),
        idle: field("IdleWorkers"),
        max_request_workers,
        reached: errors
            .into_iter()
            .filter(|l| l.contains("reached MaxRequestWorkers"))
            .collect(),
    })
}

/// A PHP-FPM pool that hit `pm.max_children` in the window.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FpmHit {
    pub pool: String,
    pub times: u64,
    pub last: String,
}

/// `WARNING: [pool eve] server reached pm.max_children setting (5), consider raising it`.
pub fn fpm_hits(lines: &[String]) -> Vec<FpmHit> {
    let mut hits: Vec<FpmHit> = Vec::new();
    for l in lines.iter().filter(|l| l.contains("max_children")) {
        let Some(pool) = l
            .split_once("[pool ")
            .and_then(|(_, r)| r.split_once(']'))
            .map(|(p, _)| p.to_string())
        else {
            continue;
        };
        match hits.iter_mut().find(|h| h.pool == pool) {
            Some(h) => {
                h.times += 1;
                h.last = l.clone();
            }
            None => hits.push(FpmHit {
                pool,
                times: 1,
                last: l.clone(),
            }),
        }
    }
    hits.sort_by_key(|h| std::cmp::Reverse(h.times));
    hits
}

/// Requests of the window in the domain logs: the busiest client addresses and URLs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Traffic {
    pub requests: u64,
    pub top_ips: Vec<Count>,
    /// `DOMAIN PATH` (the query string left out).
    pub top_urls: Vec<Count>,
    /// Requests per domain (the domain of the log file).
    pub top_domains: Vec<Count>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Count {
    pub what: String,
    pub count: u64,
}

fn top(map: BTreeMap<String, u64>, n: usize) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(what, count)| Count { what, count })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.what.cmp(&b.what)));
    v.truncate(n);
    v
}

/// The domain of a log file: its name without `-ssl_log`, `.access.log`, `access_log`... (cPanel
/// `domlogs/DOMAIN`, Plesk `system/DOMAIN/logs/access_log`, DirectAdmin
/// `httpd/domains/DOMAIN.log`).
fn log_domain(path: &str) -> String {
    let parts: Vec<&str> = path.rsplit('/').collect();
    let name = parts.first().copied().unwrap_or("");
    if name.starts_with("access") && parts.len() > 2 && parts[1] == "logs" {
        return parts[2].to_string();
    }
    if parts.get(1) == Some(&"domains") {
        if let Some(d) = name.strip_suffix(".log") {
            return d.to_string();
        }
    }
    for suffix in [
        "-ssl_log",
        "-access.log",
        ".access.log",
        "-access_log",
        "_access.log",
    ] {
        if let Some(d) = name.strip_suffix(suffix) {
            return d.to_string();
        }
    }
    name.to_string()
}

/// `@file PATH` followed by combined-format lines (`IP - - [time] "GET /path HTTP/1.1" ...`).
pub fn traffic(text: &str, offset: Offset, from: Timestamp, to: Timestamp) -> Traffic {
    let (mut ips, mut urls, mut domains) = (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let mut requests = 0;
    let mut domain = String::new();
    for line in text.lines() {
        if let Some(path) = line.strip_prefix("@file ") {
            domain = log_domain(path);
            continue;
        }
        if !log_time(line, offset).is_some_and(|t| t >= from && t <= to) {
            continue;
        }
        let Some(ip) = line.split_whitespace().next() else {
            continue;
        };
        let path = line
            .split_once('"')
            .and_then(|(_, r)| r.split_whitespace().nth(1))
            .map(|p| p.split('?').next().unwrap_or(p));
        requests += 1;
        *ips.entry(ip.to_string()).or_insert(0) += 1;
        *domains.entry(domain.clone()).or_insert(0) += 1;
        if let Some(p) = path {
            *urls.entry(format!("{domain} {p}")).or_insert(0) += 1;
        }
    }
    Traffic {
        requests,
        top_ips: top(ips, 5),
        top_urls: top(urls, 5),
        top_domains: top(domains, 5),
    }
}

/// One statement running now (`SHOW FULL PROCESSLIST`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Query {
    pub id: u64,
    pub user: String,
    pub db: String,
    pub command: String,
    pub seconds: u64,
    pub state: String,
    pub info: String,
}

/// MariaDB now: running statements, connections, the slow log's entries in the window.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Mysql {
    pub running: bool,
    pub queries: Vec<Query>,
    pub max_used_connections: Option<u64>,
    pub max_connections: Option<u64>,
    pub threads_running: Option<u64>,
    pub slow_log: Vec<String>,
}

/// None when the client is not installed; `running: false` when the server does not answer.
pub fn mysql(processlist: &str, status: &str, vars: &str, slow: Vec<String>) -> Option<Mysql> {
    match processlist.trim() {
        UNAVAILABLE => return None,
        "@down" => return Some(Mysql::default()),
        _ => {}
    }
    let pairs: BTreeMap<String, String> = status
        .lines()
        .chain(vars.lines())
        .map(mysql::fields)
        .filter(|f| f.len() >= 2)
        .map(|f| (f[0].to_ascii_lowercase(), f[1].clone()))
        .collect();
    let num = |k: &str| pairs.get(k).and_then(|v| v.parse().ok());
    let queries = processlist
        .lines()
        .map(mysql::fields)
        .filter(|f| f.len() >= 8)
        .filter(|f| f[4] != "Sleep" && f[4] != "Daemon" && f[4] != "Binlog Dump")
        .filter(|f| !f[7].trim().eq_ignore_ascii_case("SHOW FULL PROCESSLIST"))
        .map(|f| Query {
            id: f[0].parse().unwrap_or(0),
            user: f[1].clone(),
            db: if f[3] == "NULL" {
                String::new()
            } else {
                f[3].clone()
            },
            command: f[4].clone(),
            seconds: f[5].parse().unwrap_or(0),
            state: f[6].clone(),
            info: if f[7] == "NULL" {
                String::new()
            } else {
                f[7].clone()
            },
        })
        .collect();
    Some(Mysql {
        running: true,
        queries,
        max_used_connections: num("max_used_connections"),
        max_connections: num("max_connections"),
        threads_running: num("threads_running"),
        slow_log: slow,
    })
}

/// `exim -bpc` (a number) or postqueue's last line (`-- 3 Kbytes in 12 Requests.`, or
/// `Mail queue is empty`). None when neither exists.
pub fn mail_queue(text: &str) -> Option<u64> {
    let t = text.trim();
    if t == UNAVAILABLE {
        return None;
    }
    if let Ok(n) = t.parse() {
        return Some(n);
    }
    if t.contains("is empty") {
        return Some(0);
    }
    t.split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .find(|w| w[1].starts_with("Request"))
        .and_then(|w| w[0].parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn reads_the_log_time_stamps() {
        let utc = Offset::UTC;
        let last = |text: &'static str| text.lines().last().unwrap();
        let cases = [
            (last(ERROR_LOG), "2026-12-03T11:03:11.440710Z"),
            (last(FPM_LOG), "2026-12-03T11:03:10Z"),
            (last(ACCESS_LOG), "2026-12-03T11:03:16Z"),
            (
                "# Time: 2026-12-03T08:54:13.000000Z",
                "2026-12-03T08:54:13Z",
            ),
            ("# Time: 261203  8:54:13", "2026-12-03T08:54:13Z"),
        ];
        for (line, at) in cases {
            let want = ts(at);
            let got = log_time(line, utc).unwrap_or_else(|| panic!("no time in {line}"));
            // Apache's microseconds are left out: the second is what counts
            assert_eq!(got.as_second(), want.as_second(), "{line}");
        }
        let plus_one = Offset::from_seconds(3600).unwrap();
        assert_eq!(
            log_time(last(FPM_LOG), plus_one),
            Some(ts("2026-12-03T10:03:10Z"))
        );
        assert_eq!(log_time("no time here", utc), None);
    }

    /// Real captures (tests/fixtures/real/README.md): a lab host's Apache, PHP-FPM and domain
    /// log during a burst against a slow page; mod_status `?auto` from a public issue.
    const FPM_LOG: &str =
        include_str!("../../../tests/fixtures/real/php-fpm-ondemand-max-children.log");
    const ERROR_LOG: &str =
        include_str!("../../../tests/fixtures/real/apache-error-maxrequestworkers.log");
    const ACCESS_LOG: &str =
        include_str!("../../../tests/fixtures/real/apache-access-combined.log");
    const STATUS: &str = include_str!("../../../tests/fixtures/real/apache-server-status-auto.txt");
    const STATUS_LAB: &str =
        include_str!("../../../tests/fixtures/real/apache-server-status-auto-lab.txt");

    #[test]
    fn reads_apache_fpm_traffic_and_mail() {
        let (from, to) = (ts("2026-12-03T11:00:00Z"), ts("2026-12-03T11:10:00Z"));
        let errors = lines_between(ERROR_LOG, Offset::UTC, from, to);
        assert_eq!(
            errors.len(),
            ERROR_LOG.lines().count(),
            "every line has its time"
        );
        let a = apache(
            "/etc/apache2/apache2.conf\n",
            "ServerLimit 2\nMaxRequestWorkers 50\n",
            STATUS,
            errors,
        )
        .unwrap();
        assert_eq!(
            (a.busy, a.idle, a.max_request_workers),
            (Some(1), Some(49), Some(50))
        );
        assert_eq!(a.reached.len(), 1);
        assert!(a.reached[0].contains("AH00484"), "{:?}", a.reached);
        assert!(apache("", "", "", vec![]).is_none());
        // the lab's own Apache 2.4 (event), its first 40 lines as the probe keeps them
        let lab: String = STATUS_LAB
            .lines()
            .take(40)
            .map(|l| format!("{l}\n"))
            .collect();
        let a = apache("x\n", "MaxRequestWorkers 50\n", &lab, vec![]).unwrap();
        assert_eq!((a.busy, a.idle), (Some(1), Some(24)));

        let fpm = fpm_hits(&lines_between(FPM_LOG, Offset::UTC, from, to));
        assert_eq!(fpm.len(), 1);
        assert_eq!((fpm[0].pool.as_str(), fpm[0].times), ("webby", 1));
        assert!(fpm[0].last.starts_with("[03-Dec-2026 11:03:10] WARNING"));
        let earlier = ts("2026-12-03T11:03:05Z");
        assert!(fpm_hits(&lines_between(FPM_LOG, Offset::UTC, from, earlier)).is_empty());

        let logs = format!("@file /var/log/apache2/webby.test-access.log\n{ACCESS_LOG}");
        let t = traffic(&logs, Offset::UTC, from, to);
        assert_eq!(t.requests, 15);
        assert_eq!(t.top_ips[0].what, "127.0.0.1");
        assert_eq!(
            t.top_urls[0].what, "webby.test /slow.php",
            "query string left out"
        );
        assert_eq!(t.top_urls[0].count, 15);
        assert_eq!(t.top_domains[0].what, "webby.test");
        let late = traffic(&logs, Offset::UTC, ts("2026-12-03T11:03:14Z"), to);
        assert!(late.requests > 0 && late.requests < 15, "{late:?}");
        for (path, domain) in [
            ("/etc/apache2/logs/domlogs/eve.test-ssl_log", "eve.test"),
            (
                "/var/www/vhosts/system/bob.test/logs/access_log",
                "bob.test",
            ),
            ("/var/log/httpd/domains/da.test.log", "da.test"),
        ] {
            assert_eq!(log_domain(path), domain);
        }

        assert_eq!(mail_queue("42\n"), Some(42));
        assert_eq!(mail_queue("-- 3 Kbytes in 12 Requests.\n"), Some(12));
        assert_eq!(mail_queue("Mail queue is empty\n"), Some(0));
        assert_eq!(mail_queue("@unavailable\n"), None);
        assert!(mysql("@unavailable\n", "", "", vec![]).is_none());
        assert!(!mysql("@down\n", "", "", vec![]).unwrap().running);
    }
}
