#!/usr/bin/env bash
# Issue 4 benchmark: restoring a 1 GiB cPanel account (many small files, some large ones, a
# database) from /backup/DATE/accounts/USER.tar.gz on a lab host. In one hyperfine run:
# `hostops backup restore` with preview, safety snapshot and verification; the same with
# --no-snapshot; and the panel's own restore run directly (`/scripts/restorepkg --force`),
# the baseline. Needs root; installs hyperfine if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-900}       # large files; the small ones and the database make up the rest
SMALL_FILES=${SMALL_FILES:-20000}
RUNS=${RUNS:-3}
command -v hyperfine >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null

cargo build --release --locked -q
bin=$PWD/target/release/hostops
work=$(mktemp -d /tmp/hostops-bench-backup.XXXXXX)
lab=$work/lab
trap 'tests/lab/lab down --dir "$lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
tests/lab/lab up --dir "$lab" --hosts 1 --panel cpanel >/dev/null
net=$(cat "$lab/net")
ssh_=(ssh -i "$lab/client_key" -o UserKnownHostsFile="$lab/known_hosts" -o BatchMode=yes "root@$net.1")

echo "making the account (${SIZE_MB} MiB of large files, $SMALL_FILES small files, a database) and its backup..."
tests/lab/lab add-account "$lab" h1 bob --domain bob.example --db wp --mailbox info --size "$SIZE_MB" >/dev/null
tests/lab/lab sh "$lab" h1 -- sh -c "mkdir -p /home/bob/public_html/small && cd /home/bob/public_html/small && \
  for i in \$(seq 1 $SMALL_FILES); do head -c 4096 /dev/urandom > f\$i.txt; done && chown -R bob: /home/bob/public_html/small"
tests/lab/lab sh "$lab" h1 -- sh -c "for i in \$(seq 1 12); do mariadb -e 'INSERT INTO posts (title, body, created) SELECT title, body, created FROM posts' bob_wp; done"
tests/lab/lab make-backup "$lab" h1 bob --date 2026-11-01 >/dev/null
tests/lab/lab sh "$lab" h1 -- sh -c 'du -sh /home/bob; ls -l /backup/2026-11-01/accounts/'

export HOSTOPS_JOURNAL=$work/journal.sqlite
ops="$bin --inventory $lab/inventory.toml -t BENCH-4 -y -q"
# Each run starts from the same damaged account; old snapshots are dropped to keep the disk.
prepare="tests/lab/lab sh $lab h1 -- sh -c 'rm -rf /home/.hostops-snapshots; rm -f /home/bob/public_html/index.html; mariadb -e \"DROP TABLE IF EXISTS options\" bob_wp'"

# BEFORE=PATH: an earlier hostops binary, timed in the same hyperfine run.
before=()
[ -z "${BEFORE:-}" ] || before=(-n "before: hostops backup restore (preview, snapshot, verify)" "${ops/#$bin/$BEFORE} backup restore h1 --account bob --date 2026-11-01")
hyperfine --runs "$RUNS" --prepare "$prepare" --export-json "$work/restore.json" \
  -n "hostops backup restore (preview, snapshot, verify)" "$ops backup restore h1 --account bob --date 2026-11-01" \
  "${before[@]}" \
  -n "hostops backup restore --no-snapshot" "$ops backup restore h1 --account bob --date 2026-11-01 --no-snapshot" \
  -n "restorepkg --force (panel, direct)" "${ssh_[*]} /scripts/restorepkg --force /backup/2026-11-01/accounts/bob.tar.gz >/dev/null"

python3 - "$work/restore.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
base = r["restorepkg --force (panel, direct)"]
print()
for name, median in r.items():
    print(f"  {name:52} median {median:7.2f} s   {median / base:5.2f}x the panel's restore")
PY
