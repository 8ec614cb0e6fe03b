"""labweb: the lab hosts' real web stack, Debian's Apache 2.4 (mpm_event) with PHP-FPM.

Started only by `lab up --web` (`labweb.py start PANEL`, run inside each host after the
panel's install); the panels' own tools write the vhosts and pools in the panel's layout
(cPanel rebuildhttpdconf, Plesk httpdmng, DirectAdmin's rewrite task, panels/none's
lab-add-account) with the helpers below, then call reload().

Lab hosts share the machine's process table, /run and /dev: everything of a host's web
stack lives in its private /etc (the overlay) and /var/log. Apache: ServerRoot /etc/apache2,
PidFile, DefaultRuntimeDir, mutexes and sockets in RUN (/etc/apache2/run), Listen only on
the host's address (LAB_ADDR:80 and :443, a self-signed certificate made per host), driven
through Debian's apache2ctl (which reads the host's /etc/apache2/envvars, whose
APACHE_ARGUMENTS names the panel's main file). PHP-FPM: one master per host
(php-fpm8.x --fpm-config FPM_CONF, pid in RUN), a pool per account running as the
account's user, pm = ondemand (no idle children). Signals go only to the pids in RUN's
pid files, so a host never touches another host's servers. Python 3 stdlib only.
"""
import glob
import grp
import os
import pwd
import subprocess
import sys
import time

RUN = "/etc/apache2/run"
MARK = os.path.join(RUN, "lab-web")  # exists on hosts started with --web
CERT = "/etc/ssl/certs/lab-web.crt"
KEY = "/etc/ssl/private/lab-web.key"
APACHE_PID = os.path.join(RUN, "apache2.pid")
FPM_PID = os.path.join(RUN, "php-fpm.pid")
MODULES = "/usr/lib/apache2/modules"
# Loaded everywhere: what the lab's vhosts and the issues' .htaccess cases need. Debian's
# apache2 has log_config, logio, unixd, version and so compiled in. access_compat is left
# out on purpose, as on a default 2.4 server (2.2 Order/Deny lines then fail).
BASE_MODULES = ("mpm_event", "authz_core", "authz_host", "authz_user", "authn_core", "authn_file",
                "auth_basic", "alias", "dir", "mime", "env", "setenvif", "rewrite", "headers",
                "proxy", "proxy_fcgi", "socache_shmcb", "ssl", "filter", "deflate", "expires",
                "autoindex", "negotiation", "status")


def php_version():
    """The PHP-FPM Debian installed, e.g. "8.2" (the first of /usr/sbin/php-fpm8.*)."""
    found = sorted(glob.glob("/usr/sbin/php-fpm[0-9]*"))
    if not found:
        raise RuntimeError("no PHP-FPM: apt-get install php-fpm (see .ci/deps)")
    return os.path.basename(found[0])[len("php-fpm"):]


def fpm_conf():
    return f"/etc/php/{php_version()}/fpm/php-fpm.conf"


def enabled():
    return os.path.exists(MARK)


def write(path, text, mode=0o644):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.chmod(path + ".tmp", mode)
    os.replace(path + ".tmp", path)


def load_modules(extra=()):
    """LoadModule lines: BASE_MODULES, then EXTRA (module names) Debian has."""
    names = list(BASE_MODULES) + [m for m in extra if m not in BASE_MODULES]
    return [f"LoadModule {m}_module {MODULES}/mod_{m}.so" for m in names
            if os.path.exists(f"{MODULES}/mod_{m}.so")]


def server_base(addr, host, error_log, docroots=("/home",), extra_modules=()):
    """The server-wide part every layout shares: modules, run files, the host's listeners,
    the self-signed certificate, logging formats and the document roots' access rules."""
    lines = load_modules(extra_modules) + [
        f"PidFile {APACHE_PID}",
        f"DefaultRuntimeDir {RUN}",
        "Mutex file:" + RUN + " default",
        "User www-data",
        "Group www-data",
        f"ServerName {host}",
        f"Listen {addr}:80",
        f"Listen {addr}:443 https",
        f"ErrorLog {error_log}",
        "LogLevel warn",
        'LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined',
        "TypesConfig /etc/mime.types",
        "DirectoryIndex index.html index.htm index.php",
        "AccessFileName .htaccess",
        "Timeout 60",
        "KeepAlive On",
        "StartServers 1",
        "ServerLimit 2",
        "ThreadsPerChild 25",
        "MaxRequestWorkers 50",
        "MinSpareThreads 5",
        "MaxSpareThreads 50",
        f"SSLSessionCache shmcb:{RUN}/ssl_scache(512000)",
        f"SSLCertificateFile {CERT}",
        f"SSLCertificateKeyFile {KEY}",
        "<Directory />", "    Options FollowSymLinks", "    AllowOverride None",
        "    Require all denied", "</Directory>",
        '<FilesMatch "^\\.ht">', "    Require all denied", "</FilesMatch>",
        # mod_status for the host itself, as hosting servers keep it (diagnose load reads it)
        "<Location /server-status>", "    SetHandler server-status",
        "    Require ip 127.0.0.0/8", "</Location>",
    ]
    for root in docroots:
        lines += [f'<Directory "{root}">', "    Options -Indexes +SymLinksIfOwnerMatch",
                  "    AllowOverride All", "    Require all granted", "</Directory>"]
    return lines


