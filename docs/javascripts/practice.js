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
  // version 2 added `log`, the review history; a version 1 file reads as one without history
  var FORMAT = "dl-interview-practice", VERSION = 2;
  // ts-fsrs's defaults (FSRS-6 weights, 90% retention, learning steps 1 and
  // 10 minutes, no fuzz): the tests recompute the due dates with the same.
  var scheduler = FSRS.fsrs();
  var RECENT_DAYS = 7;  // the "recently Again or Hard" deck looks this far back
  var T = {
    ko: {
      deckTitle: "연습할 카드", deck: "덱", all: "전체", due: "오늘 복습", fresh: "새 카드", again: "최근 다시·어려움",
      topic: "주제", question: "질문 {q}", shuffle: "섞기", start: "시작",
      statsTitle: "이 덱의 통계", byState: "새 카드 {0}장 · 학습 중 {1}장 · 복습 {2}장 · 다시 학습 중 {3}장",
      retention: "기억률(지난 30일, 복습할 때가 된 카드에 좋음·쉬움): {p}% ({k}/{n}회)", noRetention: "기억률: 지난 30일에 복습할 때가 된 카드를 채점한 적이 없습니다.",
      perDay: "지난 30일의 하루 채점 수 (모두 {n}회)", dayCount: "{d}: {n}회",
      newPerSession: "세션마다 새 카드", newPerDay: "하루 새 카드", newLeft: "오늘 더 볼 수 있는 새 카드: {n}장",
      stillLearning: "학습 단계의 카드 {n}장은 {d}에 돌아옵니다.",
      stats: "카드 {all}장 · 새 카드 {fresh}장 · 오늘 복습 {due}장 · 학습함 {learned}장",
      empty: "이 덱에는 지금 연습할 카드가 없습니다.",
      progress: "{i} / {n}", mine: "내 답 (이 카드를 보는 동안만 남고 저장하지 않음)", reveal: "답 보기", myAnswer: "내 답",
      answer: "답", full: "전체 답 보기", grades: "채점", names: ["다시", "어려움", "좋음", "쉬움"],
      comes: "{t} 후", next: "방금 채점한 카드의 다음 복습: {d}", stop: "세션 끝내기", undo: "채점 되돌리기", undone: "채점을 되돌렸습니다.", doneTitle: "세션 끝",
      done: "카드 {n}장을 채점했습니다.", back: "덱으로 돌아가기", keys: "키보드(글 상자 밖에서): 스페이스 = 답 보기, 1–4 = 채점, U 또는 Ctrl+Z = 채점 되돌리기.",
      dataTitle: "기록", dataText: "진행 상황은 이 브라우저에만 저장됩니다. 내보내기로 JSON 파일을 받아 두면 다른 브라우저에서 가져올 수 있습니다.",
      export: "내보내기", import: "가져오기", reset: "초기화",
      confirm: "이 브라우저의 연습 기록을 모두 지우시겠습니까? 되돌릴 수 없습니다.",
      resetDone: "연습 기록을 지웠습니다.", exported: "카드 {n}장의 기록을 내보냈습니다.",
      corrupt: "가져오지 못했습니다: {f}은(는) 올바른 JSON 파일이 아닙니다. 기록은 바뀌지 않았습니다.",
      shape: "가져오지 못했습니다: {f}은(는) 이 사이트의 연습 기록 형식이 아닙니다 ({why}). 기록은 바뀌지 않았습니다.",
      version: "가져오지 못했습니다: {f}은(는) 다른 버전({v})의 기록입니다. 이 페이지는 버전 {w}까지 읽습니다. 기록은 바뀌지 않았습니다.",
      loadFailed: "카드를 불러오지 못했습니다.",
      panelClose: "카드로 돌아가기", panelPage: "질문 페이지에서 열기", panelLoading: "불러오는 중…",
      panelFailed: "전체 답을 불러오지 못했습니다(네트워크가 끊겼을 수 있습니다).",
      missing: "이 카드의 답을 불러오지 못했습니다(네트워크가 끊겼을 수 있습니다). 채점하지 않고 건너뛸 수 있습니다.", skip: "건너뛰기",
      storeBlocked: "이 브라우저는 이 사이트가 기록을 저장하지 못하게 막고 있습니다(사이트 데이터 차단). 채점은 이 페이지를 닫으면 사라집니다. 남기려면 끝내기 전에 내보내기로 파일에 받아 두십시오.",
      storeFull: "이 브라우저의 저장 공간이 가득 차 기록을 저장할 수 없습니다. 채점은 이 페이지를 닫으면 사라집니다. 남기려면 끝내기 전에 내보내기로 파일에 받아 두십시오.",
      exportSession: "이 세션의 기록 내보내기", unsaved: "저장되지 않았습니다",
      noStore: "바꾸지 못했습니다: 이 브라우저에 기록을 저장할 수 없습니다. 기록은 바뀌지 않았습니다.",
      tooBig: "가져오지 못했습니다: {f}은(는) {size} MB로, 가져올 수 있는 {max} MB보다 큽니다. 기록은 바뀌지 않았습니다.",
      why: {
        object: "JSON 객체가 아닙니다", format: "형식 표시(format)가 이 사이트의 것이 아닙니다",
        cards: "카드 기록(cards)이 없습니다", noVersion: "버전(version)이 없습니다",
        card: "카드 {id}의 {field} 값이 올바르지 않습니다", count: " (그런 카드 {n}장)",
        log: "복습 이력(log)의 {i}번째 항목이 올바르지 않습니다",
        fields: { card: "기록", due: "다음 복습 날짜(due)", last_review: "마지막 복습 날짜(last_review)", stability: "안정도(stability)",
                  difficulty: "난이도(difficulty)", elapsed_days: "경과 일수(elapsed_days)", scheduled_days: "간격 일수(scheduled_days)",
                  learning_steps: "학습 단계(learning_steps)", reps: "복습 횟수(reps)", lapses: "잊은 횟수(lapses)",
                  state: "상태(state)", rating: "채점(rating)" }
      },
      plan: "{f}: 카드 {n}장의 기록(마지막 복습 {from} ~ {to})입니다. 이 브라우저의 기록보다 새로운 것 {newer}장, 오래된 것 {older}장, 같은 것 {same}장, 이 브라우저에 없는 카드 {only}장.",
      planEmpty: "{f}: 카드 기록이 없습니다.",
      unknown: "이 사이트에 없는 카드 {n}장({ids})은 따로 보관하고 세지 않습니다.",
      spoilt: "이미 따로 보관된, 값이 올바르지 않은 기록 {n}장도 따로 보관합니다.",
      merge: "합치기 (카드마다 나중에 복습한 기록)", replace: "바꾸기", cancel: "취소",
      replaceSure: "이 브라우저의 카드 {here}장의 기록을 지우고 파일의 카드 {n}장으로 바꿉니다. 되돌릴 수 없습니다.",
      replaceYes: "지우고 바꾸기",
      merged: "합쳤습니다: 카드 {n}장을 파일의 기록으로 가져왔습니다. 이제 카드 {total}장의 기록이 있습니다.",
      replaced: "바꿨습니다: 이제 카드 {total}장의 기록이 있습니다.", canceled: "가져오기를 취소했습니다. 기록은 바뀌지 않았습니다.",
      units: { m: "{n}분", h: "{n}시간", d: "{n}일", mo: "{n}개월", y: "{n}년" }
    },
    en: {
      deckTitle: "Cards to practise", deck: "Deck", all: "All", due: "Due today", fresh: "New", again: "Recently Again or Hard",
      topic: "Topic", question: "Question {q}", shuffle: "Shuffle", start: "Start",
      statsTitle: "This deck's statistics", byState: "New: {0} · learning: {1} · review: {2} · relearning: {3}",
      retention: "Retention (last 30 days, Good or Easy on cards that were due): {p}% ({k} of {n})", noRetention: "Retention: no card that was due has been graded in the last 30 days.",
      perDay: "Grades a day over the last 30 days ({n} in all)", dayCount: "{d}: {n}",
      newPerSession: "New cards a session", newPerDay: "New cards a day", newLeft: "New cards left today: {n}",
      stillLearning: "Cards in a learning step: {n}, back at {d}.",
      stats: "Cards: {all} · new: {fresh} · due today: {due} · learned: {learned}",
      empty: "No cards to practise in this deck right now.",
      progress: "{i} / {n}", mine: "Your answer (kept while this card is shown, not saved)", reveal: "Show answer", myAnswer: "Your answer",
      answer: "Answer", full: "Full answer", grades: "Grade", names: ["Again", "Hard", "Good", "Easy"],
      comes: "in {t}", next: "The card just graded: next review {d}", stop: "End session", undo: "Undo grade", undone: "Grade undone.", doneTitle: "Session over",
      done: "Cards graded: {n}.", back: "Back to the decks", keys: "Keyboard (outside the text box): Space shows the answer, 1–4 grade, U or Ctrl+Z undoes a grade.",
      dataTitle: "Your progress", dataText: "Progress is stored in this browser only. Export it to a JSON file to import it in another browser.",
      export: "Export", import: "Import", reset: "Reset",
      confirm: "Delete all practice progress in this browser? This cannot be undone.",
      resetDone: "Practice progress deleted.", exported: "Exported the progress of {n} cards.",
      corrupt: "Not imported: {f} is not valid JSON. Your progress is unchanged.",
      shape: "Not imported: {f} is not this site's practice progress ({why}). Your progress is unchanged.",
      version: "Not imported: {f} is progress of another version ({v}); this page reads versions up to {w}. Your progress is unchanged.",
      loadFailed: "Could not load the cards.",
      panelClose: "Back to the card", panelPage: "Open the question's page", panelLoading: "Loading…",
      panelFailed: "The full answer could not be loaded (the network may be down).",
      missing: "This card's answer could not be loaded (the network may be down). You can skip it without grading.", skip: "Skip",
      storeBlocked: "This browser does not let this site store anything (site data is blocked). Your grades will be lost when you close this page. To keep them, export them to a file before you leave.",
      storeFull: "This browser's storage is full, so your progress cannot be saved. Your grades will be lost when you close this page. To keep them, export them to a file before you leave.",
      exportSession: "Export this session", unsaved: "not saved",
      noStore: "Not changed: this browser cannot store your progress. Your progress is unchanged.",
      tooBig: "Not imported: {f} is {size} MB, more than the {max} MB this page imports. Your progress is unchanged.",
      why: {
        object: "not a JSON object", format: "its format is not this site's",
        cards: "it has no cards", noVersion: "it has no version",
        card: "card {id} has a bad {field}", count: " ({n} such cards)",
        log: "entry {i} of the review history (log) is bad",
        fields: { card: "record", due: "due date (due)", last_review: "last review date (last_review)", stability: "stability",
                  difficulty: "difficulty", elapsed_days: "elapsed_days", scheduled_days: "scheduled_days",
                  learning_steps: "learning_steps", reps: "review count (reps)", lapses: "lapse count (lapses)",
                  state: "state", rating: "rating" }
      },
      plan: "{f}: cards: {n}, last reviewed {from} to {to}. Newer than this browser's: {newer}; older: {older}; the same: {same}; cards this browser has no progress for: {only}.",
      planEmpty: "{f}: no card progress.",
      unknown: "{n} cards that this site does not have ({ids}) are kept aside and not counted.",
      spoilt: "Records already kept aside for bad values stay aside: {n}.",
      merge: "Merge (for each card, the later review)", replace: "Replace", cancel: "Cancel",
      replaceSure: "This deletes the progress of {here} cards in this browser and puts the file's {n} cards in its place. This cannot be undone.",
      replaceYes: "Delete and replace",
      merged: "Merged: took the file's progress for {n} cards. Progress now covers {total} cards.",
      replaced: "Replaced: progress now covers {total} cards.", canceled: "Import cancelled. Your progress is unchanged.",
      units: { m: "{n} min", h: "{n} h", d: "{n} d", mo: "{n} mo", y: "{n} y" }
    }
  };
  function fill(s, v) { return s.replace(/\{(\w+)\}/g, function (_, k) { return v[k]; }); }

  // --- progress ------------------------------------------------------------
  var NUMBERS = ["stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses"];
  var DAY = 864e5, MAX_DAYS = 36500;  // ts-fsrs's maximum interval and stability
  var EPOCH = Date.parse("2000-01-01T00:00:00Z");
  var MAX_MB = 4;  // a larger file would not fit in localStorage (5 MB a site in Chromium and Firefox)
  // the field of a stored card that ts-fsrs would not take (or "card"), "" when it would take all
  function invalid(c, now) {
    if (!c || typeof c !== "object" || Array.isArray(c)) return "card";
    var last = typeof c.last_review === "string" ? Date.parse(c.last_review) : NaN;
    var due = typeof c.due === "string" ? Date.parse(c.due) : NaN;
    // reviewed in this century and not in the future (a day's leeway for another device's clock)
    if (!(last >= EPOCH && last <= now + DAY)) return "last_review";
    if (!(due >= last - DAY && due <= last + (MAX_DAYS + 1) * DAY)) return "due";
    for (var i = 0; i < NUMBERS.length; i++) {
      var k = NUMBERS[i], v = c[k];
      if (typeof v !== "number" || !isFinite(v) || v < 0 || v > MAX_DAYS) return k;
      if ((k === "learning_steps" || k === "reps" || k === "lapses") && v !== Math.floor(v)) return k;
    }
    if ([0, 1, 2, 3].indexOf(c.state) < 0) return "state";
    if ([1, 2, 3, 4].indexOf(c.rating) < 0) return "rating";
    // ts-fsrs throws "Invalid memory state" below these (a new card's 0 and 0 excepted)
    if (!(c.state === 0 && c.stability === 0 && c.difficulty === 0)) {
      if (c.difficulty < 1 || c.difficulty > 10) return "difficulty";
      if (c.stability < 0.001) return "stability";
    }
    if (c.lapses > c.reps) return "lapses";
    return "";
  }
  // a review in the history: [time, card id, grade, due, state before] (times in ms)
  function badEntry(e, now) {
    return !Array.isArray(e) || e.length !== 5 || typeof e[0] !== "number" || !(e[0] >= EPOCH && e[0] <= now + DAY) ||
      typeof e[1] !== "string" || e[1].length > 40 || [1, 2, 3, 4].indexOf(e[2]) < 0 ||
      typeof e[3] !== "number" || !(e[3] >= e[0] - DAY && e[3] <= e[0] + (MAX_DAYS + 1) * DAY) || [0, 1, 2, 3].indexOf(e[4]) < 0;
  }
  // why a parsed file is not progress ({key, id, field, n}), or null when it is
  function problem(s, now) {
    if (!s || typeof s !== "object" || Array.isArray(s)) return { key: "object" };
    if (s.format !== FORMAT) return { key: "format" };
    if (typeof s.version !== "number") return { key: "noVersion" };
    if (!s.cards || typeof s.cards !== "object" || Array.isArray(s.cards)) return { key: "cards" };
    if (s.aside && (typeof s.aside !== "object" || Array.isArray(s.aside))) return { key: "cards" };
    // `aside` may hold anything (what this page would not count): it stays aside unless valid
    var first = null, n = 0;
    for (var id in s.cards) {
      var field = invalid(s.cards[id], now);
      if (field && !n++) first = { key: "card", id: id, field: field };
    }
    if (first) { first.n = n; return first; }
    if (s.log !== undefined) {
      if (!Array.isArray(s.log)) return { key: "log", i: 1 };
      for (var i = 0; i < s.log.length; i++) if (badEntry(s.log[i], now)) return { key: "log", i: i + 1 };
    }
    return null;
  }
  var known = {};  // the ids of this site's cards (set by mount)
  // progress as this page keeps it: the cards this site has, valid ones; anything
  // else (ids a file brought that this site has not, cards ts-fsrs would refuse)
  // kept aside in `aside`, not counted and not shown
  function sorted(s, now) {
    var out = { format: FORMAT, version: VERSION, cards: {}, aside: {}, log: (s.log || []).slice() };
    [s.aside || {}, s.cards || {}].forEach(function (set) {
      for (var id in set) {
        var c = set[id];
        if (Object.prototype.hasOwnProperty.call(known, id) && !invalid(c, now)) out.cards[id] = c;
        else out.aside[id] = c;
      }
    });
    return out;
  }
  // Storage can fail: blocked (site data off: even reading throws) or full
  // (writing throws QuotaExceededError). Progress then lives in `mem` for the
  // page's life, the page says so, and export still has it.
  var mem = null, failure = "";
  function kind(e) { return e && (e.name === "QuotaExceededError" || e.code === 22) ? "full" : "blocked"; }
  function probe() {
    try {
      localStorage.setItem(P.KEY + ".probe", "1");
      localStorage.removeItem(P.KEY + ".probe");
      return "";
    } catch (e) { return kind(e); }
  }
  function read() {
    if (failure && mem) return mem;
    try {
      var s = JSON.parse(localStorage.getItem(P.KEY));
      if (s && s.format === FORMAT && s.version >= 1 && s.version <= VERSION && s.cards && typeof s.cards === "object" &&
          (!s.log || Array.isArray(s.log))) return sorted(s, Date.now());
    } catch (e) { if (mem) return mem; /* unreadable or blocked: start afresh */ }
    return { format: FORMAT, version: VERSION, cards: {}, aside: {}, log: [] };
  }
  // keeps s; false when the browser would not store it
  function write(s) {
    mem = s;
    try {
      // nothing to keep (all undone, or an empty file put in place): no entry, as for a new reader
      if (Object.keys(s.cards).length || Object.keys(s.aside).length || s.log.length) localStorage.setItem(P.KEY, JSON.stringify(s));
      else localStorage.removeItem(P.KEY);
      failure = "";
    } catch (e) { failure = kind(e); }
    if (onFailure) onFailure();
    return !failure;
  }
  var onFailure = null;
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
    var now = new Date(), n = { all: cards.length, fresh: 0, due: 0, learned: 0 };
    cards.forEach(function (c) {
      var s = progress.cards[c.id];
      if (!s) n.fresh++;
      else if (P.isDue(s, now)) n.due++;
      else if (s.state === 2) n.learned++;
    });
    return n;
  }
  function inDeck(deck, card, s, now) {
    if (deck === "all") return true;
    if (deck === "due") return !!s && P.isDue(s, now);
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
  // due cards first (earliest first), then at most `fresh` new ones (page order), then the rest
  function queue(cards, progress, deck, shuffle, freshMax) {
    var now = new Date(), due = [], fresh = [], rest = [];
    cards.forEach(function (c) {
      var s = progress.cards[c.id];
      if (!inDeck(deck, c, s, now)) return;
      (!s ? fresh : P.isDue(s, now) ? due : rest).push(c);
    });
    var byDue = function (a, b) { return new Date(progress.cards[a.id].due) - new Date(progress.cards[b.id].due); };
    if (shuffle) return shuffled(due).concat(shuffled(fresh).slice(0, freshMax), shuffled(rest));
    return due.sort(byDue).concat(fresh.slice(0, freshMax), rest.sort(byDue));
  }
  // new cards first graded since local midnight
  function freshToday(progress) {
    var midnight = new Date().setHours(0, 0, 0, 0);
    return progress.log.filter(function (e) { return e[0] >= midnight && e[4] === 0; }).length;
  }
  // Settings (new cards a session, a day): their own entry, kept where storage allows
  var SETTINGS = { session: 20, day: 20 };
  function settings() {
    var out = { session: SETTINGS.session, day: SETTINGS.day };
    try {
      var s = JSON.parse(localStorage.getItem(P.KEY + ".settings")) || {};
      for (var k in out) if (typeof s[k] === "number" && s[k] >= 0 && s[k] <= 9999) out[k] = Math.floor(s[k]);
    } catch (e) { /* defaults */ }
    return out;
  }
  // Anki's learn-ahead limit: with nothing else left, a card whose learning step
  // ends within this is shown now rather than making the reader wait
  var LEARN_AHEAD = 20 * 6e4;

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
  // an answer's links and images are relative to its page; ids would repeat the page's
  // (not those of the glyph outlines its formulas draw, in their <defs>: the same glyph, the same outline)
  function rebase(el, base) {
    el.querySelectorAll("[href]").forEach(function (a) { a.setAttribute("href", new URL(a.getAttribute("href"), base).href); });
    el.querySelectorAll("[src]").forEach(function (a) { a.setAttribute("src", new URL(a.getAttribute("src"), base).href); });
    el.querySelectorAll("[id]").forEach(function (a) { if (!a.closest("defs")) a.removeAttribute("id"); });
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
    // the same page drawn again by the theme's instant navigation (Back from the
    // full answer, or from another page): the session goes on where it was
    if (current && current.resume(el)) return;
    var lang = P.lang(), t = T[lang];
    json("assets/practice/cards." + lang + ".json").then(function (data) {
      known = {};
      data.cards.forEach(function (c) { known[c.id] = true; });
      failure = probe();
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
      '<div class="practice-warning admonition warning" role="alert" hidden><p class="practice-warning-text"></p>' +
      '<p><button type="button" class="md-button practice-export">' + esc(t.exportSession) + '</button></p></div>' +
      '<section class="practice-setup" aria-labelledby="practice-setup-title">' +
      '<h2 id="practice-setup-title">' + esc(t.deckTitle) + '</h2>' +
      '<p class="practice-stats"></p>' +
      '<div class="practice-controls">' +
      '<label for="practice-deck">' + esc(t.deck) + '</label> <select id="practice-deck" class="practice-deck"></select>' +
      '<label><input type="checkbox" class="practice-shuffle"> ' + esc(t.shuffle) + '</label>' +
      '<button type="button" class="md-button md-button--primary practice-start">' + esc(t.start) + '</button>' +
      '</div><p class="practice-controls practice-limits">' +
      '<label>' + esc(t.newPerSession) + ' <input type="number" class="practice-limit" data-limit="session" min="0" max="9999" inputmode="numeric"></label>' +
      '<label>' + esc(t.newPerDay) + ' <input type="number" class="practice-limit" data-limit="day" min="0" max="9999" inputmode="numeric"></label>' +
      '<span class="practice-left"></span></p><p class="practice-empty" role="status"></p><p class="practice-keys">' + esc(t.keys) + '</p></section>' +
      '<details class="practice-statistics"><summary>' + esc(t.statsTitle) + '</summary><p class="practice-states"></p>' +
      '<p class="practice-retention"></p><p class="practice-days-title"></p><ol class="practice-days"></ol></details>' +
      '<section class="practice-session" hidden aria-labelledby="practice-prompt">' +
      '<p class="practice-progress"></p>' +
      '<h2 id="practice-prompt" class="practice-prompt" tabindex="-1"></h2>' +
      '<label class="practice-mine-label" for="practice-mine">' + esc(t.mine) + '</label>' +
      '<textarea id="practice-mine" class="practice-mine" rows="3"></textarea>' +
      '<p class="practice-data-buttons"><button type="button" class="md-button md-button--primary practice-reveal">' + esc(t.reveal) + '</button> ' +
      '<button type="button" class="md-button practice-skip" hidden>' + esc(t.skip) + '</button></p>' +
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
      '<p class="practice-data-buttons"><button type="button" class="md-button practice-undo" hidden>' + esc(t.undo) + '</button> ' +
      '<button type="button" class="md-button practice-stop">' + esc(t.stop) + '</button></p></section>' +
      '<section class="practice-done" hidden aria-labelledby="practice-done-title">' +
      '<h2 id="practice-done-title" tabindex="-1">' + esc(t.doneTitle) + '</h2><p class="practice-done-text"></p>' +
      '<p class="practice-data-buttons"><button type="button" class="md-button practice-undo" hidden>' + esc(t.undo) + '</button> ' +
      '<button type="button" class="md-button practice-back">' + esc(t.back) + '</button></p></section>' +
      '<section class="practice-data" aria-labelledby="practice-data-title">' +
      '<h2 id="practice-data-title">' + esc(t.dataTitle) + '</h2><p>' + esc(t.dataText) + '</p>' +
      '<p class="practice-data-buttons"><button type="button" class="md-button practice-export">' + esc(t.export) + '</button> ' +
      '<button type="button" class="md-button practice-import">' + esc(t.import) + '</button> ' +
      '<input type="file" class="practice-import-file" accept=".json,application/json" hidden> ' +
      '<button type="button" class="md-button practice-reset">' + esc(t.reset) + '</button></p>' +
      '<div class="practice-plan" hidden><p class="practice-plan-text"></p><p class="practice-plan-unknown"></p>' +
      '<p class="practice-data-buttons"><button type="button" class="md-button md-button--primary practice-merge">' + esc(t.merge) + '</button> ' +
      '<button type="button" class="md-button practice-replace">' + esc(t.replace) + '</button> ' +
      '<button type="button" class="md-button practice-replace-yes" hidden>' + esc(t.replaceYes) + '</button> ' +
      '<button type="button" class="md-button practice-cancel">' + esc(t.cancel) + '</button></p></div>' +
      '<p class="practice-message" role="status"></p></section>' +
      '<dialog class="practice-panel md-typeset" aria-labelledby="practice-panel-title">' +
      '<p class="practice-data-buttons"><button type="button" class="md-button practice-panel-close">' + esc(t.panelClose) + '</button> ' +
      '<a class="practice-panel-page">' + esc(t.panelPage) + '</a></p>' +
      '<h2 id="practice-panel-title" tabindex="-1"></h2><div class="practice-panel-body"></div></dialog>';
    var $ = function (sel) { return el.querySelector(sel); };
    var select = $(".practice-deck"), session = null, ended = null;

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
      empty(size(select.value));
      $(".practice-stats").textContent = fill(t.stats, counts(cards, progress));
      statistics(progress, now);
    }

    function limits() {
      var set = settings(), left = Math.max(0, set.day - freshToday(read()));
      el.querySelectorAll(".practice-limit").forEach(function (i) {
        if (document.activeElement !== i) i.value = set[i.getAttribute("data-limit")];
      });
      $(".practice-left").textContent = fill(t.newLeft, { n: left });
      return Math.min(set.session, left);
    }

    // A session: the deck's queue in order, and beside it the cards in a
    // learning step, each back when its step is due (Anki's learning queue)
    // the selected deck's cards by state, retention and grades a day over 30 days, from the history
    function statistics(progress, now) {
      var mine = {}, states = [0, 0, 0, 0], days = [], k = 0, n = 0, all = 0;
      cards.forEach(function (c) {
        if (!inDeck(select.value, c, progress.cards[c.id], now)) return;
        mine[c.id] = true;
        states[progress.cards[c.id] ? progress.cards[c.id].state : 0]++;
      });
      var today = new Date(now).setHours(0, 0, 0, 0);
      for (var i = 29; i >= 0; i--) days.push({ from: new Date(today).setDate(new Date(today).getDate() - i), n: 0 });
      progress.log.forEach(function (e) {
        if (!mine[e[1]] || e[0] < days[0].from) return;
        for (var j = 29; j >= 0 && e[0] < days[j].from; j--);
        days[j].n++;
        all++;
        if (e[4] === 2) { n++; if (e[2] >= 3) k++; }
      });
      $(".practice-states").textContent = fill(t.byState, states);
      $(".practice-retention").textContent = n ? fill(t.retention, { p: Math.round(100 * k / n), k: k, n: n }) : t.noRetention;
      $(".practice-days-title").textContent = fill(t.perDay, { n: all });
      var most = Math.max.apply(null, days.map(function (d) { return d.n; })) || 1;
      $(".practice-days").innerHTML = days.map(function (d) {
        var label = fill(t.dayCount, { d: new Date(d.from).toLocaleDateString(lang === "en" ? "en-GB" : "ko-KR", { month: "short", day: "numeric" }), n: d.n });
        return '<li title="' + esc(label) + '"><span class="practice-bar" style="height:' + Math.round(100 * d.n / most) + '%"></span>' +
          '<span class="practice-sr">' + esc(label) + '</span></li>';
      }).join("");
    }

    // an empty deck: Start is off, and why is said beside it (not at the foot of a phone's page)
    function empty(n) {
      $(".practice-start").disabled = !n;
      $(".practice-empty").textContent = n ? "" : t.empty;
    }
    select.addEventListener("change", options);

    function start(deck, label) {
      // a question's own practice ("Practise this") takes all its cards: the limits are for the big decks
      var fresh = deck.indexOf("q:") === 0 ? Infinity : limits();
      var q = queue(cards, read(), deck, $(".practice-shuffle").checked, fresh);
      if (!q.length) { empty(0); return; }
      session = ended = { queue: q, i: 0, learning: [], graded: 0, label: label, undo: [] };
      // every answer the session needs, fetched now: a session goes on with the network cut
      var qs = {};
      q.forEach(function (c) { if (!qs[c.q]) { qs[c.q] = true; answers(lang, c).catch(function () {}); } });
      $(".practice-setup").hidden = true;
      $(".practice-done").hidden = true;
      $(".practice-session").hidden = false;
      $(".practice-last").textContent = "";
      next();
    }

    // the learning card whose step is due, else the queue's next, else a learning card due soon
    function pick() {
      var now = Date.now(), L = session.learning;
      L.sort(function (a, b) { return a.due - b.due; });
      if (L.length && L[0].due <= now) return L.shift().card;
      if (session.i < session.queue.length) return session.queue[session.i++];
      if (L.length && L[0].due - now <= LEARN_AHEAD) return L.shift().card;
      return null;
    }
    function next() {
      var card = pick();
      if (card) show(card);
      else finish();
    }
    function left() { return session.queue.length - session.i + session.learning.length; }

    function show(card) {
      var now = new Date();
      el.querySelectorAll(".practice-undo").forEach(function (b) { b.hidden = !session.undo.length; });
      session.card = card;
      session.shownAt = now;
      $(".practice-progress").textContent = (session.label ? session.label + " · " : "") +
        fill(t.progress, { i: session.graded + 1, n: session.graded + 1 + left() });
      $(".practice-prompt").innerHTML = card.prompt;
      $(".practice-mine").value = "";
      $(".practice-mine").hidden = $(".practice-mine-label").hidden = false;
      $(".practice-answer").hidden = true;
      $(".practice-reveal").hidden = false;
      $(".practice-skip").hidden = true;
      $(".practice-prompt").focus();
    }

    function reveal() {
      var card = session.card;
      if (session.revealing === card) return;
      session.revealing = card;
      $(".practice-reveal").disabled = true;
      answers(lang, card).then(function (a) {
        if (session && session.card === card) showAnswer(card, a[card.id] || "");
      }, function () {
        if (session && session.card === card) {
          $(".practice-last").textContent = t.missing;
          $(".practice-skip").hidden = false;
          $(".practice-skip").focus();
        }
      }).finally(function () {
        $(".practice-reveal").disabled = false;
        if (session) session.revealing = null;
      });
    }

    // The full answer in a dialog over the card: its section of the question's
    // page (the whole answer for a question's own card), fetched once. Back
    // (a history entry of its own) and Escape close it; the card, and what the
    // reader wrote, stay as they were.
    var panel = $(".practice-panel"), pages = {};
    function section(doc, id) {
      var head = doc.getElementById(id), out = document.createDocumentFragment();
      if (!head || !/^H[1-6]$/.test(head.tagName)) head = doc.querySelector(".md-content__inner h1");
      if (!head) return null;
      var level = Number(head.tagName[1]);
      for (var n = head.nextElementSibling; n; n = n.nextElementSibling) {
        if (/^H[1-6]$/.test(n.tagName) && Number(n.tagName[1]) <= level || n.classList.contains("md-source-file")) break;
        out.appendChild(document.importNode(n, true));
      }
      // formulas typeset at build time draw outlines the page holds once, in its first formula
      var defs = doc.querySelector("mjx-container svg defs"), glyphs = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      if (defs) { glyphs.setAttribute("hidden", ""); glyphs.appendChild(document.importNode(defs, true)); out.appendChild(glyphs); }
      return { title: head.textContent.replace(/¶\s*$/, "").trim(), body: out };
    }
    function openPanel(href) {
      var url = new URL(href), id = decodeURIComponent(url.hash.slice(1));
      url.hash = "";
      $(".practice-panel-page").href = href;
      $("#practice-panel-title").textContent = t.panelLoading;
      $(".practice-panel-body").textContent = "";
      panel.showModal();
      history.pushState({ practicePanel: true }, "");
      pages[url.href] = pages[url.href] || fetch(url.href).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.text();
      }).catch(function (e) { delete pages[url.href]; throw e; });
      pages[url.href].then(function (text) {
        var part = section(new DOMParser().parseFromString(text, "text/html"), id);
        if (!part || !panel.open) throw new Error(id);
        $("#practice-panel-title").textContent = part.title;
        $(".practice-panel-body").appendChild(part.body);
        rebase($(".practice-panel-body"), url);
        // wide tables and code scroll sideways on a phone: reachable by keyboard, as the theme makes them on the page
        $(".practice-panel-body").querySelectorAll("table, pre > code").forEach(function (n) { n.tabIndex = 0; });
        typesetMath($(".practice-panel-body"));
      }).catch(function () {
        if (panel.open) $("#practice-panel-title").textContent = t.panelFailed;
      });
      $("#practice-panel-title").focus();
    }
    $(".practice-full").addEventListener("click", function (e) {
      if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || typeof panel.showModal !== "function") return;
      e.preventDefault();
      e.stopPropagation();  // the theme's instant navigation would follow the link all the same
      openPanel(this.href);
    });
    $(".practice-panel-close").addEventListener("click", function () { panel.close(); });
    // closed by Escape or the button: its history entry goes too; by Back: it is gone already
    panel.addEventListener("close", function () {
      if (history.state && history.state.practicePanel) history.back();
      $(".practice-full").focus();
    });
    // Back: the theme's instant navigation draws the page again, and mount() puts this app back in it
    window.addEventListener("popstate", function () { if (panel.open) panel.close(); });

    function showAnswer(card, html) {
      var base = new URL(card.url, P.root.href);
      var body = $(".practice-answer-body");
      body.innerHTML = html;
      rebase(body, base);
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
      var progress = read(), card = session.card, now = new Date(), before = progress.cards[card.id];
      // what undo puts back: the card's stored state, the history, the session where it was
      session.undo.push({ card: card, before: before, log: progress.log.length, i: session.i,
                          learning: session.learning.slice(), last: $(".practice-last").textContent });
      var next_ = scheduler.next(fsrsCard(before, now), now, rating).card;
      progress.cards[card.id] = storedCard(next_, rating);
      progress.log.push([now.getTime(), card.id, rating, next_.due.getTime(), before ? before.state : 0]);
      var saved = write(progress);
      session.graded++;
      // a learning or relearning step (minutes): back in this session when it is due
      if ((next_.state === 1 || next_.state === 3) && P.isDue({ due: next_.due, state: 2 }, now)) {
        session.learning.push({ card: card, due: next_.due.getTime() });
      }
      $(".practice-last").textContent = fill(t.next, { d: when(next_.due, lang) }) + (saved ? "" : " · " + t.unsaved);
      options();
      next();
    }

    function finish() {
      var text = fill(t.done, { n: session ? session.graded : 0 });
      if (session && session.learning.length) {
        text += " " + fill(t.stillLearning, { n: session.learning.length, d: when(new Date(session.learning[0].due), lang) });
      }
      $(".practice-session").hidden = true;
      $(".practice-done").hidden = false;
      $(".practice-done-text").textContent = text;
      session = null;
      limits();
      el.querySelectorAll(".practice-undo").forEach(function (b) { b.hidden = !ended.undo.length; });
      $("#practice-done-title").focus();
    }

    // the last grade taken back: the card's state and history as they were, the card shown again
    function undo() {
      var s = session || ended, u = s && s.undo.pop();
      if (!u) return;
      var progress = read();
      if (u.before) progress.cards[u.card.id] = u.before;
      else delete progress.cards[u.card.id];
      progress.log.length = u.log;
      write(progress);
      s.i = u.i;
      s.learning = u.learning;
      s.graded--;
      session = s;
      $(".practice-done").hidden = true;
      $(".practice-session").hidden = false;
      options();
      limits();
      show(u.card);
      $(".practice-last").textContent = t.undone;
    }

    function message(text) { $(".practice-message").textContent = text; }

    $(".practice-start").addEventListener("click", function () {
      start(select.value, "");
    });
    el.querySelectorAll(".practice-limit").forEach(function (i) {
      i.addEventListener("change", function () {
        var set = settings(), v = Math.floor(Number(i.value));
        if (!(v >= 0 && v <= 9999)) { i.value = set[i.getAttribute("data-limit")]; return; }
        set[i.getAttribute("data-limit")] = v;
        try { localStorage.setItem(P.KEY + ".settings", JSON.stringify(set)); } catch (e) { SETTINGS[i.getAttribute("data-limit")] = v; }
        limits();
      });
    });
    $(".practice-reveal").addEventListener("click", reveal);
    // a card without its answer: on to the next, ungraded
    $(".practice-skip").addEventListener("click", function () {
      $(".practice-last").textContent = "";
      next();
    });
    el.querySelectorAll("[data-rating]").forEach(function (b) {
      b.addEventListener("click", function () { grade(Number(b.getAttribute("data-rating"))); });
    });
    $(".practice-stop").addEventListener("click", finish);
    el.querySelectorAll(".practice-undo").forEach(function (b) { b.addEventListener("click", undo); });
    $(".practice-back").addEventListener("click", function () {
      $(".practice-done").hidden = true;
      $(".practice-setup").hidden = false;
      select.focus();
    });
    function warn() {
      $(".practice-warning").hidden = !failure;
      if (failure) $(".practice-warning-text").textContent = t[failure === "full" ? "storeFull" : "storeBlocked"];
    }
    onFailure = warn;
    warn();
    el.querySelectorAll(".practice-export").forEach(function (b) { b.addEventListener("click", function () {
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
    }); });

    // Import: the file is checked whole, then what it holds is shown against
    // what is here, and the reader merges (per card, the later review wins) or
    // replaces (asked twice); nothing is written before that.
    var file = $(".practice-import-file"), pending = null;
    function why(p) {
      var w = t.why;
      if (p.key === "log") return fill(w.log, { i: p.i });
      if (p.key !== "card") return w[p.key];
      return fill(w.card, { id: p.id, field: w.fields[p.field] }) + (p.n > 1 ? fill(w.count, { n: p.n }) : "");
    }
    function day(ms) { return new Date(ms).toLocaleDateString(lang === "en" ? "en-GB" : "ko-KR", { dateStyle: "medium" }); }
    function plan(name, data) {
      var incoming = sorted(data, Date.now()), here = read().cards, n = 0, from = Infinity, to = -Infinity;
      var count = { newer: 0, older: 0, same: 0, only: 0 };
      for (var id in incoming.cards) {
        var at = Date.parse(incoming.cards[id].last_review), h = here[id];
        n++;
        from = Math.min(from, at);
        to = Math.max(to, at);
        count[!h ? "only" : at > Date.parse(h.last_review) ? "newer" : at < Date.parse(h.last_review) ? "older" : "same"]++;
      }
      var unknown = Object.keys(incoming.aside).filter(function (id) { return !known[id]; });
      var spoilt = Object.keys(incoming.aside).length - unknown.length;
      pending = { data: incoming, n: n };
      $(".practice-plan-text").textContent = n ? fill(t.plan, {
        f: name, n: n, from: day(from), to: day(to), newer: count.newer, older: count.older, same: count.same, only: count.only
      }) : fill(t.planEmpty, { f: name });
      $(".practice-plan-unknown").textContent = unknown.length ?
        fill(t.unknown, { n: unknown.length, ids: unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ", …" : "") }) : "";
      if (spoilt) $(".practice-plan-unknown").textContent += (unknown.length ? " " : "") + fill(t.spoilt, { n: spoilt });
      $(".practice-replace").hidden = false;
      $(".practice-replace-yes").hidden = true;
      $(".practice-plan").hidden = false;
      message("");
      $(".practice-merge").focus();
    }
    function settle(text) {
      pending = null;
      $(".practice-plan").hidden = true;
      options();
      message(text);
    }
    $(".practice-import").addEventListener("click", function () { file.click(); });
    file.addEventListener("change", function () {
      var f = file.files[0];
      if (!f) return;
      $(".practice-plan").hidden = true;
      pending = null;
      if (f.size > MAX_MB * 1048576) {
        file.value = "";
        return message(fill(t.tooBig, { f: f.name, size: (f.size / 1048576).toFixed(1), max: MAX_MB }));
      }
      f.text().then(function (text) {
        var data;
        try { data = JSON.parse(text); } catch (e) { return message(fill(t.corrupt, { f: f.name })); }
        var p = problem(data, Date.now());
        if (p) return message(fill(t.shape, { f: f.name, why: why(p) }));
        if (!(data.version >= 1 && data.version <= VERSION)) return message(fill(t.version, { f: f.name, v: data.version, w: VERSION }));
        plan(f.name, data);
      }).finally(function () { file.value = ""; });
    });
    $(".practice-merge").addEventListener("click", function () {
      var progress = read(), took = 0;
      [["cards", "last_review"], ["aside", "last_review"]].forEach(function (k) {
        var mine = progress[k[0]], theirs = pending.data[k[0]];
        for (var id in theirs) {
          // the later review wins; a card aside may hold anything, so compare what parses
          if (!mine[id] || !(Date.parse(mine[id].last_review) >= Date.parse(theirs[id].last_review))) {
            mine[id] = theirs[id];
            if (k[0] === "cards") took++;
          }
        }
      });
      // the history of both, each review once, in time order
      var seen = {};
      progress.log = progress.log.concat(pending.data.log).filter(function (e) {
        var k = e[0] + " " + e[1];
        return seen[k] ? false : (seen[k] = true);
      }).sort(function (a, b) { return a[0] - b[0]; });
      if (!write(progress)) return settle(t.noStore);
      settle(fill(t.merged, { n: took, total: Object.keys(progress.cards).length }));
    });
    $(".practice-replace").addEventListener("click", function () {
      $(".practice-plan-text").textContent = fill(t.replaceSure, { here: Object.keys(read().cards).length, n: pending.n });
      $(".practice-plan-unknown").textContent = "";
      $(".practice-replace").hidden = true;
      $(".practice-replace-yes").hidden = false;
      $(".practice-cancel").focus();
    });
    $(".practice-replace-yes").addEventListener("click", function () {
      if (!write(pending.data)) return settle(t.noStore);
      settle(fill(t.replaced, { total: pending.n }));
    });
    $(".practice-cancel").addEventListener("click", function () { settle(t.canceled); });
    $(".practice-reset").addEventListener("click", function () {
      if (!window.confirm(t.confirm)) return;
      try {
        localStorage.removeItem(P.KEY);
        mem = null;
      } catch (e) { return message(t.noStore); }
      options();
      message(t.resetDone);
    });

    var search = location.search;
    current = { el: el,
                resume: function (fresh) {
                  if (!session || fresh === el || location.search !== search || P.lang() !== lang) return false;
                  fresh.replaceWith(el);
                  return true;
                },
                reveal: function () {
                  if (!session || !$(".practice-answer").hidden || $(".practice-session").hidden) return false;
                  reveal();
                  return true;
                },
                grade: function (r) { if (session && !$(".practice-answer").hidden) grade(r); },
                undo: function () { if (!$(".practice-session").hidden || !$(".practice-done").hidden) undo(); } };
    options();
    limits();
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
    if (!current || !document.contains(current.el) || e.altKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === "TEXTAREA" || tag === "INPUT" || tag === "SELECT") return;
    if ((e.key === "z" || e.key === "Z") && (e.ctrlKey || e.metaKey) && !e.shiftKey || e.key === "u" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      return current.undo();
    }
    if (e.ctrlKey || e.metaKey) return;
    if (e.key === " " && tag !== "BUTTON" && tag !== "A") { if (current.reveal()) e.preventDefault(); }
    else if (/^[1-4]$/.test(e.key)) { e.preventDefault(); current.grade(Number(e.key)); }
  }, true);

  window.__practiceApp = { mount: mount };
})();
