#!/usr/bin/env bash
# Issue 18 benchmark: the shared journal. `hostops exec` of `true` on 20 lab hosts journaled
# to SQLite on disk, to SQLite on a tmpfs and to PostgreSQL (a throwaway cluster on loopback,
# default durability), in one hyperfine run; then 20 concurrent writers (each WRITER_RUNS runs
# of `exec local -- true`) on SQLite and on PostgreSQL: runs per second and the slowest
# journal write (from the `journal write took` debug lines). Needs root (the lab, the tmpfs,
# and PostgreSQL run as the `postgres` user). Installs hyperfine and postgresql if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20}
RUNS=${RUNS:-10}
WRITERS=${WRITERS:-20}
WRITER_RUNS=${WRITER_RUNS:-5}
need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine postgresql >/dev/null
fi

cargo build --release --locked -q
bin=$PWD/target/release/hostops
work=$(mktemp -d /tmp/hostops-bench.XXXXXX)
chmod 0755 "$work"
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg() { runuser -u postgres -- "$pgbin/$1" "${@:2}"; }
cleanup() {
  pg pg_ctl -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  umount "$work/tmpfs" 2>/dev/null || true
  tests/lab/lab down --dir "$work/lab" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

tests/lab/lab up --dir "$work/lab" --hosts "$HOSTS" >/dev/null
lab=$work/lab
mkdir "$work/tmpfs"
mount -t tmpfs -o size=256m tmpfs "$work/tmpfs"

mkdir "$work/pg"
chown postgres: "$work/pg"
pg initdb -D "$work/pg/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg pg_ctl -D "$work/pg/data" -o "-k $work/pg -h 127.0.0.1 -p $port" -l "$work/pg/log" -w start >/dev/null
url=postgres://postgres@127.0.0.1:$port/postgres
"$bin" -q log init-server "$url" >/dev/null

export HOME=$work XDG_DATA_HOME=$work/data
exec_all="$bin --inventory $lab/inventory.toml -t BENCH-1 -y -q exec all --forks $HOSTS -- true"
hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/exec.json" \
  -n sqlite "env HOSTOPS_JOURNAL=$work/journal.sqlite $exec_all" \
  -n sqlite-tmpfs "env HOSTOPS_JOURNAL=$work/tmpfs/journal.sqlite $exec_all" \
  -n postgres "env HOSTOPS_JOURNAL=$url $exec_all"

# WRITERS processes at once, each WRITER_RUNS runs in a row; prints "runs/s slowest_ms".
writers() {
  local journal=$1 logs=$work/writers-$2
  mkdir -p "$logs"
  local start end
  start=$(date +%s.%N)
  for w in $(seq 1 "$WRITERS"); do
    (for _ in $(seq 1 "$WRITER_RUNS"); do
      HOSTOPS_JOURNAL=$journal "$bin" -vv -t "BENCH-W$w" -y exec local -- true \
        >/dev/null 2>>"$logs/$w.log"
    done) &
  done
  wait
  end=$(date +%s.%N)
  python3 - "$start" "$end" "$((WRITERS * WRITER_RUNS))" "$logs" <<'PY'
import glob, re, sys
start, end, runs, logs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
ms = [float(m) for f in glob.glob(logs + "/*.log")
      for m in re.findall(r"journal write took ([0-9.]+) ms", open(f).read())]
fails = sum(open(f).read().count("journaled locally") for f in glob.glob(logs + "/*.log"))
print(f"{runs / (end - start):.1f} {max(ms):.1f} {len(ms)} {sorted(ms)[len(ms) // 2]:.2f} {fails}")
PY
}
sqlite_w=$(writers "$work/writers.sqlite" sqlite)
postgres_w=$(writers "$url" postgres)
"$bin" -q --journal "$url" log verify >/dev/null && pg_verify=intact || pg_verify=TAMPERED

python3 - "$work/exec.json" "$sqlite_w" "$postgres_w" "$pg_verify" <<'PY'
import json, os, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = lambda n: r[n]["median"]
print(f"\nmedian wall time, exec true on {os.environ.get('HOSTS', '20')} lab hosts:")
for n in ("sqlite", "sqlite-tmpfs", "postgres"):
    print(f"  {n:13} {med(n):7.3f} s")
print(f"postgres / sqlite       = {med('postgres') / med('sqlite'):.2f}x  (target <= 1.2x)")
print(f"postgres / sqlite-tmpfs = {med('postgres') / med('sqlite-tmpfs'):.2f}x")
print(f"sqlite / sqlite-tmpfs   = {med('sqlite') / med('sqlite-tmpfs'):.2f}x")
w = os.environ.get("WRITERS", "20")
print(f"\n{w} concurrent writers (exec local -- true):")
for name, line in (("sqlite", sys.argv[2]), ("postgres", sys.argv[3])):
    rate, worst, n, median, fails = line.split()
    print(f"  {name:9} {rate} runs/s, {n} writes, median write {median} ms, slowest {worst} ms, fallbacks {fails}")
print(f"shared journal after the writers: hash chain {sys.argv[4]}")
PY
