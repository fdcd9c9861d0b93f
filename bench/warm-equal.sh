#!/usr/bin/env bash
# Warm builds equal cold ones, edit after edit:
#   bench/warm-equal.sh [WORK]          (WORK defaults to bench/work/warm-equal)
# copies the shipped help center (content/ and templates/) to WORK, builds it once with the
# build cache, then makes one kind of edit after another (body, title, summary, heading,
# related list, weight, a new article, a rename with its alias, a removal, kb.yaml's synonyms,
# the data file, the FAQ, a Spanish article, the theme). After each edit it builds twice: into
# the same site with the cache (warm) and into a fresh folder with --no-cache (cold). The two
# sites must hold the same files with the same bytes, .kb/ aside (the build cache and Lucene's
# own files are kb's working state, not the site), and `kb search` must answer the same on
# both. Prints one line per edit and exits 1 at the first difference. KB_JAR picks the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
W=${1:-bench/work/warm-equal}
rm -rf "$W"; mkdir -p "$W"
cp -r content "$W/content"; cp -r templates "$W/templates"
C=$W/content; T=$W/templates
kb() { bin/kb "$@"; }
build() { kb build -q --content "$C" --templates "$T" --out "$1" "${@:2}"; }
sums() { (cd "$1" && find . -type f -not -path './.kb/*' -not -path '*/.kb/*' -print0 | sort -z | xargs -0 sha256sum); }
search() { for q in reconnect "how long does a linkedin token last" facebok "token expired"; do
  kb search --content "$C" --templates "$T" --out "$1" --json "$q"; done 2>&1; }

build "$W/site"
n=0
check() {
  n=$((n + 1))
  build "$W/site"
  rm -rf "$W/cold"; build "$W/cold" --no-cache
  if ! diff <(sums "$W/cold") <(sums "$W/site") >"$W/diff.txt"; then
    echo "$n $1: DIFFERENT"; sed 's/^/  /' "$W/diff.txt" | head -20; exit 1
  fi
  if ! diff <(search "$W/cold") <(search "$W/site") >"$W/diff.txt"; then
    echo "$n $1: kb search answers otherwise"; head -20 "$W/diff.txt"; exit 1
  fi
  echo "$n $1: equal"
}
A=$C/articles/getting-started/how-to-reconnect.md
B=$C/articles/linkedin/token-expiration.md
sed_i() { cp "$2" "$W/before"; sed -i "$1" "$2"; ! cmp -s "$2" "$W/before" || { echo "edit did not apply: $1 on $2"; exit 1; }; }

printf '\nOne more sentence about reconnecting, for the warm build.\n' >> "$A"; check body
sed_i 's/^title: How to reconnect a social account$/title: How to reconnect any social account/' "$A"; check title
sed_i 's/^summary: .*/summary: Getting a disconnected account working again, step by step, after fixing the cause./' "$A"; check summary
printf '\n## One more heading {#one-more-heading}\n\nA short section under it.\n' >> "$B"; check heading
sed_i 's/^related: \[105, 101, 104, 202\]$/related: [105, 104, 202]/' "$A"; check related
sed_i 's/^weight: 30$/weight: 5/' "$A"; check weight
cat > "$C/articles/getting-started/a-new-article.md" <<'EOF'
---
id: 999
title: A new article about webhooks
summary: What a webhook is and why it stops after a disconnection.
tags: [webhooks]
weight: 90
updated: 2026-12-07
---

Webhooks tell the CRM when something changes on the network's side.

## When they stop {#when-they-stop}

They stop when the account's token is no longer valid.
EOF
check add
git mv -f "$C/articles/getting-started/a-new-article.md" "$C/articles/getting-started/webhooks.md" 2>/dev/null \
  || mv "$C/articles/getting-started/a-new-article.md" "$C/articles/getting-started/webhooks.md"
sed_i 's/^id: 999$/id: 999\naliases: [getting-started\/a-new-article]/' "$C/articles/getting-started/webhooks.md"; check "rename with alias"
rm "$C/articles/getting-started/webhooks.md"
build "$W/site" --accept-removals; rm -rf "$W/cold"; n=$((n + 1))
rm -rf "$W/cold"; build "$W/cold" --no-cache --accept-removals
if ! diff <(sums "$W/cold") <(sums "$W/site") >"$W/diff.txt"; then echo "$n remove: DIFFERENT"; head -20 "$W/diff.txt"; exit 1; fi
echo "$n remove: equal"
sed_i 's/^  linkedin: \[li\]$/  linkedin: [li, linked in]/' "$C/kb.yaml"; check "kb.yaml synonyms"
sed_i 's/gives Lofty a fresh one\./gives Lofty a new one./' "$C/data/networks.yaml"; check "data file"
printf '\n' >> "$C/faq/general.md"; sed_i '0,/^## /s/^## \([^{]*\)? {#/## \1, and what to do? {#/' "$C/faq/general.md"; check FAQ
printf '\nUna frase más sobre la reconexión.\n' >> "$C/es/articles/getting-started/how-to-reconnect.md"; check "Spanish article"
sed_i 's#</main>#</main><!-- theme edited -->#' "$T/base.peb"; check theme
echo "all $n edits: the warm site equals the cold one"
