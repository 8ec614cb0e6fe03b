"""plesk_lib: the Plesk emulator's subscription model, shared by its tools (plesk,
subscription, pleskbackup, pleskrestore) and the lab's add-account / make-backup / set-version.

Follows /work/shared/docs/reference/plesk.md and Plesk's documented layout (Linux):
  /usr/local/psa/version                      "18.0.52 Debian 12.0 1800230505.09"
  /var/www/vhosts/D/                          the subscription's home (httpdocs/, logs/, ...),
                                              owned by its system user (group psacln)
  /var/www/vhosts/system/D/conf/              web server configuration place
  /var/qmail/mailnames/D/BOX/Maildir/         mail (owner popuser)
  /var/named/run-root/var/D                   zone (Plesk's chrooted BIND)
  /var/spool/cron/crontabs/SYSUSER            crontab (Debian)
  /var/lib/psa/dumps                          the backup repository
  MariaDB: databases as named (no prefix), each with a database user.
Plesk keeps its object model in its `psa` database; the emulator keeps it in files instead:
  /usr/local/psa/var/lab/domains              one subscription (domain) a line, in creation order
  /usr/local/psa/var/lab/subscriptions/D.json login, ip, owner, created, mailboxes, databases,
                                              mail_passwords (BOX: SHA512-CRYPT hash),
                                              ftp_accounts (additional FTP logins)
Backup (pleskbackup --output-file, and the repository dumps) is a tar holding the
migration-dump layout: backup_info_YYMMDDHHMM.xml (<migration-dump> with <domain>,
<phosting><sysuser>, <mailsystem><mailusers>, <databases><database><dbuser>) and
domains/D/backup_user-data_TS.tgz, domains/D/databases/DB_1/backup_sqldump_TS,
domains/D/mailnames/BOX/backup_mailbox_TS.tgz, domains/D/backup_zone_TS.
"""
import datetime
import json
import os
import re
import shutil
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import labpanel as lp  # noqa: E402

PSA = "/usr/local/psa"
VERSION_FILE = f"{PSA}/version"
UPDATE_FILE = f"{PSA}/var/lab/update"
REG = f"{PSA}/var/lab"
DEFAULT_VERSION = "18.0.52.3"
VHOSTS = "/var/www/vhosts"
MAILNAMES = "/var/qmail/mailnames"
ZONES = "/var/named/run-root/var"
DUMPS = "/var/lib/psa/dumps"
RESERVED = {"root", "admin", "psaadm", "psaftp", "popuser", "mysql", "nobody", "apache", "www-data",
            "bin", "daemon", "mail", "ftp", "named", "lab", "sys", "sync", "backup", "postfix"}


# --- version ----------------------------------------------------------------------------

def normalize_version(v):
    p = v.strip().split(".")
    if len(p) not in (3, 4) or not all(x.isdigit() for x in p):
        raise ValueError(f"'{v}' is not a Plesk version (like 18.0.52 or 18.0.52.3)")
    return ".".join(p)


def write_version(v):
    """Stores 18.0.52[.3]: /usr/local/psa/version gets the release, the emulator's update
    file the update number (none when V has three parts)."""
    v = normalize_version(v)
    major, minor, release, *rest = v.split(".")
    update = rest[0] if rest else ""
    os.makedirs(REG, exist_ok=True)
    with open(VERSION_FILE, "w") as f:
        f.write(f"{major}.{minor}.{release} Debian 12.0 {major}{minor.zfill(2)}{time.strftime('%y%m%d')}.09\n")
    with open(UPDATE_FILE, "w") as f:
        f.write(update + "\n")
    return v


def read_version():
    try:
        with open(VERSION_FILE) as f:
            base = f.read().split()[0]
        with open(UPDATE_FILE) as f:
            upd = f.read().strip()
        return f"{base}.{upd}" if upd else base
    except (FileNotFoundError, IndexError):
        return DEFAULT_VERSION


