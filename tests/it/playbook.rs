//! `hostops playbook`: format errors, level policy, the engine's semantics on real lab hosts
//! (check mode, when, register, retries, expect, rescue, always, hostile vars, serial batches),
//! the bundled playbooks in check mode on a plain Debian host and on cPanel, Plesk and
//! DirectAdmin hosts, rebuild-apache and install-imagemagick for real with apt on a plain
//! Debian lab host, and rebuild-php's EasyApache 4 rollback for real on a cPanel host.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::builder::Test;
use crate::hostile::Hostile;
use crate::support::{assert_exit, assert_said, json, stderr, stdout, Env, Lab, APT};

/// The ticket of this module's lab runs (`Lab::hostops_yes`).
const TICKET: &str = "PB-1";

/// `hostops GLOBAL... playbook run BOOK ARGS...` on the lab, with the ticket and --yes.
fn play(env: &Env, lab: &Lab, global: &[&str], book: impl AsRef<OsStr>, args: &[&str]) -> Output {
    lab.hostops_yes(env, TICKET)
        .args(global)
        .args(["playbook", "run"])
        .arg(book)
        .args(args)
        .output()
        .unwrap()
}

/// The journal rows (kind and JSON body) whose body contains `needle`, read from the SQLite
/// file itself.
pub(crate) fn journal_rows_containing(env: &Env, needle: &str) -> Vec<String> {
    let db = rusqlite::Connection::open(env.journal()).unwrap();
    let mut q = db
        .prepare("SELECT kind || ': ' || body FROM events WHERE instr(body, ?1) > 0")
        .unwrap();
    q.query_map([needle], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
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
    let out = play(&env, &lab, &["--json"], &file, &["--host", "h1", "--check"]);
    assert_exit(&out, 0, "");
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

    // The global --dry-run runs check mode too, and its plan shows each step with the exact
    // command a real run sends.
    let human = play(&env, &lab, &["--dry-run"], &file, &["--host", "h1"]);
    assert_exit(&human, 0, "");
    let text = stdout(&human);
    assert!(text.contains("would run    change when probed"), "{text}");
    assert!(
        text.contains("on h1: sh -c 'touch /tmp/changed-marker'"),
        "{text}"
    );
    let plan = play(
        &env,
        &lab,
        &["--dry-run", "--json"],
        &file,
        &["--host", "h1"],
    );
    let v = json(&plan);
    assert!(v["report"].is_null(), "{v}");
    assert_eq!(
        v["plan"]["actions"][1]["argv"],
        serde_json::json!(["sh", "-c", "touch /tmp/changed-marker"])
    );
    assert_eq!(
        statuses(host(&v["plan"]["detail"], "h1"))[1],
        "change when probed=would_change"
    );
    assert!(!exists(&lab, "h1", "/tmp/changed-marker"));
}

/// Without --yes and without a terminal to ask on, a run shows the plan --dry-run prints, then
/// refuses (exit 4) and changes nothing.
#[test]
fn a_run_without_yes_or_a_terminal_shows_the_plan_and_is_refused() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(&env, "semantics.yml", SEMANTICS);
    let run = |global: &[&str]| {
        lab.hostops(&env)
            .args(global)
            .args(["playbook", "run"])
            .arg(&file)
            .args(["--host", "h1"])
            .output()
            .unwrap()
    };
    let dry = run(&["--dry-run"]);
    assert_exit(&dry, 0, "");
    let plan = stdout(&dry);
    assert!(
        plan.contains("on h1: sh -c 'touch /tmp/changed-marker'"),
        "{plan}"
    );
    let refused = run(&[]);
    assert_exit(&refused, 4, "without confirmation: there is no terminal");
    assert!(
        stderr(&refused).contains(plan.trim_end()),
        "{}",
        stderr(&refused)
    );
    assert!(!exists(&lab, "h1", "/tmp/changed-marker"));
    assert!(!exists(&lab, "h1", "/tmp/count"));
}

