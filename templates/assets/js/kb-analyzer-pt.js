/* kb-analyzer-pt.js: kb's Portuguese search chain "kb-pt-1" (kb.search.Chain.PT, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ lower case ▸ PortugueseAnalyzer's stop words ▸
 * PortugueseLightStemmer (analyze) or not (surface).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a Portuguese index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('a ao aos aquela aquelas aquele aqueles aquilo as at\u00e9 com como da das de dela delas dele deles depois do dos e ela elas ele eles em entre era eram essa essas esse esses esta estamos estas estava estavam este esteja estejam estejamos estes esteve estive estivemos estiver estivera estiveram estiverem estivermos estivesse estivessem estiv\u00e9ramos estiv\u00e9ssemos estou est\u00e1 est\u00e1vamos est\u00e3o eu foi fomos for fora foram forem formos fosse fossem fui f\u00f4ramos f\u00f4ssemos haja hajam hajamos havemos hei houve houvemos houver houvera houveram houverei houverem houveremos houveria houveriam houvermos houver\u00e1 houver\u00e3o houver\u00edamos houvesse houvessem houv\u00e9ramos houv\u00e9ssemos h\u00e1 h\u00e3o isso isto j\u00e1 lhe lhes mais mas me mesmo meu meus minha minhas muito na nas nem no nos nossa nossas nosso nossos num numa n\u00e3o n\u00f3s o os ou para pela pelas pelo pelos por qual quando que quem se seja sejam sejamos sem serei seremos seria seriam ser\u00e1 ser\u00e3o ser\u00edamos seu seus somos sou sua suas s\u00e3o s\u00f3 tamb\u00e9m te tem temos tenha tenham tenhamos tenho terei teremos teria teriam ter\u00e1 ter\u00e3o ter\u00edamos teu teus teve tinha tinham tive tivemos tiver tivera tiveram tiverem tivermos tivesse tivessem tiv\u00e9ramos tiv\u00e9ssemos tu tua tuas t\u00e9m t\u00ednhamos um uma voc\u00ea voc\u00eas vos \u00e0 \u00e0s \u00e9ramos'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  function ends(b, n, suffix) {
    if (n < suffix.length) return false;
    for (var i = 0; i < suffix.length; i++) if (b[n - suffix.length + i] !== suffix.charAt(i)) return false;
    return true;
  }
  // PortugueseLightStemmer: b is the word's UTF-16 units, n its length; each step returns the new n.
  function removeSuffix(b, n) {
    if (n > 4 && ends(b, n, 'es') && 'rslz'.indexOf(b[n - 3]) >= 0) return n - 2;
    if (n > 3 && ends(b, n, 'ns')) { b[n - 2] = 'm'; return n - 1; }
    if (n > 4 && (ends(b, n, 'eis') || ends(b, n, '\u00e9is'))) { b[n - 3] = 'e'; b[n - 2] = 'l'; return n - 1; }
    if (n > 4 && ends(b, n, 'ais')) { b[n - 2] = 'l'; return n - 1; }
    if (n > 4 && ends(b, n, '\u00f3is')) { b[n - 3] = 'o'; b[n - 2] = 'l'; return n - 1; }
    if (n > 4 && ends(b, n, 'is')) { b[n - 1] = 'l'; return n; }
    if (n > 3 && (ends(b, n, '\u00f5es') || ends(b, n, '\u00e3es'))) { n--; b[n - 2] = '\u00e3'; b[n - 1] = 'o'; return n; }
    if (n > 6 && ends(b, n, 'mente')) return n - 5;
    if (n > 3 && b[n - 1] === 's') return n - 1;
    return n;
  }
  function normFeminine(b, n) {
    if (n > 7 && (ends(b, n, 'inha') || ends(b, n, 'iaca') || ends(b, n, 'eira'))) { b[n - 1] = 'o'; return n; }
    if (n > 6) {
      if (['osa', 'ica', 'ida', 'ada', 'iva', 'ama'].some(function (x) { return ends(b, n, x); })) { b[n - 1] = 'o'; return n; }
      if (ends(b, n, 'ona')) { b[n - 3] = '\u00e3'; b[n - 2] = 'o'; return n - 1; }
      if (ends(b, n, 'ora')) return n - 1;
      if (ends(b, n, 'esa')) { b[n - 3] = '\u00ea'; return n - 1; }
      if (ends(b, n, 'na')) { b[n - 1] = 'o'; return n; }
    }
    return n;
  }
  var PLAIN = {};
  'a\u00e0\u00e1\u00e2\u00e4\u00e3 o\u00f2\u00f3\u00f4\u00f6\u00f5 e\u00e8\u00e9\u00ea\u00eb u\u00f9\u00fa\u00fb\u00fc i\u00ec\u00ed\u00ee\u00ef c\u00e7'.split(' ').forEach(function (g) {
    for (var i = 1; i < g.length; i++) PLAIN[g.charAt(i)] = g.charAt(0);
  });
  function stem(w) {
    if (w.length < 4) return w;
    var b = w.split(''), n = removeSuffix(b, b.length);
    if (n > 3 && b[n - 1] === 'a') n = normFeminine(b, n);
    if (n > 4 && 'eao'.indexOf(b[n - 1]) >= 0) n--;
    for (var i = 0; i < n; i++) b[i] = PLAIN[b[i]] || b[i];
    return b.slice(0, n).join('');
  }
  var api = kb.chain('kb-pt-1', kb.byToken(function (t) {
    t = kb.lower(t);
    return STOP.has(t) ? null : t;
  }), stem, isStopWord);
  api.foldsFirst = true; // "\u00e1gua" stems to "agua": a stem may start with another letter than its word
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
