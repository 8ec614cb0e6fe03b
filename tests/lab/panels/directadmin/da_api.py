#!/usr/bin/python3
"""DirectAdmin's HTTP API emulator (hostops lab): HTTPS on LAB_ADDR:2222, the calls hostops
makes (reference/tasks.md §1 and §2, DirectAdmin changelog 1.24.2, directadmin-go):

  POST CMD_API_DNS_ADMIN | CMD_API_DNS_CONTROL  action=add  domain,type,name,value,ttl
        appends the record to /var/named/DOMAIN.db (a TXT value as 255-byte strings), bumps
        the serial, `rndc reload DOMAIN` (lab up --dns) -> error=0&text=Record Added
  POST ... action=select&delete=yes  domain, {type}recsN=name=N&value=V (url-encoded)
        removes those records -> error=0&text=Records Deleted; a record that is not there is
        no error: details says "NAME TYPE VALUE did not exist", as DirectAdmin does (lab
        switch CONCURRENT_DELETE: another admin deletes a record just before)
  POST CMD_API_POP action=modify domain,user,passwd,passwd2   the mailbox's SHA512-CRYPT hash
        in /etc/virtual/DOMAIN/passwd (what dovecot reads) -> error=0&text=E-Mail Updated
  POST CMD_API_USER_PASSWD username,passwd,passwd2 (admin)   the system user's password
        (chpasswd, on its stdin) and its FTP login in /etc/proftpd.passwd -> error=0 (an
        empty text: DirectAdmin's is not in the reference)
  POST CMD_API_FTP_SHOW domain,user   an extra FTP login NAME@DOMAIN of /etc/proftpd.passwd
        (LOGIN:HASH:UID:GID:TYPE:HOME:SHELL) -> fulluser=NAME@DOMAIN&path=HOME&type=TYPE&user=NAME
        (url-encoded, as DA-ChangePass and the PHP API clients read it)
  POST CMD_API_FTP action=modify domain,user,passwd,passwd2,type[,custom_val]   its hash, and
        its home from the type sent (domain: /home/U/domains/D, ftp: .../D/public_ftp,
        user: .../D/public_html/NAME, custom: custom_val), as DirectAdmin does: a caller
        that does not send the current type and path again moves the login's home (no type:
        domain) -> error=0 (an empty text: DirectAdmin's is not in the reference)
  POST /api/db-manage/users/DBUSER/change-password  JSON {"newPassword": P} (the JSON API,
        DirectAdmin's API overview; the body as directadmin-go sends it)   ALTER USER for each
        host of DBUSER on the lab's MariaDB (SQL on the client's stdin) -> HTTP 204; a DBUSER
        that is not the login's (OWNER_NAME) 403, unknown 404, a body without newPassword 400
        (DirectAdmin's JSON error bodies are not in the reference: these answers have none)
CMD_API_DNS_CONTROL, CMD_API_POP and CMD_API_FTP* act for the login's user on its own domains;
CMD_API_DNS_ADMIN and CMD_API_USER_PASSWD need the admin. Parameters: query string and
url-encoded body. Answers: DirectAdmin's url-encoded `error=0&text=...&details=...`.
DirectAdmin's failure texts are not in the reference: failures here say `error=1` with a
plain-words text of what is wrong (not DirectAdmin's wording, and no parser relies on it).
Authentication: HTTP basic auth with a login key `da api-url [--user=U]` made (the
emulator's keys file, sha256 of each key, 24 hours, as DirectAdmin keeps them); otherwise HTTP 401.
Log: one line a request (method, path without the query, status) on stdout.
"""
import argparse
import hashlib
import http.server
import json
import base64
import os
import re
import ssl
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True  # nothing written into tests/lab
HERE = os.path.dirname(os.path.realpath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "common"))
import da_lib as dl  # noqa: E402
import labdns  # noqa: E402
import labzone  # noqa: E402

KEYS = "/usr/local/directadmin/data/lab-login-keys.json"
# Lab switch (tests write it inside a host): "NAME TYPE" of a record another admin deletes
# just before the next delete call (read once).
CONCURRENT_DELETE = "/etc/hostops-lab/dns-concurrent-delete"
KEY_LIFETIME = 24 * 3600  # "credentials valid 24 hours" (DirectAdmin's API overview)


def load_keys():
    try:
        with open(KEYS) as f:
            return json.load(f)
    except (OSError, ValueError):
        return []


def new_key(user):
    """A login key for USER (kept as its sha256 until it expires); returns the key."""
    key = base64.b32encode(os.urandom(20)).decode().rstrip("=")
    now = time.time()
    keys = [k for k in load_keys() if k["expires"] > now]
    keys.append({"user": user, "sha256": hashlib.sha256(key.encode()).hexdigest(), "expires": now + KEY_LIFETIME})
    tmp = KEYS + ".new"
    with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as f:
        json.dump(keys, f)
    os.replace(tmp, KEYS)
    return key