#[test]
fn when_register_retries_and_expect() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(&env, "semantics.yml", SEMANTICS);
    let out = play(&env, &lab, &["--json"], &file, &["--host", "h1"]);
    assert_exit(&out, 0, "");
    let v = json(&out);
    let h1 = host(&v["report"], "h1");
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
    let out = play(&env, &lab, &[], &strict, &["--host", "h1"]);
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
    let out = play(&env, &lab, &["--json"], &file, &["--host", "h1", "h2"]);
    assert_exit(&out, 1, "");
    let v = json(&out);
    let (h1, h2) = (host(&v["report"], "h1"), host(&v["report"], "h2"));
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
    let out = play(
        &env,
        &lab,
        &[],
        &file,
        &["--host", "h1", "--var", &format!("evil={evil}")],
    );
    assert_exit(&out, 0, "");
    let got = lab.sh("h1", &["cat", "/tmp/out"]);
    assert_eq!(stdout(&got), format!("{evil}\n"));
    assert!(!exists(&lab, "h1", "/tmp/pwned"));
    assert!(!exists(&lab, "h1", "/tmp/pwned2"));
    assert_eq!(stdout(&lab.sh("h1", &["cat", "/tmp/raw"])), "raw-ok\n");
}

/// Every value of the hostile table as a `--var` of a lab run, plain and secret: each arrives
/// as one argument, unchanged, and none runs as code (a secret is one line: the values with
/// a newline are refused as secrets, exit 2).
#[test]
fn hostile_table_as_var_values() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let h = Hostile::new(Path::new("/tmp"));
    let values: Vec<&str> = h.values().map(|(_, v)| v).collect();
    let one_line: Vec<&str> = values
        .iter()
        .copied()
        .filter(|v| !v.contains('\n'))
        .collect();
    let names = |prefix: &str, n: usize| (0..n).map(|i| format!("{prefix}{i}")).collect::<Vec<_>>();
    let (plain, secret) = (names("v", values.len()), names("s", one_line.len()));
    let refs = |names: &[String]| {
        names
            .iter()
            .map(|n| format!("{{{{ {n} }}}}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let file = write(
        &env,
        "hostile-table.yml",
        &format!(
            "name: hostile-table\nlevel: 2\nrequired: [{all}]\nsecrets: [{secrets}]\nsteps:\n\
             \x20 - name: print them\n    run: printf '%s\\0' {p} > /tmp/plain; printf '%s\\0' {s} > /tmp/secret\n",
            all = [plain.clone(), secret.clone()].concat().join(", "),
            secrets = secret.join(", "),
            p = refs(&plain),
            s = refs(&secret),
        ),
    );
    let mut args = vec!["--host".to_string(), "h1".to_string()];
    for (name, value) in plain
        .iter()
        .zip(&values)
        .chain(secret.iter().zip(&one_line))
    {
        args.extend(["--var".to_string(), format!("{name}={value}")]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = play(&env, &lab, &[], &file, &args);
    assert_exit(&out, 0, "");
    let printed = |path: &str| -> Vec<String> {
        String::from_utf8_lossy(&lab.sh("h1", &["cat", path]).stdout)
            .split_terminator('\0')
            .map(str::to_string)
            .collect()
    };
    assert_eq!(printed("/tmp/plain"), values);
    assert_eq!(printed("/tmp/secret"), one_line);
    assert!(!exists(&lab, "h1", "/tmp/hostops-pwned"));

    // A secret holding a newline is refused before any host is contacted.
    let newline = values.iter().find(|v| v.contains('\n')).unwrap();
    let refused = play(
        &env,
        &lab,
        &[],
        &file,
        &[&args[..], &["--var", &format!("s0={newline}")]].concat(),
    );
    assert_exit(&refused, 2, "--var s0: a secret is one line");
    assert!(!exists(&lab, "h1", "/tmp/hostops-pwned"));
}

const SECRETS: &str = r#"name: secrets
level: 2
required: [db_password, mypass, dbcred]
secrets: [dbcred]
steps:
  - name: use them
    run: |
      printf '%s\n' {{ db_password }} > /tmp/pw; printf '%s' {{ dbcred }} > /tmp/cred
      tr '\0' ' ' < /proc/$$/cmdline > /tmp/argv
      echo "mypass is" {{ mypass }}; echo api_key=Ak-0004zz
  - name: fail saying it
    run: echo {{ mypass }} {{ dbcred }} >&2; exit 3
"#;

/// Secret vars (named like one, or declared in `secrets`) reach the command on stdin: the
/// command uses the value, its command line holds only a variable name, and no journal row,
/// `log show`, `log export`, report or `-v` line holds the value.
#[test]
fn secret_vars_travel_on_stdin_and_are_masked_everywhere() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let file = write(&env, "secrets.yml", SECRETS);
    // The last one is no var: a literal `api_key=` in the playbook, masked as such (`-v`
    // prints each command as journaled).
    let values = ["Pw-db-0001x", "Mp-0002-mine", "Cr-0003zz", "Ak-0004zz"];
    let vars = [
        format!("db_password={}", values[0]),
        format!("mypass={}", values[1]),
        format!("dbcred={}", values[2]),
    ];
    let run = |global: &[&str]| {
        let mut args = vec!["--host", "h1"];
        for v in &vars {
            args.extend(["--var", v.as_str()]);
        }
        play(&env, &lab, global, &file, &args)
    };
    let out = run(&["-v"]);
    assert_exit(&out, 1, "fail saying it");
    assert_eq!(
        stdout(&lab.sh("h1", &["cat", "/tmp/pw"])),
        format!("{}\n", values[0])
    );
    assert_eq!(stdout(&lab.sh("h1", &["cat", "/tmp/cred"])), values[2]);
    let argv = stdout(&lab.sh("h1", &["cat", "/tmp/argv"]));
    assert!(argv.contains("HOSTOPS_SECRET_db_password"), "{argv}");
    let json_out = run(&["--json"]);
    let show = env
        .hostops()
        .args(["log", "show", TICKET])
        .output()
        .unwrap();
    let exports: Vec<Output> = ["markdown", "json"]
        .iter()
        .map(|f| {
            env.hostops()
                .args(["log", "export", TICKET, "--format", f])
                .output()
                .unwrap()
        })
        .collect();
    // -v streamed the step's output, masked.
    let shown = format!("{}{}", stdout(&out), stderr(&out));
    assert!(shown.contains("h1 | mypass is ***"), "{shown}");
    for value in &values[..3] {
        assert!(!argv.contains(value), "{value} on the command line: {argv}");
    }
    for value in values {
        assert_eq!(journal_rows_containing(&env, value), Vec::<String>::new());
        for o in [&out, &json_out, &show].into_iter().chain(&exports) {
            let all = format!("{}{}", stdout(o), stderr(o));
            assert!(!all.contains(value), "{value} shown: {all}");
        }
    }
    // The journal still says what ran, and that a secret was there.
    assert!(!journal_rows_containing(&env, "HOSTOPS_SECRET_mypass").is_empty());
}

#[test]
fn undefined_and_missing_variables_are_usage_errors() {
    let env = Env::new();
    let book = write(
        &env,
        "undefined.yml",
        "name: undefined\nlevel: 2\nsteps:\n  - name: one\n    run: touch /tmp/one\n  - name: two\n    run: echo {{ undefined_var }}\n",
    );
    let lint = env
        .hostops()
        .args(["playbook", "lint"])
        .arg(&book)
        .output()
        .unwrap();
    assert_exit(
        &lint,
        1,
        "steps[1] (`two`).run: `undefined_var` is not defined",
    );
    let run = |book: &OsStr, vars: &[&str]| {
        env.hostops()
            .args(["-t", "PB-4", "-y", "playbook", "run"])
            .arg(book)
            .args(["--host", "nowhere"])
            .args(vars)
            .output()
            .unwrap()
    };
    assert_exit(
        &run(book.as_os_str(), &[]),
        2,
        "`undefined_var` is not defined",
    );
    // A required variable missing from the command line: refused before hosts are looked at.
    let out = run(OsStr::new("install-php-extension"), &[]);
    assert_exit(
        &out,
        2,
        "playbook `install-php-extension` needs `extension`: add --var extension=VALUE",
    );
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
        let out = play(
            &env,
            &lab,
            &["--json"],
            &file,
            &[&["--host", "h1"], extra].concat(),
        );
        assert_exit(&out, 0, "");
        let v = json(&out);
        // A run's result is {plan, report}; --check's is the report itself.
        let report = if extra.contains(&"--check") {
            v
        } else {
            v["report"].clone()
        };
        host(&report, "h1")["steps"][0].clone()
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
    let out = play(&env, &lab, &[], &slow, &["--host", "h1"]);
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
    let out = play(
        &env,
        &lab,
        &["--json"],
        &file,
        &["--host", "lab", "--serial", "1", "--max-fail", "0"],
    );
    assert_exit(&out, 1, "");
    let v = json(&out);
    let v = &v["report"];
    assert_eq!(host(v, "h1")["outcome"], "failed");
    assert_eq!(host(v, "h2")["outcome"], "not_run");
    assert_eq!(host(v, "h3")["outcome"], "not_run");
    assert!(!exists(&lab, "h2", "/tmp/ran"));

    // Without --serial every host runs.
    let out = play(&env, &lab, &["--json"], &file, &["--host", "lab"]);
    let v = json(&out);
    assert_eq!(host(&v["report"], "h3")["outcome"], "changed");
    assert!(exists(&lab, "h2", "/tmp/ran"));
}

#[test]
fn lint_errors_carry_file_line_and_column() {
    let t = Test::new()
        .file(
            "bad.yml",
            "name: bad\nlevel: 2\nsteps:\n  - name: typo\n    rn: echo hi\n",
        )
        .file(
            "expr.yml",
            "name: expr\nlevel: 2\nsteps:\n  - name: a\n    run: echo\n    when: facts.pkg ==\n",
        );
    let lint = |file: &str| t.clone().hostops(&["playbook", "lint", file]);
    lint("bad.yml")
        .status(1)
        .stderr_has("bad.yml:5:5: steps[0]: unknown field `rn`")
        .run();
    lint("expr.yml")
        .status(1)
        .stderr_has("expr.yml:6:11: steps[0].when: syntax error")
        .run();

    let show = t
        .clone()
        .hostops(&["playbook", "show", "rebuild-apache"])
        .run();
    std::fs::write(t.path("good.yml"), &show.stdout).unwrap();
    lint("good.yml")
        .stderr_has("good.yml: ok (rebuild-apache")
        .run();

    // Running an invalid playbook is a usage error with the same location.
    t.ticket("PB-2")
        .hostops(&["playbook", "run", "bad.yml", "--host", "h1"])
        .status(2)
        .stderr_has("bad.yml:5:5")
        .run();
}

#[test]
fn list_show_and_folder_override() {
    let env = Env::new();
    let out = env
        .hostops()
        .args(["--json", "playbook", "list"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
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
        let out = play(
            &env,
            &lab,
            &["--json"],
            name,
            &["--host", "h1", "--check", "--var", "extension=intl"],
        );
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
        let out = play(&env, &lab, &["--json"], name, &["--host", "h1", "--check"]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert_eq!(
            host(&json(&out), "h1")["outcome"],
            "not_applicable",
            "{name}"
        );
    }
    assert!(!exists(&lab, "h1", "/root/hostops-backups"));
}

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
    let _apt = APT.write().unwrap_or_else(|p| p.into_inner());
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
    let out = play(&env, &lab, &["--json"], "rebuild-apache", &["--host", "h1"]);
    assert_said(&out, 0, "");
    let v = json(&out);
    assert_eq!(host(&v["report"], "h1")["outcome"], "changed");
    assert!(lab.sh("h1", &["apache2ctl", "configtest"]).status.success());

    // Break it: delete the main config file. The rebuild restores it and restarts Apache.
    assert!(lab
        .sh("h1", &["rm", "/etc/apache2/apache2.conf"])
        .status
        .success());
    assert!(!lab.sh("h1", &["apache2ctl", "configtest"]).status.success());
    let out = play(&env, &lab, &[], "rebuild-apache", &["--host", "h1"]);
    assert_said(&out, 0, "");
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
    let _apt = APT.write().unwrap_or_else(|p| p.into_inner());
    let (env, lab) = (Env::new(), Lab::up(1));
    purge(&lab, "h1", "php-common imagemagick-6-common imagemagick");
    let out = play(
        &env,
        &lab,
        &["--json"],
        "install-imagemagick",
        &["--host", "h1"],
    );
    assert_said(&out, 0, "");
    let v = json(&out);
    let h1 = host(&v["report"], "h1");
    assert_eq!(h1["outcome"], "changed");
    assert_eq!(step(h1, "PHP loads imagick")["status"], "ok");
    let loaded = lab.sh(
        "h1",
        &["php", "-r", "exit(extension_loaded('imagick') ? 0 : 1);"],
    );
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    assert!(lab.sh("h1", &["convert", "-version"]).status.success());
}

/// What check mode must leave alone on a panel host, as text to compare before and after:
/// the EasyApache 4 state and profiles (cPanel), the PHP packages' files and root's home.
fn panel_marker(lab: &Lab) -> String {
    let out = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "cat /var/cpanel/lab-ea4/installed 2>/dev/null; \
             find /root /etc/cpanel /opt/cpanel /usr/local/psa /usr/local/directadmin \
             -printf '%p %s %T@\\n' 2>/dev/null | sort",
        ],
    );
    stdout(&out)
}

/// Runs every bundled playbook in check mode on the `panel` lab host h1 (with `vars`): those
/// whose `applies_to` names the panel must succeed having run their probes and changed
/// nothing (no step `changed` or `failed`, the host's marker identical), the others are not
/// applicable. Returns the JSON report of each applicable playbook, by name.
fn bundled_check_on_panel(panel: &str, vars: &[&str]) -> (Lab, Vec<(String, Value)>) {
    let (env, lab) = (Env::new(), Lab::up_alone(1, panel));
    let out = env
        .hostops()
        .args(["--json", "playbook", "list"])
        .output()
        .unwrap();
    assert_exit(&out, 0, "");
    let before = panel_marker(&lab);
    let mut applicable = Vec::new();
    for book in json(&out)["playbooks"].as_array().unwrap() {
        let name = book["name"].as_str().unwrap();
        let applies = book["applies_to"]["panels"]
            .as_array()
            .is_none_or(|panels| panels.iter().any(|p| p == panel));
        let mut args = vec!["--host", "h1", "--check"];
        for var in vars {
            args.extend(["--var", var]);
        }
        let out = play(&env, &lab, &["--json"], name, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{panel} {name}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        let v = json(&out);
        let h1 = host(&v, "h1").clone();
        if !applies {
            assert_eq!(h1["outcome"], "not_applicable", "{panel} {name}: {h1}");
            continue;
        }
        assert_eq!(h1["facts"]["panel"], panel, "{name}");
        let steps = statuses(&h1);
        assert!(
            steps.iter().any(|s| s.ends_with("=ok")),
            "{panel} {name}: no probe ran: {steps:?}"
        );
        for s in &steps {
            assert!(
                ["=ok", "=skipped", "=would_change", "=undecided"]
                    .iter()
                    .any(|end| s.ends_with(end)),
                "{panel} {name}: {s} in check mode: {h1}"
            );
        }
        assert_eq!(
            panel_marker(&lab),
            before,
            "{panel} {name} changed the host"
        );
        applicable.push((name.to_string(), h1));
    }
    assert!(!exists(&lab, "h1", "/root/hostops-backups"));
    (lab, applicable)
}

/// One step of a host report, by name.
fn step<'a>(h: &'a Value, name: &str) -> &'a Value {
    h["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step {name:?} in {h}"))
}

