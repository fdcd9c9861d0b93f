/* kb-analyzer-it.js: kb's Italian search chain "kb-it-1" (kb.search.Chain.IT, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ elided articles ("dell'") ▸ lower case ▸
 * ItalianAnalyzer's stop words ▸ ItalianLightStemmer (analyze) or not (surface).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a Italian index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('a abbia abbiamo abbiano abbiate ad agl agli ai al all alla alle allo anche avemmo avendo avesse avessero avessi avessimo aveste avesti avete aveva avevamo avevano avevate avevi avevo avrai avranno avrebbe avrebbero avrei avremmo avremo avreste avresti avrete avr\u00e0 avr\u00f2 avuta avute avuti avuto c che chi ci coi col come con contro cui da dagl dagli dai dal dall dalla dalle dallo degl degli dei del dell della delle dello di dov dove e ebbe ebbero ebbi ed era erano eravamo eravate eri ero essendo faccia facciamo facciano facciate faccio facemmo facendo facesse facessero facessi facessimo faceste facesti faceva facevamo facevano facevate facevi facevo fai fanno farai faranno farebbe farebbero farei faremmo faremo fareste faresti farete far\u00e0 far\u00f2 fece fecero feci fosse fossero fossi fossimo foste fosti fu fui fummo furono gli ha hai hanno ho i il in io l la le lei li lo loro lui ma mi mia mie miei mio ne negl negli nei nel nell nella nelle nello noi non nostra nostre nostri nostro o per perch\u00e9 pi\u00f9 quale quanta quante quanti quanto quella quelle quelli quello questa queste questi questo sarai saranno sarebbe sarebbero sarei saremmo saremo sareste saresti sarete sar\u00e0 sar\u00f2 se sei si sia siamo siano siate siete sono sta stai stando stanno starai staranno starebbe starebbero starei staremmo staremo stareste staresti starete star\u00e0 star\u00f2 stava stavamo stavano stavate stavi stavo stemmo stesse stessero stessi stessimo steste stesti stette stettero stetti stia stiamo stiano stiate sto su sua sue sugl sugli sui sul sull sulla sulle sullo suo suoi ti tra tu tua tue tuo tuoi tutti tutto un una uno vi voi vostra vostre vostri vostro \u00e8'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  var ARTICLES = new Set('agl all c coll d dagl dall degl dell gl l m negl nell pell s sugl sull t un v'.split(' ')); // kb.search.Chain.ITALIAN_ARTICLES
  // ElisionFilter: "dell'account" is "account"; the article is matched in any case.
  function elide(t) {
    var i = t.search(/['\u2019]/);
    return i >= 0 && ARTICLES.has(kb.lower(t.slice(0, i))) ? t.slice(i + 1) : t;
  }
  var PLAIN = {};
  'a\u00e0\u00e1\u00e2\u00e4 o\u00f2\u00f3\u00f4\u00f6 e\u00e8\u00e9\u00ea\u00eb u\u00f9\u00fa\u00fb\u00fc i\u00ec\u00ed\u00ee\u00ef'.split(' ').forEach(function (g) {
    for (var i = 1; i < g.length; i++) PLAIN[g.charAt(i)] = g.charAt(0);
  });
  // ItalianLightStemmer: words of 6+ chars lose accents, then a final vowel (with an i or h before it).
  function stem(w) {
    var n = w.length;
    if (n < 6) return w;
    var s = w.replace(/[^\0-\x7f]/g, function (c) { return PLAIN[c] || c; }), last = s.charAt(n - 1), prev = s.charAt(n - 2);
    switch (last) {
      case 'e': case 'i': return s.slice(0, prev === 'i' || prev === 'h' ? n - 2 : n - 1);
      case 'a': case 'o': return s.slice(0, prev === 'i' ? n - 2 : n - 1);
    }
    return s;
  }
  var api = kb.chain('kb-it-1', kb.byToken(function (t) {
    t = kb.lower(elide(t));
    return STOP.has(t) ? null : t;
  }), stem, isStopWord);
  api.foldsFirst = true; // the stemmer folds accents: a stem may start with another letter than its word
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
