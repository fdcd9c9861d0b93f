/* kb-analyzer.js: kb's English search chain "kb-en-1" (kb.search.KbAnalyzer, Lucene 9.12.3), exactly:
 * ’ ‘ ʼ ＇ → ' ▸ StandardTokenizer ▸ possessive 's ▸ lower case ▸ 33 stop words ▸ Porter stem (analyze)
 * or not (surface). AnalyzerParityIT holds it (and kb-analyzer-<language>.js) to Lucene's output. */
(function () {
  'use strict';

  // ---- Tokenizer: Lucene's own JFlex DFA (StandardTokenizerImpl, Unicode 9 word breaks) ----
  // (Not Intl.Segmenter: it follows the browser's Unicode.) AnalyzerParityIT checks the tables.
  // CMAP: code points in runs: a class letter, then (run length - 1) in base-39 DIGITS.
  var CMAP = 'a_bca2da1caeafag9hea4i<a3jai<a16kia1lka5iaha1ia4i/ai[ai$#a5i6a6i,l2_i4ai1a1i3eia5ihi2aiai,ai24ai3.al6i49ai}a1iai1aiai11ea6l15alal1al1ala7m=a3m3iha!l5a5e1a1l!ala2i13l-n9aneai1li2-ail7al5i1l1al3i1n9i2a1ia&lili@l=a1i2!l!ia%n9i^l8i1a1eaia1la1i.l3il8il2il4a*i;l2a3i!a1%i-ai7a-l19i1&l2il*il6i9l1a1n9ai(l2ai7a1i1a1i.ai6aia2i3a1lil6a1l1a1l2ia7la3i1ai2l1a1n9i1a9iala1l2ai5a3i1a1i.ai6ai1ai1ai1a1lal4a3l1a1l2a2la6i3aia6n9l1i2la!l2ai8ai2ai.ai6ai1ai4a1lil7al2al2a1ia&i1l1a1n9a8il5al2ai7a1i1a1i.ai6ai1ai4a1lil6a1l1a1l2a7l1a3i1ai2l1a1n9aia(liai5a2i2ai3a2i1aiai1a2i1a2i2a2i#a3l4a2l2al3a1ia5la%n9a(l4i7ai2ai/ai(a2il6al2al3a6l1ai2a4i1l1a1n9a(il2ai7ai2ai/ai9ai4a1lil6al2al3a6l1a6iai1l1a1n9ai1a$l3ai7ai2ai11l1il6al2al3ia4i2la6i2l1a1n9a9i5a1l1ai*a2i:ai8aia1i6a2la3l5alal7a5n9a1l1a$o18po1p6a4o6p7an9a~o1aoao4ao:aoao9po1p8oa1o4aoap5a1n9a1o3a]ia/l1a5n9a!lalala3l1i7ai{a3l,al1i4l!al{a8la1*o13p,on9a5o5p3o3p2op2o1p6o2p3o$p#opn9p3o1i}aia4ia1i13ai3q6.i1_ai3a1i6aiai3a1i11ai3a1i^ai3a1i6aiai3a1i&ai1*ai3a1i1>a1l2a]i(a(i27a1i5a2i(`a1i)ai<a4i1{a2i!a6i$ai3l2a!i*l2a!i*l1a#i$ai2al1a#o1$p]a2oa3opa1n9a^l3an9a5i2!a6i4l1i_lia4i1[a9i[al#a3l#a9n9o@a1o4a!o14a3o<a5n9oa2o1a]i/l4a3o1%p9ap?a1ln9a5n9a5o%a1l&a1<l4i17l)i6a3n9a)l8a#l2i@l$i1n9i14l%a#i{l,a7n9a2i2n9i{a1i8a6i13a1i2a(l2al-i3li5li1l2ia4i4{l1+al4i74a1i5a1i}a1i5a1i7aiaiaiai[a1i1%ai6aia2i2ai6a2i3a1i5a3i$a4i2ai6a&lrl1a7f1a9fa1ha1l4ja#ka1j1a2ea3ka9ja!l4al9aia$ia(i$a1#l+sl$a)ia3ia1i9aia2i4a3kaiaiaiai3ai9ta1i3a4i4a3ia)i11a!k5a&k1a9(k1a#ka2)ka1[ka;k!a3k2a4[i#ti~a4{k1a9ka8ka1+k3ak5ak#ak2{a9k30a1k!akaka5ka2ka5ka9k1a&ka1ka3kaka3k2aka!k4a15k2a8ka%ka%ka9-k1a#_k2a+k1a1#ka3ka4%i17ai17ai3(a5i3l2i1a#i}aia4ia1i1)a6ia&li/a8i6ai6ai6ai6ai6ai6ai6ai6al]a17ia21u<au2!a#u5+a17iaua;u8l5kv4a1u2i1ka2w27a1l1v1w2v2$av3a4i13aq2(a)i=a1%v(a3_kaka1&v17av29a4#u4$@a1`u%[^a(i@_a1>i16a1i6`a2i(n9i1a,i17l3al9ai[l1i21l1a|i4$a1i4a18i!li2li3li/l4a:i1$a#l1i1!l*a9n9a5l*i5a2iai1ln9i>l7a1i/l$a#q?a2l3i17l%a%in9a5o4po9n9o4ai11l%a8i2li7l1a1n9a5o=p2o1!pop2o1p1o4p1opoa:o4i!l4a1i2l1a9i5a1i5a1i5a8i6ai6ai1)a7i2|l7al1a1n9a5q7%*a#q/a3q19a5.>u9&a1u2>a}i6a#i4a4mlm9am$am4amam1am1am9i2,a^i9#a*i1;a1i1&a10i#a3l%xyea1hea!l(a2j1a:j2eafaeha<i4ai3*a1la6fa3eafan9hea4i<a3jai<a!v1)l1q[a2q5a1q5a1q5a1q2a>l2a3i#ai<ai+ai1ai&a1i%a_i35a1@i1%a3+la3$i?a2i19a&la[i]a$i@a4i}l4a4i@a1i{a3i7ai4a12i41a1n9a5i{a3i{a3i10a7i1$a3~i7}a8i.a9i7a3`i5a1iai14ai1a2ia1i/a9i/a8i[a1<i+ai1a9i.a9i<a1[i1)a5i1a1;il2al1a4l3i3ai2ai?a1l2a3la]i?a2i?a`i7ai>l1a;i1&a9i.a9i+a$i*a2]i1_a1(i1#a$i1#a$i{l3a7n9a#;i?a9ia7i.l!a3<i/a8l2i1%l&a[n9a&l3i15l!a1la&la1i;a6n9a5l2i{l%an9a3il1a8i`la1ia8l2i18l%i3a3l3a2n9iaia`i*ai;l#a5la1<i6aiai3ai&ai9a6i17l#a4n9a5l3ai7a1i1a1i.ai6ai1ai4al1il6a1l1a1l2a1ia5la4i4l1a1l6a2l4a3.i1%l*i3a4n9a3lia]i18l,i1aia7n9a49i17l6a1l8a/i3l1a_i18l)a2ia!n9a}i13l$ia6n9a1&o=a1p&a3n9o1a2oa4{i14l&a2/i1;n9a-ia43i7a1i~l6a1l6iaila=il9i10l6il3a7la7il!i16l(a2ia_i1*a6?i8ai|l7al7ia&n9a:i@a1l.al%a1_i6ai1ai}l5a2lal1al6ila7n9a5i5ai1ai]l4al1al4ia6n9a7|i+l3a6[i:;a2:i2^a)i50a1]*i>*al8a2<.i&|a5=%i&/a6i[an9a2:i@a1l4a!i18l6a8i3a#n9a8i-a4i+a*;i1;a3!i1{a3lil1(a6l3i$a1;i1aia![]vw7$a19w2a)v3a1[-i2?a4i$a2i8a6i9a2l1al3a3,8l4a2l.a1l6a@l3a3[l2a#%i26ai1]ai1a1ia1i1a1i3ai#aiai6ai1<ai3a1i7ai6ai>ai3ai4aia2i6ai8>a1i;ai;ai[ai;ai[ai;ai[ai;ai[ai;ai7a1n1!a%4l1(a3l1!a7la%la.l4al&a`_l6al)a1l6al1al4a5*i15a2l6i6a1n9a3ia9*i14l3n9a^}i51a!l6a11i1?l6ia3n9a[,i3ai=ai1aia1iai9ai3aiaia5ia3iaiaiai2ai1aia1iaiaiaiaiai1aia1i3ai6ai3ai3aiai9ai)a4i2ai4ai)a8#k6.a$k2a[ki<a5i<a1k3t1i#t1i9a3ka1k9a*k1*z<wk&a9ka,ka1k8ak3a8k#4A4k85a7k6]a18k3!a2}k#a26k13a#k3a1)k7a9k5a10k7a@k23a#k17ak9ak152a1u?35a11u2?&a!u5=a1u3[?a%u4{:a21.u%`a$6}5la@B2)Ca3!l65a3#|,';
  // TRANS: per distinct DFA row, a char per class: next state + 1 in base 62, "0" = none;
  // a run of 2..30 zeros is one of DIGITS' punctuation chars.
  var TRANS = '22322242567289aabc2defg22hi22~+j#j0jk%l0jjj#mmm905n04890454o5#9p0444#q0qrq5s058r055555#550555&905t0t890t5tt50u0tt0ttt,7#70v7%w07770x0y0qrq5s088r085885#880888#mmm905n0989095995#990999,a!aa0aa$aa0aaa#q0qrq5s0b8r0bbbb5#bb0bbb+7&z07-q0qrq5s0d8r0d5Ad5#5B0ddd,e#e0ee$ee0eee*s0f#f0ff!f0ff0fff,g#g0gg$gg0ggg,C#C0CC$CCDCCC,i#i0Ei(iii,k#k0kk%l0kkk=F;9$m090m0mm$mm0mmm&905n0n890n5nn50u0nn0nnn#mmm905n0o890o5oo5#9p0ooo#mmm905n09890959G5#990999)5!q5!q5qq5#qq0qqq#HHHr05s0r8r0r5rr5#rr0rrr&r05s0s8r0s5ss50u0ss0sss*s0u#u0uu!u0uu0uuu+I7#70v7I$w0777<J*K-xy!x0xx$xx0xxx&r05s0y8r0y5yy5#yy0yyy#q0qrq5sId8r0d5AdL#5B0ddd#q0qrq5s058r055M55#5505N5,D#D0DD$DD0DDD+Ii#i0EiI&iii,F#F0FF(FFF#mmm905n0G890G5GG5#990GGG&r$H0r0H0HH$HH0HHH,I#I0OI%P0III+I&Q0I&i}KR#q0qrq5s0L8r0L5SL5#5T0LLL#q0qrq5sI58r055U5L#550V55#q0qrq5s058r055555#5505NW+II#I0OII$P0III<J@I&Q0I-q0qrq5sIL8r0L5SLL#5T0LLL#q0qrq5s058r055M55#550555#q0qrq5sI58r055U5L#550555#q0qrq5s0V8r0V5XV5#550VVV#q0qrq5sIV8r0V5XVL#550VVV';
  // Per DFA state: its TRANS row; its flags: 1 accepting, 2 stop here, 4 emit (else skip).
  var ROWS = '0123456789abcdefgh2ijklmnopq5rstuvbwxgyzABCDEFGHIJKL1MNOP4Q';
  var FLAGS = '03155155555155551505005550550555050550555505005555507555555';
  var LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', B62 = '0123456789' + LETTERS;
  var DIGITS = '0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';
  var BUFFER = 255; // JFlex's buffer = maxTokenLength: a longer token is cut into pieces

  var bmp = new Uint8Array(0x10000), astral = [], i, c, n;
  for (var cp = 0, at = 0; at < CMAP.length; ) {
    c = LETTERS.indexOf(CMAP.charAt(at++));
    for (n = 0; at < CMAP.length && LETTERS.indexOf(CMAP.charAt(at)) < 0; at++) n = n * 39 + DIGITS.indexOf(CMAP.charAt(at));
    for (n += cp + 1; cp < n && cp < 0x10000; cp++) bmp[cp] = c;
    if (cp < n) { astral.push(cp, c); cp = n; } // [start, class, start, class, ...]
  }
  function classOf(cp) {
    if (cp < 0x10000) return bmp[cp];
    var lo = 0, hi = astral.length / 2 - 1; // the last run starting at or before cp
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (astral[2 * mid] <= cp) lo = mid; else hi = mid - 1; }
    return astral[2 * lo + 1];
  }
  var trans = [], row = [], flags = [], rows = 0;
  for (i = 0; i < TRANS.length; i++) {
    n = DIGITS.indexOf(TRANS.charAt(i));
    if (n < 10) trans.push(B62.indexOf(TRANS.charAt(i)) - 1);
    else for (n -= 8; n > 0; n--) trans.push(-1); // a run of 2..30 zeros
  }
  for (i = 0; i < ROWS.length; i++) rows = Math.max(rows, B62.indexOf(ROWS.charAt(i)) + 1);
  for (i = 0; i < ROWS.length; i++) {
    row.push(B62.indexOf(ROWS.charAt(i)) * trans.length / rows);
    flags.push(+FLAGS.charAt(i));
  }

  // [start, end, start, end, ...] of the tokens in s, as JFlex's getNextToken() finds them:
  // the longest match from each position; matches of the catch-all rule are skipped.
  function scan(s) {
    var out = [], n = s.length, pos = 0, start = 0, endRead = 0, held = 0;
    while (true) {
      var state = 0, cur = pos, end = pos, f = 0, eof = false;
      while (true) {
        if (cur >= endRead && (eof = refill())) break;
        var cp = s.charCodeAt(cur++), lo = s.charCodeAt(cur);
        if (cp >= 0xD800 && cp < 0xDC00 && cur < endRead && lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + lo - 0xDC00;
          cur++;
        }
        state = trans[row[state] + classOf(cp)];
        if (state < 0) break;
        if (flags[state] & 1) { end = cur; f = flags[state]; if (f & 2) break; }
      }
      if (eof && cur === pos) return out;
      if (f & 4) out.push(pos, end);
      pos = end > pos ? end : pos + 1; // (always end > pos with Lucene's tables) never loop forever
    }
    // JFlex's zzRefill() (offsets into s): true means "end of input" to the scanner.
    function refill() {
      if (pos > start) { endRead += held; held = 0; start = pos; } // move the match to the front
      var want = BUFFER - (endRead - start) - held, got = Math.min(want, n - endRead);
      if (want === 0 || got === 0) return true; // a full buffer cuts a long token; or the real end
      endRead += got;
      if (s.charCodeAt(endRead - 1) >> 10 !== 0x36) return false; // not a high surrogate
      // JFlex wants its low surrogate; at the end it finds none, and drops the last match.
      if (got < want) return true;
      endRead--; held = 1; // the buffer is full: keep the high surrogate for the next read
      return got === 1;
    }
  }

  // ---- Lower case: Java's Character.toLowerCase, code point by code point ----
  // (String.toLowerCase has context rules Java lacks: ΟΔΟΣ → οδος, Lucene οδοσ; İ → i̇, Lucene i.)
  function lower(t) {
    if (!/[^\0-\x7f]/.test(t)) return t.toLowerCase();
    return t.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[^]/g, function (ch) {
      return ch === '\u0130' ? 'i' : ch.toLowerCase();
    });
  }

  // ---- Stop words: EnglishAnalyzer.ENGLISH_STOP_WORDS_SET ----
  var STOP = {};
  ('a an and are as at be but by for if in into is it no not of on or such that the their then ' +
   'there these they this to was will with').split(' ').forEach(function (w) { STOP[w] = 1; });
  function isStopWord(w) { return STOP.hasOwnProperty(w); }

  // ---- Porter stemmer: Lucene's org.apache.lucene.analysis.en.PorterStemmer, line by line ----
  // b: the word's UTF-16 units; k: index of its last char; j: the stem's end before ends()' suffix.
  var b, k, j;
  function cons(i) {
    switch (b[i]) {
      case 'a': case 'e': case 'i': case 'o': case 'u': return false;
      case 'y': return i === 0 || !cons(i - 1);
      default: return true;
    }
  }
  function m() { // Porter's m: how many vowel-consonant sequences b[0..j] holds
    var n = 0, i = 0;
    while (true) { if (i > j) return n; if (!cons(i)) break; i++; }
    i++;
    while (true) {
      while (true) { if (i > j) return n; if (cons(i)) break; i++; }
      i++; n++;
      while (true) { if (i > j) return n; if (!cons(i)) break; i++; }
      i++;
    }
  }
  function vowelinstem() { for (var i = 0; i <= j; i++) if (!cons(i)) return true; return false; }
  function doublec(x) { return x >= 1 && b[x] === b[x - 1] && cons(x); }
  function cvc(i) {
    return i >= 2 && cons(i) && !cons(i - 1) && cons(i - 2) && b[i] !== 'w' && b[i] !== 'x' && b[i] !== 'y';
  }
  function ends(s) {
    var o = k - s.length + 1;
    if (o < 0) return false;
    for (var i = 0; i < s.length; i++) if (b[o + i] !== s.charAt(i)) return false;
    j = k - s.length;
    return true;
  }
  function setto(s) { for (var i = 0; i < s.length; i++) b[j + 1 + i] = s.charAt(i); k = j + s.length; }
  // Steps 3 and 4: suffix, replacement; the first suffix that ends the word wins (Lucene's order).
  var STEP3 = ['ational', 'ate', 'tional', 'tion', 'enci', 'ence', 'anci', 'ance', 'izer', 'ize',
    'bli', 'ble', 'alli', 'al', 'entli', 'ent', 'eli', 'e', 'ousli', 'ous', 'ization', 'ize',
    'ation', 'ate', 'ator', 'ate', 'alism', 'al', 'iveness', 'ive', 'fulness', 'ful', 'ousness',
    'ous', 'aliti', 'al', 'iviti', 'ive', 'biliti', 'ble', 'logi', 'log'];
  var STEP4 = ['icate', 'ic', 'ative', '', 'alize', 'al', 'iciti', 'ic', 'ical', 'ic', 'ful', '', 'ness', ''];
  function replace(pairs) {
    for (var i = 0; i < pairs.length; i += 2) {
      if (ends(pairs[i])) { if (m() > 0) setto(pairs[i + 1]); return; }
    }
  }
  // Step 5 drops these when m() > 1 ("ion" only after s or t); again Lucene's order.
  var STEP5 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
    'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];
  function stem(word) {
    k = word.length - 1;
    if (k < 2) return word; // one or two chars: left alone
    b = word.split('');
    // step 1: plurals, -ed, -ing
    if (b[k] === 's') {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setto('i');
      else if (b[k - 1] !== 's') k--;
    }
    if (ends('eed')) {
      if (m() > 0) k--;
    } else if ((ends('ed') || ends('ing')) && vowelinstem()) {
      k = j;
      if (ends('at')) setto('ate');
      else if (ends('bl')) setto('ble');
      else if (ends('iz')) setto('ize');
      else if (doublec(k)) { var ch = b[k--]; if (ch === 'l' || ch === 's' || ch === 'z') k++; }
      else if (m() === 1 && cvc(k)) setto('e');
    }
    // step 2: final y -> i when the stem has a vowel
    if (ends('y') && vowelinstem()) b[k] = 'i';
    if (k > 0) replace(STEP3);
    replace(STEP4);
    for (var i = 0; k > 0 && i < STEP5.length; i++) {
      if (ends(STEP5[i]) && (STEP5[i] !== 'ion' || b[j] === 's' || b[j] === 't')) {
        if (m() > 1) k = j;
        break;
      }
    }
    // step 6: drop a final e, and ll -> l, in long words
    j = k;
    if (b[k] === 'e') { var a = m(); if (a > 1 || (a === 1 && !cvc(k - 1))) k--; }
    if (b[k] === 'l' && doublec(k) && m() > 1) k--;
    return b.slice(0, k + 1).join('');
  }

  // ---- A chain: its words (a language's filters), then its stemmer; other languages' too ----
  function chain(version, words, stem, isStopWord) {
    // Each word stemmed once: excerpts and plans analyse the same words keystroke after keystroke.
    var stems = new Map();
    function stemOnce(word) {
      var s = stems.get(word);
      if (s === undefined) {
        if (stems.size >= 50000) stems.clear();
        s = stem(word);
        stems.set(word, s);
      }
      return s;
    }
    function tokens(text) {
      // MappingCharFilter: one char for one, so offsets into s are offsets into text.
      var s = String(text).replace(/[\u2019\u2018\u02BC\uFF07]/g, "'");
      return words(s, scan(s)).map(function (t) { return { surface: t[0], term: stemOnce(t[0]), start: t[1], end: t[2] }; });
    }
    function field(name) {
      return function (text) { return tokens(text).map(function (t) { return t[name]; }); };
    }
    return { VERSION: version, analyze: field('term'), surface: field('surface'), tokens: tokens, stem: stemOnce,
      isStopWord: isStopWord, chain: chain, byToken: byToken, scan: scan, lower: lower, classOf: classOf };
  }
  // Words of filters that see a token at a time: word(text) is its surface, or null.
  function byToken(word) {
    return function (s, spans) {
      for (var i = 0, out = [], t; i < spans.length; i += 2) {
        if ((t = word(s.slice(spans[i], spans[i + 1]))) !== null) out.push([t, spans[i], spans[i + 1]]);
      }
      return out;
    };
  }

  var api = chain('kb-en-1', byToken(function (t) {
    if (/['\u2019\uFF07][sS]$/.test(t)) t = t.slice(0, -2); // EnglishPossessiveFilter, before lower case
    t = lower(t);
    return isStopWord(t) ? null : t;
  }), stem, isStopWord);
  if (typeof window !== 'undefined') window.kbAnalyzer = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})();
