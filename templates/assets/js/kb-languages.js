/* kb-languages.js: the language switcher keeps the reader's place. A link to another language's
 * version of this page lists (data-kb-anchors) the section ids both versions share; when the
 * reader is at one of them (#anchor), the link takes them to the same section there. */
(function () {
  'use strict';
  var links = document.querySelectorAll('.language-switcher a[data-kb-anchors]');
  if (!links.length) return;

  function update() {
    var id = decodeURIComponent(location.hash.slice(1));
    links.forEach(function (a) {
      var href = a.getAttribute('href').replace(/#.*$/, '');
      var shared = a.getAttribute('data-kb-anchors').split(' ');
      a.setAttribute('href', id && shared.indexOf(id) >= 0 ? href + '#' + encodeURIComponent(id) : href);
    });
  }

  update();
  window.addEventListener('hashchange', update);
})();
