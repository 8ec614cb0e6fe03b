"""da_lib: the DirectAdmin emulator's account model, shared by its tools (directadmin,
da, the task queue runner) and the lab's add-account / make-backup / set-version.

Follows /work/shared/docs/reference/directadmin.md and DirectAdmin's documented layout:
  /usr/local/directadmin/data/users/USER/user.conf     KEY=VALUE (username, domain, ip, email, creator, usertype, ...)
  /usr/local/directadmin/data/users/USER/domains.list  one domain a line
  /usr/local/directadmin/data/users/USER/domains/D.conf KEY=VALUE
  /usr/local/directadmin/data/users/USER/crontab.conf  (and /var/spool/cron/USER)
  /usr/local/directadmin/data/users/admin/users.list   the users admin created
  /usr/local/directadmin/data/task.queue               urlencoded tasks, run by `da taskq --run`
  /home/USER/domains/D/public_html                     document root
  /home/USER/imap/D/BOX/Maildir/{cur,new,tmp}          mail; /etc/virtual/D/passwd, /etc/virtual/domainowners
#   /etc/proftpd.passwd                                   FTP logins (LOGIN:HASH:UID:GID:system:HOME:/bin/false)
  /var/named/D.db                                      zone
  /home/admin/admin_backups/user.admin.USER.tar.gz     admin backups
  MariaDB: databases USER_NAME, each with a database user of the same name.
The version the emulator reports is kept in /usr/local/directadmin/lab-version (the real
one is compiled into the binary).
Backup archive (user.admin.USER.tar.gz), as DirectAdmin's admin backups:
  backup/user.conf, backup/domains.list, backup/crontab.conf, backup/ticket.conf,
  backup/USER_DB.sql (mysqldump) and backup/USER_DB.conf (database users and grants),
  backup/D/domain.conf, backup/D/D.db (zone), backup/D/email/passwd,
  domains/D/public_html/... (the domain directories), imap/D/BOX/Maildir/...
"""
import datetime
import os
import re
import shutil
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import labpanel as lp  # noqa: E402

DA = "/usr/local/directadmin"
USERS = f"{DA}/data/users"
TASKQ = f"{DA}/data/task.queue"
VERSION_FILE = f"{DA}/lab-version"
DEFAULT_VERSION = "1.680"
LOG_DIR = "/var/log/directadmin"
FTP_PASSWD = "/etc/proftpd.passwd"
ADMIN_BACKUPS = "/home/admin/admin_backups"
RESERVED = {"admin", "root", "bin", "daemon", "mail", "mysql", "nobody", "apache", "diradmin",
            "www", "ftp", "named", "lab", "sys", "sync", "games", "man", "lp", "news", "uucp",
            "proxy", "backup", "list", "irc", "operator", "majordomo", "all", "test"}


def normalize_version(v):
    if not re.fullmatch(r"\d+\.\d+(\.\d+)?", v.strip()):
        raise ValueError(f"'{v}' is not a DirectAdmin version (like 1.680 or 1.61.5)")
    return v.strip()


def read_version():
    try:
        with open(VERSION_FILE) as f:
            return f.read().strip() or DEFAULT_VERSION
    except FileNotFoundError:
        return DEFAULT_VERSION


def write_version(v):
    v = normalize_version(v)
    os.makedirs(DA, exist_ok=True)
    with open(VERSION_FILE, "w") as f:
        f.write(v + "\n")
    return v


def username_problem(user):
    if not re.fullmatch(r"[a-z][a-z0-9]{2,15}", user or ""):
        return (f"Invalid username '{user}': use 3 to 16 lowercase letters and digits, starting with a letter")
    if user in RESERVED:
        return f"Username '{user}' is reserved"
    return None


def user_dir(user):
    return os.path.join(USERS, user)


def account_exists(user):
    return os.path.isfile(os.path.join(user_dir(user), "user.conf"))


def list_users():
    try:
        return sorted(u for u in os.listdir(USERS) if account_exists(u) and u != "admin")
    except FileNotFoundError:
        return []


def write_kv(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path + ".tmp", "w") as f:
        for k in sorted(data):
            f.write(f"{k}={data[k]}\n")
    os.replace(path + ".tmp", path)


