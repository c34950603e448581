"""Every question and sub-question ends with follow-up questions in one format a
program can read (CONTRIBUTING.md, "Anatomy of a question page"): the practice
mode turns each follow-up into a card by its id, in both languages."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HEADING = re.compile(r"^(#{1,6}) (.*?)(?: \{#([^}\s]+)\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
SECTION_TITLE = {"ko": "꼬리 질문", "en": "Follow-up questions"}
# a sentence ends at . ? ! followed by a space or the end, except after these
ABBREV = re.compile(r"(?:\be\.g|\bi\.e|\bet al|\bvs|\bFig|\bSec|\bEq|\bcf|\bp|\bpp|\bVol|\bch)\.$", re.I)


def headings(path: Path):
    """(line number, level, text, id) of every heading outside code fences."""
    out, fenced = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else HEADING.match(line)
        if m:
            out.append((n, len(m.group(1)), m.group(2), m.group(3)))
    return out


def sections(path: Path):
    """{owner id: (heading level, [(follow-up id, question, answer text)])} of one page.

    The owner is the question number ("7") for a level-2 section, or the
    sub-question id ("12-1") for a level-3 one."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hs = headings(path)
    found = {}
    for i, (n, level, text, hid) in enumerate(hs):
        m = re.fullmatch(r"(\d+(?:-\d+)?)-followups", hid or "")
        if not m:
            continue
        items, j = [], i + 1
        while j < len(hs) and hs[j][1] > level:
            end = hs[j + 1][0] - 1 if j + 1 < len(hs) else len(lines)
            body = "\n".join(lines[hs[j][0]:end]).strip()
            items.append((hs[j][3], hs[j][2], body, hs[j][1]))
            j += 1
        assert m.group(1) not in found, f"{path}:{n}: a second follow-up section for {m.group(1)}"
        found[m.group(1)] = (level, text, items, n)
    return found


