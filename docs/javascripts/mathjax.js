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

  // A link to a section (…/#18-1) scrolls there before the formulas around it
  // are typeset; typesetting changes their height, the section moves away,
  // and navigation.tracking then writes the section above into the address.
  // While the first formulas are typeset (until a second passes without a
  // change of size after MathJax's pass), the section is kept where the
  // browser put it (its scroll-margin) and the address as it was, unless the
  // reader scrolls, types, clicks or touches first.
  var release = function () {};
  var INPUT = ["wheel", "touchstart", "keydown", "mousedown"];
  function keep(typeset) {
    var hash = location.hash, target = null, content = document.querySelector(".md-content");
    try {
      target = hash && document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch (e) {  // a malformed address (#%E0): nothing to keep
    }
    if (!target || !content) return;
    var typesetDone = false, timer = null;
    function restore() {
      if (location.hash !== hash) history.replaceState(history.state, "", hash);
    }
    function settle() {
      clearTimeout(timer);
      if (typesetDone) timer = setTimeout(function () { restore(); release(); }, 1000);
    }
    var sizes = new ResizeObserver(function () {
      target.scrollIntoView();
      restore();
      settle();
    });
    sizes.observe(content);
    release = function () {
      sizes.disconnect();
      clearTimeout(timer);
      INPUT.forEach(function (type) { removeEventListener(type, release, true); });
      release = function () {};
    };
    INPUT.forEach(function (type) { addEventListener(type, release, { capture: true, passive: true }); });
    typeset.then(function () { typesetDone = true; settle(); }, release);
  }

  document$.subscribe(function () {
    release();
    // formulas typeset at build time (scripts/hooks/prerender_math.mjs) need nothing
    if (!document.querySelector(".arithmatex:not([data-prerendered])")) return;
    keep(load().then(function () {
      var mj = window.MathJax;
      mj.startup.output.clearCache();
      mj.typesetClear();
      mj.texReset();
      return mj.typesetPromise();
    }));
  });
})();
