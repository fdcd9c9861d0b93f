// Search budgets in headless Chromium: the bytes a browser downloads for a first query on kb's
// site and on the Hugo + Pagefind site, and how long each later keystroke takes in kb.search().
//
//   node --experimental-websocket bench/search-budget.mjs --kb DIR --hugo DIR [--page /section/slug/]
//        [--queries "a|b|c"] [--json FILE]
//
// Both sites are served by a small static server in this process that compresses text files with
// gzip, as nginx, GitHub Pages or S3+CloudFront do; it counts every byte it sends, so requests made
// by scripts, workers or fetch are all counted whatever the browser does with them. Each query
// runs in a fresh browser context (empty cache), like a first visit. Chromium is driven through
// the DevTools protocol (Node 20's WebSocket, no npm package needed).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DEFAULT_QUERIES = [
  'reconnect facebook',
  'export analytics report',
  'invite teammate',
  'password reset',
  'schedule instagram post',
  'linkdin token',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.txt': 'text/plain',
  '.svg': 'image/svg+xml', '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.svg']);

/**
 * A static file server that logs every response: path, raw size, bytes sent. HTTP/1.1 by
 * default (6 connections per host in Chromium); with http2, HTTPS + HTTP/2 as GitHub Pages,
 * Netlify or CloudFront serve, with a throwaway self-signed certificate.
 */
export function serve(root, http2 = false, warm = []) {
  const gz = new Map();
  const log = [];
  const handler = (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache' };
      let sent = body;
      if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        if (!gz.has(file)) gz.set(file, gzipSync(body, { level: 6 }));
        sent = gz.get(file);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = sent.length;
      res.writeHead(200, headers).end(sent);
      log.push({ path, raw: body.length, sent: sent.length });
    } catch {
      res.writeHead(404).end();
      log.push({ path, raw: 0, sent: 0, status: 404 });
    }
  };
  // A static host compresses a file once (nginx gzip_static, a CDN's cache), not per request:
  // compress the search files up front so no keystroke waits for this server's gzip.
  for (const dir of warm) {
    for (const name of existsSync(join(root, dir)) ? readdirSync(join(root, dir), { recursive: true }) : []) {
      const file = normalize(join(root, dir, String(name)));
      if (COMPRESSIBLE.has(extname(file)) && statSync(file).isFile()) gz.set(file, gzipSync(readFileSync(file), { level: 6 }));
    }
  }
  const server = http2 ? createSecureServer({ ...selfSigned(), allowHTTP1: true }, handler) : createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ server, log, url: `${http2 ? 'https' : 'http'}://127.0.0.1:${server.address().port}` })));
}

