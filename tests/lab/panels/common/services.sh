# tests/lab/panels/common/services.sh: sourced by the panels' `install` scripts (bash).
# Starts, inside a lab host, the real services every panel host has:
#   - MariaDB (Debian's mariadbd): datadir /var/lib/mysql (private to the host), socket
#     /var/lib/mysql/mysql.sock (cPanel's default place), TCP on the host's own address
#     LAB_ADDR:3306, root by unix_socket authentication (root logs in without password,
#     as on the panels). Settings in the host's /etc/mysql/mariadb.conf.d/99-hostops-lab.cnf,
#     so that `mariadb`, `mysqldump` and the emulators find the host's server by default.
#   - lab-httpd (tests/lab/panels/common/httpd, python3 stdlib): LAB_ADDR:80, serves each
#     account's document root by Host header, found in the panel's own files.
# Both are detached (setsid, no inherited descriptors) and stay in the host's mount
# namespace, so `lab down` stops them with everything else of the host.

lab_detach() { # LOG COMMAND [ARG...]
  local log=$1
  shift
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    cd /
    exec setsid "$@" </dev/null >>"$log" 2>&1
  ) &
}

# An initialized, never started datadir (mariadb-install-db: system tables, root by
# unix_socket), made once per machine and MariaDB version in /var/cache/hostops-lab (which
# the hosts share with the machine) and copied into each host: copying is ~10x faster than
# running mariadb-install-db in every host. Built aside and renamed, so hosts starting at
# the same time cannot see half of one.
lab_mariadb_template() {
  local version cache=/var/cache/hostops-lab tmp
  version=$(mariadbd --version | tr -c 'A-Za-z0-9.\n-' '_')
  LAB_MARIADB_TEMPLATE=$cache/mariadb-datadir-$version
  [[ -d $LAB_MARIADB_TEMPLATE/mysql ]] && return 0
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.mariadb-datadir.XXXXXX")
  chown mysql:mysql "$tmp"
  mariadb-install-db --no-defaults --user=mysql --datadir="$tmp" --skip-name-resolve \
    --innodb-log-file-size=4M --innodb-data-file-path=ibdata1:4M:autoextend \
    --auth-root-authentication-method=socket --skip-test-db >/var/log/mysql/install.log 2>&1 ||
    { tail -n 20 /var/log/mysql/install.log; rm -rf "$tmp"; return 1; }
  rm -f "$tmp"/ibtmp1
  mv -T "$tmp" "$LAB_MARIADB_TEMPLATE" 2>/dev/null || rm -rf "$tmp"
}

lab_start_mariadb() {
  local conf=/etc/mysql/mariadb.conf.d/99-hostops-lab.cnf i
  if ! command -v mariadbd >/dev/null || ! command -v mariadb-install-db >/dev/null || ! id -u mysql >/dev/null 2>&1; then
    echo "panel $LAB_PANEL needs MariaDB: apt-get install mariadb-server mariadb-client (see .ci/deps)"
    return 1
  fi
  mkdir -p /etc/mysql/mariadb.conf.d /var/log/mysql
  chown mysql:mysql /var/lib/mysql /var/log/mysql
  cat >"$conf" <<CNF
# written by tests/lab (panel $LAB_PANEL): this host's own MariaDB
[client-server]
socket = /var/lib/mysql/mysql.sock
port = 3306

[mysqld]
user = mysql
datadir = /var/lib/mysql
pid-file = /var/lib/mysql/$LAB_HOST.pid
bind-address = $LAB_ADDR
log-error = /var/log/mysql/error.log
skip-name-resolve
skip-log-bin
innodb-buffer-pool-size = 16M
innodb-log-file-size = 4M
innodb-data-file-path = ibdata1:4M:autoextend
innodb-temp-data-file-path = ibtmp1:1M:autoextend
performance-schema = OFF
max-connections = 50
innodb-buffer-pool-dump-at-shutdown = OFF
innodb-buffer-pool-load-at-startup = OFF
innodb-fast-shutdown = 2
CNF
  if [[ ! -d /var/lib/mysql/mysql ]]; then
    lab_mariadb_template
    cp -a "$LAB_MARIADB_TEMPLATE/." /var/lib/mysql/
  fi
  lab_detach /var/log/mysql/mariadbd.out mariadbd
  for ((i = 0; i < 400; i++)); do
    if mariadb-admin ping >/dev/null 2>&1; then
      echo "mariadb: ready on /var/lib/mysql/mysql.sock and $LAB_ADDR:3306"
      return 0
    fi
    sleep 0.05
  done
  echo "mariadb did not start; end of /var/log/mysql/error.log:"
  tail -n 20 /var/log/mysql/error.log
  return 1
}

lab_start_httpd() {
  local i
  # lab up --web: the host's real Apache takes port 80 (started after the install)
  if [[ ${LAB_WEB-} == 1 ]]; then return 0; fi
  lab_detach /var/log/lab-httpd.log /usr/bin/python3 "$LAB_HOME/panels/common/httpd" \
    --address "$LAB_ADDR" --port 80 --panel "$LAB_PANEL"
  for ((i = 0; i < 200; i++)); do
    if grep -q "listening" /var/log/lab-httpd.log 2>/dev/null; then
      echo "httpd: listening on $LAB_ADDR:80"
      return 0
    fi
    sleep 0.05
  done
  echo "lab-httpd did not start:"
  cat /var/log/lab-httpd.log
  return 1
}

# Links NAME (a path inside the host) to an emulator in tests/lab/panels/.
lab_link() { # TARGET NAME
  mkdir -p "${2%/*}"
  ln -sfn "$1" "$2"
}
