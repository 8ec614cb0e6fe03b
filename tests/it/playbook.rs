//! `hostops playbook`: format errors, level policy, the engine's semantics on real lab hosts
//! (check mode, when, register, retries, expect, rescue, always, hostile vars, serial batches),
//! the bundled playbooks in check mode, and rebuild-apache and install-imagemagick for real
//! with apt on a plain Debian lab host.

use std::path::PathBuf;
use std::sync::Mutex;

use serde_json::Value;

use crate::support::{assert_exit, json, stderr, stdout, Env, Lab};

/// hostops pointed at the lab's inventory, with a ticket and --yes.
fn ops(env: &Env, lab: &Lab) -> assert_cmd::Command {
    let mut cmd = env.hostops();
    cmd.arg("--inventory")
        .arg(lab.inventory())
        .args(["-t", "PB-1", "-y"]);
    cmd
}

fn write(env: &Env, name: &str, text: &str) -> PathBuf {
    let path = env.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Whether `path` exists inside lab host `host`.
fn exists(lab: &Lab, host: &str, path: &str) -> bool {
    lab.sh(host, &["test", "-e", path]).status.success()
}

fn host<'a>(v: &'a Value, name: &str) -> &'a Value {
    v["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["host"] == name)
        .unwrap_or_else(|| panic!("no host {name} in {v}"))
}

/// Step statuses of one host, as `name=status`.
fn statuses(h: &Value) -> Vec<String> {
    h["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}={}",
                s["name"].as_str().unwrap(),
                s["status"].as_str().unwrap()
            )
        })
        .collect()
}

const SEMANTICS: &str = r#"name: semantics
level: 2
vars:
  marker: /tmp/changed-marker
steps:
  - name: probe
    changes: false
    register: who
    run: cat /proc/sys/kernel/hostname
  - name: change when probed
    when: who.stdout == host
    run: touch {{ marker }}
  - name: never
    when: who.stdout == 'nobody'
    run: touch /tmp/never
  - name: third time lucky
    retries: 3
    run: |
      n=$(cat /tmp/count 2>/dev/null || echo 0); n=$((n+1)); echo $n > /tmp/count
      [ $n -ge 3 ]
  - name: expected exit and output
    expect:
      rc: [3]
      stdout: '^ready'
    run: echo ready; exit 3
"#;

