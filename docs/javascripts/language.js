// Language switch that lands on the same question, anchor included.
// Material's instant navigation swaps the page body but not the header, so the
// language menu would keep the links of the first page loaded; the <link
// rel="alternate"> tags in <head> are updated on every navigation, so the menu
// is re-pointed from them. A switch is a full page load: the other language has
// its own <html lang>, navigation and search index.
(function () {
  function target(lang) {
    var link = document.querySelector('head link[rel="alternate"][hreflang="' + lang + '"]');
    return link ? link.href.split("#")[0] + location.hash : null;
  }
  function repoint() {
    document.querySelectorAll(".md-select__link[hreflang]").forEach(function (a) {
      var href = target(a.getAttribute("hreflang"));
      if (href) a.href = href;
    });
  }
  document$.subscribe(repoint);
  window.addEventListener("hashchange", repoint);
  // Capture phase: runs before Material's click handlers, which would try an
  // instant (in-language) navigation.
  window.addEventListener("click", function (ev) {
    var a = ev.target instanceof Element && ev.target.closest(".md-select__link[hreflang]");
    if (!a || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.button !== 0) return;
    var href = target(a.getAttribute("hreflang"));
    if (!href) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    location.assign(href);
  }, true);
})();
