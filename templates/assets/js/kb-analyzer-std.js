/* kb-analyzer-std.js: kb's search chain "kb-std-1" for a language kb has no chain for
 * (kb.search.Chain.STANDARD, Lucene 9.12.3), exactly: ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ lower case.
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for such an index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  function same(w) { return w; }
  var api = kb.chain('kb-std-1', kb.byToken(kb.lower), same, function () { return false; });
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
