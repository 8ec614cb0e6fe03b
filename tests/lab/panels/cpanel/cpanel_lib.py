"""cpanel_lib: the cPanel emulator's account model, shared by its tools (whmapi1, pkgacct,
restorepkg) and the lab's add-account / make-backup / set-version for cPanel hosts.

Follows /work/shared/docs/reference/cpanel.md and cPanel's public documentation:
  /usr/local/cpanel/version            4-part version, e.g. 11.122.0.17
  /var/cpanel/users/USER               KEY=VALUE (USER, DNS, DNS1.., IP, OWNER, PLAN, STARTDATE, CONTACTEMAIL, ...)
  /var/cpanel/userdata/USER/main       YAML (main_domain, addon_domains, parked_domains, sub_domains)
  /var/cpanel/userdata/USER/DOMAIN     YAML (documentroot, homedir, ip, servername, serveralias, user, ...)
  /var/cpanel/databases/USER.json      database map (MYSQL dbs and dbusers of the account)
  /etc/userdatadomains                 "DOMAIN: USER==OWNER==main==MAINDOMAIN==DOCROOT==IP:80==IP:443==0"
  /etc/trueuserdomains, /etc/userdomains ("DOMAIN: USER"), /etc/trueuserowners ("USER: OWNER")
  /var/named/DOMAIN.db                 the zone
  /home/USER                           home: public_html/, mail/DOMAIN/BOX/{cur,new,tmp}, etc/DOMAIN/{passwd,shadow,quota}
#   /etc/proftpd/USER                    FTP logins (LOGIN:HASH:UID:GID:OWNER:HOME:SHELL)
  /var/spool/cron/USER                 crontab (RHEL-style, as on cPanel servers)
  MariaDB: databases USER_NAME, MySQL user USER (the account's) with grants on them.
"""
import datetime
import grp
import itertools
import json
import os
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import labpanel as lp  # noqa: E402

VERSION_FILE = "/usr/local/cpanel/version"
DEFAULT_VERSION = "11.122.0.17"
USERS_DIR = "/var/cpanel/users"
USERDATA_DIR = "/var/cpanel/userdata"
DBMAP_DIR = "/var/cpanel/databases"
NAMED_DIR = "/var/named"
CRON_DIR = "/var/spool/cron"
FTP_DIR = "/etc/proftpd"
# root's WHM API tokens (cPanel keeps them hashed here): {name: {sha256, create_time, expires_at}}
API_TOKENS = "/var/cpanel/authn/api_tokens_v2/whostmgr/root.json"
PKGACCT_VERSION = 10
ARCHIVE_VERSION = 4

# Names cPanel refuses for accounts (a subset of Cpanel::Validate::Username's list).
RESERVED = {
    "all", "admin", "apache", "bin", "cpanel", "cpses", "daemon", "dovecot", "exim", "ftp",
    "games", "halt", "lp", "mail", "mailman", "mysql", "named", "news", "nobody", "operator",
    "postgres", "proftpd", "root", "shutdown", "sshd", "sync", "system", "tomcat", "toor",
    "uucp", "virtfs", "www", "lab", "backup", "sys", "proxy", "nogroup",
}


# --- version -----------------------------------------------------------------------------

def normalize_version(v):
    """122.0.17 or 11.122.0.17 -> 11.122.0.17."""
    parts = v.strip().split(".")
    if len(parts) == 3:
        parts = ["11"] + parts
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        raise ValueError(f"'{v}' is not a cPanel version (like 122.0.17 or 11.122.0.17)")
    return ".".join(str(int(p)) for p in parts)


def read_version():
    try:
        with open(VERSION_FILE) as f:
            return f.read().strip() or DEFAULT_VERSION
    except FileNotFoundError:
        return DEFAULT_VERSION


def write_version(v):
    v = normalize_version(v)
    os.makedirs(os.path.dirname(VERSION_FILE), exist_ok=True)
    with open(VERSION_FILE, "w") as f:
        f.write(v + "\n")
    return v


# --- names ---------------------------------------------------------------------------------

def username_problem(user, for_transfer=False):
    """None if USER is a valid cPanel username, else why not (Cpanel::Validate::Username:
    lowercase letters and digits, starting with a letter, at most 16 characters, not
    starting with "test", not a reserved name)."""
    if not user:
        return "The username cannot be empty."
    if len(user) > 16:
        return f"The username “{user}” is too long: it may have at most 16 characters."
    if not re.fullmatch(r"[a-z][a-z0-9]*", user):
        return (f"The username “{user}” is invalid: usernames may contain only lowercase letters"
                " (a-z) and digits (0-9), and must begin with a letter.")
    if user.startswith("test") and not for_transfer:
        return f"The username “{user}” is invalid: usernames cannot begin with “test”."
    if user in RESERVED:
        return f"The username “{user}” is reserved."
    return None


def account_exists(user):
    return os.path.isfile(os.path.join(USERS_DIR, user))


def list_users():
    try:
        return sorted(n for n in os.listdir(USERS_DIR) if not n.startswith("."))
    except FileNotFoundError:
        return []


# --- cpuser file -------------------------------------------------------------------------

def read_cpuser(user):
    return lp.parse_kv_file(os.path.join(USERS_DIR, user))


def write_cpuser(user, data):
    os.makedirs(USERS_DIR, exist_ok=True)
    path = os.path.join(USERS_DIR, user)
    with open(path + ".tmp", "w") as f:
        f.write("# cPanel -- If you edit this file directly you must run /usr/local/cpanel/scripts/updateuserdomains\n")
        for k in sorted(data):
            f.write(f"{k}={data[k]}\n")
    os.chmod(path + ".tmp", 0o600)
    os.replace(path + ".tmp", path)


