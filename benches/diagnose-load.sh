#!/usr/bin/env bash
# Issue 17 benchmark: `hostops diagnose load` on one cPanel lab host (one SSH round trip, the
# probe samples for one second) beside the same probes run by hand, one `ssh` per tool as an
# engineer does, and beside sys-snap-style `ps` sampling (two `ps` one second apart, one ssh),
# in one hyperfine run; and `diagnose load --at` (an hour ago: sysstat history, atop's log,
# the logs of the window filtered on the host) beside the same look-back by hand (one ssh per
# `sar` report and per log grep). Prints each as a ratio of hostops' time. Needs root (the lab).
# Installs hyperfine if missing. BIN=PATH measures a given binary instead of the release one.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
. benches/lib.sh
bench_setup load
BIN=$bin

tests/lab/lab up --dir "$work/lab" --hosts 1 --panel cpanel >/dev/null
lab=$work/lab
addr="$(cat "$lab/net").1"
ssh_opts="-i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes"

# By hand: what an engineer types, one ssh per tool, in a row.
cat >"$work/by-hand.sh" <<SH
s() { ssh $ssh_opts root@$addr "\$@" >/dev/null 2>&1 || true; }
s uptime
s nproc
s vmstat 1 2
s free -m
s "dmesg | grep -i 'killed process' | tail"
s ps -eo user,pid,stat,pcpu,pmem,rss,args --sort=-pcpu
s "ps -eo stat,pid,args | awk '\\\$1 ~ /^D/'"
s df -h
s df -i
s "cat /proc/diskstats; sleep 1; cat /proc/diskstats"
s "curl -fsS -m 3 'http://127.0.0.1/server-status?auto'"
s "grep -h MaxRequestWorkers /var/log/apache2/error.log /usr/local/apache/logs/error_log | tail"
s mysql -e 'SHOW FULL PROCESSLIST'
s mysql -e "SHOW GLOBAL STATUS LIKE 'Max_used_connections'"
s mysql -e "SHOW GLOBAL VARIABLES LIKE 'max_connections'"
s exim -bpc
SH
# Looking back an hour by hand: sar's reports of today's file, then each log grepped for the
# hour's stamps.
cat >"$work/past-by-hand.sh" <<SH
s() { ssh $ssh_opts root@$addr "\$@" >/dev/null 2>&1 || true; }
for r in -q -u -r -d; do s sar \$r -f /var/log/sysstat/sa\$(date -u +%d); done
s "grep -h \$(date -u -d '1 hour ago' +%d/%b/%Y:%H:) /etc/apache2/logs/domlogs/* | tail -n 2000"
s "grep -h '\$(date -u -d '1 hour ago' '+%a %b %d %H:')' /etc/apache2/logs/error_log | grep MaxRequestWorkers"
s "grep -h '\$(date -u -d '1 hour ago' '+%d-%b-%Y %H:')' /var/log/php-fpm.log /opt/cpanel/ea-php*/root/usr/var/log/php-fpm.log | grep max_children"
s "journalctl -k -q --since '-70min' --until '-50min' | grep -i 'killed process'"
SH
lab_sh() { tests/lab/lab sh "$lab" h1 -- "$@"; }
lab_sh sh -c 'mkdir -p /var/log/sysstat && /usr/lib/sysstat/sadc 1 3 "/var/log/sysstat/sa$(date +%d)"' >/dev/null
at=$(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%SZ)
# sys-snap style: ps sampled twice, a second apart, in one ssh.
cat >"$work/ps-sample.sh" <<SH
ssh $ssh_opts root@$addr 'ps -eo user,pcpu,pmem,args; sleep 1; ps -eo user,pcpu,pmem,args' >/dev/null
SH

hyperfine --runs "$RUNS" --warmup 1 --export-json "$work/h.json" \
  -n hostops "$BIN --inventory $lab/inventory.toml --journal $work/j.db -t BENCH-1 --json diagnose load h1 >/dev/null || true" \
  -n by-hand "bash $work/by-hand.sh" \
  -n ps-sampling "bash $work/ps-sample.sh" \
  -n hostops-at "$BIN --inventory $lab/inventory.toml --journal $work/j.db -t BENCH-1 --json diagnose load h1 --at $at >/dev/null || true" \
  -n past-by-hand "bash $work/past-by-hand.sh"

python3 - "$work/h.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
for name, t in r.items():
    h = r["hostops-at" if name.endswith("-at") or name == "past-by-hand" else "hostops"]
    print(f"{name:12} median {t:6.3f} s   {t / h:5.2f}x hostops' time")
PY
