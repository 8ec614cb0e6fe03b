//! `hostops diagnose load` on real lab hosts: a CPU hog and a memory eater started as an
//! account's user are named as the likely cause with that account and gone once they stop; a
//! long `SELECT SLEEP(30)` in the host's MariaDB is a long query; a quiet host is all OK; a
//! full file system (a 1 MiB tmpfs mounted in the host's own mount namespace) is FAIL; on a
//! host with the lab's real Apache and PHP-FPM (`lab up --web`), a burst of concurrent requests
//! to a slow PHP page is named as the busy URL, its pool at max_children and Apache at
//! MaxRequestWorkers, from the lines the real daemons wrote; a process of an account killed
//! by the kernel in a memory-limited cgroup is an OOM kill with its name and the account's UID.
//! Lab hosts share the machine's CPUs and process table with the other tests: the config file
//! raises the machine-wide thresholds (load, CPU, memory, disks) out of reach and the tests
//! judge per-account scores. Only processes these tests start are ever signalled.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{envelope, stderr, stdout, Env, Lab};

/// Thresholds: machine-wide checks out of reach (other tests run on the same machine), an
/// account's CPU and memory low enough for a hog on a busy machine, a long query from 5 s.
const CONFIG: &str = "[diagnose_load]\n\
    load_per_cpu = [1000.0, 1000.0]\n\
    iowait_pct = [101.0, 101.0]\n\
    steal_pct = [101.0, 101.0]\n\
    memory_used_pct = [101.0, 101.0]\n\
    swap_used_pct = [101.0, 101.0]\n\
    oom_kills = [1000000.0, 1000000.0]\n\
    d_state = [1000000.0, 1000000.0]\n\
    disk_used_pct = [99.0, 99.5]\n\
    inodes_used_pct = [99.0, 99.5]\n\
    disk_util_pct = [101.0, 101.0]\n\
    disk_await_ms = [1000000.0, 1000000.0]\n\
    account_cpu_pct = [5.0, 1000.0]\n\
    account_memory_pct = [0.2, 1000.0]\n\
    long_query_s = [5.0, 600.0]\n";

fn config(env: &Env) -> PathBuf {
    let path = env.path().join("config.toml");
    std::fs::write(&path, CONFIG).unwrap();
    path
}

/// `diagnose load h1 --json`: the envelope's result row of h1 and the exit code.
fn diagnose(lab: &Lab, env: &Env, config: &PathBuf) -> (Value, i32) {
    let o = lab
        .hostops(env)
        .env("HOSTOPS_CONFIG", config)
        .args(["--json", "diagnose", "load", "h1"])
        .output()
        .unwrap();
    let code = o.status.code().unwrap();
    let doc = envelope(&o);
    assert_eq!(doc["command"], "diagnose load", "{doc:#}");
    (doc["result"]["hosts"][0].clone(), code)
}

fn verdict(row: &Value, check: &str) -> String {
    row["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == check)
        .map(|c| c["verdict"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no check {check}: {:#}", row["checks"]))
}

fn causes(row: &Value) -> Vec<String> {
    row["causes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cause"].as_str().unwrap().to_string())
        .collect()
}

/// Runs `diagnose` until `done` holds (a probe samples one second; a busy machine may starve
/// a hog for that second), at most 60 s.
fn until(lab: &Lab, env: &Env, config: &PathBuf, done: impl Fn(&Value) -> bool) -> Value {
    let start = Instant::now();
    loop {
        let (row, _) = diagnose(lab, env, config);
        if done(&row) {
            return row;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "never: {:#} {:#}",
            row["checks"],
            row["causes"]
        );
        std::thread::sleep(Duration::from_secs(1));
    }
}

/// Processes this test started in a host (their PIDs), stopped on drop even on panic.
struct Started<'a> {
    lab: &'a Lab,
    pids: Vec<String>,
}

impl Started<'_> {
    /// Starts `script` in the background in h1 (as `user` when given) and keeps its PID.
    fn start(&mut self, user: Option<&str>, script: &str) {
        let bg = format!("{script} >/dev/null 2>&1 & echo $!");
        let o = match user {
            Some(u) => self.lab.sh("h1", &["su", "-s", "/bin/sh", u, "-c", &bg]),
            None => self.lab.sh("h1", &["sh", "-c", &bg]),
        };
        let pid = stdout(&o).trim().to_string();
        assert!(pid.parse::<u32>().is_ok(), "{pid} {}", stderr(&o));
        self.pids.push(pid);
    }

    fn stop(&mut self) {
        for pid in self.pids.drain(..) {
            // `timeout` passes the signal on to the command it runs
            self.lab.sh("h1", &["kill", &pid]);
        }
    }
}

impl Drop for Started<'_> {
    fn drop(&mut self) {
        self.stop();
    }
}

