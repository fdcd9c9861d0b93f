#!/usr/bin/env bash
# Relevance harness: judged queries over two help centers, browser and CLI. See bench/README.md.
#   bench/relevance.sh [--no-browser] [--no-build] [--corpus lofty,ledgerly,shiftwise,stallfront,fitloop,latchkey,lofty-es] [--show misses|all|KIND] [--json FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
if [[ -z "${KB_JAR:-}" && ! -f "$repo/target/kb.jar" ]]; then
  (cd "$repo" && mvn -q -DskipTests -Dkb.skipSite=true package)
fi
node_flags=()
if node --experimental-websocket -e '' >/dev/null 2>&1; then
  node_flags+=(--experimental-websocket)
fi
exec node "${node_flags[@]}" "$here/relevance.mjs" "$@"
