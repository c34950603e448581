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
// takes focus (axe: scrollable-region-focusable). Checked again whenever a
// size changes.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset__table > table, .md-typeset pre > code").forEach(function (box) {
    new ResizeObserver(function () {
      if (box.scrollWidth > box.clientWidth) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    }).observe(box);
  });
});