def php_handler(sock, domain="localhost"):
    """The mod_proxy_fcgi handler the panels put in a vhost: .php files go to the pool."""
    return ["    <IfModule proxy_fcgi_module>",
            "        <FilesMatch \\.(phtml|php[0-9]*)$>",
            f'            SetHandler "proxy:unix:{sock}|fcgi://{domain}"',
            "        </FilesMatch>",
            "    </IfModule>"]


def pool(path, name, user, sock):
    """Writes the PHP-FPM pool NAME at PATH: runs as USER (and its primary group), listens
    on SOCK for www-data."""
    group = grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name
    write(path, "\n".join([
        f"; written by the hostops lab: the PHP-FPM pool of {user}",
        f"[{name}]", f"user = {user}", f"group = {group}", f"listen = {sock}",
        "listen.owner = www-data", "listen.group = www-data", "listen.mode = 0660",
        "pm = ondemand", "pm.max_children = 5", "pm.process_idle_timeout = 10s",
        "catch_workers_output = yes", "php_admin_value[error_log] = /var/log/php-fpm-pools.log",
        ""]))


def pool_files():
    """Every pool the panels wrote on this host (their places differ: see README)."""
    v = php_version()
    pats = [f"/etc/php/{v}/fpm/pool.d/*.conf", "/opt/cpanel/ea-php*/root/etc/php-fpm.d/*.conf",
            "/usr/local/php[0-9]*/etc/php-fpm.d/*.conf"]
    return sorted(p for pat in pats for p in glob.glob(pat))


def write_fpm_conf():
    """The host's PHP-FPM master file, including every pool file by name."""
    lines = ["; written by the hostops lab: this host's PHP-FPM master", "[global]",
             f"pid = {FPM_PID}", "error_log = /var/log/php-fpm.log", "daemonize = yes"]
    lines += [f"include = {p}" for p in pool_files()]
    write(fpm_conf(), "\n".join(lines) + "\n")


def pid_of(pidfile):
    """The pid in PIDFILE if that process runs in this host's mount namespace."""
    try:
        with open(pidfile) as f:
            pid = int(f.read().strip())
        if os.stat(f"/proc/{pid}/ns/mnt").st_ino == os.stat("/proc/self/ns/mnt").st_ino:
            return pid
    except (OSError, ValueError):
        pass
    return None


def quiet(args):
    """Runs ARGS with /dev/null as stdin and no inherited descriptors (the daemons it
    starts must not hold a caller's pipe); returns (status, output)."""
    p = subprocess.run(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True, close_fds=True, cwd="/")
    return p.returncode, p.stdout


def apachectl(*args):
    return quiet(["/usr/sbin/apache2ctl", *args])


def start_fpm():
    write_fpm_conf()
    fpm = f"/usr/sbin/php-fpm{php_version()}"
    status, out = quiet([fpm, "--fpm-config", fpm_conf(), "-t"])
    if status != 0:
        raise RuntimeError(f"php-fpm -t: {out.strip()}")
    status, out = quiet([fpm, "--fpm-config", fpm_conf()])
    if status != 0:
        raise RuntimeError(f"php-fpm did not start: {out.strip()}")


def reload():
    """After a panel changed vhosts or pools: PHP-FPM rereads its pools (USR2 to the host's
    own master), Apache reloads gracefully (a configuration apachectl -t refuses leaves the
    running one serving, as on a real server). Nothing when the host has no web stack.
    Returns apachectl's output when the graceful reload was refused."""
    if not enabled() or not pid_of(APACHE_PID):
        return None
    write_fpm_conf()
    pid = pid_of(FPM_PID)
    if pid:
        os.kill(pid, 12)  # SIGUSR2: reload the configuration
    else:
        start_fpm()
    status, out = apachectl("graceful")
    return None if status == 0 else out.strip()


