// Relevance harness: judged queries over two help centers, run through the browser client
// (window.kb.search in headless Chromium, over http and from file://) and the command line
// (`kb search --json`), scored with nDCG@5, Recall@1, MRR@10, section-in-top-3 and the share of
// queries without results, for a tuning half and a check half of the queries.
//
//   bench/relevance.sh [--no-browser] [--no-build] [--corpus NAME,...] [--json FILE] [--show KIND|all]
//
// Corpora: the shipped help center (content/, judged in bench/relevance/lofty.queries) and a
// fixture help center for another product (bench/relevance/ledgerly/, ledgerly.queries), a third
// one for yet another product (bench/relevance/shiftwise/, shiftwise.queries), a fourth
// (bench/relevance/stallfront/, stallfront.queries), and the shipped help center's Spanish
// pages (lofty-es.queries, `kb search --lang es`). See bench/README.md, "Relevance", for the judgment format and the exact metric definitions.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { freshPage, launch, serve } from './search-budget.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = dirname(here);
const work = join(here, 'work', 'relevance');
const LIMIT = 10;

const CORPORA = [
  { name: 'lofty', content: join(repo, 'content'), queries: join(here, 'relevance', 'lofty.queries') },
  { name: 'ledgerly', content: join(here, 'relevance', 'ledgerly'), queries: join(here, 'relevance', 'ledgerly.queries') },
  // A third product, written after the ranking was tuned on the other two.
  { name: 'shiftwise', content: join(here, 'relevance', 'shiftwise'), queries: join(here, 'relevance', 'shiftwise.queries') },
  // A fourth (an online store builder), written after the ranking was tuned on the three above.
  { name: 'stallfront', content: join(here, 'relevance', 'stallfront'), queries: join(here, 'relevance', 'stallfront.queries') },
  // A fifth (gym memberships), written for issue 20 after every weight had been chosen, judged before its first run.
  { name: 'fitloop', content: join(here, 'relevance', 'fitloop'), queries: join(here, 'relevance', 'fitloop.queries') },
  // A sixth (a password manager), written for issue 20 after every weight had been chosen, judged before its first run.
  { name: 'latchkey', content: join(here, 'relevance', 'latchkey'), queries: join(here, 'relevance', 'latchkey.queries') },
  // The shipped help center's Spanish pages: the same build as 'lofty', searched in site/es/ and
  // with `kb search --lang es`.
  { name: 'lofty-es', content: join(repo, 'content'), lang: 'es', queries: join(here, 'relevance', 'lofty-es.queries') },
];

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
/** --corpus a,b runs only those corpora (by name). */
const chosen = opt('--corpus') ? CORPORA.filter((c) => opt('--corpus').split(',').includes(c.name)) : CORPORA;
const jar = process.env.KB_JAR || join(repo, 'target', 'kb.jar');

/** Judged queries: kind, query, judgments {url: grade}; half alternates within each kind. */
export function readQueries(file) {
  const perKind = {};
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const [kind, query, judged] = line.split('\t');
    const judgments = {};
    for (const j of judged.trim().split(/\s+/)) {
      const at = j.lastIndexOf('=');
      judgments[j.slice(0, at)] = Number(j.slice(at + 1));
    }
    const n = perKind[kind] = (perKind[kind] || 0) + 1;
    return { kind, query, judgments, half: n % 2 === 1 ? 'tune' : 'check' };
  });
}

/** Every record of a built site, from its exported blocks: url#anchor -> kind letter. */
function records(site) {
  const out = {};
  const dir = join(site, 'search', 'data', 'd');
  for (const f of readdirSync(dir)) {
    const ctx = { JSON, kbSearchData: (name, rows) => rows.forEach((r) => { out[r[1] + (r[2] ? '#' + r[2] : '')] = r[0]; }) };
    runInNewContext(readFileSync(join(dir, f), 'utf8'), ctx);
  }
  return out;
}

