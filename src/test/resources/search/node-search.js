// Runs the browser search client (site/assets/js/kb-analyzer.js + kb-search.js) under Node, on a
// built site, loading its data scripts the way a browser would load them from file://.
// usage: node node-search.js SITE_DIR LIMIT < queries (one per line) -> one JSON array per line
'use strict';
const vm = require('vm');
const fs = require('fs');
const path = require('path');

const site = path.resolve(process.argv[2]);
const limit = parseInt(process.argv[3] || '10', 10);
const ctx = { console: console, setTimeout: setTimeout, clearTimeout: clearTimeout };
ctx.window = ctx;
ctx.location = { protocol: 'file:' };
ctx.document = {
  currentScript: { src: 'file://' + site + '/assets/js/kb-search.js' },
  body: null,
  createElement: function () { return {}; },
  head: {
    appendChild: function (script) {
      setImmediate(function () {
        const file = decodeURIComponent(script.src.replace(/^file:\/\//, ''));
        try {
          vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
        } catch (e) {
          if (script.onerror) script.onerror(e);
        }
      });
    }
  }
};
vm.createContext(ctx);
for (const name of ['kb-analyzer.js', 'kb-search.js']) {
  const file = path.join(site, 'assets', 'js', name);
  vm.runInContext(fs.readFileSync(file, 'utf8'), ctx, { filename: file });
}

const queries = fs.readFileSync(0, 'utf8').split('\n').filter(function (q) { return q.length > 0; });
(async function () {
  for (const q of queries) {
    const results = await ctx.kb.search(q, { limit: limit });
    process.stdout.write(JSON.stringify(results.map(function (r) {
      return { url: r.url, score: r.score, title: r.title, kind: r.kind };
    })) + '\n');
  }
})().catch(function (e) { console.error(e && e.stack || e); process.exit(1); });
