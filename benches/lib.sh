# Sourced by the benchmarks: `bench_setup NAME` installs hyperfine if missing, picks the
# hostops binary to time ($bin: BIN=PATH, else a release build of this tree), and makes a work
# directory ($work) with a lab directory in it ($lab), both removed, the lab stopped, on exit.
bench_setup() { # NAME
  command -v hyperfine >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
  if [ -n "${BIN:-}" ]; then
    bin=$(readlink -f "$BIN")
  else
    cargo build --release --locked -q
    bin=$PWD/target/release/hostops
  fi
  work=$(mktemp -d "/tmp/hostops-bench-$1.XXXXXX")
  lab=$work/lab
  trap 'tests/lab/lab down --dir "$lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
}
