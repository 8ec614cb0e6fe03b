#!/usr/bin/env bash
# Issue 13 benchmark: `hostops account find DOMAIN` over 20 cPanel lab hosts, side by side in
# one hyperfine run with `hostops exec` of the equivalent grep on the same hosts and with a
# serial `for h in ...; do ssh $h grep ...; done`. Prints the ratios (targets: at most 1.3x the
# exec, at least 5x faster than the loop). Needs root; installs hyperfine if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20}
RUNS=${RUNS:-10}
# BIN=PATH: time that hostops binary instead of building a release one.
. benches/lib.sh
bench_setup account
tests/lab/lab up --dir "$lab" --hosts "$HOSTS" --panel cpanel >/dev/null
net=$(cat "$lab/net")
for i in $(seq 1 "$HOSTS"); do
  tests/lab/lab add-account "$lab" "h$i" "user$i" --domain "site$i.example" --addon "shop$i.example" >/dev/null
done
# The domain sought lives on the last host.
domain="shop$HOSTS.example"

export HOSTOPS_JOURNAL=$work/journal.sqlite
ops="$bin --inventory $lab/inventory.toml -t BENCH-13 -q"
hosts=$(seq -f 'h%g' 1 "$HOSTS" | tr '\n' ' ')
ssh_="ssh -i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o BatchMode=yes"
loop="for i in \$(seq 1 $HOSTS); do $ssh_ root@$net.\$i grep -iF -e $domain -- /etc/userdatadomains; done >/dev/null || true"

hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$work/find.json" \
  -n "hostops account find" "$ops account find $domain $hosts" \
  -n "hostops exec grep" "$ops -y exec $hosts -- grep -iF -e $domain -- /etc/userdatadomains" \
  -n "serial ssh loop" "$loop"

python3 - "$work/find.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
find, exe, loop = r["hostops account find"], r["hostops exec grep"], r["serial ssh loop"]
print()
print(f"  account find  median {find:6.3f} s")
print(f"  exec grep     median {exe:6.3f} s   find/exec = {find / exe:4.2f}x (target <= 1.3x)")
print(f"  ssh loop      median {loop:6.3f} s   loop/find = {loop / find:4.2f}x (target >= 5x)")
PY
