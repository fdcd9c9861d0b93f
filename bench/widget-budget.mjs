// The help widget's budgets (issue 18): widget.js gzipped, what a host page loads before anyone uses
// the widget, and the bytes of a first search in the widget against a first search in the site's
// own search box, for the same queries.
//
//   node --experimental-websocket bench/widget-budget.mjs --site DIR [--queries "a|b"] [--runs N] [--json FILE]
//   bench/run.sh --smoke   (runs it on the smoke site too)
//
// The built site is served gzipped (as by nginx or GitHub Pages) by search-budget.mjs's counting
// server; the host page comes from a second server on another port, with a strict CSP that allows
// scripts and styles from the help center only. Each query runs in a fresh browser context
// (empty cache), typed at about 9 keys a second, like a first visit.

import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freshPage, launch, serve } from './search-budget.mjs';

const QUERIES = ['linkedin disconnected', 'reconnect facebook', 'password reset'];
const WIDGET = `document.querySelector('[data-kb-widget]')`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sum = (list) => list.reduce((n, r) => n + r.sent, 0);

/** A host page on its own origin that allows scripts and styles from the help center only. */
function hostServer(helpOrigin) {
  const csp = `default-src 'none'; script-src ${helpOrigin}; style-src ${helpOrigin}`;
  const page = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host app</title>
<script src="${helpOrigin}/widget.js" async></script></head>
<body><main><h1>Settings</h1><p>A page of some product.</p></main></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(page);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

async function until(page, expression, what, maxMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    if (await page.eval(expression)) return;
    await sleep(50);
  }
  throw new Error(`timeout: ${what}`);
}

async function quiet(log, quietMs, maxMs = 20000) {
  const start = Date.now();
  let seen = log.length, since = Date.now();
  while (Date.now() - start < maxMs) {
    await sleep(50);
    if (log.length !== seen) { seen = log.length; since = Date.now(); } else if (Date.now() - since >= quietMs) return;
  }
}

/** The host page: bytes before first use, then the first search typed into the widget. */
async function widgetQuery(cdp, help, host, query) {
  const page = await freshPage(cdp);
  try {
    help.log.length = 0;
    await page.goto(host.url);
    await until(page, `!!window.KbWidget && !!${WIDGET} && !${WIDGET}.shadowRoot.querySelector('.w').hidden`, 'launcher');
    await quiet(help.log, 400);
    const before = help.log.splice(0);
    await page.eval(`${WIDGET}.shadowRoot.querySelector('.launcher').click()`);
    await page.type(query, 110);
    await until(page, `${WIDGET}.shadowRoot.querySelectorAll('.results .result').length > 0`, `widget results for "${query}"`);
    await quiet(help.log, 800);
    const search = help.log.slice();
    return { query, beforeUse: sum(before), beforeFiles: before.map((r) => `${r.path} ${r.sent}`),
      firstSearch: sum(search), files: search.map((r) => `${r.path} ${r.sent}`) };
  } finally {
    await page.close();
  }
}

/** The site's own search box on the home page: the search files it loads for the same query. */
async function siteQuery(cdp, help, query) {
  const page = await freshPage(cdp);
  try {
    help.log.length = 0;
    await page.goto(help.url + '/');
    await quiet(help.log, 400);
    await page.eval(`document.getElementById('kb-search-input').focus()`);
    await page.type(query, 110);
    await until(page, `document.querySelectorAll('#kb-search-results [role=option]').length > 0`, `site results for "${query}"`);
    await quiet(help.log, 800);
    const search = help.log.filter((r) => /^\/assets\/js\/kb-(analyzer|search|searchbox|ui)\.js$/.test(r.path)
      || r.path.startsWith('/search/data/'));
    return { query, firstSearch: sum(search), files: search.map((r) => `${r.path} ${r.sent}`) };
  } finally {
    await page.close();
  }
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Typing is timing: which prefixes get searched, and which next keys get guessed, varies from run
 * to run in both the widget and the search box (by 20 KB and more on the benchmark's site), so each
 * query runs `runs` times, alternating, and the medians are compared.
 */
export async function widgetBudget(siteDir, queries = QUERIES, runs = 3) {
  const raw = readFileSync(join(siteDir, 'widget.js'));
  const sizes = { widgetJs: raw.length, widgetJsGzip: gzipSync(raw, { level: 9 }).length,
    widgetCssGzip: gzipSync(readFileSync(join(siteDir, 'widget', 'widget.css')), { level: 9 }).length };
  const help = await serve(siteDir, false, ['search/data', 'widget']);
  const host = await hostServer(help.url);
  const browser = await launch();
  try {
    const rows = [];
    for (const q of queries) {
      const widget = [], site = [];
      for (let i = 0; i < runs; i++) {
        widget.push(await widgetQuery(browser.cdp, help, host, q));
        site.push(await siteQuery(browser.cdp, help, q));
      }
      rows.push({
        widget: { ...widget[0], firstSearch: median(widget.map((r) => r.firstSearch)), runs: widget.map((r) => r.firstSearch) },
        site: { ...site[0], firstSearch: median(site.map((r) => r.firstSearch)), runs: site.map((r) => r.firstSearch) },
      });
    }
    return { sizes, rows };
  } finally {
    await browser.close();
    help.server.close();
    host.server.close();
  }
}

/** The measurements as a few lines of text. */
export function widgetReport({ sizes, rows }) {
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  const lines = [];
  const console = { log: (line) => lines.push(line) };
  console.log(`widget.js: ${kb(sizes.widgetJs)} raw, ${kb(sizes.widgetJsGzip)} gzipped (budget 10 KB); widget.css ${kb(sizes.widgetCssGzip)} gzipped`);
  const many = (rows[0]?.widget.runs.length || 1) > 1;
  const cell = (r) => kb(r.firstSearch) + (many ? ` (${kb(Math.min(...r.runs))}-${kb(Math.max(...r.runs))})` : '');
  console.log(`query                    before use   widget first search${many ? ', median (range)' : ''}   site search box first search`);
  for (const { widget, site } of rows) {
    console.log(`${widget.query.padEnd(24)} ${kb(widget.beforeUse).padStart(10)}   ${cell(widget).padStart(many ? 31 : 19)}   ${cell(site).padStart(many ? 28 : 12)}`);
  }
  console.log('before use: widget.js + widget.css; first search: everything the help center sent from opening the'
    + ' panel to the results (the search client included); site: kb-{analyzer,search,ui,searchbox}.js + search/data/');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const arg = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : null; };
  const site = arg('--site');
  if (!site) {
    console.error('usage: node --experimental-websocket bench/widget-budget.mjs --site DIR [--queries "a|b"] [--json FILE]');
    process.exit(2);
  }
  const result = await widgetBudget(site, arg('--queries') ? arg('--queries').split('|') : QUERIES, Number(arg('--runs') || 3));
  console.log(widgetReport(result));
  if (arg('--json')) writeFileSync(arg('--json'), JSON.stringify(result, null, 2));
}
