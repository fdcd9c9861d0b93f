/* kb-searchpage.js: the results page, search/?q=... The query comes from the address, so a
 * results page can be shared; every result (up to 50) is listed, an article's matching sections
 * under it. Built with DOM methods only. Needs kb-ui.js and kb-search.js. */
(function () {
  'use strict';
  var kb = window.kb;
  var ui = kb && kb.ui;
  var list = document.getElementById('search-page-results');
  if (!ui || !list) return;
  var el = ui.el;
  var highlighted = ui.highlighted;
  var input = document.getElementById('search-page-input');
  var summary = document.getElementById('search-page-summary');
  var empty = document.getElementById('search-page-empty');
  var LIMIT = 50;
  var query = (new URLSearchParams(location.search).get('q') || '').trim();

  function pageOf(url) {
    var hash = url.indexOf('#');
    return hash < 0 ? url : url.slice(0, hash);
  }

  // One entry per page: an article and every section of it that matched, in rank order of the
  // page's best hit. The engine may send sections inside their article (r.sections) or as hits
  // of their own; both end up in the same list, each once.
  function group(results) {
    var byPage = {};
    var out = [];
    results.forEach(function (r) {
      var inArticle = (r.kind === 'article' || r.kind === 'section') && r.articleId;
      var key = inArticle ? 'a' + r.articleId : r.url;
      var g = byPage[key];
      if (!g) {
        g = byPage[key] = { title: r.title, url: r.kind === 'section' ? pageOf(r.url) : r.url, kind: r.kind,
          context: r.context, excerpt: r.excerpt, sections: [], seen: {} };
        out.push(g);
      }
      if (r.kind === 'article') g.excerpt = r.excerpt || g.excerpt;
      if (r.kind === 'section' && r.section) add(g, r.url, r.section);
      (r.sections || []).forEach(function (s) { add(g, s.url, s.heading); });
    });
    return out;
  }

  function add(g, url, heading) {
    if (g.seen[url] || !heading) return;
    g.seen[url] = true;
    g.sections.push({ url: url, heading: heading });
  }

  function entry(g) {
    var item = el('li', { 'class': 'result kind-' + (g.kind || 'article') }, [
      el('h2', { 'class': 'result-title' }, [el('a', { href: ui.resultHref(g.url, query) }, [highlighted(g.title, query)])]),
      g.context ? el('p', { 'class': 'result-context', text: g.context }) : null,
      g.excerpt ? el('p', { 'class': 'result-excerpt' }, [highlighted(g.excerpt, query)]) : null
    ]);
    if (g.sections.length) {
      item.appendChild(el('ul', { 'class': 'result-sections', 'aria-label': ui.t('search.sections_of', [g.title]) },
        g.sections.map(function (s) {
          return el('li', {}, [el('a', { href: ui.resultHref(s.url, query) }, [highlighted(s.heading, query)])]);
        })));
    }
    return item;
  }

  function showEmpty(failed) {
    empty.textContent = '';
    empty.hidden = false;
    empty.appendChild(el('p', { text: failed ? ui.t('search.failed') : ui.t('search.try_other') }));
    empty.appendChild(ui.helpLinks({}));
  }

  input.value = query;
  if (!query) {
    summary.textContent = ui.t('search.prompt');
    input.focus();
    return;
  }
  document.title = ui.t('search.page_title', [query, document.title]);
  summary.textContent = ui.t('search.searching');
  if (typeof kb.search !== 'function') {
    summary.textContent = '';
    showEmpty(true);
    return;
  }
  kb.search(query, { limit: LIMIT }).then(function (results) {
    var groups = group(results || []);
    summary.textContent = '';
    ui.parts(groups.length === 0 ? 'search.no_results_for' : groups.length === 1 ? 'search.one_result_for' : 'search.results_for',
      [el('q', { text: query }), groups.length]).forEach(function (p) {
      summary.appendChild(typeof p === 'string' ? document.createTextNode(p) : p);
    });
    groups.forEach(function (g) { list.appendChild(entry(g)); });
    if (!groups.length) showEmpty(false);
  }, function () {
    summary.textContent = '';
    showEmpty(true);
  });
})();
