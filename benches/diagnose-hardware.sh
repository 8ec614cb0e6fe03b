#!/usr/bin/env bash
# Issue 17 benchmark: `hostops diagnose hardware all` on 50 lab hosts beside 50 parallel
# OpenSSH sessions each running the same probe script (taken from the source, sent on
# stdin to `sh -s`), in one hyperfine run. Target: hostops at most 1.0x OpenSSH's time.
# Needs root (the lab). Installs hyperfine if missing. HOSTS=N, RUNS=N, BIN=PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-50}
RUNS=${RUNS:-5}
command -v hyperfine >/dev/null 2>&1 ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null

# BIN=PATH measures a given binary instead of building the release one.
if [ -n "${BIN:-}" ]; then
  bin=$BIN
else
  cargo build --release --locked -q
  bin=$PWD/target/release/hostops
fi
work=$(mktemp -d /tmp/hostops-bench.XXXXXX)
trap 'tests/lab/lab down --dir "$work/lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

tests/lab/lab up --dir "$work/lab" --hosts "$HOSTS" >/dev/null
lab=$work/lab
net=$(cat "$lab/net")

# The probe exactly as hostops sends it: the text between r#" and "#; in probe.rs.
sed -n '/^pub const PROBE: &str = r#"/,/"#;$/p' src/ops/diagnose/hardware/probe.rs |
  sed '1s/^pub const PROBE: &str = r#"//; $s/"#;$//' >"$work/probe.sh"
sh -n "$work/probe.sh"

ssh_opts="-i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes"
cat >"$work/openssh.sh" <<SH
for i in \$(seq 1 $HOSTS); do ssh $ssh_opts root@$net.\$i sh -s <$work/probe.sh >/dev/null & done
wait
SH

export HOSTOPS_JOURNAL=$work/journal.sqlite
hyperfine --warmup 1 --runs "$RUNS" --ignore-failure --export-json "$work/diagnose.json" \
  -n hostops "$bin --inventory $lab/inventory.toml -t BENCH-17 -q diagnose hardware all --forks $HOSTS" \
  -n openssh "bash $work/openssh.sh"

python3 - "$work/diagnose.json" <<'PY'
import json, os, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = lambda n: r[n]["median"]
print(f"\nmedian wall time, {os.environ.get('HOSTS', '50')} hosts:")
for n in ("hostops", "openssh"):
    print(f"  {n:8} {med(n):7.3f} s")
print(f"hostops / openssh = {med('hostops') / med('openssh'):.2f}x  (target <= 1.0x)")
PY
