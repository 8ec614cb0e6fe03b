//! What a playbook's `when:` conditions branch on, gathered once per host in one round trip:
//! OS and family, package manager, init system, panel and version, and the installed
//! apache, php, mysql and python versions.

use serde::Serialize;

use super::format::{OsFamily, PanelName};
use crate::host::kv::sections;
use crate::ops::facts::parse_os_release;
use crate::panel::{self, PanelKind};
use crate::transport::{self, Cmd, Transport, TransportError};

/// Constant: no user input is ever part of it.
const PROBE: &str = r#"section() { printf '\n@@%s\n' "$1"; }
first() { for c in "$@"; do if command -v "${c%% *}" >/dev/null 2>&1; then $c 2>&1 | head -n 1; return; fi; done; }
section os; cat /etc/os-release 2>/dev/null
section pkg; for p in apt-get dnf yum; do if command -v $p >/dev/null 2>&1; then echo $p; break; fi; done
section init; if [ -d /run/systemd/system ]; then echo systemd; else echo sysv; fi
section apache; first "apache2 -v" "httpd -v" "/usr/local/apache/bin/httpd -v"
section php; first "php -r echo(PHP_VERSION);"
section mysql; first "mariadbd --version" "mysqld --version" "mysql --version"
section python; first "python3 --version" "python --version"
"#;

#[derive(Clone, Debug, Serialize)]
pub struct Facts {
    /// os-release ID: `debian`, `ubuntu`, `almalinux`, `rocky`, `cloudlinux`...
    pub os: String,
    pub os_version: String,
    /// `debian` or `rhel` (empty when neither).
    pub os_family: String,
    /// `apt`, `dnf` or `yum` (empty when none is found).
    pub pkg: String,
    /// `systemd`, else `sysv`.
    pub init: String,
    /// `cpanel`, `plesk`, `directadmin` or `none`.
    pub panel: String,
    pub panel_version: Option<String>,
    pub apache: Option<String>,
    pub php: Option<String>,
    pub mysql: Option<String>,
    /// `mariadb` or `mysql` when a server or client is installed.
    pub mysql_flavor: Option<String>,
    pub python: Option<String>,
}

impl Facts {
    pub fn family(&self) -> Option<OsFamily> {
        match self.os_family.as_str() {
            "debian" => Some(OsFamily::Debian),
            "rhel" => Some(OsFamily::Rhel),
            _ => None,
        }
    }

    pub fn panel_name(&self) -> PanelName {
        match self.panel.as_str() {
            "cpanel" => PanelName::Cpanel,
            "plesk" => PanelName::Plesk,
            "directadmin" => PanelName::Directadmin,
            _ => PanelName::None,
        }
    }
}

pub fn gather(t: &dyn Transport) -> Result<Facts, TransportError> {
    let probe = format!("{PROBE}{}", panel::VERSION_PROBE);
    let out = transport::run_ok(t, &Cmd::new("sh").args(["-c", probe.as_str()]))?;
    Ok(parse(&out.stdout_text()))
}

pub fn parse(text: &str) -> Facts {
    let s = sections(text);
    let get = |k: &str| s.get(k).map(String::as_str).unwrap_or("").trim();
    let os = parse_os_release(get("os"));
    let panel = panel::from_probe(|name| get(name).to_string());
    let mysql_line = get("mysql");
    Facts {
        os_family: family(&os.id, &os.like).to_string(),
        os: os.id,
        os_version: os.version,
        pkg: match get("pkg") {
            "apt-get" => "apt".to_string(),
            other => other.to_string(),
        },
        init: get("init").to_string(),
        panel: panel.kind.as_str().to_string(),
        panel_version: panel.version.filter(|_| panel.kind != PanelKind::None),
        apache: version(get("apache")),
        php: version(get("php")),
        mysql: version(mysql_line),
        mysql_flavor: version(mysql_line).map(|_| {
            if mysql_line.to_ascii_lowercase().contains("mariadb") {
                "mariadb".to_string()
            } else {
                "mysql".to_string()
            }
        }),
        python: version(get("python")),
    }
}

fn family(id: &str, like: &str) -> &'static str {
    let words = || std::iter::once(id).chain(like.split_whitespace());
    if words().any(|w| w == "debian" || w == "ubuntu") {
        "debian"
    } else if words().any(|w| {
        matches!(
            w,
            "rhel" | "centos" | "fedora" | "almalinux" | "rocky" | "cloudlinux"
        )
    }) {
        "rhel"
    } else {
        ""
    }
}

/// The first dotted version number in a tool's `--version` line.
fn version(line: &str) -> Option<String> {
    static RE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\d+\.\d+(\.\d+)?").expect("valid regex"));
    RE.find(line).map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_alma_cpanel_host() {
        let f = parse(
            "\n@@os\nID=\"almalinux\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.4\"\n\
             \n@@pkg\ndnf\n\n@@init\nsystemd\n\n@@apache\nServer version: Apache/2.4.62 (cPanel)\n\
             \n@@php\n8.2.20\n\n@@mysql\nmysqld  Ver 10.11.8-MariaDB for Linux on x86_64\n\
             \n@@python\nPython 3.9.18\n\n@@cpanel\n11.122.0.17\n\n@@plesk\n\n@@directadmin\n",
        );
        assert_eq!((f.os.as_str(), f.os_family.as_str()), ("almalinux", "rhel"));
        assert_eq!((f.pkg.as_str(), f.init.as_str()), ("dnf", "systemd"));
        assert_eq!(f.panel, "cpanel");
        assert_eq!(f.apache.as_deref(), Some("2.4.62"));
        assert_eq!(f.php.as_deref(), Some("8.2.20"));
        assert_eq!(f.mysql.as_deref(), Some("10.11.8"));
        assert_eq!(f.mysql_flavor.as_deref(), Some("mariadb"));
        assert_eq!(f.python.as_deref(), Some("3.9.18"));
    }

    #[test]
    fn nothing_installed_means_none() {
        let f =
            parse("\n@@os\nID=debian\nVERSION_ID=\"12\"\n\n@@pkg\napt-get\n\n@@apache\n\n@@php\n");
        assert_eq!((f.os_family.as_str(), f.pkg.as_str()), ("debian", "apt"));
        assert_eq!(f.panel, "none");
        assert!(f.apache.is_none() && f.php.is_none() && f.mysql_flavor.is_none());
    }
}