const pageOf = (url) => url.split('#')[0];

/**
 * What a result is worth: the grade of its exact url; else, inside a judged page, the page's
 * grade; else, inside a page only sections of which are judged, one less than the best of them.
 * FAQ answers and table rows are results of their own, never "inside" the FAQ page.
 */
function gainOf(url, judgments, standalone) {
  if (judgments[url] !== undefined) return judgments[url];
  if (standalone(url)) return 0;
  const page = pageOf(url);
  if (judgments[page] !== undefined) return judgments[page];
  let best = 0;
  for (const [u, g] of Object.entries(judgments)) if (pageOf(u) === page && u !== page) best = Math.max(best, g - 1);
  return best;
}

/** The metrics of one query's ranked urls. */
function score(q, urls, standalone) {
  const gains = urls.map((u) => gainOf(u, q.judgments, standalone));
  const dcg = (gs) => gs.slice(0, 5).reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  // The ideal list: one result per page (or per standalone answer), the best grade of each.
  const best = {};
  for (const [u, g] of Object.entries(q.judgments)) {
    const key = standalone(u) ? u : pageOf(u);
    best[key] = Math.max(best[key] || 0, g);
  }
  const ideal = Object.values(best).sort((a, b) => b - a);
  const top = Math.max(...ideal);
  const firstGood = gains.findIndex((g) => g >= 2);
  const answers = Object.entries(q.judgments).filter(([u, g]) => u.includes('#') && g === 3).map(([u]) => u);
  return {
    ndcg: dcg(gains) / dcg(ideal),
    recall1: urls.length > 0 && gains[0] === top ? 1 : 0,
    mrr: firstGood >= 0 && firstGood < 10 ? 1 / (firstGood + 1) : 0,
    section: answers.length ? (urls.slice(0, 3).some((u) => answers.includes(u)) ? 1 : 0) : null,
    empty: urls.length === 0 ? 1 : 0,
  };
}

function summarize(rows) {
  const mean = (k) => { const v = rows.map((r) => r[k]).filter((x) => x !== null); return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN; };
  return { n: rows.length, ndcg5: mean('ndcg'), recall1: mean('recall1'), mrr10: mean('mrr'), sectionTop3: mean('section'),
    sectionQueries: rows.filter((r) => r.section !== null).length, noResults: mean('empty') };
}

/** The built site's root; a language's pages (its search, its index) are under <root>/<lang>/. */
function buildSite(corpus) {
  const out = join(work, (corpus.lang ? corpus.name.slice(0, -corpus.lang.length - 1) : corpus.name) + '-site');
  if (!args.includes('--no-build') || !existsSync(out)) {
    mkdirSync(work, { recursive: true });
    execFileSync('java', ['-jar', jar, 'build', '-q', '--content', corpus.content, '--out', out], { stdio: 'inherit' });
  }
  return out;
}

function cli(corpus, site, queries) {
  const r = spawnSync('java', ['-cp', jar, join(here, 'src', 'SearchMany.java'), corpus.content, site, String(LIMIT),
    ...(corpus.lang ? [corpus.lang] : [])],
    { input: queries.map((q) => q.query).join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error('kb search failed: ' + r.stderr);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l).map((h) => ({ url: h.url, score: h.score })));
}

