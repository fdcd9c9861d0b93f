/* kb-ui.js: what every page shares. Links that also work when the site is opened from disk,
 * tables that scroll sideways on a phone, one live region for announcements, and the few DOM
 * helpers the other UI modules use (window.kb.ui). Runs deferred, so the page is parsed. */
(function () {
  'use strict';
  var kb = window.kb = window.kb || {};
  var body = document.body;
  var fromDisk = location.protocol === 'file:';
  var live;

  document.documentElement.classList.add('js');

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

  /** A relative link to a folder, made to work from disk, where a folder does not open its index.html. */
  function diskHref(href) {
    if (!fromDisk || !href || /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href)) return href;
    var split = /^([^?#]*)(.*)$/.exec(href);
    var path = split[1];
    if (/(^|\/)\.\.?$/.test(path)) path += '/';
    return /\/$/.test(path) ? path + 'index.html' + split[2] : href;
  }

  /** An href for a URL relative to the site root (e.g. "faq/#x"), usable from this page. */
  function siteHref(url) {
    if (typeof kb.href === 'function') return kb.href(url);
    return diskHref((body.dataset.root || '') + url) || './';
  }

  /**
   * The href of a search result: the page, carrying the query in ?h= so the page marks what it
   * matched (kb-highlight.js), then the result's #anchor.
   */
  function resultHref(url, query) {
    var at = url.indexOf('#');
    return siteHref(at < 0 ? url : url.slice(0, at)) + '?h=' + encodeURIComponent(query) + (at < 0 ? '' : url.slice(at));
  }

  /** The absolute, shareable URL of this page (from the configured base URL), with an optional #id. */
  function pageUrl(id) {
    return (body.dataset.baseUrl || '') + (body.dataset.path || '') + (id ? '#' + id : '');
  }

  /** Says something to screen-reader users without moving focus. */
  function announce(message) {
    if (!live) {
      live = el('div', { id: 'kb-live', 'class': 'visually-hidden', role: 'status', 'aria-live': 'polite' });
      body.appendChild(live);
    }
    // Clear first, so the same words said twice are announced twice.
    live.textContent = '';
    setTimeout(function () { live.textContent = message; }, 60);
  }

  /** Text with the words matching the query in <mark>, as DOM nodes (never markup). */
  function highlighted(text, query) {
    var fragment = document.createDocumentFragment();
    var segments = typeof kb.highlight === 'function' ? kb.highlight(text || '', query) : [{ text: text || '', match: false }];
    segments.forEach(function (s) {
      fragment.appendChild(s.match ? el('mark', { text: s.text }) : document.createTextNode(s.text));
    });
    return fragment;
  }

  var strings = null;

  /**
   * The theme's words in the page's language (templates/i18n/, written into the page's kb-strings
   * block by the build): the text of key with {0}, {1} ... replaced by args.
   */
  function t(key, args) {
    return parts(key, args).join('');
  }

  /** The same text as a list of strings and nodes, for el(): an argument may be an element. */
  function parts(key, args) {
    if (!strings) {
      var block = document.getElementById('kb-strings');
      try {
        strings = block ? JSON.parse(block.textContent) : {};
      } catch (e) {
        strings = {};
      }
    }
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    return text.split(/(\{\d\})/).filter(function (p) { return p !== ''; }).map(function (p) {
      var m = /^\{(\d)\}$/.exec(p);
      return m && args && args[m[1]] !== undefined && args[m[1]] !== null
        ? (typeof args[m[1]] === 'object' ? args[m[1]] : String(args[m[1]])) : p;
    });
  }

  /** Where to turn when search finds nothing: the FAQ and the support contacts from the footer. */
  function helpLinks(linkAttrs) {
    var list = el('ul', {}, [
      el('li', {}, [el('a', Object.assign({ href: siteHref('faq/'), text: t('search.browse_faq') }, linkAttrs))])
    ]);
    var contacts = document.querySelector('#kb-support .support-contacts');
    if (contacts && contacts.children.length) {
      var copy = contacts.cloneNode(true);
      copy.querySelectorAll('a').forEach(function (a) {
        Object.keys(linkAttrs || {}).forEach(function (name) { a.setAttribute(name, linkAttrs[name]); });
      });
      list.appendChild(el('li', {}, [t('search.contact'), copy]));
    }
    return list;
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      var self = this, args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function fixLinksForDisk() {
    if (!fromDisk) return;
    document.querySelectorAll('a[href]').forEach(function (a) {
      var fixed = diskHref(a.getAttribute('href'));
      if (fixed !== a.getAttribute('href')) a.setAttribute('href', fixed);
    });
    document.querySelectorAll('form[action]').forEach(function (form) {
      form.setAttribute('action', diskHref(form.getAttribute('action')));
    });
  }

  // Wide tables scroll inside their own box instead of widening the page; a box that scrolls
  // must be reachable by keyboard, so it becomes a labelled, focusable region only when it does.
  function wrapTables() {
    document.querySelectorAll('main table').forEach(function (table) {
      if (table.parentNode.classList.contains('table-wrap')) return;
      var wrap = el('div', { 'class': 'table-wrap' });
      table.parentNode.insertBefore(wrap, table);
      wrap.appendChild(table);
    });
    var mark = function () {
      document.querySelectorAll('.table-wrap').forEach(function (wrap) {
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
          var caption = wrap.querySelector('caption');
          wrap.setAttribute('tabindex', '0');
          wrap.setAttribute('role', 'region');
          wrap.setAttribute('aria-label', caption ? caption.textContent.trim() : t('ui.table_scrolls'));
        } else if (wrap.getAttribute('role') === 'region') {
          wrap.removeAttribute('tabindex');
          wrap.removeAttribute('role');
          wrap.removeAttribute('aria-label');
        }
      });
    };
    mark();
    window.addEventListener('resize', debounce(mark, 150));
  }

  kb.ui = {
    fromDisk: fromDisk,
    el: el,
    diskHref: diskHref,
    siteHref: siteHref,
    resultHref: resultHref,
    pageUrl: pageUrl,
    announce: announce,
    highlighted: highlighted,
    helpLinks: helpLinks,
    debounce: debounce,
    t: t,
    parts: parts
  };

  fixLinksForDisk();
  wrapTables();
})();
