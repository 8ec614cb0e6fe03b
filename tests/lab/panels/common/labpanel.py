"""labpanel: helpers shared by the lab's panel emulators (tests/lab/panels/*/).

Real work on real files: system users through useradd/userdel, databases in the host's
own MariaDB through the `mariadb` and `mysqldump` clients (root by unix_socket, settings
in the host's /etc/mysql), maildirs, BIND zone files, tar archives. Python 3 stdlib only.
"""
import ctypes
import ctypes.util
import datetime
import grp
import os
import pwd
import random
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import labdns  # noqa: E402


def die(msg, code=1, prog=None):
    prog = prog or os.path.basename(sys.argv[0])
    sys.stderr.write(f"{prog}: {msg}\n" if prog else msg + "\n")
    sys.exit(code)


def run(args, input=None, check=True, env=None):
    """Runs ARGS, returns (status, stdout, stderr) as text; raises on failure if check."""
    p = subprocess.run(args, input=input, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.strip()}")
    return p.returncode, p.stdout, p.stderr


# --- MariaDB ---------------------------------------------------------------------------

def ident(name):
    return "`" + name.replace("`", "``") + "`"


def literal(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def sql(statement, db=None, check=True):
    """Runs SQL as root; returns the rows, each a list of columns."""
    args = ["mariadb", "-N", "-B", "-r"]
    if db:
        args += ["-D", db]
    status, out, err = run(args + ["-e", statement], check=check)
    if status != 0:
        return None
    return [line.split("\t") for line in out.splitlines()]


def db_exists(name):
    return bool(sql(f"SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME={literal(name)}"))


def databases_like(prefix):
    rows = sql("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY 1")
    return [r[0] for r in rows if r[0].startswith(prefix)]


def mysqldump(db, path):
    """Writes a real mysqldump of DB to PATH; returns its size."""
    with open(path, "wb") as out:
        p = subprocess.run(["mysqldump", "--single-transaction", "--routines", "--triggers",
                            "--events", "--add-drop-table", db], stdout=out, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError(f"mysqldump {db}: {p.stderr.decode(errors='replace').strip()}")
    return os.path.getsize(path)


def mysql_load(db, path):
    """Loads an SQL file into DB; returns (ok, error text)."""
    with open(path, "rb") as f:
        p = subprocess.run(["mariadb", "-D", db], stdin=f, capture_output=True)
    err = p.stderr.decode(errors="replace").strip()
    errors = [l for l in err.splitlines() if l.startswith("ERROR")]
    return p.returncode == 0, " ".join(errors or err.splitlines())


def user_grants(dbuser, host="localhost"):
    rows = sql(f"SHOW GRANTS FOR {literal(dbuser)}@{literal(host)}", check=False)
    return [r[0] for r in rows] if rows else []


def db_user_exists(dbuser, host="localhost"):
    return bool(sql(f"SELECT 1 FROM mysql.user WHERE User={literal(dbuser)} AND Host={literal(host)}"))


def random_password(n=16):
    alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(random.SystemRandom().choice(alphabet) for _ in range(n))


def make_database(db, dbuser, password, rows=50):
    """Creates DB with two tables and ROWS rows, and DBUSER with all privileges on it."""
    sql(f"CREATE DATABASE {ident(db)}")
    if not db_user_exists(dbuser):
        sql(f"CREATE USER {literal(dbuser)}@'localhost' IDENTIFIED BY {literal(password)}")
    sql(f"GRANT ALL PRIVILEGES ON {ident(db.replace('_', chr(92) + '_'))}.* TO {literal(dbuser)}@'localhost'")
    stmts = [
        "CREATE TABLE posts (id INT PRIMARY KEY AUTO_INCREMENT, title VARCHAR(200) NOT NULL,"
        " body TEXT, created DATETIME NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
        "CREATE TABLE options (name VARCHAR(64) PRIMARY KEY, value TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
    ]
    values = ",".join(
        f"({literal(f'Post {i} of {db}')},{literal(('Lorem ipsum dolor sit amet. ' * 8) + str(i))},"
        f"'2024-01-{1 + i % 28:02d} 12:00:00')" for i in range(1, rows + 1))
    stmts.append(f"INSERT INTO posts (title, body, created) VALUES {values}")
    stmts.append(f"INSERT INTO options VALUES ('siteurl', 'http://example'), ('rows', '{rows}')")
    sql(";".join(stmts), db=db)


# --- password hashes --------------------------------------------------------------------
# Real crypt(3) hashes (libcrypt through ctypes: Python's crypt module is deprecated), as the
# panels store them: a real login to the host's dovecot or FTP server proves a password.

_SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_libcrypt = None


def _crypt(password, setting):
    global _libcrypt
    if _libcrypt is None:
        _libcrypt = ctypes.CDLL(ctypes.util.find_library("crypt") or "libcrypt.so.1")
        _libcrypt.crypt.restype = ctypes.c_char_p
        _libcrypt.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    out = _libcrypt.crypt(password.encode(), setting.encode())
    return out.decode() if out else ""


def password_hash(password):
    """A SHA512-CRYPT hash ($6$...) of PASSWORD with a random salt."""
    salt = "".join(random.SystemRandom().choice(_SALT_CHARS) for _ in range(16))
    return _crypt(password, f"$6${salt}$")


def password_matches(password, stored):
    """True if PASSWORD matches the crypt hash STORED (an optional {SCHEME} prefix ignored)."""
    if stored.startswith("{") and "}" in stored:
        stored = stored.split("}", 1)[1]
    if not stored.startswith("$") or "\0" in password:
        return False
    got = _crypt(password, stored)
    return bool(got) and got == stored


def set_hash_in(path, name, password):
    """Replaces, in the colon-separated file PATH (shadow, passwd-file, proftpd layouts), the
    hash (second field) of the line whose first field is NAME with a new hash of PASSWORD.
    False if PATH is not a regular file (a symlink is never followed) or has no such line.
    The file is replaced atomically, keeping its owner and mode."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    if not os.path.isfile(path) or os.path.islink(path):
        return False
    with open(path) as f:
        lines = f.readlines()
    found = False
    for i, line in enumerate(lines):
        fields = line.rstrip("\n").split(":")
        if fields[0] == name and len(fields) > 1:
            fields[1] = password_hash(password)
            lines[i] = ":".join(fields) + "\n"
            found = True
    if not found:
        return False
    tmp = f"{path}.lab-{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, st.st_mode & 0o7777)
    with os.fdopen(fd, "w") as f:
        f.writelines(lines)
    os.chown(tmp, st.st_uid, st.st_gid)
    os.rename(tmp, path)
    return True


def set_system_password(user, password):
    """Sets USER's real password (chpasswd, the password on its stdin)."""
    run(["chpasswd"], input=f"{user}:{password}\n")


# --- system users and files ------------------------------------------------------------

def system_user(name):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def group_exists(name):
    try:
        grp.getgrnam(name)
        return True
    except KeyError:
        return False


def create_system_user(user, home, shell="/bin/bash", create_home=True):
    args = ["useradd", "--home-dir", home, "--shell", shell, "--user-group"]
    args += ["--create-home"] if create_home else ["--no-create-home"]
    run(args + [user])
    pw = pwd.getpwnam(user)
    if not create_home:
        os.makedirs(home, exist_ok=True)
        os.chown(home, pw.pw_uid, pw.pw_gid)
    os.chmod(home, 0o711)
    return pw


def chown_tree(path, uid, gid):
    for root, dirs, files in os.walk(path):
        os.lchown(root, uid, gid)
        for n in dirs + files:
            os.lchown(os.path.join(root, n), uid, gid)


def tree_size(path):
    total = 0
    for root, dirs, files in os.walk(path):
        for n in files:
            try:
                total += os.lstat(os.path.join(root, n)).st_size
            except OSError:
                pass
    return total


def count_files(path):
    return sum(len(files) for _, _, files in os.walk(path))


def write_random_files(directory, total_mb):
    """Files of several sizes (halves: 1/2, 1/4, ... and a few small ones) adding up to
    about TOTAL_MB MiB, random (incompressible) so that archives have the real size."""
    os.makedirs(directory, exist_ok=True)
    remaining = int(total_mb * 1024 * 1024)
    sizes = []
    part = remaining // 2
    while part >= 4096 and len(sizes) < 8:
        sizes.append(part)
        remaining -= part
        part = remaining // 2
    sizes += [max(remaining, 0)]
    for i, size in enumerate(sizes):
        with open(os.path.join(directory, f"file{i}.bin"), "wb") as f:
            left = size
            while left > 0:
                chunk = min(left, 1 << 20)
                f.write(os.urandom(chunk))
                left -= chunk
    with open(os.path.join(directory, "notes.txt"), "w") as f:
        f.write("small text file\n" * 20)


# The user the PHP process runs as, from /proc and /etc/passwd (no posix extension needed).
PHP_MARKER = """<?php
preg_match('/^Uid:\\s+(\\d+)/m', file_get_contents('/proc/self/status'), $m);
$user = '?';
foreach (file('/etc/passwd') as $line) {
    $f = explode(':', $line);
    if (isset($f[2]) && $f[2] === $m[1]) { $user = $f[0]; break; }
}
echo "lab-php user=", $user, " sapi=", PHP_SAPI, " version=", PHP_VERSION, "\\n";
"""


def write_index(docroot, domain, title=None):
    os.makedirs(docroot, exist_ok=True)
    title = title or f"Welcome to {domain}"
    with open(os.path.join(docroot, "index.html"), "w") as f:
        f.write(f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n"
                f"<body><h1>{title}</h1><p>Hosted by the hostops lab.</p></body></html>\n")
    with open(os.path.join(docroot, "style.css"), "w") as f:
        f.write("body { font-family: sans-serif; }\n")
    # What the lab's PHP-FPM pool runs as (lab up --web): the account's own user.
    with open(os.path.join(docroot, "lab-php.php"), "w") as f:
        f.write(PHP_MARKER)


def make_maildir(path):
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)


def deliver(maildir, sender, rcpt, subject, body, seen=False):
    """Writes one message into MAILDIR (new/, or cur/ with the S flag)."""
    make_maildir(maildir)
    now = time.time()
    name = f"{int(now)}.M{random.randrange(10**6)}P{os.getpid()}.{os.uname().nodename}"
    date = datetime.datetime.now(datetime.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S +0000")
    msg = (f"Return-Path: <{sender}>\nFrom: {sender}\nTo: {rcpt}\nSubject: {subject}\n"
           f"Date: {date}\nMessage-ID: <{name}@lab>\nMIME-Version: 1.0\n"
           f"Content-Type: text/plain; charset=utf-8\n\n{body}\n")
    data = msg.encode()
    fname = f"{name},S={len(data)}" + (":2,S" if seen else "")
    with open(os.path.join(maildir, "cur" if seen else "new", fname), "wb") as f:
        f.write(data)


def write_zone(path, domain, ip, serial=None, ttl=14400, mail_host=None):
    """Writes a BIND zone file for DOMAIN (SOA, NS, A, www, mail, MX, TXT SPF)."""
    serial = serial or int(datetime.date.today().strftime("%Y%m%d") + "01")
    mail_host = mail_host or f"mail.{domain}."
    text = f"""; cPanel-style zone file written by the hostops lab
$TTL {ttl}
@\t86400\tIN\tSOA\tns1.{domain}.\thostmaster.{domain}. (
\t\t{serial} ; serial
\t\t3600 ; refresh
\t\t1800 ; retry
\t\t1209600 ; expire
\t\t86400 ; minimum
\t)
{domain}.\t86400\tIN\tNS\tns1.{domain}.
{domain}.\t86400\tIN\tNS\tns2.{domain}.
{domain}.\t{ttl}\tIN\tA\t{ip}
www\t{ttl}\tIN\tCNAME\t{domain}.
mail\t{ttl}\tIN\tA\t{ip}
ns1\t{ttl}\tIN\tA\t{ip}
ns2\t{ttl}\tIN\tA\t{ip}
{domain}.\t{ttl}\tIN\tMX\t0\t{mail_host}
{domain}.\t{ttl}\tIN\tTXT\t"v=spf1 +a +mx ~all"
"""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    labdns.zone_added(domain)  # served by the host's named (lab up --dns)


def valid_domain(d):
    import re
    return bool(re.fullmatch(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}", d))


def safe_box(box):
    import re
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", box)) and ".." not in box


def mail_opts(opts):
    """lab add-account's --quota MB (bytes per mailbox, 0: unlimited) and --forward
    BOX=ADDRESS values as (quota, [(box, address)]); exit 2 on a malformed one."""
    import re
    try:
        quota = int(float(opts["--quota"] or 0) * 1024 * 1024)
        assert quota >= 0
    except (ValueError, AssertionError):
        die("--quota must be a number of MB (0: unlimited)", 2)
    forwards = [tuple(f.split("=", 1)) for f in opts["--forward"]]
    for f in forwards:
        if len(f) != 2 or not safe_box(f[0]) or not re.fullmatch(r"[\w.+-]+@[\w.-]+", f[1]):
            die(f"--forward {'='.join(f)}: BOX=ADDRESS expected", 2)
    return quota, forwards


def now_stamp():
    return datetime.datetime.now().astimezone().strftime("[%Y-%m-%d %H:%M:%S %z]")


def copytree(src, dst):
    shutil.copytree(src, dst, symlinks=True, dirs_exist_ok=True)


def parse_kv_file(path, sep="="):
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#") or sep not in line:
                    continue
                k, _, v = line.partition(sep)
                out[k] = v
    except FileNotFoundError:
        return None
    return out


def parse_opts(argv, spec):
    """Minimal option parser for the lab-* tools: SPEC maps '--name' to 'one', 'many' or
    'flag' (no value: True when given). Returns (options, positionals); unknown options die
    with exit status 2."""
    opts = {k: ([] if v == "many" else False if v == "flag" else None) for k, v in spec.items()}
    pos = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a.startswith("--"):
            name, eq, val = a.partition("=")
            if name not in spec:
                die(f"unknown option {name}", 2)
            if spec[name] == "flag":
                opts[name] = True
                i += 1
                continue
            if not eq:
                i += 1
                if i >= len(argv):
                    die(f"{name} needs a value", 2)
                val = argv[i]
            if spec[name] == "many":
                opts[name].append(val)
            else:
                opts[name] = val
        else:
            pos.append(a)
        i += 1
    return opts, pos
