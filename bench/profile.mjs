// Where a kb build spends its time, from a Java Flight Recorder file:
//   node bench/profile.mjs bench/work/kb-10000.jfr
// (bench/run.sh N --profile records one and prints this summary.)
//
// Reads `jfr print` text output as a stream: a 10,000-article build gives ~500 MB of stack
// traces, too much for one string.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Build phases, by the kb method on the stack that marks them (the outermost match wins), so
 * work on pool threads is charged to the phase that started it. Names match the build summary.
 */
const PHASES = [
  [/^kb\.content\.ContentLoader\./, 'load'],
  [/^kb\.template\.Templates\.load/, 'templates'],
  [/^kb\.check\.(ReferenceCheck|FactDrift)\./, 'reference + fact checks (not in the summary)'],
  [/^kb\.pipeline\.ContentRenderer\./, 'markdown'],
  [/^kb\.pipeline\.SiteLinkCheck\./, 'link check'],
  [/^kb\.pipeline\.SearchRecords\.index|^kb\.search\.SearchIndexer\./, 'search index'],
  [/^kb\.pipeline\.SearchRecords\.export|^kb\.search\.BrowserExport\./, 'browser export'],
  [/^kb\.pipeline\.PageWriter\./, 'pages'],
  [/^kb\.cli\./, 'startup / command line'],
];

/** Reads a JFR file's execution samples; resolves with the summary text. */
export function profileSummary(file) {
  return new Promise((resolve) => {
    const jfr = spawn('jfr', ['print', '--stack-depth', '1024', '--events', 'jdk.ExecutionSample', file]);
    const self = new Map(), nearest = new Map(), phases = new Map(), inPhase = new Map();
    const bump = (map, k) => map.set(k, (map.get(k) || 0) + 1);
    let frames = null;
    let total = 0;
    let stderr = '';
    jfr.stderr.on('data', (d) => { stderr += d; });
    const lines = createInterface({ input: jfr.stdout });
    lines.on('line', (line) => {
      if (line === '  stackTrace = [') { frames = []; return; }
      if (frames === null) return;
      if (line === '  ]') { sample(frames); frames = null; return; }
      const m = /^\s+(\S+?)\(/.exec(line);
      if (m) frames.push(clean(m[1]));
    });
    function sample(stack) {
      if (!stack.length) return;
      total++;
      bump(self, stack[0]);
      const kb = stack.find((f) => f.startsWith('kb.') && !f.includes('$$Lambda'));
      bump(nearest, kb || '(not under kb code)');
      // The command line is outermost on the main thread; a phase below it wins.
      let phase = stack.some((f) => f.startsWith('kb.')) ? 'other kb code' : '(JVM: JIT, GC, class loading)';
      for (let i = stack.length - 1; i >= 0; i--) {
        const hit = PHASES.find(([re]) => re.test(stack[i]));
        if (hit) {
          phase = hit[1];
          if (!stack[i].startsWith('kb.cli.')) break;
        }
      }
      bump(phases, phase);
      if (!inPhase.has(phase)) inPhase.set(phase, new Map());
      bump(inPhase.get(phase), kb || '(library code only)');
    }
    jfr.on('close', (code) => {
      if (code !== 0) { resolve({ total: 0, text: `jfr print failed (${code}): ${stderr}` }); return; }
      const pct = (v) => `${(100 * v / total).toFixed(1).padStart(5)}%`;
      const top = (map, n, indent = '  ') => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
        .map(([k, v]) => `${indent}${pct(v)}  ${k}`).join('\n');
      const byPhase = [...phases.entries()].sort((a, b) => b[1] - a[1])
        .map(([p, v]) => `  ${pct(v)}  ${p}\n${top(inPhase.get(p), 4, '        ')}`).join('\n');
      const text = `${total} samples (Java threads; JFR 'profile' settings: one sample per running thread every 10 ms)\n`
        + `By build phase, with the kb methods nearest the top inside it (library time charged to its kb caller):\n${byPhase}\n`
        + `By nearest kb method, whole build:\n${top(nearest, 15)}\n`
        + `By top frame (self time):\n${top(self, 12)}`;
      resolve({ total, text });
    });
  });
}

/** "kb.pipeline.Foo$$Lambda$510+0x00007f...accept" -> "kb.pipeline.Foo$$Lambda.accept". */
function clean(frame) {
  return frame.replace(/\$\$Lambda\$[^.]*(\.0x[0-9a-f]+)?(\.\d+)?/, '$$$$Lambda');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv[2]) { console.error('usage: node bench/profile.mjs FILE.jfr'); process.exit(2); }
  console.log((await profileSummary(process.argv[2])).text);
}