#[test]
fn check_mode_runs_probes_and_changes_nothing() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(&env, "semantics.yml", SEMANTICS);
    let out = ops(&env, &lab)
        .args(["--json", "playbook", "run"])
        .arg(&file)
        .args(["--host", "h1", "--check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["check"], true);
    let h1 = host(&v, "h1");
    assert_eq!(
        statuses(h1),
        [
            "probe=ok",
            "change when probed=would_change",
            "never=skipped",
            "third time lucky=would_change",
            "expected exit and output=would_change"
        ]
    );
    // The probe really ran (its answer decided the `when`), the rendered command is shown.
    assert_eq!(h1["steps"][0]["exit"]["code"], 0);
    assert_eq!(h1["steps"][1]["command"], "touch /tmp/changed-marker");
    assert!(!exists(&lab, "h1", "/tmp/changed-marker"));
    assert!(!exists(&lab, "h1", "/tmp/count"));

    // The global --dry-run is check mode too, and the human plan shows each command.
    let human = ops(&env, &lab)
        .args(["--dry-run", "playbook", "run"])
        .arg(&file)
        .args(["--host", "h1"])
        .output()
        .unwrap();
    assert_eq!(human.status.code(), Some(0), "{}", stderr(&human));
    let text = stdout(&human);
    assert!(text.contains("would run    change when probed"), "{text}");
    assert!(text.contains("$ touch /tmp/changed-marker"), "{text}");
    assert!(!exists(&lab, "h1", "/tmp/changed-marker"));
}

#[test]
fn when_register_retries_and_expect() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(&env, "semantics.yml", SEMANTICS);
    let out = ops(&env, &lab)
        .args(["--json", "playbook", "run"])
        .arg(&file)
        .args(["--host", "h1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let h1 = host(&v, "h1");
    assert_eq!(
        statuses(h1),
        [
            "probe=ok",
            "change when probed=changed",
            "never=skipped",
            "third time lucky=changed",
            "expected exit and output=changed"
        ]
    );
    assert_eq!(h1["steps"][3]["attempts"], 3);
    assert_eq!(h1["outcome"], "changed");
    assert_eq!(h1["counts"]["changed"], 3);
    assert_eq!(h1["counts"]["skipped"], 1);
    assert!(exists(&lab, "h1", "/tmp/changed-marker"));
    assert!(!exists(&lab, "h1", "/tmp/never"));

    // Every step is in the journal under the ticket.
    let log = env
        .hostops()
        .args(["--json", "log", "show", "PB-1"])
        .output()
        .unwrap();
    let text = stdout(&log);
    assert!(text.contains("step `third time lucky`: changed"), "{text}");
    assert!(text.contains("touch /tmp/changed-marker"), "{text}");

    // An unmet expectation fails the step and says why.
    let strict = write(
        &env,
        "strict.yml",
        "name: strict\nlevel: 2\nsteps:\n  - name: wants ok\n    expect: {stdout: '^ok$'}\n    run: echo nope\n",
    );
    let out = ops(&env, &lab)
        .args(["playbook", "run"])
        .arg(&strict)
        .args(["--host", "h1"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "output does not match `^ok$`");
}

#[test]
fn rescue_runs_on_failure_and_always_always_runs() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let file = write(
        &env,
        "rescue.yml",
        r#"name: rescue
level: 2
steps:
  - name: first
    run: touch /tmp/first
  - name: breaks
    run: echo broken >&2; exit 7
  - name: not reached
    run: touch /tmp/not-reached
rescue:
  - name: roll back
    run: touch /tmp/rescued
  - name: rollback fails on h2
    when: host == 'h2'
    run: exit 1
always:
  - name: cleanup
    run: touch /tmp/always
"#,
    );
    let out = ops(&env, &lab)
        .args(["--json", "playbook", "run"])
        .arg(&file)
        .args(["--host", "h1", "h2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    let (h1, h2) = (host(&v, "h1"), host(&v, "h2"));
    assert_eq!(h1["outcome"], "rescued");
    assert_eq!(h1["counts"]["rescued"], 1);
    assert_eq!(h2["outcome"], "failed");
    assert!(h1["steps"][1]["message"]
        .as_str()
        .unwrap()
        .contains("exit 7, expected exit code [0]: broken"));
    for h in ["h1", "h2"] {
        assert!(exists(&lab, h, "/tmp/first"));
        assert!(!exists(&lab, h, "/tmp/not-reached"), "{h}");
        assert!(exists(&lab, h, "/tmp/rescued"), "{h}");
        assert!(exists(&lab, h, "/tmp/always"), "{h}");
    }
}

#[test]
fn hostile_var_values_stay_one_argument() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(
        &env,
        "hostile.yml",
        r#"name: hostile
level: 2
vars:
  evil: "x"
  shell: "echo raw-ok > /tmp/raw"
steps:
  - name: print it
    run: printf '%s\n' {{ evil }} > /tmp/out
  - name: raw is shell
    run: "{{ shell | raw }}"
"#,
    );
    let evil = "a'b; touch /tmp/pwned $(touch /tmp/pwned2) `id` \"q\" \n| &&";
    let out = ops(&env, &lab)
        .args(["playbook", "run"])
        .arg(&file)
        .args(["--host", "h1", "--var"])
        .arg(format!("evil={evil}"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let got = lab.sh("h1", &["cat", "/tmp/out"]);
    assert_eq!(stdout(&got), format!("{evil}\n"));
    assert!(!exists(&lab, "h1", "/tmp/pwned"));
    assert!(!exists(&lab, "h1", "/tmp/pwned2"));
    assert_eq!(stdout(&lab.sh("h1", &["cat", "/tmp/raw"])), "raw-ok\n");
}

#[test]
fn uploads_diff_in_check_mode_write_for_real_and_timeouts_fail() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(
        &env,
        "upload.yml",
        r#"name: upload
level: 2
vars:
  greeting: hello
steps:
  - name: config
    upload:
      dest: /etc/hostops-test.conf
      content: |
        greeting = {{ greeting }}
      mode: "0600"
"#,
    );
    let run = |extra: &[&str]| {
        let out = ops(&env, &lab)
            .args(["--json", "playbook", "run"])
            .arg(&file)
            .args(["--host", "h1"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        host(&json(&out), "h1")["steps"][0].clone()
    };
    let check = run(&["--check"]);
    assert_eq!(check["status"], "would_change");
    assert!(
        check["diff"]
            .as_str()
            .unwrap()
            .contains("+greeting = hello"),
        "{check}"
    );
    assert!(!exists(&lab, "h1", "/etc/hostops-test.conf"));

    assert_eq!(run(&[])["status"], "changed");
    let stat = lab.sh("h1", &["stat", "-c", "%a", "/etc/hostops-test.conf"]);
    assert_eq!(stdout(&stat).trim(), "600");
    assert_eq!(run(&[])["status"], "ok", "same content: nothing to change");
    let changed = run(&["--check", "--var", "greeting=bye"]);
    assert!(changed["diff"]
        .as_str()
        .unwrap()
        .contains("-greeting = hello\n+greeting = bye"));

    let slow = write(
        &env,
        "slow.yml",
        "name: slow\nlevel: 2\nsteps:\n  - name: hangs\n    timeout: 1\n    run: sleep 30\n",
    );
    let out = ops(&env, &lab)
        .args(["playbook", "run"])
        .arg(&slow)
        .args(["--host", "h1"])
        .output()
        .unwrap();
    assert_exit(&out, 1, "timed out after 1s");
}

#[test]
fn serial_batches_stop_after_max_fail() {
    let (env, lab) = (Env::new(), Lab::up(3));
    let file = write(
        &env,
        "serial.yml",
        "name: serial\nlevel: 2\nsteps:\n  - name: fails on h1\n    run: \"[ {{ host }} != h1 ]\"\n  - name: mark\n    run: touch /tmp/ran\n",
    );
    let out = ops(&env, &lab)
        .args(["--json", "playbook", "run"])
        .arg(&file)
        .args(["--host", "lab", "--serial", "1", "--max-fail", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(host(&v, "h1")["outcome"], "failed");
    assert_eq!(host(&v, "h2")["outcome"], "not_run");
    assert_eq!(host(&v, "h3")["outcome"], "not_run");
    assert!(!exists(&lab, "h2", "/tmp/ran"));

    // Without --serial every host runs.
    let out = ops(&env, &lab)
        .args(["--json", "playbook", "run"])
        .arg(&file)
        .args(["--host", "lab"])
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(host(&v, "h3")["outcome"], "changed");
    assert!(exists(&lab, "h2", "/tmp/ran"));
}

#[test]
fn lint_errors_carry_file_line_and_column() {
    let env = Env::new();
    let bad = write(
        &env,
        "bad.yml",
        "name: bad\nlevel: 2\nsteps:\n  - name: typo\n    rn: echo hi\n",
    );
    let out = env
        .hostops()
        .args(["playbook", "lint"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_exit(&out, 1, "bad.yml:5:5: steps[0]: unknown field `rn`");

    let expr = write(
        &env,
        "expr.yml",
        "name: expr\nlevel: 2\nsteps:\n  - name: a\n    run: echo\n    when: facts.pkg ==\n",
    );
    let out = env
        .hostops()
        .args(["playbook", "lint"])
        .arg(&expr)
        .output()
        .unwrap();
    assert_exit(&out, 1, "expr.yml:6:11: steps[0].when: syntax error");

    let good = env.path().join("good.yml");
    let show = env
        .hostops()
        .args(["playbook", "show", "rebuild-apache"])
        .output()
        .unwrap();
    std::fs::write(&good, show.stdout).unwrap();
    let out = env
        .hostops()
        .args(["playbook", "lint"])
        .arg(&good)
        .output()
        .unwrap();
    assert_exit(&out, 0, "good.yml: ok (rebuild-apache");

    // Running an invalid playbook is a usage error with the same location.
    let out = env
        .hostops()
        .args(["-t", "PB-2", "playbook", "run"])
        .arg(&bad)
        .args(["--host", "h1"])
        .output()
        .unwrap();
    assert_exit(&out, 2, "bad.yml:5:5");
}

#[test]
fn list_show_and_folder_override() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["--json", "playbook", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let names: Vec<String> = json(&out)["playbooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        names,
        [
            "fix-cpanel-packages",
            "install-imagemagick",
            "install-php-extension",
            "rebuild-apache",
            "rebuild-mysql",
            "rebuild-php",
            "rebuild-python",
            "upgrade-cpanel",
            "upgrade-plesk"
        ]
    );

    let dir = env.path().join("books");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("rebuild-apache.yml"),
        "name: rebuild-apache\ndescription: site version\nlevel: 2\nsteps:\n  - {name: a, run: 'true'}\n",
    )
    .unwrap();
    let out = env
        .hostops()
        .args(["playbook", "list", "--playbooks"])
        .arg(&dir)
        .output()
        .unwrap();
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.starts_with("rebuild-apache"))
        .unwrap();
    assert!(
        row.contains("site version") && row.contains("books/rebuild-apache.yml"),
        "{text}"
    );
    let show = env
        .hostops()
        .args(["playbook", "show", "rebuild-apache", "--playbooks"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(stdout(&show).contains("site version"));
    let missing = env
        .hostops()
        .args(["playbook", "show", "nope"])
        .output()
        .unwrap();
    assert_exit(&missing, 2, "no playbook named `nope`");
}

#[test]
fn playbooks_above_the_operators_level_are_refused() {
    let env = Env::new();
    let out = env
        .hostops()
        .env("HOSTOPS_LEVEL", "2")
        .args([
            "-t",
            "PB-3",
            "playbook",
            "run",
            "rebuild-apache",
            "--host",
            "h1",
        ])
        .output()
        .unwrap();
    assert_exit(
        &out,
        4,
        "playbook `rebuild-apache` is a level-3 task and your level is 2",
    );
    // The config's level applies when HOSTOPS_LEVEL is unset.
    let config = write(&env, "config.toml", "level = 2\n");
    let out = env
        .hostops()
        .env("HOSTOPS_CONFIG", &config)
        .args([
            "-t",
            "PB-3",
            "playbook",
            "run",
            "upgrade-cpanel",
            "--host",
            "h1",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 4, "level-3 task");
}

#[test]
fn bundled_playbooks_in_check_mode_on_a_plain_debian_host() {
    let (env, lab) = (Env::new(), Lab::up(1));
    for name in [
        "rebuild-apache",
        "rebuild-php",
        "rebuild-python",
        "install-imagemagick",
        "install-php-extension",
    ] {
        let out = ops(&env, &lab)
            .args(["--json", "playbook", "run", name, "--host", "h1", "--check"])
            .args(["--var", "extension=intl"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        let v = json(&out);
        let h1 = host(&v, "h1");
        assert_eq!(h1["outcome"], "changed", "{name}: {h1}");
        let apt = h1["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Update the package lists (apt)")
            .unwrap_or_else(|| panic!("{name}: no apt step"));
        assert_eq!(apt["status"], "would_change", "{name}");
    }
    // Panel-only playbooks do not apply to a host without a panel.
    for name in ["fix-cpanel-packages", "upgrade-cpanel", "upgrade-plesk"] {
        let out = ops(&env, &lab)
            .args(["--json", "playbook", "run", name, "--host", "h1", "--check"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(
            host(&json(&out), "h1")["outcome"],
            "not_applicable",
            "{name}"
        );
    }
    assert!(!exists(&lab, "h1", "/root/hostops-backups"));
}

/// apt and dpkg state (/usr, /var/lib/dpkg) is shared by the machine and every lab host; only
/// /etc is private. One real package test at a time.
static APT: Mutex<()> = Mutex::new(());

/// Makes the host's private /etc agree with the shared dpkg database: packages installed by
/// an earlier lab (whose /etc is gone) are purged, so the playbook installs them afresh.
fn purge(lab: &Lab, host: &str, packages: &str) {
    let script = format!(
        "for p in {packages}; do dpkg-query -W -f '${{Status}}' $p 2>/dev/null | grep -q 'ok installed' && echo $p; done \
         | xargs -r env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 purge -y -q"
    );
    let out = lab.sh(host, &["sh", "-c", &script]);
    assert!(out.status.success(), "purge failed: {}", stderr(&out));
}

#[test]
fn rebuild_apache_for_real_with_apt() {
    let _apt = APT.lock().unwrap_or_else(|p| p.into_inner());
    let (env, lab) = (Env::new(), Lab::up(1));
    purge(&lab, "h1", "apache2 apache2-bin apache2-data apache2-utils");
    // Lab hosts share the machine's network: listen on the host's own address only.
    let ports = format!("Listen {}:80\n", lab.address(1));
    let seed = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            &format!("mkdir -p /etc/apache2 && printf '{ports}' > /etc/apache2/ports.conf"),
        ],
    );
    assert!(seed.status.success(), "{}", stderr(&seed));

    // First run: apache2 is missing, so the reinstall installs it.
    let out = ops(&env, &lab)
        .args([
            "--json",
            "playbook",
            "run",
            "rebuild-apache",
            "--host",
            "h1",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    let v = json(&out);
    assert_eq!(host(&v, "h1")["outcome"], "changed");
    assert!(lab.sh("h1", &["apache2ctl", "configtest"]).status.success());

    // Break it: delete the main config file. The rebuild restores it and restarts Apache.
    assert!(lab
        .sh("h1", &["rm", "/etc/apache2/apache2.conf"])
        .status
        .success());
    assert!(!lab.sh("h1", &["apache2ctl", "configtest"]).status.success());
    let out = ops(&env, &lab)
        .args(["playbook", "run", "rebuild-apache", "--host", "h1"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(text.contains("h1") && text.contains("changed"), "{text}");
    assert!(exists(&lab, "h1", "/etc/apache2/apache2.conf"));
    assert!(lab.sh("h1", &["apache2ctl", "configtest"]).status.success());
    assert!(lab
        .sh("h1", &["service", "apache2", "status"])
        .status
        .success());
    let backups = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "ls /root/hostops-backups/apache-*.tar.gz | wc -l",
        ],
    );
    assert_eq!(stdout(&backups).trim(), "2");
    let _ = lab.sh("h1", &["service", "apache2", "stop"]);
}

#[test]
fn install_imagemagick_for_real_with_apt() {
    let _apt = APT.lock().unwrap_or_else(|p| p.into_inner());
    let (env, lab) = (Env::new(), Lab::up(1));
    purge(&lab, "h1", "php-common imagemagick-6-common imagemagick");
    let out = ops(&env, &lab)
        .args([
            "--json",
            "playbook",
            "run",
            "install-imagemagick",
            "--host",
            "h1",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
    let v = json(&out);
    let h1 = host(&v, "h1");
    assert_eq!(h1["outcome"], "changed");
    let verify = h1["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "PHP loads imagick")
        .unwrap();
    assert_eq!(verify["status"], "ok");
    let loaded = lab.sh(
        "h1",
        &["php", "-r", "exit(extension_loaded('imagick') ? 0 : 1);"],
    );
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    assert!(lab.sh("h1", &["convert", "-version"]).status.success());
}
