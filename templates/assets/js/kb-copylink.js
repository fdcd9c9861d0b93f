/* kb-copylink.js: copy-link buttons. Every a.kb-anchor (article headings, FAQ answers) copies the
 * absolute URL of its target (base URL + page path + #id), so a link pasted into a ticket works
 * wherever the reader opened the page (a preview, a file on disk). The article's short link gets
 * a Copy button. Where the clipboard API is missing or refused, the URL is shown selected for a
 * manual copy. Needs kb-ui.js. */
(function () {
  'use strict';
  var ui = window.kb && window.kb.ui;
  if (!ui) return;

  function copyWithCommand(text) {
    var field = ui.el('textarea', { 'class': 'copy-scratch', readonly: true, 'aria-hidden': 'true' });
    field.value = text;
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    field.remove();
    return ok;
  }

  /** Resolves true when the text is on the clipboard, false when the reader must copy it by hand. */
  function copy(text) {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return copyWithCommand(text); });
    }
    return Promise.resolve(copyWithCommand(text));
  }

  // Last resort: the URL in a selected field beside the button, so Ctrl+C (or a long press) copies it.
  function offerManualCopy(near, text) {
    var old = document.querySelector('.copy-manual');
    if (old) old.remove();
    var field = ui.el('input', { type: 'text', readonly: true, 'class': 'copy-manual-field', 'aria-label': ui.t('copy.field'), value: text });
    var box = ui.el('span', { 'class': 'copy-manual' }, [field, ui.el('span', { 'class': 'copy-manual-hint', text: ui.t('copy.manual') })]);
    near.insertAdjacentElement('afterend', box);
    // After the click's own jump to the #anchor, which would otherwise take the focus back.
    setTimeout(function () {
      field.focus();
      field.select();
      field.addEventListener('blur', function () { setTimeout(function () { box.remove(); }, 200); });
      ui.announce(ui.t('copy.selected'));
    }, 0);
  }

  function confirm(button, text, message) {
    var label = button.querySelector('.copy-label');
    button.setAttribute('data-copied', message); // the CSS shows it beside a heading's anchor
    if (label) label.textContent = ui.t('copy.copied');
    clearTimeout(button.kbCopyTimer);
    button.kbCopyTimer = setTimeout(function () {
      button.removeAttribute('data-copied');
      if (label) label.textContent = ui.t('copy.copy');
    }, 2000);
    ui.announce(message);
    document.dispatchEvent(new CustomEvent('kb:copied', { detail: { text: text } }));
  }

  function copyFrom(button, text, message) {
    copy(text).then(function (ok) {
      if (ok) confirm(button, text, message);
      else offerManualCopy(button, text);
    });
  }

  // Heading and FAQ anchors: the click still moves to the section (the address bar shows it) and
  // also copies its absolute URL.
  document.querySelectorAll('a.kb-anchor').forEach(function (a) {
    var href = a.getAttribute('href') || '';
    var id = href.indexOf('#') >= 0 ? decodeURIComponent(href.slice(href.indexOf('#') + 1)) : '';
    if (!id) return;
    a.setAttribute('data-copy-url', ui.pageUrl(id));
    a.addEventListener('click', function () {
      copyFrom(a, a.getAttribute('data-copy-url'), ui.t('copy.link_copied'));
    });
  });

  document.querySelectorAll('a.short-link[data-copy]').forEach(function (link) {
    var button = ui.el('button', { type: 'button', 'class': 'copy-button', 'data-copy-url': link.getAttribute('data-copy'),
      'aria-label': ui.t('copy.short') }, [ui.el('span', { 'class': 'copy-label', text: ui.t('copy.copy') })]);
    link.insertAdjacentElement('afterend', button);
    button.addEventListener('click', function () {
      copyFrom(button, button.getAttribute('data-copy-url'), ui.t('copy.short_copied'));
    });
  });

  window.kb.copyText = copy;
})();
