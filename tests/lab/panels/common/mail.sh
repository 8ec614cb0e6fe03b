# tests/lab/panels/common/mail.sh: sourced by the panels' `install` scripts (bash) after
# services.sh. lab_start_mail starts, inside a lab host, when the lab was started with
# `lab up --mail` (LAB_MAIL=1), Debian's real mail-box and FTP servers:
#   - dovecot (dovecot-imapd, dovecot-pop3d): IMAP LAB_ADDR:143, POP3 LAB_ADDR:110, no TLS,
#     plain logins. Configuration in the host's own /etc/dovecot/dovecot.conf (so `doveadm`
#     in the host uses it), runtime directory /var/spool/lab-dovecot (hosts share /run), log
#     /var/log/dovecot.log. Passwords: panels cpanel, plesk, directadmin through
#     panels/common/mailauth (dovecot's checkpassword), which reads the panel's own files;
#     none: system users through PAM and mailboxes in /etc/dovecot/users (a plain dovecot
#     passwd-file: BOX@D:{SHA512-CRYPT}HASH:UID:GID::HOME), mail in ~/Maildir.
#   - pure-ftpd: LAB_ADDR:21, no anonymous login. cpanel and directadmin: virtual users from
#     /etc/proftpd/USER and /etc/proftpd.passwd through pure-authd and mailauth (runtime
#     directory /var/spool/lab-ftpd); plesk and none: system users (/etc/shadow).
# All run detached in the host's mount namespace: `lab down` stops them with the host.

LAB_MAILAUTH="/usr/bin/python3 $LAB_HOME/panels/common/mailauth"
source "$LAB_HOME/panels/common/exim.sh" # exim on LAB_ADDR:25, delivering to dovecot
source "$LAB_HOME/panels/common/postfix.sh" # or postfix instead (lab up --mail --postfix)

lab_wait_port() { # PORT NAME LOG
  local i
  for ((i = 0; i < 200; i++)); do
    if (exec 3<>"/dev/tcp/$LAB_ADDR/$1") 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  echo "$2 does not listen on $LAB_ADDR:$1; end of $3:"
  tail -n 20 "$3"
  return 1
}

lab_dovecot_auth() {
  if [[ $LAB_PANEL == none ]]; then
    cat <<'CONF'
passdb {
  driver = passwd-file
  args = scheme=SHA512-CRYPT /etc/dovecot/users
}
passdb {
  driver = pam
}
userdb {
  driver = passwd-file
  args = /etc/dovecot/users
}
userdb {
  driver = passwd
  override_fields = mail=maildir:~/Maildir
}
CONF
  else
    cat <<'CONF'
passdb {
  driver = checkpassword
  args = /etc/dovecot/lab-checkpassword
}
userdb {
  driver = prefetch
}
userdb {
  driver = checkpassword
  args = /etc/dovecot/lab-checkpassword
}
CONF
  fi
}

lab_start_dovecot() {
  local run=/var/spool/lab-dovecot
  mkdir -p "$run" /etc/dovecot
  if [[ $LAB_PANEL == none ]]; then
    touch /etc/dovecot/users
    chmod 0640 /etc/dovecot/users
  else
    printf '#!/bin/sh\nexec %s dovecot %s "$@"\n' "$LAB_MAILAUTH" "$LAB_PANEL" >/etc/dovecot/lab-checkpassword
    chmod 0755 /etc/dovecot/lab-checkpassword
  fi
  {
    cat <<CONF
# written by tests/lab (panel $LAB_PANEL): this host's own dovecot
protocols = imap pop3
listen = $LAB_ADDR
base_dir = $run
state_dir = $run/state
instance_name = dovecot-$LAB_HOST
log_path = /var/log/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3s {
    port = 0
  }
}
service auth {
  user = root
}
!include_try /etc/dovecot/lab-mta.conf
CONF
    lab_dovecot_auth
  } >/etc/dovecot/dovecot.conf
  lab_detach /var/log/dovecot.log dovecot -F -c /etc/dovecot/dovecot.conf
  lab_wait_port 143 dovecot /var/log/dovecot.log && lab_wait_port 110 dovecot /var/log/dovecot.log &&
    echo "dovecot: IMAP on $LAB_ADDR:143, POP3 on $LAB_ADDR:110"
}

lab_start_ftpd() {
  local run=/var/spool/lab-ftpd
  local -a auth=(-l unix)
  mkdir -p "$run" /etc/pure-ftpd
  if [[ $LAB_PANEL == cpanel || $LAB_PANEL == directadmin ]]; then
    printf '#!/bin/sh\nexec %s ftp %s\n' "$LAB_MAILAUTH" "$LAB_PANEL" >/etc/pure-ftpd/lab-auth
    chmod 0755 /etc/pure-ftpd/lab-auth
    rm -f "$run/authd.sock"
    lab_detach /var/log/lab-pure-authd.log pure-authd -s "$run/authd.sock" -r /etc/pure-ftpd/lab-auth
    auth=(-l "extauth:$run/authd.sock")
    local i
    for ((i = 0; i < 200; i++)); do
      [[ -S $run/authd.sock ]] && break
      sleep 0.05
    done
  fi
  lab_detach /var/log/lab-pure-ftpd.log pure-ftpd -S "$LAB_ADDR,21" "${auth[@]}" -E -H -u 1 -f none \
    -p 30000:30999 -g "$run/pure-ftpd.pid"
  lab_wait_port 21 pure-ftpd /var/log/lab-pure-ftpd.log && echo "pure-ftpd: FTP on $LAB_ADDR:21"
}

lab_start_mail() {
  [[ ${LAB_MAIL-} == 1 ]] || return 0
  if ! command -v dovecot >/dev/null || ! command -v pure-ftpd >/dev/null; then
    echo "lab up --mail needs dovecot and pure-ftpd: apt-get install dovecot-imapd dovecot-pop3d pure-ftpd (see .ci/deps)"
    return 1
  fi
  "lab_$(lab_mta)_dovecot_conf"
  lab_start_dovecot
  lab_start_ftpd
  "lab_start_$(lab_mta)"
}