def ensure_cert(host):
    if os.path.exists(CERT) and os.path.exists(KEY):
        return
    os.makedirs(os.path.dirname(KEY), exist_ok=True)
    status, out = quiet(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                         "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650", "-subj",
                         f"/CN={host}", "-keyout", KEY, "-out", CERT])
    if status != 0:
        raise RuntimeError(f"openssl: {out.strip()}")
    os.chmod(KEY, 0o600)


def write_envvars(main_file):
    """The host's /etc/apache2/envvars, read by Debian's apache2ctl: run files in RUN and
    the panel's main configuration file (-f) when it is not Debian's apache2.conf."""
    lines = ["# written by the hostops lab: this host's Apache", "unset HOME",
             "export APACHE_RUN_USER=www-data", "export APACHE_RUN_GROUP=www-data",
             f"export APACHE_PID_FILE={APACHE_PID}", f"export APACHE_RUN_DIR={RUN}",
             f"export APACHE_LOCK_DIR={RUN}", "export APACHE_LOG_DIR=/var/log/apache2",
             "export LANG=C"]
    if main_file:
        lines.append(f'export APACHE_ARGUMENTS="-f {main_file}"')
    write("/etc/apache2/envvars", "\n".join(lines) + "\n")


def debian_main(addr, host, docroots, includes):
    """Debian's layout (panels none and plesk): /etc/apache2/apache2.conf including
    mods-enabled, ports.conf, conf-enabled and sites-enabled, all written here (the
    machine's /etc/apache2 may hold only what its packages left)."""
    base = server_base(addr, host, "/var/log/apache2/error.log", docroots)
    mods = [l for l in base if l.startswith("LoadModule")]
    ports = [l for l in base if l.startswith("Listen")]
    rest = [l for l in base if l not in mods and l not in ports]
    for d in ("mods-enabled", "conf-enabled", "sites-enabled", "sites-available"):
        os.makedirs(f"/etc/apache2/{d}", exist_ok=True)
    for old in glob.glob("/etc/apache2/mods-enabled/*") + glob.glob("/etc/apache2/conf-enabled/*"):
        os.unlink(old)
    for old in glob.glob("/etc/apache2/sites-enabled/000-default.conf"):
        os.unlink(old)
    write("/etc/apache2/mods-enabled/lab.load", "\n".join(mods) + "\n")
    write("/etc/apache2/ports.conf", "\n".join(ports) + "\n")
    write("/etc/apache2/apache2.conf", "\n".join(
        ["# written by the hostops lab in Debian's layout", "DefaultRuntimeDir ${APACHE_RUN_DIR}",
         "IncludeOptional mods-enabled/*.load", "IncludeOptional mods-enabled/*.conf",
         "Include ports.conf"] + [l for l in rest if not l.startswith("DefaultRuntimeDir")]
        + ["IncludeOptional conf-enabled/*.conf"] + list(includes)
        + ["IncludeOptional sites-enabled/*.conf"]) + "\n")


def start(panel, addr, host):
    """Sets up and starts the host's web stack in PANEL's layout (called once, by up)."""
    os.makedirs(RUN, mode=0o755, exist_ok=True)
    os.makedirs("/var/log/apache2", exist_ok=True)
    ensure_cert(host)
    # Debian's default pool listens in the machine's /run/php: not ours.
    for www in glob.glob(f"/etc/php/{php_version()}/fpm/pool.d/www.conf"):
        os.unlink(www)
    pool(f"/etc/php/{php_version()}/fpm/pool.d/lab.conf", "lab", "www-data",
         os.path.join(RUN, "php-fpm-lab.sock"))
    open(MARK, "w").close()
    here = os.path.dirname(os.path.realpath(__file__))
    status, out = quiet([os.path.join(here, "..", panel, "web-layout")])
    if status != 0:
        raise RuntimeError(f"{panel} web layout: {out.strip()}")
    start_fpm()
    status, out = apachectl("start")
    if status != 0:
        raise RuntimeError(f"apache2ctl start: {out.strip()}")
    for _ in range(200):
        if pid_of(APACHE_PID):
            return
        time.sleep(0.02)
    raise RuntimeError("apache2 wrote no pid file in " + RUN)


if __name__ == "__main__":
    if sys.argv[1:2] != ["start"] or len(sys.argv) != 5:
        sys.exit("usage: labweb.py start PANEL ADDR HOST")
    try:
        start(*sys.argv[2:])
    except (OSError, RuntimeError) as e:
        sys.exit(f"labweb: {e}")
    print(f"apache2 and php-fpm{php_version()}: listening on {sys.argv[3]}:80 and :443")
