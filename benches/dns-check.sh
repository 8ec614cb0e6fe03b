#!/usr/bin/env bash
# Issue 14 benchmark. (1) `hostops dns check` of DOMAINS domains (default 500) served by two
# lab nameservers (BIND 9, `lab up --dns`), side by side in one hyperfine run with dig asked
# the same questions: one dig per domain in parallel (xargs -P 64) and one `dig -f batchfile`.
# Per domain: NS, the nameservers' A/AAAA, MX, the mail host's A/AAAA, TXT, _dmarc TXT and SPF
# TXT through the resolver, then SOA, NS, A, MX and TXT from each nameserver without recursion
# (21 queries). Targets: within 1.5x of `dig -f`, faster than the parallel digs.
# (2) One `dns set` end to end (plan, named-checkzone, apply, read back, served by named) on
# a host without a panel, against the plan alone (--dry-run): medians.
# Needs root; installs hyperfine if missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DOMAINS=${DOMAINS:-500}
RUNS=${RUNS:-5}
# BIN=PATH: time that hostops binary instead of building a release one.
. benches/lib.sh
bench_setup dns
tests/lab/lab up --dir "$lab" --hosts 2 --dns >/dev/null
net=$(cat "$lab/net")
a1=$net.1 a2=$net.2

# The same DOMAINS zones on both hosts, NS ns1 -> h1 and ns2 -> h2, served after one reconfig.
for h in h1 h2; do
  # shellcheck disable=SC2016 # expanded by the inner bash
  tests/lab/lab sh "$lab" "$h" -- bash -c '
    n=$1 net=$2
    mkdir -p /etc/bind/zones
    for i in $(seq 1 "$n"); do
      d=d$i.test
      printf "\$TTL 300\n@ IN SOA ns1.%s. h.%s. 2026120301 3600 1800 1209600 300\n@ IN NS ns1.%s.\n@ IN NS ns2.%s.\nns1 IN A %s.1\nns2 IN A %s.2\n@ IN A 192.0.2.1\nwww IN A 192.0.2.1\n@ IN MX 10 mail.%s.\nmail IN A %s.1\n@ IN TXT \"v=spf1 a mx -all\"\n_dmarc IN TXT \"v=DMARC1; p=none\"\n" \
        "$d" "$d" "$d" "$d" "$net" "$net" "$d" "$net" >"/etc/bind/zones/$d.db"
      printf "zone \"%s\" { type master; file \"/etc/bind/zones/%s.db\"; };\n" "$d" "$d" >>/etc/bind/named.conf
    done
    rndc reconfig' zones "$DOMAINS" "$net" 2>/dev/null
done
until dig +short +norec "@$a2" "d$DOMAINS.test" SOA | grep -q 2026120301; do sleep 0.2; done

domains=$(seq -f 'd%g.test' 1 "$DOMAINS" | tr '\n' ' ')
# One line of dig arguments per domain: the 21 questions.
for i in $(seq 1 "$DOMAINS"); do
  d=d$i.test
  q="@$a1 $d NS @$a1 ns1.$d A @$a1 ns1.$d AAAA @$a1 ns2.$d A @$a1 ns2.$d AAAA @$a1 $d MX"
  q="$q @$a1 mail.$d A @$a1 mail.$d AAAA @$a1 $d TXT @$a1 _dmarc.$d TXT @$a1 $d TXT"
  for a in $a1 $a2; do q="$q @$a +norec $d SOA @$a +norec $d NS @$a +norec $d A @$a +norec $d MX @$a +norec $d TXT"; done
  echo "$q"
done >"$work/queries"
# dig -f: one query per line.
python3 - "$work/queries" >"$work/batch" <<'PY'
import sys
for line in open(sys.argv[1]):
    w = line.split()
    i = 0
    while i < len(w):
        j = i + 1
        while j < len(w) and not w[j].startswith("@"):
            j += 1
        print(" ".join(w[i:j]))
        i = j
PY

export HOSTOPS_JOURNAL=$work/journal.sqlite HOME=$work
ops="$bin --inventory $lab/inventory.toml -t BENCH-14 -q"
$ops dns check --nameserver "$a1" d1.test >/dev/null 2>&1 || true
hyperfine --warmup 1 --runs "$RUNS" -i --export-json "$work/check.json" \
  -n "hostops dns check" "$ops dns check --nameserver $a1 $domains" \
  -n "dig per domain, parallel" "xargs -P 64 -L 1 dig +short +time=2 +tries=2 <$work/queries >/dev/null" \
  -n "dig -f batchfile" "dig +short +time=2 +tries=2 -f $work/batch >/dev/null"

# What the timed check found (every domain must be ok: a fast run of timeouts proves nothing).
$ops --json dns check --nameserver "$a1" $domains | python3 -c '
import collections, json, sys
r = json.load(sys.stdin)["result"]["domains"]
print("  dns check outcomes:", dict(collections.Counter(d["outcome"] for d in r)))'

echo 0 >"$work/n"
set_one="n=\$((\$(cat $work/n) + 1)); echo \$n >$work/n; $ops -y dns set --host h1 d1.test www A 192.0.2.\$((n % 250 + 2))"
hyperfine --warmup 1 --runs "$((RUNS * 2))" --export-json "$work/set.json" \
  -n "hostops dns set (end to end)" "$set_one" \
  -n "hostops dns set --dry-run (plan)" "$ops --dry-run dns set --host h1 d1.test www A 192.0.2.1 --ttl 60"

python3 - "$work/check.json" "$work/set.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
ops, par, batch = r["hostops dns check"], r["dig per domain, parallel"], r["dig -f batchfile"]
print()
print(f"  dns check            median {ops:6.3f} s")
print(f"  dig -f batchfile     median {batch:6.3f} s   check/dig -f = {ops / batch:4.2f}x (target <= 1.5x)")
print(f"  parallel digs        median {par:6.3f} s   digs/check = {par / ops:4.2f}x (target > 1x)")
s = {x["command"]: x["median"] for x in json.load(open(sys.argv[2]))["results"]}
full, plan = s["hostops dns set (end to end)"], s["hostops dns set --dry-run (plan)"]
print(f"  dns set end to end   median {full:6.3f} s   (plan alone {plan:6.3f} s, apply + read back + served {full - plan:6.3f} s)")
PY
