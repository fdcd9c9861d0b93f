/* kb-analyzer-es.js: kb's Spanish search chain "kb-es-1" (kb.search.Chain.ES, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ lower case ▸ SpanishAnalyzer's stop words ▸
 * SpanishLightStemmer (analyze) or not (surface).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a Spanish index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era erais eran eras eres es esa esas ese eso esos esta estaba estabais estaban estabas estad estada estadas estado estados estamos estando estar estaremos estar\u00e1 estar\u00e1n estar\u00e1s estar\u00e9 estar\u00e9is estar\u00eda estar\u00edais estar\u00edamos estar\u00edan estar\u00edas estas este estemos esto estos estoy estuve estuviera estuvierais estuvieran estuvieras estuvieron estuviese estuvieseis estuviesen estuvieses estuvimos estuviste estuvisteis estuvi\u00e9ramos estuvi\u00e9semos estuvo est\u00e1 est\u00e1bamos est\u00e1is est\u00e1n est\u00e1s est\u00e9 est\u00e9is est\u00e9n est\u00e9s fue fuera fuerais fueran fueras fueron fuese fueseis fuesen fueses fui fuimos fuiste fuisteis fu\u00e9ramos fu\u00e9semos ha habida habidas habido habidos habiendo habremos habr\u00e1 habr\u00e1n habr\u00e1s habr\u00e9 habr\u00e9is habr\u00eda habr\u00edais habr\u00edamos habr\u00edan habr\u00edas hab\u00e9is hab\u00eda hab\u00edais hab\u00edamos hab\u00edan hab\u00edas han has hasta hay haya hayamos hayan hayas hay\u00e1is he hemos hube hubiera hubierais hubieran hubieras hubieron hubiese hubieseis hubiesen hubieses hubimos hubiste hubisteis hubi\u00e9ramos hubi\u00e9semos hubo la las le les lo los me mi mis mucho muchos muy m\u00e1s m\u00ed m\u00eda m\u00edas m\u00edo m\u00edos nada ni no nos nosotras nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero poco por porque que quien quienes qu\u00e9 se sea seamos sean seas seremos ser\u00e1 ser\u00e1n ser\u00e1s ser\u00e9 ser\u00e9is ser\u00eda ser\u00edais ser\u00edamos ser\u00edan ser\u00edas se\u00e1is sido siendo sin sobre sois somos son soy su sus suya suyas suyo suyos s\u00ed tambi\u00e9n tanto te tendremos tendr\u00e1 tendr\u00e1n tendr\u00e1s tendr\u00e9 tendr\u00e9is tendr\u00eda tendr\u00edais tendr\u00edamos tendr\u00edan tendr\u00edas tened tenemos tenga tengamos tengan tengas tengo teng\u00e1is tenida tenidas tenido tenidos teniendo ten\u00e9is ten\u00eda ten\u00edais ten\u00edamos ten\u00edan ten\u00edas ti tiene tienen tienes todo todos tu tus tuve tuviera tuvierais tuvieran tuvieras tuvieron tuviese tuvieseis tuviesen tuvieses tuvimos tuviste tuvisteis tuvi\u00e9ramos tuvi\u00e9semos tuvo tuya tuyas tuyo tuyos t\u00fa un una uno unos vosotras vosotros vuestra vuestras vuestro vuestros y ya yo \u00e9l \u00e9ramos'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  // Accented vowels as plain ones, one UTF-16 unit for one (the stemmer's switch over chars).
  function fold(w, map) { return w.replace(/[^\0-\x7f]/g, function (c) { return map[c] || c; }); }
  function folds(groups) {
    var map = {};
    groups.split(' ').forEach(function (g) { for (var i = 1; i < g.length; i++) map[g.charAt(i)] = g.charAt(0); });
    return map;
  }
  var VOWELS = folds('a\u00e0\u00e1\u00e2\u00e4 o\u00f2\u00f3\u00f4\u00f6 e\u00e8\u00e9\u00ea\u00eb u\u00f9\u00fa\u00fb\u00fc i\u00ec\u00ed\u00ee\u00ef');
  // SpanishLightStemmer: words of 5+ chars lose accents, then a final vowel or plural.
  function stem(w) {
    var n = w.length;
    if (n < 5) return w;
    var s = fold(w, VOWELS);
    switch (s.charAt(n - 1)) {
      case 'o': case 'a': case 'e':
        return s.slice(0, n - 1);
      case 's':
        if (s.slice(n - 4, n - 1) === 'ese') return s.slice(0, n - 2);
        if (s.slice(n - 3, n - 1) === 'ce') return s.slice(0, n - 3) + 'z';
        if ('oae'.indexOf(s.charAt(n - 2)) >= 0) return s.slice(0, n - 2);
    }
    return s;
  }
  var api = kb.chain('kb-es-1', kb.byToken(function (t) {
    t = kb.lower(t);
    return STOP.has(t) ? null : t;
  }), stem, isStopWord);
  api.foldsFirst = true; // "\u00e9xito" stems to "exito": a stem may start with another letter than its word
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