def domains_of(cpuser):
    doms = [cpuser.get("DNS", "")]
    i = 1
    while f"DNS{i}" in cpuser:
        doms.append(cpuser[f"DNS{i}"])
        i += 1
    return [d for d in doms if d]


# --- simple YAML (as cPanel writes userdata files and whmapi1 prints) --------------------

def _yaml_scalar(v):
    if v is None:
        return "~"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, (int, float)):
        return str(v)
    s = str(v)
    if s == "" or re.search(r"[:#\[\]{},&*!|>'\"%@`]|^[-?\s]|\s$|^(~|null|true|false|yes|no)$", s, re.I) \
            or re.fullmatch(r"[-+]?\d+(\.\d+)?([eE][-+]?\d+)?", s):
        return "'" + s.replace("'", "''") + "'"
    return s


def yaml_dump(obj):
    lines = ["---"]

    def emit(o, indent):
        pad = "  " * indent
        if isinstance(o, dict):
            for k in sorted(o):
                v = o[k]
                if isinstance(v, dict) and v:
                    lines.append(f"{pad}{k}:")
                    emit(v, indent + 1)
                elif isinstance(v, list) and v:
                    lines.append(f"{pad}{k}:")
                    emit(v, indent + 1)
                elif isinstance(v, dict):
                    lines.append(f"{pad}{k}: {{}}")
                elif isinstance(v, list):
                    lines.append(f"{pad}{k}: []")
                else:
                    lines.append(f"{pad}{k}: {_yaml_scalar(v)}")
        elif isinstance(o, list):
            for v in o:
                if isinstance(v, (dict, list)) and v:
                    lines.append(f"{pad}-")
                    emit(v, indent + 1)
                else:
                    lines.append(f"{pad}- {_yaml_scalar(v)}")
    emit(obj, 0)
    return "\n".join(lines) + "\n"


