// The practice page's app, loaded by practice-loader.js after ts-fsrs
// (window.FSRS, docs/assets/ts-fsrs/). Cards come from
// assets/practice/cards.<lang>.json (scripts/hooks/hook_practice_cards.py), the index the
// decks need; the answers of question N are in assets/practice/<lang>/N.json,
// fetched when a card of N is shown (and for the next card, so that the answer
// is there when revealed), kept in memory for the page's life; progress is
// one localStorage entry, {format, version, cards: {card id: FSRS card +
// last grade}}, shared by both languages, and is also the export file's shape.
(function () {
  var P = window.__practice, FSRS = window.FSRS;
  var FORMAT = "dl-interview-practice", VERSION = 1;
  // ts-fsrs's defaults (FSRS-6 weights, 90% retention, learning steps 1 and
  // 10 minutes, no fuzz): the tests recompute the due dates with the same.
  var scheduler = FSRS.fsrs();
  var RECENT_DAYS = 7;  // the "recently Again or Hard" deck looks this far back
  var T = {
    ko: {
      deckTitle: "연습할 카드", deck: "덱", all: "전체", due: "오늘 복습", fresh: "새 카드", again: "최근 다시·어려움",
      topic: "주제", question: "질문 {q}", shuffle: "섞기", start: "시작",
      stats: "카드 {all}장 · 새 카드 {fresh}장 · 오늘 복습 {due}장 · 학습함 {learned}장",
      empty: "이 덱에는 지금 연습할 카드가 없습니다.",
      progress: "{i} / {n}", mine: "내 답 (이 세션에서만 보관, 저장하지 않음)", reveal: "답 보기", myAnswer: "내 답",
      answer: "답", full: "전체 답 보기", grades: "채점", names: ["다시", "어려움", "좋음", "쉬움"],
      comes: "{t} 후", next: "다음 복습: {d}", stop: "세션 끝내기", doneTitle: "세션 끝",
      done: "카드 {n}장을 채점했습니다.", back: "덱으로 돌아가기", keys: "키보드(글 상자 밖에서): 스페이스 = 답 보기, 1–4 = 채점.",
      dataTitle: "기록", dataText: "진행 상황은 이 브라우저에만 저장됩니다. 내보내기로 JSON 파일을 받아 두면 다른 브라우저에서 가져올 수 있습니다.",
      export: "내보내기", import: "가져오기", reset: "초기화",
      confirm: "이 브라우저의 연습 기록을 모두 지우시겠습니까? 되돌릴 수 없습니다.",
      resetDone: "연습 기록을 지웠습니다.", exported: "카드 {n}장의 기록을 내보냈습니다.",
      imported: "카드 {n}장의 기록을 가져왔습니다.",
      corrupt: "가져오지 못했습니다: {f}은(는) 올바른 JSON 파일이 아닙니다. 기록은 바뀌지 않았습니다.",
      shape: "가져오지 못했습니다: {f}은(는) 이 사이트의 연습 기록 형식이 아닙니다 ({why}). 기록은 바뀌지 않았습니다.",
      version: "가져오지 못했습니다: {f}은(는) 다른 버전({v})의 기록입니다. 이 페이지는 버전 {w}만 읽습니다. 기록은 바뀌지 않았습니다.",
      loadFailed: "카드를 불러오지 못했습니다.",
      units: { m: "{n}분", h: "{n}시간", d: "{n}일", mo: "{n}개월", y: "{n}년" }
    },
    en: {
      deckTitle: "Cards to practise", deck: "Deck", all: "All", due: "Due today", fresh: "New", again: "Recently Again or Hard",
      topic: "Topic", question: "Question {q}", shuffle: "Shuffle", start: "Start",
      stats: "Cards: {all} · new: {fresh} · due today: {due} · learned: {learned}",
      empty: "No cards to practise in this deck right now.",
      progress: "{i} / {n}", mine: "Your answer (kept for this session only, not saved)", reveal: "Show answer", myAnswer: "Your answer",
      answer: "Answer", full: "Full answer", grades: "Grade", names: ["Again", "Hard", "Good", "Easy"],
      comes: "in {t}", next: "Next review: {d}", stop: "End session", doneTitle: "Session over",
      done: "Cards graded: {n}.", back: "Back to the decks", keys: "Keyboard (outside the text box): Space shows the answer, 1–4 grade.",
      dataTitle: "Your progress", dataText: "Progress is stored in this browser only. Export it to a JSON file to import it in another browser.",
      export: "Export", import: "Import", reset: "Reset",
      confirm: "Delete all practice progress in this browser? This cannot be undone.",
      resetDone: "Practice progress deleted.", exported: "Exported the progress of {n} cards.",
      imported: "Imported the progress of {n} cards.",
      corrupt: "Not imported: {f} is not valid JSON. Your progress is unchanged.",
      shape: "Not imported: {f} is not this site's practice progress ({why}). Your progress is unchanged.",
      version: "Not imported: {f} is progress of another version ({v}); this page reads version {w}. Your progress is unchanged.",
      loadFailed: "Could not load the cards.",
      units: { m: "{n} min", h: "{n} h", d: "{n} d", mo: "{n} mo", y: "{n} y" }
    }
  };
  function fill(s, v) { return s.replace(/\{(\w+)\}/g, function (_, k) { return v[k]; }); }

  // --- progress ------------------------------------------------------------
  var NUMBERS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];
  var ID = /^\d+(-\d+)?(-f\d+)?$/;
  function isDate(s) { return typeof s === "string" && !isNaN(Date.parse(s)); }
  // why a parsed file is not progress, or "" when it is
  function problem(s) {
    if (!s || typeof s !== "object" || Array.isArray(s)) return "not an object";
    if (s.format !== FORMAT) return "format is not " + FORMAT;
    if (!s.cards || typeof s.cards !== "object" || Array.isArray(s.cards)) return "no cards";
    for (var id in s.cards) {
      var c = s.cards[id];
      if (!ID.test(id)) return "card id " + id;
      if (!c || typeof c !== "object") return "card " + id;
      if (!isDate(c.due) || !isDate(c.last_review)) return "card " + id + ": dates";
      for (var i = 0; i < NUMBERS.length; i++)
        if (typeof c[NUMBERS[i]] !== "number" || !isFinite(c[NUMBERS[i]])) return "card " + id + ": " + NUMBERS[i];
      if ([0, 1, 2, 3].indexOf(c.state) < 0) return "card " + id + ": state";
      if ([1, 2, 3, 4].indexOf(c.rating) < 0) return "card " + id + ": rating";
    }
    return "";
  }
  function read() {
    try {
      var s = JSON.parse(localStorage.getItem(P.KEY));
      if (s && s.version === VERSION && !problem(s)) return s;
    } catch (e) { /* unreadable: start afresh */ }
    return { format: FORMAT, version: VERSION, cards: {} };
  }
  function write(s) { localStorage.setItem(P.KEY, JSON.stringify(s)); }
  function fsrsCard(stored, now) {
    if (!stored) return FSRS.createEmptyCard(now);
    var c = {};
    NUMBERS.forEach(function (k) { c[k] = stored[k]; });
    c.state = stored.state;
    c.due = new Date(stored.due);
    c.last_review = new Date(stored.last_review);
    return c;
  }
  function storedCard(c, rating) {
    var s = { due: c.due.toISOString(), last_review: c.last_review.toISOString(), state: c.state, rating: rating };
    NUMBERS.forEach(function (k) { s[k] = c[k]; });
    return s;
  }

  // --- decks -----------------------------------------------------------------
  function counts(cards, progress) {
    var eod = P.endOfToday(), n = { all: cards.length, fresh: 0, due: 0, learned: 0 };
    cards.forEach(function (c) {
      var s = progress.cards[c.id];
      if (!s) n.fresh++;
      else if (new Date(s.due) <= eod) n.due++;
      else if (s.state === 2) n.learned++;
    });
    return n;
  }
  function inDeck(deck, card, s, now) {
    if (deck === "all") return true;
    if (deck === "due") return !!s && new Date(s.due) <= P.endOfToday();
    if (deck === "new") return !s;
    if (deck === "again") return !!s && s.rating <= 2 && now - new Date(s.last_review) <= RECENT_DAYS * 864e5;
    if (deck.indexOf("tag:") === 0) return card.tags.indexOf(deck.slice(4)) >= 0;
    if (deck.indexOf("q:") === 0) return String(card.q) === deck.slice(2);
    return false;
  }
  function shuffled(a) {
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = a[i];
      a[i] = a[j]; a[j] = t;
    }
    return a;
  }
  // due cards first (earliest first), then new ones (page order), then the rest
  function queue(cards, progress, deck, shuffle) {
    var now = new Date(), eod = P.endOfToday(), due = [], fresh = [], rest = [];
    cards.forEach(function (c) {
      var s = progress.cards[c.id];
      if (!inDeck(deck, c, s, now)) return;
      (!s ? fresh : new Date(s.due) <= eod ? due : rest).push(c);
    });
    var byDue = function (a, b) { return new Date(progress.cards[a.id].due) - new Date(progress.cards[b.id].due); };
    if (shuffle) return shuffled(due).concat(shuffled(fresh), shuffled(rest));
    return due.sort(byDue).concat(fresh, rest.sort(byDue));
  }

  // --- rendering -------------------------------------------------------------
  function interval(ms, t) {
    var m = Math.max(1, Math.round(ms / 6e4)), u = t.units;
    if (m < 60) return fill(u.m, { n: m });
    if (m < 1440) return fill(u.h, { n: Math.round(m / 60) });
    var d = Math.round(m / 1440);
    if (d < 60) return fill(u.d, { n: d });
    if (d < 365) return fill(u.mo, { n: Math.round(d / 30) });
    return fill(u.y, { n: Math.round(d / 365 * 10) / 10 });
  }
  function when(date, lang) {
    return date.toLocaleString(lang === "en" ? "en-GB" : "ko-KR", { dateStyle: "medium", timeStyle: "short" });
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  var files = {}, current = null;
  // one fetch per file for the page's life; a failed one is tried again next time
  function json(path) {
    files[path] = files[path] || fetch(P.root.href + path)
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .catch(function (e) { delete files[path]; throw e; });
    return files[path];
  }
  function answers(lang, card) {
    return json("assets/practice/" + lang + "/" + card.q + ".json").then(function (d) { return d.answers; });
  }

  function mount(el) {
    var lang = P.lang(), t = T[lang];
    json("assets/practice/cards." + lang + ".json").then(function (data) {
      render(el, data.cards, lang, t);
      // the first card of the deck as it stands: its answer is there when the session starts
      if (data.cards.length) answers(lang, data.cards[0]).catch(function () {});
    }).catch(function () { el.textContent = t.loadFailed; });
  }

  function render(el, cards, lang, t) {
    var tags = [];
    cards.forEach(function (c) { c.tags.forEach(function (g) { if (tags.indexOf(g) < 0) tags.push(g); }); });
    tags.sort();
    el.innerHTML =
      '<section class="practice-setup" aria-labelledby="practice-setup-title">' +
      '<h2 id="practice-setup-title">' + esc(t.deckTitle) + '</h2>' +
      '<p class="practice-stats"></p>' +
      '<div class="practice-controls">' +
      '<label for="practice-deck">' + esc(t.deck) + '</label> <select id="practice-deck" class="practice-deck"></select>' +
      '<label><input type="checkbox" class="practice-shuffle"> ' + esc(t.shuffle) + '</label>' +
      '<button type="button" class="md-button md-button--primary practice-start">' + esc(t.start) + '</button>' +
      '</div><p class="practice-keys">' + esc(t.keys) + '</p></section>' +
      '<section class="practice-session" hidden aria-labelledby="practice-prompt">' +
      '<p class="practice-progress"></p>' +
      '<h2 id="practice-prompt" class="practice-prompt" tabindex="-1"></h2>' +
      '<label class="practice-mine-label" for="practice-mine">' + esc(t.mine) + '</label>' +
      '<textarea id="practice-mine" class="practice-mine" rows="3"></textarea>' +
      '<p><button type="button" class="md-button md-button--primary practice-reveal">' + esc(t.reveal) + '</button></p>' +
      '<div class="practice-answer" hidden>' +
      '<div class="practice-compare">' +
      '<div class="practice-mine-shown" hidden><h3>' + esc(t.myAnswer) + '</h3><p class="practice-mine-text"></p></div>' +
      '<div class="practice-answer-main"><h3 id="practice-answer-title" tabindex="-1">' + esc(t.answer) + '</h3>' +
      '<div class="practice-answer-body"></div><p><a class="practice-full"></a></p></div></div>' +
      '<div class="practice-grades" role="group" aria-label="' + esc(t.grades) + '">' +
      t.names.map(function (name, i) {
        return '<div class="practice-grade"><button type="button" class="md-button practice-grade-' + (i + 1) +
          '" data-rating="' + (i + 1) + '" aria-describedby="practice-when-' + (i + 1) + '">' + esc(name) +
          '</button><span class="practice-when" id="practice-when-' + (i + 1) + '"></span></div>';
      }).join("") + '</div></div>' +
      '<p class="practice-last" role="status"></p>' +
      '<p><button type="button" class="md-button practice-stop">' + esc(t.stop) + '</button></p></section>' +
      '<section class="practice-done" hidden aria-labelledby="practice-done-title">' +
      '<h2 id="practice-done-title" tabindex="-1">' + esc(t.doneTitle) + '</h2><p class="practice-done-text"></p>' +
      '<p><button type="button" class="md-button practice-back">' + esc(t.back) + '</button></p></section>' +
      '<section class="practice-data" aria-labelledby="practice-data-title">' +
      '<h2 id="practice-data-title">' + esc(t.dataTitle) + '</h2><p>' + esc(t.dataText) + '</p>' +
      '<p class="practice-data-buttons"><button type="button" class="md-button practice-export">' + esc(t.export) + '</button> ' +
      '<button type="button" class="md-button practice-import">' + esc(t.import) + '</button> ' +
      '<input type="file" class="practice-import-file" accept=".json,application/json" hidden> ' +
      '<button type="button" class="md-button practice-reset">' + esc(t.reset) + '</button></p>' +
      '<p class="practice-message" role="status"></p></section>';
    var $ = function (sel) { return el.querySelector(sel); };
    var select = $(".practice-deck"), session = null;

    function options() {
      var progress = read(), now = new Date();
      var size = function (deck) { return cards.filter(function (c) { return inDeck(deck, c, progress.cards[c.id], now); }).length; };
      var html = [["all", t.all], ["due", t.due], ["new", t.fresh], ["again", t.again]].map(function (d) {
        return '<option value="' + d[0] + '">' + esc(d[1]) + " (" + size(d[0]) + ")</option>";
      }).join("");
      if (tags.length) {
        html += '<optgroup label="' + esc(t.topic) + '">' + tags.map(function (g) {
          return '<option value="tag:' + esc(g) + '">' + esc(g) + " (" + size("tag:" + g) + ")</option>";
        }).join("") + "</optgroup>";
      }
      var keep = select.value;
      select.innerHTML = html;
      if (keep) select.value = keep;
      $(".practice-stats").textContent = fill(t.stats, counts(cards, progress));
    }

    function start(deck, label) {
      var q = queue(cards, read(), deck, $(".practice-shuffle").checked);
      if (!q.length) { message(t.empty); return; }
      session = { queue: q, i: 0, graded: 0, label: label };
      $(".practice-setup").hidden = true;
      $(".practice-done").hidden = true;
      $(".practice-session").hidden = false;
      $(".practice-last").textContent = "";
      show();
    }

    function show() {
      var card = session.queue[session.i], now = new Date();
      session.card = card;
      session.shownAt = now;
      $(".practice-progress").textContent = (session.label ? session.label + " · " : "") +
        fill(t.progress, { i: session.i + 1, n: session.queue.length });
      $(".practice-prompt").innerHTML = card.prompt;
      $(".practice-mine").value = "";
      $(".practice-mine").hidden = $(".practice-mine-label").hidden = false;
      $(".practice-answer").hidden = true;
      $(".practice-reveal").hidden = false;
      $(".practice-prompt").focus();
      // this card's answers and the next card's, ahead of the reveal
      answers(lang, card).catch(function () {});
      var after = session.queue[session.i + 1];
      if (after) answers(lang, after).catch(function () {});
    }

    function reveal() {
      var card = session.card;
      if (session.revealing === card) return;
      session.revealing = card;
      $(".practice-reveal").disabled = true;
      answers(lang, card).then(function (a) {
        if (session && session.card === card) showAnswer(card, a[card.id] || "");
      }, function () {
        if (session && session.card === card) $(".practice-last").textContent = t.loadFailed;
      }).finally(function () {
        $(".practice-reveal").disabled = false;
        if (session) session.revealing = null;
      });
    }

    function showAnswer(card, html) {
      var base = new URL(card.url, P.root.href);
      var body = $(".practice-answer-body");
      body.innerHTML = html;
      // the answer's links and images are relative to its page; ids would repeat the page's
      // (not those of the glyph outlines its formulas draw, in their <defs>: the same glyph, the same outline)
      body.querySelectorAll("[href]").forEach(function (a) { a.setAttribute("href", new URL(a.getAttribute("href"), base).href); });
      body.querySelectorAll("[src]").forEach(function (a) { a.setAttribute("src", new URL(a.getAttribute("src"), base).href); });
      body.querySelectorAll("[id]").forEach(function (a) { if (!a.closest("defs")) a.removeAttribute("id"); });
      var full = $(".practice-full");
      full.href = base.href;
      full.textContent = t.full;
      var mine = $(".practice-mine").value.trim();
      $(".practice-mine-shown").hidden = !mine;
      $(".practice-mine-text").textContent = mine;
      // what was written now stands beside the answer instead
      $(".practice-mine").hidden = $(".practice-mine-label").hidden = true;
      // what each grade would do, from the time the answer is shown
      var now = new Date(), preview = scheduler.repeat(fsrsCard(read().cards[card.id], now), now);
      for (var r = 1; r <= 4; r++) {
        $("#practice-when-" + r).textContent = fill(t.comes, { t: interval(preview[r].card.due - now, t) });
      }
      $(".practice-reveal").hidden = true;
      $(".practice-answer").hidden = false;
      typesetMath(body);
      $("#practice-answer-title").focus();
    }

    function grade(rating) {
      var progress = read(), card = session.card, now = new Date();
      var next = scheduler.next(fsrsCard(progress.cards[card.id], now), now, rating).card;
      progress.cards[card.id] = storedCard(next, rating);
      write(progress);
      session.graded++;
      // Again: it comes back at the end of this session (FSRS's next step is minutes away)
      if (rating === 1) session.queue.push(card);
      $(".practice-last").textContent = fill(t.next, { d: when(next.due, lang) });
      options();
      session.i++;
      if (session.i < session.queue.length) show();
      else finish();
    }

    function finish() {
      $(".practice-session").hidden = true;
      $(".practice-done").hidden = false;
      $(".practice-done-text").textContent = fill(t.done, { n: session ? session.graded : 0 }) + " " +
        $(".practice-last").textContent;
      session = null;
      $("#practice-done-title").focus();
    }

    function message(text) { $(".practice-message").textContent = text; }

    $(".practice-start").addEventListener("click", function () {
      start(select.value, "");
    });
    $(".practice-reveal").addEventListener("click", reveal);
    el.querySelectorAll("[data-rating]").forEach(function (b) {
      b.addEventListener("click", function () { grade(Number(b.getAttribute("data-rating"))); });
    });
    $(".practice-stop").addEventListener("click", finish);
    $(".practice-back").addEventListener("click", function () {
      $(".practice-done").hidden = true;
      $(".practice-setup").hidden = false;
      select.focus();
    });
    $(".practice-export").addEventListener("click", function () {
      var progress = read();
      var blob = new Blob([JSON.stringify(progress, null, 1)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "dl-interview-practice-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 0);
      message(fill(t.exported, { n: Object.keys(progress.cards).length }));
    });
    var file = $(".practice-import-file");
    $(".practice-import").addEventListener("click", function () { file.click(); });
    file.addEventListener("change", function () {
      var f = file.files[0];
      if (!f) return;
      f.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { return message(fill(t.corrupt, { f: f.name })); }
        if (data && typeof data === "object" && data.format === FORMAT && data.version !== VERSION) {
          return message(fill(t.version, { f: f.name, v: String(data.version), w: VERSION }));
        }
        var why = problem(data) || (data.version !== VERSION ? "version" : "");
        if (why) return message(fill(t.shape, { f: f.name, why: why }));
        write({ format: FORMAT, version: VERSION, cards: data.cards });
        options();
        message(fill(t.imported, { n: Object.keys(data.cards).length }));
      }).finally(function () { file.value = ""; });
    });
    $(".practice-reset").addEventListener("click", function () {
      if (!window.confirm(t.confirm)) return;
      localStorage.removeItem(P.KEY);
      options();
      message(t.resetDone);
    });

    current = { el: el, reveal: function () { if (session && $(".practice-answer").hidden) reveal(); },
                grade: function (r) { if (session && !$(".practice-answer").hidden) grade(r); } };
    options();
    // practice/?question=7 (a question page's "Practise this"), ?deck=due (the home page's "Review now")
    var params = new URLSearchParams(location.search), deck = params.get("deck"), q = params.get("question");
    if (/^\d+$/.test(q || "")) start("q:" + q, fill(t.question, { q: q }));
    else if (deck && select.querySelector('option[value="' + CSS.escape(deck) + '"]')) { select.value = deck; start(deck, ""); }
  }

  // formulas the build did not typeset (MATH_PRERENDER=0): MathJax as javascripts/mathjax.js configures it
  var mathjax = null;
  function typesetMath(el) {
    if (!el.querySelector(".arithmatex:not([data-prerendered])") || !window.MathJax) return;
    mathjax = mathjax || (window.MathJax.typesetPromise ? Promise.resolve() : new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = P.root.href + "assets/mathjax/tex-chtml.js";
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    }).then(function () { return window.MathJax.startup.promise; }));
    mathjax.then(function () { return window.MathJax.typesetPromise([el]); }).catch(function () {});
  }

  // Space shows the answer, 1-4 grade; not while typing in the text box or a
  // control. Captured, so it runs before the theme's own key handling.
  window.addEventListener("keydown", function (e) {
    if (!current || !document.contains(current.el) || e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === "TEXTAREA" || tag === "INPUT" || tag === "SELECT") return;
    if (e.key === " " && tag !== "BUTTON" && tag !== "A") { e.preventDefault(); current.reveal(); }
    else if (/^[1-4]$/.test(e.key)) { e.preventDefault(); current.grade(Number(e.key)); }
  }, true);

  window.__practiceApp = { mount: mount };
})();
