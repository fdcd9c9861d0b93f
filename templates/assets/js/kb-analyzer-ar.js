/* kb-analyzer-ar.js: kb's Arabic search chain "kb-ar-1" (kb.search.Chain.AR, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ lower case ▸ digits as 0-9 ▸ ArabicAnalyzer's stop words ▸
 * ArabicNormalizer (surface) ▸ ArabicStemmer (analyze).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a Arabic index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('\u0623 \u0623\u0644\u0627 \u0623\u0645\u0627 \u0623\u0646 \u0623\u0646\u062a \u0623\u0646\u0647 \u0623\u0646\u0647\u0627 \u0623\u0648 \u0623\u0649 \u0623\u064a \u0623\u064a\u0636\u0627 \u0625\u0630\u0627 \u0625\u0644\u0627 \u0625\u0644\u0649 \u0625\u0644\u064a \u0625\u0645\u0627 \u0625\u0646 \u0625\u0646\u0647 \u0625\u0646\u0647\u0627 \u0627 \u0627\u0630\u0627 \u0627\u0644\u0622\u0646 \u0627\u0644\u0627 \u0627\u0644\u0627\u0646 \u0627\u0644\u062a\u0649 \u0627\u0644\u062a\u064a \u0627\u0644\u0630\u0649 \u0627\u0644\u0630\u064a \u0627\u0644\u0630\u064a\u0646 \u0627\u0644\u0649 \u0627\u0644\u064a \u0627\u0645\u0627 \u0627\u0646 \u0627\u0646\u062a \u0627\u0646\u0647 \u0627\u0646\u0647\u0627 \u0627\u0648 \u0627\u0649 \u0627\u064a \u0627\u064a\u0636\u0627 \u0628 \u0628\u0623\u0646 \u0628\u0627\u0646 \u0628\u0639\u062f \u0628\u0639\u0636 \u0628\u0647 \u0628\u0647\u0627 \u0628\u064a\u0646 \u0628\u064a\u0646\u0645\u0627 \u062a\u0643\u0648\u0646 \u062a\u0644\u0643 \u062b\u0645 \u062c\u0645\u064a\u0639 \u062d\u062a\u0649 \u062d\u064a\u062b \u062e\u0644\u0627\u0644 \u0630\u0644\u0643 \u0636\u0645\u0646 \u0639\u0644\u0649 \u0639\u0644\u064a\u0647 \u0639\u0644\u064a\u0647\u0627 \u0639\u0646 \u0639\u0646\u062f \u0639\u0646\u062f\u0645\u0627 \u063a\u064a\u0631 \u0641 \u0641\u0623\u0646 \u0641\u0627\u0646 \u0641\u0645\u0627 \u0641\u0647\u0648 \u0641\u0647\u0649 \u0641\u0647\u064a \u0641\u064a \u0641\u064a\u0647 \u0641\u064a\u0647\u0627 \u0642\u0628\u0644 \u0642\u062f \u0643\u0627\u0646 \u0643\u0627\u0646\u062a \u0643\u0644 \u0643\u0645\u0627 \u0644\u0627 \u0644\u062f\u0649 \u0644\u0643 \u0644\u0643\u0646 \u0644\u0645 \u0644\u0646 \u0644\u0647 \u0644\u0647\u0627 \u0645\u0627 \u0645\u0639 \u0645\u0646 \u0645\u0646\u0630 \u0645\u0646\u0647 \u0645\u0646\u0647\u0627 \u0646\u062d\u0648 \u0647\u0630\u0627 \u0647\u0630\u0647 \u0647\u0646\u0627\u0643 \u0647\u0648 \u0647\u0649 \u0647\u064a \u0648 \u0648\u0623\u0646 \u0648\u0625\u0646 \u0648\u0627\u0646 \u0648\u0641\u064a \u0648\u0643\u0627\u0646 \u0648\u0643\u0627\u0646\u062a \u0648\u0643\u0644 \u0648\u0644\u0627 \u0648\u0644\u0645 \u0648\u0644\u0646 \u0648\u0645\u0627 \u0648\u0645\u0646 \u0648\u0647\u0648 \u0648\u0647\u0649 \u0648\u0647\u064a \u064a\u0643\u0648\u0646'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  // DecimalDigitFilter: any decimal digit as 0-9. Digits come in runs of ten, zero first.
  var DIGIT = /\p{Nd}/u;
  function digits(t) {
    return t.replace(/\p{Nd}/gu, function (d) {
      var cp = d.codePointAt(0), n = 0;
      if (cp < 0x80) return d;
      while (DIGIT.test(String.fromCodePoint(cp - n - 1))) n++;
      return String(n % 10);
    });
  }
  // ArabicNormalizer: alef with hamza or madda as bare alef, alef maksura as yeh, teh marbuta as
  // heh; no tatweel and no harakat (so a word matches with and without its diacritics).
  function normalize(t) {
    return t.replace(/[\u0622\u0623\u0625]/g, '\u0627').replace(/\u0649/g, '\u064a').replace(/\u0629/g, '\u0647')
      .replace(/[\u0640\u064b-\u0652]/g, '');
  }
  // ArabicStemmer: the first of these prefixes (al-, wal-, bal-, kal-, fal-, ll-, w-), then every
  // one of these suffixes in turn, each only if two chars stay (w- needs a word of four).
  var PREFIXES = ['\u0627\u0644', '\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0641\u0627\u0644', '\u0644\u0644', '\u0648'];
  var SUFFIXES = ['\u0647\u0627', '\u0627\u0646', '\u0627\u062a', '\u0648\u0646', '\u064a\u0646', '\u064a\u0647', '\u064a\u0629', '\u0647', '\u0629', '\u064a'];
  function stem(w) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var p = PREFIXES[i];
      if (w.length >= (p.length === 1 ? 4 : p.length + 2) && w.lastIndexOf(p, 0) === 0) { w = w.slice(p.length); break; }
    }
    SUFFIXES.forEach(function (x) {
      if (w.length >= x.length + 2 && w.slice(w.length - x.length) === x) w = w.slice(0, w.length - x.length);
    });
    return w;
  }
  var api = kb.chain('kb-ar-1', kb.byToken(function (t) {
    t = digits(kb.lower(t));
    return STOP.has(t) ? null : normalize(t);
  }), stem, isStopWord);
  api.foldsFirst = true; // prefixes go: a stem may start with another letter than its word
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
