"""MkDocs hook (mkdocs.yml `hooks:`): practice cards, generated from the built pages.

The one generator of the practice mode's data (docs/javascripts/practice.js):

1. After each language's build, every question page's built HTML is read (so
   formulas are as the page has them: typeset when scripts/hooks/prerender_math.mjs
   ran, which is why this hook comes after scripts/hooks/hook_math.py) and its
   cards are written in two parts, so that the practice page loads only what
   it shows: assets/practice/cards.<lang>.json, the index (id, question
   number, prompt, url with anchor, tags: everything the decks need), and
   assets/practice/<lang>/<N>.json, the answers of question N's cards
   ({card id: answer}; answers carry typeset math and are most of the bytes),
   fetched by practice.js when a card of question N is about to be shown:
   - the question (id "7") and each sub-question (the H2 `{#12-1}`): prompt =
     the heading, answer = the short-answer admonition ("한 줄 답" / "Short answer");
   - each follow-up of the uniform follow-up sections (a heading `{#7-f1}` or
     `{#12-1-f2}`): prompt = the heading, answer = what follows it up to the
     next heading.
   Figures stay in an answer only if small (SMALL_FIGURE); the card links to
   the full answer. A typeset formula draws its glyphs from the outlines its
   page holds once, in the page's first formula: each card gets its own copy
   of those it draws, in its first formula.
   Ids come from the pages' anchors, so they are the same in both languages.
   A part without a short answer yet gives no card.
2. Each question page gets, under its H1, a one-line placeholder with a link
   to the practice page (`practice/?question=7`; not `?q=`, which
   Material reads as a search query); docs/javascripts/practice-loader.js
   writes the question's state into it, using the number of the question's
   cards given here (data-practice-cards). Being in the HTML, its height is
   there before any script runs: no layout shift.
3. The practice page's `<!-- practice-questions -->` becomes the list of the
   questions (what a reader without JavaScript gets), from the page sources.

Run with `mkdocs build`; nothing else to run when a page or follow-up is added.
"""
import html as htmlmod
import json
import logging
import posixpath
import re
import sys
from pathlib import Path

import hook_common


log = logging.getLogger("mkdocs.hooks.practice")

QUESTION_SRC = re.compile(r"^(?:(ko|en)/)?questions/(\d\d)-[^/]+\.md$")
PRACTICE_SRC = re.compile(r"^(?:(ko|en)/)?practice\.md$")
HEADING = re.compile(r'<h([1-6]) id="([^"]*)"[^>]*>(.*?)</h\1>', re.S)
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
SUB_ID = re.compile(r"^\d+-\d+$")
FOLLOWUP_ID = re.compile(r"^\d+(?:-\d+)?-f\d+$")
SHORT_START = re.compile(r'<div class="admonition abstract">\s*<p class="admonition-title">(?:한 줄 답|Short answer)</p>')
DIV_TAG = re.compile(r"<(/?)div\b[^>]*>")
IMG = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"[^>]*>')
FIGURE = re.compile(r"<figure\b.*?</figure>", re.S)
# a card shows a figure only if it is small: the "full answer" link leads to the rest
SMALL_FIGURE = 32_000  # bytes; the site's SVG figures run from 27 to 85 KB
# the outlines of a page's glyphs, which its formulas' <use> elements point to (prerender_math.mjs)
GLYPHS = re.compile(r'<defs>((?:<path id="MJX-[^"]+"[^>]*></path>)+)</defs>')
GLYPH = re.compile(r'<path id="(MJX-[^"]+)"[^>]*></path>')
GLYPH_USE = re.compile(r'xlink:href="#(MJX-[^"]+)"')
SVG_START = re.compile(r"<svg\b[^>]*>")
SRC_H1 = re.compile(r"^# (.+?)\s*$", re.M)
SRC_SUB = re.compile(r"^## (.+?)\s*\{#(\d+-\d+)\}\s*$", re.M)

# "fresh": a new reader's state, in the HTML already (docs/javascripts/practice-loader.js
# writes the same words, and leaves the line alone when they are right: no relayout).
TEXT = {
    "ko": {"practise": "연습하기", "fresh": "새 질문"},
    "en": {"practise": "Practise this", "fresh": "New"},
}

# lang -> [(number, page url, page file in the site, tags)], filled while pages render
_pages: dict[str, list] = {}


def _lang(m: re.Match) -> str:
    return m[1] or "ko"


def _closing_div(html: str, start: int) -> int:
    """Where the </div> matching the <div> at start begins."""
    depth = 0
    for m in DIV_TAG.finditer(html, start):
        depth += -1 if m[1] else 1
        if depth == 0:
            return m.start()
    raise ValueError("unbalanced <div>")


def cards_of(article: str, number: int, url: str, tags: list[str]) -> list[dict]:
    """The cards of one built question page (the HTML of its <article>)."""
    heads = list(HEADING.finditer(article))
    cards = []
    for k, h in enumerate(heads):
        level, hid = int(h[1]), h[2]
        end = heads[k + 1].start() if k + 1 < len(heads) else len(article)
        prompt = HEADERLINK.sub("", h[3]).strip()
        if level == 1 or SUB_ID.match(hid):
            cid = str(number) if level == 1 else hid
            # the short answer comes before the part's first section heading
            m = SHORT_START.search(article, h.end(), end)
            if not m:
                continue
            answer = article[m.end():_closing_div(article, m.start())].strip()
            anchor = "" if level == 1 else "#" + hid
        elif FOLLOWUP_ID.match(hid):
            cid, anchor = hid, "#" + hid
            answer = article[h.end():end].strip()
            # the section ends at the next heading; footnotes close the article
            answer = answer.split('<div class="footnote">')[0].strip()
        else:
            continue
        if cid.split("-")[0] != str(number):
            raise ValueError(f"card id {cid} on the page of question {number}")
        cards.append({"id": cid, "q": number, "prompt": prompt, "answer": answer,
                      "url": url + anchor, "tags": tags})
    return cards


