"""none_web: a server without a panel, Debian's own Apache layout (used by web-layout and
lab-add-account).

/etc/apache2/apache2.conf (Debian's, written by labweb.debian_main), a site per domain in
/etc/apache2/sites-available/D.conf enabled by a link in sites-enabled/ (as a2ensite does),
document root /var/www/D/public_html, logs /var/log/apache2/D-access.log and
D-error.log, PHP through the pool /etc/php/8.x/fpm/pool.d/USER.conf (on a socket in the
host's Apache run directory: the machine's /run/php is shared by all hosts).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "common"))
import labweb  # noqa: E402

SITES = "/etc/apache2/sites-available"
ENABLED = "/etc/apache2/sites-enabled"


def docroot(domain):
    return f"/var/www/{domain}/public_html"


def add_site(user, domain, addr):
    """Writes and enables DOMAIN's site and USER's pool; reloads a running Apache.
    Returns apachectl's complaint when the reload was refused, else None."""
    sock = os.path.join(labweb.RUN, f"php{labweb.php_version()}-fpm-{user}.sock")
    labweb.pool(f"/etc/php/{labweb.php_version()}/fpm/pool.d/{user}.conf", user, user, sock)
    lines = []
    for port in (80, 443):
        lines += [f"<VirtualHost {addr}:{port}>", f"    ServerName {domain}",
                  f"    ServerAlias www.{domain}", f"    DocumentRoot {docroot(domain)}",
                  f"    ErrorLog /var/log/apache2/{domain}-error.log",
                  f"    CustomLog /var/log/apache2/{domain}-access.log combined"]
        lines += ["    SSLEngine on"] if port == 443 else []
        lines += labweb.php_handler(sock, domain) + ["</VirtualHost>", ""]
    labweb.write(f"{SITES}/{domain}.conf", "\n".join(lines))
    os.makedirs(ENABLED, exist_ok=True)
    if not os.path.lexists(f"{ENABLED}/{domain}.conf"):
        os.symlink(f"../sites-available/{domain}.conf", f"{ENABLED}/{domain}.conf")
    return labweb.reload()
