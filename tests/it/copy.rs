//! `hostops copy` against real sshd lab hosts: HOST:PATH naming (inventory and ad-hoc hosts,
//! never a local file), copies into directories in every direction, trees (`-r`), refusal
//! of special files at the destination, and the hostile table on paths and host strings.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

use crate::hostile::Hostile;
use crate::support::{assert_exit, json, stderr, stdout, Env, Lab};

const TICKET: &str = "LAB-1";

fn ok(o: &std::process::Output) -> String {
    assert!(o.status.success(), "{}{}", stdout(o), stderr(o));
    stdout(o)
}

/// `copy ARGS...` with -y in `env`'s directory (relative local paths land there).
fn copy(env: &Env, lab: &Lab, args: &[&str]) -> std::process::Output {
    lab.hostops_yes(env, TICKET)
        .current_dir(env.path())
        .arg("copy")
        .args(args)
        .output()
        .unwrap()
}

fn sha_on(lab: &Lab, host: &str, path: &str) -> String {
    let out = lab.sh(host, &["sha256sum", "--", path]);
    ok(&out).split_whitespace().next().unwrap().to_string()
}

/// A 2.86 MiB file with varied bytes on h1 at /root/blob.bin; returns its SHA-256.
fn blob_on_h1(lab: &Lab) -> String {
    ok(&lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "head -c 3000000 /dev/urandom > /root/blob.bin && mkdir -p /root/data",
        ],
    ));
    sha_on(lab, "h1", "/root/blob.bin")
}

#[test]
fn host_colon_path_always_names_a_host_never_a_local_file() {
    let (env, lab) = (Env::new(), Lab::up(1));
    blob_on_h1(&lab);
    // A host in no inventory that does not resolve: an error naming it, no local file.
    let out = copy(&env, &lab, &["h1:/root/blob.bin", "web1:blob.bin"]);
    assert_exit(&out, 2, "web1");
    assert!(!env.path().join("web1:blob.bin").exists());
    let local = env.path().join("up.txt");
    std::fs::write(&local, "x").unwrap();
    let out = copy(&env, &lab, &["up.txt", "no-such-host.invalid:/root/x"]);
    assert_exit(&out, 2, "no-such-host.invalid");

    // `./NAME:WITH:COLON` is a local file.
    ok(&copy(&env, &lab, &["h1:/root/blob.bin", "./web1:blob.bin"]));
    assert_eq!(
        std::fs::metadata(env.path().join("web1:blob.bin"))
            .unwrap()
            .len(),
        3_000_000
    );

    // An ad-hoc host (user@IP, not in the inventory) is a host: known_hosts and key from
    // ~/.ssh, as ssh would use them.
    std::fs::copy(
        lab.dir.path().join("known_hosts"),
        env.home().join(".ssh/known_hosts"),
    )
    .unwrap();
    std::fs::copy(
        lab.dir.path().join("client_key"),
        env.home().join(".ssh/id_ed25519"),
    )
    .unwrap();
    let adhoc = format!("root@{}:/root/adhoc.txt", lab.address(1));
    ok(&copy(&env, &lab, &["up.txt", &adhoc]));
    assert_eq!(ok(&lab.sh("h1", &["cat", "/root/adhoc.txt"])), "x");
}

#[test]
fn a_file_copied_into_a_directory_keeps_its_name_in_every_direction() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let want = blob_on_h1(&lab);
    ok(&lab.sh("h2", &["mkdir", "-p", "/root/data", "/root/relayed"]));

    // host -> host, direct and relayed: into the directory, whole.
    for (dest, extra) in [
        ("h2:/root/data", None),
        ("h2:/root/relayed/", Some("--relay")),
    ] {
        let mut args = vec!["--json"];
        args.extend(extra);
        args.extend(["h1:/root/blob.bin", dest]);
        let out = lab
            .hostops_yes(&env, TICKET)
            .arg("copy")
            .args(&args)
            .output()
            .unwrap();
        assert_exit(&out, 0, "");
        assert_eq!(json(&out)["report"]["bytes"], 3_000_000);
    }
    assert_eq!(sha_on(&lab, "h2", "/root/data/blob.bin"), want);
    assert_eq!(sha_on(&lab, "h2", "/root/relayed/blob.bin"), want);

    // host -> local directory, and a local file -> host directory.
    let dir = env.path().join("got");
    std::fs::create_dir(&dir).unwrap();
    ok(&copy(&env, &lab, &["h1:/root/blob.bin", "got"]));
    assert_eq!(
        std::fs::metadata(dir.join("blob.bin")).unwrap().len(),
        3_000_000
    );
    ok(&copy(&env, &lab, &["got/blob.bin", "h2:/root/data/"]));
    ok(&copy(&env, &lab, &["got/blob.bin", "h1:/root/data"]));
    assert_eq!(sha_on(&lab, "h1", "/root/data/blob.bin"), want);

    // A DEST ending in `/` that is no directory is an error, not a file named so.
    let out = copy(&env, &lab, &["got/blob.bin", "h1:/root/missing/"]);
    assert_exit(&out, 4, "not a directory");
    let leftovers = lab.sh(
        "h1",
        &[
            "sh",
            "-c",
            "ls -A /root /root/data | grep -c hostops || true",
        ],
    );
    assert_eq!(stdout(&leftovers).trim(), "0", "temporary file left behind");
}

