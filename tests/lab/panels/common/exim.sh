# tests/lab/panels/common/exim.sh: sourced by panels/common/mail.sh. With `lab up --mail`,
# each host also runs a real exim daemon (Debian's exim4 binary, 4.96) on LAB_ADDR:25:
#   - configuration: the host's own /etc/exim4/exim4.conf (the first file of the binary's
#     search path, so `exim4 -bp`, `-bt`, `-Mvh` inside the host use it), spool
#     /var/spool/exim4, logs in the panel's path: cpanel /var/log/exim_{main,reject,panic}log,
#     directadmin /var/log/exim/{main,reject,panic}log, plesk and none
#     /var/log/exim4/{main,reject,panic}log.
#   - local domains (cpanel /etc/userdomains, directadmin /etc/virtual/domainowners, plesk
#     /var/qmail/mailnames, none /etc/exim4/lab-local-domains) go to the host's dovecot over
#     LMTP (router virtual_user, transport dovecot_virtual_delivery, as cPanel names them),
#     into the panel's mailbox layout, with the panel's quota (dovecot's quota plugin,
#     rules from panels/common/mailauth): a full mailbox bounces with dovecot's 552.
#   - an unknown mailbox of a local domain is refused at RCPT: "550 No Such User Here".
#   - other domains: /etc/exim4/lab-routes (`DOMAIN: ADDRESS` lines) sends them by real SMTP
#     to that address's port 25 (router lab_remote); a domain not listed is unrouteable.
#   - senders listed in /etc/exim4/lab-ratelimit (`ADDRESS: N`, N messages per hour) are
#     rate limited: over the limit, a local submission is accepted and discarded with
#     cPanel's "has exceeded the max emails per hour" text, an SMTP one refused at RCPT.
#   - cpanel: accounts in /etc/outgoing_mail_hold_users send nothing (router
#     outgoing_mail_hold defers their messages): see lab_exim_hold_router.
# The daemon runs detached in the host's mount namespace; `lab down` stops it with the host.

lab_exim_logdir() {
  case $LAB_PANEL in
    cpanel) echo "/var/log/exim_%slog" ;;
    directadmin) echo "/var/log/exim/%slog" ;;
    *) echo "/var/log/exim4/%slog" ;;
  esac
}

# The local domains of each panel, as an exim domain list item (a constant file lookup);
# none: the domains of /etc/exim4/lab-local-domains (`DOMAIN:` lines, written by the tests).
lab_exim_domains() {
  case $LAB_PANEL in
    cpanel) echo "lsearch;/etc/userdomains" ;;
    directadmin) echo "lsearch;/etc/virtual/domainowners" ;;
    plesk) echo "dsearch;/var/qmail/mailnames" ;;
    *) echo "lsearch;/etc/exim4/lab-local-domains" ;;
  esac
}

# An expansion that is "yes" when the recipient's mailbox exists. File names stay untainted:
# the domain in them comes back from a lookup (its key), never from the message.
lab_exim_mailbox_exists() {
  case $LAB_PANEL in
    cpanel) echo '${lookup{$local_part}lsearch{/home/${lookup{$domain}lsearch{/etc/userdomains}}/etc/${lookup{$domain}lsearch,ret=key{/etc/userdomains}}/shadow}{yes}{no}}' ;;
    directadmin) echo '${lookup{$local_part}lsearch{/etc/virtual/${lookup{$domain}lsearch,ret=key{/etc/virtual/domainowners}}/passwd}{yes}{no}}' ;;
    plesk) echo '${lookup{$local_part}dsearch{/var/qmail/mailnames/${lookup{$domain}dsearch{/var/qmail/mailnames}}}{yes}{no}}' ;;
    *) echo '${lookup{$local_part@$domain}lsearch{/etc/dovecot/users}{yes}{no}}' ;;
  esac
}

# cPanel's hold on an account's outgoing mail (whmapi1 hold_outgoing_email writes the account
# to /etc/outgoing_mail_hold_users): a message whose sender's domain belongs to a held account
# (/etc/userdomains) is deferred for every recipient, so it stays in the queue (`exim -bp`)
# until release_outgoing_email takes the account off the list and runs the queue. Bounces
# (empty sender) are not held. Other panels: no router.
lab_exim_hold_router() {
  [[ $LAB_PANEL == cpanel ]] || return 0
  cat <<'CONF'
outgoing_mail_hold:
  driver = redirect
  condition = ${if and{{!eq{$sender_address}{}}{exists{/etc/outgoing_mail_hold_users}}}{${lookup{${lookup{$sender_address_domain}lsearch{/etc/userdomains}}}lsearch{/etc/outgoing_mail_hold_users}{yes}{no}}}{no}}
  allow_defer
  data = :defer: outgoing mail of this account is held
  no_verify

CONF
}

