// The search worker Material starts on every page (overrides/main.html points
// Material's configuration here). It stays this small until the search index
// arrives, which happens only once the reader starts to search; then it loads
// Material's own worker, whose file name follows the "?" in this script's
// address, and hands it every message, each query cleaned up first.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;  // Material's message types
  var material = location.search.slice(1);
  var INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
  // punctuation and symbols closing a word, except the query operators * ~ ^ and a closing quote
  var TRAILING = /(?:(?![*~^"])[\p{P}\p{S}])+$/u;

  // Each query, before Material splits it: composed Hangul (NFC, as the pages
  // are written); no invisible characters (zero-width, bidi controls, soft
  // hyphen); full-width Latin letters, digits and punctuation as ASCII; no
  // punctuation at the end of a word (a trailing ":" made lunr read a field
  // name and lose the word); a fuzzy search of at most two edits (relu~9 took
  // seconds). Only the first 20 words and 200 characters are searched:
  // Material lists every unmatched word of the query under every result
  // (quadratic in the number of words) and segments Han characters in
  // quadratic time, so a pasted paragraph froze the search for seconds.
  function clean(query) {
    var words = query.normalize("NFC").replace(INVISIBLE, "")
      .replace(/[\uFF01-\uFF5E]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .split(/\s+/).map(function (w) { return w.replace(TRAILING, "").replace(/~(?:[3-9]|\d\d+)$/, "~2"); })
      .filter(Boolean);
    return Array.from(words.slice(0, 20).join(" ")).slice(0, 200).join("");
  }

  // Material's worker listens to "message" on this global: messages from the
  // page stop here and are passed on as new events, which this listener,
  // registered first, lets through.
  var passing = false;
  function pass(data) {
    passing = true;
    try {
      dispatchEvent(new MessageEvent("message", { data: data }));
    } finally {
      passing = false;
    }
  }
  // Results come grouped by page, the pages in the order of their best
  // section. A page that mentions a topic in one heading then came before the
  // page that answers it (`multiple gpus` found question 16 before 20): pages
  // are ordered by the sum of their sections' scores instead, so a page that
  // matches in many places comes first. But a page whose question or
  // sub-question title holds every word of the query answers it, however
  // often another page mentions those words ("CNN과 MLP 차이": 19-1 "CNN이
  // 아닌 MLP로 해도 잘 될까?", not question 18, which uses both words more):
  // such pages come first, in the same order among themselves.
  var TITLED = /\/(?:#\d+-\d+)?$/;  // a page (its H1) or a sub-question (#12-1); not other headings
  function plain(title) {  // as lunr.ko's norm(): lower case, letters, digits and Hangul only
    return title.replace(/<[^>]*>/g, "").toLowerCase().replace(/[^a-z0-9\u3131-\u318E\uAC00-\uD7A3]+/g, "");
  }
  function content(terms) {
    var ko = self.lunr && self.lunr.ko;
    // Words that ask what about a topic ("차이", "종류", "vs") need not be in
    // the title (lunr.ko.intent).
    return Object.keys(terms || {}).filter(function (t) {
      return !(ko && ko.intent ? ko.intent(t) : t.length < 2);
    }).map(function (t) {
      return ko && ko.equivalents ? ko.equivalents(t) : [plain(t)];
    });
  }
  function titled(group) {
    var words = content(group[0] && group[0].terms);
    if (!words.length) return false;
    return group.some(function (item) {
      if (!TITLED.test(item.location)) return false;
      var title = plain(item.title);
      return words.every(function (forms) { return forms.some(function (w) { return title.indexOf(w) >= 0; }); });
    });
  }
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items)) {
      var total = function (group) { return group.reduce(function (sum, item) { return sum + item.score; }, 0); };
      message.data.items = message.data.items
        .map(function (group) { return { group: group, titled: titled(group), score: total(group) }; })
        .sort(function (a, b) { return (b.titled - a.titled) || (b.score - a.score); })
        .map(function (entry) { return entry.group; });
    }
    return post.apply(self, arguments);
  };

  var loaded = false;
  addEventListener("message", function (ev) {
    if (passing) return;
    ev.stopImmediatePropagation();
    var message = ev.data;
    if (message && message.type === SETUP && !loaded) {
      loaded = true;
      importScripts(material);  // relative to this file: Material's worker sits beside it
    }
    if (message && message.type === QUERY && typeof message.data === "string") {
      message = { type: QUERY, data: clean(message.data) };
    }
    pass(message);
  });
})();
