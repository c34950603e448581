// Loads the self-hosted MathJax only on pages that contain math, and typesets
// again after every instant navigation (Material swaps the page content without
// reloading, so MathJax's own start-up typesetting runs only once).
(function () {
  var src = new URL("../assets/mathjax/tex-chtml.js", document.currentScript.src).href;
  window.MathJax = {
    // Typeset a formula only when it scrolls into view: a long answer holds
    // hundreds, and typesetting them all up front blocked the main thread.
    loader: { load: ["ui/lazy"] },
    tex: {
      inlineMath: [["\\(", "\\)"]],
      displayMath: [["\\[", "\\]"]],
      processEscapes: true,
      processEnvironments: true
    },
    options: { ignoreHtmlClass: ".*|", processHtmlClass: "arithmatex" },
    startup: { typeset: false }
  };
  var ready = null;
  function load() {
    ready = ready || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }).then(function () { return window.MathJax.startup.promise; });
    return ready;
  }
  document$.subscribe(function () {
    // formulas typeset at build time (scripts/prerender_math.mjs) need nothing
    if (!document.querySelector(".arithmatex:not([data-prerendered])")) return;
    load().then(function () {
      var mj = window.MathJax;
      mj.startup.output.clearCache();
      mj.typesetClear();
      mj.texReset();
      return mj.typesetPromise();
    });
  });
})();