function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), 'kb-bench-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Launches headless Chromium and connects to its browser-wide DevTools endpoint. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'kb-bench-chromium-'));
  const proc = spawn(process.env.CHROMIUM || '/usr/bin/chromium', [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
    '--remote-debugging-port=0', '--ignore-certificate-errors', `--user-data-dir=${profile}`, '--window-size=1280,900', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wsUrl = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error('Chromium did not start: ' + err)), 30000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err}`)));
  });
  const cdp = await Cdp.connect(wsUrl);
  return {
    cdp,
    async close() {
      try { await cdp.send('Browser.close'); } catch { /* already gone */ }
      cdp.ws.close();
      await new Promise((r) => { if (proc.exitCode !== null) r(); else { proc.on('exit', r); setTimeout(() => { proc.kill('SIGKILL'); r(); }, 5000); } });
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The few DevTools protocol calls this needs: commands with replies, and events per session. */
class Cdp {
  static async connect(url) {
    if (typeof WebSocket === 'undefined') throw new Error('run node with --experimental-websocket (Node 20) or Node 22+');
    const c = new Cdp(new WebSocket(url));
    await new Promise((resolve, reject) => { c.ws.onopen = resolve; c.ws.onerror = reject; });
    return c;
  }

  constructor(ws) {
    this.ws = ws;
    this.next = 0;
    this.pending = new Map();
    this.listeners = [];
    ws.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.id !== undefined) {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.error) p.reject(new Error(`${p.method}: ${m.error.message}`)); else p.resolve(m.result);
      } else {
        this.listeners.forEach((l) => l(m));
      }
    };
  }

  send(method, params = {}, sessionId) {
    const id = ++this.next;
    this.ws.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject, method }));
  }

  waitFor(method, sessionId, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.listeners = this.listeners.filter((x) => x !== l); reject(new Error(`timeout waiting for ${method}`)); }, timeoutMs);
      const l = (m) => {
        if (m.method === method && m.sessionId === sessionId) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((x) => x !== l);
          resolve(m.params);
        }
      };
      this.listeners.push(l);
    });
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A fresh browser context (empty cache, no cookies) with one page in it. */
export async function freshPage(cdp) {
  const { browserContextId } = await cdp.send('Target.createBrowserContext');
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  await cdp.send('Page.enable', {}, sessionId);
  await cdp.send('Runtime.enable', {}, sessionId);
  const page = {
    send: (method, params = {}) => cdp.send(method, params, sessionId),
    async goto(url) {
      const loaded = cdp.waitFor('Page.loadEventFired', sessionId);
      await cdp.send('Page.navigate', { url }, sessionId);
      await loaded;
    },
    async eval(expression) {
      const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
      return r.result.value;
    },
    async type(text, gapMs) {
      for (const ch of text) {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch }, sessionId);
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch }, sessionId);
        await sleep(gapMs);
      }
    },
    async close() {
      await cdp.send('Target.closeTarget', { targetId });
      await cdp.send('Target.disposeBrowserContext', { browserContextId });
    },
  };
  return page;
}

/** Waits until the server has been quiet for quietMs (every lazy request has been made). */
async function quiet(log, quietMs, maxMs = 20000) {
  const start = Date.now();
  let seen = log.length;
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await sleep(50);
    if (log.length !== seen) { seen = log.length; since = Date.now(); } else if (Date.now() - since >= quietMs) return;
  }
}

async function until(page, expression, what, maxMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    if (await page.eval(expression)) return;
    await sleep(50);
  }
  throw new Error(`timeout: ${what}`);
}

/** The two sites: how to find the search box, tell results appeared, and which files are search. */
const SITES = {
  kb: {
    input: '#kb-search-input',
    results: `document.querySelectorAll('#kb-search-results [role=option]').length > 0
      || !document.getElementById('kb-search-empty').hidden`,
    count: `document.querySelectorAll('#kb-search-results [role=option]').length`,
    isSearch: (p) => /^\/assets\/js\/kb-(analyzer|search|searchbox|ui)\.js$/.test(p) || p.startsWith('/search/data/'),
  },
  pagefind: {
    input: '.pagefind-ui__search-input',
    results: `document.querySelectorAll('.pagefind-ui__result').length > 0
      || /No results/i.test(document.querySelector('.pagefind-ui__message')?.textContent || '')`,
    count: `document.querySelectorAll('.pagefind-ui__result').length`,
    isSearch: (p) => (p.startsWith('/pagefind/') && !p.endsWith('.css')) || p === '/search.js',
  },
};

/** Loads a page, types the query into the site's own search box, sums what the server sent. */
async function firstQuery(cdp, served, site, pagePath, query) {
  const page = await freshPage(cdp);
  try {
    served.log.length = 0;
    await page.goto(served.url + pagePath);
    await quiet(served.log, 400);
    await until(page, `!!document.querySelector(${JSON.stringify(site.input)})`, 'search box');
    await page.eval(`document.querySelector(${JSON.stringify(site.input)}).focus()`);
    await page.type(query, 110);
    await until(page, site.results, `results for "${query}"`);
    await quiet(served.log, 800);
    const shown = await page.eval(site.count);
    const requests = served.log.slice();
    const search = requests.filter((r) => site.isSearch(r.path));
    return {
      query, shown,
      searchSent: sum(search, 'sent'), searchRaw: sum(search, 'raw'), searchFiles: search.length,
      allSent: sum(requests, 'sent'), allFiles: requests.length,
      files: search.map((r) => `${r.path} ${r.sent}`),
      missing: requests.filter((r) => r.status === 404 && r.path !== '/favicon.ico').map((r) => r.path),
    };
  } finally {
    await page.close();
  }
}

/**
 * The lower bound: one call of each site's JS API with the whole query (no intermediate
 * prefixes), top 10 results with their excerpts. Counts the search files the page loaded too.
 */
async function apiQuery(cdp, served, site, pagePath, query, call) {
  const page = await freshPage(cdp);
  try {
    served.log.length = 0;
    await page.goto(served.url + pagePath);
    await quiet(served.log, 400);
    const hits = await page.eval(call(query));
    await quiet(served.log, 300);
    const after = served.log.filter((r) => site.isSearch(r.path));
    return { hits, sent: sum(after, 'sent'), files: after.length };
  } finally {
    await page.close();
  }
}

const KB_CALL = (q) => `(async () => {
  while (!(window.kb && window.kb.search)) await new Promise((r) => setTimeout(r, 20));
  return (await window.kb.search(${JSON.stringify(q)}, { limit: 10 })).length;
})()`;
const PAGEFIND_CALL = (q) => `(async () => {
  const pf = await import('/pagefind/pagefind.js');
  const r = await pf.search(${JSON.stringify(q)});
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return r.results.length;
})()`;

/**
 * In-page source that types each query one key at a time (a key every gapMs, if any) and runs
 * `body` for each prefix (as `prefix`, of query `q`), skipping prefixes that end in a space.
 */
const eachKey = (queries, gapMs, body) => `
      const pause = (ms) => new Promise((r) => setTimeout(r, ms));
      for (const q of ${JSON.stringify(queries)}) {
        let pressed = performance.now();
        for (let i = 1; i <= q.length; i++) {
          const prefix = q.slice(0, i);
          if (${gapMs} > 0) {
            await pause(Math.max(0, pressed + ${gapMs} - performance.now()));
            pressed = performance.now();
          }
          if (prefix.endsWith(' ')) continue;${body}
        }
      }`;

/**
 * kb.search() timed per keystroke: prefixes of each query, typed one character at a time. With
 * gapMs 0 each call starts as soon as the last one answered (the harshest case); with a typing
 * gap the next key comes that long after the previous one was pressed, as a person types.
 */
async function keystrokes(cdp, served, pagePath, queries, gapMs = 0, profile = null) {
  const page = await freshPage(cdp);
  try {
    if (served.log) served.log.length = 0;
    // served.url is a file: URL when the site is opened from disk.
    await page.goto(served.url + pagePath + (served.url.startsWith('file:') ? 'index.html' : ''));
    await until(page, `!!(window.kb && window.kb.search)`, 'window.kb.search');
    // As the search box does on focus, and as Pagefind's measurement below calls init().
    await page.eval('window.kb.preload()');
    if (profile) {
      await page.send('Profiler.enable');
      await page.send('Profiler.setSamplingInterval', { interval: 100 });
      await page.send('Profiler.start');
    }
    const keys = await page.eval(`(async () => {
      const out = [];
      // The default buffer keeps 250 entries; past that, loads would go unseen.
      performance.setResourceTimingBufferSize(1000000);
      ${eachKey(queries, gapMs, `
          const before = performance.getEntriesByType('resource').length;
          const t = performance.now();
          const hits = await window.kb.search(prefix, { limit: 10 });
          const ms = performance.now() - t;
          const entries = performance.getEntriesByType('resource').slice(before).filter((e) => e.startTime >= t);
          // Time with at least one file in flight: the part of the call spent on the network.
          let waitMs = 0, until = 0;
          for (const e of [...entries].sort((a, b) => a.startTime - b.startTime)) {
            const from = Math.max(e.startTime, until);
            if (e.responseEnd > from) { waitMs += e.responseEnd - from; until = e.responseEnd; }
          }
          const files = entries.map((e) => e.name.split('/search/data/').pop());
          out.push({ query: q, prefix, ms, hits: hits.length, loads: files.length, files, waitMs });`)}
      return out;
    })()`);
    // A .cpuprofile for Chromium's DevTools (Performance > Load profile) or any profile viewer.
    if (profile) writeFileSync(profile, JSON.stringify((await page.send('Profiler.stop')).profile));
    return withBytes(keys, served, SITES.kb);
  } finally {
    await page.close();
  }
}

/** The same for Pagefind's own API (search, then the data of the top 10), for comparison. */
async function pagefindKeystrokes(cdp, served, pagePath, queries, gapMs = 0) {
  const page = await freshPage(cdp);
  try {
    served.log.length = 0;
    await page.goto(served.url + pagePath);
    return withBytes(await page.eval(`(async () => {
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const out = [];
      ${eachKey(queries, gapMs, `
          const before = performance.getEntriesByType('resource').length;
          const t = performance.now();
          const r = await pf.search(prefix);
          await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
          const ms = performance.now() - t;
          const loads = performance.getEntriesByType('resource').length - before;
          out.push({ query: q, prefix, ms, hits: r.results.length, loads });`)}
      return out;
    })()`), served, SITES.pagefind);
  } finally {
    await page.close();
  }
}

/**
 * Adds to a keystroke run what the server sent for search over the whole run (every query typed
 * in one page), loads made between keys included, once those have settled.
 */
async function withBytes(keys, served, site) {
  if (!served.log) return keys; // file://: no server to count
  await new Promise((r) => setTimeout(r, 300));
  const search = served.log.filter((r) => site.isSearch(r.path));
  keys.sentBytes = sum(search, 'sent');
  keys.sentFiles = search.length;
  return keys;
}

const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
export const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };

function latencyStats(samples) {
  const later = samples.filter((s) => s.prefix.length > 1).map((s) => s.ms);
  const cached = samples.filter((s) => s.prefix.length > 1 && s.loads === 0).map((s) => s.ms);
  const loading = samples.filter((s) => s.prefix.length > 1 && s.loads > 0).map((s) => s.ms);
  const firsts = samples.filter((s) => s.prefix.length === 1).map((s) => s.ms);
  return {
    coldFirstMs: samples.length ? samples[0].ms : NaN,
    firstKeyMedianMs: median(firsts),
    laterMedianMs: median(later), laterP95Ms: pct(later, 0.95), laterMaxMs: Math.max(...later),
    laterOver16: later.filter((x) => x >= 16).length, laterCount: later.length,
    noLoadCount: cached.length, noLoadMedianMs: median(cached), noLoadMaxMs: Math.max(...cached),
    noLoadOver16: cached.filter((x) => x >= 16).length,
    loadCount: loading.length, loadMedianMs: median(loading), loadMaxMs: Math.max(...loading),
    loadOver16: loading.filter((x) => x >= 16).length,
    // Of the later keys at 16 ms or more: the median time spent with a file in flight.
    slowWaitMedianMs: median(samples.filter((s) => s.prefix.length > 1 && s.ms >= 16 && s.waitMs !== undefined).map((s) => s.waitMs)),
  };
}

/**
 * A keystroke measurement run `count` times, each in a fresh browser context: per key, the
 * median time of the runs (this machine is shared; one run's hiccup is not the search's).
 */
async function repeated(count, run) {
  const runs = [];
  for (let i = 0; i < count; i++) runs.push(await run(i));
  const keys = runs[0].map((k, i) => ({ ...k, ms: median(runs.map((r) => r[i].ms)), runsMs: runs.map((r) => r[i].ms),
    waitMs: k.waitMs === undefined ? undefined : median(runs.map((r) => r[i].waitMs)) }));
  keys.sentBytes = median(runs.map((r) => r.sentBytes));
  keys.sentFiles = median(runs.map((r) => r.sentFiles));
  return keys;
}

/** Keystroke runs per measurement, and the typing gap of the "as typed" measurement. */
export const KEY_RUNS = 3;
export const TYPING_GAP_MS = 150;

/** Runs every measurement; returns a plain object (also written as JSON when asked). */
export async function measure({ kbDir, hugoDir, pagePath, queries = DEFAULT_QUERIES, keyRuns = KEY_RUNS }) {
  const kbServed = await serve(kbDir, false, ['search/data', 'assets']);
  const pfServed = await serve(hugoDir, false, ['pagefind']);
  const browser = await launch();
  try {
    const rows = [];
    for (const q of queries) {
      const kb = await firstQuery(browser.cdp, kbServed, SITES.kb, pagePath, q);
      const pf = await firstQuery(browser.cdp, pfServed, SITES.pagefind, pagePath, q);
      const kbApi = await apiQuery(browser.cdp, kbServed, SITES.kb, pagePath, q, KB_CALL);
      const pfApi = await apiQuery(browser.cdp, pfServed, SITES.pagefind, pagePath, q, PAGEFIND_CALL);
      rows.push({ query: q, kb, pagefind: pf, ratio: kb.searchSent / pf.searchSent, kbApi, pagefindApi: pfApi });
    }
    const kbKeys = await repeated(keyRuns, () => keystrokes(browser.cdp, kbServed, pagePath, queries));
    const pfKeys = await repeated(keyRuns, () => pagefindKeystrokes(browser.cdp, pfServed, pagePath, queries));
    const kbTyped = await repeated(keyRuns, () => keystrokes(browser.cdp, kbServed, pagePath, queries, TYPING_GAP_MS));
    const pfTyped = await repeated(keyRuns, () => pagefindKeystrokes(browser.cdp, pfServed, pagePath, queries, TYPING_GAP_MS));
    return {
      pagePath, rows, keyRuns, typingGapMs: TYPING_GAP_MS,
      medianKbBytes: median(rows.map((r) => r.kb.searchSent)),
      medianPagefindBytes: median(rows.map((r) => r.pagefind.searchSent)),
      medianRatio: median(rows.map((r) => r.ratio)),
      kbLatency: latencyStats(kbKeys), pagefindLatency: latencyStats(pfKeys),
      // What each whole keystroke run downloaded for search (all queries typed in one page).
      typingBytes: { kb: kbKeys.sentBytes, pagefind: pfKeys.sentBytes, kbTyped: kbTyped.sentBytes, pagefindTyped: pfTyped.sentBytes },
      kbTypedLatency: latencyStats(kbTyped), pagefindTypedLatency: latencyStats(pfTyped),
      kbKeystrokes: kbKeys, pagefindKeystrokes: pfKeys, kbTypedKeystrokes: kbTyped, pagefindTypedKeystrokes: pfTyped,
    };
  } finally {
    await browser.close();
    kbServed.server.close();
    pfServed.server.close();
  }
}

/**
 * kb's first-query bytes alone (no Pagefind site to compare with): for `bench/run.sh N --kb-only`,
 * where kb is measured at a size the peers are not built at. Per query, what the search box
 * downloaded in a fresh browser context, with the files, largest first.
 */
export async function kbFirstQueries({ kbDir, pagePath, queries = DEFAULT_QUERIES }) {
  const kbServed = await serve(kbDir, false, ['search/data', 'assets']);
  const browser = await launch();
  try {
    const rows = [];
    for (const q of queries) rows.push(await firstQuery(browser.cdp, kbServed, SITES.kb, pagePath, q));
    return { pagePath, rows, medianKbBytes: median(rows.map((r) => r.searchSent)) };
  } finally {
    await browser.close();
    kbServed.server.close();
  }
}

/** The table of kbFirstQueries: bytes per query and the three largest files of each. */
export function kbFirstReport(r) {
  const lines = ['| query | search bytes sent (gzip) | files | largest files |', '| --- | ---: | ---: | --- |'];
  for (const row of r.rows) {
    const largest = row.files.map((f) => f.split(' ')).sort((a, b) => b[1] - a[1]).slice(0, 3)
      .map(([path, sent]) => `${path.replace('/search/data/', '')} ${kbs(Number(sent))}`).join(', ');
    lines.push(`| ${row.query} | ${kbs(row.searchSent)} | ${row.searchFiles} | ${largest} |`);
  }
  lines.push(`| **median** | **${kbs(r.medianKbBytes)}** (target < 150 KB) | | |`);
  return lines.join('\n');
}

/** kb's keystroke latency alone, back to back and at a typing gap. */
export async function keystrokeLatency({ kbDir, pagePath, queries = DEFAULT_QUERIES, gapMs = 0, http2 = false, file = false, profile = null, runCount = 1 }) {
  const kbServed = file ? { url: 'file://' + resolve(kbDir), server: { close() {} } } : await serve(kbDir, http2, ['search/data', 'assets']);
  const browser = await launch();
  try {
    const keys = await repeated(Math.max(1, runCount),
      (i) => keystrokes(browser.cdp, kbServed, pagePath, queries, gapMs, i === 0 ? profile : null));
    return { pagePath, gapMs, http2, file, runs: Math.max(1, runCount), kbLatency: latencyStats(keys), kbKeystrokes: keys,
      sentBytes: keys.sentBytes, sentFiles: keys.sentFiles };
  } finally {
    await browser.close();
    kbServed.server.close();
  }
}

/** One line per key (time, files requested during the call), then the summary line. */
export function keyReport(r) {
  const l = r.kbLatency;
  const lines = [`kb.search per key, limit 10, ${r.gapMs ? r.gapMs + ' ms typing gap' : 'back to back'}, ${r.file ? 'file://' : r.http2 ? 'HTTP/2' : 'HTTP/1.1'}${r.runs > 1 ? `, median of ${r.runs} runs` : ''}:`];
  for (const k of r.kbKeystrokes) {
    const wait = k.waitMs ? `(files ${k.waitMs.toFixed(1)} ms)` : '';
    lines.push(`${k.ms >= 16 && k.prefix.length > 1 ? '!' : ' '} ${k.prefix.padEnd(26)} ${k.ms.toFixed(1).padStart(6)} ms ${wait.padEnd(17)} hits ${String(k.hits).padStart(2)}  ${k.files.join(' ')}`);
  }
  lines.push(`later keys: median ${l.laterMedianMs.toFixed(1)} ms, p95 ${l.laterP95Ms.toFixed(1)} ms, max ${l.laterMaxMs.toFixed(1)} ms, `
    + `${l.laterOver16} of ${l.laterCount} at 16 ms or more (${l.loadOver16} of ${l.loadCount} that requested files, `
    + `${l.noLoadOver16} of ${l.noLoadCount} that did not)`);
  if (r.sentBytes !== undefined) lines.push(`search data sent over the run: ${kbs(r.sentBytes)} in ${r.sentFiles} files`);
  return lines.join('\n');
}

const kbs = (n) => (n / 1024).toFixed(1) + ' KB';

/** The search-budget table, in the same style as the build table. */
export function report(r) {
  const lines = [];
  lines.push(`First query, bytes sent by the server (gzip like a static host; fresh cache; page ${r.pagePath}):`);
  lines.push('| query | kb search bytes (files) | Pagefind bytes (files) | kb / Pagefind | results shown kb / Pagefind |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const row of r.rows) {
    lines.push(`| ${row.query} | ${kbs(row.kb.searchSent)} (${row.kb.searchFiles}) | ${kbs(row.pagefind.searchSent)} (${row.pagefind.searchFiles}) | ${row.ratio.toFixed(2)} | ${row.kb.shown} / ${row.pagefind.shown} |`);
  }
  lines.push(`| **median** | **${kbs(r.medianKbBytes)}** | **${kbs(r.medianPagefindBytes)}** | **${r.medianRatio.toFixed(2)}** (target <= 0.50) | |`);
  lines.push('');
  lines.push('The same queries through the JS API, whole query at once, top 10 with excerpts (search files of the page');
  lines.push('load and the query; the UI rows above also count the lookups made for each prefix while typing):');
  lines.push('| query | kb bytes (files, hits) | Pagefind bytes (files, hits) | kb / Pagefind |');
  lines.push('| --- | ---: | ---: | ---: |');
  for (const row of r.rows) {
    lines.push(`| ${row.query} | ${kbs(row.kbApi.sent)} (${row.kbApi.files}, ${row.kbApi.hits}) | ${kbs(row.pagefindApi.sent)} (${row.pagefindApi.files}, ${row.pagefindApi.hits}) | ${(row.kbApi.sent / row.pagefindApi.sent).toFixed(2)} |`);
  }
  const l = r.kbLatency, p = r.pagefindLatency;
  const ms = (x) => Number.isFinite(x) ? x.toFixed(1) + ' ms' : 'n/a';
  lines.push('');
  lines.push(`Keystroke latency, search call per typed prefix, limit 10 (kb: window.kb.search; Pagefind: search + data of the top 10);`);
  lines.push(`per key ${(r.keyRuns || 1) > 1 ? `the median of ${r.keyRuns} runs, each` : 'one run'} in a fresh browser context. "Back to back": each call as soon as the`);
  lines.push(`last answered; "as typed": a key every ${r.typingGapMs || 150} ms, a fast typist's pace:`);
  lines.push('| | first key (cold) | later keys median | p95 | max | later keys >= 16 ms | search bytes, whole run |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const b = r.typingBytes || {};
  const row = (name, x, sent) => x && `| ${name} | ${ms(x.coldFirstMs)} | ${ms(x.laterMedianMs)} | ${ms(x.laterP95Ms)} | ${ms(x.laterMaxMs)} | ${x.laterOver16} of ${x.laterCount} | ${sent === undefined ? 'n/a' : kbs(sent)} |`;
  [row('kb, back to back', l, b.kb), row('Pagefind, back to back', p, b.pagefind), row('kb, as typed', r.kbTypedLatency, b.kbTyped),
    row('Pagefind, as typed', r.pagefindTypedLatency, b.pagefindTyped)].filter(Boolean).forEach((x) => lines.push(x));
  lines.push('(target: 0 later keys at 16 ms or more; bytes: all the queries typed key by key in one page, loads');
  lines.push('between keys included, such as kb getting the likely next key ready while the reader pauses)');
  lines.push('');
  lines.push('kb\'s later keys (back to back) split by whether the call had to download a file (term shard or record');
  lines.push('block) first (Pagefind downloads from a Web Worker, which the page\'s resource timing does not see):');
  lines.push('| | count | median | max | >= 16 ms |');
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  lines.push(`| answered from loaded data | ${l.noLoadCount} | ${ms(l.noLoadMedianMs)} | ${ms(l.noLoadMaxMs)} | ${l.noLoadOver16} |`);
  lines.push(`| downloaded files first | ${l.loadCount} | ${ms(l.loadMedianMs)} | ${ms(l.loadMaxMs)} | ${l.loadOver16} |`);
  if (Number.isFinite(l.slowWaitMedianMs)) {
    lines.push(`Of the keys at 16 ms or more, the median time with a file in flight: ${ms(l.slowWaitMedianMs)}.`);
  }
  const missing = r.rows.flatMap((row) => [...row.kb.missing, ...row.pagefind.missing]);
  if (missing.length) lines.push(`\nWARNING: 404s during the measurement: ${[...new Set(missing)].join(', ')}`);
  return lines.join('\n');
}

