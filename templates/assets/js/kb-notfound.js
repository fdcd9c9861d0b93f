/* kb-notfound.js: the 404 page suggests the pages its address was probably meant for, by
 * searching the words of the address (an old "linkedin/token-expiry/" finds the article about
 * LinkedIn token expiry). Needs kb-ui.js and kb-search.js. */
(function () {
  'use strict';
  var kb = window.kb;
  var ui = kb && kb.ui;
  var box = document.getElementById('kb-notfound-suggestions');
  if (!ui || !box || typeof kb.search !== 'function') return;
  var root = document.body.dataset.root || '/';
  var path = location.pathname;
  if (path.indexOf(root) === 0) path = path.slice(root.length);
  var words;
  try {
    words = decodeURIComponent(path);
  } catch (e) {
    words = path;
  }
  words = words.replace(/(?:index)?\.html?$/, '').split(/[\/\-_.+\s]+/).filter(function (w) {
    return w && !/^\d+$/.test(w);
  }).join(' ');
  if (!words) return;
  kb.search(words, { limit: 5 }).then(function (results) {
    if (!results.length) return;
    var list = box.querySelector('ul');
    results.forEach(function (r) {
      list.appendChild(ui.el('li', {}, [ui.el('a', { href: ui.siteHref(r.url), text: r.section ? r.title + ' › ' + r.section : r.title })]));
    });
    box.hidden = false;
  }, function () { /* no suggestions: the page still offers search and the home page */ });
})();