#[test]
fn bundled_playbooks_in_check_mode_on_a_cpanel_host() {
    let (lab, books) = bundled_check_on_panel("cpanel", &["extension=intl"]);
    let names: Vec<&str> = books.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "rebuild-apache",
        "rebuild-php",
        "fix-cpanel-packages",
        "upgrade-cpanel",
    ] {
        assert!(names.contains(&expected), "{expected} not run: {names:?}");
    }
    for (name, h1) in &books {
        if !["rebuild-apache", "rebuild-php"].contains(&name.as_str()) {
            continue;
        }
        // The EasyApache 4 branch is the one taken: the snapshot would run, rendered.
        let snap = step(h1, "Snapshot the EasyApache 4 profile");
        assert_eq!(snap["status"], "would_change", "{name}");
        let cmd = snap["command"].as_str().unwrap();
        assert!(
            cmd.starts_with(
                "/usr/local/bin/ea_current_to_profile --output=/root/hostops-backups/ea4-"
            ) && cmd.ends_with(".json"),
            "{name}: {cmd}"
        );
    }
    let rebuild_apache = &books.iter().find(|(n, _)| n == "rebuild-apache").unwrap().1;
    assert_eq!(
        step(rebuild_apache, "Update the package lists (apt)")["status"],
        "skipped"
    );
    assert_eq!(
        step(
            rebuild_apache,
            "Reinstall apache2, restoring missing config files (apt)"
        )["status"],
        "skipped"
    );
    assert_eq!(
        step(rebuild_apache, "Reinstall the EasyApache 4 Apache packages")["status"],
        "would_change"
    );
    drop(lab);
}

