#!/usr/bin/env bash
# Issue 5 benchmark: `hostops blacklist check` of 1,024 addresses (a /22) against 10 zones
# served by a real rbldnsd on 127.0.0.x port 53 (some peers cannot use another port), beside
# udns-utils' rblcheck (asynchronous C), pydnsbl (PyPI, asyncio + c-ares), check_rbl
# (Debian monitoring-plugins-contrib, looped over the addresses) and dnsperf sending the same
# queries (the limit), in one hyperfine run. Then every tool's verdicts are compared with the
# truth: 8 ordinary zones, one zone that answers the refusal code 127.255.255.254 for
# everything, and one broken zone that lists everything (127.0.0.1 included).
#
# Needs root (port 53, apt-get). Installs what is missing: rbldnsd, hyperfine, udns-utils,
# dnsperf, monitoring-plugins-contrib and its perl modules, and pydnsbl in a venv.
# RUNS (default 10), NS (default 127.0.0.233), CHECK_RBL_SAMPLE (addresses check_rbl loops
# over inside hyperfine, default 32: at ~90 ms each, 1,024 would take minutes per run).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
NS=${NS:-127.0.0.233}
CHECK_RBL_SAMPLE=${CHECK_RBL_SAMPLE:-32}
BLOCK=198.51.100.0/22
CHECK_RBL=/usr/lib/nagios/plugins/check_rbl

