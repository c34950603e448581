"""A "Common pitfalls" section (CONTRIBUTING.md, "Anatomy of a question page") is a
short list of mistakes, each pointing to the part of the page that explains it:
`## 흔한 실수 {#N-pitfalls}` / `## Common pitfalls {#N-pitfalls}` just before the
question's own follow-ups, 3 to 5 bullets, every bullet linking to a heading that
exists on the same built page, and the same number of bullets in both languages."""
import re
from pathlib import Path

from test_followups import DOCS, headings, pages

TITLE = {"ko": "흔한 실수", "en": "Common pitfalls"}
ANCHOR = re.compile(r"\]\(#([^)\s]+)\)")
HEADING_ID = re.compile(r'<h[1-6] id="([^"]+)"')


def pitfalls(path: Path):
    """(line, title, bullets, id of the next level-2 heading) of the page's pitfalls
    section, or None when it has none."""
    number = str(int(re.match(r"(\d+)-", path.name).group(1)))
    lines = path.read_text(encoding="utf-8").splitlines()
    hs = headings(path)
    for i, (n, level, title, hid) in enumerate(hs):
        if hid != f"{number}-pitfalls":
            continue
        after = [h for h in hs[i + 1:] if h[1] <= 2]
        end = after[0][0] - 1 if after else len(lines)
        bullets = [line for line in lines[n:end] if line.startswith("- ")]
        return n, title, bullets, after[0][3] if after else None
    return None


def problems(path: Path, lang: str, page_ids: set[str]) -> list[str]:
    """What is wrong with the pitfalls section of one page, FILE:LINE first."""
    number = str(int(re.match(r"(\d+)-", path.name).group(1)))
    n, title, bullets, following = pitfalls(path)
    where = f"{path.name}:{n}"
    out = []
    if title != TITLE[lang]:
        out.append(f"{where}: title {title!r}, expected {TITLE[lang]!r}")
    if following != f"{number}-followups":
        out.append(f"{where}: followed by {following!r}, expected the section {number}-followups")
    if not 3 <= len(bullets) <= 5:
        out.append(f"{where}: {len(bullets)} bullets (3-5)")
    for bullet in bullets:
        targets = ANCHOR.findall(bullet)
        if not targets:
            out.append(f"{where}: a bullet links nowhere on the page: {bullet[:60]!r}")
        out += [f"{where}: #{t} is not a heading of the built page" for t in targets if t not in page_ids]
    return out


def built_ids(site: Path, lang: str, path: Path) -> set[str]:
    html = (site / ("en/" if lang == "en" else "") / "questions" / path.stem / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>")[0]
    return set(HEADING_ID.findall(article))


def test_pitfalls_sections_link_into_their_own_page_in_both_languages(raw_math_site):
    found, bad = [], []
    for lang in ("ko", "en"):
        for path in pages(lang):
            if pitfalls(path):
                found.append((lang, path.name))
                ids = built_ids(raw_math_site, lang, path)
                bad += [f"docs/{lang}/questions/{p}" for p in problems(path, lang, ids)]
    assert found, "no question page has a {#N-pitfalls} section"
    for path in pages("ko"):
        ko, en = pitfalls(path), pitfalls(DOCS / "en" / "questions" / path.name)
        if bool(ko) != bool(en) or (ko and len(ko[2]) != len(en[2])):
            bad.append(f"{path.name}: the Korean and English pitfalls sections differ")
    assert not bad, "\n".join(bad)


def test_the_pitfalls_checker_catches_a_broken_section(tmp_path):
    page = tmp_path / "07-x.md"
    page.write_text("# Q?\n\n## Body {#body}\n\nText.\n\n## 흔한 실수 {#7-pitfalls}\n\n"
                    "- **One**: see [body](#body).\n- **Two**: nowhere.\n\n"
                    "## Other\n\n## 꼬리 질문 {#7-followups}\n", encoding="utf-8")
    assert problems(page, "ko", {"body"}) == [
        "07-x.md:7: followed by None, expected the section 7-followups",
        "07-x.md:7: 2 bullets (3-5)",
        "07-x.md:7: a bullet links nowhere on the page: '- **Two**: nowhere.'",
    ]
    assert problems(page, "en", set()) == [
        "07-x.md:7: title '흔한 실수', expected 'Common pitfalls'",
        "07-x.md:7: followed by None, expected the section 7-followups",
        "07-x.md:7: 2 bullets (3-5)",
        "07-x.md:7: #body is not a heading of the built page",
        "07-x.md:7: a bullet links nowhere on the page: '- **Two**: nowhere.'",
    ]
