// Search results in the reader's language only. mkdocs-static-i18n builds one
// search index holding both languages, and Korean pages are full of English
// terms, so an English query would list Korean pages first. Results whose
// address is in the other language (English lives under en/) are hidden, and
// the count above them is corrected.
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var t = config.translations;
  function english(href) { return href.indexOf(root + "en/") === 0; }
  function filter() {
    var list = document.querySelector(".md-search-result__list");
    var meta = document.querySelector(".md-search-result__meta");
    if (!list || !meta || !list.children.length) return;
    var here = english(location.href), shown = 0;
    Array.prototype.forEach.call(list.children, function (item) {
      var link = item.querySelector("a[href]");
      var keep = !link || english(link.href) === here;
      item.hidden = !keep;
      if (keep) shown++;
    });
    var text = shown === 0 ? t["search.result.none"]
      : shown === 1 ? t["search.result.one"]
      : t["search.result.other"].replace("#", shown);
    if (meta.textContent !== text) meta.textContent = text;  // (a change re-triggers the observer)
  }
  var results = document.querySelector(".md-search-result");
  if (results) new MutationObserver(filter).observe(results, { childList: true, subtree: true });
})();