need() { command -v "$1" >/dev/null 2>&1; }
if ! need rbldnsd || ! need hyperfine || ! need rblcheck || ! need dnsperf || [ ! -x "$CHECK_RBL" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    rbldnsd hyperfine udns-utils dnsperf monitoring-plugins-contrib libmonitoring-plugin-perl \
    libnet-dns-perl libreadonly-perl libcapture-tiny-perl libdata-validate-domain-perl \
    libdata-validate-ip-perl libnet-ip-perl python3-venv >/dev/null
fi

cargo build --release --locked -q
bin=$PWD/target/release/hostops
work=$(mktemp -d /tmp/hostops-blbench.XXXXXX)
chmod 755 "$work"
rbl_pid=
cleanup() { if [ -n "$rbl_pid" ]; then kill "$rbl_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

venv=${PYDNSBL_VENV:-/var/tmp/hostops-pydnsbl-venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import pydnsbl' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pydnsbl
fi

# The data: 8 ordinary zones list a few addresses of the block each (with TXT), plus the
# RFC 5782 test point; refuse.bench answers 127.255.255.254 to everything; broken.bench
# lists everything. The truth is written beside it for the comparison.
python3 - "$work" "$BLOCK" <<'PY'
import ipaddress, json, os, sys
work, block = sys.argv[1], ipaddress.ip_network(sys.argv[2])
addrs = [str(a) for a in block]
soa = "$SOA 0 ns.bench. hostmaster.bench. 0 1h 1h 1d 1h\n"
truth, specs = {}, []
zones = [f"z{k}.bench" for k in range(1, 9)]
for k, z in enumerate(zones, 1):
    listed = [a for i, a in enumerate(addrs) if i % (17 * k) == 3]
    truth[z] = listed
    with open(f"{work}/{z}.data", "w") as f:
        f.write(soa + f":127.0.0.2:Listed in {z}: $\n127.0.0.2\n")
        f.write("".join(f"{a} :127.0.0.{2 + k % 3}:spam seen from $\n" for a in listed))
    specs.append(f"{z}:ip4set:{work}/{z}.data")
with open(f"{work}/refuse.data", "w") as f:
    f.write(soa + ":127.255.255.254:query refused\n0/0\n")
specs.append(f"refuse.bench:ip4trie:{work}/refuse.data")
with open(f"{work}/broken.data", "w") as f:
    f.write(soa + ":127.0.0.2:everything is listed\n0/0\n")
specs.append(f"broken.bench:ip4trie:{work}/broken.data")
all_zones = zones + ["refuse.bench", "broken.bench"]
with open(f"{work}/zones.toml", "w") as f:
    for z in zones:
        f.write(f'[[zone]]\nname = "{z}"\nkind = "ip"\ndelist = "https://{z}/remove"\n'
                f'[zone.codes]\n"127.0.0.2" = "listed"\n"127.0.0.3" = "spam"\n"127.0.0.4" = "spam"\n\n')
    f.write('[[zone]]\nname = "refuse.bench"\nkind = "ip"\n[zone.codes]\n"127.0.0.2" = "listed"\n'
            '[zone.errors]\n"127.255.255.254" = "query via public resolver"\n\n')
    f.write('[[zone]]\nname = "broken.bench"\nkind = "ip"\n[zone.codes]\n"127.0.0.2" = "listed"\n')
open(f"{work}/addrs", "w").write("\n".join(addrs) + "\n")
open(f"{work}/sample", "w").write("\n".join(addrs[:int(os.environ.get("CHECK_RBL_SAMPLE", "32"))]) + "\n")
open(f"{work}/zonelist", "w").write(",".join(all_zones))
open(f"{work}/specs", "w").write("\n".join(specs) + "\n")
json.dump(truth, open(f"{work}/truth.json", "w"))
# dnsperf: the peers' queries (every address in every zone, A), plus TXT for each listing.
rev = lambda a: ".".join(reversed(a.split(".")))
with open(f"{work}/queries", "w") as f:
    for a in addrs:
        for z in all_zones:
            f.write(f"{rev(a)}.{z}. A\n")
    for z, listed in truth.items():
        for a in listed:
            f.write(f"{rev(a)}.{z}. TXT\n")
PY
chmod 644 "$work"/*

mapfile -t specs <"$work/specs"
rbldnsd -n -q -u nobody -b "$NS/53" "${specs[@]}" &
rbl_pid=$!
for _ in $(seq 50); do
  if rblcheck -n "$NS" -s z1.bench 127.0.0.2 2>/dev/null | grep -q 'is listed'; then break; fi
  sleep 0.1
done
if ! kill -0 "$rbl_pid" 2>/dev/null; then
  echo "rbldnsd did not start on $NS port 53 (address taken? choose another with NS=127.0.0.x)" >&2
  exit 1
fi

zones_csv=$(cat "$work/zonelist")
rbl_s=$(tr ',' '\n' <"$work/zonelist" | sed 's/^/-s /' | tr '\n' ' ')
cat >"$work/run_pydnsbl.py" <<'PY'
import sys
from pydnsbl import DNSBLIpChecker
from pydnsbl.providers import Provider
addrs = open(sys.argv[1]).read().split()
checker = DNSBLIpChecker(providers=[Provider(z) for z in sys.argv[2].split(",")], timeout=2, tries=2)
checker._resolver.nameservers = [sys.argv[3]]
for r in checker.bulk_check(addrs):
    print(r.addr, ",".join(sorted(r.detected_by)) or "-", ",".join(p.host for p in r.failed_providers) or "-")
PY
cat >"$work/check_rbl.sh" <<SH
while read -r a; do $CHECK_RBL -H "\$a" $rbl_s -n $NS -t 30 || true; done <"\$1"
SH

export HOSTOPS_JOURNAL=$work/journal.sqlite
hostops_cmd="$bin -q -t BENCH-1 --json blacklist check $BLOCK --zones $work/zones.toml --nameserver $NS"
rblcheck_cmd="rblcheck -t -n $NS $rbl_s $(tr '\n' ' ' <"$work/addrs")"
pydnsbl_cmd="$venv/bin/python $work/run_pydnsbl.py $work/addrs $zones_csv $NS"
dnsperf_cmd="dnsperf -q 64 -t 2 -s $NS -d $work/queries -n 1"
printf '%s\n' "$rblcheck_cmd" >"$work/rblcheck.sh"

hyperfine -N --warmup 2 --runs "$RUNS" -i --export-json "$work/bench.json" \
  -n hostops "$hostops_cmd" \
  -n rblcheck "bash $work/rblcheck.sh" \
  -n pydnsbl "$pydnsbl_cmd" \
  -n dnsperf "$dnsperf_cmd" \
  -n "check_rbl x$CHECK_RBL_SAMPLE" "bash $work/check_rbl.sh $work/sample"

# One more run of each, kept, for the verdicts.
$hostops_cmd >"$work/hostops.out" || true
bash "$work/rblcheck.sh" >"$work/rblcheck.out" || true
$pydnsbl_cmd >"$work/pydnsbl.out"
$dnsperf_cmd >"$work/dnsperf.out" 2>&1
bash "$work/check_rbl.sh" "$work/sample" >"$work/check_rbl.out"

python3 - "$work" "$CHECK_RBL_SAMPLE" "$RUNS" <<'PY'
import json, re, sys
work, sample, runs = sys.argv[1], int(sys.argv[2]), sys.argv[3]
r = {x["command"]: x for x in json.load(open(f"{work}/bench.json"))["results"]}
med = lambda n: r[n]["median"]
truth = json.load(open(f"{work}/truth.json"))
addrs = open(f"{work}/addrs").read().split()
ordinary = sorted(truth)
bad = ["refuse.bench", "broken.bench"]
want = {(a, z) for z, l in truth.items() for a in l}

def score(name, listed, n_addrs, lost):
    """listed: set of (addr, zone) a tool called listed."""
    scope = set(addrs[:n_addrs])
    wrong_bad = sum(1 for a, z in listed if z in bad and a in scope)
    exp = {p for p in want if p[0] in scope}
    got = {p for p in listed if p[1] in ordinary}
    print(f"  {name:10} wrong on refusal+broken zones: {wrong_bad:5} of {2 * n_addrs}   "
          f"ordinary zones: {len(exp & got)}/{len(exp)} listings found, {len(got - exp)} false   "
          f"lost: {lost}")

hv = json.load(open(f"{work}/hostops.out"))["result"]
# A block is summed up: its listed addresses are targets, the other verdicts counts per zone.
s = hv["summary"]
pairs = s["listed"] + s["clean"] + s["refused"] + s["unknown"]
h_listed = {(t["target"], x["zone"]) for t in hv["targets"] for x in t["results"] if x["verdict"] == "listed"}
verdicts = {}
for t in hv["targets"]:
    for x in t["results"]:
        if x["zone"] in bad:
            verdicts.setdefault(x["zone"], set()).add(x["verdict"])
for b in hv["blocks"]:
    for c in b["counts"]:
        if c["zone"] in bad:
            verdicts.setdefault(c["zone"], set()).add(c["verdict"])
txt = sum(1 for t in hv["targets"] for x in t["results"] if x["verdict"] == "listed" and x.get("reason"))

rb = set()
for line in open(f"{work}/rblcheck.out"):
    m = re.match(r"(\S+) is listed by (\S+):", line)
    if m:
        rb.add((m[1], m[2]))
py, py_failed = set(), 0
for line in open(f"{work}/pydnsbl.out"):
    a, det, failed = line.split()
    py |= {(a, z) for z in det.split(",") if z != "-"}
    py_failed += 0 if failed == "-" else len(failed.split(","))
cr = set()
for line in open(f"{work}/check_rbl.out"):
    m = re.search(r"- (\S+) \(.*BLACKLISTED on \d+ servers? of \d+ \((.*)\)\s*\|", line)
    if m:
        cr |= {(m[1], z) for z in re.findall(r"(\S+) \(127", m[2])}
dp = open(f"{work}/dnsperf.out").read()
lost = re.search(r"Queries lost:\s+(\d+)", dp)

print(f"\nmedian wall time, {len(addrs)} addresses x 10 zones, {runs} runs each:")
for n in r:
    print(f"  {n:15} {med(n):8.3f} s")
crn = next(n for n in r if n.startswith("check_rbl"))
cr_full = med(crn) / sample * len(addrs)
print(f"  check_rbl, extrapolated to {len(addrs)} addresses: {cr_full:.1f} s ({med(crn) / sample * 1000:.0f} ms per address)")
print(f"hostops / rblcheck = {med('hostops') / med('rblcheck'):.2f}x  (target <= 1.5x)")
print(f"hostops / dnsperf  = {med('hostops') / med('dnsperf'):.2f}x  (target <= 2x)")
print(f"pydnsbl / hostops  = {med('pydnsbl') / med('hostops'):.1f}x faster  (target >= 5x)")
print(f"check_rbl / hostops = {cr_full / med('hostops'):.0f}x faster (extrapolated)")
print(f"\nverdicts (truth: {len(want)} listings in 8 ordinary zones; refuse.bench must be refused, broken.bench not counted):")
print(f"  hostops: {pairs} of {len(addrs) * 10} pairs ended with a verdict; TXT reasons on {txt} of {len(h_listed)} listings; "
      + ", ".join(f"{z} -> {sorted(v)}" for z, v in sorted(verdicts.items())))
score("hostops", h_listed, len(addrs), len(addrs) * 10 - pairs)
score("rblcheck", rb, len(addrs), "-")
score("pydnsbl", py, len(addrs), f"{py_failed} failed")
score("check_rbl", cr, sample, "-")
print(f"  dnsperf: {lost[1] if lost else '?'} queries lost of {len(addrs) * 10 + len(want)}")
PY