# --- names and registry -----------------------------------------------------------------

def login_problem(login):
    if not re.fullmatch(r"[a-z][a-z0-9_.-]{0,31}", login or "") or ".." in login:
        return (f"Invalid system user name '{login}': it may contain lowercase letters, digits, "
                "'-', '_' and '.', start with a letter and be at most 32 characters long")
    if login in RESERVED:
        return f"The system user name '{login}' is reserved"
    return None


def domains():
    try:
        with open(f"{REG}/domains") as f:
            return [l.strip() for l in f if l.strip()]
    except FileNotFoundError:
        return []


def sub_path(d):
    return f"{REG}/subscriptions/{d}.json"


def read_sub(d):
    try:
        with open(sub_path(d)) as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def write_sub(d, info):
    os.makedirs(os.path.dirname(sub_path(d)), exist_ok=True)
    with open(sub_path(d), "w") as f:
        os.fchmod(f.fileno(), 0o600)  # it holds the mail names' password hashes
        json.dump(info, f, indent=2, sort_keys=True)
    if d not in domains():
        with open(f"{REG}/domains", "a") as f:
            f.write(d + "\n")


def login_in_use(login):
    return any((read_sub(d) or {}).get("login") == login for d in domains())


def host_ip():
    try:
        with open(f"{REG}/ip") as f:
            return f.read().strip()
    except FileNotFoundError:
        return os.environ.get("LAB_ADDR", "127.0.0.1")


def create_subscription(domain, login, ip=None, created=None):
    ip = ip or host_ip()
    home = f"{VHOSTS}/{domain}"
    if lp.system_user(login) is None:
        lp.run(["useradd", "--home-dir", home, "--no-create-home", "--gid", "psacln", "--shell", "/bin/false", login])
    pw = lp.system_user(login)
    for d in ("httpdocs", "logs", "tmp", "error_docs", "cgi-bin"):
        os.makedirs(os.path.join(home, d), exist_ok=True)
    os.makedirs(f"{VHOSTS}/system/{domain}/conf", exist_ok=True)
    os.makedirs(f"{VHOSTS}/system/{domain}/logs", exist_ok=True)
    lp.chown_tree(home, pw.pw_uid, pw.pw_gid)
    os.chown(home, 0, 0)
    os.chmod(home, 0o755)
    zone = f"{ZONES}/{domain}"
    if not os.path.exists(zone):
        lp.write_zone(zone, domain, ip)
    write_sub(domain, {"domain": domain, "login": login, "ip": ip, "owner": "admin",
                       "owner_name": "Administrator", "plan": "Default Domain",
                       "created": created or time.strftime("%b %d, %Y"),
                       "mailboxes": [], "databases": []})
    return pw


def add_mailbox(domain, box, password, messages=3):
    """BOX@DOMAIN with MESSAGES messages; PASSWORD's real hash in the store ("mail_passwords",
    where Plesk keeps mail names' passwords in its psa database)."""
    maildir = f"{MAILNAMES}/{domain}/{box}/Maildir"
    for i in range(messages):
        lp.deliver(maildir, f"sender{i}@example.net", f"{box}@{domain}", f"Test message {i + 1} for {box}",
                   f"Hello {box}, this is message {i + 1}.\n", seen=(i % 2 == 1))
    pop = lp.system_user("popuser")
    if pop:
        lp.chown_tree(f"{MAILNAMES}/{domain}", pop.pw_uid, pop.pw_gid)
    info = read_sub(domain)
    if box not in info["mailboxes"]:
        info["mailboxes"].append(box)
    info.setdefault("mail_passwords", {})[box] = lp.password_hash(password)
    write_sub(domain, info)


def add_database(domain, db, dbuser):
    info = read_sub(domain)
    info["databases"] = [x for x in info["databases"] if x["name"] != db] + [{"name": db, "user": dbuser}]
    write_sub(domain, info)


