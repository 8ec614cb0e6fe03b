"""da_web: DirectAdmin's Apache layout in the lab (the rewrite task `action=rewrite&value=httpd`,
`da build rewrite_confs`, web-layout and lab-add-account use it).

DirectAdmin's custombuild layout (docs.directadmin.com; reference/tasks.md §3):
/etc/httpd/conf/httpd.conf includes /etc/httpd/conf/extra/directadmin-vhosts.conf, which
includes each user's /usr/local/directadmin/data/users/USER/httpd.conf: for each domain a
VirtualHost IP:80 (public_html) and IP:443 (private_html), logs /var/log/httpd/domains/
D.log and D.error.log, and the domain's custom text, data/users/USER/domains/
D.cust_httpd, inserted where DirectAdmin's template has |CUSTOM|. PHP through the user's
pool /usr/local/php82/etc/php-fpm.d/USER.conf on /usr/local/php82/sockets/USER.sock (DA's
places for its PHP 8.2; the lab runs Debian's php-fpm).
"""
import os
import socket
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import da_lib as dl  # noqa: E402
import labweb  # noqa: E402

MAIN = "/etc/httpd/conf/httpd.conf"
VHOSTS = "/etc/httpd/conf/extra/directadmin-vhosts.conf"
PHP = "/usr/local/php82"
LOGS = "/var/log/httpd/domains"


def write_main():
    base = labweb.server_base(dl.host_ip(), socket.gethostname(), "/var/log/httpd/error_log",
                              ("/home",))
    labweb.write(MAIN, "\n".join(["# written by the hostops lab in DirectAdmin's custombuild layout",
                                  'ServerRoot "/etc/httpd"'] + base + [f"Include {VHOSTS}"]) + "\n")


def vhost(user, d, ip, ssl):
    home = f"/home/{user}/domains/{d}"
    lines = [f"<VirtualHost {ip}:{443 if ssl else 80} >", f"\tServerName www.{d}",
             f"\tServerAlias www.{d} {d} ", f"\tServerAdmin webmaster@{d}",
             f"\tDocumentRoot {home}/{'private_html' if ssl else 'public_html'}",
             "\tUseCanonicalName OFF", "\t<IfModule !mod_ruid2.c>",
             # DirectAdmin's template has no suexec_module guard (its Apache always has
             # suEXEC); Debian's apache2 has no suexec binary, so the lab adds one.
             "\t\t<IfModule suexec_module>", f"\t\t\tSuexecUserGroup {user} {user}", "\t\t</IfModule>",
             "\t</IfModule>",
             f"\tCustomLog {LOGS}/{d}.log combined",
             f"\tErrorLog {LOGS}/{d}.error.log"]
    if ssl:
        lines.append("\tSSLEngine on")
    lines += labweb.php_handler(f"{PHP}/sockets/{user}.sock", d)
    try:
        with open(f"{dl.user_dir(user)}/domains/{d}.cust_httpd") as f:
            lines += ["\t" + l for l in f.read().splitlines()]
    except FileNotFoundError:
        pass
    return lines + ["</VirtualHost>"]


def rewrite():
    """Rewrites the main httpd.conf, every user's httpd.conf and pool and the list that
    includes them (as custombuild's rewrite_confs); with the
    host's Apache running (lab up --web), reloads it. Returns apachectl's complaint when the
    reload was refused (the running configuration then keeps serving), else None."""
    write_main()
    os.makedirs(LOGS, exist_ok=True)
    os.makedirs(f"{PHP}/sockets", exist_ok=True)
    includes = []
    for user in dl.list_users():
        ip = (dl.lp.parse_kv_file(f"{dl.user_dir(user)}/user.conf") or {}).get("ip") or dl.host_ip()
        lines = [f"# Auto generated apache config file by DirectAdmin version {dl.read_version()}",
                 "# Modifying this file is not recommended as any changes you make will be",
                 "# overwritten when the user makes any changes to his/her website", ""]
        for d in dl.domains_of(user):
            lines += vhost(user, d, ip, False) + vhost(user, d, ip, True)
        labweb.write(f"{dl.user_dir(user)}/httpd.conf", "\n".join(lines) + "\n")
        labweb.pool(f"{PHP}/etc/php-fpm.d/{user}.conf", user, user, f"{PHP}/sockets/{user}.sock")
        includes.append(f"Include {dl.user_dir(user)}/httpd.conf")
    labweb.write(VHOSTS, "\n".join(includes) + "\n")
    return labweb.reload()
