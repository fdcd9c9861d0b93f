/* kb-searchbox.js: the header search box as a WAI-ARIA combobox (APG "combobox with listbox
 * popup"): results as you type, "/" to focus, arrows to choose, Enter to open, Escape to close.
 * When the best hit is an FAQ question, its option shows the answer itself (an instant answer).
 * Everything is built with DOM methods: result text is data, never markup. Without JavaScript the
 * same form is a plain GET to the results page. Needs kb-ui.js and kb.search (kb-search.js). */
(function () {
  'use strict';
  var kb = window.kb;
  var ui = kb && kb.ui;
  var input = document.getElementById('kb-search-input');
  if (!ui || !input) return;
  var el = ui.el;
  var highlighted = ui.highlighted;
  var form = input.form;
  var popup = document.getElementById('kb-search-popup');
  var listbox = document.getElementById('kb-search-results');
  var emptyBox = document.getElementById('kb-search-empty');
  var status = document.getElementById('kb-search-status');
  var LIMIT = 8;
  var ANSWER_CHARS = 420;
  var latest = 0; // number of the newest query: answers to older ones are dropped
  var shownQuery = null;
  var options = [];
  var active = -1;

  input.setAttribute('aria-keyshortcuts', '/');

  function isOpen() { return !popup.hidden; }

  function open() {
    popup.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function close() {
    setActive(-1);
    popup.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  }

  function setActive(index) {
    if (options[active]) {
      options[active].classList.remove('active');
      options[active].setAttribute('aria-selected', 'false');
    }
    active = index;
    var option = options[active];
    if (option) {
      option.classList.add('active');
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function shorten(text, max) {
    if (!text || text.length <= max) return text || '';
    var cut = text.lastIndexOf(' ', max);
    return text.slice(0, cut > max * 0.6 ? cut : max).replace(/[\s,;:.]+$/, '') + '…';
  }

  function resultsPageHref(query) {
    return form.getAttribute('action') + '?q=' + encodeURIComponent(query);
  }

  function option(result, query, index) {
    var title = el('span', { 'class': 'option-title' }, [highlighted(result.title, query)]);
    if (result.section) {
      title.appendChild(el('span', { 'class': 'option-section' }, [' › ', highlighted(result.section, query)]));
    }
    return el('a', {
      role: 'option', id: 'kb-search-opt-' + index, 'class': 'search-option kind-' + (result.kind || 'article'),
      href: ui.resultHref(result.url, query), tabindex: '-1', 'aria-selected': 'false'
    }, [
      title,
      result.context ? el('span', { 'class': 'option-context', text: result.context }) : null,
      result.excerpt ? el('span', { 'class': 'option-excerpt' }, [highlighted(result.excerpt, query)]) : null
    ]);
  }

  // The instant answer: when the best hit is an FAQ question, its option shows the answer itself,
  // so the reader (and a screen reader reading the option) gets it without leaving the page.
  function answerOption(result, query) {
    return el('a', {
      role: 'option', id: 'kb-search-opt-0', 'class': 'search-option instant-answer kind-faq',
      href: ui.resultHref(result.url, query), tabindex: '-1', 'aria-selected': 'false'
    }, [
      el('span', { 'class': 'instant-label', text: ui.t('search.faq_answer') }),
      el('span', { 'class': 'option-title' }, [highlighted(result.title, query)]),
      el('span', { 'class': 'instant-text' }, [highlighted(shorten(result.answer, ANSWER_CHARS), query)]),
      el('span', { 'class': 'instant-more', text: ui.t('search.full_answer') })
    ]);
  }

  function renderEmpty(query, failed) {
    emptyBox.textContent = '';
    emptyBox.hidden = false;
    emptyBox.appendChild(el('p', { 'class': 'empty-title' }, failed
      ? [ui.t('search.unavailable')]
      : ui.parts('search.no_results_for', [el('q', { text: query })])));
    emptyBox.appendChild(el('p', { text: ui.t('search.try_other') }));
    // Ordinary links, reached with Tab: the popup stays open while focus is inside the form.
    emptyBox.appendChild(ui.helpLinks({}));
  }

  function render(query, results) {
    shownQuery = query;
    listbox.textContent = '';
    emptyBox.hidden = true;
    var answered = results.length > 0 && results[0].kind === 'faq' && !!results[0].answer;
    options = results.map(function (r, i) { return i === 0 && answered ? answerOption(r, query) : option(r, query, i); });
    if (results.length) {
      options.push(el('a', { role: 'option', id: 'kb-search-opt-all', 'class': 'search-option search-all',
        href: resultsPageHref(query), tabindex: '-1', 'aria-selected': 'false' }, ui.parts('search.see_all', [el('q', { text: query })])));
      options.forEach(function (o) { listbox.appendChild(o); });
    } else {
      renderEmpty(query, false);
    }
    active = -1;
    input.removeAttribute('aria-activedescendant');
    listbox.hidden = !results.length;
    open();
    var said = results.length === 0 ? ui.t('search.none_said')
      : ui.t(results.length === 1 ? 'search.one_said' : 'search.many_said', [results.length]);
    if (answered) said = ui.t('search.answer_said', [results[0].title, said]);
    status.textContent = said;
  }

  function run() {
    var query = input.value.trim();
    var mine = ++latest;
    if (!query) {
      shownQuery = null;
      close();
      status.textContent = '';
      return;
    }
    if (typeof kb.search !== 'function') return;
    kb.search(query, { limit: LIMIT }).then(function (results) {
      if (mine === latest && document.activeElement === input) render(query, results || []);
    }, function () {
      if (mine !== latest) return;
      listbox.textContent = '';
      options = [];
      listbox.hidden = true;
      renderEmpty(query, true);
      open();
    });
  }

  // Wait for a short pause in typing, as Pagefind's UI does (300 ms): a search per keystroke would
  // load index files for words the reader is still in the middle of.
  var runSoon = ui.debounce(run, 150);

  function move(step) {
    if (!options.length) return;
    var count = options.length;
    // From no active option, Down starts at the top and Up at the bottom; both wrap around.
    setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
  }

  input.addEventListener('input', runSoon);

  input.addEventListener('keydown', function (e) {
    if (e.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        e.preventDefault();
        if (!isOpen()) {
          if (shownQuery === input.value.trim() && shownQuery) open(); else run();
          return;
        }
        move(e.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        if (isOpen() && options[active]) {
          e.preventDefault();
          var href = options[active].href;
          close();
          location.assign(href);
        }
        break; // with no active option the form submits: the results page
      case 'Escape':
        if (isOpen()) {
          e.preventDefault();
          close();
        } else if (input.value) {
          e.preventDefault();
          input.value = '';
          run();
        }
        break;
      default:
        break;
    }
  });

  input.addEventListener('focus', function () {
    // Fetch the small search manifest while the reader starts typing.
    if (typeof kb.preload === 'function') kb.preload().catch(function () {});
    if (input.value.trim() && shownQuery === input.value.trim()) open();
  });

  // Click outside, or Tab away from the whole search form, closes the popup.
  document.addEventListener('pointerdown', function (e) {
    if (isOpen() && !form.contains(e.target)) close();
  });
  form.addEventListener('focusout', function (e) {
    if (isOpen() && !(e.relatedTarget && form.contains(e.relatedTarget))) close();
  });

  // "/" from anywhere that is not a text field.
  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
