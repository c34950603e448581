"""Key points (CONTRIBUTING.md, "Key points"): every question and sub-question has 3-6
in both languages, with the same ids; each point's evidence is in the item's own
answer on the page (a point the page never explains is a defect); the Korean uses
the house terms; the built page shows them right under the item's short answer."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

import glossary
import keypoints
from test_followups import headings, owners
from test_terms import avoided_forms, spelling_slips, term_slips

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "content" / "keypoints.py"


def squeeze(text: str) -> str:
    """Lower case, no spaces: 경사하강법 and 경사 하강법 are one form."""
    return re.sub(r"\s+", "", text.lower())


def forms_of() -> dict[str, list[str]]:
    """Every glossary form -> all the forms of its entry (a glossary term in the evidence
    is shown by any of them)."""
    out = {}
    for e in glossary.load():
        forms = [squeeze(f) for f in glossary.forms(e)]
        for f in forms:
            out.setdefault(f, []).extend(forms)
    return out


def sections(path: Path) -> dict[str, str]:
    """Each item's own answer, as Markdown: the question from the top to its first
    sub-question, each sub-question to the next (follow-ups and references included)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    items = owners(path)
    starts = [(items[0], 0)] + [(hid, n - 1) for n, level, _, hid in headings(path)
                                  if level == 2 and hid in items[1:]]
    ends = [s for _, s in starts[1:]] + [len(lines)]
    text = "\n".join(lines)
    body = text[text.index("\n---", 3) + 4:] if text.startswith("---") else text  # not the front matter
    skip = len(lines) - len(body.splitlines())
    return {item: "\n".join(lines[max(start, skip):end]) for (item, start), end in zip(starts, ends)}


@pytest.mark.parametrize("ko", keypoints.pages("ko"), ids=lambda p: p.name)
def test_every_item_has_key_points_in_both_languages_with_the_same_ids(ko):
    en = ROOT / "docs" / "en" / "questions" / ko.name
    k, e = keypoints.load(ko), keypoints.load(en)
    assert list(k) == owners(ko), f"{ko.name}: key points for {list(k)}, items are {owners(ko)}"
    assert {i: [p["id"] for p in ps] for i, ps in k.items()} == {i: [p["id"] for p in ps] for i, ps in e.items()}, \
        f"{ko.name}: the English key points' items or ids differ from the Korean ones"


@pytest.mark.parametrize("page", keypoints.pages("ko") + keypoints.pages("en"),
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_each_points_evidence_is_in_the_items_own_answer(page):
    forms, own, missing = forms_of(), sections(page), []
    for item, points in keypoints.load(page).items():
        text = squeeze(own[item])
        for p in points:
            for word in p["evidence"]:
                if not any(f in text for f in forms.get(squeeze(word), []) + [squeeze(word)]):
                    missing.append(f"docs/{page.parent.parent.name}/questions/{page.name}:{p['line']}: "
                                   f"{item} {p['id']}: {word!r} is not in the item's answer")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("page", keypoints.pages("ko") + keypoints.pages("en"),
                         ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_key_points_use_the_house_terms_and_spelling(page):
    lang = page.parent.parent.name
    slips = []
    for item, points in keypoints.load(page).items():
        for p in points:
            line = f"{p['text']}\n"
            found = term_slips(page.name, line, avoided_forms()) if lang == "ko" else spelling_slips(page.name, line)
            slips += [f"{page.name}:{p['line']}: {item} {p['id']}: {s}" for s in found]
    assert not slips, "\n".join(slips)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_page_shows_them_under_each_short_answer(raw_math_site, lang):
    title = {"ko": "핵심 포인트", "en": "Key points"}[lang]
    root = raw_math_site / ("en" if lang == "en" else "")
    for path in keypoints.pages(lang):
        html = (root / "questions" / path.stem / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'<div class="admonition abstract">.*?</div>\s*<div class="admonition keypoints">\s*'
                           r'<p class="admonition-title">([^<]*)</p>\s*<ul>(.*?)</ul>', html, re.S)
        expected = keypoints.load(path)
        assert len(shown) == len(expected), f"{path.name}: {len(shown)} key-point blocks under short answers"
        for (t, ul), points in zip(shown, expected.values()):
            assert t == title and re.findall(r'<li data-keypoint="(k\d)"', ul) == [p["id"] for p in points]


def test_malformed_key_points_are_one_line_and_fail_the_build(tmp_path):
    page = tmp_path / "12-x.md"
    page.write_text("---\nkeypoints:\n  \"12\":\n    - id: k1\n      text: a\n      evidence: [a]\n"
                    "    - id: k3\n      text: b\n      evidence: [b]\n    - id: k2\n      text: c\n"
                    "      evidence: [c]\n---\n\n# Q\n", encoding="utf-8")
    r = subprocess.run([sys.executable, SCRIPT, page], capture_output=True, text=True)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip() == f"{page}:7: keypoints: item 12: point 2 must be k2, not 'k3'"
