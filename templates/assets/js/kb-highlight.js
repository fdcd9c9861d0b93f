/* kb-highlight.js: the answer marked on arrival. A search result's link carries its query
 * (?h=...); the page it opens marks, in <mark>, the words that query matched here: its words as
 * the search analyses them (stems: "expired" marks "expires"), the completions and corrections
 * the search took for them, and the synonyms from kb.yaml the index matched in their stead. The
 * first mark in the section the link points at is brought into view. Escape or the "Clear"
 * button removes the marks and the query from the address. Marks add no padding, and the bar is
 * fixed, so nothing on the page moves. Needs kb-analyzer.js and kb-search.js (kb.terms). */
(function () {
  'use strict';
  var kb = window.kb;
  var analyzer = window.kbAnalyzer;
  var params = new URLSearchParams(location.search);
  var query = (params.get('h') || '').trim();
  var main = document.getElementById('main');
  if (!query || !main || !analyzer || !kb || typeof kb.terms !== 'function') return;
  // Text that is not the page's reading matter: controls, navigation, scripts.
  var SKIP = 'script, style, noscript, textarea, select, button, svg, nav, form, mark, .kb-marks';
  var marks = [];
  var bar = null;

  /**
   * The stems to mark and the phrases (stem sequences) to mark, from the query's plan. Question
   * words and filler ("how", "can I") are matched by the search at a quarter of the weight;
   * marked everywhere they would drown the words that found the page, so they are left out
   * unless the query has nothing else.
   */
  function matcher(slots, groups) {
    var stems = {}, phrases = [], words = slots.filter(function (s) { return !s.filler; });
    (words.length ? words : slots).forEach(function (slot) {
      slot.alts.forEach(function (a) { stems[a.stem] = true; });
    });
    // The query's stems in order, one space apart, to find a synonym phrase of several words in it.
    var said = ' ' + slots.map(function (s) { return s.stem; }).join(' ') + ' ';
    groups.forEach(function (group) {
      var named = group.some(function (p) { return p.indexOf(' ') < 0 ? stems[p] : said.indexOf(' ' + p + ' ') >= 0; });
      if (!named) return;
      group.forEach(function (p) {
        if (p.indexOf(' ') < 0) stems[p] = true;
        else phrases.push(p.split(' '));
      });
    });
    return { stems: stems, phrases: phrases };
  }

  /** [start, end) ranges of one text's tokens to mark: single stems, and phrases as one range. */
  function ranges(text, match) {
    // The chain as it is now: kb.terms loaded the page's language's, if not English.
    var tokens = window.kbAnalyzer.tokens(text), out = [];
    for (var i = 0; i < tokens.length; i++) {
      var end = -1;
      match.phrases.forEach(function (p) {
        if (i + p.length > tokens.length) return;
        for (var k = 0; k < p.length; k++) if (tokens[i + k].term !== p[k]) return;
        end = Math.max(end, i + p.length - 1);
      });
      if (end < 0 && match.stems[tokens[i].term]) end = i;
      if (end >= 0) {
        out.push([tokens[i].start, tokens[end].end]);
        i = end;
      }
    }
    return out;
  }

  function mark(match) {
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (!node.nodeValue.trim() || node.parentNode.closest(SKIP)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    nodes.forEach(function (node) {
      var text = node.nodeValue, found = ranges(text, match);
      if (!found.length) return;
      var fragment = document.createDocumentFragment(), at = 0;
      found.forEach(function (r) {
        if (r[0] > at) fragment.appendChild(document.createTextNode(text.slice(at, r[0])));
        var m = document.createElement('mark');
        m.className = 'kb-hit';
        m.textContent = text.slice(r[0], r[1]);
        fragment.appendChild(m);
        marks.push(m);
        at = r[1];
      });
      if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(fragment, node);
    });
  }

  /** The element the address's #anchor names, if any. */
  function target() {
    var id = location.hash.slice(1);
    if (!id) return null;
    try { id = decodeURIComponent(id); } catch (e) { /* keep it as written */ }
    return document.getElementById(id);
  }

  /**
   * The first mark inside the linked section: inside the linked element, or, for a heading, after
   * it and before the next heading of the same or a higher level. Without an anchor, the first.
   */
  function firstInSection() {
    var start = target();
    if (!start) return marks[0] || null;
    // An old anchor kept as an empty marker inside the answer it names: that answer.
    if (!start.textContent.trim() && start.parentNode !== main) start = start.parentNode;
    var level = /^H([1-6])$/.exec(start.tagName), end = null;
    if (level) {
      var headings = main.querySelectorAll('h1, h2, h3, h4, h5, h6');
      for (var i = 0; i < headings.length && !end; i++) {
        var h = headings[i];
        if ((start.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) && +h.tagName.charAt(1) <= +level[1]) end = h;
      }
    }
    for (var k = 0; k < marks.length; k++) {
      var m = marks[k];
      var inside = level ? (start.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
        && (!end || (end.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING) !== 0) : start.contains(m);
      if (inside && m.getClientRects().length) return m;
    }
    return null;
  }

  /** Brings the first match of the linked section into view, unless it is in view already. */
  function land() {
    var first = firstInSection();
    if (!first) return;
    var box = first.getBoundingClientRect(), below = bar ? bar.getBoundingClientRect().top : window.innerHeight;
    if (box.top >= 0 && box.bottom <= below) return;
    first.scrollIntoView({ block: 'center' });
  }

  function clear() {
    marks.forEach(function (m) {
      var parent = m.parentNode;
      if (!parent) return;
      parent.replaceChild(document.createTextNode(m.textContent), m);
      parent.normalize();
    });
    marks = [];
    if (bar) bar.parentNode.removeChild(bar);
    bar = null;
    document.removeEventListener('keydown', onKey);
    // The address no longer asks for marks: a reload or a copied link shows the plain page.
    params.delete('h');
    var rest = params.toString();
    try {
      history.replaceState(history.state, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
    } catch (e) { /* some file:// pages refuse; the marks are gone all the same */ }
  }

  function onKey(e) {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    clear();
  }

  /** A fixed bar naming the query, with the control that clears the marks. */
  function showBar() {
    var ui = kb.ui;
    if (!ui) return;
    var el = ui.el;
    var button = el('button', { type: 'button', 'class': 'kb-marks-clear', text: ui.t('highlight.clear') });
    button.addEventListener('click', clear);
    bar = el('aside', { 'class': 'kb-marks', 'aria-label': ui.t('highlight.landmark') }, [
      el('p', {}, ui.parts(marks.length === 1 ? 'highlight.one' : 'highlight.many', [el('q', { text: query }), marks.length])),
      button
    ]);
    document.body.appendChild(bar);
  }

  kb.terms(query).then(function (found) {
    mark(matcher(found[0], found[1]));
    if (!marks.length) return;
    showBar();
    document.addEventListener('keydown', onKey);
    land();
  }).catch(function () { /* search data unreachable: the page reads as it is */ });
})();
