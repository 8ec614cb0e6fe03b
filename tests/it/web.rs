//! `hostops web check` on the lab's real Apache and PHP-FPM (`lab up --web`): each case breaks
//! the site for real (the server answers 500/403/401 by itself) and the check must name the
//! cause, the file and the line, with the error-log line Apache wrote for that very request;
//! the healthy site exits 0; hostile domains and paths are refused or passed verbatim. Then
//! `web config show/edit` and `web undo` (a refused directive, a rollback, a served header and
//! its undo) and `web htpasswd`. One lab per panel, shared by its cases.

use serde_json::Value;

use crate::builder::{Done, Test};
use crate::hostile::Hostile;
use crate::support::{envelope, stderr};
use crate::weblab::web_packages;

const USER: &str = "webby";
const DOMAIN: &str = "webby.test";

/// Runs `script` inside h1 (as root; constant text), then `web check` with `args` added,
/// expecting exit `code`; returns the result.
fn case(base: &Done, script: &str, args: &[&str], code: i32) -> Value {
    let mut argv = vec!["web", "check", DOMAIN, "--host", "h1"];
    argv.extend(args);
    let t = base.then(&argv);
    let out = t.lab_ref().sh("h1", &["sh", "-ec", script]);
    assert!(out.status.success(), "{script}: {}", stderr(&out));
    t.status(code).json(|_| {}).result().clone()
}

/// The first finding: (kind, file, line), and its error-log evidence.
fn first(r: &Value) -> (String, String, Option<u64>, String) {
    let f = &r["findings"][0];
    (
        f["kind"].as_str().unwrap_or_default().to_string(),
        f["file"].as_str().unwrap_or_default().to_string(),
        f["line"].as_u64(),
        f["evidence"].as_str().unwrap_or_default().to_string(),
    )
}

fn status(r: &Value) -> u64 {
    r["hops"].as_array().unwrap().last().unwrap()["status"]
        .as_u64()
        .unwrap_or_default()
}

