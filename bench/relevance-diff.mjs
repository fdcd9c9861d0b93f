// Compares two `bench/relevance.sh --json FILE` reports query by query: every query whose
// nDCG@5, Recall@1 or section-in-top-3 moved, per corpus and half, in the CLI run.
//
//   node bench/relevance-diff.mjs BEFORE.json AFTER.json
import { readFileSync } from 'node:fs';

const [before, after] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
let worse = 0;
for (const [name, corpus] of Object.entries(after.corpora)) {
  const old = new Map((before.corpora[name]?.runs.cli.queries || []).map((q) => [q.query, q]));
  for (const q of corpus.runs.cli.queries) {
    const o = old.get(q.query);
    if (!o) continue;
    const moved = Math.abs(q.ndcg - o.ndcg) > 1e-9 || q.recall1 !== o.recall1 || q.section !== o.section;
    if (!moved) continue;
    const down = q.ndcg < o.ndcg - 1e-9 || q.recall1 < o.recall1 || (q.section ?? 1) < (o.section ?? 1);
    if (down) worse++;
    console.log(`${down ? 'WORSE' : 'better'} ${name.padEnd(8)} ${q.half.padEnd(5)} ${q.kind.padEnd(12)} ndcg ${o.ndcg.toFixed(3)} -> ${q.ndcg.toFixed(3)}`
      + `  r1 ${o.recall1} -> ${q.recall1}  sec ${o.section ?? '-'} -> ${q.section ?? '-'}  ${q.query}`);
  }
}
console.log(`${worse} queries worse`);
