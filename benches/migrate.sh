#!/usr/bin/env bash
# Issue 3 benchmark: a 1 GiB cPanel account (many small files, some large ones, a database)
# moved between two lab hosts. In one hyperfine run each: `hostops migrate run` (direct and
# --relay) beside the OpenSSH baseline `ssh SRC tar -cf - | ssh DST tar -xf -`, and the
# transfer alone (`hostops copy` of the archive, direct and relay) beside `ssh SRC cat | ssh
# DST cat`. Peak RSS of hostops from GNU time. Needs root; installs hyperfine if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-900}       # large files; the small ones and the database make up the rest
SMALL_FILES=${SMALL_FILES:-20000}
RUNS=${RUNS:-3}
command -v hyperfine >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null

cargo build --release --locked -q
bin=$PWD/target/release/hostops
work=$(mktemp -d /tmp/hostops-bench-migrate.XXXXXX)
lab=$work/lab
trap 'tests/lab/lab down --dir "$lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
tests/lab/lab up --dir "$lab" --hosts 2 --panel cpanel >/dev/null
net=$(cat "$lab/net")
src=root@$net.1 dst=root@$net.2
ssh_=(ssh -i "$lab/client_key" -o UserKnownHostsFile="$lab/known_hosts" -o BatchMode=yes)

echo "making the account (${SIZE_MB} MiB of large files, $SMALL_FILES small files, a database)..."
tests/lab/lab add-account "$lab" h1 bob --domain bob.example --db wp --mailbox info --size "$SIZE_MB" >/dev/null
tests/lab/lab sh "$lab" h1 -- sh -c "mkdir -p /home/bob/public_html/small && cd /home/bob/public_html/small && \
  for i in \$(seq 1 $SMALL_FILES); do head -c 4096 /dev/urandom > f\$i.txt; done && chown -R bob: /home/bob/public_html/small"
tests/lab/lab sh "$lab" h1 -- sh -c "for i in \$(seq 1 12); do mariadb -e 'INSERT INTO posts (title, body, created) SELECT title, body, created FROM posts' bob_wp; done"
tests/lab/lab sh "$lab" h1 -- du -sh /home/bob
tests/lab/lab sh "$lab" h1 -- /scripts/pkgacct bob /root >/dev/null

export HOSTOPS_JOURNAL=$work/journal.sqlite
ops="$bin --inventory $lab/inventory.toml -t BENCH-3 -y -q"
clean_target="tests/lab/lab sh $lab h2 -- sh -c 'whmapi1 removeacct username=bob >/dev/null 2>&1; rm -rf /home/bob /home/.hostops-* /home/copy.tar.gz'"
rss() { /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true; echo "$(($(cat "$work/rss") / 1024)) MiB"; }

hyperfine --runs "$RUNS" --prepare "$clean_target" --export-json "$work/migrate.json" \
  -n "hostops migrate run (direct)" "$ops migrate run --from h1 --to h2 bob" \
  -n "hostops migrate run --relay" "$ops migrate run --relay --from h1 --to h2 bob" \
  -n "ssh tar | ssh tar" "${ssh_[*]} $src tar -C /home -cf - bob | ${ssh_[*]} $dst tar -C /home -xf -"

hyperfine --runs "$RUNS" --prepare "$clean_target" --export-json "$work/copy.json" \
  -n "hostops copy (direct)" "$ops copy h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz" \
  -n "hostops copy --relay" "$ops copy --relay h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz" \
  -n "ssh cat | ssh cat" "${ssh_[*]} $src cat /root/cpmove-bob.tar.gz | ${ssh_[*]} $dst 'cat > /home/copy.tar.gz'"

eval "$clean_target"; echo "peak RSS migrate run (direct): $(rss $ops migrate run --from h1 --to h2 bob)"
eval "$clean_target"; echo "peak RSS migrate run --relay:  $(rss $ops migrate run --relay --from h1 --to h2 bob)"
eval "$clean_target"; echo "peak RSS copy --relay:         $(rss $ops copy --relay h1:/root/cpmove-bob.tar.gz h2:/home/copy.tar.gz)"

python3 - "$work/migrate.json" "$work/copy.json" <<'PY'
import json, sys
for path, base in ((sys.argv[1], "ssh tar | ssh tar"), (sys.argv[2], "ssh cat | ssh cat")):
    r = {x["command"]: x["median"] for x in json.load(open(path))["results"]}
    print()
    for name, median in r.items():
        print(f"  {name:32} median {median:7.2f} s   {median / r[base]:5.2f}x baseline")
PY
