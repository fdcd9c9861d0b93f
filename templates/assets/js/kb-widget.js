/* kb-widget.js, written by the build as site/widget.js with the site's settings: the help widget
 * any page embeds with one tag, <script src="https://help.example.com/widget.js" async></script>.
 * It adds a launcher and a panel inside a shadow root (host CSS cannot reach in, ours cannot leak
 * out), searches with the help center's own client (kb-analyzer.js, kb-search.js) loaded from the
 * help center on first use, and reads articles from widget/a/<id>.js, classic scripts like the
 * search files, so no CORS is needed. No cookies, no storage, nothing inline (a strict CSP that
 * allows scripts and styles from the help center is enough), one API global: window.KbWidget.
 * API and events: docs/widget.md. */
(function (S) {
  'use strict';
  if (window.KbWidget && window.KbWidget.version) return; // embedded twice: the first one stays
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, '') : '';
  var label = S.label || t('widget.help');
  var EVENTS = ['opened', 'closed', 'searched', 'articleshown'];
  var LIMIT = 8;        // as many results as the site's own search box shows
  var ANSWER_CHARS = 420;
  var listeners = {}, pending = {}, loadedData = {};
  var host, shadow, box, launcher, launcherText, panel, title, backButton, searchView, input, status, answerBox,
    results, suggestBox, readerView, built = false, isOpen = false, unreachable = false, searchReady = null,
    latest = 0, suggestion = null, lastResults = [];

  /** The widget's words in the help center's language: shipped in S.strings, as they must show on any site. */
  function t(key, args) {
    return parts(key, args).join('');
  }

  /** The same text as strings and nodes for el(): an argument may be an element. */
  function parts(key, args) {
    var text = (S.strings && S.strings[key]) || key;
    return text.split(/(\{\d\})/).filter(function (p) { return p !== ''; }).map(function (p) {
      var m = /^\{(\d)\}$/.exec(p);
      return m && args && args[m[1]] !== undefined ? (typeof args[m[1]] === 'object' ? args[m[1]] : String(args[m[1]])) : p;
    });
  }

  function warn(message) {
    if (window.console && console.warn) console.warn('KbWidget: ' + message);
  }

  /** An API method that reports misuse in the console and never throws into the host. */
  function guard(name, fn) {
    return function () {
      try {
        return fn.apply(null, arguments);
      } catch (e) {
        warn(name + '() failed: ' + (e && e.message || e));
      }
    };
  }

  /** The options a method knows, by type; anything else is warned about and ignored. */
  function options(method, given, known) {
    var out = {};
    if (given === undefined || given === null) return out;
    if (typeof given !== 'object') {
      warn(method + '(): options must be an object like {query: "..."}, got ' + typeof given);
      return out;
    }
    Object.keys(given).forEach(function (key) {
      if (!known.hasOwnProperty(key)) warn(method + '(): unknown option "' + key + '" (known: ' + Object.keys(known).join(', ') + ')');
      else if (typeof given[key] !== known[key]) warn(method + '(): option "' + key + '" must be a ' + known[key]);
      else out[key] = given[key];
    });
    return out;
  }

  function emit(name, detail) {
    (listeners[name] || []).slice().forEach(function (fn) {
      try {
        fn(detail);
      } catch (e) { // the host's handler failed: report it as the host's error, and carry on
        setTimeout(function () { throw e; });
      }
    });
  }

  /** A new element: attrs maps names to values ("text" sets textContent); children are nodes or strings. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function icon(path) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg'), p = document.createElementNS(ns, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    p.setAttribute('d', path);
    svg.appendChild(p);
    return svg;
  }

  /** An absolute address on the help center for a site-relative URL. */
  function siteUrl(url) { return base + url; }

  /**
   * A help center page opened from a search: it carries the query in ?h=, before the #anchor, so
   * the page marks what the query matched, as the site's own results do (kb-ui.js resultHref).
   */
  function foundUrl(url, query) {
    var at = url.indexOf('#');
    return siteUrl(at < 0 ? url : url.slice(0, at)) + (query ? '?h=' + encodeURIComponent(query) : '') + (at < 0 ? '' : url.slice(at));
  }

  /** A help center link; it opens in a new tab so the reader keeps their place in the host's page. */
  function outLink(href, text, cls) {
    return el('a', { href: href, target: '_blank', rel: 'noopener', 'class': cls }, [text]);
  }

  /** Loads a classic script from the help center; resolves once it has run. */
  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var s = el('script', { src: src });
      s.async = false; // run in the order added: the analyzer before the search client
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function versioned(src) { return src + (location.protocol === 'file:' ? '' : '?v=' + S.dataVersion); }

  // ---- the help center's data ----

  /** The help center's own search client, loaded once (or the page's own, on a help center page). */
  function searchClient() {
    if (!searchReady) {
      var kb = window.kb;
      searchReady = kb && typeof kb.search === 'function' && window.kbAnalyzer ? Promise.resolve(kb)
        : addScript(base + 'assets/js/kb-analyzer.js').then(function () {
          return addScript(base + 'assets/js/kb-search.js');
        }).then(function () {
          if (!window.kb || typeof window.kb.search !== 'function') throw new Error('no search client');
          return window.kb;
        });
      searchReady.then(function (client) {
        if (client.preload) client.preload().catch(function () {});
      }, function () { searchReady = null; });
    }
    return searchReady;
  }

  /** Receives a data file's payload (the data files call KbWidget[S.callback]). */
  function receive(name, payload) {
    loadedData[name] = payload;
    (pending[name] || []).forEach(function (p) { p[0](payload); });
    delete pending[name];
  }

  function loadArticle(id) {
    var name = 'a/' + id;
    if (loadedData[name]) return Promise.resolve(loadedData[name]);
    return new Promise(function (resolve, reject) {
      var first = !pending[name];
      (pending[name] = pending[name] || []).push([resolve, reject]);
      if (!first) return;
      addScript(versioned(base + S.data + name + '.js')).then(function () {
        // It ran without calling back: no such article.
        if (pending[name]) fail(name, new Error('no article ' + id));
      }, function (e) { fail(name, e); });
    }).then(function (a) {
      if (a.format !== S.format) throw new Error('article format ' + a.format + ' is not supported');
      return a;
    });
  }

  function fail(name, error) {
    (pending[name] || []).forEach(function (p) { p[1](error); });
    delete pending[name];
  }

  /** Whether the help center answers at all; a failed script load says it does not. */
  function reachable(yes) {
    unreachable = !yes;
    if (launcherText) launcherText.textContent = yes ? label : t('widget.unavailable');
    if (box) box.classList.toggle('down', !yes);
  }

  // ---- the launcher and the panel ----

  function start() {
    host = el('div', { 'data-kb-widget': S.version });
    // The host element itself: no page style may move, size or colour it (inline !important wins).
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('z-index', '2147483000', 'important');
    shadow = host.attachShadow({ mode: 'open' });
    // The panel speaks the help center's language, whatever the host page's is, and reads in its direction.
    box = el('section', { 'class': 'w ' + (S.position === 'bottom-left' ? 'left' : 'right'), 'aria-label': label,
      lang: S.language || null, dir: S.direction || null });
    box.style.setProperty('--accent-light', S.accent);
    box.style.setProperty('--accent-dark', S.accentDark);
    var css = el('link', { rel: 'stylesheet', href: versioned(base + S.stylesheet) });
    css.onload = function () { box.hidden = false; };
    css.onerror = function () {
      // Unstyled is better than absent: say help is unavailable, in plain text the page can read.
      reachable(false);
      box.hidden = false;
      launcher.style.cssText = 'position:fixed;bottom:16px;right:16px;padding:8px 12px;font:14px sans-serif';
    };
    box.hidden = true;
    launcherText = el('span', { text: label });
    launcher = el('button', { type: 'button', 'class': 'launcher', 'aria-expanded': 'false', 'aria-controls': 'kbw-panel' },
      [icon('M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 16h-2v-2h2v2Zm2.1-7.7-.9.9A3.4 3.4 0 0 0 13 14h-2v-.5c0-1.1.45-2.1 1.2-2.8l1.2-1.3A1.9 1.9 0 0 0 12 6a2 2 0 0 0-2 2H8a4 4 0 1 1 7.1 2.3Z'), launcherText]);
    launcher.addEventListener('click', function () { if (isOpen) hide(true); else show(); });
    box.appendChild(launcher);
    shadow.appendChild(css);
    shadow.appendChild(box);
    document.body.appendChild(host);
    theme();
    var watch = new MutationObserver(theme);
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    watch.observe(document.body, { attributes: true, attributeFilter: ['data-theme'] });
  }

  /** Light or dark as the host says with data-theme on <html> or <body>; else the reader's preference (CSS). */
  function theme() {
    var t = (document.documentElement.getAttribute('data-theme') || document.body.getAttribute('data-theme') || '').toLowerCase();
    box.classList.toggle('dark', t === 'dark');
    box.classList.toggle('light', t === 'light');
  }

  function build() {
    if (built) return;
    built = true;
    title = el('h2', { id: 'kbw-title', text: label });
    backButton = el('button', { type: 'button', 'class': 'icon back', hidden: true, 'aria-label': t('widget.back') },
      [icon('M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z')]);
    var closeButton = el('button', { type: 'button', 'class': 'icon', 'aria-label': t('widget.close') },
      [icon('M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z')]);
    backButton.addEventListener('click', showSearch);
    closeButton.addEventListener('click', function () { hide(true); });
    input = el('input', { id: 'kbw-q', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: t('search.label') });
    var form = el('form', { role: 'search', 'class': 'ask' }, [
      el('label', { 'for': 'kbw-q', 'class': 'vh', text: t('search.label') }), input]);
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    var timer = 0;
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 150); });
    status = el('p', { 'class': 'vh', role: 'status', 'aria-live': 'polite' });
    answerBox = el('div', { 'class': 'answer', hidden: true });
    results = el('ul', { 'class': 'results', 'aria-label': t('widget.results'), hidden: true });
    suggestBox = el('div', { 'class': 'suggested', hidden: true });
    searchView = el('div', { 'class': 'view' }, [form, status, answerBox, results, suggestBox, contacts()]);
    readerView = el('div', { 'class': 'view reader', hidden: true });
    panel = el('div', { id: 'kbw-panel', 'class': 'panel', role: 'dialog', 'aria-labelledby': 'kbw-title', hidden: true }, [
      el('div', { 'class': 'bar' }, [backButton, title, closeButton]),
      el('div', { 'class': 'scroll' }, [searchView, readerView])]);
    // Escape anywhere in the widget (the panel, or the launcher while the panel is open) closes it.
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && isOpen) {
        e.preventDefault();
        e.stopPropagation();
        hide(true);
      }
    });
    box.insertBefore(panel, launcher);
  }

  /** The contacts of kb.yaml: shipped inside widget.js, so they show even when the help center is down. */
  function contacts() {
    var s = S.support || {}, items = [];
    if (s.email) items.push(el('li', {}, [t('contact.email') + ' ', el('a', { href: 'mailto:' + s.email, text: s.email })]));
    if (s.phone) items.push(el('li', {}, [t('contact.phone') + ' ', el('a', { href: s.phoneHref, text: s.phone })]));
    if (s.chat) items.push(el('li', { text: t('contact.chat') + ': ' + s.chat }));
    if (!items.length) return null;
    return el('div', { 'class': 'contact' }, [el('h3', { text: t('widget.stuck') }), el('ul', {}, items)]);
  }

  function show(then) {
    build();
    if (!isOpen) {
      isOpen = true;
      panel.hidden = false;
      box.classList.add('open');
      launcher.setAttribute('aria-expanded', 'true');
      searchClient().then(function () { reachable(true); }, function () { reachable(false); notice(); });
      emit('opened', {});
    }
    if (then) then(); else if (!readerView.hidden) title.focus(); else input.focus();
    if (!input.value.trim()) showSuggestions();
  }

  function hide(toLauncher) {
    if (!isOpen) return;
    isOpen = false;
    panel.hidden = true;
    box.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    if (toLauncher) launcher.focus();
    emit('closed', {});
  }

  function showSearch() {
    readerView.hidden = true;
    searchView.hidden = false;
    backButton.hidden = true;
    title.textContent = label;
    title.removeAttribute('tabindex');
    input.focus();
  }

  /** Help is unavailable: say so, with the contacts, which need no help center. */
  function notice() {
    results.hidden = true;
    answerBox.hidden = false;
    answerBox.textContent = '';
    answerBox.appendChild(el('p', { 'class': 'down-note', text: t('widget.down') }));
    status.textContent = t('widget.down_said');
  }

  // ---- search ----

  function run(query) {
    query = (query === undefined ? input.value : query).trim();
    var mine = ++latest;
    if (!query) {
      results.hidden = true;
      answerBox.hidden = true;
      status.textContent = '';
      showSuggestions();
      return Promise.resolve();
    }
    return searchClient().then(function (kb) {
      return kb.search(query, { limit: LIMIT }).then(function (found) {
        reachable(true);
        if (mine !== latest) return;
        render(kb, query, found || []);
        emit('searched', { query: query, results: found.map(function (r) { return { title: r.title, url: siteUrl(r.url) }; }) });
      });
    }).catch(function () {
      if (mine !== latest) return;
      reachable(false);
      notice();
    });
  }

  function marked(kb, text, query) {
    var out = document.createDocumentFragment();
    (kb.highlight ? kb.highlight(text || '', query) : [{ text: text || '' }]).forEach(function (s) {
      out.appendChild(s.match ? el('mark', { text: s.text }) : document.createTextNode(s.text));
    });
    return out;
  }

  function shorten(text, max) {
    if (!text || text.length <= max) return text || '';
    var cut = text.lastIndexOf(' ', max);
    return text.slice(0, cut > max * 0.6 ? cut : max).replace(/[\s,;:.]+$/, '') + '…';
  }

  function render(kb, query, found) {
    lastResults = found;
    suggestBox.hidden = true;
    answerBox.textContent = '';
    results.textContent = '';
    // The instant answer: when the best hit is an FAQ question, the answer itself.
    var answered = found.length > 0 && found[0].kind === 'faq' && !!found[0].answer;
    answerBox.hidden = !answered;
    if (answered) {
      answerBox.appendChild(el('p', { 'class': 'kicker', text: t('search.faq_answer') }));
      answerBox.appendChild(el('h3', {}, [marked(kb, found[0].title, query)]));
      answerBox.appendChild(el('p', {}, [marked(kb, shorten(found[0].answer, ANSWER_CHARS), query)]));
      answerBox.appendChild(outLink(foundUrl(found[0].url, query), t('widget.full_answer')));
    }
    (answered ? found.slice(1) : found).forEach(function (r) { results.appendChild(item(kb, r, query)); });
    results.hidden = !results.children.length;
    if (!found.length) {
      answerBox.hidden = false;
      answerBox.appendChild(el('p', {}, parts('widget.no_results', [el('q', { text: query })])));
    }
    status.textContent = !found.length ? t('widget.none_said')
      : t(found.length === 1 ? 'widget.one_said' : 'widget.many_said', [found.length])
        + (answered ? ' ' + t('widget.answer_said', [found[0].title]) : '');
  }

  /** One result: an article or a section of one opens in the panel; the rest open the help center. */
  function item(kb, r, query) {
    var inPanel = r.articleId > 0 && (r.kind === 'article' || r.kind === 'section');
    var link = el('a', { href: foundUrl(r.url, query), 'class': 'result', target: inPanel ? null : '_blank', rel: inPanel ? null : 'noopener' }, [
      el('span', { 'class': 'r-title' }, [marked(kb, r.title, query), r.section ? el('span', { 'class': 'r-section' }, [' › ', marked(kb, r.section, query)]) : null]),
      r.context ? el('span', { 'class': 'r-context', text: r.context }) : null,
      r.excerpt ? el('span', { 'class': 'r-excerpt' }, [marked(kb, r.excerpt, query)]) : null]);
    if (inPanel) {
      link.addEventListener('click', function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button) return; // a new tab: the browser's business
        e.preventDefault();
        var hash = r.url.indexOf('#');
        openArticle(r.articleId, hash < 0 ? '' : decodeURIComponent(r.url.slice(hash + 1)), query);
      });
    }
    return el('li', {}, [link]);
  }

  // ---- suggestions from the host ----

  function showSuggestions() {
    if (!suggestion || !built || input.value.trim()) return;
    var which = suggestion;
    var list = el('ul', { 'class': 'results' });
    suggestBox.textContent = '';
    suggestBox.appendChild(el('h3', { text: t('widget.suggested') }));
    suggestBox.appendChild(list);
    suggestBox.hidden = false;
    var done = which.ids ? Promise.all(which.ids.map(function (id) {
      return loadArticle(id).then(function (a) {
        return { title: a.title, url: a.url, context: a.section, kind: 'article', articleId: a.id };
      }, function () { warn('suggest(): no article ' + id); return null; });
    })) : searchClient().then(function (kb) { return kb.search(which.query, { limit: 5 }); });
    done.then(function (found) {
      if (which !== suggestion) return;
      var kb = window.kb || {};
      found.filter(Boolean).forEach(function (r) { list.appendChild(item(kb, r, '')); });
      suggestBox.hidden = !list.children.length;
    }).catch(function () { suggestBox.hidden = true; });
  }

  // ---- the reader ----

  /** Opens an article in the reader; `query`, when it came from a search, goes with its link out. */
  function openArticle(id, anchor, query) {
    readerView.textContent = '';
    readerView.appendChild(el('p', { 'class': 'loading', text: t('widget.loading') }));
    readerView.hidden = false;
    searchView.hidden = true;
    backButton.hidden = false;
    title.setAttribute('tabindex', '-1');
    var mine = ++latest;
    return loadArticle(id).then(function (a) {
      reachable(true);
      if (mine !== latest) return;
      read(a, anchor, query);
    }, function (e) {
      if (mine !== latest) return;
      readerView.textContent = '';
      readerView.appendChild(el('p', { text: t('widget.cannot_show') }));
      readerView.appendChild(outLink(siteUrl('a/' + id + '/'), t('widget.open_it')));
      if (!/no article/.test(e.message)) reachable(false);
      title.focus();
    });
  }

  function read(a, anchor, query) {
    readerView.textContent = '';
    title.textContent = a.title;
    var open = outLink(foundUrl(a.url + (anchor ? '#' + encodeURIComponent(anchor) : ''), query), t('widget.open'), 'open');
    var body = el('div', { 'class': 'body' });
    (a.body || []).forEach(function (n) { body.appendChild(node(n)); });
    readerView.appendChild(el('p', { 'class': 'kicker', text: a.section }));
    readerView.appendChild(el('p', {}, [open]));
    readerView.appendChild(body);
    body.addEventListener('click', function (e) {
      var link = e.target.closest && e.target.closest('a[data-in-article]');
      if (!link) return;
      e.preventDefault();
      goTo(a, link.getAttribute('href').slice(1), open, query);
    });
    var target = anchor && shadow.getElementById(anchor);
    if (target && body.contains(target)) goTo(a, anchor, open, query);
    else {
      readerView.parentNode.scrollTop = 0;
      title.focus();
    }
    emit('articleshown', { id: a.id, title: a.title, anchor: target ? anchor : '', url: siteUrl(a.url) + (target ? '#' + anchor : '') });
  }

  /** Scrolls the reader to a section, and points "Open in the help center" at it. */
  function goTo(a, anchor, open, query) {
    var target = shadow.getElementById(anchor);
    if (!target) return;
    open.href = foundUrl(a.url + '#' + encodeURIComponent(anchor), query);
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  /** A DOM node from the sanitized tree of a data file, checked again against the same allow-list. */
  function node(n) {
    if (typeof n === 'string') return document.createTextNode(n);
    var tag = n[0], attrs = n[1] || {}, out;
    if (S.tags.indexOf(tag) < 0) out = document.createDocumentFragment();
    else {
      out = document.createElement(tag);
      Object.keys(attrs).forEach(function (name) {
        if ((S.attributes[tag] || []).indexOf(name) < 0 && S.attributes['*'].indexOf(name) < 0) return;
        var value = String(attrs[name]);
        if (name === 'href') {
          if (value.charAt(0) === '#') out.setAttribute('data-in-article', '');
          else {
            if (!/^(https?|mailto|tel):/i.test(value)) {
              if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return;
              value = siteUrl(value);
            }
            out.setAttribute('target', '_blank');
            out.setAttribute('rel', 'noopener');
          }
        }
        out.setAttribute(name, value);
      });
    }
    for (var i = 2; i < n.length; i++) out.appendChild(node(n[i]));
    return out;
  }

  // ---- the API ----

  var api = {
    version: S.version,
    /** Opens the panel; {query} searches at once. */
    open: guard('open', function (opts) {
      var o = options('open', opts, { query: 'string' });
      show(function () {
        if (o.query !== undefined) {
          showSearch();
          input.value = o.query;
          run();
        } else if (!readerView.hidden) title.focus(); else input.focus();
      });
    }),
    /** Opens an article in the panel, at the section with id `anchor` if given. */
    article: guard('article', function (id, anchor) {
      var n = typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : id;
      if (typeof n !== 'number' || n % 1 !== 0 || n <= 0) return warn('article(id, anchor): id must be an article id like 503, got ' + id);
      if (anchor !== undefined && anchor !== null && typeof anchor !== 'string') {
        warn('article(id, anchor): anchor must be a section id like "what-to-do"');
        anchor = '';
      }
      show(function () { openArticle(n, anchor ? String(anchor).replace(/^#/, '') : ''); });
    }),
    /** Articles to suggest for the host's current screen: words to search for, or article ids. */
    suggest: guard('suggest', function (what) {
      var list = Array.isArray(what) ? what : what === undefined || what === null ? [] : [what];
      var ids = list.filter(function (x) { return typeof x === 'number' || /^\d+$/.test(x); });
      var words = list.filter(function (x) { return typeof x === 'string' && !/^\d+$/.test(x); });
      if (ids.length + words.length !== list.length || (ids.length && words.length)) {
        warn('suggest(): pass words ("linkedin disconnected") or article ids ([503, 202]), not both or other things');
      }
      suggestion = ids.length ? { ids: ids.map(Number).slice(0, LIMIT) } : words.length ? { query: words.join(' ') } : null;
      if (isOpen) showSuggestions();
    }),
    close: guard('close', function () {
      hide(document.activeElement === host); // focus was in the panel: back to the launcher
    }),
    /** Calls fn(detail) on an event: opened, closed, searched, articleshown. Returns a function that stops it. */
    on: guard('on', function (name, fn) {
      if (EVENTS.indexOf(name) < 0) return warn('on(): unknown event "' + name + '" (known: ' + EVENTS.join(', ') + ')');
      if (typeof fn !== 'function') return warn('on(): the handler must be a function');
      (listeners[name] = listeners[name] || []).push(fn);
      return function () { listeners[name] = listeners[name].filter(function (f) { return f !== fn; }); };
    })
  };
  api[S.callback] = receive;

  if (!S.version) return warn('this is the theme copy of the widget; embed the site\'s widget.js');
  window.KbWidget = api;
  function boot() {
    try {
      start();
    } catch (e) {
      warn('cannot start: ' + (e && e.message || e));
    }
    window.dispatchEvent(new CustomEvent('kbwidget:ready'));
  }
  if (document.body) boot(); else document.addEventListener('DOMContentLoaded', boot);
})({} /* kb:settings */);