def domains_of(user):
    try:
        with open(os.path.join(user_dir(user), "domains.list")) as f:
            return [l.strip() for l in f if l.strip()]
    except FileNotFoundError:
        return []


def domain_owner(domain):
    for u in list_users():
        if domain in domains_of(u):
            return u
    return None


def host_ip():
    try:
        with open(f"{DA}/data/admin/ip.list") as f:
            return f.readline().strip()
    except FileNotFoundError:
        return os.environ.get("LAB_ADDR", "127.0.0.1")


def _edit_lines(path, drop, add):
    lines = []
    try:
        with open(path) as f:
            lines = [l.rstrip("\n") for l in f if l.strip() and not drop(l.rstrip("\n"))]
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("".join(l + "\n" for l in lines + add))


def create_account(user, domain, ip=None, email=None, conf=None):
    ip = ip or host_ip()
    home = f"/home/{user}"
    pw = lp.system_user(user) or lp.create_system_user(user, home)
    droot = f"{home}/domains/{domain}"
    for d in ("public_html", "private_html", "public_ftp", "logs", "stats"):
        if d == "private_html":
            continue
        os.makedirs(os.path.join(droot, d), exist_ok=True)
    if not os.path.lexists(os.path.join(droot, "private_html")):
        os.symlink("./public_html", os.path.join(droot, "private_html"))
    os.makedirs(f"{home}/imap/{domain}", exist_ok=True)
    os.makedirs(f"{home}/Maildir/cur", exist_ok=True)
    data = {
        "username": user, "usertype": "user", "creator": "admin", "domain": domain, "ip": ip,
        "email": email or f"{user}@{domain}", "name": user, "package": "default", "bandwidth": "unlimited",
        "quota": "unlimited", "vdomains": "unlimited", "nemails": "unlimited", "mysql": "unlimited",
        "suspended": "no", "language": "en", "skin": "evolution", "ns1": f"ns1.{domain}",
        "ns2": f"ns2.{domain}", "date_created": time.strftime("%a %b %d %H:%M:%S %Y"),
        "docsroot": "./data/skins/evolution", "ssh": "ON", "ssl": "ON", "cgi": "ON", "php": "ON",
    }
    data.update(conf or {})
    data.update({"username": user, "domain": domain, "ip": ip})
    write_kv(os.path.join(user_dir(user), "user.conf"), data)
    doms = domains_of(user)
    if domain not in doms:
        with open(os.path.join(user_dir(user), "domains.list"), "a") as f:
            f.write(domain + "\n")
    write_kv(os.path.join(user_dir(user), "domains", f"{domain}.conf"), {
        "domain": domain, "ip": ip, "bandwidth": "unlimited", "quota": "unlimited", "ssl": "ON",
        "cgi": "ON", "php": "ON", "active": "yes", "suspended": "no", "username": user,
        "defaultdomain": "yes", "local_domain": "1",
    })
    _edit_lines("/etc/virtual/domainowners", lambda l: l.startswith(f"{domain}:"), [f"{domain}: {user}"])
    _edit_lines("/etc/virtual/domains", lambda l: l == domain, [domain])
    os.makedirs(f"/etc/virtual/{domain}", exist_ok=True)
    for n in ("passwd", "aliases", "quota"):
        p = f"/etc/virtual/{domain}/{n}"
        if not os.path.exists(p):
            open(p, "w").close()
    _edit_lines(f"{USERS}/admin/users.list", lambda l: l == user, [user])
    zone = f"/var/named/{domain}.db"
    if not os.path.exists(zone):
        lp.write_zone(zone, domain, ip)
    lp.chown_tree(home, pw.pw_uid, pw.pw_gid)
    os.chmod(home, 0o711)
    return pw


def add_subdomain(user, domain, label):
    """Adds LABEL.DOMAIN as DirectAdmin does: a line in domains/DOMAIN.subdomains and the
    folder public_html/LABEL."""
    home = f"/home/{user}"
    with open(os.path.join(user_dir(user), "domains", f"{domain}.subdomains"), "a") as f:
        f.write(label + "\n")
    os.makedirs(f"{home}/domains/{domain}/public_html/{label}", exist_ok=True)