#[test]
fn bundled_playbooks_in_check_mode_on_a_plesk_host() {
    let (_lab, books) = bundled_check_on_panel("plesk", &["extension=intl"]);
    let names: Vec<&str> = books.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"upgrade-plesk"), "{names:?}");
    let rebuild_apache = &books.iter().find(|(n, _)| n == "rebuild-apache").unwrap().1;
    assert_eq!(
        step(
            rebuild_apache,
            "Let Plesk re-register packages and rewrite web server configs"
        )["status"],
        "would_change"
    );
    assert_eq!(
        step(rebuild_apache, "Snapshot the EasyApache 4 profile")["status"],
        "skipped"
    );
}

#[test]
fn bundled_playbooks_in_check_mode_on_a_directadmin_host() {
    // No bundled playbook has a DirectAdmin branch: each one says so instead of running.
    let (_lab, books) = bundled_check_on_panel("directadmin", &["extension=intl"]);
    assert!(books.is_empty(), "{books:?}");
}

/// rebuild-php provisioning an EasyApache 4 profile on a cPanel host: check mode resolves the
/// profile and changes nothing; for real, a package that fails to install mid-way (after the
/// packages the profile drops were removed) fails the step, and the rescue installs the
/// snapshot taken before, leaving the EA4 packages exactly as they were, and restarts Apache.
#[test]
fn rebuild_php_rolls_back_to_the_ea4_snapshot_on_cpanel() {
    let (env, lab) = (Env::new(), Lab::up_with(1, "cpanel"));
    let state = || stdout(&lab.sh("h1", &["cat", "/var/cpanel/lab-ea4/installed"]));
    let before = state();
    assert!(before.contains("ea-php81\n"), "{before}");
    // The target: PHP 8.1 dropped, PHP 8.3 with intl added.
    let mut pkgs: Vec<&str> = before
        .lines()
        .filter(|p| !p.starts_with("ea-php81") && *p != "ea-profiles-cpanel")
        .collect();
    pkgs.extend(["ea-php83", "ea-php83-php-cli", "ea-php83-php-intl"]);
    let target = serde_json::json!({ "name": "target", "pkgs": pkgs }).to_string();
    let wrote = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "printf '%s' \"$1\" > /root/target.json",
            "sh",
            &target,
        ],
    );
    assert!(wrote.status.success(), "{}", stderr(&wrote));
    let run = |extra: &[&str]| {
        let args = ["--host", "h1", "--var", "ea_profile=/root/target.json"];
        play(
            &env,
            &lab,
            &["--json"],
            "rebuild-php",
            &[&args, extra].concat(),
        )
    };

    let out = run(&["--check"]);
    assert_said(&out, 0, "");
    let v = json(&out);
    let h1 = host(&v, "h1");
    assert_eq!(
        step(h1, "Resolve the EasyApache 4 profile")["status"],
        "ok",
        "{h1}"
    );
    let provision = step(h1, "Provision the EasyApache 4 profile");
    assert_eq!(provision["status"], "would_change");
    assert_eq!(
        provision["command"],
        "/usr/local/bin/ea_install_profile --install /root/target.json"
    );
    assert_eq!(
        step(h1, "Update the package lists (apt)")["status"],
        "skipped"
    );
    assert_eq!(state(), before);

    // The repository's ea-php83-php-intl is broken: its installation fails.
    let broke = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "echo ea-php83-php-intl > /var/cpanel/lab-ea4/broken",
        ],
    );
    assert!(broke.status.success());
    let out = run(&[]);
    assert_said(&out, 1, "");
    let v = json(&out);
    let h1 = host(&v["report"], "h1");
    assert_eq!(
        step(h1, "Snapshot the EasyApache 4 profile")["status"],
        "changed"
    );
    assert_eq!(
        step(h1, "Provision the EasyApache 4 profile")["status"],
        "failed"
    );
    assert_eq!(
        step(h1, "Restore the PHP configuration backup")["status"],
        "changed"
    );
    assert_eq!(
        step(h1, "Roll back to the EasyApache 4 snapshot")["status"],
        "changed",
        "{h1}"
    );
    assert_eq!(
        step(h1, "Rebuild httpd.conf and restart Apache on the snapshot")["status"],
        "changed"
    );
    assert_eq!(h1["outcome"], "rescued");
    assert_eq!(state(), before, "the EA4 packages are not the snapshot's");
    let snapshot = lab.sh("h1", &["sh", "-c", "cat /root/hostops-backups/ea4-*.json"]);
    let snapshot: Value = serde_json::from_slice(&snapshot.stdout).unwrap();
    let kept: Vec<&str> = before
        .lines()
        .filter(|p| *p != "ea-profiles-cpanel")
        .collect();
    assert_eq!(snapshot["pkgs"], serde_json::json!(kept));
    let opt = lab.sh("h1", &["ls", "/opt/cpanel"]);
    assert_eq!(stdout(&opt), "ea-php81\nea-php82\n");
}
