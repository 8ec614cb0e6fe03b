//! `diagnose hardware` on lab hosts: captured real SMART and BMC outputs served by stand-ins
//! (tests/lab/standins) on one host's PATH, the real tools (or none) on the other, a real
//! degraded RAID1 on loop devices, the trend against the previous run, an unreachable host.

use std::path::Path;
use std::process::{Command as StdCommand, Output};

use serde_json::Value;

use crate::hostile::Hostile;
use crate::support::{json, stdout, Env, Lab};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/real")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

/// Puts the smartctl and ipmitool stand-ins on `host`'s PATH (`/usr/local/sbin`, bound in
/// that host's mount namespace only), serving `disks` (`(scan line, device file name, JSON)`).
fn standins(lab: &Lab, host: &str, disks: &[(&str, &str, String)]) {
    let root = lab.host_path(host, "/root/standin");
    let (bin, smart, ipmi) = (
        root.join("bin"),
        root.join("smartctl.d"),
        root.join("ipmitool.d"),
    );
    for d in [&bin, &smart, &ipmi] {
        std::fs::create_dir_all(d).unwrap();
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lab/standins");
    for tool in ["smartctl", "ipmitool"] {
        std::fs::copy(here.join(tool), bin.join(tool)).unwrap();
    }
    let scan: String = disks
        .iter()
        .map(|(line, _, _)| format!("{line}\n"))
        .collect();
    std::fs::write(smart.join("scan"), scan).unwrap();
    for (_, file, body) in disks {
        std::fs::write(smart.join(format!("{file}.json")), body).unwrap();
    }
    std::fs::write(ipmi.join("sel"), fixture("ipmitool-sel-elist.txt")).unwrap();
    std::fs::write(ipmi.join("sdr"), fixture("ipmitool-sdr-elist-hp.txt")).unwrap();
    let out = lab.sh(
        host,
        &["mount", "--bind", "/root/standin/bin", "/usr/local/sbin"],
    );
    assert!(out.status.success(), "{out:?}");
}

fn diagnose(lab: &Lab, env: &Env, args: &[&str]) -> Output {
    lab.hostops(env)
        .args(["diagnose", "hardware"])
        .args(args)
        .output()
        .unwrap()
}

fn host<'a>(result: &'a Value, name: &str) -> &'a Value {
    result["hosts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["host"] == name)
        .unwrap_or_else(|| panic!("no {name} in {result:#}"))
}