def add_pointer(user, domain, alias):
    """Adds the domain pointer (alias) ALIAS of DOMAIN: `ALIAS=type=alias` in
    domains/DOMAIN.pointers."""
    with open(os.path.join(user_dir(user), "domains", f"{domain}.pointers"), "a") as f:
        f.write(f"{alias}=type=alias\n")


def add_mailbox(user, domain, box, pw, password, messages=3, quota=0):
    """BOX@DOMAIN with MESSAGES messages, PASSWORD's real hash in /etc/virtual/DOMAIN/passwd and
    its QUOTA in bytes (0: unlimited) in /etc/virtual/DOMAIN/quota."""
    maildir = f"/home/{user}/imap/{domain}/{box}/Maildir"
    for i in range(messages):
        lp.deliver(maildir, f"sender{i}@example.net", f"{box}@{domain}", f"Test message {i + 1} for {box}",
                   f"Hello {box}, this is message {i + 1}.\n", seen=(i % 2 == 1))
    lp.chown_tree(f"/home/{user}/imap", pw.pw_uid, pw.pw_gid)
    _edit_lines(f"/etc/virtual/{domain}/passwd", lambda l: l.startswith(f"{box}:"),
                [f"{box}:{lp.password_hash(password)}:{pw.pw_uid}:12:mail:/home/{user}/imap/{domain}/{box}:/bin/false"])
    _edit_lines(f"/etc/virtual/{domain}/quota", lambda l: l.startswith(f"{box}:"), [f"{box}:{quota}"])


def add_forwarder(domain, box, target):
    """BOX@DOMAIN forwarded to TARGET: `BOX: TARGET` in /etc/virtual/DOMAIN/aliases."""
    _edit_lines(f"/etc/virtual/{domain}/aliases", lambda l: l.startswith(f"{box}:"), [f"{box}: {target}"])


def set_ftp_account(user, pw, password):
    """The account's own FTP login in /etc/proftpd.passwd, with PASSWORD's real hash."""
    _edit_lines(FTP_PASSWD, lambda l: l.split(":", 1)[0] == user,
                [f"{user}:{lp.password_hash(password)}:{pw.pw_uid}:{pw.pw_gid}:system:{pw.pw_dir}:/bin/false"])
    os.chmod(FTP_PASSWD, 0o640)


def add_ftp_login(user, domain, name, pw, password):
    """The extra FTP login NAME@DOMAIN (CMD_API_FTP action=create, type custom) in
    /etc/proftpd.passwd, GECOS its type, home DOMAIN's public_html/NAME (created)."""
    home = f"/home/{user}/domains/{domain}/public_html/{name}"
    os.makedirs(home, exist_ok=True)
    os.chown(home, pw.pw_uid, pw.pw_gid)
    login = f"{name}@{domain}"
    _edit_lines(FTP_PASSWD, lambda l: l.split(":", 1)[0] == login,
                [f"{login}:{lp.password_hash(password)}:{pw.pw_uid}:{pw.pw_gid}:custom:{home}:/bin/false"])
    os.chmod(FTP_PASSWD, 0o640)


def account_databases(user):
    return lp.databases_like(f"{user}_")


def log(name, text):
    os.makedirs(LOG_DIR, exist_ok=True)
    with open(os.path.join(LOG_DIR, name), "a") as f:
        f.write(f"{time.strftime('%Y:%m:%d-%H:%M:%S')}: {' '.join(text.split(chr(10)))}\n")


# --- backup ----------------------------------------------------------------------------

