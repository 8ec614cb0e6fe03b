#!/usr/bin/env bash
# Long output lines: `hostops exec` on HOSTS lab hosts, each printing one line of SIZE bytes
# (no newline inside), output to a file (prefixed `host | ` per line). Prints wall time and
# peak RSS from /usr/bin/time -v for each size. Needs root (the lab).
#   BIN=path/to/hostops benches/long-lines.sh     # measure a given binary (default: release build)
#   HOSTS=2 SIZES="16M 64M" benches/long-lines.sh
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-2}
SIZES=${SIZES:-16M 64M}
if [ -z "${BIN:-}" ]; then
  cargo build --release --locked -q
  BIN=$PWD/target/release/hostops
fi
work=$(mktemp -d /tmp/hostops-bench.XXXXXX)
trap 'tests/lab/lab down --dir "$work/lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
tests/lab/lab up --dir "$work/lab" --hosts "$HOSTS" >/dev/null
export HOSTOPS_JOURNAL=$work/journal.sqlite

printf '%-6s %-6s %10s %12s %s\n' hosts size wall_s peak_rss_kb output_ok
for size in $SIZES; do
  /usr/bin/time -v -o "$work/time" "$BIN" --inventory "$work/lab/inventory.toml" -t BENCH-1 -y \
    exec lab -- sh -c 'head -c "$1" /dev/zero | tr "\0" a' sh "$size" >"$work/out" 2>/dev/null
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time" |
    awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  bytes=$(numfmt --from=iec "$size")
  # Every host's pieces, prefixes removed, add up to its line.
  got=$(sed -n 's/^h1 | //p' "$work/out" | tr -d '\n' | wc -c)
  ok=$([ "$got" -eq "$bytes" ] && echo yes || echo "no ($got bytes from h1)")
  printf '%-6s %-6s %10s %12s %s\n' "$HOSTS" "$size" "$wall" "$rss" "$ok"
done
