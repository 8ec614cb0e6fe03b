#!/usr/bin/env bash
# Issue 16 benchmark: `hostops mail trace HOST --to ADDR` over a 1 GiB exim main log (about 5
# million lines in cPanel's format, written by benches/gen-exim-mainlog.py as a cPanel lab
# host's /var/log/exim_mainlog), side by side in one hyperfine run with `exigrep ADDR FILE`
# and `grep -F ADDR FILE` on the same file (both run locally, no SSH; output to a file, since
# GNU grep stops at the first match when its output is /dev/null). Prints the ratios
# (targets: at least 5x faster than exigrep, within 1.5x of grep -F) and the bytes that came
# back over SSH. Needs root; installs hyperfine if missing. SIZE_MIB=N for another size.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${SIZE_MIB:-1024}
RUNS=${RUNS:-3}
ADDR=${ADDR:-complaints@shop.example}
# BIN=PATH: time that hostops binary instead of building a release one.
. benches/lib.sh
bench_setup mail
tests/lab/lab up --dir "$lab" --hosts 1 --panel cpanel >/dev/null
log=$lab/hosts/h1/fs/var/log/exim_mainlog
python3 benches/gen-exim-mainlog.py "$log" "$SIZE_MIB" "$ADDR"
wc -l "$log"

export HOSTOPS_JOURNAL=$work/journal.sqlite
ops="$bin --inventory $lab/inventory.toml -t BENCH-16 -q"
trace="$ops mail trace h1 --to $ADDR --limit 1000000"

hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$work/trace.json" \
  -n "hostops mail trace" "$trace --json >/dev/null" \
  -n "exigrep" "exigrep $ADDR $log >$work/exigrep.out" \
  -n "grep -F" "grep -F $ADDR $log >$work/grep.out"

$trace --json >"$work/result.json"
python3 - "$work/trace.json" "$work/result.json" "$log" <<'PY'
import json, os, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
res = json.load(open(sys.argv[2]))["result"]
trace, exi, grep = r["hostops mail trace"], r["exigrep"], r["grep -F"]
print()
print(f"  log           {os.path.getsize(sys.argv[3]) / 2**20:8.0f} MiB")
print(f"  mail trace    median {trace:7.3f} s   {res['found']} messages, {res['bytes']} bytes over SSH")
print(f"  exigrep       median {exi:7.3f} s   exigrep/trace = {exi / trace:5.2f}x (target >= 5x)")
print(f"  grep -F       median {grep:7.3f} s   trace/grep = {trace / grep:5.2f}x (target <= 1.5x)")
PY
