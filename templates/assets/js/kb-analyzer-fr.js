/* kb-analyzer-fr.js: kb's French search chain "kb-fr-1" (kb.search.Chain.FR, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ elided articles ("l'") ▸ lower case ▸
 * FrenchAnalyzer's stop words ▸ FrenchLightStemmer (analyze) or not (surface).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a French index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('ai aie aient aies ait au aurai auraient aurais aurait aurez auriez aurions aurons auront aux avaient avais avait avec avez aviez avons ayant ayez ayons c ce ceci cela cel\u00e0 ces cet cette d dans de des du elle en es et eu eue eues eurent eus eusse eussent eusses eussiez eussions eut eux e\u00fbmes e\u00fbt e\u00fbtes furent fus fusse fussent fusses fussiez fussions fut f\u00fbmes f\u00fbtes ici il ils j je l la le les leur leurs lui m ma mais me mes moi mon m\u00eame n ne nos notre nous on ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai seraient serais serait seras serez seriez serions serons seront ses soi soient sois soit sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y \u00e0 \u00e9taient \u00e9tais \u00e9tait \u00e9tant \u00e9tiez \u00e9tions \u00e9t\u00e9e \u00e9t\u00e9es \u00eates'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  var ARTICLES = new Set('c d j jusqu l lorsqu m n puisqu qu quoiqu s t'.split(' ')); // FrenchAnalyzer.DEFAULT_ARTICLES
  // ElisionFilter: "l'acc\u00e8s" is "acc\u00e8s"; the article is matched in any case.
  function elide(t) {
    var i = t.search(/['\u2019]/);
    return i >= 0 && ARTICLES.has(kb.lower(t.slice(0, i))) ? t.slice(i + 1) : t;
  }
  var LETTER = /\p{L}/u; // Java's Character.isLetter on one UTF-16 unit (a lone surrogate is none)
  var PLAIN = {};
  'a\u00e0\u00e1\u00e2 o\u00f4 e\u00e8\u00e9\u00ea u\u00f9\u00fb i\u00ee c\u00e7'.split(' ').forEach(function (g) {
    for (var i = 1; i < g.length; i++) PLAIN[g.charAt(i)] = g.charAt(0);
  });
  // FrenchLightStemmer, step by step: b is the word's UTF-16 units, n its length.
  var b, n;
  function ends(suffix) {
    if (n < suffix.length) return false;
    for (var i = 0; i < suffix.length; i++) if (b[n - suffix.length + i] !== suffix.charAt(i)) return false;
    return true;
  }
  function set(at, chars) { for (var i = 0; i < chars.length; i++) b[n - at + i] = chars.charAt(i); }
  function norm() {
    var i;
    if (n > 4) {
      for (i = 0; i < n; i++) b[i] = PLAIN[b[i]] || b[i];
      for (var ch = b[0], k = 1; k < n; k++) { // a letter doubled is written once
        if (b[k] === ch && LETTER.test(ch)) { b.splice(k--, 1); n--; } else ch = b[k];
      }
    }
    if (n > 4 && ends('ie')) n -= 2;
    if (n > 4) {
      if (b[n - 1] === 'r') n--;
      if (b[n - 1] === 'e') n--;
      if (b[n - 1] === 'e') n--;
      if (b[n - 1] === b[n - 2] && LETTER.test(b[n - 1])) n--;
    }
    return b.slice(0, n).join('');
  }
  function stem(w) {
    b = w.split('');
    n = b.length;
    if (n > 5 && b[n - 1] === 'x') {
      if (b[n - 3] === 'a' && b[n - 2] === 'u' && b[n - 4] !== 'e') b[n - 2] = 'l';
      n--;
    }
    if (n > 3 && b[n - 1] === 'x') n--;
    if (n > 3 && b[n - 1] === 's') n--;
    if (n > 9 && ends('issement')) { n -= 6; set(1, 'r'); return norm(); }
    if (n > 8 && ends('issant')) { n -= 4; set(1, 'r'); return norm(); }
    if (n > 6 && ends('ement')) {
      n -= 4;
      if (n > 3 && ends('ive')) { n--; set(1, 'f'); }
      return norm();
    }
    if (n > 11 && ends('ficatrice')) { n -= 5; set(2, 'er'); return norm(); }
    if (n > 10 && ends('ficateur')) { n -= 4; set(2, 'er'); return norm(); }
    if (n > 9 && ends('catrice')) { n -= 3; set(4, 'que'); return norm(); }
    if (n > 8 && ends('cateur')) { n -= 2; set(4, 'quer'); return norm(); }
    if (n > 8 && ends('atrice')) { n -= 4; set(2, 'er'); return norm(); }
    if (n > 7 && ends('ateur')) { n -= 3; set(2, 'er'); return norm(); }
    if (n > 6 && ends('trice')) { n--; set(3, 'eur'); }
    if (n > 5 && ends('i\u00e8me')) { n -= 4; return norm(); }
    if (n > 7 && ends('teuse')) { n -= 2; set(1, 'r'); return norm(); }
    if (n > 6 && ends('teur')) { n--; set(1, 'r'); return norm(); }
    if (n > 5 && ends('euse')) { n -= 2; return norm(); }
    if (n > 8 && ends('\u00e8re')) { n--; set(2, 'e'); return norm(); }
    if (n > 7 && ends('ive')) { n--; set(1, 'f'); return norm(); }
    if (n > 4 && (ends('folle') || ends('molle'))) { n -= 2; set(1, 'u'); return norm(); }
    if (n > 9 && ends('nnelle')) { n -= 5; return norm(); }
    if (n > 9 && ends('nnel')) { n -= 3; return norm(); }
    if (n > 4 && ends('\u00e8te')) { n--; set(2, 'e'); }
    if (n > 8 && ends('ique')) n -= 4;
    if (n > 8 && ends('esse')) { n -= 3; return norm(); }
    if (n > 7 && ends('inage')) { n -= 3; return norm(); }
    if (n > 9 && ends('isation')) {
      n -= 7;
      if (n > 5 && ends('ual')) set(2, 'e');
      return norm();
    }
    if (n > 9 && ends('isateur')) { n -= 7; return norm(); }
    if (n > 8 && (ends('ation') || ends('ition'))) { n -= 5; return norm(); }
    return norm();
  }
  var api = kb.chain('kb-fr-1', kb.byToken(function (t) {
    t = kb.lower(elide(t));
    return STOP.has(t) ? null : t;
  }), stem, isStopWord);
  api.foldsFirst = true; // "\u00e9cran" stems to "ecran": a stem may start with another letter than its word
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