fn component<'a>(h: &'a Value, name: &str) -> &'a Value {
    h["components"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {h:#}"))
}

/// Server-returned names (the scan's device paths, a disk's model and serial) from the hostile
/// table: nothing runs on the host, the table and the escalation line print them escaped.
#[test]
fn hostile_device_names_and_models_run_nothing() {
    let (lab, env) = (Lab::up(1), Env::new());
    let hostile = Hostile::new(Path::new("/tmp"));
    let healthy: Value =
        serde_json::from_str(&fixture("smartctl-ata-failing-hitachi.json")).unwrap();
    let mut disks = Vec::new();
    for (i, (_, v)) in hostile.non_empty().enumerate() {
        let mut d = healthy.clone();
        d["model_name"] = v.into();
        d["serial_number"] = format!("{v}{i}").into();
        disks.push((
            format!("/dev/d{i} -d sat # {v}"),
            format!("d{i}"),
            d.to_string(),
        ));
        disks.push((
            format!("/dev/e{i}{v} -d {v} # {v}"),
            format!("e{i}"),
            String::new(),
        ));
    }
    let disks: Vec<(&str, &str, String)> = disks
        .iter()
        .filter(|(_, _, body)| !body.is_empty())
        .map(|(line, file, body)| (line.as_str(), file.as_str(), body.clone()))
        .chain(
            disks
                .iter()
                .filter(|(_, _, body)| body.is_empty())
                .map(|(line, _, _)| (line.as_str(), "never-served", String::new())),
        )
        .collect();
    standins(&lab, "h1", &disks);
    std::fs::remove_file(lab.host_path("h1", "/root/standin/smartctl.d/never-served.json"))
        .unwrap();

    let out = diagnose(&lab, &env, &["h1"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(!text.contains('\u{1b}'), "raw ESC printed: {text}");
    assert!(text.contains("escalate h1 disk: model "), "{text}");
    let out = diagnose(&lab, &env, &["--json", "h1"]);
    let r = json(&out);
    let found = component(host(&r, "h1"), "disks")["findings"]
        .as_array()
        .unwrap()
        .len();
    assert!(found >= hostile.non_empty().count(), "{r:#}");
    hostile.assert_nothing_ran_at(&lab.host_path("h1", "/tmp/hostops-pwned"));
}

#[test]
fn a_failing_disk_is_fail_with_its_facts_and_its_trend_since_the_previous_run() {
    let (lab, env) = (Lab::up(2), Env::new());
    let failing = fixture("smartctl-ata-failing-hitachi.json");
    // The first run sees the same disk with 8 reallocated sectors (the capture, one number
    // lowered), the second the capture as it is (1975).
    let earlier = failing
        .replace("\"value\": 1975", "\"value\": 8")
        .replace("\"string\": \"1975\"", "\"string\": \"8\"");
    assert_ne!(earlier, failing);
    standins(
        &lab,
        "h1",
        &[
            (
                "/dev/sda -d sat # /dev/sda [SAT], ATA device",
                "sda",
                earlier,
            ),
            (
                "/dev/sdb -d sat # /dev/sdb [SAT], ATA device",
                "sdb",
                fixture("smartctl-ata-healthy-wdc.json"),
            ),
            (
                "/dev/bus/0 -d megaraid,0 # /dev/bus/0 [megaraid_disk_00], SCSI device",
                "0",
                fixture("smartctl-megaraid-exit4-wd.json"),
            ),
        ],
    );

    let out = diagnose(&lab, &env, &["--json", "h2", "h1"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    // Worst first.
    assert_eq!(r["hosts"][0]["host"], "h1", "{r:#}");
    let h1 = host(&r, "h1");
    assert_eq!(h1["verdict"], "fail");
    let disks = component(h1, "disks");
    assert_eq!(disks["verdict"], "fail", "{disks:#}");
    assert_eq!(disks["note"], "3 disks");
    let found = disks["findings"].as_array().unwrap();
    assert_eq!(found.len(), 1, "only the Hitachi is a finding: {disks:#}");
    let text = found[0]["text"].as_str().unwrap();
    for needle in [
        "/dev/sda (usbjmicron)",
        "serial MSK423Y20S3HBC",
        "Current_Pending_Sector 8",
        "Reallocated_Sector_Ct 8",
    ] {
        assert!(text.contains(needle), "{needle} not in {text}");
    }
    let e = &h1["escalations"][0];
    assert_eq!(e["serial"], "MSK423Y20S3HBC");
    assert_eq!(e["model"], "Hitachi HDS721050DLE630");
    assert_eq!(e["slot"], "/dev/sda (usbjmicron)");
    // The BMC stand-in's real SEL and SDR: read, nothing wrong.
    assert_eq!(component(h1, "bmc")["verdict"], "ok");
    assert!(h1["previous"].is_null());
    // h2 has no ipmitool (CI installs none): not available, never a failure.
    let h2 = host(&r, "h2");
    let bmc = component(h2, "bmc");
    assert_eq!(bmc["verdict"], "not_available", "{h2:#}");
    assert!(bmc["note"].as_str().unwrap().contains("not installed"));
    assert_ne!(h2["verdict"], "fail", "{h2:#}");

    // The disk got worse: the report says by how much since when.
    std::fs::write(
        lab.host_path("h1", "/root/standin/smartctl.d/sda.json"),
        &failing,
    )
    .unwrap();
    let out = diagnose(&lab, &env, &["h1"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let today = jiff::Timestamp::now().to_string()[..10].to_string();
    assert!(
        text.contains(&format!(
            "/dev/sda serial MSK423Y20S3HBC: reallocated sectors 8 -> 1975 since {today}"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("h1 (previous run {today})")),
        "{text}"
    );
    assert!(
        text.contains("reallocated sectors went up since the previous run"),
        "{text}"
    );
    assert!(
        text.contains("escalate h1 disk: model Hitachi HDS721050DLE630, serial MSK423Y20S3HBC, at /dev/sda (usbjmicron)"),
        "{text}"
    );
    assert!(text.contains(&format!("failing since {today}")), "{text}");

    // `[diagnose_hardware]` in the config file: 8 pending sectors are below its limits.
    let config = env.path().join("config.toml");
    std::fs::write(
        &config,
        "[diagnose_hardware]\npending_sectors = [1000.0, 1000.0]\n",
    )
    .unwrap();
    let out = lab
        .hostops(&env)
        .env("HOSTOPS_CONFIG", &config)
        .args(["--json", "diagnose", "hardware", "h1"])
        .output()
        .unwrap();
    let r = json(&out);
    let disks = component(host(&r, "h1"), "disks");
    let text = disks["findings"][0]["text"].as_str().unwrap();
    assert!(!text.contains("Current_Pending_Sector"), "{text}");
    assert!(text.contains("Reallocated_Sector_Ct 1975"), "{text}");
}

/// A RAID1 of two loop devices of this test's own, taken apart whatever happens.
struct LoopRaid {
    _files: tempfile::TempDir,
    loops: Vec<String>,
    /// `/dev/md/NAME`, and the kernel's name for it (`md127`).
    path: String,
    kernel: String,
}

fn run(argv: &[&str]) -> Output {
    let out = StdCommand::new(argv[0]).args(&argv[1..]).output().unwrap();
    assert!(
        out.status.success(),
        "{argv:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

impl LoopRaid {
    fn create() -> LoopRaid {
        let files = tempfile::Builder::new()
            .prefix("hostops-md-")
            .tempdir()
            .unwrap();
        let mut raid = LoopRaid {
            _files: files,
            loops: Vec::new(),
            path: format!("/dev/md/hostops-hw-{}", std::process::id()),
            kernel: String::new(),
        };
        for i in 0..2 {
            let f = raid._files.path().join(format!("disk{i}"));
            std::fs::File::create(&f)
                .unwrap()
                .set_len(32 << 20)
                .unwrap();
            let out = run(&["losetup", "--find", "--show", f.to_str().unwrap()]);
            raid.loops.push(stdout(&out).trim().to_string());
        }
        let (a, b) = (raid.loops[0].clone(), raid.loops[1].clone());
        run(&[
            "mdadm",
            "--create",
            &raid.path,
            "--level=1",
            "--raid-devices=2",
            "--metadata=1.2",
            "--assume-clean",
            "--run",
            "--quiet",
            &a,
            &b,
        ]);
        let real = std::fs::canonicalize(&raid.path).unwrap();
        raid.kernel = real.file_name().unwrap().to_string_lossy().into_owned();
        raid
    }
}

impl Drop for LoopRaid {
    fn drop(&mut self) {
        if !self.kernel.is_empty() {
            let _ = StdCommand::new("mdadm")
                .args(["--stop", &self.path])
                .output();
        }
        for l in &self.loops {
            let _ = StdCommand::new("mdadm")
                .args(["--zero-superblock", l])
                .output();
            let _ = StdCommand::new("losetup").args(["-d", l]).output();
        }
    }
}

/// The findings of a RAID component that name md device `kernel` (e.g. `md127`).
fn findings_about<'a>(raid_part: &'a Value, kernel: &str) -> Vec<&'a Value> {
    let name = format!("/dev/{kernel} ");
    raid_part["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["text"].as_str().unwrap().contains(&name))
        .collect()
}

/// Ignored, not passed, where it cannot run: this machine's kernel (and CI's) has no md driver
/// and no module to load. Run it with `cargo test -- --ignored` on a kernel with md.
#[test]
#[ignore = "needs the kernel's md driver (software RAID), which this machine lacks"]
fn a_degraded_raid1_is_fail_with_its_failed_member_and_ok_after_the_rebuild() {
    if !Path::new("/proc/mdstat").exists() {
        let _ = StdCommand::new("modprobe").arg("raid1").output();
    }
    assert!(
        Path::new("/proc/mdstat").exists(),
        "this kernel has no md driver (no /proc/mdstat, no raid1 module)"
    );
    let raid = LoopRaid::create();
    let (lab, env) = (Lab::up(1), Env::new());
    let member = raid.loops[1].clone();
    run(&["mdadm", &raid.path, "--fail", &member]);

    let out = diagnose(&lab, &env, &["--json", "h1"]);
    let r = json(&out);
    let raid_part = component(host(&r, "h1"), "raid");
    assert_eq!(raid_part["verdict"], "fail", "{raid_part:#}");
    let ours = findings_about(raid_part, &raid.kernel);
    assert!(
        ours.iter().any(|f| f["verdict"] == "fail"
            && f["text"]
                .as_str()
                .unwrap()
                .contains(&format!("member {member} (slot 1) failed"))),
        "{raid_part:#}"
    );
    assert_eq!(out.status.code(), Some(1));

    // The kernel may still hold the failed member for a moment.
    let removed = (0..50).any(|_| {
        let ok = StdCommand::new("mdadm")
            .args([raid.path.as_str(), "--remove", member.as_str()])
            .output()
            .is_ok_and(|o| o.status.success());
        if !ok {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        ok
    });
    assert!(removed, "mdadm --remove {member} kept failing");
    run(&["mdadm", &raid.path, "--add", &member]);
    // --wait exits 1 when there was nothing to wait for.
    let _ = StdCommand::new("mdadm")
        .args(["--wait", &raid.path])
        .output();
    let out = diagnose(&lab, &env, &["--json", "h1"]);
    let r = json(&out);
    let raid_part = component(host(&r, "h1"), "raid");
    assert!(
        findings_about(raid_part, &raid.kernel).is_empty(),
        "{raid_part:#}"
    );
}
