// Material's search overlay has role="dialog" but no accessible name; give it
// the search box's own label (axe: aria-dialog-name). The header is never
// replaced by instant navigation, so once is enough.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector(".md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
})();

// Material wraps tables in a box that scrolls sideways when the table is wider
// than the screen, and a table can scroll inside itself when a cell holds a
// wide formula; code blocks scroll too. A keyboard user can only scroll what
// takes focus (axe: scrollable-region-focusable). One observer for all, every
// size read before any attribute changes (no layout between reads).
document$.subscribe(function () {
  var observer = new ResizeObserver(function (entries) {
    var wide = entries.map(function (e) { return e.target.scrollWidth > e.target.clientWidth; });
    entries.forEach(function (e, i) {
      if (wide[i] !== e.target.hasAttribute("tabindex")) {
        if (wide[i]) e.target.setAttribute("tabindex", "0");
        else e.target.removeAttribute("tabindex");
      }
    });
  });
  document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table > table, .md-typeset pre > code").forEach(function (box) {
    observer.observe(box);
  });
});
