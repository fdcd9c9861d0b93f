// The search files a query typed key by key needs, and their gzipped bytes, without the
// speculative loads the search box adds while the reader pauses (those depend on timing, and
// on a busy machine the browser benchmark's first-query figure moves by 100 KB from run to run).
// Deterministic: the same site gives the same table on any machine.
//
//   node bench/typed-bytes.mjs SITE_DIR [--queries "a|b|c"]     the table, median over the queries
//   node bench/typed-bytes.mjs SITE_DIR --files "a query"        every file that query loaded
//
// Runs the site's own kb-analyzer.js and kb-search.js under Node (as the parity tests do, see
// src/test/resources/search/node-search.js), calls kb.search for every prefix of each query as
// the search box does, with Save-Data on (no guessing), and sums gzip -6 of every file loaded,
// the two scripts included. A fresh client per query: an empty cache, like a first visit.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { DEFAULT_QUERIES } from './search-budget.mjs';

const args = process.argv.slice(2);
const site = resolve(args[0] || '');
const queries = args.includes('--queries') ? args[args.indexOf('--queries') + 1].split('|') : DEFAULT_QUERIES;
const gz = new Map();
const gzipped = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(file), { level: 6 }).length);
  return gz.get(file);
};

async function typed(query) {
  const loaded = [];
  const ctx = { console, setTimeout, clearTimeout, navigator: { connection: { saveData: true } } };
  ctx.window = ctx;
  ctx.location = { protocol: 'file:' };
  ctx.document = {
    currentScript: { src: 'file://' + site + '/assets/js/kb-search.js' },
    body: null,
    createElement: () => ({}),
    head: {
      appendChild(script) {
        setImmediate(() => {
          const file = decodeURIComponent(script.src.replace(/^file:\/\//, '').replace(/\?.*$/, ''));
          try {
            loaded.push(file);
            vm.runInContext(readFileSync(file, 'utf8'), ctx, { filename: file });
          } catch (e) {
            if (script.onerror) script.onerror(e);
          }
        });
      },
    },
  };
  vm.createContext(ctx);
  for (const name of ['kb-analyzer.js', 'kb-search.js']) {
    const file = join(site, 'assets', 'js', name);
    loaded.push(file);
    vm.runInContext(readFileSync(file, 'utf8'), ctx, { filename: file });
  }
  for (let i = 1; i <= query.length; i++) await ctx.kb.search(query.slice(0, i), { limit: 10 });
  const files = [...new Set(loaded)].map((f) => [f.slice(site.length + 1).replace('search/data/', ''), gzipped(f)]);
  return { query, bytes: files.reduce((a, f) => a + f[1], 0), files };
}

if (args.includes('--files')) {
  // Every file one query loaded, in load order, with its gzipped size.
  for (const [f, n] of (await typed(args[args.indexOf('--files') + 1])).files) console.log(f, n);
  process.exit(0);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const rows = [];
for (const q of queries) rows.push(await typed(q));
console.log(`Search files a typed query needs, gzip -6, nothing guessed (${site}):`);
console.log('| query | bytes | files | largest files |\n| --- | ---: | ---: | --- |');
for (const r of rows) {
  const largest = r.files.slice().sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, n]) => `${f} ${kb(n)}`).join(', ');
  console.log(`| ${r.query} | ${kb(r.bytes)} | ${r.files.length} | ${largest} |`);
}
const sorted = rows.map((r) => r.bytes).sort((a, b) => a - b);
const mid = sorted.length >> 1;
console.log(`| **median** | **${kb(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2)}** | | |`);