/// Every case on one panel whose document root for webby.test is `root`.
/// `home` holds the password file the cases write.
fn breaks_and_explains(panel: &str, root: &str, home: &str) {
    let _apt = web_packages();
    let test = Test::web_lab(panel, 1);
    test.lab_ref()
        .lab("add-account", &["h1", USER, "--domain", DOMAIN]);
    let ht = format!("{root}/.htaccess");

    // Healthy: exit 0, the page, its PHP through the account's pool.
    let base = test
        .hostops(&[
            "web",
            "check",
            DOMAIN,
            "--host",
            "h1",
            "--path",
            "/lab-php.php",
        ])
        .json(|r| {
            assert_eq!(status(r), 200, "{panel}: {r}");
            assert!(r["verdict"].as_str().unwrap().starts_with("healthy"), "{r}");
            assert_eq!(r["document_root"], root, "{panel}");
            assert_eq!(r["php"]["fpm"], true, "{panel}: {r}");
            assert!(r["php"]["version"].is_string(), "{panel}: {r}");
            assert!(r["findings"].as_array().unwrap().is_empty(), "{r}");
        });
    let r = case(&base, "true", &[], 0);
    if panel == "cpanel" {
        // Without --host: the one inventory host holding the domain (`account find`).
        base.then(&["web", "check", DOMAIN]).json(|r| {
            assert_eq!(r["host"], "h1", "{r}");
        });
    }
    assert_eq!(
        r["hops"][0]["title"],
        format!("Welcome to {DOMAIN}"),
        "{panel}"
    );

    // php_value under PHP-FPM: 500, Apache's "Invalid command" line.
    let r = case(
        &base,
        &format!("printf '# uploads\\nphp_value upload_max_filesize 64M\\n' > {ht}"),
        &[],
        1,
    );
    let (kind, file, line, evidence) = first(&r);
    assert_eq!(status(&r), 500, "{panel}: {r}");
    assert_eq!(
        (kind.as_str(), file.as_str(), line),
        ("php-directive-under-fpm", ht.as_str(), Some(2)),
        "{panel}: {r}"
    );
    assert!(
        evidence.contains("Invalid command 'php_value'"),
        "{panel}: {r}"
    );

    // A rewrite loop: 500 and AH00124.
    let r = case(
        &base,
        &format!("printf 'RewriteEngine On\\nRewriteRule ^(.*)$ app/$1 [L]\\n' > {ht}"),
        &[],
        1,
    );
    let (kind, file, line, evidence) = first(&r);
    assert_eq!(status(&r), 500, "{panel}: {r}");
    assert_eq!(
        (kind.as_str(), file.as_str(), line),
        ("rewrite-loop", ht.as_str(), Some(2)),
        "{panel}: {r}"
    );
    assert!(evidence.contains("AH00124"), "{panel}: {r}");

    // A directory on the path the web server cannot enter: 403 and AH00529.
    let r = case(
        &base,
        &format!("rm -f {ht}; mkdir -p {root}/sub; echo hi > {root}/sub/index.html; chmod 600 {root}/sub"),
        &["--path", "/sub/"],
        1,
    );
    let (kind, file, _, evidence) = first(&r);
    assert_eq!(status(&r), 403, "{panel}: {r}");
    assert_eq!(
        (kind.as_str(), file.as_str()),
        ("path-not-traversable", format!("{root}/sub").as_str()),
        "{panel}: {r}"
    );
    assert!(evidence.contains("AH00529"), "{panel}: {r}");

    // RewriteRule with FollowSymLinks and SymLinksIfOwnerMatch off: 403 and AH00670.
    let r = case(
        &base,
        &format!(
            "chmod 755 {root}/sub; printf 'Options -FollowSymLinks -SymLinksIfOwnerMatch\\n\
             RewriteEngine On\\nRewriteRule ^old$ new [L]\\n' > {ht}"
        ),
        &[],
        1,
    );
    let (kind, file, line, evidence) = first(&r);
    assert_eq!(status(&r), 403, "{panel}: {r}");
    assert_eq!(
        (kind.as_str(), file.as_str(), line),
        ("rewrite-without-symlinks", ht.as_str(), Some(3)),
        "{panel}: {r}"
    );
    assert!(evidence.contains("AH00670"), "{panel}: {r}");

    // AuthUserFile relative to ServerRoot: nobody can log in.
    let r = case(
        &base,
        &format!("printf 'AuthType Basic\\nAuthName private\\nAuthUserFile .htpasswd\\nRequire valid-user\\n' > {ht}"),
        &[],
        1,
    );
    let (kind, file, line, _) = first(&r);
    assert_eq!(
        (kind.as_str(), file.as_str(), line),
        ("auth-user-file-relative", ht.as_str(), Some(3)),
        "{panel}: {r}"
    );

    // Weak hashes in the password file (crypt, {SHA}, plain; bcrypt is fine).
    let pw = format!("{home}/.htpasswd");
    let r = case(
        &base,
        &format!(
            "htpasswd -cbB {pw} good secret-one; htpasswd -bd {pw} des secret-two; \
             htpasswd -bs {pw} sha secret-three; echo 'plain:secret-four' >> {pw}; \
             chgrp www-data {pw}; chmod 640 {pw}; \
             printf 'AuthType Basic\\nAuthName private\\nAuthUserFile {pw}\\nRequire valid-user\\n' > {ht}"
        ),
        &[],
        1,
    );
    assert_eq!(status(&r), 401, "{panel}: {r}");
    let weak: Vec<(String, u64)> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["kind"], "weak-password-hash", "{panel}: {r}");
            assert_eq!(f["file"], pw.as_str());
            (
                f["what"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        weak.iter().map(|(_, l)| *l).collect::<Vec<_>>(),
        [2, 3, 4],
        "{panel}: {r}"
    );
    assert!(
        weak[0].0.contains("crypt") && weak[1].0.contains("sha1") && weak[2].0.contains("plain"),
        "{weak:?}"
    );
    assert!(
        !r.to_string().contains("$2y$"),
        "no hash in the output: {r}"
    );

    // `web htpasswd` resets the DES entry with bcrypt (password on stdin, never journaled).
    let t = base.then(&["web"]);
    let lab = t.lab_ref();
    let out = lab
        .hostops(t.env())
        .args([
            "-y", "web", "htpasswd", DOMAIN, &pw, "--host", "h1", "--user", "des", "--stdin",
        ])
        .write_stdin("new secret-five\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{panel}: {}", stderr(&out));
    let verify = lab.sh("h1", &["htpasswd", "-vb", &pw, "des", "new secret-five"]);
    assert!(verify.status.success(), "{panel}: {}", stderr(&verify));
    let journal = std::fs::read(t.env().journal()).unwrap_or_default();
    assert!(
        !String::from_utf8_lossy(&journal).contains("new secret-five"),
        "the password is in the journal"
    );
    let r = case(&base, "true", &[], 1);
    let lines: Vec<u64> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["line"].as_u64())
        .collect();
    assert_eq!(
        lines,
        [3, 4],
        "{panel}: only {{SHA}} and plain are left: {r}"
    );
    let link = lab.sh("h1", &["ln", "-s", "/etc/passwd", &format!("{home}/.evil")]);
    assert!(link.status.success());
    base.then(&[
        "web",
        "htpasswd",
        DOMAIN,
        &format!("{home}/.evil"),
        "--host",
        "h1",
        "--user",
        "x",
        "--generate",
    ])
    .yes()
    .status(1)
    .json(|r| {
        assert!(
            r["report"]["error"]
                .as_str()
                .unwrap()
                .contains("not a regular file"),
            "{r}"
        );
    });
    let passwd = lab.sh("h1", &["grep", "-c", "^x:", "/etc/passwd"]);
    assert_eq!(
        String::from_utf8_lossy(&passwd.stdout).trim(),
        "0",
        "/etc/passwd was written through the symlink"
    );

    if panel == "cpanel" {
        // cPanel's handler block for a PHP the server does not have (after a migration).
        let r = case(
            &base,
            &format!(
                "printf '# php -- BEGIN cPanel-generated handler, do not edit\\n<IfModule mime_module>\\n  \
                 AddHandler application/x-httpd-ea-php74 .php .php7 .phtml\\n</IfModule>\\n\
                 # php -- END cPanel-generated handler, do not edit\\n' > {ht}"
            ),
            &["--path", "/lab-php.php"],
            1,
        );
        let (kind, file, line, _) = first(&r);
        assert_eq!(
            (kind.as_str(), file.as_str(), line),
            ("php-handler-missing", ht.as_str(), Some(3)),
            "{r}"
        );
        assert!(
            r["findings"][0]["what"]
                .as_str()
                .unwrap()
                .contains("ea-php74"),
            "{r}"
        );
    }

    let clean = base.then(&["web"]).lab_ref().sh("h1", &["rm", "-f", &ht]);
    assert!(clean.status.success());
    config_edit(&base, panel);
    if panel == "cpanel" {
        hostile(&base);
    }
}