# --- passwords (the -passwd option of the bin utilities) ---------------------------------

def update_password_args(args, usage):
    """`-u|--update NAME -passwd VALUE` of a Plesk utility: (NAME, password). An empty VALUE
    means the password is in PSA_PASSWORD (reference/plesk.md: never on argv). Exits 1 with
    USAGE on stderr for anything else (the emulator's own text, not Plesk's)."""
    name = password = None
    i = 0
    while i + 1 < len(args):
        if args[i] in ("-u", "--update") and name is None:
            name = args[i + 1]
        elif args[i] == "-passwd" and password is None:
            password = args[i + 1] or os.environ.get("PSA_PASSWORD", "")
        else:
            break
        i += 2
    if i != len(args) or name is None or password is None:
        sys.stderr.write(usage + "\n")
        sys.exit(1)
    if not password:
        sys.stderr.write("An error occurred during changing the password: the password is empty"
                         " (-passwd '' reads it from PSA_PASSWORD)\n")
        sys.exit(1)
    return name, password


def utility_args(args, spec, usage):
    """The options of a Plesk utility's call, each `-name VALUE` (SPEC: the names allowed,
    each with its aliases, e.g. {"update": ("-u", "--update")}): {name: value}. `-passwd ''`
    takes the password from PSA_PASSWORD (reference/plesk.md: never on argv). Exits 1 with
    USAGE on stderr for anything else (the emulator's own text, not Plesk's)."""
    names = {alias: name for name, aliases in spec.items() for alias in aliases}
    out = {}
    if len(args) % 2:
        sys.stderr.write(usage + "\n")
        sys.exit(1)
    for flag, value in zip(args[::2], args[1::2]):
        name = names.get(flag)
        if name is None or name in out:
            sys.stderr.write(usage + "\n")
            sys.exit(1)
        out[name] = value
    if "passwd" in out:
        out["passwd"] = out["passwd"] or os.environ.get("PSA_PASSWORD", "")
        if not out["passwd"]:
            sys.stderr.write("An error occurred during changing the password: the password is empty"
                             " (-passwd '' reads it from PSA_PASSWORD)\n")
            sys.exit(1)
    return out


# --- additional FTP accounts (ftpsubaccount) ----------------------------------------------

def ftp_account_domain(login):
    """The subscription whose additional FTP account LOGIN is, or None."""
    for d in domains():
        if login in (read_sub(d) or {}).get("ftp_accounts", []):
            return d
    return None


def add_ftp_account(domain, login, password, home=None):
    """The additional FTP account LOGIN of subscription DOMAIN: as on Plesk, a system user
    sharing the subscription's system user's UID (useradd -o), its home the site root or
    HOME under it, with PASSWORD's real hash in /etc/shadow (which the host's pure-ftpd
    checks). Raises ValueError for a name Plesk refuses or one in use."""
    info = read_sub(domain)
    if info is None:
        raise ValueError(f"Unable to find subscription {domain}")
    problem = login_problem(login)
    if problem:
        raise ValueError(problem)
    if lp.system_user(login) or login_in_use(login):
        raise ValueError(f"The system user {login} already exists")
    main = lp.system_user(info["login"])
    root = f"{VHOSTS}/{domain}"
    home = os.path.normpath(f"{root}/{(home or '').lstrip('/')}")
    if home != root and not home.startswith(root + "/"):
        raise ValueError(f"The home directory {home} is outside of {root}")
    lp.run(["useradd", "--non-unique", "--uid", str(main.pw_uid), "--gid", str(main.pw_gid),
            "--home-dir", home, "--no-create-home", "--shell", "/bin/false", login])
    lp.set_system_password(login, password)
    info.setdefault("ftp_accounts", []).append(login)
    write_sub(domain, info)


# --- backup --------------------------------------------------------------------------

