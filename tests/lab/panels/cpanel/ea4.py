"""ea4: the cPanel emulator's EasyApache 4 package state, shared by ea_current_to_profile,
ea_install_profile, rebuildhttpdconf and restartsrv (and `install`, which seeds it with
`python3 ea4.py --seed`).

On a real server the installed ea-* packages are in the rpm or dpkg database and the
available ones in cPanel's EA4 repositories. Lab hosts share the machine's dpkg database, so
the lab keeps them apart, per host (/var/cpanel is private to each host):

  /var/cpanel/lab-ea4/installed   installed ea-* packages, one a line, sorted (the state)
  /var/cpanel/lab-ea4/broken      optional, written by tests: packages whose installation
                                  fails (a broken repository mirror, a failed scriptlet)
  REPOSITORY (below)              the packages the EA4 repositories offer, with what each one
                                  requires; at most one Apache MPM can be installed

Installing an ea-phpNN package creates /opt/cpanel/ea-phpNN/root/etc/php.ini (and removing
the last package of that PHP removes /opt/cpanel/ea-phpNN), as the real packages do, so
playbooks that back up or glob PHP's files see them.

The profile format and the tools' behaviour follow cPanel's documentation ("The
ea-cpanel-tools Package's Scripts", WHM API ea4_list_profiles / ea4_save_profile) and the
public ea-cpanel-tools package: see each tool's header.
"""
import json
import os
import re
import shutil
import sys

STATE_DIR = "/var/cpanel/lab-ea4"
INSTALLED = os.path.join(STATE_DIR, "installed")
BROKEN = os.path.join(STATE_DIR, "broken")
PROFILES_DIR = "/etc/cpanel/ea4/profiles"
CUSTOM_DIR = os.path.join(PROFILES_DIR, "custom")
OPT = "/opt/cpanel"
HTTPD_CONF = "/etc/apache2/conf/httpd.conf"

PHP_VERSIONS = ("74", "80", "81", "82", "83", "84")
PHP_EXTENSIONS = ("bcmath", "calendar", "cli", "common", "curl", "devel", "fpm", "gd", "iconv",
                  "imap", "intl", "mbstring", "mysqlnd", "opcache", "pdo", "posix", "soap",
                  "sockets", "xml", "zip")
APACHE_MODULES = ("mod_bwlimited", "mod_cgid", "mod_cpanel", "mod_deflate", "mod_env",
                  "mod_expires", "mod_headers", "mod_http2", "mod_mpm_event", "mod_mpm_prefork",
                  "mod_mpm_worker", "mod_proxy", "mod_proxy_fcgi", "mod_proxy_http",
                  "mod_remoteip", "mod_ruid2", "mod_security2", "mod_ssl", "mod_suexec",
                  "mod_suphp", "mod_unique_id")
MPMS = ("ea-apache24-mod_mpm_event", "ea-apache24-mod_mpm_prefork", "ea-apache24-mod_mpm_worker")


def _repository():
    """Package name -> the packages it requires."""
    repo = {"ea-apache24": ["ea-apache24-config", "ea-apache24-config-runtime"],
            "ea-apache24-config": [], "ea-apache24-config-runtime": [],
            "ea-apache24-tools": ["ea-apache24"], "ea-cpanel-tools": [],
            "ea-profiles-cpanel": [], "ea-documentroot": []}
    for mod in APACHE_MODULES:
        repo[f"ea-apache24-{mod}"] = ["ea-apache24"]
    for v in PHP_VERSIONS:
        base = f"ea-php{v}"
        repo[base] = [f"{base}-runtime"]
        repo[f"{base}-runtime"] = []
        repo[f"{base}-pear"] = [base, f"{base}-php-cli"]
        repo[f"{base}-libc-client"] = []
        for ext in PHP_EXTENSIONS:
            repo[f"{base}-php-{ext}"] = [base] + ([] if ext == "common" else [f"{base}-php-common"])
    return repo


REPOSITORY = _repository()

# What `install` seeds: a typical EasyApache 4 server (MPM event, PHP-FPM, PHP 8.1 and 8.2).
DEFAULT_SET = sorted(
    ["ea-apache24", "ea-apache24-config", "ea-apache24-config-runtime", "ea-apache24-tools",
     "ea-cpanel-tools", "ea-profiles-cpanel", "ea-documentroot"]
    + [f"ea-apache24-{m}" for m in ("mod_bwlimited", "mod_cgid", "mod_cpanel", "mod_deflate",
                                     "mod_expires", "mod_headers", "mod_mpm_event", "mod_proxy",
                                     "mod_proxy_fcgi", "mod_remoteip", "mod_ssl",
                                     "mod_unique_id")]
    + [f"ea-php{v}{p}" for v in ("81", "82")
       for p in ("", "-runtime", "-pear", "-libc-client")
       + tuple(f"-php-{e}" for e in ("bcmath", "calendar", "cli", "common", "curl", "fpm",
                                     "iconv", "mbstring", "mysqlnd", "opcache", "pdo",
                                     "posix", "sockets", "xml", "zip"))])


class Ea4Error(Exception):
    """A failure the tools report on stderr, exiting non-zero."""


def installed():
    try:
        with open(INSTALLED) as f:
            return sorted({line.strip() for line in f if line.strip()})
    except FileNotFoundError:
        return []


