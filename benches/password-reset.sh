#!/usr/bin/env bash
# Issue 13 benchmark: `hostops password reset --mailbox` end to end (plan, WHM's HTTPS API call
# with its short-lived token, the IMAP login that verifies it) on one cPanel lab host with
# `--mail`, side by side in one hyperfine run with the insecure peer it replaces: one
# `ssh HOST uapi ... Email passwd_pop ... password=P` (the password on the server's command
# line, no token, no verification). Prints the medians, the ratio, and the share of each run
# the panel call takes (from the journal's exec events: the API script's duration over the
# run's). Needs root; installs hyperfine if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
# BIN=PATH: time that hostops binary instead of building a release one.
. benches/lib.sh
bench_setup password
tests/lab/lab up --dir "$lab" --hosts 1 --panel cpanel --mail >/dev/null
tests/lab/lab add-account "$lab" h1 mailu --domain mailu.test --mailbox info --password Bench-old-Pass-1 >/dev/null
net=$(cat "$lab/net")

export HOSTOPS_JOURNAL=$work/journal.sqlite
ops="$bin --inventory $lab/inventory.toml -t BENCH-13 -q -y --json"
ssh_="ssh -i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o BatchMode=yes root@$net.1"

hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/reset.json" \
  -n "hostops password reset" "$ops password reset h1 --mailbox info@mailu.test --generate >/dev/null" \
  -n "ssh uapi (password on argv)" "$ssh_ uapi --output=json --user=mailu Email passwd_pop email=info domain=mailu.test password=Bench-argv-Pass-2 >/dev/null"

python3 - "$work/reset.json" "$HOSTOPS_JOURNAL" <<'PY'
import json, sqlite3, statistics, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
reset, peer = r["hostops password reset"], r["ssh uapi (password on argv)"]
db = sqlite3.connect(sys.argv[2])
runs = {}
for run_id, kind, body in db.execute("SELECT run_id, kind, body FROM events WHERE kind IN ('exec', 'run_end')"):
    e = json.loads(body)
    d = runs.setdefault(run_id, {"api": 0, "check": 0, "total": None})
    if kind == "run_end":
        d["total"] = e["duration_ms"]
    elif "hostops-cpanel-api" in e["command"]:
        d["api"] += e["duration_ms"]
    elif e["command"].startswith("python3 -c"):
        d["check"] += e["duration_ms"]
done = [d for d in runs.values() if d["total"] and d["api"]]
api = statistics.median(d["api"] / d["total"] for d in done)
check = statistics.median(d["check"] / d["total"] for d in done)
print()
print(f"  password reset --mailbox  median {reset:6.3f} s (end to end, verified by IMAP)")
print(f"  ssh uapi on argv          median {peer:6.3f} s   reset/peer = {reset / peer:4.2f}x")
print(f"  panel call (token, HTTPS API, revoke) share of a run: {api:5.1%}; IMAP verification: {check:5.1%} ({len(done)} runs)")
PY