// Standalone use.
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const kbDir = opt('--kb'), hugoDir = opt('--hugo');
  const queries = opt('--queries') ? opt('--queries').split('|') : DEFAULT_QUERIES;
  if (kbDir && existsSync(kbDir) && args.includes('--keys-only')) {
    // Only kb's keystroke latency, key by key: for working on the search client.
    const result = await keystrokeLatency({ kbDir, pagePath: opt('--page') || '/', queries, gapMs: Number(opt('--gap') || 0),
      http2: args.includes('--http2'), file: args.includes('--file'), profile: opt('--profile'), runCount: Number(opt('--runs') || 1) });
    console.log(keyReport(result));
    if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(result, null, 2));
    process.exit(0);
  }
  if (kbDir && existsSync(kbDir) && args.includes('--first-only')) {
    // Only kb's first-query bytes: for a site the peers were not built at.
    const result = await kbFirstQueries({ kbDir, pagePath: opt('--page') || '/', queries });
    console.log(kbFirstReport(result));
    if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(result, null, 2));
    process.exit(0);
  }
  if (!kbDir || !hugoDir || !existsSync(kbDir) || !existsSync(hugoDir)) {
    console.error('usage: node --experimental-websocket search-budget.mjs --kb SITE --hugo SITE [--page /path/] [--queries "a|b"] [--json FILE]\n'
      + '       node --experimental-websocket search-budget.mjs --kb SITE --first-only [--page /path/] [--queries "a|b"] [--json FILE]\n'
      + '       node --experimental-websocket search-budget.mjs --kb SITE --keys-only [--gap MS] [--http2 | --file] [--profile OUT.cpuprofile] [--runs N] [--page /path/] [--queries "a|b"] [--json FILE]');
    process.exit(2);
  }
  const result = await measure({
    kbDir, hugoDir, pagePath: opt('--page') || '/', queries,
  });
  console.log(report(result));
  if (opt('--json')) writeFileSync(opt('--json'), JSON.stringify(result, null, 2));
}
