// kb against Hugo + Pagefind on the same generated pages: see bench/README.md.
//
//   node --experimental-websocket bench/bench.mjs N [runs] [--no-browser] [--no-bounded] [--no-warm] [--profile] [--kb-only] [--small-heap] [--rt] [--smoke]
//
// Alternates kb's full build (through bin/kb) with `hugo` followed by `pagefind --site` (kb first
// on odd runs, Hugo first on even ones), each under /usr/bin/time -v for peak memory; then one kb
// build with a small heap (-Xmx512m up to 10,000 articles, -Xmx1g above) to prove bounded memory;
// then warm rebuilds (one article edited, the build cache of the build before); then the search
// budgets in headless Chromium (search-budget.mjs) and kb search from a cold JVM. Prints tables,
// a summary of them all, and writes bench/work/results-N.json.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileSummary } from './profile.mjs';
import { kbFirstQueries, kbFirstReport, measure, median, report as searchReport } from './search-budget.mjs';
import { widgetBudget, widgetReport } from './widget-budget.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(BENCH, '..');
const WORK = process.env.BENCH_WORK || join(BENCH, 'work');
const JAR = process.env.KB_JAR || join(REPO, 'target', 'kb.jar');
const TEMPLATES = process.env.KB_TEMPLATES || join(REPO, 'templates');
const SEED = process.env.BENCH_SEED || '42';
const PAGEFIND = join(WORK, 'node_modules', '.bin', 'pagefind');
const KB = join(REPO, 'bin', 'kb');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const positional = args.filter((a) => !a.startsWith('--'));
const smoke = flag('--smoke');
// Only kb's builds (no Hugo, Pagefind or browser): for the largest N, where kb's cost per article is the question.
const kbOnly = flag('--kb-only');
// The timed kb builds themselves run with the small heap, and no separate small-heap build: at
// 100,000 articles a build takes half an hour, and the issue's test is that this build's time
// per article stays within 1.3 x the 10,000 figure.
const smallHeap = flag('--small-heap');
const N = Number(positional[0] || (smoke ? 50 : flag('--table') ? 1 : NaN));
const RUNS = Number(positional[1] || (smoke ? 1 : 5));
const XMX = process.env.BENCH_XMX || (N <= 10000 ? '512m' : '1g');
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: bench/run.sh N [runs] [--no-browser] [--no-bounded] [--no-warm] [--profile] [--kb-only] [--small-heap] [--rt] | bench/run.sh --smoke | bench/run.sh --table');
  process.exit(2);
}

const failures = [];

/** Runs a command under /usr/bin/time -v; returns wall time, CPU time, peak RSS and output. */
function timed(cmd, argv, { env } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...argv], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const err = r.stderr || '';
  const num = (re) => { const m = re.exec(err); return m ? Number(m[1]) : NaN; };
  const cpuMs = (num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000;
  const rssMb = num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024;
  const exit = num(/Exit status: (\d+)/);
  return { ok: r.status === 0, status: r.status, wallMs, cpuMs, rssMb, stdout: r.stdout || '', stderr: err, exit };
}

function must(what, r) {
  if (!r.ok) {
    console.error(`\n${what} failed (exit ${r.status}):\n${tail(r.stdout)}\n${tail(r.stderr)}`);
    failures.push(`${what} failed (exit ${r.status})`);
  }
  return r;
}

const tail = (s, n = 30) => s.split('\n').slice(-n).join('\n');

/** Every file under `dir`, depth first: [path, name] pairs. */
function* filesUnder(dir) {
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else yield [p, e.name];
    }
  }
}

function dirBytes(dir) {
  let bytes = 0, files = 0, html = 0;
  if (!existsSync(dir)) return { bytes, files, html };
  for (const [p, name] of filesUnder(dir)) {
    bytes += statSync(p).size; files++; if (name.endsWith('.html')) html++;
  }
  return { bytes, files, html };
}

/** The articles' Markdown files under `dir`, sorted (section settings and the like left out). */
function articleFiles(dir) {
  const out = [];
  for (const [p, name] of filesUnder(dir)) if (name.endsWith('.md') && !name.startsWith('_')) out.push(p);
  return out.sort();
}