def build_backup(user, local_path, archive_name=None):
    """Writes LOCAL_PATH/user.admin.USER.tar.gz; returns its path; raises on failure."""
    pw = lp.system_user(user)
    if pw is None or not account_exists(user):
        raise LookupError(f"User {user} does not exist")
    archive_name = archive_name or f"user.admin.{user}.tar.gz"
    os.makedirs(local_path, exist_ok=True)
    work = os.path.join(local_path, f".lab-backup.{user}.{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    try:
        b = os.path.join(work, "backup")
        os.makedirs(b)
        for n in ("user.conf", "domains.list", "crontab.conf", "ticket.conf"):
            src = os.path.join(user_dir(user), n)
            if os.path.exists(src):
                shutil.copy2(src, os.path.join(b, n))
            else:
                open(os.path.join(b, n), "w").close()
        for d in domains_of(user):
            os.makedirs(os.path.join(b, d, "email"))
            c = os.path.join(user_dir(user), "domains", f"{d}.conf")
            if os.path.exists(c):
                shutil.copy2(c, os.path.join(b, d, "domain.conf"))
            if os.path.exists(f"/var/named/{d}.db"):
                shutil.copy2(f"/var/named/{d}.db", os.path.join(b, d, f"{d}.db"))
            for n in ("passwd", "aliases", "quota"):
                src = f"/etc/virtual/{d}/{n}"
                if os.path.exists(src):
                    shutil.copy2(src, os.path.join(b, d, "email", n))
            src = f"/home/{user}/domains/{d}"
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(work, "domains", d), symlinks=True)
            src = f"/home/{user}/imap/{d}"
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(work, "imap", d), symlinks=True)
        for db in account_databases(user):
            lp.mysqldump(db, os.path.join(b, f"{db}.sql"))
            lines = []
            for du in sorted({r[0] for r in lp.sql(f"SELECT User FROM mysql.db WHERE Db={lp.literal(db)} "
                                                     f"OR Db={lp.literal(db.replace('_', chr(92) + '_'))}")}):
                h = lp.sql(f"SELECT Password FROM mysql.user WHERE User={lp.literal(du)} AND Host='localhost'")
                pwhash = h[0][0] if h else ""
                lines.append(f"{du}=alter_priv=Y&create_priv=Y&delete_priv=Y&drop_priv=Y&index_priv=Y"
                             f"&insert_priv=Y&select_priv=Y&update_priv=Y&passwd={urllib.parse.quote(pwhash)}")
            with open(os.path.join(b, f"{db}.conf"), "w") as f:
                f.write("\n".join(lines) + ("\n" if lines else ""))
        out = os.path.join(local_path, archive_name)
        tmp = out + ".tmp"
        status, _, err = lp.run(["tar", "-C", work, "-czf", tmp, "--", "."], check=False)
        if status != 0:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise OSError(f"tar failed: {err.strip()}")
        os.replace(tmp, out)
        return out
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- restore --------------------------------------------------------------------------

ARCHIVE_RE = re.compile(r"^user\.(?P<owner>[a-z][a-z0-9]{2,15})\.(?P<user>[^/.]+)\.tar\.(gz|zst)$")


