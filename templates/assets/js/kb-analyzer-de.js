/* kb-analyzer-de.js: kb's German search chain "kb-de-1" (kb.search.Chain.DE, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ lower case ▸ GermanAnalyzer's stop words ▸
 * GermanNormalizationFilter (surface) ▸ GermanLightStemmer (analyze).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a German index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann das dasselbe dazu da\u00df dein deine deinem deinen deiner deines dem demselben den denn denselben der derer derselbe derselben des desselben dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer eures f\u00fcr gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines k\u00f6nnen k\u00f6nnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen solcher solches soll sollte sondern sonst um und uns unse unsem unsen unser unses unter viel vom von vor war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte w\u00e4hrend w\u00fcrde w\u00fcrden zu zum zur zwar zwischen \u00fcber'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  // GermanNormalizationFilter: \u00e4 \u00f6 \u00fc as a o u, \u00df as ss, and ae, oe, ue (not after a vowel or q) as
  // a, o, u, so "Uberprufung" and "Ueberpruefung" are "\u00dcberpr\u00fcfung". States: 0 plain, 1 after
  // a vowel (no umlaut may start), 2 an umlaut may follow (its e is dropped).
  function normalize(w) {
    for (var i = 0, out = '', state = 0, c; i < w.length; i++) {
      c = w.charAt(i);
      switch (c) {
        case 'a': case 'o': state = 2; break;
        case 'u': state = state === 0 ? 2 : 1; break;
        case 'e': if (state === 2) c = ''; state = 1; break;
        case 'i': case 'q': case 'y': state = 1; break;
        case '\u00e4': c = 'a'; state = 1; break;
        case '\u00f6': c = 'o'; state = 1; break;
        case '\u00fc': c = 'u'; state = 1; break;
        case '\u00df': c = 'ss'; state = 0; break;
        default: state = 0;
      }
      out += c;
    }
    return out;
  }
  var PLAIN = {};
  'a\u00e4\u00e0\u00e1\u00e2 o\u00f6\u00f2\u00f3\u00f4 i\u00ef\u00ec\u00ed\u00ee u\u00fc\u00f9\u00fa\u00fb'.split(' ').forEach(function (g) {
    for (var i = 1; i < g.length; i++) PLAIN[g.charAt(i)] = g.charAt(0);
  });
  function stEnding(c) { return 'bdfghklmnt'.indexOf(c) >= 0; }
  // GermanLightStemmer: accents off, then two rounds of endings (-ern, -em -en -er -es, -e, -s;
  // -est, -er -en, -st), each only on words long enough.
  function stem(w) {
    var s = w.replace(/[^\0-\x7f]/g, function (c) { return PLAIN[c] || c; }), n = s.length;
    if (n > 5 && s.slice(n - 3, n) === 'ern') n -= 3;
    else if (n > 4 && s.charAt(n - 2) === 'e' && 'mnrs'.indexOf(s.charAt(n - 1)) >= 0) n -= 2;
    else if (n > 3 && s.charAt(n - 1) === 'e') n -= 1;
    else if (n > 3 && s.charAt(n - 1) === 's' && stEnding(s.charAt(n - 2))) n -= 1;
    if (n > 5 && s.slice(n - 3, n) === 'est') n -= 3;
    else if (n > 4 && s.charAt(n - 2) === 'e' && (s.charAt(n - 1) === 'r' || s.charAt(n - 1) === 'n')) n -= 2;
    else if (n > 4 && s.slice(n - 2, n) === 'st' && stEnding(s.charAt(n - 3))) n -= 2;
    return s.slice(0, n);
  }
  var api = kb.chain('kb-de-1', kb.byToken(function (t) {
    t = kb.lower(t);
    return STOP.has(t) ? null : normalize(t);
  }), stem, isStopWord);
  api.foldsFirst = true; // the stemmer folds accents: a stem may start with another letter than its word
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
