// Material's search overlay has role="dialog" but no accessible name; give it
// the search box's own label (axe: aria-dialog-name). The header is never
// replaced by instant navigation, so once is enough.
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector(".md-search__input");
  if (dialog && input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
})();