/// The domain's response headers, asked from the machine through the host's Apache.
fn headers(base: &Done) -> String {
    let t = base.then(&["web"]);
    let addr = t.lab_ref().address(1);
    let out = std::process::Command::new("curl")
        .args(["-sS", "-I", "--max-time", "20", "--resolve"])
        .arg(format!("{DOMAIN}:80:{addr}"))
        .arg(format!("http://{DOMAIN}/"))
        .output()
        .expect("run curl");
    assert!(out.status.success(), "curl: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// `web config show`, then edits: one Apache refuses (the old configuration serves on),
/// one that breaks the site after the reload (rolled back), a good one (its header is
/// served), and its undo (the header gone).
fn config_edit(base: &Done, panel: &str) {
    let custom = match panel {
        "cpanel" => format!("/etc/apache2/conf.d/userdata/std/2_4/{USER}/{DOMAIN}/hostops.conf"),
        "plesk" => format!("/var/www/vhosts/system/{DOMAIN}/conf/vhost.conf"),
        "directadmin" => {
            format!("/usr/local/directadmin/data/users/{USER}/domains/{DOMAIN}.cust_httpd")
        }
        _ => format!("/etc/apache2/sites-available/{DOMAIN}.conf"),
    };
    base.then(&["web", "config", "show", DOMAIN, "--host", "h1"])
        .json(|r| {
            assert_eq!(r["custom"]["file"], custom.as_str(), "{panel}: {r}");
            assert!(r["vhost"]["file"].is_string(), "{r}");
        });
    let edit = |what: &[&str], code: i32| -> Done {
        let mut argv = vec!["web", "config", "edit", DOMAIN, "--host", "h1"];
        argv.extend(what);
        base.then(&argv).yes().status(code).json(|_| {})
    };
    let before = headers(base);
    let refused = edit(&["--set", "Frobnicate on"], 1);
    let r = &refused.result()["report"];
    assert_eq!(r["outcome"], "refused", "{panel}: {r}");
    assert!(r["output"].to_string().contains("Frobnicate"), "{r}");
    let after = headers(base);
    assert!(
        after.starts_with("HTTP/1.1 200"),
        "{panel}: the site is down: {after}"
    );
    assert_eq!(
        before.lines().count(),
        after.lines().count(),
        "{panel}: {after}"
    );

    if panel == "cpanel" {
        let file = base.then(&["web"]).path("breaks.conf");
        std::fs::write(&file, "RewriteEngine On\nRewriteRule ^ - [R=503]\n").unwrap();
        let back = edit(&["--file", file.to_str().unwrap()], 1);
        let r = &back.result()["report"];
        assert_eq!(r["outcome"], "rolled_back", "{r}");
        assert!(r["reason"].as_str().unwrap().contains("503"), "{r}");
        assert!(
            headers(base).starts_with("HTTP/1.1 200"),
            "the site after the rollback"
        );
    }

    if panel == "none" {
        // The plan an operator reads (a panel-less vhost file: both VirtualHost blocks).
        let dry = base
            .then(&["--dry-run", "web", "config", "edit", DOMAIN, "--host", "h1"])
            .hostops(&["--set", "Header set X-Hostops-Test edited"])
            .run();
        insta::assert_snapshot!(
            "web-config-edit-dry-run",
            crate::plan_snapshots::screen(&dry)
        );
    }
    let good = edit(&["--set", "Header set X-Hostops-Test edited"], 0);
    assert_eq!(good.result()["report"]["outcome"], "applied");
    let diff = good.result()["plan"]["detail"]["diff"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        diff.lines().any(|l| l.starts_with('+')
            && l.trim_start_matches('+').trim() == "Header set X-Hostops-Test edited"),
        "{panel}: {diff}"
    );
    assert!(
        headers(base).contains("X-Hostops-Test: edited"),
        "{panel}: the edit is not served"
    );
    let run_id = good.envelope.as_ref().unwrap()["run_id"]
        .as_str()
        .unwrap()
        .to_string();
    base.then(&["web", "undo", &run_id]).yes().json(|r| {
        assert_eq!(r["report"]["outcome"], "applied", "{r}");
    });
    let h = headers(base);
    assert!(
        !h.contains("X-Hostops-Test"),
        "{panel}: undo left the header: {h}"
    );
}

/// Hostile domains are refused before any host is asked; hostile paths are refused or
/// reach the server verbatim; nothing runs.
fn hostile(base: &Done) {
    let probe = base.then(&["web"]);
    let lab = probe.lab_ref();
    let h = Hostile::new(lab.dir.path());
    for (name, v) in h.values() {
        base.then(&["web", "check", "--host", "h1", "--", v])
            .status(2)
            .run();
        let path = if v.starts_with('/') {
            v.to_string()
        } else {
            format!("/{v}")
        };
        let arg = format!("--path={path}");
        let t = base.then(&["web", "check", DOMAIN, "--host", "h1", &arg]);
        let refused = path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '#');
        if refused {
            t.status(2).run();
        } else {
            let out = lab
                .hostops(t.env())
                .args(["--json", "web", "check", DOMAIN, "--host", "h1", &arg])
                .output()
                .unwrap();
            let out = envelope(&out);
            let r = &out["result"];
            assert_eq!(
                r["hops"][0]["url"],
                format!("http://{DOMAIN}{path}"),
                "{name}: {out}"
            );
        }
    }
    h.assert_nothing_ran();
}

#[test]
fn cpanel_web_check_names_cause_and_file() {
    breaks_and_explains("cpanel", "/home/webby/public_html", "/home/webby");
}

#[test]
fn no_panel_web_check_names_cause_and_file() {
    breaks_and_explains(
        "none",
        "/var/www/webby.test/public_html",
        "/var/www/webby.test",
    );
}

#[test]
fn plesk_web_check_names_cause_and_file() {
    breaks_and_explains(
        "plesk",
        "/var/www/vhosts/webby.test/httpdocs",
        "/var/www/vhosts/webby.test",
    );
}

#[test]
fn directadmin_web_check_names_cause_and_file() {
    breaks_and_explains(
        "directadmin",
        "/home/webby/domains/webby.test/public_html",
        "/home/webby/domains/webby.test",
    );
}