def sentences(text: str) -> int:
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$|`[^`]*`", "X", text, flags=re.S)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    ends = [m for m in re.finditer(r"[.?!。](?=\s|$)", text) if not ABBREV.search(text[:m.end()])]
    return len(ends)


def pages(lang):
    return sorted((DOCS / lang / "questions").glob("*.md"))


def owners(path: Path):
    """The question number and every sub-question id of a page."""
    number = str(int(re.match(r"(\d+)-", path.name).group(1)))
    subs = [hid for _, level, _, hid in headings(path) if level == 2 and hid and re.fullmatch(r"\d+-\d+", hid)]
    return [number] + subs


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_question_and_sub_question_has_four_follow_ups_in_the_uniform_format(lang):
    problems = []
    for path in pages(lang):
        found = sections(path)
        for owner in owners(path):
            if owner not in found:
                problems.append(f"{path.relative_to(ROOT)}: no follow-up section {{#{owner}-followups}}")
                continue
            level, title, items, n = found[owner]
            where = f"{path.relative_to(ROOT)}:{n}"
            if title != SECTION_TITLE[lang]:
                problems.append(f"{where}: section title {title!r}, expected {SECTION_TITLE[lang]!r}")
            if level != (2 if "-" not in owner else 3):
                problems.append(f"{where}: section {owner} at level {level}")
            if len(items) < 4:
                problems.append(f"{where}: {len(items)} follow-ups for {owner}, at least 4 expected")
            for i, (fid, question, answer, flevel) in enumerate(items, 1):
                if fid != f"{owner}-f{i}" or flevel != level + 1:
                    problems.append(f"{where}: follow-up {i} has id {fid!r} at level {flevel}, "
                                    f"expected {owner}-f{i} at level {level + 1}")
                if not question.rstrip().endswith("?"):
                    problems.append(f"{where}: follow-up {fid} is not a question: {question!r}")
                if not 2 <= sentences(answer) <= 6:
                    problems.append(f"{where}: follow-up {fid} answer has {sentences(answer)} sentences (2-6)")
        stray = set(found) - set(owners(path))
        problems += [f"{path.relative_to(ROOT)}: follow-up section for unknown {s}" for s in sorted(stray)]
    assert not problems, "\n".join(problems)


def test_follow_up_ids_are_the_same_in_both_languages():
    for ko in pages("ko"):
        en = DOCS / "en" / "questions" / ko.name
        ko_ids = {o: [i[0] for i in s[2]] for o, s in sections(ko).items()}
        en_ids = {o: [i[0] for i in s[2]] for o, s in sections(en).items()}
        assert ko_ids == en_ids, ko.name


def test_old_mixed_follow_up_sections_are_gone():
    old = re.compile(r"^#{2,4} (함정과 꼬리 질문|꼬리 질문과 흔한 실수|꼬리 질문: .*|Pitfalls and follow-up.*)$", re.M)
    hits = [f"{p.relative_to(ROOT)}: {m.group(0)}" for lang in ("ko", "en") for p in pages(lang)
            for m in old.finditer(p.read_text(encoding="utf-8"))]
    assert not hits, "\n".join(hits)


def test_the_format_checker_catches_a_broken_section(tmp_path):
    page = tmp_path / "07-x.md"
    page.write_text("# Q?\n\n## 꼬리 질문 {#7-followups}\n\n### A? {#7-f1}\n\nOne. Two.\n\n"
                    "### B {#7-f3}\n\nOnly one.\n", encoding="utf-8")
    level, title, items, _ = sections(page)["7"]
    assert [i[0] for i in items] == ["7-f1", "7-f3"] and level == 2 and title == "꼬리 질문"
    assert sentences(items[0][2]) == 2 and sentences(items[1][2]) == 1
    assert sentences("Shown by Smith et al. in 2020, e.g. here. It holds.") == 2


PITFALLS_TITLE = {"ko": "흔한 실수", "en": "Common pitfalls"}
# Pages whose pitfalls section is in place; every question page joins as its turn comes (issue 26).
LINK_TO_SECTION = re.compile(r"\]\(#([^)\s]+)\)")


def pitfalls(path: Path):
    """(heading line, bullets, the next level-2 heading's id) of the page's pitfalls section, or None."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hs = [h for h in headings(path) if h[1] == 2]
    for i, (n, _, text, hid) in enumerate(hs):
        if hid and hid.endswith("-pitfalls"):
            end = hs[i + 1][0] - 1 if i + 1 < len(hs) else len(lines)
            bullets = [line for line in lines[n:end] if line.startswith("- ")]
            return n, text, hid, bullets, hs[i + 1][3] if i + 1 < len(hs) else None
    return None


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_pitfalls_sections_link_into_their_page_just_before_the_follow_ups(raw_math_site, lang):
    """3-5 bullets, each linking to a section of its own page that exists in the built HTML."""
    problems = []
    root = raw_math_site / ("en" if lang == "en" else "")
    for path in pages(lang):
        number = int(re.match(r"(\d+)-", path.name).group(1))
        found = pitfalls(path)
        if found is None:  # every question page has one (CONTRIBUTING.md, "Anatomy")
            problems.append(f"{path.relative_to(ROOT)}: no pitfalls section {{#{number}-pitfalls}}")
            continue
        n, title, hid, bullets, after = found
        where = f"{path.relative_to(ROOT)}:{n}"
        if (title, hid) != (PITFALLS_TITLE[lang], f"{number}-pitfalls"):
            problems.append(f"{where}: pitfalls heading {title!r} {{#{hid}}}")
        if after != f"{number}-followups":
            problems.append(f"{where}: pitfalls section followed by {after!r}, not the follow-ups")
        if not 3 <= len(bullets) <= 5:
            problems.append(f"{where}: {len(bullets)} pitfalls (3-5)")
        html = (root / "questions" / path.stem / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        for bullet in bullets:
            targets = LINK_TO_SECTION.findall(bullet)
            if not targets:
                problems.append(f"{where}: a pitfall links no section of the page: {bullet[:60]!r}")
            problems += [f"{where}: #{t} is not an id of the built page" for t in targets if t not in ids]
    assert not problems, "\n".join(problems)
