#!/usr/bin/env bash
# kb against Hugo + Pagefind on the same generated help center. See bench/README.md.
#
#   bench/run.sh N [runs] [--no-browser] [--no-bounded] [--no-warm] [--profile] [--kb-only] [--small-heap]   e.g. bench/run.sh 10000
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

# Node 20 has WebSocket (for the DevTools protocol) behind a flag; Node 22 has it built in.
node_flags=()
if node --experimental-websocket -e '' >/dev/null 2>&1; then
  node_flags+=(--experimental-websocket)
fi
exec node "${node_flags[@]}" "$here/bench.mjs" "$@"
