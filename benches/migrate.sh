#!/usr/bin/env bash
# Issue 3 benchmark: a 1 GiB cPanel account (large files, many small files, a database) moved
# between two lab hosts. One hyperfine run holds `hostops migrate run` (direct and --relay)
# and the OpenSSH baseline `ssh SRC tar -cf - | ssh DST tar -xf -` on the same data; another
# the transfer alone (`hostops copy` of a 1 GiB archive, direct and relay) and `ssh SRC cat |
# ssh DST cat`. The commands of one table run back to back in one hyperfine run, under about
# the same load: on a shared machine the ratios mean more than the absolute times. Peak RSS of
# hostops from GNU time.
# Prints one table: median, ratio to its baseline, peak RSS, and the machine's load.
#
#   benches/migrate.sh                  # RUNS=3 SIZE_MB=900 SMALL_FILES=20000 ROWS_DOUBLINGS=12
#   LAB=/tmp/bench-lab benches/migrate.sh   # keep the lab (made once) for the next run
#
# Needs root; installs hyperfine and GNU time if missing. Cargo honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-900}       # large files; the small ones and the database make up the rest
SMALL_FILES=${SMALL_FILES:-20000}
ROWS_DOUBLINGS=${ROWS_DOUBLINGS:-12}  # 50 rows doubled 12 times: 204,800 rows
RUNS=${RUNS:-3}
command -v hyperfine >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null

cargo build --release --locked -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/hostops
work=$(mktemp -d /tmp/hostops-bench-migrate.XXXXXX)
lab=${LAB:-$work/lab}
if [ -z "${LAB:-}" ]; then
  trap 'tests/lab/lab down --dir "$lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi

if [ ! -f "$lab/net" ] || ! tests/lab/lab sh "$lab" h1 -- test -f /root/cpmove-bob.tar.gz 2>/dev/null; then
  tests/lab/lab up --dir "$lab" --hosts 2 --panel cpanel >/dev/null
  echo "making the account (${SIZE_MB} MiB of large files, $SMALL_FILES small files, a database)..."
  tests/lab/lab add-account "$lab" h1 bob --domain bob.example --db wp --mailbox info --size "$SIZE_MB" >/dev/null
  tests/lab/lab sh "$lab" h1 -- sh -c "mkdir -p /home/bob/public_html/small && cd /home/bob/public_html/small && \
    for i in \$(seq 1 $SMALL_FILES); do head -c 4096 /dev/urandom > f\$i.txt; done && chown -R bob: /home/bob/public_html/small"
  tests/lab/lab sh "$lab" h1 -- sh -c "for i in \$(seq 1 $ROWS_DOUBLINGS); do mariadb -e 'INSERT INTO posts (title, body, created) SELECT title, body, created FROM posts' bob_wp; done"
  # The file the copy table moves: a full account archive (home included), as a backup is.
  tests/lab/lab sh "$lab" h1 -- /scripts/pkgacct bob /root >/dev/null
fi
net=$(cat "$lab/net")
src=root@$net.1 dst=root@$net.2
ssh_=(ssh -i "$lab/client_key" -o UserKnownHostsFile="$lab/known_hosts" -o BatchMode=yes)
echo "account: $(tests/lab/lab sh "$lab" h1 -- du -sh /home/bob | cut -f1) in /home/bob," \
  "$(tests/lab/lab sh "$lab" h1 -- sh -c 'find /home/bob -type f | wc -l') files," \
  "$(tests/lab/lab sh "$lab" h1 -- mariadb -N -e 'SELECT COUNT(*) FROM posts' bob_wp) rows;" \
  "archive $(tests/lab/lab sh "$lab" h1 -- du -h /root/cpmove-bob.tar.gz | cut -f1)"

export HOSTOPS_JOURNAL=$work/journal.sqlite
ops="$bin --inventory $lab/inventory.toml -t BENCH-3 -y -q"
clean_target="tests/lab/lab sh $lab h2 -- sh -c 'whmapi1 removeacct username=bob >/dev/null 2>&1; rm -rf /home/bob /home/.hostops-* /home/copy.tar.gz'"
rss() { eval "$clean_target"; /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true; echo $(($(cat "$work/rss") / 1024)); }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# BEFORE=PATH: an earlier hostops binary, timed in the same hyperfine run.
before=()
[ -z "${BEFORE:-}" ] || before=(-n "before: hostops migrate run (direct)" "${ops/#$bin/$BEFORE} migrate run --from h1 --to h2 bob")
load_before=$(load)
hyperfine --runs "$RUNS" --prepare "$clean_target" --export-json "$work/migrate.json" \
  -n "ssh tar | ssh tar" "${ssh_[*]} $src tar -C /home -cf - bob | ${ssh_[*]} $dst tar -C /home -xf -" \
  -n "hostops migrate run (direct)" "$ops migrate run --from h1 --to h2 bob" \
  "${before[@]}" \
  -n "hostops migrate run --relay" "$ops migrate run --relay --from h1 --to h2 bob"
load_mid=$(load)
hyperfine --runs "$RUNS" --prepare "$clean_target" --export-json "$work/copy.json" \
  -n "ssh cat | ssh cat" "${ssh_[*]} $src cat /root/cpmove-bob.tar.gz | ${ssh_[*]} $dst 'cat > /home/copy.tar.gz'" \
  -n "hostops copy (direct)" "$ops copy h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz" \
  -n "hostops copy --relay" "$ops copy --relay h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz"
load_after=$(load)

{
  echo "hostops migrate run (direct)	$(rss $ops migrate run --from h1 --to h2 bob)"
  echo "hostops migrate run --relay	$(rss $ops migrate run --relay --from h1 --to h2 bob)"
  echo "hostops copy (direct)	$(rss $ops copy h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz)"
  echo "hostops copy --relay	$(rss $ops copy --relay h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz)"
} > "$work/rss.tsv"
eval "$clean_target"

python3 - "$work/migrate.json" "$work/copy.json" "$work/rss.tsv" "$RUNS" "$(nproc)" \
  "$load_before" "$load_mid" "$load_after" <<'PY'
import json, sys
migrate, copy, rss_file, runs, cpus = sys.argv[1:6]
loads = sys.argv[6:]
rss = dict(l.rstrip("\n").split("\t") for l in open(rss_file))
print(f"\n{runs} runs each, back to back; {cpus} CPUs; load average (1/5/15 min) before, between, after: "
      + " | ".join(loads))
print(f"\n| command | median | min | max | ratio vs baseline | peak RSS |\n|---|---|---|---|---|---|")
for path, base in ((migrate, "ssh tar | ssh tar"), (copy, "ssh cat | ssh cat")):
    results = json.load(open(path))["results"]
    medians = {r["command"]: r["median"] for r in results}
    for r in results:
        name = r["command"]
        mem = f"{rss[name]} MiB" if name in rss else "-"
        print(f"| {name} | {r['median']:.2f} s | {r['min']:.2f} s | {r['max']:.2f} s "
              f"| {r['median'] / medians[base]:.2f}x | {mem} |")
PY