def stamp():
    return datetime.datetime.now().strftime("%y%m%d%H%M")


def _sub(parent, tag, text=None, **attrs):
    e = ET.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        e.text = text
    return e


def build_dump(doms, root):
    """Writes the dump of DOMS under directory ROOT (backup_info_TS.xml + domains/...).
    Returns the name of the info file."""
    ts = stamp()
    dump = ET.Element("migration-dump", {"agent-name": "PleskX", "dump-format": "panel",
                                         "dump-version": read_version(), "content-included": "true"})
    info_el = _sub(dump, "dump-info")
    _sub(info_el, "description", "Backup created by pleskbackup (hostops lab emulator)")
    for d in doms:
        info = read_sub(d)
        base = os.path.join(root, "domains", d)
        os.makedirs(base, exist_ok=True)
        de = _sub(dump, "domain", name=d, www="true", guid=f"lab-{d}")
        props = _sub(de, "properties")
        ipe = _sub(props, "ip")
        _sub(ipe, "ip-type", "shared")
        _sub(ipe, "ip-address", info["ip"])
        _sub(props, "status").append(ET.Element("enabled"))
        _sub(de, "owner", name=info.get("owner", "admin"))
        _sub(de, "plan", name=info.get("plan", "Default Domain"))
        ms = _sub(de, "mailsystem")
        mus = _sub(ms, "mailusers")
        for box in info["mailboxes"]:
            mu = _sub(mus, "mailuser", name=box)
            stored = info.get("mail_passwords", {}).get(box)
            if stored:  # Plesk's dumps keep mail users' passwords, hashed (type="encrypted")
                _sub(_sub(mu, "properties"), "password", stored, type="encrypted")
            mb = _sub(mu, "mailbox", enabled="true", type="mdir")
            mdir = f"{MAILNAMES}/{d}/{box}/Maildir"
            fname = f"backup_mailbox_{ts}.tgz"
            os.makedirs(os.path.join(base, "mailnames", box), exist_ok=True)
            if os.path.isdir(mdir):
                lp.run(["tar", "-C", mdir, "-czf", os.path.join(base, "mailnames", box, fname), "."])
            c = _sub(_sub(mb, "content"), "cid", type="mailbox", path=f"domains/{d}/mailnames/{box}")
            _sub(c, "content-file", fname)
        dbs = _sub(de, "databases")
        for i, dbi in enumerate(info["databases"], 1):
            db, du = dbi["name"], dbi["user"]
            de_db = _sub(dbs, "database", name=db, type="mysql", version="10.11")
            h = lp.sql(f"SELECT Password FROM mysql.user WHERE User={lp.literal(du)} AND Host='localhost'")
            _sub(_sub(de_db, "dbuser", name=du), "password", h[0][0] if h else "", type="encrypted")
            fname = f"backup_sqldump_{ts}"
            os.makedirs(os.path.join(base, "databases", f"{db}_{i}"), exist_ok=True)
            lp.mysqldump(db, os.path.join(base, "databases", f"{db}_{i}", fname))
            c = _sub(_sub(de_db, "content"), "cid", type="sqldump", path=f"domains/{d}/databases/{db}_{i}")
            _sub(c, "content-file", fname)
        ph = _sub(de, "phosting", wu_script="true")
        su = _sub(ph, "sysuser", name=info["login"], home=f"{VHOSTS}/{d}")
        sp = lp.run(["getent", "shadow", info["login"]], check=False)[1].split(":")
        _sub(su, "password", sp[1] if len(sp) > 1 else "", type="encrypted")
        fname = f"backup_user-data_{ts}.tgz"
        lp.run(["tar", "-C", f"{VHOSTS}/{d}", "-czf", os.path.join(base, fname), "."])
        c = _sub(_sub(ph, "content"), "cid", type="user-data", path=f"domains/{d}")
        _sub(c, "content-file", fname)
        cron = f"/var/spool/cron/crontabs/{info['login']}"
        if os.path.exists(cron):
            _sub(ph, "crontab", open(cron).read())
        zone = f"{ZONES}/{d}"
        if os.path.exists(zone):
            shutil.copy2(zone, os.path.join(base, f"backup_zone_{ts}"))
            _sub(_sub(de, "dns-zone", type="master"), "content-file", f"domains/{d}/backup_zone_{ts}")
    name = f"backup_info_{ts}.xml"
    ET.indent(dump)
    ET.ElementTree(dump).write(os.path.join(root, name), encoding="UTF-8", xml_declaration=True)
    return name


