// Short links and old URLs: go to the article at once, keeping the link's ?query (a search's
// marks, kb-highlight.js) and #anchor.
(function () {
  var a = document.getElementById('kb-redirect-target');
  var target = a ? a.getAttribute('href') : document.querySelector('meta[http-equiv=refresh]').content.split('url=')[1];
  if (location.protocol === 'file:' && /\/$/.test(target)) target += 'index.html';
  location.replace(target + (location.search || '') + (location.hash || ''));
})();
