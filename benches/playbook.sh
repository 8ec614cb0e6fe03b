#!/usr/bin/env bash
# Issue 6 benchmark: a 10-step playbook of trivial commands on 20 lab hosts, run by hostops
# (facts gathered, every step journaled), by ansible-playbook (forks 20, gather_facts off)
# and by a shell loop of OpenSSH calls (each host in parallel, one ssh per step), plain and
# with connection sharing (ControlMaster: one handshake per host, as hostops and Ansible
# do), in one hyperfine run. Needs root (the lab). Installs hyperfine and ansible-core if
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."

HOSTS=${HOSTS:-20}
STEPS=${STEPS:-10}
RUNS=${RUNS:-10}
need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine || ! need ansible-playbook; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine ansible-core >/dev/null
fi

cargo build --release --locked -q
bin=$PWD/target/release/hostops
work=$(mktemp -d /tmp/hostops-bench.XXXXXX)
trap 'tests/lab/lab down --dir "$work/lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

tests/lab/lab up --dir "$work/lab" --hosts "$HOSTS" >/dev/null
lab=$work/lab
net=$(cat "$lab/net")

# The same steps three ways.
{
  echo "name: bench"
  echo "level: 2"
  echo "steps:"
  for s in $(seq 1 "$STEPS"); do printf '  - name: step %s\n    run: echo step %s\n' "$s" "$s"; done
  echo "rescue:"
  echo "  - {name: never, run: 'true'}"
} >"$work/bench.yml"
{
  echo "- hosts: lab"
  echo "  gather_facts: false"
  echo "  tasks:"
  for s in $(seq 1 "$STEPS"); do printf '    - name: step %s\n      command: echo step %s\n' "$s" "$s"; done
} >"$work/bench-ansible.yml"
ssh_opts="-i $lab/client_key -o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes"
cat >"$work/ssh-loop.sh" <<SH
for i in \$(seq 1 $HOSTS); do
  ( for s in \$(seq 1 $STEPS); do ssh $ssh_opts root@$net.\$i echo step \$s >/dev/null || exit 1; done ) &
done
wait
SH
# The same loop over one shared connection per host: a master opened first, closed last.
mux_opts="$ssh_opts -o ControlMaster=auto -o ControlPath=$work/mux-%C"
cat >"$work/ssh-mux-loop.sh" <<SH
for i in \$(seq 1 $HOSTS); do
  ( ssh $mux_opts -fN root@$net.\$i || exit 1
    for s in \$(seq 1 $STEPS); do ssh $mux_opts root@$net.\$i echo step \$s >/dev/null || exit 1; done
    ssh $mux_opts -O exit root@$net.\$i 2>/dev/null ) &
done
wait
SH
{
  echo "[lab]"
  for i in $(seq 1 "$HOSTS"); do echo "h$i ansible_host=$net.$i"; done
  echo "[lab:vars]"
  echo "ansible_user=root"
  echo "ansible_ssh_private_key_file=$lab/client_key"
  echo "ansible_ssh_common_args='-o UserKnownHostsFile=$lab/known_hosts -o StrictHostKeyChecking=yes'"
  echo "ansible_python_interpreter=/usr/bin/python3"
} >"$work/ansible.ini"

"$bin" playbook lint "$work/bench.yml"
# BEFORE=PATH: an earlier hostops binary, timed in the same run (a before/after ratio).
before=()
if [ -n "${BEFORE:-}" ]; then
  before=(-n hostops-before "$BEFORE --inventory $lab/inventory.toml -t BENCH-6 -y -q playbook run $work/bench.yml --host all --forks $HOSTS")
fi
export HOSTOPS_JOURNAL=$work/journal.sqlite ANSIBLE_HOST_KEY_CHECKING=True ANSIBLE_STDOUT_CALLBACK=minimal
hyperfine --warmup 1 --runs "$RUNS" --export-json "$work/playbook.json" \
  -n hostops "$bin --inventory $lab/inventory.toml -t BENCH-6 -y -q playbook run $work/bench.yml --host all --forks $HOSTS" \
  "${before[@]}" \
  -n openssh "bash $work/ssh-loop.sh" \
  -n openssh-mux "bash $work/ssh-mux-loop.sh" \
  -n ansible "ansible-playbook -i $work/ansible.ini -f $HOSTS $work/bench-ansible.yml"

python3 - "$work/playbook.json" <<'PY'
import json, os, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
med = lambda n: r[n]["median"]
if "hostops-before" in r:
    print(f"\nhostops {med('hostops'):.3f} s, before {med('hostops-before'):.3f} s: {med('hostops') / med('hostops-before'):.2f}x the time before")
print(f"\nmedian wall time, {os.environ.get('STEPS', '10')} steps on {os.environ.get('HOSTS', '20')} hosts:")
for n in ("hostops", "openssh", "openssh-mux", "ansible"):
    print(f"  {n:12} {med(n):7.3f} s  (min {r[n]['min']:.3f}, max {r[n]['max']:.3f})")
print(f"hostops / openssh = {med('hostops') / med('openssh'):.2f}x  (target <= 1.5x)")
print(f"hostops / openssh-mux = {med('hostops') / med('openssh-mux'):.2f}x")
print(f"ansible / hostops = {med('ansible') / med('hostops'):.1f}x faster  (target >= 8x)")
PY