def write_yaml(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(yaml_dump(obj))


def read_simple_yaml(path):
    """Reads the flat YAML files this emulator writes (top-level scalars and lists)."""
    out, key = {}, None
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line == "---" or not line.strip():
                continue
            m = re.match(r"^(\w[\w-]*):\s?(.*)$", line)
            if m:
                key, val = m.group(1), m.group(2)
                if val == "[]":
                    out[key] = []
                elif val == "{}":
                    out[key] = {}
                elif val == "":
                    out[key] = []
                else:
                    out[key] = val.strip("'")
            elif line.lstrip().startswith("- ") and key:
                out.setdefault(key, [])
                if isinstance(out[key], list):
                    out[key].append(line.lstrip()[2:].strip("'"))
    return out


# --- the API command lines (whmapi1, uapi) -------------------------------------------------

API_FORMATS = ("json", "jsonpretty", "yaml", "xml")


def to_xml(obj, name="result"):
    from xml.sax.saxutils import escape
    if isinstance(obj, dict):
        return f"<{name}>" + "".join(to_xml(v, k) for k, v in obj.items()) + f"</{name}>"
    if isinstance(obj, list):
        return "".join(to_xml(v, name) for v in obj)
    return f"<{name}>{escape('' if obj is None else str(obj))}</{name}>"


def parse_api_args(prog, argv, usage, options=()):
    """whmapi1's and uapi's arguments: [--output=F] [--OPTION=V for OPTION in OPTIONS] then
    FUNCTION... key=value... Returns (format, {option: value}, words, params) or None after
    printing USAGE (or the bad argument) on stderr."""
    fmt, opts, rest = "yaml", {}, []
    i = 0
    while i < len(argv):
        a = argv[i]
        name, eq, value = a.partition("=")
        if name == "--output" or name.lstrip("-") in options and name.startswith("--"):
            if not eq and i + 1 < len(argv):
                i += 1
                value = argv[i]
            if name == "--output":
                fmt = value
            else:
                opts[name.lstrip("-")] = value
        else:
            rest.append(a)
        i += 1
    words = list(itertools.takewhile(lambda w: "=" not in w, rest))
    if fmt not in API_FORMATS or not words or words[0].startswith("-"):
        sys.stderr.write(usage + "\n")
        return None
    params = {}
    for p in rest[len(words):]:
        k, eq, v = p.partition("=")
        if not eq:
            sys.stderr.write(f"{prog}: “{p}” is not a key=value argument.\n")
            return None
        params[k] = v
    return fmt, opts, words, params


def print_api(result, fmt):
    if fmt == "json":
        sys.stdout.write(json.dumps(result, separators=(",", ":"), sort_keys=True, ensure_ascii=False) + "\n")
    elif fmt == "jsonpretty":
        sys.stdout.write(json.dumps(result, indent=3, sort_keys=True, ensure_ascii=False) + "\n")
    elif fmt == "xml":
        sys.stdout.write(to_xml(result) + "\n")
    else:
        sys.stdout.write(yaml_dump(result))


# --- the domain files in /etc ------------------------------------------------------------

def _rewrite_lines(path, keep, add):
    lines = []
    try:
        with open(path) as f:
            lines = [l for l in f.read().splitlines() if l and keep(l)]
    except FileNotFoundError:
        pass
    lines += add
    with open(path + ".tmp", "w") as f:
        f.write("".join(l + "\n" for l in lines))
    os.replace(path + ".tmp", path)


def register_domains(user, owner, domain, docroot, ip, remove_only=False):
    """Updates /etc/userdatadomains, /etc/trueuserdomains, /etc/userdomains, /etc/trueuserowners."""
    def not_mine(l):
        return not re.match(rf"^[^:]+: {re.escape(user)}(==|$)", l)
    _rewrite_lines("/etc/userdatadomains", not_mine, [] if remove_only else
                   [f"{domain}: {user}=={owner}==main=={domain}=={docroot}=={ip}:80=={ip}:443==0"])
    _rewrite_lines("/etc/trueuserdomains", not_mine, [] if remove_only else [f"{domain}: {user}"])
    _rewrite_lines("/etc/userdomains", not_mine, [] if remove_only else [f"{domain}: {user}"])
    _rewrite_lines("/etc/trueuserowners", lambda l: not l.startswith(f"{user}: "),
                   [] if remove_only else [f"{user}: {owner}"])


def write_userdata(user, domain, home, ip):
    write_yaml(os.path.join(USERDATA_DIR, user, "main"), {
        "main_domain": domain, "addon_domains": {}, "parked_domains": [], "sub_domains": [],
        "cp_php_magic_include_path.conf": 0,
    })
    write_yaml(os.path.join(USERDATA_DIR, user, domain), {
        "documentroot": f"{home}/public_html", "group": user, "homedir": home, "ip": ip,
        "owner": "root", "phpopenbasedirprotect": 1, "port": 80, "serveradmin": f"webmaster@{domain}",
        "serveralias": f"mail.{domain} www.{domain}", "servername": domain, "usecanonicalname": "Off",
        "user": user, "hascgi": 1,
    })


def add_extra_domain(user, main, domain, kind, home, ip):
    """Adds an addon, parked or sub domain to USER as cPanel lists it in /etc/userdatadomains
    (`DOMAIN: USER==OWNER==TYPE==PARENT==DOCROOT==IP:80==IP:443====0==`, as a real server
    prints it: see tests/fixtures/real/cpanel-userdatadomains.txt) and /etc/userdomains, with
    a userdata file for addon and sub domains. An addon domain sits on its own subdomain
    ADDON.MAIN (a `sub` line too, the addon's PARENT). Returns the document root."""
    owner = (read_cpuser(user) or {}).get("OWNER", "root")
    if kind == "addon":
        docroot = f"{home}/{domain}"
    elif kind == "sub":
        docroot = f"{home}/public_html/{domain[:-len(main) - 1]}"
    else:
        docroot = f"{home}/public_html"
    lines = []
    parent = main
    if kind == "addon":
        parent = f"{domain}.{main}"
        lines.append((parent, f"{parent}: {user}=={owner}==sub=={main}=={docroot}=={ip}:80=={ip}:443====0=="))
    lines.append((domain, f"{domain}: {user}=={owner}=={kind}=={parent}=={docroot}=={ip}:80=={ip}:443====0=="))
    for name, line in lines:
        _rewrite_lines("/etc/userdatadomains", lambda l, n=name: not l.startswith(f"{n}: "), [line])
        _rewrite_lines("/etc/userdomains", lambda l, n=name: not l.startswith(f"{n}: "), [f"{name}: {user}"])
        if kind != "parked":
            write_yaml(os.path.join(USERDATA_DIR, user, name), {
                "documentroot": docroot, "group": user, "homedir": home, "ip": ip, "owner": owner,
                "port": 80, "serveradmin": f"webmaster@{name}", "serveralias": f"www.{name}",
                "servername": name, "user": user,
            })
    os.makedirs(docroot, exist_ok=True)
    return docroot


# --- database map ----------------------------------------------------------------------

def read_dbmap(user):
    try:
        with open(os.path.join(DBMAP_DIR, f"{user}.json")) as f:
            return json.load(f)
    except (FileNotFoundError, ValueError):
        return {"MYSQL": {"dbs": {}, "dbusers": {}, "owner": user, "server": "localhost"}, "PGSQL": {}}


def write_dbmap(user, m):
    os.makedirs(DBMAP_DIR, exist_ok=True)
    with open(os.path.join(DBMAP_DIR, f"{user}.json"), "w") as f:
        json.dump(m, f, indent=2, sort_keys=True)


def account_databases(user):
    dbs = set(read_dbmap(user)["MYSQL"]["dbs"])
    dbs |= set(lp.databases_like(f"{user}_"))
    return sorted(d for d in dbs if lp.db_exists(d))


def db_owner(db):
    for u in list_users():
        if db in read_dbmap(u)["MYSQL"]["dbs"]:
            return u
    return None


def add_db_to_map(user, db, dbusers=()):
    m = read_dbmap(user)
    m["MYSQL"]["dbs"][db] = "localhost"
    for du in dbusers:
        m["MYSQL"]["dbusers"].setdefault(du, {"dbs": []})
        if db not in m["MYSQL"]["dbusers"][du]["dbs"]:
            m["MYSQL"]["dbusers"][du]["dbs"].append(db)
    write_dbmap(user, m)


# --- accounts --------------------------------------------------------------------------

def host_ip():
    return os.environ.get("LAB_ADDR") or read_main_ip()


def read_main_ip():
    try:
        with open("/var/cpanel/mainip") as f:
            return f.read().strip()
    except FileNotFoundError:
        return "127.0.0.1"


def web_group(pw):
    """public_html is USER:nobody 0750 on cPanel: the group Apache runs as (the lab's Debian
    Apache: www-data) may read it, nobody else."""
    try:
        os.chown(os.path.join(pw.pw_dir, "public_html"), pw.pw_uid, grp.getgrnam("www-data").gr_gid)
    except (KeyError, FileNotFoundError):
        pass


def create_account(user, domain, ip=None, owner="root", plan="default", contact=None,
                   startdate=None, extra=None):
    """Creates the system user, home skeleton, cpuser file, userdata, domain files, zone
    and the account's MySQL user. Returns the passwd entry."""
    ip = ip or read_main_ip()
    home = f"/home/{user}"
    pw = lp.system_user(user) or lp.create_system_user(user, home)
    for d in ("public_html", "mail", "etc", "logs", "tmp", ".cpanel"):
        os.makedirs(os.path.join(home, d), exist_ok=True)
        os.chown(os.path.join(home, d), pw.pw_uid, pw.pw_gid)
    os.chmod(os.path.join(home, "public_html"), 0o750)
    web_group(pw)
    data = {
        "BWLIMIT": "unlimited", "CONTACTEMAIL": contact or f"{user}@{domain}", "DNS": domain,
        "FEATURELIST": "default", "HASCGI": "1", "IP": ip, "LANG": "en", "LOCALE": "en",
        "MAXADDON": "unlimited", "MAXFTP": "unlimited", "MAXLST": "unlimited", "MAXPARK": "unlimited",
        "MAXPOP": "unlimited", "MAXSQL": "unlimited", "MAXSUB": "unlimited", "MXCHECK-" + domain: "0",
        "OWNER": owner, "PLAN": plan, "RS": "jupiter", "STARTDATE": str(startdate or int(time.time())),
        "USER": user, "UTF8MAILBOX": "1",
    }
    data.update(extra or {})
    data["IP"] = ip
    write_cpuser(user, data)
    write_userdata(user, domain, home, ip)
    register_domains(user, owner, domain, f"{home}/public_html", ip)
    if not os.path.exists(os.path.join(NAMED_DIR, f"{domain}.db")):
        lp.write_zone(os.path.join(NAMED_DIR, f"{domain}.db"), domain, ip)
    if not lp.db_user_exists(user):
        lp.sql(f"CREATE USER {lp.literal(user)}@'localhost' IDENTIFIED BY {lp.literal(lp.random_password())}")
    m = read_dbmap(user)
    write_dbmap(user, m)
    return pw


def add_mailbox(user, domain, box, pw, password, messages=3, quota=0):
    """BOX@DOMAIN with MESSAGES messages, PASSWORD's real hash in ~/etc/DOMAIN/shadow and its
    QUOTA in bytes (0: unlimited) in ~/etc/DOMAIN/quota."""
    home = pw.pw_dir
    maildir = os.path.join(home, "mail", domain, box)
    lp.make_maildir(maildir)
    for i in range(messages):
        lp.deliver(maildir, f"sender{i}@example.net", f"{box}@{domain}", f"Test message {i + 1} for {box}",
                   f"Hello {box}, this is message {i + 1}.\n", seen=(i % 2 == 1))
    etc = os.path.join(home, "etc", domain)
    os.makedirs(etc, exist_ok=True)
    for name, line in (("passwd", f"{box}:x:{pw.pw_uid}:{pw.pw_gid}::{home}/mail/{domain}/{box}:{home}"),
                       ("shadow", f"{box}:{lp.password_hash(password)}:{int(time.time() // 86400)}::::::"),
                       ("quota", f"{box}:{quota}")):
        with open(os.path.join(etc, name), "a") as f:
            f.write(line + "\n")
    lp.chown_tree(os.path.join(home, "mail"), pw.pw_uid, pw.pw_gid)
    lp.chown_tree(os.path.join(home, "etc"), pw.pw_uid, pw.pw_gid)


def add_forwarder(domain, box, target):
    """BOX@DOMAIN forwarded to TARGET: `BOX@DOMAIN: TARGET` in /etc/valiases/DOMAIN."""
    os.makedirs("/etc/valiases", exist_ok=True)
    with open(f"/etc/valiases/{domain}", "a") as f:
        f.write(f"{box}@{domain}: {target}\n")


def set_ftp_account(user, pw, password):
    """The account's own FTP login in /etc/proftpd/USER (LOGIN:HASH:UID:GID:OWNER:HOME:SHELL,
    the file cPanel's proftpd and pure-ftpd read), with PASSWORD's real hash."""
    os.makedirs(FTP_DIR, exist_ok=True)
    path = os.path.join(FTP_DIR, user)
    keep = []
    if os.path.exists(path):
        with open(path) as f:
            keep = [line for line in f if line.split(":", 1)[0] != user]
    with open(path, "w") as f:
        f.write(f"{user}:{lp.password_hash(password)}:{pw.pw_uid}:{pw.pw_gid}:{user}:{pw.pw_dir}:/bin/ftpsh\n")
        f.writelines(keep)
    os.chmod(path, 0o640)


def account_summary(user):
    """The fields whmapi1 listaccts / accountsummary give for USER."""
    cp = read_cpuser(user) or {}
    pw = lp.system_user(user)
    home = pw.pw_dir if pw else f"/home/{user}"
    used_mb = int(round(lp.tree_size(home) / 1048576)) if os.path.isdir(home) else 0
    start = int(cp.get("STARTDATE", "0") or 0)
    suspended = os.path.exists(f"/var/cpanel/suspended/{user}")
    return {
        "backup": 1, "child_nodes": [], "disklimit": "unlimited", "diskused": f"{used_mb}M",
        "domain": cp.get("DNS", ""), "email": cp.get("CONTACTEMAIL", ""), "has_backup": 0,
        "inodeslimit": "unlimited", "inodesused": lp.count_files(home) if os.path.isdir(home) else 0,
        "ip": cp.get("IP", ""), "ipv6": [], "is_locked": 0, "legacy_backup": 0,
        "mailbox_format": "maildir", "max_defer_fail_percentage": "unlimited",
        "max_email_per_hour": "unlimited", "max_emailacct_quota": "unlimited",
        "maxaddons": cp.get("MAXADDON", "unlimited"), "maxftp": cp.get("MAXFTP", "unlimited"),
        "maxlst": cp.get("MAXLST", "unlimited"), "maxparked": cp.get("MAXPARK", "unlimited"),
        "maxpop": cp.get("MAXPOP", "unlimited"), "maxsql": cp.get("MAXSQL", "unlimited"),
        "maxsub": cp.get("MAXSUB", "unlimited"), "min_defer_fail_to_trigger_protection": 5,
        "outgoing_mail_hold": 0, "outgoing_mail_suspended": 0, "owner": cp.get("OWNER", "root"),
        "partition": "home", "plan": cp.get("PLAN", "default"), "shell": pw.pw_shell if pw else "/bin/bash",
        "startdate": time.strftime("%y %b %d %H:%M", time.localtime(start)),
        "suspended": 1 if suspended else 0, "suspendreason": "not suspended" if not suspended else "suspended",
        "suspendtime": 0, "temporary": 0, "theme": cp.get("RS", "jupiter"),
        "uid": pw.pw_uid if pw else 0, "unix_startdate": start, "user": user, "uuid": "",
    }


# --- pkgacct: the cpmove archive ---------------------------------------------------------

class Out:
    """pkgacct/restorepkg style output: lines prefixed with a timestamp."""

    def __init__(self, stream=sys.stdout):
        self.s = stream

    def line(self, text=""):
        self.s.write(f"{lp.now_stamp()} {text}\n")
        self.s.flush()

    def part(self, text):
        self.s.write(f"{lp.now_stamp()} {text}")
        self.s.flush()

    def done(self):
        self.s.write(f"{lp.now_stamp()} Done\n")
        self.s.flush()


def mysql_version():
    rows = lp.sql("SELECT VERSION()")
    v = rows[0][0] if rows else "10.11"
    return ".".join(v.split("-")[0].split(".")[:2])


def build_archive(user, target_dir, out, top_name=None, archive_path=None, skiphomedir=False,
                  skipmysql=False, skipmail=False, skipdnszones=False, dbbackup="all",
                  compress=True):
    """Writes the account's archive in TARGET_DIR (cpmove-USER.tar.gz by default, or
    ARCHIVE_PATH with top directory TOP_NAME, as /backup uses) and prints pkgacct's lines.
    Returns the archive path; raises on failure."""
    cp = read_cpuser(user)
    pw = lp.system_user(user)
    if cp is None or pw is None:
        raise LookupError(user)
    top_name = top_name or f"cpmove-{user}"
    ext = ".tar.gz" if compress else ".tar"
    archive_path = archive_path or os.path.join(target_dir, f"{top_name}{ext}")
    work = os.path.join(target_dir, top_name)
    domains = domains_of(cp)
    dbs = [] if skipmysql else account_databases(user)
    homedir = 0 if skiphomedir else 1
    out.line("pkgacct started.")
    out.line(f"pkgacct version {PKGACCT_VERSION} - user : {user} - tarball: 1 - target mysql : "
             f"{mysql_version()} - split: 0 - incremental: 0 - homedir: {homedir} - mysql: "
             f"{0 if skipmysql else 1} - compressed: {1 if compress else 0} - archive version: {ARCHIVE_VERSION}"
             f" - running with uid 0")
    out.line(f"pkgacct using 'gzip' to compress archives")
    shutil.rmtree(work, ignore_errors=True)
    try:
        for d in ("cp", "userdata", "meta", "ips", "cron", "dnszones", "domainkeys/public", "domainkeys/private",
                  "va", "vad", "vf", "mysql", "ssl", "sslcerts", "sslkeys", "apache_tls", "httpfiles",
                  "logs", "bandwidth", "counters", "suspended", "suspendinfo", "resellerconfig",
                  "resellerpackages", "resellerfeatures", "mm", "mma/pub", "mma/priv", "psql", "locale"):
            os.makedirs(os.path.join(work, d), exist_ok=True)
        out.line(f"pkgacct working dir : {work}")
        out.part("Copying Reseller Config...")
        out.done()
        out.part("Copying Suspension Info (if needed)...")
        out.done()
        out.part("Copying installed SSL certificates and keys...")
        out.done()
        out.part("Copying Domain Keys....")
        out.done()
        out.part("Copying Bandwidth Data....")
        out.done()
        out.part("Copying Dns Zones......." + "".join(f".{d}..." for d in domains))
        if not skipdnszones:
            for d in domains:
                z = os.path.join(NAMED_DIR, f"{d}.db")
                if os.path.exists(z):
                    shutil.copy2(z, os.path.join(work, "dnszones", f"{d}.db"))
        out.done()
        out.part("Copying Mail files....")
        for d in domains:
            for sub, content in (("va", f"*: {user}\n"), ("vf", "")):
                with open(os.path.join(work, sub, d), "w") as f:
                    f.write(content)
        out.done()
        out.part("Copying proftpd file....")
        out.done()
        out.part("Copy userdata...")
        ud = os.path.join(USERDATA_DIR, user)
        if os.path.isdir(ud):
            lp.copytree(ud, os.path.join(work, "userdata"))
        out.done()
        with open(os.path.join(work, "meta", "homedir_paths"), "w") as f:
            f.write(pw.pw_dir + "\n")
        with open(os.path.join(work, "meta", "mailserver"), "w") as f:
            f.write("dovecot\n")
        with open(os.path.join(work, "ips", "related_ips"), "w") as f:
            f.write("")
        if not skiphomedir:
            out.line("Copying homedir.............")
            dst = os.path.join(work, "homedir")
            ignore = shutil.ignore_patterns("mail") if skipmail else None
            shutil.copytree(pw.pw_dir, dst, symlinks=True, ignore=ignore)
            out.done()
        if not skipmysql:
            out.line("Performing “Mysql” component....")
            out.line("Determining mysql dbs...")
            out.part(f"...mysqldump version: {mysql_version()}...")
            out.s.write(f"{lp.now_stamp()} ...mysql version: {mysql_version()}...")
            out.s.write(f"{lp.now_stamp()} Saving mysql privs...")
            grants = []
            dbusers = [r[0] for r in lp.sql(
                f"SELECT DISTINCT User FROM mysql.user WHERE User={lp.literal(user)} "
                f"OR User LIKE {lp.literal(user.replace('_', chr(92) + '_') + chr(92) + '_%')}")]
            for du in dbusers:
                grants += [g + ";" for g in lp.user_grants(du)]
            with open(os.path.join(work, "mysql.sql"), "w") as f:
                f.write("\n".join(grants) + ("\n" if grants else ""))
            out.done()
            out.line("...Done")
            out.line("Storing mysql dbs............")
            for db in dbs:
                out.s.write(f"{db}.........\n")
                create = lp.sql(f"SHOW CREATE DATABASE {lp.ident(db)}")
                with open(os.path.join(work, "mysql", f"{db}.create"), "w") as f:
                    f.write((create[0][1] if create else f"CREATE DATABASE {lp.ident(db)}") + ";\n")
                path = os.path.join(work, "mysql", f"{db}.sql")
                if dbbackup == "name":
                    open(path, "w").close()
                    size = 0
                elif dbbackup == "schema":
                    with open(path, "wb") as f:
                        import subprocess
                        subprocess.run(["mysqldump", "--no-data", db], stdout=f, check=True)
                    size = os.path.getsize(path)
                else:
                    size = lp.mysqldump(db, path)
                out.line(f"({size} bytes) ")
            out.line("...Done")
            out.line("Completed “Mysql” component.")
        out.part("Copying cpuser file.......")
        shutil.copy2(os.path.join(USERS_DIR, user), os.path.join(work, "cp", user))
        out.done()
        out.part("Copying crontab file.......")
        cron = os.path.join(CRON_DIR, user)
        if os.path.exists(cron):
            shutil.copy2(cron, os.path.join(work, "cron", user))
        out.done()
        out.line("Storing Subdomains....")
        out.done()
        out.line("Storing Parked Domains....")
        out.done()
        out.line("Storing Addon Domains....")
        out.part("Copying shell.......")
        with open(os.path.join(work, "shell"), "w") as f:
            f.write(pw.pw_shell + "\n")
        out.done()
        sp = lp.run(["getent", "shadow", user], check=False)[1].split(":")
        with open(os.path.join(work, "shadow"), "w") as f:
            f.write((sp[1] if len(sp) > 1 else "!") + "\n")
        with open(os.path.join(work, "version"), "w") as f:
            f.write(f"pkgacct version: {PKGACCT_VERSION}\narchive version: {ARCHIVE_VERSION}\n")
        for name in ("quota", "addons", "pds", "sds", "sds2", "nobodyfiles"):
            with open(os.path.join(work, name), "w") as f:
                f.write("0\n" if name == "quota" else "")
        out.line("Creating Archive ........................")
        tmp = archive_path + ".tmp"
        status, _, err = lp.run(["tar", "-C", os.path.dirname(work), "-c", "-f", tmp]
                                + (["-z"] if compress else []) + ["--", top_name], check=False)
        if status != 0:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise OSError(f"tar failed: {err.strip()}")
        os.replace(tmp, archive_path)
        os.chmod(archive_path, 0o600)
        out.done()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    md5 = lp.run(["md5sum", archive_path])[1].split()[0]
    out.line(f"pkgacctfile is: {archive_path}")
    out.line(f"md5sum is: {md5}")
    out.line()
    out.line(f"size is: {os.path.getsize(archive_path)}")
    out.line()
    out.line(f"homesize is: {lp.tree_size(pw.pw_dir)}")
    out.line()
    out.line(f"homefiles is: {lp.count_files(pw.pw_dir)}")
    out.line("pkgacct completed")
    return archive_path


# --- restorepkg ----------------------------------------------------------------------------

ARCHIVE_NAME_RE = re.compile(
    r"^(?:cpmove-(?P<a>[^/]+?)(?:\.tar(?:\.gz)?)?|(?P<b>[^/.]+)\.tar(?:\.gz)?"
    r"|backup-\d{1,2}\.\d{1,2}\.\d{4}_\d{2}-\d{2}-\d{2}_(?P<c>[^/]+?)\.tar(?:\.gz)?)$")
SEARCH_DIRS = ("/home", "/home2", "/home3", "/root", "/usr", "/usr/home", "/web")


def find_archive(arg):
    """FILE, or USER looked up in restorepkg's documented places."""
    if "/" in arg or os.path.exists(arg):
        return os.path.abspath(arg)
    for d in SEARCH_DIRS:
        for name in (f"cpmove-{arg}.tar.gz", f"cpmove-{arg}.tar", f"cpmove-{arg}", f"{arg}.tar.gz", f"{arg}.tar"):
            p = os.path.join(d, name)
            if os.path.exists(p):
                return p
    return None


class DbFailure(Exception):
    pass


def restore_archive(path, out, force=False, newuser=None, ip=None, skipaccount=False):
    """Restores a cpmove/backup archive. Returns the exit status restorepkg gives:
    1 when the account cannot be restored (bad name, exists without --force, files do not
    fit), 0 otherwise, also when databases failed (cPanel reports those in its output only)."""
    say = lambda t: (out.s.write(t + "\n"), out.s.flush())  # noqa: E731
    base = os.path.basename(path.rstrip("/"))
    m = ARCHIVE_NAME_RE.match(base)
    if not m:
        say(f"The file “{base}” is not a recognized account archive name (cpmove-USER.tar.gz, "
            "USER.tar.gz or backup-MM.DD.YYYY_HH-MM-SS_USER.tar.gz).")
        return 1
    if not os.path.exists(path):
        say(f"The archive “{path}” does not exist.")
        return 1
    name_user = m.group("a") or m.group("b") or m.group("c")
    problem = username_problem(name_user, for_transfer=True)
    if problem:
        say(f"Invalid user name in archive file name: {problem}")
        return 1
    user = newuser or name_user
    problem = username_problem(user, for_transfer=newuser is None)
    if problem:
        say(problem)
        return 1
    ip = ip or read_main_ip()
    say(f"Target Archive: {path}")
    say(f"Target User: {user}")
    if account_exists(user) and not force:
        say(f"Account Restore Failed: “{user}” already exists on this server. Use --force to restore over it.")
        return 1
    if not account_exists(user) and lp.system_user(user):
        say(f"Account Restore Failed: “{user}” is already a system user on this server.")
        return 1
    parent = "/home"
    work = os.path.join(parent, f"cpanelpkgrestore.TMP.work.{os.getpid()}")
    os.makedirs(work, exist_ok=True)
    try:
        say("Extracting tarball....")
        if os.path.isdir(path):
            lp.copytree(path, os.path.join(work, base))
        else:
            status, _, err = lp.run(["tar", "-x", "-f", path, "-C", work, "--no-same-owner"], check=False)
            if status != 0:
                say(f"Failed to extract the archive: {err.strip()}")
                say("Account Restore Failed")
                return 1
        tops = [d for d in os.listdir(work) if os.path.isdir(os.path.join(work, d))]
        if len(tops) != 1:
            say("The archive does not hold one top directory.")
            return 1
        x = os.path.join(work, tops[0])
        cpfiles = os.listdir(os.path.join(x, "cp")) if os.path.isdir(os.path.join(x, "cp")) else []
        if len(cpfiles) != 1:
            say("Unable to find the cPanel user file. Is the archive missing (cp/USER)?")
            return 1
        old_user = cpfiles[0]
        problem = username_problem(old_user, for_transfer=True)
        if problem:
            say(f"Invalid user in archive: {problem}")
            return 1
        cp = lp.parse_kv_file(os.path.join(x, "cp", old_user))
        domain = cp.get("DNS", "")
        if not lp.valid_domain(domain):
            say(f"The archive's main domain “{domain}” is not valid.")
            return 1
        owner_elsewhere = [u for u in list_users() if u != user and (read_cpuser(u) or {}).get("DNS") == domain]
        if owner_elsewhere:
            say(f"Account Restore Failed: the domain “{domain}” already belongs to “{owner_elsewhere[0]}”.")
            return 1
        with open(os.path.join(x, "version")) if os.path.exists(os.path.join(x, "version")) else open(os.devnull) as f:
            for l in f:
                say(l.strip().replace(": ", " : ", 1)) if l.strip() else None
        say(f"Extracting Domain....{domain}")
        say("Generating Account....")
        if not skipaccount:
            extra = {k: v for k, v in cp.items() if k not in ("USER", "IP", "DNS", "OWNER")}
            pw = create_account(user, domain, ip=ip, owner=cp.get("OWNER", "root"), extra=extra,
                                startdate=int(time.time()))
        else:
            pw = lp.system_user(user)
        say("Restoring Homedir....")
        hd = os.path.join(x, "homedir")
        if os.path.isdir(hd):
            status, _, err = lp.run(["cp", "-a", "--", hd + "/.", pw.pw_dir + "/"], check=False)
            if status != 0:
                say(f"The system failed to restore the home directory: {err.strip()}")
                say("Account Restore Failed")
                return 1
            if old_user != user:
                for root, dirs, files in os.walk(os.path.join(pw.pw_dir, "etc")):
                    for n in files:
                        p = os.path.join(root, n)
                        with open(p) as f:
                            t = f.read()
                        with open(p, "w") as f:
                            f.write(t.replace(f"/home/{old_user}/", f"/home/{user}/"))
            lp.chown_tree(pw.pw_dir, pw.pw_uid, pw.pw_gid)
            web_group(pw)
        say("Restoring Mail files....")
        say("Restoring Dns Zones....")
        zd = os.path.join(x, "dnszones")
        if os.path.isdir(zd):
            for z in os.listdir(zd):
                with open(os.path.join(zd, z)) as f:
                    text = f.read()
                old_ip = cp.get("IP", "")
                if old_ip:
                    text = text.replace(old_ip, ip)
                os.makedirs(NAMED_DIR, exist_ok=True)
                with open(os.path.join(NAMED_DIR, z), "w") as f:
                    f.write(text)
        cron = os.path.join(x, "cron", old_user)
        if os.path.exists(cron):
            os.makedirs(CRON_DIR, exist_ok=True)
            shutil.copy2(cron, os.path.join(CRON_DIR, user))
        say("Restoring MySQL databases....")
        restore_mysql(x, old_user, user, force, say)
        say("Restoring Domains....")
        say("Rebuilding Apache Conf....")
        say("Account Restore Complete")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def restore_mysql(x, old_user, user, force, say):
    md = os.path.join(x, "mysql")
    say("Preparing MySQL restore …")
    dbfiles = sorted(f for f in os.listdir(md) if f.endswith(".sql")) if os.path.isdir(md) else []
    renamed, failed = {}, set()
    for f in dbfiles:
        orig = f[:-4]
        new = orig
        if old_user != user and orig.startswith(old_user + "_"):
            new = user + orig[len(old_user):]
        if lp.db_exists(new) and (not force or db_owner(new) not in (user, None)):
            n = 1
            base = new[:60]
            while lp.db_exists(f"{base}_{n}"):
                n += 1
            new = f"{base}_{n}"
        renamed[orig] = new
        try:
            if not lp.db_exists(new):
                r = lp.sql(f"CREATE DATABASE {lp.ident(new)}", check=False)
                if r is None:
                    raise DbFailure(f"Can't create database '{new}'")
            say(f"The database restoration subprocess for “{new}” has opened the SQL archive.")
            ok, err = lp.mysql_load(new, os.path.join(md, f))
            say(f"The database restoration subprocess for “{new}” has closed the SQL archive.")
            if not ok:
                raise DbFailure(err.strip())
            add_db_to_map(user, new, [user])
            if new != orig:
                say(f"The system has restored the MySQL database “{orig}” as “{new}”.")
        except DbFailure as e:
            failed.add(new)
            say(f"The system failed to reinstall the MySQL database “{orig}” as “{new}” because of an error: {e}")
    grants_file = os.path.join(x, "mysql.sql")
    if os.path.exists(grants_file):
        say("Restoring MySQL grants")
        with open(grants_file) as fh:
            for g in (l.strip() for l in fh):
                if not g:
                    continue
                g2 = g
                if old_user != user:
                    g2 = g2.replace(f"`{old_user}`@", f"`{user}`@").replace(f"'{old_user}'@", f"'{user}'@")
                    g2 = g2.replace(f"`{old_user}\\_", f"`{user}\\_").replace(f"`{old_user}_", f"`{user}_")
                for orig, new in renamed.items():
                    if orig != new:
                        g2 = g2.replace(f"`{orig.replace('_', chr(92) + '_')}`", f"`{new.replace('_', chr(92) + '_')}`")
                m = re.search(r"TO [`'](?P<u>[^`']+)[`']@[`'](?P<h>[^`']+)[`']", g2)
                on = re.search(r" ON `(?P<db>(?:[^`]|``)+)`\.", g2)
                db = on.group("db").replace("\\_", "_") if on else "*"
                if db in failed:
                    continue  # as cPanel: no grant on a database that did not restore
                if m and not lp.db_user_exists(m.group("u"), m.group("h")):
                    lp.sql(f"CREATE USER {lp.literal(m.group('u'))}@{lp.literal(m.group('h'))}", check=False)
                status, _, err = lp.run(["mariadb", "-e", g2], check=False)
                if status != 0:
                    say(f"The system failed to grant privileges on the database “{db}” to the user "
                        f"“{m.group('u') if m else '?'}” because of an error: {err.strip()}")
    say("Storing MySQL Grants")


# --- removeacct ------------------------------------------------------------------------

def remove_account(user, keepdns=False):
    """Terminates USER as WHM's removeacct does: system user and home, databases and
    database users, cpuser file, userdata, database map, domain files, zones, crontab, FTP
    logins (/etc/proftpd/USER)."""
    cp = read_cpuser(user) or {}
    doms = domains_of(cp)
    for db in account_databases(user):
        lp.sql(f"DROP DATABASE IF EXISTS {lp.ident(db)}")
    for (du, host) in lp.sql(f"SELECT User, Host FROM mysql.user WHERE User={lp.literal(user)} OR User LIKE "
                             f"{lp.literal(user.replace('_', chr(92) + '_') + chr(92) + '_%')}"):
        lp.sql(f"DROP USER IF EXISTS {lp.literal(du)}@{lp.literal(host)}")
    if lp.system_user(user):
        lp.run(["userdel", "--remove", user], check=False)
    shutil.rmtree(f"/home/{user}", ignore_errors=True)
    for p in (os.path.join(USERS_DIR, user), os.path.join(DBMAP_DIR, f"{user}.json"), os.path.join(CRON_DIR, user),
              os.path.join(FTP_DIR, user)):
        if os.path.exists(p):
            os.unlink(p)
    shutil.rmtree(os.path.join(USERDATA_DIR, user), ignore_errors=True)
    register_domains(user, "", "", "", "", remove_only=True)
    if not keepdns:
        for d in doms:
            z = os.path.join(NAMED_DIR, f"{d}.db")
            if os.path.exists(z):
                os.unlink(z)