#[test]
fn a_cpu_hog_and_a_memory_eater_of_an_account_are_the_likely_cause_then_gone() {
    let env = Env::new();
    let lab = Lab::up_with(1, "cpanel");
    lab.lab(
        "add-account",
        &["h1", "loadeve", "--domain", "loadeve.test"],
    );
    let config = config(&env);
    let mut started = Started {
        lab: &lab,
        pids: Vec::new(),
    };
    started.start(
        Some("loadeve"),
        "exec timeout 120 sh -c 'while :; do :; done'",
    );
    started.start(
        Some("loadeve"),
        "exec timeout 120 python3 -c 'import time; b = b\"x\" * (300 << 20); time.sleep(120)'",
    );
    let row = until(&lab, &env, &config, |row| {
        let eve = row["readings"]["users"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["user"] == "loadeve")
            .cloned();
        eve.is_some_and(|u| {
            u["cpu_pct"].as_f64().unwrap() >= 5.0 && u["mem_pct"].as_f64().unwrap() >= 0.2
        })
    });
    assert_eq!(row["outcome"], "ok");
    assert_eq!(causes(&row)[0], "account loadeve", "{:#}", row["causes"]);
    assert_eq!(verdict(&row, "accounts"), "warn", "{:#}", row["checks"]);
    let evidence = row["causes"][0]["evidence"].to_string();
    assert!(
        evidence.contains("sh:") && evidence.contains("python3:"),
        "{evidence}"
    );

    started.stop();
    let row = until(&lab, &env, &config, |row| {
        !row["readings"]["users"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["user"] == "loadeve")
    });
    assert!(
        !causes(&row).iter().any(|c| c.contains("loadeve")),
        "{:#}",
        row["causes"]
    );
    assert_eq!(verdict(&row, "accounts"), "ok", "{:#}", row["checks"]);
}

#[test]
fn a_long_query_is_found() {
    let env = Env::new();
    let lab = Lab::up_with(1, "cpanel");
    let config = config(&env);
    let mut started = Started {
        lab: &lab,
        pids: Vec::new(),
    };
    started.start(None, "exec timeout 60 mariadb -e 'SELECT SLEEP(30)'");
    let row = until(&lab, &env, &config, |row| {
        row["readings"]["mysql"]["queries"]
            .as_array()
            .is_some_and(|q| q.iter().any(|q| q["seconds"].as_u64().unwrap_or(0) >= 5))
    });
    let query = &row["readings"]["mysql"]["queries"][0];
    assert_eq!(query["info"], "SELECT SLEEP(30)", "{query:#}");
    assert_eq!(query["user"], "root");
    assert_eq!(verdict(&row, "mysql"), "warn", "{:#}", row["checks"]);
    let named = causes(&row);
    assert!(
        named.contains(&"long query by root".to_string()),
        "{named:?}"
    );
    let evidence = row["causes"].to_string();
    assert!(evidence.contains("SELECT SLEEP(30)"), "{evidence}");
}

