// Short links and old URLs: go to the article at once, keeping the link's ?query (a search's
// marks, kb-highlight.js) and #anchor.
// A short link at the root of a multilingual site lists the article in each language it has
// (<link rel=alternate hreflang>): go to the one the reader's browser prefers, else the default.
(function () {
  var a = document.getElementById('kb-redirect-target');
  var target = a ? a.getAttribute('href') : document.querySelector('meta[http-equiv=refresh]').content.split('url=')[1];
  var choices = Array.prototype.slice.call(document.querySelectorAll('link[rel=alternate][hreflang]'));
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  function pick(match) {
    for (var i = 0; i < wanted.length; i++) {
      for (var j = 0; j < choices.length; j++) {
        if (match(String(wanted[i]).toLowerCase(), choices[j].getAttribute('hreflang').toLowerCase())) return choices[j];
      }
    }
    return null;
  }
  var chosen = pick(function (w, c) { return w === c; })
    || pick(function (w, c) { return w.split('-')[0] === c.split('-')[0]; });
  if (chosen) target = chosen.getAttribute('href');
  if (location.protocol === 'file:' && /\/$/.test(target)) target += 'index.html';
  location.replace(target + (location.search || '') + (location.hash || ''));
})();
