#!/bin/sh
# One-edit warm rebuilds of several kb jars, one after the other, each on a site of its own:
#   bench/warm-pair.sh N DIR...
# appends a sentence to the Nth article of the billing section of the 10,000-article corpus
# (made by bench/run.sh 10000), then runs `bin/kb build` with DIR/kb.jar into DIR/site under
# /usr/bin/time, real-time scheduled as bench/run.sh --rt is (chrt -f 50). Each DIR holds a
# copy of a kb.jar (its class-data archive is written beside it on first use) and a site that
# jar built once before, cold; the theme is a fixed copy (BENCH_TEMPLATES, default
# /tmp/kb-bench-templates, copied from templates/ when missing) so that checking out another
# commit does not change the cache's key. Call it again with the DIRs in another order.
set -e
cd "$(dirname "$0")/.."
C=bench/work/corpus-10000/kb/content
T=${BENCH_TEMPLATES:-/tmp/kb-bench-templates}
[ -d "$T" ] || cp -r templates "$T"
n=$1; shift
f=$(ls $C/articles/billing/*.md | sed -n "${n}p")
echo "One more sentence about invoices, edit $n." >> "$f"
for d in "$@"; do
  echo "== $d ($(uptime | sed 's/.*load/load/'))"
  KB_JAR=$d/kb.jar chrt -f 50 /usr/bin/time -f "wall %e s, user %U s, sys %S s, rss %M KB" \
    bin/kb build --content $C --templates "$T" --out "$d/site" 2>&1 | grep -E "Built|load |wall|from the"
done
