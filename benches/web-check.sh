#!/usr/bin/env bash
# Issue 15 benchmark: `hostops web check` on a cPanel lab host with its real Apache (`lab up
# --web`), for a URL 20 directories deep with an .htaccess in each, next to a 200 MB error log,
# beside the server-side grep an engineer needs to find that request's lines in the log
# (`ssh HOST grep -F '[client ADDR' error_log`), in one hyperfine run; prints the medians, the
# ratio, and the bytes each moves over SSH (the command and script sent, the output read).
# Needs root (the lab). Installs hyperfine if missing. BIN=PATH measures a given binary
# instead of the release one.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
LOG_MB=${LOG_MB:-200}
. benches/lib.sh
bench_setup web
BIN=$bin

tests/lab/lab up --dir "$work/lab" --hosts 1 --panel cpanel --web >/dev/null
lab=$work/lab
tests/lab/lab add-account "$lab" h1 webby --domain webby.test >/dev/null
addr="$(cat "$lab/net").1"
ssh_opts="-i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes"

# 20 nested directories, an .htaccess in each, a page at the bottom; a 200 MB error log.
tests/lab/lab sh "$lab" h1 -- sh -ec '
  d=/home/webby/public_html; p=
  for i in $(seq 1 20); do
    d=$d/d$i; p=$p/d$i; mkdir -p "$d"
    printf "Options -Indexes +SymLinksIfOwnerMatch\nHeader set X-Level %s\nRewriteEngine On\nRewriteRule ^old-%s$ new-%s [L]\n" "$i" "$i" "$i" >"$d/.htaccess"
  done
  echo deep >"$d/index.html"; chown -R webby:webby /home/webby/public_html/d1
  line="[Thu Dec 03 10:00:00.000000 2026] [core:error] [pid 100:tid 200] [client 203.0.113.9:40000] AH00128: File does not exist: /home/webby/public_html/favicon.ico"
  yes "$line" | head -c '"$((LOG_MB * 1024 * 1024))"' >>/etc/apache2/logs/error_log
  ls -l /etc/apache2/logs/error_log >&2'
path=$(printf '/d%s' $(seq 1 20))/

check="$BIN --inventory $lab/inventory.toml --journal $work/j.db -t BENCH-1 --json web check webby.test --host h1 --path $path"
grep_cmd="ssh $ssh_opts root@$addr \"grep -F '[client 127.0.0.1:' /etc/apache2/logs/error_log\""
$check >"$work/check.json" || true
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["result"]; print("web check:", r["verdict"], "-", len(r["htaccess"]), ".htaccess files")' "$work/check.json"

hyperfine --runs "$RUNS" --warmup 1 --export-json "$work/h.json" \
  -n hostops "$check >/dev/null || true" \
  -n server-grep "$grep_cmd >/dev/null || true"

# Bytes over SSH: what each sends (command line and script) and reads back (its output).
probe=src/ops/web/probe.sh
sent=$(( $(wc -c <"$probe") + 64 ))
got=$(ssh $ssh_opts root@$addr sh -s -- webby.test "$path" http 10 check <"$probe" | wc -c || true)
gsent=$(printf '%s' "grep -F '[client 127.0.0.1:' /etc/apache2/logs/error_log" | wc -c)
ggot=$(ssh $ssh_opts root@$addr "grep -F '[client 127.0.0.1:' /etc/apache2/logs/error_log || true" | wc -c)
python3 - "$work/h.json" "$sent" "$got" "$gsent" "$ggot" "$LOG_MB" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
sent, got, gsent, ggot, mb = map(int, sys.argv[2:])
h = r["hostops"]
print(f"hostops web check  median {h:6.3f} s   1.00x   SSH bytes: {sent} sent, {got} read")
g = r["server-grep"]
print(f"server-side grep   median {g:6.3f} s   {h / g:5.2f}x (hostops / grep)   SSH bytes: {gsent} sent, {ggot} read")
print(f"error log: {mb} MB, never copied (hostops reads only the bytes written during its request)")
PY