async function browser(cdp, base, queries) {
  const page = await freshPage(cdp);
  try {
    await page.goto(base);
    const out = [];
    for (const q of queries) {
      out.push(await page.eval(`kb.search(${JSON.stringify(q.query)}, {limit: ${LIMIT}}).then(function (rs) {
        return rs.map(function (r) { return {url: r.url, score: r.score}; }); })`));
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Whether two runs agree: same urls in the same order, scores within float rounding. */
function differences(a, b, queries) {
  const out = [];
  a.forEach((ra, i) => {
    const rb = b[i];
    const same = ra.length === rb.length && ra.every((h, j) => h.url === rb[j].url
      && Math.abs(h.score - rb[j].score) <= 1e-5 * Math.abs(h.score));
    if (!same) out.push(queries[i].query);
  });
  return out;
}

/**
 * The CLI's figures over every corpus run, queries weighted alike: per half, then per kind and
 * half, the kinds ordered by the nDCG@5 they lose in all (the weakest kind first).
 */
function pooledLines(rows, report, lines) {
  const halves = { tune: rows.filter((r) => r.q.half === 'tune'), check: rows.filter((r) => r.q.half === 'check') };
  report.pooled = { tune: summarize(halves.tune), check: summarize(halves.check), byKind: {} };
  lines.push('', `all corpora (cli, ${rows.length} queries, each weighted alike)`);
  lines.push('  half     n   nDCG@5  Recall@1  MRR@10  section-in-top-3  no results');
  for (const half of ['tune', 'check']) {
    const s = report.pooled[half];
    lines.push(`  ${half.padEnd(5)} ${String(s.n).padStart(4)}   ${num(s.ndcg5)}   ${num(s.recall1)}   ${num(s.mrr10)}   ${pct(s.sectionTop3)} of ${String(s.sectionQueries).padStart(3)}   ${pct(s.noResults)}`);
  }
  const lost = (rs) => rs.reduce((sum, r) => sum + 1 - r.ndcg, 0);
  const kinds = [...new Set(rows.map((r) => r.q.kind))].sort((a, b) => lost(rows.filter((r) => r.q.kind === b)) - lost(rows.filter((r) => r.q.kind === a)));
  lines.push('  by kind (tuning | check; lost = nDCG@5 lost in all, in queries):');
  for (const kind of kinds) {
    const [t, c] = ['tune', 'check'].map((h) => summarize(halves[h].filter((r) => r.q.kind === kind)));
    report.pooled.byKind[kind] = { tune: t, check: c };
    const fig = (s) => `${String(s.n).padStart(3)}  nDCG@5 ${num(s.ndcg5)}  R@1 ${num(s.recall1)}  section ${pct(s.sectionTop3)}`;
    lines.push(`    ${kind.padEnd(12)} lost ${lost(rows.filter((r) => r.q.kind === kind)).toFixed(1).padStart(4)}   ${fig(t)} | ${fig(c)}`);
  }
}

const pct = (x) => (Number.isNaN(x) ? '   -  ' : (100 * x).toFixed(1).padStart(5) + '%');
const num = (x) => x.toFixed(3);

async function main() {
  if (!existsSync(jar)) {
    console.error(`relevance: ${jar} not found (mvn -q -DskipTests -Dkb.skipSite=true package)`);
    process.exit(2);
  }
  const noBrowser = args.includes('--no-browser');
  const chromium = noBrowser ? null : await launch();
  const report = { corpora: {} };
  const lines = [];
  // Every corpus's CLI rows together: the figure tuning decides on is the pooled tuning half,
  // each query weighted alike whatever help center it is from (a weight tuned on one help
  // center's half fits that help center).
  const pooled = [];
  let allIdentical = true;
  try {
    const built = {};
    for (const corpus of chosen) {
      const queries = readQueries(corpus.queries);
      const root = built[corpus.content] || (built[corpus.content] = buildSite(corpus));
      const site = corpus.lang ? join(root, corpus.lang) : root;
      const known = records(site);
      const bad = queries.flatMap((q) => Object.keys(q.judgments).filter((u) => known[u] === undefined && !Object.keys(known).some((k) => pageOf(k) === u)));
      if (bad.length) throw new Error(`${corpus.name}: judged urls not in the site: ${[...new Set(bad)].join(', ')}`);
      const standalone = (u) => known[u] === 'f' || known[u] === 'n';
      const runs = { cli: cli(corpus, root, queries) };
      if (chromium) {
        const served = await serve(root);
        try {
          runs.http = await browser(chromium.cdp, served.url + '/' + (corpus.lang ? corpus.lang + '/' : ''), queries);
        } finally {
          served.server.close();
        }
        runs.file = await browser(chromium.cdp, 'file://' + resolve(site) + '/index.html', queries);
      }
      const result = { queries: queries.length, runs: {}, differences: {} };
      for (const [runner, urls] of Object.entries(runs)) {
        const rows = queries.map((q, i) => ({ ...score(q, urls[i].map((h) => h.url), standalone), q }));
        result.runs[runner] = {
          all: summarize(rows),
          tune: summarize(rows.filter((r) => r.q.half === 'tune')),
          check: summarize(rows.filter((r) => r.q.half === 'check')),
          byKind: Object.fromEntries([...new Set(queries.map((q) => q.kind))].map((k) => [k, summarize(rows.filter((r) => r.q.kind === k))])),
          // Each query's own figures, so two runs can be compared query by query (bench/relevance-diff.mjs).
          queries: rows.map((r) => ({ query: r.q.query, kind: r.q.kind, half: r.q.half, ndcg: r.ndcg, recall1: r.recall1,
            section: r.section })),
        };
        if (runner === 'cli') pooled.push(...rows);
        if (runner === 'cli' && opt('--show')) {
          rows.filter((r) => opt('--show') === 'all' || r.q.kind === opt('--show') || (opt('--show') === 'misses' && (r.recall1 === 0 || r.section === 0)))
            .forEach((r) => lines.push(`  ${r.q.half} ${r.q.kind.padEnd(12)} ndcg ${num(r.ndcg)} r1 ${r.recall1} sec ${r.section ?? '-'}  ${r.q.query}\n      ${urls[queries.indexOf(r.q)].slice(0, 3).map((h) => h.url).join('  ')}`));
        }
      }
      for (const runner of Object.keys(runs).filter((r) => r !== 'cli')) {
        result.differences[runner] = differences(runs.cli, runs[runner], queries);
        if (result.differences[runner].length) allIdentical = false;
      }
      report.corpora[corpus.name] = result;
      lines.push('', `${corpus.name}: ${queries.length} queries (${queries.filter((q) => q.half === 'tune').length} tuning, ${queries.filter((q) => q.half === 'check').length} check)`);
      lines.push('  runner half    n   nDCG@5  Recall@1  MRR@10  section-in-top-3  no results');
      for (const [runner, r] of Object.entries(result.runs)) {
        for (const half of ['tune', 'check', 'all']) {
          const s = r[half];
          lines.push(`  ${runner.padEnd(6)} ${half.padEnd(5)} ${String(s.n).padStart(4)}   ${num(s.ndcg5)}   ${num(s.recall1)}   ${num(s.mrr10)}   ${pct(s.sectionTop3)} of ${String(s.sectionQueries).padStart(3)}   ${pct(s.noResults)}`);
        }
      }
      lines.push('  by kind (cli, all):');
      for (const [kind, s] of Object.entries(result.runs.cli.byKind)) {
        lines.push(`    ${kind.padEnd(12)} ${String(s.n).padStart(3)}   nDCG@5 ${num(s.ndcg5)}  R@1 ${num(s.recall1)}  MRR ${num(s.mrr10)}  section ${pct(s.sectionTop3)}`);
      }
      for (const [runner, diff] of Object.entries(result.differences)) {
        lines.push(`  ${runner} vs cli: ${diff.length === 0 ? 'identical (same urls, same order, same scores)' : `${diff.length} queries differ: ${diff.slice(0, 5).join(' | ')}`}`);
      }
    }
  } finally {
    if (chromium) await chromium.close();
  }
  if (chosen.length > 1) pooledLines(pooled, report, lines);
  lines.push('', noBrowser ? 'browser: not run (--no-browser)'
    : `browser (http, file://) and CLI: ${allIdentical ? 'IDENTICAL on every query' : 'NOT identical'}`);
  console.log(lines.join('\n'));
  if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(report, null, 2));
  process.exit(allIdentical ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
