/* kb-analyzer-cjk.js: kb's Chinese, Japanese and Korean search chain "kb-cjk-1" (kb.search.Chain.CJK, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ CJKWidthFilter ▸ lower case ▸ CJKBigramFilter ▸
 * CJKAnalyzer's stop words; no stemming (analyze and surface alike).
 * It uses kb-analyzer.js's tokenizer; kb-search.js loads it for a Chinese, Japanese or Korean index. AnalyzerParityIT
 * holds it to Lucene's output. */
(function () {
  'use strict';
  var kb = typeof module !== 'undefined' && module.exports ? require('./kb-analyzer.js') : window.kbAnalyzer;
  var STOP = new Set('a and are as at be but by for if in into is it no not of on or s such t that the their then there these they this to was will with www'.split(' '));
  function isStopWord(w) { return STOP.has(w); }
  // CJKWidthFilter: full-width Latin as ASCII, half-width katakana as full-width, a half-width
  // (semi-)voiced mark joined to the kana before it when they combine.
  var KANA = [0x30fb, 0x30f2, 0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9, 0x30e3, 0x30e5, 0x30e7, 0x30c3, 0x30fc,
    0x30a2, 0x30a4, 0x30a6, 0x30a8, 0x30aa, 0x30ab, 0x30ad, 0x30af, 0x30b1, 0x30b3, 0x30b5, 0x30b7, 0x30b9, 0x30bb,
    0x30bd, 0x30bf, 0x30c1, 0x30c4, 0x30c6, 0x30c8, 0x30ca, 0x30cb, 0x30cc, 0x30cd, 0x30ce, 0x30cf, 0x30d2, 0x30d5,
    0x30d8, 0x30db, 0x30de, 0x30df, 0x30e0, 0x30e1, 0x30e2, 0x30e4, 0x30e6, 0x30e8, 0x30e9, 0x30ea, 0x30eb, 0x30ec,
    0x30ed, 0x30ef, 0x30f3, 0x3099, 0x309a]; // U+FF65..FF9F
  // What a voiced (VOICED) or semi-voiced (HALF) mark adds to kana U+30A6..30FD: a digit, N for 78.
  var VOICED = 'N000010101010101010101010101001010100000010010010010010000000000000000000888800000000001';
  var HALF = '0000000000000000000000000000000000000000020020020020020000000000000000000000000000000000';
  function width(t) {
    var b = t.split('');
    for (var i = 0; i < b.length; i++) {
      var ch = b[i].charCodeAt(0);
      if (ch >= 0xff01 && ch <= 0xff5e) {
        b[i] = String.fromCharCode(ch - 0xfee0);
      } else if (ch >= 0xff65 && ch <= 0xff9f) {
        var prev = i > 0 ? b[i - 1].charCodeAt(0) : 0, add = 0;
        if ((ch === 0xff9e || ch === 0xff9f) && prev >= 0x30a6 && prev <= 0x30fd) {
          add = (ch === 0xff9f ? HALF : VOICED).charAt(prev - 0x30a6);
          add = add === 'N' ? 78 : +add;
        }
        if (add) { b[i - 1] = String.fromCharCode(prev + add); b.splice(i--, 1); } else b[i] = String.fromCharCode(KANA[ch - 0xff65]);
      }
    }
    return b.join('');
  }
  // Which tokens CJKBigramFilter pairs up: StandardTokenizer types them by their characters'
  // classes (kb-analyzer.js classOf): H Han, h hiragana (one char each), k katakana, g Hangul (a
  // run of them), x extends any of these, - anything else. AnalyzerParityIT re-encodes it from Lucene.
  var KINDS = '-----------x---xgxx-Hkhxx-xxx';
  function isCjk(t) {
    var first = KINDS.charAt(kb.classOf(t.codePointAt(0)));
    if (first === 'H' || first === 'h') return true;
    if (first !== 'k' && first !== 'g') return false;
    for (var i = 0; i < t.length; ) {
      var cp = t.codePointAt(i), kind = KINDS.charAt(kb.classOf(cp));
      if (kind !== first && kind !== 'x') return false; // a mixed run is a plain word
      i += cp > 0xffff ? 2 : 1;
    }
    return true;
  }
  // CJKBigramFilter (no unigrams): a run of CJK chars, over tokens that touch, as overlapping
  // pairs; a lone CJK char alone; other tokens as they are. [text, start, end] each.
  function bigrams(tokens) {
    var out = [], buf = [], at = 0, lastEnd = 0, i = 0;
    function lone() { return buf.length === 1 && at === 0; }
    while (true) {
      if (buf.length - at > 1) {
        out.push([buf[at][0] + buf[at + 1][0], buf[at][1], buf[at + 1][2]]);
        at++;
      } else if (i < tokens.length) {
        var t = tokens[i];
        if (lone() && (!t[3] || t[1] !== lastEnd)) { out.push(buf[at++]); continue; } // then t again
        i++;
        if (!t[3]) { out.push(t); continue; }
        if (t[1] !== lastEnd) { buf = []; at = 0; }
        buf = buf.slice(at);
        at = 0;
        // Each char its own offsets, unless the token's text changed length (then the token's).
        var text = t[0], exact = t[2] - t[1] === text.length;
        for (var k = 0, start = t[1]; k < text.length; ) {
          var n = text.codePointAt(k) > 0xffff ? 2 : 1;
          buf.push([text.substr(k, n), exact ? start : t[1], exact ? start + n : t[2]]);
          k += n;
          start += n;
        }
        lastEnd = t[2];
      } else {
        if (lone()) out.push(buf[at++]);
        return out;
      }
    }
  }
  function same(w) { return w; }
  var api = kb.chain('kb-cjk-1', function (s, spans) {
    for (var i = 0, tokens = []; i < spans.length; i += 2) {
      var raw = s.slice(spans[i], spans[i + 1]);
      tokens.push([kb.lower(width(raw)), spans[i], spans[i + 1], isCjk(raw)]);
    }
    return bigrams(tokens).filter(function (t) { return !STOP.has(t[0]); });
  }, same, isStopWord);
  if (typeof window !== 'undefined') {
    window.kbAnalyzer = api;
    if (window.kbSearchData) window.kbSearchData(api.VERSION, api); // kb-search.js waits for it
  }
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
