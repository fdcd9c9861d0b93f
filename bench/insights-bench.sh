#!/usr/bin/env bash
# kb insights on a gigabyte of access logs: time and peak memory (bounded, streaming).
#
#   bench/insights-bench.sh [MEGABYTES]      default 1024; e.g. bench/insights-bench.sh 50 for a quick run
#
# Writes the synthetic log to /tmp/kb-insights-bench/ (kept for a re-run, removed with rm -r),
# builds the shipped site there once so searches re-run against a real index, then runs
# `kb insights --json` under GNU time with the JVM heap capped, to show memory does not follow
# the size of the logs. Needs Java 17, python3, /usr/bin/time; uses target/kb.jar.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
mb="${1:-1024}"
work="${KB_INSIGHTS_BENCH:-/tmp/kb-insights-bench}"
jar="${KB_JAR:-$repo/target/kb.jar}"
heap="${KB_INSIGHTS_HEAP:-256m}"

for tool in java python3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "insights-bench: missing $tool" >&2; exit 2; }
done
[[ -f "$jar" ]] || (cd "$repo" && mvn -q -DskipTests -Dkb.skipSite=true package)
mkdir -p "$work"
log="$work/access-${mb}m.log"
if [[ ! -f "$log" ]]; then
  echo "Writing ${mb} MB of synthetic access log to $log ..."
  python3 "$here/insights-log.py" "$mb" "$log.part" && mv "$log.part" "$log"
fi
if [[ ! -d "$work/site/.kb" ]]; then
  echo "Building the shipped site into $work/site ..."
  (cd "$repo" && java -jar "$jar" build --out "$work/site" >/dev/null)
fi

echo "kb insights --json on $(du -h "$log" | cut -f1) ($(wc -l < "$log") lines), heap capped at $heap:"
(cd "$repo" && /usr/bin/time -f '%e %M' -o "$work/time.txt" \
  java -Xmx"$heap" -jar "$jar" insights --json --out "$work/site" "$log" > "$work/report.json")
read -r seconds kilobytes < "$work/time.txt"
python3 - "$work/report.json" "$seconds" "$kilobytes" "$log" <<'PY'
import json, os, sys
report, seconds, kb, log = json.load(open(sys.argv[1])), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
t = report["totals"]
mb = os.path.getsize(log) / 1024 / 1024
print(f"  time        {seconds:.1f} s  ({mb / seconds:.0f} MB/s)")
print(f"  peak RSS    {kb / 1024:.0f} MB")
print(f"  lines       {t['lines']:,} ({t['malformed']:,} malformed, skipped)")
print(f"  events      {t['events']:,}: {t['searches']:,} searches, {t['choices']:,} choices, {t['votes']:,} votes")
print(f"  counts short by at most {t['countsFloor']:,} (bounded tallies)")
PY
