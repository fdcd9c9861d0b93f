/*
 * kb serve: live reload and the build-error overlay. Served by `kb serve` at /__kb/live.js and
 * loaded only by preview builds; it is never written into the site.
 *
 * Events from /__kb/events: "hello" on connect (server session and build number: a tab that
 * missed a rebuild while disconnected reloads), "reload" after a good build, "error" with the
 * problems of a failed one, shown over the page until the next good build reloads it.
 */
(function () {
  'use strict';

  var RETRY_MS = 1000;
  var seen = null;
  var overlay = null;
  var focusBefore = null;

  function style(element, properties) {
    // CSSOM assignments are allowed under Content-Security-Policy: default-src 'self'.
    Object.keys(properties).forEach(function (name) { element.style[name] = properties[name]; });
    return element;
  }

  function element(tag, properties, text) {
    var e = style(document.createElement(tag), properties || {});
    if (text) { e.textContent = text; }
    return e;
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
      if (focusBefore && focusBefore.focus) { focusBefore.focus(); }
    }
  }

  function show(problems) {
    hide();
    focusBefore = document.activeElement;
    overlay = element('div', {
      position: 'fixed', top: '0', right: '0', bottom: '0', left: '0', zIndex: '2147483647',
      overflow: 'auto', background: 'rgba(15, 15, 20, 0.94)', color: '#f4f4f5',
      font: '16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif', padding: '2rem 1rem'
    });
    overlay.id = 'kb-build-error';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'kb-build-error-title');
    overlay.setAttribute('aria-describedby', 'kb-build-error-help');
    overlay.tabIndex = -1;

    var panel = element('div', { maxWidth: '60rem', margin: '0 auto' });
    var title = element('h2', { fontSize: '1.4rem', margin: '0 0 0.5rem', color: '#ffffff' },
        'The site has errors: the preview shows the last good build');
    title.id = 'kb-build-error-title';
    var help = element('p', { margin: '0 0 1rem' },
        'Fix ' + (problems.length === 1 ? 'this problem' : 'these ' + problems.length + ' problems') +
        ' and save: this page reloads by itself.');
    help.id = 'kb-build-error-help';
    var list = element('ol', { margin: '0 0 1.5rem', paddingLeft: '1.5rem' });
    list.className = 'kb-build-error-list';
    problems.forEach(function (problem) {
      var item = element('li', { margin: '0 0 0.75rem' });
      var where = problem.line > 0 ? problem.file + ':' + problem.line + ':' + Math.max(problem.column, 1) : problem.file;
      // Every property the theme may set on code is set here, so the location reads the same on any theme.
      item.appendChild(element('code', {
        display: 'block', color: '#fca5a5', background: 'transparent', border: '0', padding: '0',
        fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: '0.95rem', wordBreak: 'break-all'
      }, where));
      item.appendChild(element('span', { display: 'block' }, problem.message));
      if (problem.hint) {
        item.appendChild(element('span', { display: 'block', color: '#d4d4d8' }, problem.hint));
      }
      item.setAttribute('data-problem', problem.text);
      list.appendChild(item);
    });
    var dismiss = element('button', {
      font: 'inherit', padding: '0.4rem 1rem', border: '2px solid #f4f4f5', borderRadius: '4px',
      background: 'transparent', color: '#f4f4f5', cursor: 'pointer'
    }, 'Dismiss');
    dismiss.type = 'button';
    dismiss.addEventListener('click', hide);
    overlay.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { hide(); }
    });
    panel.appendChild(title);
    panel.appendChild(help);
    panel.appendChild(list);
    panel.appendChild(dismiss);
    overlay.appendChild(panel);
    document.body.appendChild(overlay);
    overlay.focus();
  }

  function connect() {
    var source = new EventSource('/__kb/events');
    source.addEventListener('hello', function (event) {
      var hello = JSON.parse(event.data);
      var id = hello.session + ':' + hello.build;
      if (seen !== null && seen !== id) {
        location.reload(); // a rebuild happened while this tab was disconnected
        return;
      }
      seen = id;
      if (!hello.failing) { hide(); }
    });
    source.addEventListener('reload', function () {
      location.reload();
    });
    source.addEventListener('error', function (event) {
      // A custom "error" event carries the build's problems; the EventSource's own error
      // event (connection lost) has no data.
      if (typeof event.data === 'string') {
        show(JSON.parse(event.data).problems);
      } else if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, RETRY_MS); // refused (the server restarting): try again
      }
    });
  }

  if (typeof EventSource === 'function') {
    connect();
  }
}());
