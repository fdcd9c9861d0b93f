#!/usr/bin/env bash
# kb against Hugo + Pagefind on the same generated help center. See bench/README.md.
#
#   bench/run.sh N [runs] [--no-browser] [--no-bounded] [--no-warm] [--profile] [--kb-only] [--small-heap] [--rt]   e.g. bench/run.sh 10000
#   bench/run.sh --smoke        50 articles, 1 run: proves the whole benchmark works (CI)
#
# Needs: Java 17, Node 18+ with npm, hugo, /usr/bin/time, and Chromium for the search budgets.
# Uses target/kb.jar (built with `mvn package` if missing; KB_JAR=... to use another jar).
# Everything it generates goes to bench/work/ (git-ignored).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"

missing=()
for tool in java node npm hugo /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ " $* " != *" --no-browser "* ]] && ! command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1; then
  missing+=("chromium (or pass --no-browser)")
fi
if ((${#missing[@]})); then
  echo "bench/run.sh: missing ${missing[*]} (Debian: apt-get install -y hugo time chromium nodejs npm)" >&2
  exit 2
fi

if [[ -z "${KB_JAR:-}" && ! -f "$repo/target/kb.jar" ]]; then
  echo "target/kb.jar not found; building it (mvn package, no tests, no site) ..."
  (cd "$repo" && mvn -q -DskipTests -Dkb.skipSite=true package)
fi

# --rt: everything the benchmark starts (kb, Hugo, Pagefind, Chromium, the static server) runs
# under the real-time FIFO policy, ahead of every ordinary process, so other work on a shared
# machine no longer stretches one side's runs and not the other's (bench/README.md, "A busy
# machine"). Needs root or CAP_SYS_NICE; the kernel still leaves ordinary processes 5% of each
# second (kernel.sched_rt_runtime_us), so the machine stays usable.
if [[ " $* " == *" --rt "* && "${BENCH_RT:-}" != 1 ]]; then
  if ! command -v chrt >/dev/null 2>&1 || ! chrt -f 1 true 2>/dev/null; then
    echo "bench/run.sh: --rt needs chrt (util-linux) and the right to use real-time scheduling (root or CAP_SYS_NICE)" >&2
    exit 2
  fi
  BENCH_RT=1 exec chrt -f 50 "$0" "$@"
fi

# Node 20 has WebSocket (for the DevTools protocol) behind a flag; Node 22 has it built in.
node_flags=()
if node --experimental-websocket -e '' >/dev/null 2>&1; then
  node_flags+=(--experimental-websocket)
fi
exec node "${node_flags[@]}" "$here/bench.mjs" "$@"
