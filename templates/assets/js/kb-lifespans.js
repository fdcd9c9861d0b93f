/* kb-lifespans.js: the token lifespans page. Sorts and filters the lookup table and runs the
 * expiry calculator with its calendar reminder (.ics). Everything it knows about networks comes
 * from the JSON the build writes into the page (#kb-lifespans-data), so a change to
 * networks.yaml reaches it; data text is only ever set as textContent.
 *
 * Dates are calendar dates counted in whole days (day numbers since 1970-01-01 in UTC), never
 * local milliseconds, so a daylight-saving change cannot move an expiry date by one. "Today" is
 * the reader's own date, in their time zone. Classic script: works from file:// and under
 * Content-Security-Policy default-src 'self'. */
(function () {
  'use strict';
  var DAY = 86400000;
  var REMIND_BEFORE = 7;
  var kb = window.kb = window.kb || {};
  var ui = kb.ui || {};
  var networks = readData();
  if (!networks) return;

  function readData() {
    var node = document.getElementById('kb-lifespans-data');
    if (!node) return null;
    try {
      var list = JSON.parse(node.textContent);
      return Array.isArray(list) ? list : null;
    } catch (e) {
      return null;
    }
  }

  /* ---------- small helpers ---------- */

  /** A new element; "text" sets textContent; children are nodes or strings (added as text). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function announce(message) {
    if (typeof ui.announce === 'function') ui.announce(message);
  }

  /** A link to a page of the site that also opens from disk (kb-ui.js knows how). */
  function pageHref(href) {
    return typeof ui.diskHref === 'function' ? ui.diskHref(href) : href;
  }

  /** The theme's words in the page's language (kb-ui.js reads them from the page). */
  function t(key, args) {
    return typeof ui.t === 'function' ? ui.t(key, args) : key;
  }

  /** The same, as strings and nodes for el(): an argument may be an element. */
  function tParts(key, args) {
    return typeof ui.parts === 'function' ? ui.parts(key, args) : [key];
  }

  /** "1 day", "60 days", as the data's own texts say it. */
  function days(n) {
    return n === 1 ? t('data.day', [n]) : t('data.days', [n]);
  }

  /* ---------- calendar dates ---------- */

  function dayNumber(y, m, d) {
    var date = new Date(0);
    date.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, keeps years below 100 as written
    return Math.round(date.getTime() / DAY);
  }

  function parts(day) {
    var date = new Date(day * DAY);
    return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  }

  /** "2026-01-10" as a day number, or null for anything that is not a real date. */
  function parseIso(text) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
    if (!match) return null;
    var y = Number(match[1]), m = Number(match[2]), d = Number(match[3]);
    var day = dayNumber(y, m, d);
    var back = parts(day);
    return back.y === y && back.m === m && back.d === d ? day : null;
  }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  function iso(day) {
    var p = parts(day);
    return pad(p.y, 4) + '-' + pad(p.m, 2) + '-' + pad(p.d, 2);
  }

  /** The reader's date today, in their own time zone. */
  function today() {
    var now = new Date();
    return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  var longDate = (function () {
    try {
      // The day number is midnight UTC, so format it in UTC: the calendar date, whatever the zone.
      var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
      return function (day) { return format.format(new Date(day * DAY)); };
    } catch (e) {
      return iso;
    }
  })();

  function timeEl(day) {
    return el('time', { datetime: iso(day), text: longDate(day) });
  }

  /* ---------- the table: sorting ---------- */

  var table = document.getElementById('lifespan-table');
  var body = table && table.tBodies[0];
  var rows = body ? Array.prototype.slice.call(body.rows) : [];
  var collator = typeof Intl !== 'undefined' ? new Intl.Collator(document.documentElement.lang || undefined,
    { sensitivity: 'base', numeric: true }) : null;

  function sortValue(row, column) {
    var cell = row.cells[column];
    return cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cell.textContent.trim();
  }

  function compareValues(a, b, type) {
    if (type === 'number') return Number(a) - Number(b);
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  }

  function sortRows(column, type, direction) {
    var order = new Map(rows.map(function (row, i) { return [row, i]; }));
    var sorted = rows.slice().sort(function (a, b) {
      var va = sortValue(a, column), vb = sortValue(b, column);
      // A row without a value (no inactivity rule, no role) stays last in either direction.
      if (va === '' || vb === '') {
        if (va !== vb) return va === '' ? 1 : -1;
        return order.get(a) - order.get(b);
      }
      var c = compareValues(va, vb, type);
      if (direction === 'descending') c = -c;
      return c || order.get(a) - order.get(b);
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  function setUpSorting() {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var type = th.getAttribute('data-sort');
      if (!type) return;
      var label = th.textContent.trim();
      var button = el('button', { type: 'button', 'class': 'sort-button' });
      while (th.firstChild) button.appendChild(th.firstChild);
      button.appendChild(el('span', { 'class': 'sort-icon', 'aria-hidden': 'true' }));
      th.appendChild(button);
      button.addEventListener('click', function () {
        var direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        headers.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', direction);
        sortRows(column, type, direction);
        announce(t('lifespans.sorted', [label, t(direction === 'ascending' ? 'lifespans.ascending' : 'lifespans.descending')]));
      });
    });
  }

  /* ---------- the table: filtering by any name of a network ---------- */

  function normal(text) {
    return String(text).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  /** Every way the start of a typed name may line up: from each word of each name, spaces dropped. */
  function nameKeys(network) {
    var keys = [];
    [network.id].concat(network.names || []).forEach(function (name) {
      var words = normal(name).split(' ');
      for (var i = 0; i < words.length; i++) keys.push(words.slice(i).join(''));
    });
    return keys;
  }

  var keysById = {};
  networks.forEach(function (n) { keysById[n.id] = nameKeys(n); });

  /** True when any comma-separated part of the query starts a word of one of the network's names. */
  function matches(id, query) {
    var keys = keysById[id] || [];
    return query.split(',').map(function (part) { return normal(part).replace(/ /g, ''); })
      .filter(Boolean)
      .some(function (part) { return keys.some(function (key) { return key.indexOf(part) === 0; }); });
  }

  function setUpFilter() {
    var input = document.getElementById('network-filter');
    var box = document.querySelector('.table-filter');
    var status = document.getElementById('network-filter-status');
    var empty = document.querySelector('.filter-empty');
    if (!input || !box) return;
    box.hidden = false;
    var apply = function () {
      var query = input.value;
      var shown = 0;
      rows.forEach(function (row) {
        var show = !normal(query) || matches(row.id, query);
        row.hidden = !show;
        if (show) shown++;
      });
      if (status) {
        status.textContent = !normal(query) ? ''
          : t('lifespans.showing', [shown, rows.length]);
      }
      if (empty) {
        empty.hidden = shown > 0;
        empty.textContent = shown > 0 ? '' : t('lifespans.no_match', [query.trim()]);
      }
    };
    input.addEventListener('input', apply);
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && input.value) {
        input.value = '';
        apply();
      }
    });
    if (input.value) apply();
  }

  /* ---------- the calendar reminder (RFC 5545) ---------- */

  /** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11). */
  function icsText(value) {
    return String(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n');
  }

  function utf8Length(ch) {
    var c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }

  /** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1). */
  function fold(line) {
    var out = [];
    var current = '';
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var bytes = utf8Length(ch);
      if (size + bytes > 75) {
        out.push(current);
        current = ' ';
        size = 1;
      }
      current += ch;
      size += bytes;
    });
    out.push(current);
    return out.join('\r\n');
  }

  function stamp(date) {
    return date.getUTCFullYear() + pad(date.getUTCMonth() + 1, 2) + pad(date.getUTCDate(), 2) + 'T'
      + pad(date.getUTCHours(), 2) + pad(date.getUTCMinutes(), 2) + pad(date.getUTCSeconds(), 2) + 'Z';
  }

  function compact(day) {
    return iso(day).replace(/-/g, '');
  }

  function siteBase() {
    return document.body.getAttribute('data-base-url') || '';
  }

  function host() {
    var match = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(siteBase());
    return match ? match[1] : 'kb.invalid';
  }

  /** A calendar with one all-day event on {@code remind}, for a token that ends on {@code expiry}. */
  function calendar(network, connected, expiry, remind) {
    var pageUrl = siteBase() ? siteBase() + 'lifespans/#' + network.id : '';
    var description = t('calc.ics_description', [network.name, longDate(connected), longDate(expiry), network.lifespanText]);
    if (network.inactivityDays) {
      description += '\n' + t('calc.ics_inactivity', [network.name, days(network.inactivityDays), network.activity]);
    }
    if (pageUrl) description += '\n' + pageUrl;
    var lines = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//kb//Token lifespans//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:' + network.id + '-' + compact(connected) + '-token-reminder@' + host(),
      'DTSTAMP:' + stamp(new Date()),
      'DTSTART;VALUE=DATE:' + compact(remind),
      'DTEND;VALUE=DATE:' + compact(remind + 1),
      'SUMMARY:' + icsText(t('calc.ics_summary', [network.name, longDate(expiry)])),
      'DESCRIPTION:' + icsText(description)
    ];
    if (pageUrl) lines.push('URL:' + pageUrl);
    lines.push('TRANSP:TRANSPARENT',
      'BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:' + icsText(t('calc.ics_alarm', [network.name])), 'TRIGGER:PT9H',
      'END:VALARM', 'END:VEVENT', 'END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
  }

  /* ---------- the calculator ---------- */

  function daysLeftText(left) {
    if (left > 1) return t('calc.days_left', [left]);
    if (left === 1) return t('calc.tomorrow');
    if (left === 0) return t('calc.today');
    return left === -1 ? t('calc.yesterday') : t('calc.expired_ago', [-left]);
  }

  function heading(network) {
    var name = network.url ? el('a', { href: pageHref(network.url), text: network.name }) : network.name;
    return el('h3', { 'class': 'calc-network' }, [name]);
  }

  function card(network, connected, now) {
    var item = el('div', { 'class': 'calc-card', 'data-network': network.id, 'data-renewal': network.renewal });
    item.appendChild(heading(network));
    if (network.renewal !== 'fixed' || !network.lifespanDays) {
      item.appendChild(el('p', { 'class': 'calc-expiry calc-no-expiry' }, [
        el('strong', { text: t('calc.no_expiry', [network.name]) }),
        // "the token no expiration date" would not be a sentence; the notes say what follows from it.
        network.renewal === 'on-use' ? t('calc.on_use', [network.lifespanText]) : t('calc.no_expiry_end')]));
      if (network.notes) item.appendChild(el('p', { 'class': 'calc-note', text: network.notes }));
      return item;
    }
    var expiry = connected + network.lifespanDays;
    var left = expiry - now;
    item.appendChild(el('p', { 'class': 'calc-expiry' },
      tParts(left < 0 ? 'calc.expired_on' : 'calc.expires_on', [el('strong', {}, [timeEl(expiry)])])));
    item.appendChild(el('p', { 'class': 'calc-left' + (left < 0 ? ' calc-expired' : ''), 'data-days-left': left,
      text: daysLeftText(left) }));
    if (network.inactivityDays) {
      var idle = connected + network.inactivityDays;
      item.appendChild(el('p', { 'class': 'calc-inactivity' }, [el('strong', { text: t('calc.sooner') }), ' ']
        .concat(tParts(idle < now ? 'calc.idle_ended' : 'calc.idle_ends',
          [network.name, days(network.inactivityDays), network.activity, timeEl(idle)]))));
    }
    if (left >= 0) {
      var remind = Math.max(expiry - REMIND_BEFORE, now);
      var ics = calendar(network, connected, expiry, remind);
      var link = el('a', {
        'class': 'calc-reminder-link',
        href: 'data:text/calendar;charset=utf-8,' + encodeURIComponent(ics),
        download: network.id + '-token-reminder.ics',
        text: t('calc.reminder')
      });
      item.appendChild(el('p', { 'class': 'calc-reminder' }, [link, ' ']
        .concat(tParts(remind === expiry - REMIND_BEFORE ? 'calc.reminder_week' : 'calc.reminder_soon', [timeEl(remind)]))));
    }
    return item;
  }

  function setUpCalculator() {
    var form = document.querySelector('.calc-form');
    var select = document.getElementById('calc-network');
    var input = document.getElementById('calc-connected');
    var result = document.getElementById('calc-result');
    if (!form || !select || !input || !result) return;
    var note = document.querySelector('#calculator .noscript-note');
    if (note) note.hidden = true;
    form.hidden = false;
    form.addEventListener('submit', function (event) { event.preventDefault(); });

    // A link such as lifespans/?network=linkedin&connected=2026-01-10#calculator opens filled in.
    var params = new URLSearchParams(location.search);
    if (params.get('network') && networks.some(function (n) { return n.id === params.get('network'); })) {
      select.value = params.get('network');
    }
    input.value = parseIso(params.get('connected')) !== null ? params.get('connected') : iso(today());

    var render = function () {
      var now = today();
      var connected = parseIso(input.value);
      result.textContent = '';
      if (connected === null) {
        result.appendChild(el('p', { 'class': 'calc-error', text: t('calc.enter_date', [iso(now)]) }));
        return;
      }
      if (connected > now) {
        result.appendChild(el('p', { 'class': 'calc-note', text: t('calc.future') }));
      }
      networks.filter(function (n) { return !select.value || n.id === select.value; })
        .forEach(function (n) { result.appendChild(card(n, connected, now)); });
    };
    var changed = function () {
      render();
      remember(select.value, input.value);
    };
    select.addEventListener('change', changed);
    input.addEventListener('change', changed);
    input.addEventListener('input', changed);
    render();
  }

  /** Puts the choice in the address, so the reader can bookmark it or support can paste it. */
  function remember(network, connected) {
    var params = new URLSearchParams();
    if (network) params.set('network', network);
    if (parseIso(connected) !== null) params.set('connected', connected);
    var query = params.toString();
    try {
      history.replaceState(history.state, '', (query ? '?' + query : location.pathname) + location.hash);
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from disk; nothing is lost.
    }
  }

  if (table && body) {
    setUpSorting();
    setUpFilter();
  }
  setUpCalculator();
})();