def login(header):
    """The user a valid basic-auth login key belongs to, or None."""
    scheme, _, cred = (header or "").partition(" ")
    if scheme != "Basic":
        return None
    try:
        user, _, key = base64.b64decode(cred).decode().partition(":")
    except ValueError:
        return None
    digest = hashlib.sha256(key.encode()).hexdigest()
    now = time.time()
    ok = any(k["user"] == user and k["sha256"] == digest and k["expires"] > now for k in load_keys())
    return user if ok else None


class Failed(Exception):
    pass


def answer(text, details=""):
    return urllib.parse.urlencode({"error": "0", "text": text, "details": details})


def owned_domain(user, domain):
    if user != "admin" and dl.domain_owner(domain) != user:
        raise Failed(f"{user} does not own the domain {domain}")
    if not re.fullmatch(r"[a-z0-9.-]+", domain or "") or not os.path.exists(f"/var/named/{domain}.db"):
        raise Failed(f"no zone for the domain {domain}")


def absolute(name, domain):
    if name in ("@", ""):
        return domain + "."
    return name if name.endswith(".") else f"{name}.{domain}."


def value_of(rec):
    return "".join(rec["data"]) if rec["record_type"] == "TXT" else " ".join(rec["data"])


def dns(user, p):
    domain = p.get("domain", "")
    owned_domain(user, domain)
    path = f"/var/named/{domain}.db"
    with open(path) as f:
        text = f.read()
    if p.get("action") == "add":
        rtype, name, value = p.get("type", "").upper(), p.get("name", ""), p.get("value", "")
        if not re.fullmatch(r"[A-Z]{1,10}", rtype) or not re.fullmatch(r"[A-Za-z0-9_.*@-]+", name) or not value:
            raise Failed("a record needs a type, a name and a value")
        if rtype == "TXT":
            raw = value.encode()
            data = [raw[i:i + 255].decode(errors="replace") for i in range(0, len(raw), 255)]
        else:
            if re.search(r"[\x00-\x1f;()\"\\]", value):
                raise Failed(f"invalid value for a {rtype} record")
            data = value.split()
        ttl = int(p["ttl"]) if p.get("ttl", "").isdigit() else labzone.default_ttl(text)
        new, _ = labzone.edit(text, [labzone.render(name, ttl, rtype, data)])
        result = answer("Record Added")
    elif p.get("action") == "select" and p.get("delete") == "yes":
        if os.path.exists(CONCURRENT_DELETE):
            with open(CONCURRENT_DELETE) as f:
                gone_name, gone_type = f.read().split()
            os.unlink(CONCURRENT_DELETE)
            text, _ = labzone.edit(text, removes=[
                r["line_index"] for r in labzone.records(text)
                if r["record_type"] == gone_type and absolute(r["dname"], domain) == absolute(gone_name, domain)])
        removes, missing = [], []
        for key, sel in p.items():
            m = re.fullmatch(r"([a-z]+)recs\d+", key)
            if not m:
                continue
            rtype = m.group(1).upper()
            name, _, value = sel.partition("&value=")
            name = name.removeprefix("name=")
            hits = [r["line_index"] for r in labzone.records(text)
                    if r["record_type"] == rtype and absolute(r["dname"], domain) == absolute(name, domain)
                    and value_of(r) == value]
            removes += hits
            if not hits:
                missing.append(f"{name} {rtype} {value} did not exist")
        new, _ = labzone.edit(text, removes=sorted(set(removes)))
        result = answer("Records Deleted", "\n".join(missing))
    else:
        raise Failed("unknown action")
    labzone.write(path, new)
    labdns.reload(domain)  # DirectAdmin's task queue: action=rewrite&value=named
    return result


def passwords(p):
    pw = p.get("passwd", "")
    if not pw or pw != p.get("passwd2"):
        raise Failed("passwd and passwd2 are empty or differ")
    if "\n" in pw or ":" in pw:
        raise Failed("the password has a character the passwd files cannot hold")
    return pw


def pop(user, p):
    domain, box = p.get("domain", ""), p.get("user", "")
    if p.get("action") != "modify":
        raise Failed("unknown action")
    if user == "admin" or dl.domain_owner(domain) != user:
        raise Failed(f"{user} does not own the domain {domain}")
    pw = passwords(p)
    path = f"/etc/virtual/{domain}/passwd"
    with open(path) as f:
        lines = f.read().splitlines()
    found = [l for l in lines if l.split(":", 1)[0] == box]
    if not box or not found:
        raise Failed(f"no mailbox {box}@{domain}")
    fields = found[0].split(":")
    fields[1] = dl.lp.password_hash(pw)
    dl._edit_lines(path, lambda l: l.split(":", 1)[0] == box, [":".join(fields)])
    return answer("E-Mail Updated")


def ftp_line(user, p):
    """The /etc/proftpd.passwd fields of the extra FTP login p[user]@p[domain] of USER's domain."""
    domain, name = p.get("domain", ""), p.get("user", "")
    if user == "admin" or dl.domain_owner(domain) != user:
        raise Failed(f"{user} does not own the domain {domain}")
    login = f"{name}@{domain}"
    try:
        with open(dl.FTP_PASSWD) as f:
            found = [l.rstrip("\n").split(":") for l in f if l.split(":", 1)[0] == login]
    except FileNotFoundError:
        found = []
    if not name or not found or len(found[0]) < 7:
        raise Failed(f"no FTP account {login}")
    return login, found[0]


