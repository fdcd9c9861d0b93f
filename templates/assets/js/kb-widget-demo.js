/* kb-widget-demo.js: the widget demo page's stand-in for a product's own code: it opens the widget
 * with a search, at an article's section or with suggestions, and lists the events it gets back.
 * Works whenever widget.js arrives (it loads async). */
(function () {
  'use strict';
  function widget(then) {
    if (window.KbWidget) then(window.KbWidget);
    else window.addEventListener('kbwidget:ready', function () { then(window.KbWidget); }, { once: true });
  }
  var list = document.getElementById('kb-demo-events');
  widget(function (w) {
    ['opened', 'closed', 'searched', 'articleshown'].forEach(function (name) {
      w.on(name, function (detail) {
        var item = document.createElement('li');
        item.textContent = name + (detail && detail.query ? ': ' + detail.query : detail && detail.title ? ': ' + detail.title : '');
        list.appendChild(item);
      });
    });
  });
  var ask = document.getElementById('kb-demo-ask');
  ask.addEventListener('submit', function (e) {
    e.preventDefault();
    var query = document.getElementById('kb-demo-query').value;
    widget(function (w) { w.open({ query: query }); });
  });
  var article = document.getElementById('kb-demo-article');
  if (article) {
    article.addEventListener('click', function () {
      widget(function (w) { w.article(Number(article.dataset.id), article.dataset.anchor); });
    });
  }
  var suggest = document.getElementById('kb-demo-suggest');
  if (suggest) {
    suggest.addEventListener('click', function () {
      widget(function (w) { w.suggest(suggest.dataset.words); w.open({ query: '' }); }); // an empty search box shows them
    });
  }
})();
