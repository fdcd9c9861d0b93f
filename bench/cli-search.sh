#!/usr/bin/env bash
# How long `kb search` takes from a cold JVM: `java -jar kb.jar` against the quick launcher
# bin/kb (class-data archive, client compiler, serial GC), run by run in alternating order,
# each under /usr/bin/time. See bench/README.md ("CLI search").
#
#   bench/cli-search.sh                    the shipped help center (content/, site/), 7 runs each
#   bench/cli-search.sh 10000 [RUNS]       the generated N-article site bench/run.sh N built
#   bench/cli-search.sh --content C --out O [RUNS]
#
# QUERY (default "reconnect") and KB_JAR (default target/kb.jar) come from the environment.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
content="$repo/content" out="$repo/site" label="the shipped help center"
if [[ "${1:-}" == --content ]]; then
  content="$2"; out="$4"; label="$content"; shift 4
elif [[ "${1:-}" =~ ^[0-9]+$ && "${1}" -ge 50 ]]; then
  content="$here/work/corpus-$1/kb/content"; out="$here/work/out/kb-$1"; label="the $1-article site"; shift
fi
runs="${1:-7}"
jar="${KB_JAR:-$repo/target/kb.jar}"
query="${QUERY:-reconnect}"
command -v /usr/bin/time >/dev/null || { echo "cli-search.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
[[ -f "$jar" ]] || { echo "cli-search.sh: $jar not found (mvn -DskipTests package)" >&2; exit 2; }
[[ -d "$content" ]] || { echo "cli-search.sh: $content not found (bench/run.sh N generates and builds it)" >&2; exit 2; }
if [[ ! -d "$out/.kb/lucene" ]]; then
  echo "Building $out first (kb search times the built index, not a build) ..."
  java -jar "$jar" build --content "$content" --out "$out" >/dev/null
fi

args=(search --content "$content" --out "$out" -- "$query")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The launcher's first search after a new jar writes its archive: not what is timed.
KB_JAR="$jar" "$repo/bin/kb" "${args[@]}" >/dev/null

timed() { # name command...: appends "wall cpu rss_kb" to $work/name
  local name="$1"; shift
  /usr/bin/time -f '%e %U %S %M' -o "$work/t" "$@" >/dev/null 2>"$work/err" \
    || { echo "cli-search.sh: $name failed:"; cat "$work/err"; exit 1; } >&2
  awk '{ printf "%s %.2f %d\n", $1, $2 + $3, $4 }' "$work/t" >> "$work/$name"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "kb search \"$query\" on $label, $runs runs each, alternating (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
for ((r = 1; r <= runs; r++)); do
  if ((r % 2)); then order=(jar launcher); else order=(launcher jar); fi
  for name in "${order[@]}"; do
    if [[ $name == jar ]]; then timed jar java -jar "$jar" "${args[@]}"; else KB_JAR="$jar" timed launcher "$repo/bin/kb" "${args[@]}"; fi
  done
  timed jvm java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version
  echo "  run $r: java -jar $(tail -1 "$work/jar" | cut -d' ' -f1) s, bin/kb $(tail -1 "$work/launcher" | cut -d' ' -f1) s wall"
done
paste -d' ' <(cut -d' ' -f1 "$work/launcher") <(cut -d' ' -f1 "$work/jar") | awk '{ print $1 / $2 }' > "$work/ratio"

printf '\n| %-28s | %8s | %8s | %8s |\n' "" wall CPU "peak RSS"
printf '| %-28s | %8s | %8s | %8s |\n' --- ---: ---: ---:
for name in jar launcher jvm; do
  case $name in jar) title="java -jar target/kb.jar";; launcher) title="bin/kb (quick launcher)";; jvm) title="JVM start alone (-version)";; esac
  printf '| %-28s | %6.2f s | %6.2f s | %5d MB |\n' "$title" "$(cut -d' ' -f1 "$work/$name" | median)" \
    "$(cut -d' ' -f2 "$work/$name" | median)" "$(($(cut -d' ' -f3 "$work/$name" | median | cut -d. -f1) / 1024))"
done
printf '\nbin/kb / java -jar, wall: %.2f (median of the runs'"'"' ratios: %s)\n' "$(median < "$work/ratio")" \
  "$(awk '{ printf "%s%.2f", (NR > 1 ? ", " : ""), $1 }' "$work/ratio")"
