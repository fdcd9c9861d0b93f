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
  var FORMAT = 1;
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
      s.src = dataBase + (file || name) + (version && location.protocol !== 'file:' ? '?v=' + version : '');
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
      return { name: fd.name, boost: f(fd.boost), exact: fd.exact, docCount: fd.docCount, cache: cache };
    });
    this.body = this.fields.filter(function (fd) { return fd.name === 'body'; })[0];
    this.groups = decodeDeltas(manifest.groups);
  }

  function decodeDeltas(text) {
    var out = [], last = 0;
    if (!text) return out;
    text.split(',').forEach(function (d) { last += parseInt(d, 36); out.push(last); });
    return out;
  }

  /** The term shard file that holds a term: the last shard starting at or before it. */
  Engine.prototype.shardOf = function (term) {
    var shards = this.m.terms, lo = 0, hi = shards.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (shards[mid][0] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found < 0 ? null : shards[found][1];
  };

  Engine.prototype.terms = function (list) {
    var self = this, files = {};
    list.forEach(function (t) { var file = self.shardOf(t); if (file) files[file] = true; });
    return Promise.all(Object.keys(files).map(function (file) { return load(file); })).then(function () {
      var out = {};
      list.forEach(function (t) {
        var file = self.shardOf(t);
        out[t] = file && loaded[file].hasOwnProperty(t) ? loaded[file][t] : [];
      });
      return out;
    });
  };

  Engine.prototype.vocab = function (keys) {
    var self = this, uniq = {};
    keys.forEach(function (k) { if (self.m.vocab[k]) uniq[k] = self.m.vocab[k]; });
    return Promise.all(Object.keys(uniq).map(function (k) { return load(uniq[k]); })).then(function () {
      var out = {};
      Object.keys(uniq).forEach(function (k) { out[k] = loaded[uniq[k]]; });
      return out;
    });
  };

  function vocabKey(word) {
    var c = word.charAt(0);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_';
  }

  /** Optimal-string-alignment distance, giving up above max (kb.search.Typos). */
  function distance(a, b, max) {
    var n = a.length, m = b.length;
    if (Math.abs(n - m) > max) return max + 1;
    var prev2 = new Array(m + 1), prev = new Array(m + 1), cur = new Array(m + 1), i, j;
    for (j = 0; j <= m; j++) prev[j] = j;
    for (i = 1; i <= n; i++) {
      cur[0] = i;
      var rowMin = cur[0];
      for (j = 1; j <= m; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return Math.min(prev[m], max + 1);
  }

  function byDfThenWord(a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); }

  /** The query plan: each word with the terms that may stand for it (kb.search.QueryPlan). */
  Engine.prototype.plan = function (query, prefix) {
    var self = this, w = this.m.weights;
    var words = window.kbAnalyzer.surface(query).slice(0, w.words);
    var keys = words.filter(function (s, i) { return s.length >= 5 || (prefix && i === words.length - 1 && s.length >= w.minPrefix); }).map(vocabKey);
    return this.vocab(keys).then(function (shards) {
      var slots = [], seen = {};
      words.forEach(function (surface, i) {
        var stem = window.kbAnalyzer.stem(surface);
        if (seen.hasOwnProperty(stem)) return;
        seen[stem] = true;
        var alts = [{ stem: stem, surface: surface, weight: 1 }], have = {};
        have[stem] = true;
        var list = shards[vocabKey(surface)] || [];
        if (prefix && i === words.length - 1 && surface.length >= w.minPrefix) {
          list.filter(function (e) { return e[0] !== surface && e[0].lastIndexOf(surface, 0) === 0; })
            .sort(byDfThenWord).slice(0, w.expansions).forEach(function (e) {
              var s = e[2] || e[0];
              if (!have[s]) { have[s] = true; alts.push({ stem: s, surface: null, weight: w.prefix }); }
            });
        }
        if (surface.length >= 5 && !list.some(function (e) { return e[0] === surface; })) {
          var max = surface.length >= 9 ? 2 : 1, first = surface.codePointAt(0), cands = [];
          list.forEach(function (e) {
            if (e[0].codePointAt(0) !== first || Math.abs(e[0].length - surface.length) > max) return;
            var d = distance(surface, e[0], max);
            if (d <= max) cands.push([e, d]);
          });
          cands.sort(function (x, y) { return x[1] - y[1] || byDfThenWord(x[0], y[0]); });
          cands.slice(0, w.expansions).forEach(function (c) {
            var s = c[0][2] || c[0][0];
            if (!have[s]) { have[s] = true; alts.push({ stem: s, surface: null, weight: c[1] === 1 ? w.typo1 : w.typo2 }); }
          });
        }
        slots.push({ surface: surface, stem: stem, alts: alts });
      });
      return slots;
    });
  };

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
   * times the idf-weighted share of words matched (Searcher.java). Work arrays are typed and
   * reused, and only touched documents are visited, so a keystroke costs what its postings cost.
   */
  Engine.prototype.score = function (slots) {
    var self = this, needed = [];
    slots.forEach(function (slot) {
      slot.alts.forEach(function (a) { needed.push(a.stem); if (a.surface) needed.push(a.surface); });
    });
    return this.terms(needed).then(function (terms) {
      var n = self.m.docs, w = self.work;
      if (!w || w.n !== n) {
        w = self.work = { n: n, sums: new Float64Array(n), matched: new Float64Array(n), alt: new Float64Array(n),
          best: new Float32Array(n), seen: new Uint8Array(n) };
      }
      var touched = [], total = 0;
      slots.forEach(function (slot) {
        var bodyDf = 0;
        (terms[slot.stem] || []).forEach(function (e) { if (self.fields[e[0]] === self.body) bodyDf = e[1]; });
        var weight = self.body ? Math.log(1 + (self.body.docCount - bodyDf + 0.5) / (bodyDf + 0.5)) : 1;
        total += weight;
        var slotDocs = [];
        slot.alts.forEach(function (alt) {
          var altDocs = [];
          self.fields.forEach(function (fd, fi) {
            if (fd.exact && !alt.surface) return;
            var entries = terms[fd.exact ? alt.surface : alt.stem] || [];
            for (var k = 0; k < entries.length; k++) {
              if (entries[k][0] !== fi) continue;
              var p = postings(entries[k]), docs = p.docs, tfs = p.tfs, norms = p.norms, cache = fd.cache;
              var wgt = f(f(fd.boost * f(alt.weight)) * idf(p[1], fd.docCount));
              for (var i = 0; i < docs.length; i++) {
                var d = docs[i];
                if (w.alt[d] === 0) altDocs.push(d);
                w.alt[d] += f(wgt - f(wgt / f(1 + f(tfs[i] * cache[norms[i]]))));
              }
            }
          });
          for (var j = 0; j < altDocs.length; j++) {
            var doc = altDocs[j], s = f(w.alt[doc]);
            w.alt[doc] = 0;
            if (w.best[doc] === 0) slotDocs.push(doc);
            if (s > w.best[doc]) w.best[doc] = s;
          }
        });
        for (var j = 0; j < slotDocs.length; j++) {
          var doc = slotDocs[j];
          if (!w.seen[doc]) { w.seen[doc] = 1; touched.push(doc); }
          w.sums[doc] += w.best[doc];
          w.matched[doc] += weight;
          w.best[doc] = 0;
        }
      });
      // Sort by score, then doc id, as one number per hit: a float32 score's bits order like the
      // score itself, and bits * 2^22 + (2^22 - 1 - doc) stays an exact double.
      var keys = new Float64Array(touched.length), bits = new Uint32Array(1), asFloat = new Float32Array(bits.buffer);
      for (var t = 0; t < touched.length; t++) {
        var d2 = touched[t];
        asFloat[0] = f(w.sums[d2] * (w.matched[d2] / total));
        keys[t] = bits[0] * 4194304 + (4194303 - d2);
        w.sums[d2] = 0; w.matched[d2] = 0; w.seen[d2] = 0;
      }
      keys.sort();
      var out = new Array(keys.length);
      for (var r = 0; r < keys.length; r++) {
        var key = keys[keys.length - 1 - r], doc2 = 4194303 - (key % 4194304);
        bits[0] = Math.floor(key / 4194304);
        out[r] = [doc2, asFloat[0]];
      }
      return out;
    });
  };

  /** The group (article, FAQ question or table row) a record belongs to. */
  Engine.prototype.groupOf = function (doc) {
    var g = this.groups, lo = 0, hi = g.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (g[mid] <= doc) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  Engine.prototype.docs = function (ids) {
    var self = this, blocks = {};
    ids.forEach(function (id) { blocks[Math.floor(id / self.m.block)] = true; });
    return Promise.all(Object.keys(blocks).map(function (b) {
      return load('d/' + b + '.js', null, self.m.blocksVersion);
    })).then(function () {
      var out = {};
      ids.forEach(function (id) {
        var row = loaded['d/' + Math.floor(id / self.m.block) + '.js'][id % self.m.block];
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
      return self.score(slots).then(function (ranked) {
        var groups = [], byGroup = {};
        for (var i = 0; i < ranked.length; i++) {
          var g = self.groupOf(ranked[i][0]);
          if (!byGroup.hasOwnProperty(g)) {
            if (groups.length === limit) continue;
            byGroup[g] = groups.length;
            groups.push([]);
          }
          var list = groups[byGroup[g]];
          if (list.length < 4) list.push(ranked[i]);
        }
        var ids = [];
        groups.forEach(function (list) { list.forEach(function (h) { ids.push(h[0]); }); });
        var stems = {};
        slots.forEach(function (s) { s.alts.forEach(function (a) { stems[a.stem] = true; }); });
        return self.docs(ids).then(function (docs) {
          return groups.map(function (list) {
            var best = docs[list[0][0]];
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
              sections: list.slice(1).map(function (h) {
                var d = docs[h[0]];
                return { url: target(d), heading: d.heading, score: h[1] };
              })
            };
          });
        });
      });
    });
  };

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
      engine = load('manifest', 'manifest.js').then(function (m) { return new Engine(m); });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }


  function search(query, options) {
    options = options || {};
    var limit = options.limit > 0 ? Math.floor(options.limit) : 10;
    var prefix = options.prefix !== false;
    query = String(query == null ? '' : query).slice(0, 5000);
    return ready().then(function (e) { return e.search(query, limit, prefix); });
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
  window.kb.preload = function () { return ready().then(function () { return true; }); };
})();
