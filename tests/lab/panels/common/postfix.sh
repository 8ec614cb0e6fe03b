# tests/lab/panels/common/postfix.sh: sourced by panels/common/mail.sh. With
# `lab up --mail --postfix`, each host runs a real Postfix (Debian's package, 3.7) instead of
# exim, on LAB_ADDR:25. Debian's postfix and exim4 packages conflict, so Postfix is not
# installed: .ci/deps unpacks its package (`apt-get download postfix`, `dpkg -x`) into
# LAB_POSTFIX_ROOT (default /var/cache/hostops-lab/postfix), and in this host only (its own
# mount namespace) read-only overlays put the package's /usr/sbin and /usr/lib over the
# machine's: postqueue, postsuper, postcat, postfix's sendmail and /usr/lib/postfix are where
# a real installation has them, for the host's SSH sessions too.
#   - configuration: the host's own /etc/postfix (its private /etc): main.cf written here,
#     master.cf the package's with chroot off (`postconf -F`) and smtpd on LAB_ADDR:25 only
#     (a master.cf service `ADDR:smtp`: inet_interfaces = LAB_ADDR is refused, as 127.A.B.i
#     is no interface's address; the machine's loopback is not used), mail_owner `postfix` and
#     setgid_group `postdrop` (created in this host), queue /var/spool/postfix, data
#     /var/spool/lab-postfix-data (both private per host).
#   - log: maillog_file (postlogd, no syslog needed), in Plesk's path /var/log/maillog for
#     plesk, /var/log/mail.log for the other panels.
#   - SMTP AUTH through the host's dovecot (smtpd_sasl_type = dovecot): a wrong password
#     logs smtpd's real "SASL PLAIN authentication failed" warning.
#   - other domains: /etc/postfix/lab-transport (texthash, `DOMAIN smtp:[ADDRESS]:PORT`
#     lines, postfix's transport(5)) like exim's lab-routes; a domain not listed is sent to
#     relayhost [LAB_ADDR]:2525, where nothing listens: the message stays deferred in the
#     queue ("Connection refused"), which is what the queue tests need.
# The master runs detached in the host's mount namespace; `lab down` stops it with the host.

LAB_POSTFIX_ROOT=${LAB_POSTFIX_ROOT:-/var/cache/hostops-lab/postfix}

# postfix when the lab was started with --postfix (its DIR/mail file says so), else exim.
lab_mta() {
  if grep -qw postfix "$LAB_DIR/mail" 2>/dev/null; then echo postfix; else echo exim; fi
}

lab_postfix_log() {
  if [[ $LAB_PANEL == plesk ]]; then echo /var/log/maillog; else echo /var/log/mail.log; fi
}

# dovecot's part: LMTP and the auth socket postfix's smtpd asks (the same include as exim's).
lab_postfix_dovecot_conf() {
  lab_exim_dovecot_conf
  cat >>/etc/dovecot/lab-mta.conf <<'CONF'
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
CONF
}

lab_postfix_main_cf() {
  cat <<CONF
# written by tests/lab (panels/common/postfix.sh, panel $LAB_PANEL): this host's own postfix
compatibility_level = 3.6
myhostname = $LAB_HOST.lab
mydestination = \$myhostname, localhost
inet_interfaces = loopback-only
proxy_interfaces = $LAB_ADDR
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtp_bind_address = $LAB_ADDR
relayhost = [$LAB_ADDR]:2525
transport_maps = texthash:/etc/postfix/lab-transport
queue_directory = /var/spool/postfix
data_directory = /var/spool/lab-postfix-data
mail_owner = postfix
setgid_group = postdrop
maillog_file = $(lab_postfix_log)
alias_maps =
alias_database =
biff = no
smtpd_tls_security_level = none
smtp_tls_security_level = none
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = /var/spool/lab-dovecot/auth-postfix
smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination
CONF
}

lab_start_postfix() {
  local root=$LAB_POSTFIX_ROOT log
  [[ -x $root/usr/sbin/postfix ]] || {
    echo "lab up --postfix needs Postfix unpacked in $root: run .ci/deps (apt-get download postfix; dpkg -x)"
    return 1
  }
  local dir
  for dir in /usr/sbin /usr/lib; do
    mount -t overlay -o "lowerdir=$root$dir:$dir" lab-postfix "$dir" || {
      echo "postfix: cannot overlay $root$dir on $dir (overlayfs)"
      return 1
    }
  done
  getent group postdrop >/dev/null || groupadd --system postdrop
  id -u postfix >/dev/null 2>&1 || useradd --system --no-create-home --home-dir /var/spool/postfix --shell /usr/sbin/nologin postfix
  mkdir -p /etc/postfix /var/spool/postfix /var/spool/lab-postfix-data
  cp -r "$root"/etc/postfix/. /etc/postfix/
  cp "$root/usr/share/postfix/dynamicmaps.cf" /etc/postfix/
  cp "$root/usr/share/postfix/master.cf.dist" /etc/postfix/master.cf
  lab_postfix_main_cf >/etc/postfix/main.cf
  touch /etc/postfix/lab-transport
  postconf -F '*/*/chroot = n'
  postconf -M# smtp/inet
  postconf -M "$LAB_ADDR:smtp/inet = $LAB_ADDR:smtp inet n - n - - smtpd"
  chown postfix /var/spool/lab-postfix-data
  log=$(lab_postfix_log)
  touch "$log"
  # The queue directories, then a start without postfix-script's integrity checks (2 s more).
  sh /etc/postfix/post-install config_directory=/etc/postfix meta_directory=/etc/postfix create-missing
  touch /var/spool/postfix/quick-start
  lab_detach /var/log/lab-postfix.out postfix start-fg
  lab_wait_port 25 postfix "$log" && echo "postfix $(postconf -h mail_version): SMTP on $LAB_ADDR:25, log $log"
}
