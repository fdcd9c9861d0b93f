/* kb-faq.js: the FAQ page. A link to faq/#anchor opens that question and brings it into view
 * (on load, on hashchange, and on a click on a link to the current anchor); Expand all /
 * Collapse all; a filter that narrows the questions with the site's own search (same analysis,
 * synonyms and typo tolerance as the search box), keeping page order. The controls are disabled
 * in the HTML, so readers without JavaScript see a plain list. Needs kb-ui.js and kb-search.js. */
(function () {
  'use strict';
  var kb = window.kb;
  var ui = kb && kb.ui;
  var items = Array.prototype.slice.call(document.querySelectorAll('details.faq-item'));
  if (!ui || !items.length) return;
  var groups = Array.prototype.slice.call(document.querySelectorAll('.faq-group'));
  var filter = document.getElementById('faq-filter');
  var expand = document.querySelector('.faq-expand');
  var collapse = document.querySelector('.faq-collapse');
  var count = document.querySelector('.faq-count');
  var none = document.querySelector('.faq-none');
  var latest = 0;

  function countText(shown) {
    return shown === items.length ? ui.t('faq.count_all', [items.length]) : ui.t('faq.count_some', [shown, items.length]);
  }

  function show(keep) {
    var shown = 0;
    items.forEach(function (item) {
      item.hidden = keep !== null && !keep[item.id];
      if (!item.hidden) shown++;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector('details.faq-item:not([hidden])'); });
    none.hidden = shown > 0;
    count.textContent = countText(shown);
  }

  function applyFilter() {
    var query = filter.value.trim();
    var mine = ++latest;
    if (!query) {
      show(null);
      return;
    }
    kb.search(query, { limit: 200 }).then(function (results) {
      if (mine !== latest) return;
      var keep = {};
      results.forEach(function (r) {
        var hash = r.kind === 'faq' ? r.url.indexOf('#') : -1;
        if (hash >= 0) keep[decodeURIComponent(r.url.slice(hash + 1))] = true;
      });
      show(keep);
    });
  }

  /** Opens the question the address points at (its own id or an old alias id inside it). */
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var item = target && target.closest('details.faq-item');
    if (!item) return;
    if (item.hidden) {
      filter.value = '';
      show(null);
    }
    item.open = true;
    item.scrollIntoView({ block: 'start' });
  }

  expand.addEventListener('click', function () {
    items.forEach(function (item) { if (!item.hidden) item.open = true; });
    ui.announce(ui.t('faq.expanded'));
  });
  collapse.addEventListener('click', function () {
    items.forEach(function (item) { item.open = false; });
    ui.announce(ui.t('faq.collapsed'));
  });
  expand.disabled = false;
  collapse.disabled = false;

  if (typeof kb.search === 'function') {
    filter.addEventListener('input', ui.debounce(applyFilter, 80));
    filter.disabled = false;
  }
  count.textContent = countText(items.length);

  window.addEventListener('hashchange', openTarget);
  // A link to the anchor already in the address fires no hashchange, yet the reader expects it to open.
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href*="#"]');
    if (a && a.hash && a.hash === location.hash && a.pathname === location.pathname) setTimeout(openTarget, 0);
  });
  openTarget();

  // Print every answer, then put the page back as the reader left it.
  var openBeforePrint = null;
  window.addEventListener('beforeprint', function () {
    openBeforePrint = items.map(function (item) { return item.open; });
    items.forEach(function (item) { item.open = true; });
  });
  window.addEventListener('afterprint', function () {
    if (openBeforePrint) items.forEach(function (item, i) { item.open = openBeforePrint[i]; });
    openBeforePrint = null;
  });
})();
