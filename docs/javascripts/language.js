// Language switch that lands on the same question, anchor included.
// Every page exists in both languages under the same path, Korean at the site
// root and English under en/ (the tests check this), so the other language's
// page is computed from the current address. Material's instant navigation
// swaps the page body but not the header, so the menu's own links would stay
// those of the first page loaded; they are re-pointed on every navigation. A
// switch is a full page load: the other language has its own <html lang> and
// navigation.
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).href;
  var english = /^en(\/|$)/;
  function target(lang) {
    // the 404 page (overrides/404.html): a missing address has no counterpart
    if (document.querySelector("[data-not-found]")) return root + (lang === "en" ? "en/" : "");
    var url = new URL(location.href);
    var path = url.href.slice(root.length).split("#")[0];
    if (url.href.indexOf(root) !== 0) return null;
    path = path.replace(english, "");
    return root + (lang === "en" ? "en/" + path : path) + url.hash;
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