#[test]
fn a_quiet_host_is_all_ok_and_a_full_file_system_fails() {
    let env = Env::new();
    let lab = Lab::up_with(1, "cpanel");
    let config = config(&env);
    let (row, code) = diagnose(&lab, &env, &config);
    for c in row["checks"].as_array().unwrap() {
        assert!(
            c["verdict"] == "ok" || c["verdict"] == "not_available",
            "{c} in {:#}",
            row["checks"]
        );
    }
    assert_eq!(row["verdict"], "ok", "{:#}", row["checks"]);
    assert_eq!(code, 0);
    let accounts = causes(&row);
    assert!(
        !accounts.iter().any(|c| c.starts_with("account ")),
        "{accounts:?}"
    );
    // Apache with PHP-FPM may or may not exist in the lab: either a reading or "not available".
    assert!(["ok", "not_available"].contains(&verdict(&row, "apache").as_str()));

    // A 1 MiB tmpfs in h1's own mount namespace, filled; unmounted by the guard.
    let dir = "/home/.hostops-test-full";
    struct Mounted<'a>(&'a Lab, &'a str);
    impl Drop for Mounted<'_> {
        fn drop(&mut self) {
            self.0.sh("h1", &["umount", self.1]);
            self.0.sh("h1", &["rmdir", self.1]);
        }
    }
    let o = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "mkdir -p \"$1\" && mount -t tmpfs -o size=1m tmpfs \"$1\" && \
             (dd if=/dev/zero of=\"$1/fill\" bs=64k count=64 2>/dev/null; true)",
            "sh",
            dir,
        ],
    );
    let _mounted = Mounted(&lab, dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let (row, code) = diagnose(&lab, &env, &config);
    assert_eq!(verdict(&row, "disk_space"), "fail", "{:#}", row["checks"]);
    let reading = row["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "disk_space")
        .unwrap()["reading"]
        .to_string();
    assert!(
        reading.contains(dir) && reading.contains("100% used"),
        "{reading}"
    );
    assert_eq!(code, 1);
}

/// `--since`: sysstat's history of the window when the host keeps one (written here by the
/// real `sadc` into h1's own /var/log/sysstat), else "not available".
#[test]
fn a_past_window_reads_sysstat_history_or_says_not_available() {
    let env = Env::new();
    let lab = Lab::up(1);
    let config = config(&env);
    let past = |lab: &Lab| {
        let o = lab
            .hostops(&env)
            .env("HOSTOPS_CONFIG", &config)
            .args(["--json", "diagnose", "load", "h1", "--since", "10m"])
            .output()
            .unwrap();
        envelope(&o)["result"]["hosts"][0].clone()
    };
    let row = past(&lab);
    assert_eq!(
        verdict(&row, "history"),
        "not_available",
        "{:#}",
        row["checks"]
    );

    let o = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "mkdir -p /var/log/sysstat && /usr/lib/sysstat/sadc 1 3 \"/var/log/sysstat/sa$(date -u +%d)\"",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let row = past(&lab);
    assert_eq!(verdict(&row, "history"), "ok", "{:#}", row["checks"]);
    let history = &row["readings"]["history"];
    assert!(history["samples"].as_u64().unwrap() >= 1, "{history:#}");
}

/// Puts a page that sleeps `seconds` at `docroot/slow.php` in h1 (written by root, 0644).
fn slow_page(lab: &Lab, docroot: &str, seconds: f64) {
    let micros = (seconds * 1e6) as u64;
    let o = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "printf '<?php usleep(%s); echo \"slow\\n\";\n' \"$1\" >\"$2/slow.php\"",
            "sh",
            &micros.to_string(),
            docroot,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `n` concurrent GETs of `http://DOMAIN/slow.php?n=I` from the machine to h1's Apache; the
/// HTTP status of each.
fn burst(lab: &Lab, domain: &str, n: usize) -> Vec<String> {
    let mut cmd = std::process::Command::new("curl");
    cmd.args(["-sS", "-w", "%{http_code}\\n"])
        .args(["--parallel", "--parallel-immediate", "--parallel-max"])
        .arg(n.to_string())
        .args(["--max-time", "60", "--resolve"])
        .arg(format!("{domain}:80:{}", lab.address(1)));
    for i in 0..n {
        cmd.args(["-o", "/dev/null"])
            .arg(format!("http://{domain}/slow.php?n={i}"));
    }
    let o = cmd.output().expect("run curl");
    stdout(&o).lines().map(str::to_string).collect()
}

/// The three causes the burst leaves, by name.
fn assert_the_burst_is_named(row: &Value, when: &str) {
    let named = causes(row);
    for cause in [
        "Apache at MaxRequestWorkers",
        "php-fpm pool webby at max_children",
        "busy URL webby.test /slow.php",
    ] {
        assert!(
            named.iter().any(|c| c == cause),
            "{when}: {cause}: {named:?}"
        );
    }
}

/// One web lab (panel none's layout: the pool is the account's, `pm.max_children = 5`;
/// Apache's `MaxRequestWorkers 50`): 60 concurrent requests to a page that sleeps 0.8 s.
#[test]
fn a_burst_on_a_slow_page_is_the_busy_url_its_pool_at_max_children_and_apache_full() {
    let _apt = crate::weblab::web_packages();
    let env = Env::new();
    let lab = Lab::up_with_web(1, "none");
    lab.lab("add-account", &["h1", "webby", "--domain", "webby.test"]);
    slow_page(&lab, "/var/www/webby.test/public_html", 0.8);
    let config = env.path().join("config.toml");
    std::fs::write(
        &config,
        format!("{CONFIG}url_requests_per_min = [2.0, 1000.0]\n"),
    )
    .unwrap();

    // While the burst runs: sysstat's real collector and atop write h1's history of today
    // (atop's first sample counts since boot: five 2 s samples give four), and the account
    // runs a busy loop for 6 s, over before the "now" report
    let mut started_here = Started {
        lab: &lab,
        pids: Vec::new(),
    };
    started_here.start(
        None,
        "mkdir -p /var/log/sysstat && exec /usr/lib/sysstat/sadc -S DISK 2 6 \"/var/log/sysstat/sa$(date +%d)\"",
    );
    started_here.start(
        None,
        "mkdir -p /var/log/atop && exec atop -w \"/var/log/atop/atop_$(date +%Y%m%d)\" 2 5",
    );
    started_here.start(Some("webby"), "exec timeout 6 sh -c 'while :; do :; done'");
    let started = jiff::Timestamp::now();
    let codes = burst(&lab, "webby.test", 60);
    assert_eq!(codes.len(), 60, "{codes:?}");
    assert!(codes.iter().all(|c| c == "200"), "{codes:?}");

    let (row, code) = diagnose(&lab, &env, &config);
    assert_eq!(code, 1, "{:#}", row["checks"]);
    assert_the_burst_is_named(&row, "now");
    assert_eq!(verdict(&row, "apache"), "fail", "{:#}", row["checks"]);
    assert_eq!(verdict(&row, "php_fpm"), "warn", "{:#}", row["checks"]);
    let apache = &row["readings"]["apache"];
    assert_eq!(apache["max_request_workers"], 50, "{apache:#}");
    // mod_status on the address Apache listens on: the probe's own request is busy
    assert!(apache["busy"].as_u64().unwrap() >= 1, "{apache:#}");
    assert!(apache["idle"].is_u64(), "{apache:#}");
    assert!(
        apache["reached"][0].as_str().unwrap().contains("AH00484"),
        "{apache:#}"
    );
    let fpm = &row["readings"]["fpm"][0];
    assert_eq!(fpm["pool"], "webby", "{fpm:#}");
    assert!(
        fpm["last"]
            .as_str()
            .unwrap()
            .contains("WARNING: [pool webby] server reached max_children setting (5)"),
        "{fpm:#}"
    );
    let traffic = &row["readings"]["traffic"];
    assert_eq!(traffic["top_urls"][0]["what"], "webby.test /slow.php");
    assert_eq!(traffic["top_urls"][0]["count"], 60, "{traffic:#}");
    assert_eq!(traffic["top_domains"][0]["what"], "webby.test");
    let evidence = row["causes"].to_string();
    assert!(
        evidence.contains("60 requests in 10 min (6.0/min)"),
        "{evidence}"
    );

    // --at: the same troubles read back from the logs of that moment (filtered on the host)
    // and sysstat's history; three hours earlier, none of them
    for pid in &started_here.pids {
        lab.sh(
            "h1",
            &[
                "sh",
                "-c",
                "while kill -0 \"$1\" 2>/dev/null; do sleep 0.2; done",
                "sh",
                pid,
            ],
        );
    }
    let at = |when: jiff::Timestamp| {
        let o = lab
            .hostops(&env)
            .env("HOSTOPS_CONFIG", &config)
            .args([
                "--json",
                "diagnose",
                "load",
                "h1",
                "--at",
                &when.to_string(),
            ])
            .output()
            .unwrap();
        envelope(&o)["result"]["hosts"][0].clone()
    };
    let row = at(started);
    assert_the_burst_is_named(&row, "--at");
    let named = causes(&row);
    assert_eq!(row["readings"]["traffic"]["top_urls"][0]["count"], 60);
    assert_eq!(verdict(&row, "history"), "ok", "{:#}", row["checks"]);
    let history = &row["readings"]["history"];
    assert!(history["samples"].as_u64().unwrap() >= 2, "{history:#}");
    assert!(history["disk_util_max_pct"].is_number(), "{history:#}");
    let atop = &row["readings"]["atop"];
    assert!(atop["samples"].as_u64().unwrap() >= 2, "{atop:#}");
    assert!(
        named.iter().any(|c| c == "account webby"),
        "atop's busy loop of webby: {named:?} {atop:#}"
    );
    let before = at(started - jiff::SignedDuration::from_hours(3));
    let named = causes(&before);
    assert!(
        !named
            .iter()
            .any(|c| c.contains("webby") || c.contains("Apache")),
        "{named:?}"
    );
    assert_eq!(verdict(&before, "php_fpm"), "ok", "{:#}", before["checks"]);
    assert_eq!(before["readings"]["traffic"]["requests"], 0);
}

/// `--at` from the hostile table: refused before any host is asked (an unknown host here),
/// nothing runs; `--at` with `--since` is a usage error.
#[test]
fn a_hostile_or_conflicting_at_is_refused_before_any_host() {
    let env = Env::new();
    let h = crate::hostile::Hostile::new(env.path());
    for (name, value) in h.values() {
        let o = env
            .hostops()
            .args(["-t", "T-1", "diagnose", "load", "nohost", "--at", value])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
    }
    h.assert_nothing_ran();
    let o = env
        .hostops()
        .args([
            "-t", "T-1", "diagnose", "load", "nohost", "--at", "1h", "--since", "2h",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--at"), "{}", stderr(&o));
}

/// A memory cgroup of the machine's own (lab hosts share its kernel; cgroup v1's memory
/// controller or v2 with memory enabled), named for this test process; what this test put in
/// it is killed and the cgroup removed when it is dropped, even when the test fails.
struct MemoryCgroup {
    dir: PathBuf,
}

impl MemoryCgroup {
    fn new(limit_bytes: u64) -> MemoryCgroup {
        let name = format!("hostops-oom-{}", std::process::id());
        let v1 = Path::new("/sys/fs/cgroup/memory");
        let v2 = Path::new("/sys/fs/cgroup");
        let v2_memory = std::fs::read_to_string(v2.join("cgroup.subtree_control"))
            .is_ok_and(|c| c.split_whitespace().any(|w| w == "memory"));
        let (dir, limit, swap) = if v1.join("memory.limit_in_bytes").exists() {
            (v1.join(&name), "memory.limit_in_bytes", None)
        } else {
            assert!(
                v2_memory,
                "this machine has no memory cgroup controller (cgroup v1 memory, or v2 with \
                 memory in /sys/fs/cgroup/cgroup.subtree_control): no real OOM kill can be made"
            );
            (v2.join(&name), "memory.max", Some("memory.swap.max"))
        };
        std::fs::create_dir(&dir).expect("create the test's memory cgroup");
        let cgroup = MemoryCgroup { dir };
        std::fs::write(cgroup.dir.join(limit), limit_bytes.to_string()).expect("memory limit");
        if let Some(swap) = swap.filter(|f| cgroup.dir.join(f).exists()) {
            std::fs::write(cgroup.dir.join(swap), "0").expect("no swap");
        }
        cgroup
    }

    fn procs(&self) -> String {
        self.dir.join("cgroup.procs").display().to_string()
    }
}

impl Drop for MemoryCgroup {
    fn drop(&mut self) {
        for _ in 0..50 {
            let pids = std::fs::read_to_string(self.dir.join("cgroup.procs")).unwrap_or_default();
            // Only this test's processes are in its own cgroup.
            for pid in pids.split_whitespace() {
                let _ = std::process::Command::new("kill")
                    .args(["-9", pid])
                    .status();
            }
            if std::fs::remove_dir(&self.dir).is_ok() || !self.dir.exists() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn an_oom_kill_in_a_memory_limited_cgroup_names_the_process_and_the_accounts_uid() {
    let env = Env::new();
    let lab = Lab::up_with(1, "cpanel");
    lab.lab(
        "add-account",
        &["h1", "loadoom", "--domain", "loadoom.test"],
    );
    let uid = stdout(&lab.sh("h1", &["id", "-u", "loadoom"]))
        .trim()
        .to_string();
    let cgroup = MemoryCgroup::new(32 << 20);
    // Joins the cgroup as root, then becomes the account and asks for 200 MiB.
    let eater = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "echo $$ > \"$1\" && exec runuser -u loadoom -- python3 -c 'b = bytearray(200 << 20)'",
            "sh",
            &cgroup.procs(),
        ],
    );
    assert_eq!(
        eater.status.code(),
        Some(137),
        "the eater was not killed: {}",
        stderr(&eater)
    );
    let config = env.path().join("oom.toml");
    std::fs::write(
        &config,
        CONFIG.replace(
            "oom_kills = [1000000.0, 1000000.0]",
            "oom_kills = [1.0, 1.0]",
        ),
    )
    .unwrap();
    let (row, code) = diagnose(&lab, &env, &config);
    assert_eq!(code, 1, "{row:#}");
    assert_eq!(verdict(&row, "oom"), "fail", "{:#}", row["checks"]);
    let cause = row["causes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["cause"] == "OOM kills")
        .unwrap_or_else(|| panic!("no OOM cause: {:#}", row["causes"]))
        .clone();
    let evidence = cause["evidence"].to_string();
    assert!(
        evidence.contains("(python3)") && evidence.contains(&format!("UID:{uid}")),
        "{evidence}"
    );
}