def restore_backup(path, ip_choice="file"):
    """Restores one user.admin.USER.tar.gz. Returns (ok, messages)."""
    msgs = []
    name = os.path.basename(path)
    m = ARCHIVE_RE.match(name)
    if not m:
        return False, [f"{name}: not a DirectAdmin user backup file name"]
    user = m.group("user")
    problem = username_problem(user)
    if problem:
        return False, [f"{name}: {problem}"]
    if not os.path.isfile(path):
        return False, [f"{path} does not exist"]
    if lp.system_user(user) and not account_exists(user):
        return False, [f"User {user} already exists as a system account: not restoring"]
    work = os.path.join("/home", f".lab-restore.{user}.{os.getpid()}")
    os.makedirs(work, exist_ok=True)
    try:
        status, _, err = lp.run(["tar", "-xzf", path, "-C", work, "--no-same-owner"], check=False)
        if status != 0:
            return False, [f"Unable to extract {path}: {err.strip()}"]
        b = os.path.join(work, "backup")
        conf = lp.parse_kv_file(os.path.join(b, "user.conf")) or {}
        if conf.get("username") != user:
            return False, [f"{name}: backup/user.conf is not for {user}"]
        with open(os.path.join(b, "domains.list")) as f:
            doms = [l.strip() for l in f if l.strip()]
        for d in doms:
            if not lp.valid_domain(d):
                return False, [f"{name}: invalid domain {d}"]
            owner = domain_owner(d)
            if owner and owner != user:
                return False, [f"Domain {d} already exists on this server (owned by {owner})"]
        ip = conf.get("ip") if ip_choice == "file" and conf.get("ip") == host_ip() else host_ip()
        old_ip = conf.get("ip", "")
        pw = None
        for i, d in enumerate(doms):
            pw = create_account(user, d, ip=ip, conf={k: v for k, v in conf.items() if k not in ("ip",)}
                                if i == 0 else None) if i == 0 else pw
            if i > 0:
                with open(os.path.join(user_dir(user), "domains.list"), "a") as f:
                    f.write(d + "\n")
            bd = os.path.join(b, d)
            if os.path.exists(os.path.join(bd, "domain.conf")):
                dc = lp.parse_kv_file(os.path.join(bd, "domain.conf"))
                dc["ip"] = ip
                write_kv(os.path.join(user_dir(user), "domains", f"{d}.conf"), dc)
            if os.path.exists(os.path.join(bd, f"{d}.db")):
                with open(os.path.join(bd, f"{d}.db")) as f:
                    z = f.read()
                with open(f"/var/named/{d}.db", "w") as f:
                    f.write(z.replace(old_ip, ip) if old_ip else z)
            for n in ("passwd", "aliases", "quota"):
                src = os.path.join(bd, "email", n)
                if os.path.exists(src):
                    os.makedirs(f"/etc/virtual/{d}", exist_ok=True)
                    shutil.copy2(src, f"/etc/virtual/{d}/{n}")
            for sub, dst in (("domains", f"/home/{user}/domains/{d}"), ("imap", f"/home/{user}/imap/{d}")):
                src = os.path.join(work, sub, d)
                if os.path.isdir(src):
                    os.makedirs(dst, exist_ok=True)
                    status, _, err = lp.run(["cp", "-a", "--", src + "/.", dst + "/"], check=False)
                    if status != 0:
                        return False, [f"Unable to restore {dst}: {err.strip()}"]
        for n in ("crontab.conf", "ticket.conf"):
            if os.path.exists(os.path.join(b, n)):
                shutil.copy2(os.path.join(b, n), os.path.join(user_dir(user), n))
        cron = os.path.join(user_dir(user), "crontab.conf")
        if os.path.exists(cron):
            lines = [l.split("=", 1)[1] for l in open(cron) if "=" in l and l.split("=", 1)[0].isdigit()]
            os.makedirs("/var/spool/cron", exist_ok=True)
            with open(f"/var/spool/cron/{user}", "w") as f:
                f.write("".join(l if l.endswith("\n") else l + "\n" for l in lines))
        ok = True
        for f in sorted(os.listdir(b)):
            if not f.endswith(".sql"):
                continue
            db = f[:-4]
            if not db.startswith(user + "_"):
                msgs.append(f"Database {db} does not belong to {user}: skipped")
                continue
            if not lp.db_exists(db):
                lp.sql(f"CREATE DATABASE {lp.ident(db)}")
            good, err = lp.mysql_load(db, os.path.join(b, f))
            if not good:
                ok = False
                msgs.append(f"Error restoring database {db}: {err}")
                continue
            dbconf = os.path.join(b, f"{db}.conf")
            if os.path.exists(dbconf):
                for line in open(dbconf):
                    du, _, q = line.strip().partition("=")
                    if not du:
                        continue
                    pwhash = urllib.parse.parse_qs(q).get("passwd", [""])[0]
                    if not lp.db_user_exists(du):
                        if pwhash:
                            lp.sql(f"CREATE USER {lp.literal(du)}@'localhost' IDENTIFIED BY PASSWORD {lp.literal(pwhash)}")
                        else:
                            lp.sql(f"CREATE USER {lp.literal(du)}@'localhost'")
                    lp.sql(f"GRANT ALL PRIVILEGES ON {lp.ident(db.replace('_', chr(92) + '_'))}.* TO {lp.literal(du)}@'localhost'")
        lp.chown_tree(f"/home/{user}", pw.pw_uid, pw.pw_gid)
        msgs.append(f"User {user} has been restored from {path}")
        return ok, msgs
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- removal -----------------------------------------------------------------------------