# dovecot's part: LMTP on a socket in its runtime directory, the quota plugin. Included by
# the host's dovecot.conf (`!include_try`), written before dovecot starts.
lab_exim_dovecot_conf() {
  cat >/etc/dovecot/lab-mta.conf <<'CONF'
# written by tests/lab (panels/common/exim.sh): exim delivers over LMTP, quotas enforced
protocols = $protocols lmtp
mail_plugins = $mail_plugins quota
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
plugin {
  quota = maildir:User quota
}
CONF
}

lab_exim_conf() {
  local logs domains exists
  logs=$(lab_exim_logdir)
  domains=$(lab_exim_domains)
  exists=$(lab_exim_mailbox_exists)
  cat <<CONF
# written by tests/lab (panels/common/exim.sh, panel $LAB_PANEL): this host's own exim
primary_hostname = $LAB_HOST.lab
domainlist local_domains = @ : $domains
hostlist relay_from_hosts = <; 127.0.0.0/8
local_interfaces = <; $LAB_ADDR
daemon_smtp_ports = 25
spool_directory = /var/spool/exim4
log_file_path = $logs
pid_file_path = /var/spool/exim4/exim-daemon.pid
notifier_socket =
keep_environment =
log_selector = +subject +received_recipients +smtp_confirmation +arguments
acl_smtp_rcpt = acl_check_rcpt
acl_not_smtp = acl_check_not_smtp
host_lookup = :
rfc1413_hosts = :
timeout_frozen_after = 7d
trusted_users = root
tls_advertise_hosts =

begin acl
acl_check_rcpt:
  deny    senders = lsearch;/etc/exim4/lab-ratelimit
          ratelimit = \${lookup{\$sender_address}lsearch{/etc/exim4/lab-ratelimit}} / 1h / strict / per_rcpt / \$sender_address
          message = Sender rate overlimit - \$sender_rate / \$sender_rate_period
  deny    domains = +local_domains
          !verify = recipient
          message = No Such User Here
  accept  domains = +local_domains
  accept  hosts = +relay_from_hosts
  deny    message = relay not permitted

acl_check_not_smtp:
  discard senders = lsearch;/etc/exim4/lab-ratelimit
          ratelimit = \${lookup{\$sender_address}lsearch{/etc/exim4/lab-ratelimit}} / 1h / strict / \$sender_address
          log_message = Domain \$sender_address_domain has exceeded the max emails per hour (\$sender_rate/\${lookup{\$sender_address}lsearch{/etc/exim4/lab-ratelimit}}) allowed.  Message discarded.
  accept

begin routers
$(lab_exim_hold_router)
virtual_user:
  driver = accept
  domains = +local_domains
  condition = $exists
  transport = dovecot_virtual_delivery

lab_remote:
  driver = manualroute
  domains = ! +local_domains
  route_data = \${lookup{\$domain}lsearch{/etc/exim4/lab-routes}}
  transport = remote_smtp

fail_remote_domains:
  driver = redirect
  domains = ! +local_domains
  allow_fail
  data = :fail: Unrouteable address

begin transports
dovecot_virtual_delivery:
  driver = lmtp
  socket = /var/spool/lab-dovecot/lmtp
  batch_max = 1

remote_smtp:
  driver = smtp
  port = 25
  allow_localhost
  interface = <; $LAB_ADDR
  hosts_try_chunking = :
  hosts_try_fastopen = :

begin retry
*   *   F,2h,15m; G,16h,1h,1.5; F,4d,6h

begin rewrite
begin authenticators
CONF
}

lab_start_exim() {
  local logs dir log
  command -v exim4 >/dev/null || {
    echo "lab up --mail needs exim: apt-get install exim4-daemon-light (see .ci/deps)"
    return 1
  }
  mkdir -p /etc/exim4 /var/spool/exim4
  touch /etc/exim4/lab-routes /etc/exim4/lab-ratelimit
  [[ $LAB_PANEL == none ]] && touch /etc/exim4/lab-local-domains
  lab_exim_conf >/etc/exim4/exim4.conf
  chown Debian-exim:Debian-exim /var/spool/exim4
  logs=$(lab_exim_logdir)
  dir=${logs%/*}
  mkdir -p "$dir"
  for log in main reject panic; do
    touch "${logs/\%s/$log}"
    chown Debian-exim:adm "${logs/\%s/$log}"
  done
  [[ $dir == /var/log ]] || chown Debian-exim:adm "$dir"
  lab_detach /var/log/lab-exim.out exim4 -bdf -q15m
  lab_wait_port 25 exim "${logs/\%s/panic}" && echo "exim: SMTP on $LAB_ADDR:25, log ${logs/\%s/main}"
}