def write_backup_file(doms, output_file):
    work = os.path.join(os.path.dirname(os.path.abspath(output_file)) or "/", f".pleskbackup.{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    try:
        build_dump(doms, work)
        tmp = output_file + ".tmp"
        status, _, err = lp.run(["tar", "-C", work, "-cf", tmp, "."], check=False)
        if status != 0:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise OSError(f"tar failed: {err.strip()}")
        os.replace(tmp, output_file)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- restore ---------------------------------------------------------------------------

def open_backup(path, work):
    """Unpacks a backup file (or uses a dump directory); returns (root, xml element)."""
    if os.path.isdir(path):
        root = path
    elif re.fullmatch(r"backup_info_\d+\.xml", os.path.basename(path)) and os.path.isfile(path):
        root = os.path.dirname(os.path.abspath(path))
    else:
        os.makedirs(work, exist_ok=True)
        status, _, err = lp.run(["tar", "-xf", path, "-C", work, "--no-same-owner"], check=False)
        if status != 0:
            raise OSError(f"Unable to extract the backup file {path}: {err.strip()}")
        root = work
    infos = sorted(f for f in os.listdir(root) if re.fullmatch(r"backup_info_\d+\.xml", f))
    if not infos:
        raise ValueError(f"{path} is not a Plesk backup: no backup_info_*.xml")
    return root, ET.parse(os.path.join(root, infos[-1])).getroot()


def restore_domain(root, de, errors):
    d = de.get("name")
    if not lp.valid_domain(d):
        errors.append(f"Invalid domain name in the backup: {d}")
        return False
    if d in domains():
        errors.append(f"Conflict: the domain {d} already exists on the server")
        return False
    su = de.find("phosting/sysuser")
    login = su.get("name") if su is not None else None
    problem = login_problem(login)
    if problem:
        errors.append(problem)
        return False
    if lp.system_user(login) is not None or login_in_use(login):
        errors.append(f"Conflict: the system user {login} already exists on the server")
        return False
    old_ip = de.findtext("properties/ip/ip-address") or ""
    ip = host_ip()
    pw = create_subscription(d, login, ip)
    pwd_hash = su.findtext("password") or ""
    if pwd_hash:
        lp.run(["usermod", "-p", pwd_hash, login], check=False)
    cid = de.find("phosting/content/cid")
    if cid is not None:
        arch = os.path.join(root, cid.get("path"), cid.findtext("content-file"))
        status, _, err = lp.run(["tar", "-xzf", arch, "-C", f"{VHOSTS}/{d}", "--no-same-owner"], check=False)
        if status != 0:
            errors.append(f"Unable to restore the files of {d}: {err.strip()}")
            return False
        lp.chown_tree(f"{VHOSTS}/{d}", pw.pw_uid, pw.pw_gid)
        os.chown(f"{VHOSTS}/{d}", 0, 0)
    cron = de.findtext("phosting/crontab")
    if cron:
        os.makedirs("/var/spool/cron/crontabs", exist_ok=True)
        with open(f"/var/spool/cron/crontabs/{login}", "w") as f:
            f.write(cron)
    zf = de.findtext("dns-zone/content-file")
    if zf and os.path.exists(os.path.join(root, zf)):
        text = open(os.path.join(root, zf)).read()
        with open(f"{ZONES}/{d}", "w") as f:
            f.write(text.replace(old_ip, ip) if old_ip else text)
    for mu in de.findall("mailsystem/mailusers/mailuser"):
        box = mu.get("name")
        if not lp.safe_box(box or ""):
            errors.append(f"Invalid mailbox name {box}: skipped")
            continue
        c = mu.find("mailbox/content/cid")
        mdir = f"{MAILNAMES}/{d}/{box}/Maildir"
        lp.make_maildir(mdir)
        if c is not None:
            status, _, err = lp.run(["tar", "-xzf", os.path.join(root, c.get("path"), c.findtext("content-file")),
                                     "-C", mdir, "--no-same-owner"], check=False)
            if status != 0:
                errors.append(f"Unable to restore the mailbox {box}@{d}: {err.strip()}")
        info = read_sub(d)
        info["mailboxes"].append(box)
        password = mu.find("properties/password")
        if password is not None and password.get("type") == "encrypted" and (password.text or "").startswith("$"):
            info.setdefault("mail_passwords", {})[box] = password.text
        write_sub(d, info)
    pop = lp.system_user("popuser")
    if pop and os.path.isdir(f"{MAILNAMES}/{d}"):
        lp.chown_tree(f"{MAILNAMES}/{d}", pop.pw_uid, pop.pw_gid)
    for dbe in de.findall("databases/database"):
        db = dbe.get("name")
        du = dbe.find("dbuser")
        if not re.fullmatch(r"[A-Za-z0-9_]{1,64}", db or ""):
            errors.append(f"Invalid database name {db}: skipped")
            continue
        if lp.db_exists(db):
            errors.append(f"Conflict: the database {db} already exists on the server: not restored")
            continue
        lp.sql(f"CREATE DATABASE {lp.ident(db)}")
        c = dbe.find("content/cid")
        ok, err = lp.mysql_load(db, os.path.join(root, c.get("path"), c.findtext("content-file")))
        if not ok:
            errors.append(f"Unable to restore the database {db}: {err}")
            continue
        if du is not None:
            user = du.get("name")
            h = du.findtext("password") or ""
            if not lp.db_user_exists(user):
                lp.sql(f"CREATE USER {lp.literal(user)}@'localhost'" +
                       (f" IDENTIFIED BY PASSWORD {lp.literal(h)}" if h else ""))
            lp.sql(f"GRANT ALL PRIVILEGES ON {lp.ident(db)}.* TO {lp.literal(user)}@'localhost'")
            add_database(d, db, user)
    return True


# --- removal -----------------------------------------------------------------------------

def remove_subscription(d):
    """Removes subscription D: its databases and their users, mail, files, zone, crontab,
    system user and registry entry."""
    info = read_sub(d) or {}
    for dbi in info.get("databases", []):
        lp.sql(f"DROP DATABASE IF EXISTS {lp.ident(dbi['name'])}")
        lp.sql(f"DROP USER IF EXISTS {lp.literal(dbi['user'])}@'localhost'")
    for ftp in info.get("ftp_accounts", []):
        if lp.system_user(ftp):
            lp.run(["userdel", ftp], check=False)
    login = info.get("login")
    if login and lp.system_user(login):
        lp.run(["userdel", login], check=False)
    if login and os.path.exists(f"/var/spool/cron/crontabs/{login}"):
        os.unlink(f"/var/spool/cron/crontabs/{login}")
    for p in (f"{VHOSTS}/{d}", f"{VHOSTS}/system/{d}", f"{MAILNAMES}/{d}"):
        shutil.rmtree(p, ignore_errors=True)
    for p in (f"{ZONES}/{d}", sub_path(d)):
        if os.path.exists(p):
            os.unlink(p)
    rest = [x for x in domains() if x != d]
    with open(f"{REG}/domains", "w") as f:
        f.write("".join(x + "\n" for x in rest))
