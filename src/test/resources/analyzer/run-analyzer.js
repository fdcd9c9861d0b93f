// Node side of AnalyzerParityIT: runs templates/assets/js/kb-analyzer.js over one input per line.
// Usage: node run-analyzer.js <kb-analyzer.js> <mode> <input file> <output file>
//   lines:   analyze(line) \2 surface(line) \2 tokens(line) (term \3 surface \3 start \3 end), items \1-separated
//   stem:    stem(line) \1 isStopWord(line)
//   version: VERSION (input ignored)
// The separators are control characters, which StandardTokenizer never puts in a token.
'use strict';
const fs = require('fs');
const path = require('path');
const [, , analyzerPath, mode, inFile, outFile] = process.argv;
const kb = require(path.resolve(analyzerPath));

const lines = fs.readFileSync(inFile, 'utf8').split('\n');
lines.pop(); // every input line ends with \n
let out;
if (mode === 'lines') {
  out = lines.map((line) => [
    kb.analyze(line).join('\u0001'),
    kb.surface(line).join('\u0001'),
    kb.tokens(line).map((t) => [t.term, t.surface, t.start, t.end].join('\u0003')).join('\u0001'),
  ].join('\u0002'));
} else if (mode === 'stem') {
  out = lines.map((w) => kb.stem(w) + '\u0001' + kb.isStopWord(w));
} else if (mode === 'version') {
  out = [kb.VERSION];
} else {
  throw new Error('unknown mode ' + mode);
}
fs.writeFileSync(outFile, out.map((l) => l + '\n').join(''), 'utf8');