def ftp_show(user, p):
    login, fields = ftp_line(user, p)
    return urllib.parse.urlencode({"fulluser": login, "path": fields[5], "type": fields[4], "user": p["user"]})


def ftp_modify(user, p):
    if p.get("action") != "modify":
        raise Failed("unknown action")
    login, fields = ftp_line(user, p)
    pw = passwords(p)
    kind = p.get("type") or "domain"
    base = f"/home/{user}/domains/{p['domain']}"
    homes = {"domain": base, "ftp": f"{base}/public_ftp", "user": f"{base}/public_html/{p['user']}",
             "custom": p.get("custom_val", "")}
    home = homes.get(kind)
    if not home or not home.startswith("/") or ":" in home or "\n" in home:
        raise Failed(f"invalid type {kind} or path")
    fields[1], fields[4], fields[5] = dl.lp.password_hash(pw), kind, home
    dl._edit_lines(dl.FTP_PASSWD, lambda l: l.split(":", 1)[0] == login, [":".join(fields)])
    return answer("")  # DirectAdmin's success text for this call is not in reference/


DB_PASSWORD = re.compile(r"api/db-manage/users/([A-Za-z0-9_.-]+)/change-password")


def db_user_password(user, dbuser, body):
    """The JSON API's database-user password change: an HTTP status."""
    if user == "admin" or not dbuser.startswith(user + "_"):
        return 403
    try:
        pw = json.loads(body)["newPassword"]
    except (ValueError, KeyError, TypeError):
        return 400
    if not isinstance(pw, str) or not pw:
        return 400
    hosts = dl.lp.sql(f"SELECT Host FROM mysql.user WHERE User={dl.lp.literal(dbuser)}") or []
    if not hosts:
        return 404
    stmts = "".join(f"ALTER USER {dl.lp.literal(dbuser)}@{dl.lp.literal(h[0])} IDENTIFIED BY {dl.lp.literal(pw)};\n"
                    for h in hosts)
    subprocess.run(["mariadb"], input=stmts, text=True, check=True, capture_output=True)
    return 204


def user_passwd(user, p):
    if user != "admin":
        raise Failed("CMD_API_USER_PASSWD needs the admin")
    name = p.get("username", "")
    if not dl.account_exists(name) or name == "admin":
        raise Failed(f"no user {name}")
    pw = passwords(p)
    subprocess.run(["chpasswd"], input=f"{name}:{pw}\n", text=True, check=True)
    if os.path.exists(dl.FTP_PASSWD):
        with open(dl.FTP_PASSWD) as f:
            if any(l.split(":", 1)[0] == name for l in f):
                import pwd
                dl.set_ftp_account(name, pwd.getpwnam(name), pw)
    return answer("")  # DirectAdmin's success text for this call is not in reference/


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "DirectAdmin Daemon v1.680"

    def log_message(self, fmt, *args):
        pass

    def reply(self, status, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        print(f"{self.command} {self.path.split('?')[0]} {status}", flush=True)

    def handle_api(self, body):
        url = urllib.parse.urlsplit(self.path)
        user = login(self.headers.get("Authorization"))
        if user is None:
            return self.reply(401, "")
        call = url.path.strip("/")
        m = DB_PASSWORD.fullmatch(call)
        if m and self.command == "POST":
            try:
                return self.reply(db_user_password(user, m.group(1), body), "")
            except (OSError, subprocess.CalledProcessError):
                return self.reply(500, "")
        p = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        p.update(urllib.parse.parse_qsl(body, keep_blank_values=True))
        try:
            if call == "CMD_API_DNS_ADMIN" and user != "admin":
                raise Failed("CMD_API_DNS_ADMIN needs the admin")
            if call in ("CMD_API_DNS_ADMIN", "CMD_API_DNS_CONTROL"):
                return self.reply(200, dns(user, p))
            if call == "CMD_API_POP":
                return self.reply(200, pop(user, p))
            if call == "CMD_API_FTP_SHOW":
                return self.reply(200, ftp_show(user, p))
            if call == "CMD_API_FTP":
                return self.reply(200, ftp_modify(user, p))
            if call == "CMD_API_USER_PASSWD":
                return self.reply(200, user_passwd(user, p))
            return self.reply(404, "")
        except (Failed, ValueError, OSError, subprocess.CalledProcessError) as e:
            return self.reply(200, urllib.parse.urlencode({"error": "1", "text": str(e), "details": ""}))

    def do_GET(self):
        self.handle_api("")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.handle_api(self.rfile.read(length).decode(errors="replace") if length else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--address", required=True)
    ap.add_argument("--port", type=int, default=2222)
    ap.add_argument("--cert", required=True)
    ap.add_argument("--key", required=True)
    a = ap.parse_args()
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(a.cert, a.key)
    httpd = http.server.HTTPServer((a.address, a.port), Handler)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    print(f"da_api: listening on https://{a.address}:{a.port}", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()