def _write_installed(pkgs):
    os.makedirs(STATE_DIR, exist_ok=True)
    with open(INSTALLED + ".tmp", "w") as f:
        f.write("".join(p + "\n" for p in sorted(set(pkgs))))
    os.replace(INSTALLED + ".tmp", INSTALLED)


def _broken():
    try:
        with open(BROKEN) as f:
            return {line.strip() for line in f if line.strip()}
    except FileNotFoundError:
        return set()


def _php_of(pkg):
    """ea-php82-php-cli -> ea-php82 (None for packages that are not PHP's)."""
    parts = pkg.split("-")
    if len(parts) >= 2 and parts[1].startswith("php") and parts[1][3:].isdigit():
        return "-".join(parts[:2])
    return None


def _sync_files(pkgs):
    """The files the PHP packages own: /opt/cpanel/ea-phpNN exists while one is installed."""
    phps = {_php_of(p) for p in pkgs} - {None}
    for php in phps:
        etc = os.path.join(OPT, php, "root", "etc")
        os.makedirs(etc, exist_ok=True)
        ini = os.path.join(etc, "php.ini")
        if not os.path.exists(ini):
            with open(ini, "w") as f:
                f.write(f"; {php} php.ini (hostops lab)\nmemory_limit = 128M\n")
    for name in os.listdir(OPT) if os.path.isdir(OPT) else []:
        if _php_of(name) == name and name not in phps:
            shutil.rmtree(os.path.join(OPT, name))


def seed():
    _write_installed(DEFAULT_SET)
    _sync_files(DEFAULT_SET)


def tags(pkgs):
    """The tags ea_current_to_profile derives from package names, in package order."""
    out = []
    for pkg in pkgs:
        for pattern, fmt in ((r"^(ea)-apache(\d)(\d)$", "Apache {1}.{2} ({0})"),
                             (r"^(ea)-php(\d)(\d)$", "PHP {1}.{2} ({0})"),
                             (r"^(ea)-php(\d)(\d)-opcache$", "PHP {1}.{2} OpCache ({0})"),
                             (r"^(ea)-apache(\d)(\d).mod.(mpm_.*)$", "MPM {1}.{2} {3} ({0})"),
                             (r"^(ea)-apache(\d)(\d).mod.(ruid.*)$", "{3} {1}.{2} ({0})")):
            m = re.match(pattern, pkg)
            if m:
                out.append(fmt.format(*m.groups()))
    return out


def profile_of_current(name):
    pkgs = [p for p in installed() if p != "ea-profiles-cpanel"]
    return {"name": name, "desc": "Auto Generated profile", "version": "1.0", "pkgs": pkgs,
            "tags": tags(pkgs)}


def dump(profile):
    """Cpanel::JSON::pretty_dump: canonical (sorted keys), three-space indent."""
    return json.dumps(profile, indent=3, sort_keys=True, ensure_ascii=False) + "\n"


def load_profile(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, UnicodeDecodeError) as e:
        raise Ea4Error(f"Failed to load JSON data from “{path}”: {e}")
    except json.JSONDecodeError as e:
        raise Ea4Error(f"Failed to load JSON data from “{path}”: {e.msg} at line {e.lineno}, "
                       f"column {e.colno}")
    if not isinstance(data, dict) or not isinstance(data.get("pkgs"), list) \
            or not all(isinstance(p, str) for p in data["pkgs"]):
        raise Ea4Error(f"The profile “{path}” has no “pkgs” list of package names.")
    return data


def resolve(wanted):
    """What installing a profile whose packages are WANTED (all in REPOSITORY) does:
    {install, uninstall, unaffected, upgrade}. Requirements are added; ea-* packages that the
    profile does not keep are uninstalled. Conflicting MPMs are an error."""
    target, todo = set(), list(wanted)
    while todo:
        pkg = todo.pop()
        if pkg not in target:
            target.add(pkg)
            todo.extend(REPOSITORY[pkg])
    target.add("ea-profiles-cpanel")  # not in profiles, never removed by one
    mpms = sorted(target & set(MPMS))
    if len(mpms) > 1:
        raise Ea4Error("The profile cannot be installed: " + " conflicts with ".join(mpms)
                       + " (only one Apache MPM can be installed).")
    have = set(installed())
    return {"install": sorted(target - have), "uninstall": sorted(have - target),
            "unaffected": sorted(have & target), "upgrade": []}


def apply(res):
    """Uninstalls, then installs package by package (as separate package-manager runs, so a
    failure leaves what was done so far). Returns whether anything changed."""
    pkgs = set(installed())
    if res["uninstall"]:
        pkgs -= set(res["uninstall"])
        _write_installed(pkgs)
        _sync_files(pkgs)
    broken = _broken()
    for pkg in res["install"]:
        if pkg in broken:
            raise Ea4Error(f"Error: Transaction failed: installing {pkg}: the package's "
                           "installation script failed (exit status 1).")
        pkgs.add(pkg)
        _write_installed(pkgs)
        _sync_files(pkgs)
    return bool(res["install"] or res["uninstall"])


def main(run):
    """Runs a tool's `run(argv)`; an Ea4Error ends it with its message and exit 1."""
    try:
        sys.exit(run(sys.argv[1:]))
    except Ea4Error as e:
        sys.stdout.flush()
        sys.stderr.write(f"{e}\n")
        sys.exit(1)


if __name__ == "__main__" and sys.argv[1:] == ["--seed"]:
    seed()
