// Node side of AnalyzerParityIT: runs templates/assets/js/kb-analyzer.js over one input per line.
// Usage: node run-analyzer.js <kb-analyzer.js> <mode> <input file> <output file>
// Both files are ASCII: '"', '\', control and non-ASCII chars are written \uXXXX (so inputs can
// hold line breaks and lone surrogates). One output line per input line:
//   lines:   analyze(s) \2 surface(s) \2 tokens(s) as term \3 surface \3 start \3 end; items \1-separated
//   digests: the SHA-1 (base64) of that line's UTF-16 code units (little-endian), which
//            AnalyzerParityIT compares with Lucene's: megabytes of escaped output cost more time
//            to write, read and unescape than to analyze (every code point made 230 MB a chain)
//   stem:    stem(s) \1 isStopWord(s)
//   version: VERSION (input ignored)
// StandardTokenizer never puts a control character in a token, so the separators are safe.
'use strict';
const fs = require('fs');
const path = require('path');
const [, , analyzerPath, mode, inFile, outFile] = process.argv;
const kb = require(path.resolve(analyzerPath));

const crypto = require('crypto');
const escape = (s) => s.replace(/[\0-\x1f\x7f-\uffff"\\]/g,
  (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const inputs = fs.readFileSync(inFile, 'latin1').split('\n');
inputs.pop(); // every line ends with \n
const texts = inputs.map((line) => JSON.parse('"' + line + '"'));
// analyze() and surface() are tokens() read one field each: the three are built from one tokens()
// call, and every tenth input (every one in "lines" mode) also calls analyze() and surface()
// themselves, which must agree. Analysing each input three times made node the slow side.
let calls = 0;
const analyzed = (s, always) => {
  const tokens = kb.tokens(s);
  const terms = tokens.map((t) => t.term).join('\u0001');
  const surfaces = tokens.map((t) => t.surface).join('\u0001');
  if ((always || calls++ % 10 === 0)
      && (kb.analyze(s).join('\u0001') !== terms || kb.surface(s).join('\u0001') !== surfaces)) {
    throw new Error('analyze() or surface() disagrees with tokens() on ' + JSON.stringify(s));
  }
  return [terms, surfaces, tokens.map((t) => [t.term, t.surface, t.start, t.end].join('\u0003')).join('\u0001')]
    .join('\u0002');
};
let out;
if (mode === 'lines') {
  out = texts.map((s) => analyzed(s, true));
} else if (mode === 'digests') {
  // 'utf16le' writes each code unit as it is, lone surrogates too (UTF-8 would replace them).
  out = texts.map((s) => crypto.createHash('sha1').update(analyzed(s, false), 'utf16le').digest('base64'));
} else if (mode === 'stem') {
  out = texts.map((w) => kb.stem(w) + '\u0001' + kb.isStopWord(w));
} else if (mode === 'version') {
  out = [kb.VERSION];
} else {
  throw new Error('unknown mode ' + mode);
}
fs.writeFileSync(outFile, out.map((l) => escape(l) + '\n').join(''), 'latin1');
