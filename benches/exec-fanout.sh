#!/usr/bin/env bash
# Issue 2 benchmark: `true` on 20 lab hosts with hostops exec, beside 20 parallel OpenSSH
# logins and Ansible (forks 20), in one hyperfine run; plus `hostops --help` wall time and
# the release binary's size. Needs root (the lab). Installs hyperfine and ansible-core.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20}
RUNS=${RUNS:-10}
need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need ansible; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine ansible-core >/dev/null
fi

cargo build --release --locked -q
bin=$PWD/target/release/hostops
work=$(mktemp -d /tmp/hostops-bench.XXXXXX)
trap 'tests/lab/lab down --dir "$work/lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

tests/lab/lab up --dir "$work/lab" --hosts "$HOSTS" >/dev/null
lab=$work/lab
net=$(cat "$lab/net")

# Ansible inventory and OpenSSH options for the same hosts, key and known_hosts.
ssh_opts="-i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes"
{
  echo "[lab]"
  for i in $(seq 1 "$HOSTS"); do echo "h$i ansible_host=$net.$i"; done
  echo "[lab:vars]"
  echo "ansible_user=root"
  echo "ansible_ssh_private_key_file=$lab/client_key"
  echo "ansible_ssh_common_args='-o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes'"
  echo "ansible_python_interpreter=/usr/bin/python3"
} >"$work/ansible.ini"
cat >"$work/ssh20.sh" <<SH
for i in \$(seq 1 $HOSTS); do ssh $ssh_opts root@$net.\$i true & done
wait
SH

# BEFORE=PATH: an earlier hostops binary, timed in the same run (a before/after ratio).
before=()
if [ -n "${BEFORE:-}" ]; then
  before=(-n hostops-before "$BEFORE --inventory $lab/inventory.toml -t BENCH-1 -y -q exec all --forks $HOSTS -- true")
fi
export HOSTOPS_JOURNAL=$work/journal.sqlite ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_STDOUT_CALLBACK=minimal
hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/exec.json" \
  -n hostops "$bin --inventory $lab/inventory.toml -t BENCH-1 -y -q exec all --forks $HOSTS -- true" \
  "${before[@]}" \
  -n openssh "bash $work/ssh20.sh" \
  -n ansible "ansible all -i $work/ansible.ini -m command -a true -f $HOSTS -o"

hyperfine --warmup 3 --runs 50 --export-json "$work/help.json" -n help "$bin --help"

python3 - "$work/exec.json" "$work/help.json" "$bin" <<'PY'
import json, os, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
h = json.load(open(sys.argv[2]))["results"][0]
med = lambda n: r[n]["median"]
if "hostops-before" in r:
    print(f"\nhostops {med('hostops'):.3f} s, before {med('hostops-before'):.3f} s: {med('hostops') / med('hostops-before'):.2f}x the time before")
print(f"\nmedian wall time, {os.environ.get('HOSTS', '20')} hosts:")
for n in ("hostops", "openssh", "ansible"):
    print(f"  {n:8} {med(n):7.3f} s")
print(f"hostops / openssh = {med('hostops') / med('openssh'):.2f}x  (target <= 1.5x)")
print(f"ansible / hostops = {med('ansible') / med('hostops'):.1f}x faster  (target >= 5x)")
print(f"hostops --help median {h['median'] * 1000:.1f} ms")
print(f"release binary {os.path.getsize(sys.argv[3]) / 1048576:.1f} MiB")
PY
