// Practice mode's part on every page a reader with progress sees, and on the
// practice page (overrides/main.html loads it there; a new reader's first view
// goes without it): a few KB, and no request unless the page is the practice page. It reads the progress in localStorage (written by
// practice.js, keyed by card id, shared by both languages) to fill the
// question page's state line (its placeholder comes in the HTML from
// scripts/hooks/hook_practice_cards.py, so nothing moves) and the home page's summary
// for a returning reader; on the practice page it loads ts-fsrs and
// practice.js. Runs again after every instant navigation (document$).
(function () {
  var KEY = "dl-interview.practice";
  var root = new URL("../", document.currentScript.src);
  var T = {
    ko: {
      fresh: "새 질문", due: "오늘 복습할 카드 {n}장", next: "카드 {n}장 중 {s}장 연습함 · 다음 복습 {d}", learned: "학습함 · 다음 복습 {d}",
      summary: "연습 현황", seen: "본 카드 {n}장", today: "오늘 복습 {n}장", done: "학습함 {n}장", review: "오늘 복습"
    },
    en: {
      fresh: "New", due: "Cards due today: {n}", next: "Practised {s} of {n} cards · next review {d}", learned: "Learned · next review {d}",
      summary: "Practice so far", seen: "Cards seen: {n}", today: "due today: {n}", done: "learned: {n}", review: "Review now"
    }
  };
  function lang() { return document.documentElement.lang === "en" ? "en" : "ko"; }
  function fill(s, v) { return s.replace(/\{(\w)\}/g, function (_, k) { return v[k]; }); }
  function progress() {
    try {
      var s = JSON.parse(localStorage.getItem(KEY));
      return s && (s.version === 1 || s.version === 2) && s.cards && typeof s.cards === "object" ? s.cards : {};
    } catch (e) { return {}; }
  }
  function endOfToday() { var d = new Date(); d.setHours(23, 59, 59, 999); return d; }
  // "due today": due by the end of the reader's local day, except a card in a
  // learning step (FSRS Learning, Relearning), due only once its minutes have run
  function isDue(c, now) {
    var due = new Date(c.due);
    return c.state === 1 || c.state === 3 ? due <= now : due <= endOfToday();
  }
  // the year only when it is not this one
  function day(date, l) {
    var o = { month: "short", day: "numeric" };
    if (date.getFullYear() !== new Date().getFullYear()) o.year = "numeric";
    return date.toLocaleDateString(l === "en" ? "en-GB" : "ko-KR", o);
  }
  // counts over the given card ids (all stored ones when ids is omitted)
  function summary(cards, ids) {
    var now = new Date(), out = { seen: 0, due: 0, learned: 0, next: null };
    (ids || Object.keys(cards)).forEach(function (id) {
      var c = cards[id], due = new Date(c.due);
      out.seen++;
      if (isDue(c, now)) out.due++;
      else {
        if (c.state === 2) out.learned++;
        if (!out.next || due < out.next) out.next = due;
      }
    });
    return out;
  }
  var scripts = {};
  function script(src) {
    scripts[src] = scripts[src] || new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { delete scripts[src]; reject(new Error(src)); };
      document.head.appendChild(s);
    });
    return scripts[src];
  }
  window.__practice = { KEY: KEY, root: root, lang: lang, progress: progress, summary: summary, isDue: isDue };

  document$.subscribe(function () {
    var l = lang(), t = T[l], cards = progress();
    var line = document.querySelector(".practice-line[data-practice-q]");
    if (line) {
      var q = line.getAttribute("data-practice-q");
      var mine = Object.keys(cards).filter(function (id) { return id === q || id.indexOf(q + "-") === 0; });
      // one state for all the question's cards (n of them, from the page):
      // new while none has been graded; due (how many) while any is due today;
      // learned when every card is learned (FSRS Review state), with the
      // earliest next review; otherwise how many are practised, and that date
      var n = Number(line.getAttribute("data-practice-cards")) || 0;
      var s = summary(cards, mine), text = t.fresh;
      if (s.due) text = fill(t.due, { n: s.due });
      else if (s.seen) text = fill(s.learned >= n ? t.learned : t.next, { s: s.seen, n: n, d: day(s.next, l) });
      // a new reader's state is in the HTML already: writing it again would lay the page out again
      var state = line.querySelector(".practice-line__state");
      if (state.textContent !== text) state.textContent = text;
    }
    var path = location.pathname.replace(/index\.html$/, "");
    var h1 = document.querySelector(".md-content__inner h1");
    if ((path === root.pathname || path === root.pathname + "en/") && h1 && Object.keys(cards).length &&
        !document.querySelector(".practice-summary")) {
      var s2 = summary(cards), box = document.createElement("div");
      box.className = "practice-summary";
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", t.summary);
      var p = document.createElement("p");
      p.textContent = [fill(t.seen, { n: s2.seen }), fill(t.today, { n: s2.due }), fill(t.done, { n: s2.learned })].join(" · ");
      var a = document.createElement("a");
      a.className = "md-button md-button--primary";
      a.href = "practice/?deck=due";  // relative to this language's home
      a.textContent = t.review;
      box.appendChild(p);
      if (s2.due) box.appendChild(a);
      h1.insertAdjacentElement("afterend", box);
    }
    var app = document.getElementById("practice-app");
    if (app) {
      script(root.href + "assets/ts-fsrs/ts-fsrs.umd.js")
        .then(function () { return script(root.href + "javascripts/practice.js"); })
        .then(function () { window.__practiceApp.mount(app); })
        .catch(function (e) { app.textContent = String(e); });
    }
  });
})();