/** The corpus for N articles, generated again only when the generator or the seed changed. */
function corpus(n) {
  const dir = join(WORK, `corpus-${n}`);
  const generator = join(BENCH, 'src', 'CorpusGenerator.java');
  const networks = join(REPO, 'content', 'data', 'networks.yaml');
  const key = [n, SEED, sha(readFileSync(generator)), sha(readFileSync(networks))].join(' ');
  const stamp = join(dir, '.generated');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key) return dir;
  console.log(`Generating ${n} articles into ${dir} ...`);
  const r = spawnSync('java', [generator, '--articles', String(n), '--seed', SEED, '--out', dir, '--networks', networks],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) { console.error('corpus generation failed'); process.exit(1); }
  writeFileSync(stamp, key);
  return dir;
}

const sha = (b) => createHash('sha1').update(b).digest('hex').slice(0, 12);

/** kb's build summary: "... in 12.3 s" and "  load 12 ms, markdown 345 ms, ...". */
function kbPhases(stdout) {
  const lines = stdout.split('\n');
  const line = lines[lines.findIndex((l) => l.startsWith('Built ')) + 1] || '';
  const phases = {};
  for (const m of line.matchAll(/([a-z][a-z ]*?) (\d+) ms/g)) phases[m[1].trim()] = Number(m[2]);
  return phases;
}

/**
 * One kb build through bin/kb, the launcher that sets the JVM's options kb.jar's manifest cannot
 * (the serial collector: see bin/kb); `jvm` adds options (KB_JAVA_OPTS, split at spaces).
 */
function kbBuild(content, out, { xmx, jvm = [], fresh = true } = {}) {
  if (fresh) {
    rmSync(out, { recursive: true, force: true });
    // And the site an earlier build replaced, which the next build into `out` would delete (SiteWriter#commit).
    rmSync(join(dirname(out), `.${basename(out)}.trash`), { recursive: true, force: true });
  }
  const opts = [...(xmx ? [`-Xmx${xmx}`] : []), ...jvm];
  const r = timed(KB, ['build', '--content', content, '--templates', TEMPLATES, '--out', out],
    { env: { KB_JAR: JAR, KB_JAVA_OPTS: opts.join(' ') } });
  return { ...r, phases: kbPhases(r.stdout) };
}

function hugoBuild(dir, out) {
  rmSync(out, { recursive: true, force: true });
  const hugo = timed('hugo', ['--source', join(dir, 'hugo'), '--destination', out, '--quiet']);
  if (!hugo.ok) return { hugo, pagefind: { ok: false, wallMs: NaN, cpuMs: NaN, rssMb: NaN } };
  const pagefind = timed(PAGEFIND, ['--site', out]);
  return { hugo, pagefind };
}

function ensurePagefind() {
  if (existsSync(PAGEFIND)) return;
  console.log('Installing pagefind into bench/work/node_modules ...');
  mkdirSync(WORK, { recursive: true });
  if (!existsSync(join(WORK, 'package.json'))) writeFileSync(join(WORK, 'package.json'), '{ "private": true }\n');
  const version = readFileSync(join(BENCH, 'PAGEFIND_VERSION'), 'utf8').trim();
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', `pagefind@${version}`], { cwd: WORK, stdio: 'inherit' });
  if (r.status !== 0) { console.error('npm install pagefind failed'); process.exit(1); }
}

// ---------------------------------------------------------------- formatting