def remove_user(user):
    """Deletes USER as DirectAdmin's delete task does: databases (USER_*) and their users,
    system user and home, mail and domain files, zones, crontab, the user's data directory."""
    doms = domains_of(user)
    for db in account_databases(user):
        lp.sql(f"DROP DATABASE IF EXISTS {lp.ident(db)}")
    for (du, host) in lp.sql(f"SELECT User, Host FROM mysql.user WHERE User LIKE "
                             f"{lp.literal(user + chr(92) + '_%')}"):
        lp.sql(f"DROP USER IF EXISTS {lp.literal(du)}@{lp.literal(host)}")
    if lp.system_user(user):
        lp.run(["userdel", "--remove", user], check=False)
    shutil.rmtree(f"/home/{user}", ignore_errors=True)
    for d in doms:
        shutil.rmtree(f"/etc/virtual/{d}", ignore_errors=True)
        _edit_lines("/etc/virtual/domainowners", lambda l, d=d: l.startswith(f"{d}:"), [])
        _edit_lines("/etc/virtual/domains", lambda l, d=d: l == d, [])
        if os.path.exists(f"/var/named/{d}.db"):
            os.unlink(f"/var/named/{d}.db")
    _edit_lines(f"{USERS}/admin/users.list", lambda l: l == user, [])
    if os.path.exists(FTP_PASSWD):
        _edit_lines(FTP_PASSWD, lambda l: l.split(":", 1)[0] == user or l.split(":", 1)[0].endswith(
            tuple(f"@{d}" for d in doms)), [])
    if os.path.exists(f"/var/spool/cron/{user}"):
        os.unlink(f"/var/spool/cron/{user}")
    shutil.rmtree(user_dir(user), ignore_errors=True)


# --- the task queue -----------------------------------------------------------------------

def run_task(line):
    """Runs one task.queue line; logs like DirectAdmin (system.log, errortaskq.log)."""
    q = urllib.parse.parse_qs(line.strip(), keep_blank_values=True)
    g = lambda k, d="": q.get(k, [d])[0]  # noqa: E731
    action = g("action")
    if action == "backup":
        local = g("local_path", ADMIN_BACKUPS)
        users = [v[0] for k, v in sorted(q.items()) if re.fullmatch(r"select\d+", k)]
        for u in users:
            problem = username_problem(u)
            if problem or not account_exists(u):
                log("errortaskq.log", f"Backup: {problem or f'User {u} does not exist'}")
                continue
            try:
                path = build_backup(u, local)
                admin = lp.system_user("admin")
                if admin:
                    os.chown(path, admin.pw_uid, admin.pw_gid)
                log("system.log", f"Backup of user {u} created: {path}")
            except (OSError, RuntimeError, LookupError) as e:
                log("errortaskq.log", f"Backup of user {u} failed: {e}")
    elif action == "restore":
        local = g("local_path", ADMIN_BACKUPS)
        files = [v[0] for k, v in sorted(q.items()) if re.fullmatch(r"select\d+", k)]
        for fname in files:
            if "/" in fname or fname.startswith("."):
                log("errortaskq.log", f"Restore: invalid file name {fname}")
                continue
            try:
                ok, msgs = restore_backup(os.path.join(local, fname), g("ip_choice", "file"))
            except (OSError, RuntimeError) as e:
                ok, msgs = False, [f"Restore of {fname} failed: {e}"]
            for mline in msgs:
                log("system.log" if ok else "errortaskq.log", mline)
            import da_web  # noqa: E402  (only restores and rewrites need the web layout)
            if ok and da_web.labweb.enabled():  # lab up --web: the restored user is served
                problem = da_web.rewrite()
                if problem:
                    log("errortaskq.log", f"Rewrite of the httpd configuration: {problem}")
    elif action == "delete":
        users = [v[0] for k, v in sorted(q.items()) if re.fullmatch(r"select\d+", k)]
        for u in users:
            problem = username_problem(u)
            if problem or not account_exists(u):
                log("errortaskq.log", f"Delete: {problem or f'User {u} does not exist'}")
                continue
            remove_user(u)
            log("system.log", f"User {u} has been deleted")
    elif action == "rewrite" and g("value") == "httpd":
        import da_web  # noqa: E402  (only the rewrite needs the web layout)
        problem = da_web.rewrite()
        if problem:
            log("errortaskq.log", f"Rewrite of the httpd configuration: {problem}")
        else:
            log("system.log", "httpd configuration rewritten")
    else:
        log("errortaskq.log", f"Unknown task: {line.strip()}")


def run_queue():
    if not os.path.exists(TASKQ):
        return 0
    work = TASKQ + ".running"
    os.replace(TASKQ, work)
    open(TASKQ, "a").close()
    with open(work) as f:
        lines = [l for l in f if l.strip()]
    os.unlink(work)
    for l in lines:
        run_task(l)
    return len(lines)
