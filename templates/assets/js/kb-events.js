/* kb-events.js: the anonymous events `kb insights` reads back from the host's access log. Each is
 * one same-origin GET to the path in body[data-kb-events] (kb.insights.EventFormat): a search the
 * reader paused on, with its number of results; the rank of the result they chose; their answer
 * to "Was this helpful?" and, after "No", why. No cookie, no identifier, nothing kept in the
 * browser; nothing at all under Do-Not-Track or Global Privacy Control, or from file://.
 * It watches the search box and the results page from outside (their listbox and list), so a
 * build with `insights: off` drops this file and leaves no trace of events in the others. */
(function () {
  'use strict';
  var body = document.body;
  var endpoint = body.dataset.kbEvents;
  var nav = window.navigator || {};
  var declined = nav.doNotTrack === '1' || window.doNotTrack === '1' || nav.msDoNotTrack === '1'
    || nav.globalPrivacyControl === true;
  if (!endpoint || declined || !/^https?:$/.test(location.protocol)) return;
  // The format is kb.insights.EventFormat's, handed over by the build on this script's tag.
  var format;
  try {
    format = JSON.parse(document.currentScript.dataset.kbFormat);
  } catch (e) {
    return; // a theme that dropped the attribute: better no events than events kb cannot read
  }
  var P = format.params;
  var T = format.types;
  var PAUSE = 1000; // ms without typing before a search counts: no event per keystroke
  var lang = document.documentElement.lang || '';
  var kb = window.kb || {};

  /** Sends one event: pairs of [name, value], in order. */
  function send(pairs) {
    var url = endpoint + '?' + pairs.map(function (p) { return p[0] + '=' + encodeURIComponent(p[1]); }).join('&');
    // keepalive lets the request finish when the reader is already leaving for the chosen page;
    // no-store makes the same event twice reach the server twice.
    if (typeof fetch === 'function') {
      fetch(url, { credentials: 'omit', cache: 'no-store', keepalive: true, referrerPolicy: 'no-referrer' })
        .catch(function () { /* an event lost is fine; the page must never notice */ });
    } else {
      new Image().src = url;
    }
  }

  function clean(query) {
    // A cut between the halves of a surrogate pair would make encodeURIComponent throw.
    return (query || '').trim().replace(/\s+/g, ' ').slice(0, format.maxQuery).replace(/[\uD800-\uDBFF]$/, '');
  }

  /**
   * A search place (the header box, the results page): sends a search once the reader paused on
   * it, once per query; `shown` counts the results on screen, for a choice made before the pause.
   */
  function tracker(source, limit, shown) {
    var sent = null;
    var timer = null;
    function emit(query, count) {
      sent = query;
      send([[P.type, T.search], [P.query, query], [P.count, count], [P.lang, lang], [P.source, source]]);
    }
    function search(query) {
      query = clean(query);
      if (!query || query === sent || typeof kb.search !== 'function') return;
      kb.search(query, { limit: limit }).then(function (results) {
        if (sent !== query) emit(query, (results || []).length);
      }, function () { /* search failed to load: the reader saw no results list to count */ });
    }
    return {
      later: function (query) {
        clearTimeout(timer);
        timer = setTimeout(function () { search(query); }, PAUSE);
      },
      cancel: function () { clearTimeout(timer); },
      // A choice settles the search it came from at once, even before the pause ended: the
      // page is about to go, so nothing here may wait for a promise.
      chose: function (query, rank, url) {
        clearTimeout(timer);
        query = clean(query);
        if (!query) return;
        if (query !== sent) emit(query, shown());
        send([[P.type, T.choose], [P.query, query], [P.rank, rank], [P.url, url], [P.lang, lang], [P.source, source]]);
      }
    };
  }

  /** The chosen result's URL relative to the site root, without the reader's own address around it. */
  function sitePath(a) {
    var root = new URL(body.dataset.root || './', location.href).pathname;
    var path = new URL(a.href, location.href);
    return path.pathname.indexOf(root) === 0 ? path.pathname.slice(root.length) + path.hash : path.pathname;
  }

  // The header box (kb-searchbox.js): its options, in order, are the results; "See all" is not one.
  var boxInput = document.getElementById('kb-search-input');
  var boxList = document.getElementById('kb-search-results');
  if (boxInput && boxList) {
    var boxResults = function () {
      return Array.prototype.filter.call(boxList.querySelectorAll('[role="option"]'), function (o) {
        return !o.classList.contains('search-all');
      });
    };
    var box = tracker('box', 8, function () { return boxResults().length; });
    var boxChoice = function (option) {
      if (!option || option.classList.contains('search-all')) return;
      var rank = boxResults().indexOf(option) + 1;
      if (rank > 0) box.chose(boxInput.value, rank, sitePath(option));
    };
    boxInput.addEventListener('input', function () { box.later(boxInput.value); });
    // Enter on a highlighted option: capture runs before the box navigates away.
    document.addEventListener('keydown', function (e) {
      if (e.target !== boxInput || e.key !== 'Enter' || e.isComposing) return;
      var active = boxInput.getAttribute('aria-activedescendant');
      if (active) boxChoice(document.getElementById(active));
      else box.cancel(); // the form goes to the results page, which counts this search itself
    }, true);
    boxList.addEventListener('click', function (e) { boxChoice(e.target.closest('[role="option"]')); });
    boxList.addEventListener('auxclick', function (e) { boxChoice(e.target.closest('[role="option"]')); });
  }

  // The results page (kb-searchpage.js): one entry per page, its section links share its rank.
  var pageList = document.getElementById('search-page-results');
  if (pageList) {
    var pageQuery = new URLSearchParams(location.search).get('q') || '';
    var page = tracker('page', 50, function () { return pageList.children.length; });
    page.later(pageQuery);
    var pageChoice = function (e) {
      var a = e.target.closest('a[href]');
      var entry = a && a.closest('#search-page-results > li');
      if (!entry) return;
      page.chose(pageQuery, Array.prototype.indexOf.call(pageList.children, entry) + 1, sitePath(a));
    };
    pageList.addEventListener('click', pageChoice);
    pageList.addEventListener('auxclick', pageChoice);
  }

  // "Was this helpful?": shown only now, since only now can the answer be sent. The box keeps its
  // place while hidden (visibility, not display), so showing it moves nothing on the page.
  document.querySelectorAll('.kb-feedback[data-kb-feedback]').forEach(function (control) {
    var rated = control.dataset.kbFeedback;
    var thanks = control.querySelector('.kb-feedback-thanks');
    var more = control.querySelector('.kb-feedback-no');
    var voted = false;
    var explained = false;
    control.classList.add('kb-feedback-ready');
    // Buttons stay enabled (disabling the focused one would drop keyboard focus); a second
    // press changes nothing: one answer per reader and page view.
    var press = function (selector, chosen) {
      control.querySelectorAll(selector).forEach(function (b) { b.setAttribute('aria-pressed', String(b === chosen)); });
    };
    control.addEventListener('click', function (e) {
      var button = e.target.closest('button');
      if (!button) return;
      if (button.dataset.vote && !voted) {
        voted = true;
        send([[P.type, T.vote], [P.page, rated], [P.vote, button.dataset.vote], [P.lang, lang]]);
        press('.kb-feedback-vote', button);
        thanks.textContent = window.kb.ui.t('feedback.thanks');
        if (button.dataset.vote === format.no && more) {
          more.hidden = false;
          var first = more.querySelector('button');
          if (first) first.focus();
        }
      } else if (button.dataset.reason && voted && !explained) {
        explained = true;
        send([[P.type, T.reason], [P.page, rated], [P.why, button.dataset.reason], [P.lang, lang]]);
        press('.kb-feedback-reason', button);
        thanks.textContent = window.kb.ui.t('feedback.thanks_why');
      }
    });
  });
})();
