/*
 * kb's search engine in the browser: the index the build exported from Lucene, ranked exactly
 * as `kb search` ranks it (kb.search.QueryPlan / Searcher in Java). Data files are classic
 * scripts that call kbSearchData(name, payload), so search also works from file://, where
 * fetch, workers and modules do not. Only the files a query needs are loaded.
 *
 * API: kb.search(query, {limit, prefix}) -> Promise<[{url, title, section, excerpt, score, kind,
 *      context, articleId, answer, sections}]>; kb.highlight(text, query) -> [{text, match}];
 *      kb.href(url) -> an href for the current page.
 */
(function () {
  'use strict';
  var FORMAT = 11;
  var f = Math.fround;
  var KINDS = { a: 'article', s: 'section', f: 'faq', n: 'network' };

  var script = document.currentScript;
  // The data folder, from this script's own address: assets/js/ -> search/data/.
  var dataBase = script ? script.src.replace(/assets\/js\/kb-search\.js(\?.*)?$/, 'search/data/') : 'search/data/';

  var loaded = {};   // name -> payload
  var waiting = {};  // name -> [resolve, reject][]
  var requested = {};

  window.kbSearchData = function (name, payload) {
    loaded[name] = payload;
    (waiting[name] || []).forEach(function (w) { w[0](payload); });
    delete waiting[name];
  };

  /** Loads one data file once, as a script tag; resolves with its payload. */
  function load(name, file, version) {
    if (loaded.hasOwnProperty(name)) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve, reject) {
      (waiting[name] = waiting[name] || []).push([resolve, reject]);
      if (requested[name]) return;
      requested[name] = true;
      var s = document.createElement('script');
      // A version query string busts HTTP caches; file:// has none, and is left alone.
      s.src = (/:/.test(file) ? '' : dataBase) + (file || name) + (version && location.protocol !== 'file:' ? '?v=' + version : '');
      s.async = true;
      s.onerror = function () {
        requested[name] = false;
        (waiting[name] || []).forEach(function (w) { w[1](new Error('kb search: cannot load ' + s.src)); });
        delete waiting[name];
      };
      document.head.appendChild(s);
    });
  }

  // ---- Lucene's BM25 arithmetic, in float32 like Java ----

  /** SmallFloat.byte4ToInt: the field length a norm byte stands for. */
  function byte4ToInt(i) {
    if (i < 24) return i;
    var j = i - 24, bits = j & 7, shift = (j >>> 3) - 1;
    return 24 + (shift === -1 ? bits : (bits | 8) * Math.pow(2, shift));
  }

  function Engine(manifest) {
    if (manifest.v !== FORMAT || manifest.analyzer !== window.kbAnalyzer.VERSION) {
      throw new Error('kb search: index format ' + manifest.v + '/' + manifest.analyzer + ' is not supported');
    }
    this.m = manifest;
    var k1 = f(manifest.k1), b = f(manifest.b);
    this.fields = manifest.fields.map(function (fd) {
      var avgdl = f(fd.avgdl), cache = new Float32Array(256);
      for (var i = 0; i < 256; i++) {
        cache[i] = f(1 / f(k1 * f(f(1 - b) + f(f(b * f(byte4ToInt(i))) / avgdl))));
      }
      return { name: fd.name, boost: f(fd.boost), exact: fd.exact, completion: fd.completion, title: fd.title, head: fd.head,
        docCount: fd.docCount, cache: cache };
    });
    this.filler = new Set(manifest.filler ? manifest.filler.split(',') : []);
    // Irregular forms (kb.search.Forms): each stem's group; "!" marks a stem the index lacks.
    this.forms = stemGroups(manifest.forms);
    // The support desk's other words for a word (kb.search.SupportTerms), the same way.
    this.support = stemGroups(manifest.support);
    this.kinds = stemGroups(manifest.kinds); // kb.search.Kinds
    this.negations = new Set(manifest.negations ? manifest.negations.split(',') : []); // kb.search.Negations
    this.body = this.fields.filter(function (fd) { return fd.name === 'body'; })[0];
    this.groups = [];    // the first record of each group
    this.blockOf = [];   // each group's record block
    this.blockStart = []; // the first record of each block
    // Base-36 deltas of one digit, or more in parentheses; '!' opens a block (BrowserExport.docBlocks).
    var list = manifest.groups || '', last = 0;
    for (var at = 0; at < list.length;) {
      var opens = at === 0 || list.charAt(at) === '!', end;
      if (list.charAt(at) === '!') at++;
      end = list.charAt(at) === '(' ? list.indexOf(')', at) + 1 : at + 1;
      last += parseInt(list.slice(at, end).replace(/[()]/g, ''), 36);
      at = end;
      if (opens) this.blockStart.push(last);
      this.groups.push(last);
      this.blockOf.push(this.blockStart.length - 1);
    }
  }

  /** Groups of stems split by "," and " " (BrowserExport.groups), by stem. */
  function stemGroups(list) {
    var out = new Map();
    (list ? list.split(',') : []).forEach(function (group) {
      var stems = group.split(' ');
      stems.forEach(function (s) { out.set(s.replace(/^!/, ''), stems); });
    });
    return out;
  }

  /** The term shard file that holds a term: the last shard starting at or before it. */
  Engine.prototype.shardOf = function (term) {
    // Each shard's first term, front-coded as a letter's words are (BrowserExport.termShards).
    var shards = this.shardStarts || (this.shardStarts = wordList(this.m.terms).map(function (e) { return e[0]; }));
    var lo = 0, hi = shards.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (shards[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found < 0 ? null : 't/' + found + '.js';
  };

  Engine.prototype.terms = function (list) {
    var self = this, files = {};
    list.forEach(function (t) { var file = self.shardOf(t); if (file) files[file] = true; });
    return Promise.all(Object.keys(files).map(function (file) { return load(file, null, self.m.termsVersion); })).then(function () {
      var out = {}, shared = {};
      list.forEach(function (t) {
        var file = self.shardOf(t);
        out[t] = file && loaded[file].hasOwnProperty(t) ? loaded[file][t] : [];
        out[t].forEach(function (e) { if (e[2].charAt(0) === '@') (shared[e[2]] = shared[e[2]] || []).push(e); });
      });
      // Postings another term has too (a synonym's) are in a file of their own, loaded once
      // for all the entries that name it (BrowserExport.termShards).
      return Promise.all(Object.keys(shared).map(function (ref) {
        return load('p/' + ref.slice(1) + '.js').then(function (text) { shared[ref].forEach(function (e) { e[2] = text; }); });
      })).then(function () { return out; });
    });
  };

  Engine.prototype.vocab = function (keys) {
    var self = this, uniq = {};
    keys.forEach(function (k) { if (self.m.vocab[k]) uniq[k] = self.m.vocab[k]; });
    return Promise.all(Object.keys(uniq).map(function (k) { return load(uniq[k]); })).then(function () {
      var out = {};
      Object.keys(uniq).forEach(function (k) { out[k] = vocabList(uniq[k]); });
      return out;
    });
  };

  /**
   * A loaded letter's words as [word, df] or [word, df, stem], read once from its text
   * (BrowserExport.frontCoded), a word per space: the characters shared with the word before (a
   * base-36 digit) and the rest; after a '~' the df in base 36 (empty: 1); after two more the
   * stem's dropped ending (its length in base 36) and what replaces it.
   */
  function vocabList(file) {
    return (loaded[file] = wordList(loaded[file]));
  }

  /** Words front-coded as BrowserExport.frontCoded writes them, read back; arrays as they are. */
  function wordList(text) {
    if (typeof text !== 'string') return text;
    // Scanned with indexOf rather than split: at 100,000 articles a letter's 20,000 words were
    // read in 4 ms so, in 8 ms split, and JSON.parse took 5 to 7 ms of the arrays they replace.
    var out = [], before = '', at = 0, n = text.length, tilde = -1;
    while (at < n) {
      var end = text.indexOf(' ', at);
      if (end < 0) end = n;
      if (tilde < at) { tilde = text.indexOf('~', at); if (tilde < 0) tilde = n; }
      var cut = tilde < end ? tilde : end;
      var word = before.slice(0, parseInt(text.charAt(at), 36)) + text.slice(at + 1, cut), e = [word, 1];
      if (cut < end) {
        var next = text.indexOf('~', cut + 1), dfEnd = next >= 0 && next < end ? next : end;
        if (dfEnd > cut + 1) e[1] = parseInt(text.slice(cut + 1, dfEnd), 36);
        if (dfEnd < end) {
          var last = text.indexOf('~', dfEnd + 1);
          e.push(word.slice(0, word.length - parseInt(text.slice(dfEnd + 1, last), 36)) + text.slice(last + 1, end));
        }
      }
      out.push(e);
      before = word;
      at = end + 1;
    }
    return out;
  }

  /**
   * Postings in the completion fields of the words starting with a word's first two characters,
   * or three where the two-letter file was cut (BrowserExport.headShards): stem -> entries, for
   * completing it while it is typed; {} if no word has any, or if only its third letter tells.
   */
  Engine.prototype.heads = function (word) {
    if (!this.headKeys) this.headKeys = new Set(this.m.heads ? this.m.heads.split(',') : []);
    var key = word.length >= 3 && this.headKeys.has(headKey(word, 3)) ? headKey(word, 3) : headKey(word, 2);
    return this.headKeys.has(key) ? load('h/' + key + '.js', null, this.m.headsVersion) : Promise.resolve({});
  };

  /** A letter's vocabulary if it is loaded already, else null. */
  Engine.prototype.loadedVocab = function (key) {
    var file = this.m.vocab[key];
    return file && loaded.hasOwnProperty(file) ? vocabList(file) : null;
  };

  /**
   * Whether a typed word has postings of its own, from its letter's vocabulary, which holds every
   * indexed word and stem (synonyms' stems too, kb.search.Vocabulary): it or its stem is there.
   */
  var knownTerms = new WeakMap();
  function ownsPostings(list, surface, stem) {
    var known = knownTerms.get(list);
    if (!known) {
      known = new Set();
      list.forEach(function (e) { known.add(e[0]); if (e[2]) known.add(e[2]); });
      knownTerms.set(list, known);
    }
    return known.has(stem) || known.has(surface);
  }

  function vocabKey(word) {
    var c = word.charAt(0);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_';
  }

  /**
   * The word the reader is typing: the query's last word, or a stop word after it, which the
   * analysis drops though it may be the start of a word ("in" of "invite").
   */
  function typedWord(query, last) {
    var tail = /\S+$/.exec(query);
    tail = tail ? tail[0].toLowerCase() : '';
    return window.kbAnalyzer.isStopWord(tail) ? tail : last;
  }

  /** A word's head file key (BrowserExport.headKey): its first UTF-16 units, as vocabKey has them. */
  function headKey(word, letters) {
    var key = '';
    for (var i = 0; i < letters; i++) key += vocabKey(word.slice(i));
    return key;
  }

  // Rows of the distance table, reused: a typo scan compares one word with thousands.
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

  /**
   * Optimal-string-alignment distance, giving up above max (kb.search.Typos). Only the band of
   * cells within max of the diagonal can stay within max, so only those are computed. With
   * `start`, the distance to the closest start of b instead (Typos.prefixDistance).
   */
  function distance(a, b, max, start) {
    var n = a.length;
    if (start) {
      if (b.length > n + max) b = b.slice(0, n + max);
      if (b.length < n - max) return max + 1;
    } else if (Math.abs(n - b.length) > max) {
      return max + 1;
    }
    var m = b.length;
    if (m + 1 > rows[0].length) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
    var prev2 = rows[0], prev = rows[1], cur = rows[2], big = max + 1, i, j;
    for (j = 0; j <= m; j++) prev[j] = j;
    for (i = 1; i <= n; i++) {
      var from = Math.max(1, i - max), to = Math.min(m, i + max), ai = a.charCodeAt(i - 1);
      cur[0] = i;
      if (from > 1) cur[from - 1] = big;
      var rowMin = from === 1 ? i : big;
      for (j = from; j <= to; j++) {
        var bj = b.charCodeAt(j - 1);
        var v = prev[j - 1] + (ai === bj ? 0 : 1);
        var del = (j < i + max ? prev[j] : big) + 1, ins = cur[j - 1] + 1;
        if (del < v) v = del;
        if (ins < v) v = ins;
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prev2[j - 2] + 1 < v) {
          v = prev2[j - 2] + 1;
        }
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (to < m) cur[to + 1] = big;
      if (rowMin > max) return big;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    if (!start) return Math.min(prev[m], big);
    var best = n <= max ? n : big;
    for (j = Math.max(1, n - max); j <= Math.min(m, n + max); j++) if (prev[j] < best) best = prev[j];
    return best;
  }

  /** Whether typed, one edit from word, swaps two neighbours, drops or doubles a letter (Typos.isSlip). */
  function isSlip(t, word) {
    var n = t.length, m = word.length, i = 0;
    while (i < Math.min(n, m) && t.charAt(i) === word.charAt(i)) i++;
    if (n === m - 1) return true;
    if (n === m + 1) return (i > 0 && t.charAt(i) === t.charAt(i - 1)) || (i + 1 < n && t.charAt(i) === t.charAt(i + 1));
    return i + 1 < n && t.charAt(i) === word.charAt(i + 1) && t.charAt(i + 1) === word.charAt(i);
  }

  /** A text's words as the unstemmed chain gives them, "&" read as nothing ("p&l" is "pl"; QueryPlan.surfaceWords). */
  function queryWords(text) { return window.kbAnalyzer.surface(String(text).replace(/&/g, '')); }

  function byDfThenWord(a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); }

  /** The query plan: each word with the terms that may stand for it (kb.search.QueryPlan). */
  Engine.prototype.plan = function (query, prefix) {
    var self = this, w = this.m.weights;
    // A question word typed with its accent is the stop word its plain spelling is (QueryPlan.java).
    var words = queryWords(query).slice(0, w.words).filter(function (s) {
      var plain = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return plain === s || !window.kbAnalyzer.isStopWord(plain);
    });
    var keys = words.filter(function (s, i) { return s.length >= w.minTypo || (prefix && i === words.length - 1 && s.length >= w.minPrefix); }).map(vocabKey);
    var cache = this.altsCache || (this.altsCache = new Map()), last = words[words.length - 1];
    var typed = typedWord(query, last);
    if (prefix && typed && typed.length < w.minPrefix) {
      // The word being typed will want its letter's vocabulary, and the postings of the words
      // starting like it, from minPrefix letters on: start loading them now, while the reader
      // types, and that keystroke will not wait for them.
      var letter = this.vocab([vocabKey(typed)]);
      letter.catch(function () {});
      if (typed.length >= 2) this.heads(typed).catch(function () {});
      // A word of a letter or two is seldom indexed, and the term shard it would be in costs
      // more than its letter's vocabulary, which is on its way anyway: that tells first whether
      // the shard is needed (typing "r" loaded 17 KB of shard for no postings at 10,000 articles).
      if (typed === last && !this.loadedVocab(vocabKey(last)) && !window.kbAnalyzer.foldsFirst) {
        return letter.then(function () { return self.plan(query, prefix); });
      }
    }
    // The words' own terms are needed to score them anyway: asked for with the vocabulary, they
    // come in the same round trip, and tell a synonym (indexed, yet no vocabulary word) from a slip.
    // The word being typed is the exception when its letter's vocabulary is in already and says
    // the word has no postings of its own: then nothing waits for a term shard.
    var stems = words.map(function (surface) { return window.kbAnalyzer.stem(surface); });
    var unindexed = {}, own = stems.filter(function (stem, i) {
      var voc = i === words.length - 1 && prefix ? self.loadedVocab(vocabKey(words[i])) : null;
      if (!voc || window.kbAnalyzer.foldsFirst || ownsPostings(voc, words[i], stem)) return true;
      unindexed[stem] = true;
      return false;
    });
    var typing = prefix && last && last.length >= w.minPrefix;
    return Promise.all([this.vocab(keys), this.terms(own), typing ? this.heads(last) : {}]).then(function (loaded) {
      var shards = loaded[0], ownTerms = loaded[1], heads = loaded[2], slots = [], seen = {};
      words.forEach(function (surface, i) {
        var stem = stems[i];
        if (seen.hasOwnProperty(stem)) return;
        seen[stem] = true;
        var asPrefix = prefix && i === words.length - 1 && surface.length >= w.minPrefix;
        var key = surface + (asPrefix ? '*' : ''), alts = recall(cache, key);
        if (!alts) {
          alts = remember(cache, key, self.alternatives(surface, stem, asPrefix, shards[vocabKey(surface)] || [],
            asPrefix ? heads : {}, !unindexed[stem] && ownTerms[stem].length > 0));
        }
        slots.push({ surface: surface, stem: stem, alts: alts, unindexed: !!unindexed[stem], filler: self.filler.has(surface) });
      });
      return self.phrases(slots);
    });
  };

  /** Two words in a row the support desk says for one ("logged out"): both stand for its group too (QueryPlan.phrases). */
  Engine.prototype.phrases = function (slots) {
    var weight = f(this.m.weights.support);
    for (var i = 0; i + 1 < slots.length; i++) {
      var group = this.support.get(slots[i].stem + '+' + slots[i + 1].stem);
      for (var k = i; group && k <= i + 1; k++) {
        // A copy: the word's alternatives are cached.
        var alts = slots[k].alts.slice(), have = {};
        alts.forEach(function (a) { have[a.stem] = 1; });
        group.forEach(function (s) {
          if (s.charAt(0) !== '!' && !have[s]) alts.push({ stem: s, surface: null, weight: weight });
          have[s] = 1;
        });
        slots[k].alts = alts;
      }
    }
    return slots;
  };

  /**
   * The terms that may stand for one query word: its own stem, then (for the word being typed)
   * the most frequent completions, then (for a word of 5+ letters the index lacks) the nearest
   * spellings. Kept per word while typing, since only the last word changes.
   */
  Engine.prototype.alternatives = function (surface, stem, asPrefix, list, heads, indexed) {
    // Question words and filler count for less (QueryPlan.FILLER), float32 as in Java.
    var w = this.m.weights, scale = this.filler.has(surface) ? f(w.filler) : 1;
    var alts = [{ stem: stem, surface: surface, weight: scale }], have = {}, completes = false;
    have[stem] = true;
    // A completion carries its postings in the completion fields, from its head file.
    function add(e, weight, completion) {
      var s = e[2] || e[0];
      if (have[s]) return false;
      have[s] = true;
      alts.push(completion ? { stem: s, surface: null, weight: weight, completion: true, head: heads[s] || null, word: e[0] }
        : { stem: s, surface: null, weight: weight });
      return true;
    }
    if (asPrefix) {
      var longer = list.filter(function (e) { return e[0] !== surface && e[0].lastIndexOf(surface, 0) === 0; })
        .sort(byDfThenWord).slice(0, w.expansions);
      longer.forEach(function (e) { add(e, f(f(w.prefix) * scale), true); });
      completes = longer.length > 0;
    }
    // Before corrections: a form the pages use is no slip (QueryPlan.java).
    if (!this.filler.has(surface)) {
      this.related(surface, stem, list, add);
      (this.support.get(stem) || []).forEach(function (s) {
        if (s !== stem && s.charAt(0) !== '!') add([s], f(w.support), false);
      });
    }
    if (surface.length >= w.minTypo && !list.some(function (e) { return e[0] === surface; })) {
      var max = surface.length >= 9 ? 2 : 1, first = surface.codePointAt(0), cands = [], rank = 0, self = this;
      // The stem too, for a misspelled form of a word the pages use in another form (QueryPlan.java).
      var stemMax = stem.length >= w.minTypo ? (stem.length >= 9 ? 2 : 1) : -1;
      list.forEach(function (e) {
        if (e[0].codePointAt(0) !== first || self.filler.has(e[0])) return;
        var d = distance(surface, e[0], max), es = e[2] || e[0];
        // [entry, edits, likelihood, slip] (QueryPlan.Candidate)
        var s = d <= max ? d === 1 && isSlip(surface, e[0])
          : stemMax > 0 && (d = distance(stem, es, stemMax)) <= stemMax ? d === 1 && isSlip(stem, es) : null;
        if (s !== null) cands.push([e, d, s ? e[1] * w.slip : e[1], s]);
      });
      // Likeliest first, the n-th word worth 1/n of the first (QueryPlan.java).
      cands.sort(function (x, y) { return x[1] - y[1] || y[2] - x[2] || (x[0][0] < y[0][0] ? -1 : x[0][0] > y[0][0] ? 1 : 0); });
      cands.slice(0, w.expansions).forEach(function (c) {
        // The likeliest, if one slip away, weighs nearly as much as the word (QueryPlan.SLIP_TYPO_WEIGHT).
        if (!have[c[0][2] || c[0][0]]) add(c[0], f((++rank === 1 && c[3] ? f(w.slipTypo) : f(f(c[1] === 1 ? w.typo1 : w.typo2) / rank)) * scale), false);
      });
      if (asPrefix && !completes && !indexed) {
        // Nothing starts with what was typed: a typo inside a word still being typed keeps the
        // results of the words it is a slip away from the start of (QueryPlan.java).
        list.filter(function (e) {
          return e[0].codePointAt(0) === first && e[0].length > surface.length && distance(surface, e[0], max, true) <= max;
        }).sort(byDfThenWord).slice(0, w.expansions).forEach(function (e) { add(e, f(f(w.fuzzyPrefix) * scale), false); });
      }
    }
    // Completions are matched in the completion fields, and one found in none is dropped; but when
    // neither the typed word nor any completion is found there, they are matched in every field,
    // from their term shards, so a word of running text keeps its results (Searcher.slotQuery).
    if (indexed || alts.some(function (a) { return a.head; })) {
      alts = alts.filter(function (a) { return !a.completion || a.head; });
    }
    return alts;
  };

  /**
   * Other forms of the word its stem does not reach (QueryPlan.related): its irregular forms that
   * the index holds, then the letter's words whose stem extends the word's, or is extended by it,
   * by a few letters.
   */
  Engine.prototype.related = function (surface, stem, list, add) {
    var w = this.m.weights, self = this;
    (this.forms.get(stem) || []).forEach(function (s) {
      if (s !== stem && s.charAt(0) !== '!') add([s], f(w.form), false);
    });
    if (stem.length < w.minDerived) return;
    var first = surface.codePointAt(0);
    list.forEach(function (e) {
      if (e[0].codePointAt(0) === first && isDerived(stem, e[2] || e[0], w) && !self.filler.has(e[0])) add(e, f(w.derived), false);
    });
  };

  /** Whether one stem extends the other by a few letters, both long enough (QueryPlan.isDerived). */
  function isDerived(stem, other, w) {
    var d = other.length - stem.length;
    return d !== 0 && Math.abs(d) <= w.derivedLetters && Math.min(stem.length, other.length) >= w.minDerived
      && (d > 0 ? other.lastIndexOf(stem, 0) === 0 : stem.lastIndexOf(other, 0) === 0);
  }

  // Digits of the posting encoding (kb.search.PostingCodec): 0-31 marks a number's last digit,
  // 32-63 an earlier one.
  var DIGIT = new Int8Array(128).fill(-1);
  '0123456789abcdefghijklmnopqrstuv'.split('').forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*'.split('').forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = 32 + i; });

  /** Postings of one (term, field) as parallel typed arrays, decoded once. */
  function postings(entry) {
    if (!entry.docs) {
      var text = entry[2], n = entry[1], docs = new Int32Array(n), tfs = new Float32Array(n), norms = new Uint8Array(n);
      var value = 0, field = 0, doc = 0, i = 0, nextIsTf = false;
      for (var c = 0; c < text.length; c++) {
        var d = DIGIT[text.charCodeAt(c)];
        if (d >= 32) { value = value * 32 + (d - 32); continue; }
        value = value * 32 + d;
        if (nextIsTf) { tfs[i - 1] = value; nextIsTf = false; }
        else if (field === 0) { doc += value; docs[i] = doc; field = 1; }
        else { norms[i] = value >> 1; tfs[i] = 1; nextIsTf = (value & 1) === 1; i++; field = 0; }
        value = 0;
      }
      entry.docs = docs; entry.tfs = tfs; entry.norms = norms;
    }
    return entry;
  }

  function idf(df, docCount) { return f(Math.log(1 + (docCount - df + 0.5) / (df + 0.5))); }

  /**
   * Scores every matching record: Σ over words of max over alternatives of Σ over fields,
   * times the idf-weighted share of words matched (Searcher.java). Typing mostly changes the
   * last word only, so each alternative's per-record scores are kept (a small LRU) and an
   * earlier word costs one pass over its records, not over its postings again. Work arrays are
   * typed and reused, and only touched records are visited.
   */
  Engine.prototype.rank = function (slots, limit) {
    var self = this, needed = [];
    slots.forEach(function (slot) {
      slot.alts.forEach(function (a, i) {
        if (a.head || (i === 0 && slot.unindexed)) return;
        needed.push(a.stem);
        if (a.surface) needed.push(a.surface);
      });
    });
    return this.terms(needed).then(function (terms) {
      var w = self.workArrays(), touched = w.touched, count = 0, total = 0, weights = [], scoredSlots = [];
      var wt = self.m.weights, content = 0;
      slots.forEach(function (slot, s) {
        var bodyDf = 0, bit = 1 << s;
        (terms[slot.stem] || []).forEach(function (e) { if (self.fields[e[0]] === self.body) bodyDf = e[1]; });
        var weight = self.body ? Math.log(1 + (self.body.docCount - bodyDf + 0.5) / (bodyDf + 0.5)) : 1;
        if (slot.filler) weight *= wt.filler; else content |= bit;
        total += weight;
        weights.push(weight);
        var scored = self.slotScores(slot, terms), docs = scored.docs, best = scored.scores;
        scoredSlots.push(scored);
        for (var j = 0; j < docs.length; j++) {
          var doc = docs[j];
          if (!w.seen[doc]) { w.seen[doc] = 1; touched[count++] = doc; }
          w.sums[doc] += best[j];
          w.matched[doc] += weight;
          w.own[doc] |= bit;
        }
        for (var h = 0; h < scored.heads.length; h++) w.head[scored.heads[h]] |= bit;
      });
      // A matching section stands under its page's title: it inherits the title's score for each
      // word, and those words count as matched (Searcher.inheritPageTitles).
      var groupOf = self.groupIndex(), starts = self.groups, inherit = wt.inherit;
      scoredSlots.forEach(function (scored, s) {
        var tdocs = scored.tdocs, tscores = scored.tscores, bit = 1 << s;
        if (!tdocs.length) return;
        for (var i = 0; i < tdocs.length; i++) w.title[tdocs[i]] = tscores[i];
        for (var t = 0; t < count; t++) {
          var d = touched[t], p = starts[groupOf[d]];
          if (p === d || w.title[p] === 0) continue;
          w.sums[d] += inherit * w.title[p];
          w.head[d] |= bit;
          if ((w.own[d] & bit) === 0) w.matched[d] += weights[s];
        }
        for (var k = 0; k < tdocs.length; k++) w.title[tdocs[k]] = 0;
      });
      var words = bitCount(content), rows = self.m.rows, row = f(wt.row);
      // One number per hit orders by score, then doc id: a float32 score's bits order like the
      // score itself, and bits * 2^22 + (2^22 - 1 - doc) stays an exact double.
      var keys = w.keys.subarray(0, count), bits = new Uint32Array(1), asFloat = new Float32Array(bits.buffer);
      for (var t = 0; t < count; t++) {
        var d = touched[t];
        var score = w.sums[d] * (w.matched[d] / total) * together(w.head[d] & content, words, wt.together);
        // A data row (a lifespan table's line) counts for less than prose (Searcher.ROW).
        asFloat[0] = f(d >= rows ? score * row : score);
        keys[t] = w.keyOf[d] = bits[0] * 4194304 + (4194303 - d);
        w.sums[d] = 0; w.matched[d] = 0; w.seen[d] = 0; w.own[d] = 0; w.head[d] = 0;
      }
      // Grouped here, in the same turn: the keys live in the reused work arrays.
      var groups = self.group(keys, limit, w.keyOf);
      for (var r = 0; r < count; r++) w.keyOf[touched[r]] = 0;
      return groups;
    });
  };

  function bitCount(x) {
    var n = 0;
    for (x = x >>> 0; x; x = x >>> 1) n += x & 1;
    return n;
  }

  /** The reward for query words found together in one title, heading or question (Searcher.together). */
  function together(mask, words, beta) {
    var k = bitCount(mask);
    return k < 2 || words < 2 ? 1 : 1 + beta * (k - 1) / (words - 1);
  }

  var keyBits = new Uint32Array(1), keyFloat = new Float32Array(keyBits.buffer);

  /** The doc id in a ranked hit's key (exact: 2^22 is a power of two, so no rounding). */
  function docOf(key) { return 4194303 - (key - Math.floor(key * 2.384185791015625e-7) * 4194304); }

  /** The key of a ranked hit back to [doc, score]. */
  function unkey(key) {
    keyBits[0] = Math.floor(key * 2.384185791015625e-7);
    return [docOf(key), keyFloat[0]];
  }

  Engine.prototype.workArrays = function () {
    var n = this.m.docs;
    if (!this.work || this.work.n !== n) {
      this.work = { n: n, sums: new Float64Array(n), matched: new Float64Array(n), alt: new Float64Array(n),
        best: new Float32Array(n), seen: new Uint8Array(n), own: new Int32Array(n), head: new Int32Array(n),
        title: new Float64Array(n), altTitle: new Float64Array(n), bestTitle: new Float32Array(n), isHead: new Uint8Array(n), touched: new Int32Array(n), keys: new Float64Array(n),
        keyOf: new Float64Array(n) };
    }
    return this.work;
  };

  var CACHED = 48;

  function remember(cache, key, value) {
    cache.set(key, value);
    if (cache.size > CACHED) cache.delete(cache.keys().next().value);
    return value;
  }

  function recall(cache, key) {
    var value = cache.get(key);
    if (value) { cache.delete(key); cache.set(key, value); }
    return value;
  }

  /** One word's score per record: the best of its alternatives, as parallel arrays. */
  Engine.prototype.slotScores = function (slot, terms) {
    var self = this, cache = this.slotCache || (this.slotCache = new Map());
    var key = slot.alts.map(altKey).join('\u0001'), hit = recall(cache, key);
    if (hit) return hit;
    var w = this.workArrays(), slotDocs = [], titleDocs = [], heads = [];
    slot.alts.forEach(function (alt) {
      var scored = self.altScores(alt, terms), docs = scored.docs, scores = scored.scores;
      for (var j = 0; j < docs.length; j++) {
        var doc = docs[j], s = scores[j];
        if (w.best[doc] === 0) slotDocs.push(doc);
        if (s > w.best[doc]) w.best[doc] = s;
      }
      for (var t = 0; t < scored.tdocs.length; t++) {
        var td = scored.tdocs[t], ts = scored.tscores[t];
        if (w.bestTitle[td] === 0) titleDocs.push(td);
        if (ts > w.bestTitle[td]) w.bestTitle[td] = ts;
      }
      for (var h = 0; h < scored.heads.length; h++) {
        if (!w.isHead[scored.heads[h]]) { w.isHead[scored.heads[h]] = 1; heads.push(scored.heads[h]); }
      }
    });
    var out = { docs: new Int32Array(slotDocs), scores: new Float32Array(slotDocs.length),
      tdocs: new Int32Array(titleDocs), tscores: new Float32Array(titleDocs.length), heads: new Int32Array(heads) };
    for (var j = 0; j < slotDocs.length; j++) { out.scores[j] = w.best[slotDocs[j]]; w.best[slotDocs[j]] = 0; }
    for (var k = 0; k < titleDocs.length; k++) { out.tscores[k] = w.bestTitle[titleDocs[k]]; w.bestTitle[titleDocs[k]] = 0; }
    for (var m = 0; m < heads.length; m++) w.isHead[heads[m]] = 0;
    return remember(cache, key, out);
  };

  function altKey(alt) { return alt.stem + '\u0000' + (alt.surface || '') + '\u0000' + alt.weight + (alt.completion ? 'c' : ''); }

  /** One alternative's BM25 per record, summed over fields in field order (float32 like Lucene). */
  Engine.prototype.altScores = function (alt, terms) {
    var self = this, cache = this.altCache || (this.altCache = new Map());
    var key = altKey(alt), hit = recall(cache, key);
    if (hit) return hit;
    var w = this.workArrays(), altDocs = [], titleDocs = [], heads = [];
    this.fields.forEach(function (fd, fi) {
      if (fd.exact && !alt.surface || alt.head && !fd.completion) return;
      var entries = alt.head || terms[fd.exact ? alt.surface : alt.stem] || [];
      for (var k = 0; k < entries.length; k++) {
        if (entries[k][0] !== fi) continue;
        var p = postings(entries[k]), docs = p.docs, tfs = p.tfs, norms = p.norms, cache = fd.cache;
        var wgt = f(f(fd.boost * f(alt.weight)) * idf(p[1], fd.docCount));
        for (var i = 0; i < docs.length; i++) {
          var d = docs[i];
          var v = f(wgt - f(wgt / f(1 + f(tfs[i] * cache[norms[i]]))));
          if (w.alt[d] === 0) altDocs.push(d);
          w.alt[d] += v;
          if (fd.title) { if (w.altTitle[d] === 0) titleDocs.push(d); w.altTitle[d] += v; }
          if (fd.head && !w.isHead[d]) { w.isHead[d] = 1; heads.push(d); }
        }
      }
    });
    var out = { docs: new Int32Array(altDocs), scores: new Float32Array(altDocs.length),
      tdocs: new Int32Array(titleDocs), tscores: new Float32Array(titleDocs.length), heads: new Int32Array(heads) };
    for (var j = 0; j < altDocs.length; j++) { out.scores[j] = f(w.alt[altDocs[j]]); w.alt[altDocs[j]] = 0; }
    for (var k = 0; k < titleDocs.length; k++) { out.tscores[k] = f(w.altTitle[titleDocs[k]]); w.altTitle[titleDocs[k]] = 0; }
    for (var m = 0; m < heads.length; m++) w.isHead[heads[m]] = 0;
    return remember(cache, key, out);
  };

  /**
   * The largest `count` keys, highest first, as a view of `keys` (which it reorders). A keystroke
   * can touch most of the index; sorting only the few hundred hits the results can use keeps it
   * cheap (quickselect, then a sort).
   */
  function top(keys, count) {
    if (keys.length > count) {
      var a = keys, lo = 0, hi = a.length - 1, k = a.length - count;
      while (lo < hi) {
        var pivot = a[(lo + hi) >> 1], i = lo, j = hi;
        while (i <= j) {
          while (a[i] < pivot) i++;
          while (a[j] > pivot) j--;
          if (i <= j) { var t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (k <= j) hi = j; else if (k >= i) lo = i; else break;
      }
      keys = a.subarray(k);
    }
    keys.sort();
    return keys.reverse();
  }

  /**
   * The records of one result group, which share a block: resolves with them by doc id. Each
   * group is built as soon as its block is in, while the others are still on the way.
   */
  Engine.prototype.records = function (ids) {
    var self = this, groupOf = this.groupIndex(), b = this.blockOf[groupOf[ids[0]]];
    return load('d/' + b + '.js', null, this.m.blocksVersion).then(function (rows) {
      var out = {};
      ids.forEach(function (id) {
        var row = rows[id - self.blockStart[self.blockOf[groupOf[id]]]];
        out[id] = { kind: KINDS[row[0]], url: row[1], anchor: row[2], title: row[3], heading: row[4],
          context: row[5], articleId: row[6], text: row[7] };
      });
      return out;
    });
  };

  Engine.prototype.search = function (query, limit, prefix) {
    var self = this;
    return this.plan(query, prefix).then(function (slots) {
      if (!slots.length) return [];
      return self.rank(slots, Math.max(limit, self.m.weights.kindPool)).then(function (groups) {
        return self.results(slots, groups, limit, negatedBy(query, self.negations));
      }).then(function (results) {
        self.prefetch(slots);
        return results;
      });
    });
  };

  /**
   * The word being typed, once whole, is most likely its commonest completion, and will then want
   * that word's full postings: fetched after this keystroke's results (not to compete with them
   * for connections), while the reader types, so the keystroke that completes it does not wait.
   */
  Engine.prototype.prefetch = function (slots) {
    var last = slots[slots.length - 1], likely = last.unindexed && last.alts[1];
    if (likely && likely.completion) this.terms([likely.stem, likely.word]).catch(function () {});
  };

  /**
   * The keystrokes the reader most likely types next: the next character of the word being typed
   * as the titles and headings of the results shown continue it (a reader heads for what they
   * see), and as the commonest words of its letter do. A continuation less common than the word
   * whole as typed (a space comes next) is no guess.
   */
  Engine.prototype.nextKeys = function (query, results) {
    var words = queryWords(query), last = typedWord(query, words[words.length - 1]);
    if (!last || query.toLowerCase().slice(-last.length) !== last) return [];
    function likeliest(guesses, each) {
      var mass = {}, whole = 0;
      each(function (word, weight) {
        if (word.lastIndexOf(last, 0) !== 0) return;
        if (word.length === last.length) { whole += weight; return; }
        var c = word.charAt(last.length);
        mass[c] = (mass[c] || 0) + weight;
      });
      return Object.keys(mass).filter(function (c) { return mass[c] > whole; })
        .sort(function (a, b) { return mass[b] - mass[a] || (a < b ? -1 : 1); }).slice(0, guesses)
        .map(function (c) { return query + c; });
    }
    var shown = likeliest(1, function (count) {
      (results || []).forEach(function (r) {
        var text = [r.title, r.section || ''].concat((r.sections || []).map(function (x) { return x.heading || ''; }));
        window.kbAnalyzer.tokens(text.join(' ')).forEach(function (t) { count(t.surface, 1); });
      });
    });
    var list = this.loadedVocab(vocabKey(last));
    // The third letter is the hardest to guess, and the likeliest to change every result: there
    // the two commonest continuations are got ready.
    var common = list && likeliest(last.length === 2 ? 2 : 1, function (count) {
      var lo = 0, hi = list.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid][0] < last) lo = mid + 1; else hi = mid; }
      for (var i = lo; i < list.length && list[i][0].lastIndexOf(last, 0) === 0; i++) count(list[i][0], list[i][1]);
    });
    return (shown || []).concat(common || []).filter(function (q, i, all) { return all.indexOf(q) === i; });
  };

  /**
   * Gets the likely next keystrokes ready while the reader pauses: plans and ranks each (which
   * also warms up the engine) and loads the record blocks its results need, one after the other.
   * `current` says whether the reader has typed on meanwhile; then the work stops.
   */
  Engine.prototype.speculate = function (query, limit, results, current) {
    var self = this, words = queryWords(query), last = typedWord(query, words[words.length - 1]);
    if (!last) return Promise.resolve(null);
    // The letter's words may still be on their way (they load from the word's first letter).
    return this.vocab([vocabKey(last)]).then(function () {
      return self.speculateKeys(self.nextKeys(query, results), limit, current);
    });
  };

  Engine.prototype.speculateKeys = function (keys, limit, current) {
    var self = this;
    return keys.reduce(function (done, next) {
      return done.then(function () {
        if (!current()) return null;
        return self.plan(next, true).then(function (slots) {
          if (!slots.length || !current()) return null;
          return self.rank(slots, Math.max(limit, self.m.weights.kindPool)).then(function (groups) {
            if (!current()) return null;
            return Promise.all(groups.map(function (list) { return self.records([list[0][0]]); }));
          });
        });
      });
    }, Promise.resolve(null));
  };

  /**
   * The first `limit` groups as results, once their records are in, hits about another of a kind
   * than the one asked, and when the query says "not" (`negated`) hits whose heading says it
   * about a word asked, weighed again (SearchIndex.weighed).
   */
  Engine.prototype.results = function (slots, groups, limit, negated) {
    var self = this, stems = {}, contrasts = this.contrasts(slots), kind = f(this.m.weights.kind);
    var negation = f(this.m.weights.negated);
    slots.forEach(function (s) { s.alts.forEach(function (a) { stems[a.stem] = true; }); });
    return Promise.all(groups.map(function (list) {
      return self.records(list.map(function (h) { return h[0]; })).then(function (docs) { return [list, docs]; });
    })).then(function (loaded) {
      if (contrasts.length || negated) {
        loaded.forEach(function (g) {
          g[0] = g[0].map(function (h) {
            var d = g[1][h[0]], score = h[1], head = d.heading || d.title;
            if (contrasts.length && namesOther(contrasts, d.title, d.heading)) score = f(score * kind);
            if (negated && negatedBy(head, self.negations) && mentionedBy(slots, head)) score = f(score * negation);
            return score === h[1] ? h : [h[0], score];
          }).sort(byHit);
        });
        loaded.sort(function (a, b) { return byHit(a[0][0], b[0][0]); });
      }
      return loaded.slice(0, limit).map(function (g) {
        var list = g[0], docs = g[1];
        // A page's section close behind the page's own record lands the result on it, unless the
        // page's title names every word asked about and the section's heading neither holds the
        // question nor names them all too (SearchIndex.hit, isAnswer).
        var page = docs[list[0][0]], heading = list.length > 1 ? docs[list[1][0]].heading : '';
        var at = list.length > 1 && page.kind === 'article' && list[1][1] >= f(f(self.m.weights.landing) * list[0][1])
          && (!namedBy(slots, page.title) || askedBy(slots, heading, self.m.weights.asked) || (!!heading && namedBy(slots, heading))) ? 1 : 0;
        var best = docs[list[at][0]];
        return {
          url: target(best),
          title: best.title,
          section: best.heading,
          excerpt: excerpt(best.text, stems),
          score: list[0][1],
          kind: best.kind,
          context: best.context,
          articleId: best.articleId,
          answer: best.kind === 'faq' ? best.text : '',
          sections: list.slice(at + 1).map(function (h) {
            var d = docs[h[0]];
            return { url: target(d), heading: d.heading, score: h[1] };
          })
        };
      });
    });
  };

  function byHit(a, b) { return b[1] - a[1] || a[0] - b[0]; }

  /** Per query word of a kind: its stems, and the others of its kind (QueryPlan.contrasts). */
  Engine.prototype.contrasts = function (slots) {
    var kinds = this.kinds, all = {}, sure = f(this.m.weights.slipTypo);
    slots.forEach(function (s) { s.alts.forEach(function (a) { all[a.stem] = 1; }); });
    return slots.filter(function (s) { return !s.filler; }).map(function (s) {
      var others = [];
      s.alts.forEach(function (a) {
        if (a.weight >= sure) (kinds.get(a.stem) || []).forEach(function (k) { if (!all[k]) others.push(k); });
      });
      return { asked: s.alts.map(function (a) { return a.stem; }), others: others };
    }).filter(function (c) { return c.others.length; });
  };

  /** QueryPlan.namesOther */
  function namesOther(contrasts, title, heading) {
    var stems = {};
    [title, heading].forEach(function (t) {
      if (t != null) queryWords(t).slice(0, 32).forEach(function (w) { stems[window.kbAnalyzer.stem(w)] = 1; });
    });
    function named(k) { return stems[k]; }
    return contrasts.some(function (c) { return c.others.some(named) && !c.asked.some(named); });
  }

  /** Negations.holds: lower case, ’ as ', split at anything but letters, digits, apostrophes and hyphens. */
  function negatedBy(text, words) {
    if (text == null || !words.size) return false;
    return String(text).toLowerCase().replace(/\u2019/g, "'").split(/[^\p{L}\p{N}'-]+/u).some(function (w) { return words.has(w); });
  }

  /** Whether a heading names any word the query asks about, question words aside (QueryPlan.isMentionedBy). */
  function mentionedBy(slots, heading) {
    var stems = {};
    queryWords(heading).slice(0, 32).forEach(function (w) { stems[window.kbAnalyzer.stem(w)] = true; });
    return slots.some(function (s) { return !s.filler && s.alts.some(function (a) { return stems[a.stem]; }); });
  }

  var PER_GROUP = 4;

  /**
   * The first `limit` groups in rank order, each with its best hits (up to PER_GROUP), as
   * Searcher.java groups Lucene's ranking: [[doc, score], ...] per group. Looks at the top few
   * hundred hits first; a group short of hits there gets the rest from its own records' keys
   * (keyOf: each record's key, 0 if not hit).
   */
  Engine.prototype.group = function (keys, limit, keyOf) {
    var groupOf = this.groupIndex(), slotOf = this.groupSlots(), used = [];
    var count = Math.min(keys.length, Math.max(256, limit * 32)), groups, ranked;
    for (;;) {
      ranked = top(keys, count);
      groups = [];
      for (var i = 0; i < ranked.length; i++) {
        var doc = docOf(ranked[i]), g = groupOf[doc], at = slotOf[g];
        if (at < 0) {
          if (groups.length === limit) continue;
          slotOf[g] = at = groups.length;
          used.push(g);
          groups.push([]);
        }
        if (groups[at].length < PER_GROUP) groups[at].push(unkey(ranked[i]));
      }
      if (count === keys.length || groups.length === limit) break;
      used.forEach(function (u) { slotOf[u] = -1; });
      used = [];
      count = Math.min(keys.length, count * 4);
    }
    if (count < keys.length) {
      // A group with room may have more hits below the ones sorted: they are among its own
      // records, which are neighbours (a group is a run of doc ids).
      var threshold = ranked[ranked.length - 1], starts = this.groups;
      used.forEach(function (g, at) {
        if (groups[at].length >= PER_GROUP) return;
        var more = [], end = g + 1 < starts.length ? starts[g + 1] : keyOf.length;
        for (var d = starts[g]; d < end; d++) if (keyOf[d] > 0 && keyOf[d] < threshold) more.push(keyOf[d]);
        more.sort(function (a, b) { return b - a; });
        for (var k = 0; k < more.length && groups[at].length < PER_GROUP; k++) groups[at].push(unkey(more[k]));
      });
    }
    used.forEach(function (u) { slotOf[u] = -1; });
    return groups;
  };

  /** Per group, its place in the results being grouped (-1: none), reset after each use. */
  Engine.prototype.groupSlots = function () {
    if (!this.slotOfGroup) this.slotOfGroup = new Int32Array(this.groups.length).fill(-1);
    return this.slotOfGroup;
  };

  /** Each record's group, looked up once per keystroke hit instead of searched. */
  Engine.prototype.groupIndex = function () {
    if (!this.groupOfDoc) {
      var g = this.groups, map = new Int32Array(this.m.docs);
      for (var i = 0; i < g.length; i++) {
        var end = i + 1 < g.length ? g[i + 1] : map.length;
        for (var d = g[i]; d < end; d++) map[d] = i;
      }
      this.groupOfDoc = map;
    }
    return this.groupOfDoc;
  };

  /** Whether title names every content word of the query, by any of its terms (QueryPlan.isNamedBy). */
  function namedBy(slots, title) {
    var stems = {}, content = slots.filter(function (s) { return !s.filler; });
    queryWords(title).slice(0, 32).forEach(function (w) { stems[window.kbAnalyzer.stem(w)] = true; });
    return (content.length ? content : slots).every(function (s) { return s.alts.some(function (a) { return stems[a.stem]; }); });
  }

  /** Whether a heading holds `need` or more of the query's question words (QueryPlan.isAskedBy). */
  function askedBy(slots, heading, need) {
    var stems = {}, n = 0;
    queryWords(heading || '').slice(0, 32).forEach(function (w) { stems[window.kbAnalyzer.stem(w)] = true; });
    slots.forEach(function (s) { if (s.filler && stems[s.stem]) n++; });
    return n >= need;
  }

  function target(d) { return d.anchor ? d.url + '#' + d.anchor : d.url; }

  /** The ~160-character window holding most matched words (kb.search.Excerpts). */
  function excerpt(text, stems) {
    var LENGTH = 160, flat = text.replace(/\s+/g, ' ').trim();
    var matches = window.kbAnalyzer.tokens(flat).filter(function (t) { return stems[t.term]; });
    var bestStart = 0, bestCount = 0;
    for (var i = 0; i < matches.length; i++) {
      var start = matches[i].start, count = 0;
      for (var j = i; j < matches.length && matches[j].end <= start + LENGTH; j++) count++;
      if (count > bestCount) { bestCount = count; bestStart = start; }
    }
    var from = Math.max(0, bestStart - 30);
    if (from > 0) {
      var space = flat.indexOf(' ', from);
      from = space < 0 || space > bestStart ? from : space + 1;
    }
    var to = Math.min(flat.length, from + LENGTH);
    if (to < flat.length) {
      var sp = flat.lastIndexOf(' ', to);
      to = sp > from ? sp : to;
    }
    return (from > 0 ? '…' : '') + flat.substring(from, to) + (to < flat.length ? '…' : '');
  }

  // ---- public API ----

  var engine = null;
  function ready() {
    if (!engine) {
      engine = load('manifest', 'manifest.js').then(function (m) {
        // Another language's chain is a file beside this one (kb.search.Chain.script).
        return m.script ? load(m.analyzer, script.src.replace(/[^/]*$/, m.script)).then(function () { return new Engine(m); })
          : new Engine(m);
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }


  // How long the reader must pause before the likely next keystroke is got ready. A search call
  // within that time (typing on, or the next key) cancels it, and later one stops what is left
  // of it, so it does not compete with the reader's own keystrokes.
  var SPECULATE_AFTER = 30;
  var speculation = { timer: 0, turn: 0 };

  /** Whether the reader's browser asks to save data (Save-Data): then nothing is loaded on a guess. */
  function savingData() {
    return typeof navigator !== 'undefined' && !!navigator.connection && navigator.connection.saveData === true;
  }

  function search(query, options) {
    options = options || {};
    var limit = options.limit > 0 ? Math.floor(options.limit) : 10;
    var prefix = options.prefix !== false;
    query = String(query == null ? '' : query).slice(0, 5000);
    clearTimeout(speculation.timer);
    var turn = ++speculation.turn;
    function current() { return turn === speculation.turn; }
    return ready().then(function (e) {
      return e.search(query, limit, prefix).then(function (results) {
        if (prefix && current() && !savingData()) {
          speculation.timer = setTimeout(function () {
            e.speculate(query, limit, results, current).catch(function () {});
          }, SPECULATE_AFTER);
        }
        return results;
      });
    });
  }

  /** Splits text into segments, marking the words that match the query's stems. */
  function highlight(text, query) {
    var stems = {};
    window.kbAnalyzer.analyze(String(query || '')).forEach(function (t) { stems[t] = true; });
    var words = window.kbAnalyzer.surface(String(query || ''));
    var last = words.length ? words[words.length - 1] : '';
    var out = [], at = 0;
    window.kbAnalyzer.tokens(text).forEach(function (t) {
      var hit = stems[t.term] || (last.length >= 3 && t.surface.lastIndexOf(last, 0) === 0);
      if (!hit) return;
      if (t.start > at) out.push({ text: text.slice(at, t.start), match: false });
      out.push({ text: text.slice(t.start, t.end), match: true });
      at = t.end;
    });
    if (at < text.length) out.push({ text: text.slice(at), match: false });
    return out;
  }

  /** An href for a root-relative site URL, usable from the current page (file:// needs index.html). */
  function href(url) {
    var root = (document.body && document.body.getAttribute('data-root')) || '';
    var hash = url.indexOf('#') >= 0 ? url.slice(url.indexOf('#')) : '';
    var path = hash ? url.slice(0, url.indexOf('#')) : url;
    if (location.protocol === 'file:' && (path === '' || /\/$/.test(path))) path += 'index.html';
    return (root + path || './') + hash;
  }

  window.kb = window.kb || {};
  window.kb.search = search;
  window.kb.highlight = highlight;
  window.kb.href = href;
  /**
   * What a query stands for, for marking it on the page a result opens (kb-highlight.js): its
   * plan (each word's slot with the stems it matched: its own, completions, corrections) and
   * kb.yaml's synonym groups, phrases of stems, which the index matched in its stead.
   */
  window.kb.terms = function (query) {
    return ready().then(function (e) {
      return Promise.all([e.plan(String(query).slice(0, 5000), true), e.m.synonyms ? load(e.m.synonyms) : []]);
    });
  };
  /**
   * Gets search ready before the first key (the search box calls it on focus): the manifest, and
   * the per-record tables a first search would otherwise build while the reader waits.
   */
  window.kb.preload = function () {
    return ready().then(function (e) {
      e.workArrays();
      e.groupIndex();
      e.groupSlots();
      return true;
    });
  };
})();