const sec = (ms) => Number.isFinite(ms) ? (ms / 1000).toFixed(2) + ' s' : 'n/a';
const mb = (x) => Number.isFinite(x) ? x.toFixed(0) + ' MB' : 'n/a';
const size = (b) => b >= 1024 * 1024 ? (b / 1024 / 1024).toFixed(1) + ' MB' : (b / 1024).toFixed(1) + ' KB';
const med = (xs) => median(xs.filter(Number.isFinite));
// JSON turns NaN (a tool not run) into null.
const fix = (x, digits = 2) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const table = (head, rows) => [
  `| ${head.join(' | ')} |`, `| ${head.map((_, i) => i ? '---:' : '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');

// ---------------------------------------------------------------- main

if (flag('--table')) {
  // Only the cost-per-article table of the results measured so far; no builds.
  scaling(true);
  process.exit(0);
}

if (!existsSync(JAR)) {
  console.error(`${JAR} not found: run 'mvn package' first (or set KB_JAR)`);
  process.exit(1);
}
ensurePagefind();
const dir = corpus(N);
const content = join(dir, 'kb', 'content');
const outKb = join(WORK, 'out', `kb-${N}`);
const outHugo = join(WORK, 'out', `hugo-${N}`);
mkdirSync(join(WORK, 'out'), { recursive: true });

// bin/kb writes its class-data archive after the first build with a new kb.jar (once per jar, as
// mvn package does): that build is not one to time, so the shipped help center is built first.
must('kb build (the shipped help center, untimed)', kbBuild(join(REPO, 'content'), join(WORK, 'out', 'kb-shipped')));

// run.sh --rt re-ran the benchmark under the real-time policy: said in the header, as the load is.
const realTime = process.env.BENCH_RT === '1';
console.log(`\nkb vs Hugo + Pagefind, ${N} articles, ${RUNS} run(s); ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, `
  + `load ${loadavg().map((x) => x.toFixed(1)).join(' ')}${realTime ? ' (real-time scheduling: --rt)' : ''}; jar ${JAR}`);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const kbFirst = i % 2 === 0;
  let kb, other;
  const skipped = { ok: true, wallMs: NaN, cpuMs: NaN, rssMb: NaN };
  const otherBuild = () => (kbOnly ? { hugo: skipped, pagefind: skipped } : hugoBuild(dir, outHugo));
  const kbRun = () => must(`kb build (run ${i + 1})`, kbBuild(content, outKb, { xmx: smallHeap ? XMX : undefined }));
  if (kbFirst) { kb = kbRun(); other = otherBuild(); }
  else { other = otherBuild(); kb = kbRun(); }
  must(`hugo (run ${i + 1})`, other.hugo);
  must(`pagefind (run ${i + 1})`, other.pagefind);
  const hp = other.hugo.wallMs + other.pagefind.wallMs;
  const run = {
    kbWallMs: kb.wallMs, kbCpuMs: kb.cpuMs, kbRssMb: kb.rssMb, kbPhases: kb.phases,
    hugoWallMs: other.hugo.wallMs, hugoCpuMs: other.hugo.cpuMs, hugoRssMb: other.hugo.rssMb,
    pagefindWallMs: other.pagefind.wallMs, pagefindCpuMs: other.pagefind.cpuMs, pagefindRssMb: other.pagefind.rssMb,
    kbOk: kb.ok, ratio: kb.wallMs / hp, cpuRatio: kb.cpuMs / (other.hugo.cpuMs + other.pagefind.cpuMs),
  };
  runs.push(run);
  console.log(`run ${i + 1}${kbFirst ? ' (kb first)' : ' (Hugo first)'}: kb ${sec(run.kbWallMs)} (cpu ${sec(run.kbCpuMs)}, ${mb(run.kbRssMb)}); `
    + `hugo ${sec(run.hugoWallMs)} + pagefind ${sec(run.pagefindWallMs)} = ${sec(hp)} (cpu ${sec(run.hugoCpuMs + run.pagefindCpuMs)}); `
    + `ratio ${fix(run.ratio)}`);
}

const kbOut = dirBytes(outKb);
const hugoOut = dirBytes(outHugo);
const kbBrowserIndex = dirBytes(join(outKb, 'search', 'data'));
const kbLucene = dirBytes(join(outKb, '.kb', 'lucene'));
const pagefindIndex = dirBytes(join(outHugo, 'pagefind'));

const m = (k) => med(runs.map((r) => r[k]));
const phase = (name) => med(runs.map((r) => r.kbPhases[name]));
// The build summary's phases: "index" (Lucene) and "write" (the browser export, then small files).
const kbIndexMs = med(runs.map((r) => (r.kbPhases['search index'] ?? r.kbPhases.index ?? NaN)
  + (r.kbPhases['browser export'] ?? r.kbPhases.write ?? NaN)));
const hpWall = med(runs.map((r) => r.hugoWallMs + r.pagefindWallMs));
const hpCpu = med(runs.map((r) => r.hugoCpuMs + r.pagefindCpuMs));
const hpRss = med(runs.map((r) => Math.max(r.hugoRssMb, r.pagefindRssMb)));

const summary = {
  articles: N, runs: RUNS, date: new Date().toISOString(), cores: cpus().length, load: loadavg(), realTime, jar: JAR,
  kb: { wallMs: m('kbWallMs'), cpuMs: m('kbCpuMs'), rssMb: m('kbRssMb'), msPerArticle: m('kbWallMs') / N,
    cpuMsPerArticle: m('kbCpuMs') / N, indexMs: kbIndexMs, outputBytes: kbOut.bytes, htmlFiles: kbOut.html,
    browserIndexBytes: kbBrowserIndex.bytes, browserIndexFiles: kbBrowserIndex.files, luceneBytes: kbLucene.bytes,
    phasesMs: Object.fromEntries(Object.keys(runs[0].kbPhases).map((k) => [k, phase(k)])) },
  hugo: { wallMs: m('hugoWallMs'), cpuMs: m('hugoCpuMs'), rssMb: m('hugoRssMb') },
  pagefind: { wallMs: m('pagefindWallMs'), cpuMs: m('pagefindCpuMs'), rssMb: m('pagefindRssMb'),
    indexBytes: pagefindIndex.bytes, indexFiles: pagefindIndex.files },
  hugoPagefind: { wallMs: hpWall, cpuMs: hpCpu, rssMb: hpRss, outputBytes: hugoOut.bytes, htmlFiles: hugoOut.html,
    msPerArticle: hpWall / N },
  ratios: runs.map((r) => r.ratio), medianRatio: m('ratio'), medianCpuRatio: m('cpuRatio'), runsDetail: runs,
};

console.log(`\n## ${N} articles: median of ${RUNS} run(s)\n`);
console.log(table(['', 'kb build', 'Hugo', 'Pagefind', 'Hugo + Pagefind', 'kb / (Hugo + Pagefind)'], [
  ['wall time', sec(summary.kb.wallMs), sec(summary.hugo.wallMs), sec(summary.pagefind.wallMs), sec(hpWall),
    `**${fix(summary.medianRatio)}** (runs: ${summary.ratios.map((x) => fix(x)).join(', ')}; target <= 1.0)`],
  ['CPU time (user + sys)', sec(summary.kb.cpuMs), sec(summary.hugo.cpuMs), sec(summary.pagefind.cpuMs), sec(hpCpu),
    fix(summary.medianCpuRatio)],
  ['peak RSS', mb(summary.kb.rssMb), mb(summary.hugo.rssMb), mb(summary.pagefind.rssMb), `${mb(hpRss)} (max of the two)`,
    fix(summary.kb.rssMb / hpRss)],
  ['wall time per article', `${fix(summary.kb.msPerArticle)} ms`, '', '', `${fix(summary.hugoPagefind.msPerArticle)} ms`, ''],
  ['output (HTML pages)', `${size(kbOut.bytes)} (${kbOut.html})`, `${size(hugoOut.bytes - pagefindIndex.bytes)} (${hugoOut.html})`, '',
    size(hugoOut.bytes), ''],
  ['search index', `${size(kbBrowserIndex.bytes)} browser (${kbBrowserIndex.files} files) + ${size(kbLucene.bytes)} Lucene`, '',
    `${size(pagefindIndex.bytes)} (${pagefindIndex.files} files)`, '', ''],
  ['index build time', `${sec(kbIndexMs)} (index + write phases)`, '', sec(summary.pagefind.wallMs), '',
    fix(kbIndexMs / summary.pagefind.wallMs) + ' (target < 1)'],
]));
console.log(`\nkb phases (median): ${Object.entries(summary.kb.phasesMs).map(([k, v]) => `${k} ${v} ms`).join(', ')}`);

// Bounded memory: one build with a small heap (or the timed ones, with --small-heap).
if (smallHeap) {
  const ok = runs.every((r) => r.kbOk);
  summary.bounded = { xmx: XMX, ok, wallMs: m('kbWallMs'), rssMb: Math.max(...runs.map((r) => r.kbRssMb)), timed: true };
  console.log(`\nBounded memory: the timed kb builds ran with -Xmx${XMX}: ${ok ? 'OK' : 'FAILED'}, peak RSS ${mb(summary.bounded.rssMb)}`);
} else if (!flag('--no-bounded')) {
  const xmx = XMX;
  const r = kbBuild(content, outKb + '-xmx', { xmx });
  summary.bounded = { xmx, ok: r.ok, wallMs: r.wallMs, rssMb: r.rssMb };
  console.log(`\nBounded memory: kb build with -Xmx${xmx}: ${r.ok ? 'OK' : 'FAILED'} in ${sec(r.wallMs)}, peak RSS ${mb(r.rssMb)}`);
  if (!r.ok) {
    // kb's own words: /usr/bin/time's report, which ends stderr, would push them out of the tail.
    const own = r.stderr.split('\n').filter((l) => !/^\t|^\s*Command (being timed|exited)/.test(l)).join('\n');
    console.log(tail(r.stdout, 10) + '\n' + tail(own, 15));
    failures.push(`kb build with -Xmx${xmx} failed`);
  }
  rmSync(outKb + '-xmx', { recursive: true, force: true });
}

// Profile: one build under Java Flight Recorder, top methods by samples.
if (flag('--profile')) {
  const jfrFile = join(WORK, `kb-${N}.jfr`);
  const r = kbBuild(content, outKb + '-jfr', { jvm: ['-XX:FlightRecorderOptions=stackdepth=1024', `-XX:StartFlightRecording=filename=${jfrFile},settings=profile,dumponexit=true`] });
  if (r.ok) {
    summary.profile = await profileSummary(jfrFile);
    console.log(`\nJFR profile of one kb build (${jfrFile}; open it in JDK Mission Control for more):`);
    console.log(summary.profile.text);
  } else {
    failures.push('kb build under JFR failed');
  }
  rmSync(outKb + '-jfr', { recursive: true, force: true });
}

// Search budgets in headless Chromium.
if (kbOnly && !flag('--no-browser') && existsSync(join(outKb, 'index.html'))) {
  // No Pagefind site to compare with: kb's first-query bytes alone, in the browser.
  try {
    const result = await kbFirstQueries({ kbDir: outKb, pagePath: firstArticle(outKb), queries: smoke ? ['reconnect facebook'] : undefined });
    summary.search = { medianKbBytes: result.medianKbBytes, kbOnly: result };
    console.log(`\n## First-query search bytes, kb alone, ${N} articles\n`);
    console.log(kbFirstReport(result));
  } catch (e) {
    console.error(`\nsearch budget measurement failed: ${e.stack || e}`);
    failures.push('search budget measurement failed');
  }
} else if (kbOnly) {
  // --no-browser: nothing measured in a browser
} else if (!flag('--no-browser') && !(existsSync(join(outKb, 'index.html')) && existsSync(join(outHugo, 'pagefind')))) {
  failures.push('search budgets not measured: a build above failed');
} else if (!flag('--no-browser')) {
  try {
    const page = firstArticle(outKb);
    const result = await measure({ kbDir: outKb, hugoDir: outHugo, pagePath: page,
      queries: smoke ? ['reconnect facebook'] : undefined, keyRuns: smoke ? 1 : undefined });
    summary.search = result;
    console.log(`\n## Search budgets, ${N} articles\n`);
    console.log(searchReport(result));
  } catch (e) {
    console.error(`\nsearch budget measurement failed: ${e.stack || e}`);
    failures.push('search budget measurement failed');
  }
  try {
    const result = await widgetBudget(outKb, smoke ? ['reconnect facebook'] : ['reconnect facebook', 'password reset'], smoke ? 1 : 3);
    summary.widget = result;
    console.log(`\n## Help widget budgets, ${N} articles\n`);
    console.log(widgetReport(result));
  } catch (e) {
    console.error(`\nwidget budget measurement failed: ${e.stack || e}`);
    failures.push('widget budget measurement failed');
  }
}

// kb search from a cold JVM on the site just built: java -jar against bin/kb (cli-search.sh).
if (existsSync(join(outKb, '.kb', 'lucene'))) {
  const r = spawnSync(join(BENCH, 'cli-search.sh'), ['--content', join(dir, 'kb', 'content'), '--out', outKb,
    String(smoke ? 1 : Math.max(5, RUNS))], { encoding: 'utf8', env: { ...process.env, KB_JAR: JAR } });
  console.log(`\n## CLI search, ${N} articles\n`);
  console.log(r.stdout);
  summary.cli = r.stdout;
  // Its table's rows: "| bin/kb (quick launcher) |   0.52 s |   0.40 s |    60 MB |".
  const row = (title) => {
    const m = new RegExp(`\\| ${title.replace(/[()]/g, '\\$&')} *\\| *([\\d.]+) s \\| *([\\d.]+) s \\| *(\\d+) MB`).exec(r.stdout);
    return m ? { wallMs: Number(m[1]) * 1000, cpuMs: Number(m[2]) * 1000, rssMb: Number(m[3]) } : null;
  };
  summary.cliSearch = { launcher: row('bin/kb (quick launcher)'), jar: row('java -jar target/kb.jar'), jvm: row('JVM start alone (-version)') };
  if (r.status !== 0) {
    console.error(r.stderr);
    failures.push('CLI search measurement failed');
  }
}

// Warm rebuilds: one article edited, then `kb build` in a fresh process with the build cache the
// build before left beside its output (site/.kb/cache/), as a writer or a CI job rebuilds. On the
// last cold run's site, after the search measurements that read it; each run edits another
// article. The articles get their bytes back afterwards; the corpus's stamp is removed meanwhile,
// so a benchmark killed halfway through generates the corpus again rather than build from edits.
if (!flag('--no-warm') && existsSync(join(outKb, '.kb', 'cache'))) {
  console.log(`\n## Warm rebuilds, ${N} articles\n`);
  const articles = articleFiles(join(content, 'articles'));
  const stamp = join(dir, '.generated');
  const key = readFileSync(stamp, 'utf8');
  const edited = new Map();
  const warm = [];
  rmSync(stamp);
  try {
    for (let i = 0; i < RUNS; i++) {
      const file = articles[Math.floor(((i + 0.5) * articles.length) / RUNS)];
      if (!edited.has(file)) edited.set(file, readFileSync(file));
      appendFileSync(file, `\nOne more sentence, added by the benchmark before warm rebuild ${i + 1}.\n`);
      const r = must(`kb build (warm run ${i + 1})`, kbBuild(content, outKb, { fresh: false }));
      const jvm = timed('java', ['-XX:+UseSerialGC', '-version']);
      const m = /from the build cache: ([\d,]+) of ([\d,]+) Markdown documents, ([\d,]+) of ([\d,]+) pages/.exec(r.stdout);
      const reused = m ? `${m[1]} of ${m[2]} documents and ${m[3]} of ${m[4]} pages reused` : 'nothing reused';
      if (r.ok && !m) failures.push(`warm rebuild ${i + 1} reused nothing from the build cache`);
      warm.push({ wallMs: r.wallMs, cpuMs: r.cpuMs, rssMb: r.rssMb, jvmStartMs: jvm.wallMs, reused, edited: relative(content, file) });
      console.log(`warm run ${i + 1} (${relative(content, file)} edited): ${sec(r.wallMs)} (cpu ${sec(r.cpuMs)}, ${mb(r.rssMb)}; `
        + `a bare JVM start ${sec(jvm.wallMs)}); ${reused}`);
    }
  } finally {
    edited.forEach((bytes, file) => writeFileSync(file, bytes));
    writeFileSync(stamp, key);
  }
  // The site again as the corpus has it, so a later bench/cli-search.sh finds its index current
  // (not for the smoke run, which CI throws away).
  if (!smoke) {
    const back = must('kb build (the edited articles restored)', kbBuild(content, outKb, { fresh: false }));
    console.log(`the ${edited.size} edited article(s) restored and rebuilt: ${sec(back.wallMs)} (cpu ${sec(back.cpuMs)})`);
  }
  summary.warm = { runs: warm, wallMs: med(warm.map((w) => w.wallMs)), cpuMs: med(warm.map((w) => w.cpuMs)),
    rssMb: med(warm.map((w) => w.rssMb)), jvmStartMs: med(warm.map((w) => w.jvmStartMs)) };
}

printSummary();
writeFileSync(join(WORK, `results-${N}.json`), JSON.stringify(summary, null, 2));
scaling();
console.log(`\nResults: ${join(WORK, `results-${N}.json`)}`);
if (failures.length) {
  console.error(`\nFAILED: ${failures.join('; ')}`);
  process.exit(1);
}

/** Everything measured above in one table: medians, and each run's ratio beside them. */
function printSummary() {
  const runsOf = (k) => runs.map((r) => fix(r[k])).join(', ');
  const cli = summary.cliSearch || {};
  const w = summary.warm;
  const rows = [
    ['cold build, wall', sec(summary.kb.wallMs), sec(hpWall), `**${fix(summary.medianRatio)}** (runs: ${runsOf('ratio')})`],
    ['cold build, CPU (user + sys)', sec(summary.kb.cpuMs), sec(hpCpu), `**${fix(summary.medianCpuRatio)}** (runs: ${runsOf('cpuRatio')})`],
    ['cold build, peak RSS', mb(summary.kb.rssMb), mb(hpRss), `${fix(summary.kb.rssMb / hpRss)} (runs: ${runs.map((r) => mb(r.kbRssMb)).join(', ')})`],
    ['cold build, small heap', summary.bounded ? `-Xmx${summary.bounded.xmx}: ${summary.bounded.ok ? 'OK' : 'FAILED'} in `
      + `${sec(summary.bounded.wallMs)}, ${mb(summary.bounded.rssMb)}` : 'not run', '', ''],
    ['warm rebuild, one article edited', w ? `${sec(w.wallMs)} (CPU ${sec(w.cpuMs)}, ${mb(w.rssMb)}; runs: `
      + `${w.runs.map((x) => sec(x.wallMs)).join(', ')})` : 'not run', '',
      w ? `${fix(w.wallMs / summary.kb.wallMs)} of the cold build; ${sec(w.wallMs - w.jvmStartMs)} beyond a bare JVM start (${sec(w.jvmStartMs)})` : ''],
    ['kb search, bin/kb', cli.launcher ? `${sec(cli.launcher.wallMs)} (CPU ${sec(cli.launcher.cpuMs)}, ${mb(cli.launcher.rssMb)})` : 'not run', '',
      cli.jar ? `java -jar: ${sec(cli.jar.wallMs)}; a bare JVM start: ${sec(cli.jvm?.wallMs)}` : ''],
  ];
  console.log(`\n## Summary, ${N} articles (medians of ${RUNS} run(s); \`bench/run.sh ${args.join(' ')}\`)\n`);
  console.log(table(['', 'kb', 'Hugo + Pagefind', 'kb / (Hugo + Pagefind)'], rows));
}

/** The first article of the first section, as a site path: both sites use /section/slug/. */
function firstArticle(site) {
  const section = readdirSync(site, { withFileTypes: true }).filter((e) => e.isDirectory()
    && existsSync(join(site, e.name, 'index.html')) && readdirSync(join(site, e.name), { withFileTypes: true })
      .some((c) => c.isDirectory() && existsSync(join(site, e.name, c.name, 'index.html')))
    && !['a', 'faq', 'search', 'lifespans', 'assets', 'api', 'widget'].includes(e.name)).map((e) => e.name).sort()[0];
  const slug = readdirSync(join(site, section), { withFileTypes: true }).filter((c) => c.isDirectory()).map((c) => c.name).sort()[0];
  return `/${section}/${slug}/`;
}

/** kb's cost per article across every N measured so far (results-*.json in bench/work). */
function scaling(always = false) {
  if (!existsSync(WORK)) return;
  const all = readdirSync(WORK).filter((f) => /^results-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(WORK, f), 'utf8'))).sort((a, b) => a.articles - b.articles);
  if (all.length < (always ? 1 : 2)) return;
  const base = all.find((r) => r.articles === 1000) || all[0];
  // The issue's test at 100,000 articles: time per article within 1.3 x the 10,000 figure.
  const tenK = all.find((r) => r.articles === 10000);
  const kib = (b) => (typeof b === 'number' && Number.isFinite(b) ? (b / 1024).toFixed(1) + ' KB' : 'n/a');
  console.log(`\n## kb cost per article across sizes (from bench/work/results-*.json; base ${base.articles})\n`);
  console.log(table(['articles', 'kb wall', 'ms / article', 'x base', 'x 10,000', 'kb CPU ms / article', 'x 10,000 (CPU)',
    'kb peak RSS', 'bounded heap', 'first query (median)', 'Hugo + Pagefind ms / article', 'kb / (Hugo + Pagefind)', 'load', 'date'],
  all.map((r) => [
    r.articles, sec(r.kb.wallMs), fix(r.kb.msPerArticle), fix(r.kb.msPerArticle / base.kb.msPerArticle),
    tenK ? fix(r.kb.msPerArticle / tenK.kb.msPerArticle) : 'n/a',
    fix(r.kb.cpuMsPerArticle), tenK ? fix(r.kb.cpuMsPerArticle / tenK.kb.cpuMsPerArticle) : 'n/a', mb(r.kb.rssMb),
    r.bounded ? `-Xmx${r.bounded.xmx} ${r.bounded.ok ? 'OK' : 'FAILED'} (${mb(r.bounded.rssMb)})` : 'not run',
    kib(r.search?.medianKbBytes), fix(r.hugoPagefind.msPerArticle), fix(r.medianRatio),
    Array.isArray(r.load) ? r.load[0].toFixed(1) : 'n/a', (r.date || '').slice(0, 16),
  ])));
}