#[test]
fn special_files_at_the_destination_are_refused_not_replaced() {
    let (env, lab) = (Env::new(), Lab::up(2));
    blob_on_h1(&lab);
    // Fresh nodes in a private directory of the lab host: never the machine's /dev.
    let setup = "set -e; mkdir /root/sp; cd /root/sp; mkfifo fifo; mknod null c 1 3; \
                 echo keep > target; ln -s target link; \
                 python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind(\"sock\")'";
    for h in ["h1", "h2"] {
        ok(&lab.sh(h, &["sh", "-c", setup]));
    }
    let local = env.path().join("f.txt");
    std::fs::write(&local, "new").unwrap();
    let check = |h: &str| {
        ok(&lab.sh(
            h,
            &[
                "sh",
                "-c",
                "cd /root/sp && test -p fifo && test -c null && test -S sock && test -L link \
                 && test \"$(cat target)\" = keep && ! ls -A | grep -q hostops",
            ],
        ));
    };
    for node in ["fifo", "null", "sock", "link"] {
        let out = copy(&env, &lab, &["f.txt", &format!("h1:/root/sp/{node}")]);
        assert_exit(&out, 4, "/root/sp/");
        for extra in [vec![], vec!["--relay"]] {
            let mut args = extra.clone();
            let dest = format!("h2:/root/sp/{node}");
            args.extend(["h1:/root/blob.bin", dest.as_str()]);
            let out = copy(&env, &lab, &args);
            assert_exit(&out, 4, "/root/sp/");
        }
    }
    check("h1");
    check("h2");

    // The same on this machine: a FIFO and a symlink as the local destination.
    let fifo = env.path().join("fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink("f.txt", env.path().join("link")).unwrap();
    for node in ["fifo", "link"] {
        let out = copy(&env, &lab, &["h1:/root/blob.bin", node]);
        assert_exit(&out, 4, node);
    }
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(std::fs::read_to_string(&local).unwrap(), "new");
}

#[test]
fn copy_r_copies_trees_with_owners_modes_and_symlinks_in_every_direction() {
    let (env, lab) = (Env::new(), Lab::up(2));
    let setup = "set -e; mkdir -p /root/tree/sub; cd /root/tree; echo hi > sub/f; \
                 chmod 0750 sub; chmod 0640 sub/f; chown 1234:2345 sub/f; \
                 ln -s /etc/passwd pw; chmod 0711 /root/tree";
    ok(&lab.sh("h1", &["sh", "-c", setup]));
    let facts = |h: &str, top: &str| {
        ok(&lab.sh(
            h,
            &[
                "sh",
                "-c",
                &format!(
                    "cd {top} && stat -c '%a' . && stat -c '%a %u:%g' sub sub/f && readlink pw \
                     && test -L pw && cat sub/f"
                ),
            ],
        ))
    };
    let want = facts("h1", "/root/tree");
    assert!(want.contains("640 1234:2345"), "{want}");

    // host -> host (direct, relayed), into a new path and into an existing directory.
    ok(&lab.sh("h2", &["mkdir", "/root/into"]));
    ok(&copy(
        &env,
        &lab,
        &["-r", "h1:/root/tree", "h2:/root/copy1"],
    ));
    ok(&copy(
        &env,
        &lab,
        &["-r", "--relay", "h1:/root/tree", "h2:/root/into"],
    ));
    assert_eq!(facts("h2", "/root/copy1"), want);
    assert_eq!(facts("h2", "/root/into/tree"), want);

    // host -> local -> host.
    ok(&copy(&env, &lab, &["-r", "h1:/root/tree", "local-tree"]));
    let here = env.path().join("local-tree");
    assert_eq!(
        std::fs::read_link(here.join("pw")).unwrap(),
        Path::new("/etc/passwd")
    );
    assert_eq!(
        std::fs::metadata(here.join("sub"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o750
    );
    ok(&copy(&env, &lab, &["-r", "local-tree", "h2:/root/copy2"]));
    assert_eq!(facts("h2", "/root/copy2"), want);

    // A tree is never merged into an existing one; a file without -r is refused clearly.
    let out = copy(&env, &lab, &["-r", "h1:/root/tree", "h2:/root/into"]);
    assert_exit(&out, 4, "already exists");
    let out = copy(&env, &lab, &["local-tree", "h2:/root/x"]);
    assert_exit(&out, 2, "with -r");
}

#[test]
fn hostile_paths_and_host_strings_run_nothing() {
    let (env, lab) = (Env::new(), Lab::up(1));
    let here = Hostile::new(env.path());
    let there = Hostile::new(Path::new("/tmp"));
    let local = env.path().join("f.txt");
    std::fs::write(&local, "x").unwrap();
    // Deep enough that `../../etc/passwd` stays inside /root/hostile (and fails: no such dir).
    ok(&lab.sh("h1", &["mkdir", "-p", "/root/hostile/a/b/c"]));
    for (name, v) in there.non_empty() {
        // As a remote path, both ways: taken literally (written or refused), never run.
        let out = copy(
            &env,
            &lab,
            &["f.txt", &format!("h1:/root/hostile/a/b/c/{v}")],
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1 | 2 | 4)),
            "{name}: {}",
            stderr(&out)
        );
        let _ = copy(
            &env,
            &lab,
            &[&format!("h1:/root/hostile/a/b/c/{v}"), "./back"],
        );
        let _ = copy(
            &env,
            &lab,
            &["-r", &format!("h1:{v}"), "h1:/root/hostile/t"],
        );
    }
    for (name, v) in here.non_empty() {
        // As a host (exec and copy): refused as no host, never run anywhere.
        let out = lab
            .hostops_yes(&env, TICKET)
            .args(["exec", v, "--", "true"])
            .output()
            .unwrap();
        // (`--help` and `-rf` are flags to clap: help, or a usage error.)
        let want = if v == "--help" { 0 } else { 2 };
        assert_eq!(out.status.code(), Some(want), "{name}: {}", stderr(&out));
        let _ = copy(&env, &lab, &["f.txt", &format!("{v}:/tmp/x")]);
        let _ = copy(&env, &lab, &[&format!("root@{v}:/tmp/x"), "./y"]);
    }
    here.assert_nothing_ran();
    there.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
}

/// Runs `hostops ARGS...` (lab inventory, `-y`) under `script`, which gives it a real
/// pseudo-terminal as its stderr; returns the exit status and what the terminal showed.
fn on_a_terminal(env: &Env, lab: &Lab, args: &[&str]) -> (std::process::ExitStatus, String) {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let hostops = assert_cmd::cargo::cargo_bin("hostops");
    let mut line = vec![quote(&hostops.display().to_string())];
    line.extend(
        ["--inventory", &lab.inventory().display().to_string()]
            .into_iter()
            .chain(["-t", TICKET, "-y"])
            .chain(args.iter().copied())
            .map(quote),
    );
    let like_hostops = env.hostops_std();
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qfec", &line.join(" "), "/dev/null"])
        .current_dir(env.path())
        .env_clear()
        .env("TERM", "xterm")
        .env("SHELL", "/bin/sh")
        .stdin(std::process::Stdio::null());
    for (k, v) in like_hostops.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    let out = cmd.output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn at_a_terminal_a_copy_shows_its_bytes_of_the_known_total_and_rate() {
    let (env, lab) = (Env::new(), Lab::up(1));
    // Sparse: 96 MiB to stream, nothing on the disk here.
    let big = std::fs::File::create(env.path().join("big.bin")).unwrap();
    big.set_len(96 << 20).unwrap();
    drop(big);
    let (status, screen) = on_a_terminal(&env, &lab, &["copy", "big.bin", "h1:/root/big.bin"]);
    assert!(status.success(), "{screen}");
    // The line as the bytes flow: what was sent of the total, the rate; never "of 0 B".
    let line = regex::Regex::new(
        r"upload /root/big\.bin: [0-9.]+ [KMG]?i?B of 96\.00 MiB, [0-9.]+ [KMG]?i?B/s",
    )
    .unwrap();
    assert!(
        line.is_match(&screen),
        "no bytes line on the terminal:\n{screen}"
    );
    assert!(!screen.contains("of 0 B"), "{screen}");
    // At a terminal with -q or --json, and not at a terminal (a pipe): no progress at all.
    for quiet in ["-q", "--json"] {
        let (status, screen) =
            on_a_terminal(&env, &lab, &[quiet, "copy", "big.bin", "h1:/root/big2.bin"]);
        assert!(status.success(), "{screen}");
        assert!(!screen.contains("upload /root"), "{quiet}: {screen}");
    }
    let out = copy(&env, &lab, &["big.bin", "h1:/root/big2.bin"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("upload /root"), "{}", stderr(&out));
    ok(&lab.sh("h1", &["rm", "-f", "/root/big.bin", "/root/big2.bin"]));
}