def drop_large_figures(answer: str, site: Path, dest: str) -> str:
    def large(src: str) -> bool:
        if re.match(r"^[a-z]+:", src):
            return False
        path = site / posixpath.normpath(posixpath.join(posixpath.dirname(dest), src))
        return path.is_file() and path.stat().st_size > SMALL_FIGURE

    answer = FIGURE.sub(lambda f: "" if any(large(s) for s in IMG.findall(f[0])) else f[0], answer)
    answer = IMG.sub(lambda i: "" if large(i[1]) else i[0], answer)
    return re.sub(r"<p>\s*</p>", "", answer)


def with_glyphs(html: str, glyphs: dict[str, str]) -> str:
    """`html` (a card's prompt or answer) with the outlines of the glyphs its formulas
    draw in its first formula: on the practice page it is away from its page's."""
    used = dict.fromkeys(GLYPH_USE.findall(html))
    if not used:
        return html
    html = GLYPHS.sub("", html)  # the page's own, when the card holds the page's first formula
    start = SVG_START.search(html).end()
    return html[:start] + "<defs>" + "".join(glyphs[g] for g in used if g in glyphs) + "</defs>" + html[start:]


def on_page_markdown(markdown, page, config, files):
    m = PRACTICE_SRC.match(page.file.src_uri)
    if not m or "<!-- practice-questions -->" not in markdown:
        return markdown
    lang = _lang(m)
    lines = []
    for path in sorted((Path(config.docs_dir) / lang / "questions").glob("[0-9][0-9]-*.md")):
        text = path.read_text(encoding="utf-8")
        h1 = SRC_H1.search(text)
        if not h1:
            continue
        lines.append(f"{int(path.name[:2])}. [{h1[1]}](questions/{path.name})")
        for sub in SRC_SUB.finditer(text):
            lines.append(f"    - [{sub[2]} {sub[1]}](questions/{path.name}#{sub[2]})")
    return markdown.replace("<!-- practice-questions -->", "\n".join(lines) + "\n")


def on_page_content(html, page, config, files):
    m = QUESTION_SRC.match(page.file.src_uri)
    if m:
        tags = [str(t) for t in (page.meta.get("tags") or [])]
        _pages.setdefault(_lang(m), []).append((int(m[2]), page.url, page.file.dest_uri, tags))
    return html


def on_post_page(output, page, config):
    # here rather than in on_page_content: the line stays out of the search index
    m = QUESTION_SRC.match(page.file.src_uri)
    if not m:
        return output
    lang, number, dest = _lang(m), int(m[2]), page.file.dest_uri
    practice = "en/practice/" if lang == "en" else "practice/"
    href = posixpath.relpath(practice, posixpath.dirname(dest)) + f"/?question={number}"
    article = output.find('<article class="md-content__inner')
    h1 = output.find("</h1>", article)
    if article < 0 or h1 < 0:
        return output
    # how many cards the question has: the line tells "new / due / k of n seen / learned"
    try:
        n = len(cards_of(output[article:output.find("</article>", article)], number, page.url, []))
    except ValueError:
        n = 0  # on_post_build names the problem
    line = (f'<p class="practice-line" data-practice-q="{number}" data-practice-cards="{n}">'
            f'<span class="practice-line__state">{TEXT[lang]["fresh"]}</span>'
            f'<a class="practice-line__go" href="{htmlmod.escape(href)}">{TEXT[lang]["practise"]}</a></p>')
    return output[:h1 + 5] + "\n" + line + output[h1 + 5:]


def on_post_build(config):
    from mkdocs.exceptions import PluginError  # imported here so that --help needs no MkDocs
    i18n = config.plugins.get("i18n")
    lang = i18n.current_language if i18n is not None else "ko"
    pages = sorted(_pages.pop(lang, []))
    if not pages:
        return
    site = Path(config.site_dir)
    cards, seen = [], {}
    for number, url, dest, tags in pages:
        path = site / dest
        text = path.read_text(encoding="utf-8")
        try:
            article = text[text.index("<article"):text.index("</article>")]
            page_cards = cards_of(article, number, url, tags)
            defs = GLYPHS.search(article)
            glyphs = {m[1]: m[0] for m in GLYPH.finditer(defs[1])} if defs else {}
            for c in page_cards:
                c["answer"] = with_glyphs(drop_large_figures(c["answer"], site, dest), glyphs)
                c["prompt"] = with_glyphs(c["prompt"], glyphs)
        except ValueError as e:
            raise PluginError(f"{dest}: {e}")
        for c in page_cards:
            if c["id"] in seen:
                raise PluginError(f"{dest}: card id {c['id']} also on {seen[c['id']]}")
            seen[c["id"]] = dest
        cards += page_cards
    out = site / "assets" / "practice"
    answers: dict[int, dict] = {}
    for c in cards:
        answers.setdefault(c["q"], {})[c["id"]] = c.pop("answer")
    dump = lambda data: json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    (out / lang).mkdir(parents=True, exist_ok=True)
    for number, by_id in answers.items():
        (out / lang / f"{number}.json").write_text(dump({"version": 1, "answers": by_id}), encoding="utf-8")
    (out / f"cards.{lang}.json").write_text(dump({"version": 1, "lang": lang, "cards": cards}), encoding="utf-8")
    log.info("%d practice cards -> %s, answers in %s/", len(cards), (out / f"cards.{lang}.json").relative_to(site),
             (out / lang).relative_to(site))


if __name__ == "__main__":
    hook_common.not_a_command(__doc__, __file__)
