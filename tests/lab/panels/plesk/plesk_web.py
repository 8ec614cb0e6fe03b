"""plesk_web: Plesk's Apache layout in the lab (used by httpdmng, `plesk repair web`,
web-layout and lab-add-account).

Per subscription D (docs.plesk.com, "Apache and nginx configuration files"; reference/
tasks.md §3): /var/www/vhosts/system/D/conf/httpd.conf, generated (VirtualHost IP:80 and
IP:443, document root /var/www/vhosts/D/httpdocs, PHP through the pool /etc/php/8.x/fpm/
pool.d/D.conf on /var/www/vhosts/system/D/php-fpm.sock, Plesk with the OS vendor's PHP),
including the administrator's vhost.conf (port 80) and vhost_ssl.conf (443) from the same
directory when they exist. Apache reads last_httpd.conf (the last configuration that passed
`apachectl -t`) through /etc/apache2/plesk.conf.d/vhosts/D.conf, a link to it. Logs:
/var/www/vhosts/system/D/logs/{access_log,access_ssl_log,error_log}.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import labweb  # noqa: E402
import plesk_lib as pl  # noqa: E402

VHOSTS_CONF = "/etc/apache2/plesk.conf.d/vhosts"


class WebError(Exception):
    """A reconfiguration Apache refused: the message is apachectl's."""


def system_dir(d):
    return f"{pl.VHOSTS}/system/{d}"


def vhost(d, sub, ssl):
    sysd, port = system_dir(d), 443 if ssl else 80
    lines = [f"<VirtualHost {sub['ip']}:{port} >", f'\tServerName "{d}"', f'\tServerAlias "www.{d}"',
             f'\tServerAdmin "admin@{d}"', "\tUseCanonicalName Off",
             f'\tDocumentRoot "{pl.VHOSTS}/{d}/httpdocs"',
             f"\tCustomLog {sysd}/logs/access{'_ssl' if ssl else ''}_log combined",
             f'\tErrorLog "{sysd}/logs/error_log"',
             "\t<IfModule mod_suexec.c>", f'\t\tSuexecUserGroup "{sub["login"]}" "psacln"', "\t</IfModule>"]
    if ssl:
        lines.append("\tSSLEngine on")
    lines += labweb.php_handler(f"{sysd}/php-fpm.sock", "127.0.0.1:9000")
    custom = f"{sysd}/conf/vhost{'_ssl' if ssl else ''}.conf"
    if os.path.exists(custom):
        lines.append(f'\tInclude "{custom}"')
    return lines + ["</VirtualHost>"]


def reconfigure(d):
    """Regenerates D's httpd.conf and pool; with the host's Apache running (lab up --web),
    keeps it only if apachectl -t passes (else puts the last one back, raises WebError)
    and reloads."""
    sub = pl.read_sub(d)
    if not sub:
        raise WebError(f"Unable to find domain {d}")
    sysd = system_dir(d)
    for sub_dir in ("conf", "logs"):
        os.makedirs(f"{sysd}/{sub_dir}", exist_ok=True)
    text = "\n".join(["# ATTENTION!", "# DO NOT MODIFY THIS FILE BECAUSE IT WAS GENERATED AUTOMATICALLY,",
                      "# SO ALL YOUR CHANGES WILL BE LOST THE NEXT TIME THE FILE IS GENERATED.", ""]
                     + vhost(d, sub, False) + vhost(d, sub, True)) + "\n"
    labweb.write(f"{sysd}/conf/httpd.conf", text)
    labweb.pool(f"/etc/php/{labweb.php_version()}/fpm/pool.d/{d}.conf", d, sub["login"],
                f"{sysd}/php-fpm.sock")
    last = f"{sysd}/conf/last_httpd.conf"
    backup = last + ".lab-previous"
    if os.path.exists(last):
        shutil.copy2(last, backup)
    shutil.copy2(f"{sysd}/conf/httpd.conf", last)
    os.makedirs(VHOSTS_CONF, exist_ok=True)
    link = f"{VHOSTS_CONF}/{d}.conf"
    if not os.path.islink(link):
        os.symlink(last, link)
    if labweb.enabled():
        status, out = labweb.apachectl("-t")
        if status != 0:
            if os.path.exists(backup):
                os.replace(backup, last)
            else:
                os.unlink(last)
                os.unlink(link)
            raise WebError(out.strip())
        problem = labweb.reload()
        if problem:
            raise WebError(problem)
    if os.path.exists(backup):
        os.unlink(backup)
