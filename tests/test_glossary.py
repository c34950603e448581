"""glossary.yml: one list of terms that feeds the glossary pages and the search.
Bad entries are reported as one `FILE:LINE: reason` line, never a traceback."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

import glossary
from errors import one_error

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "content" / "glossary.py"

GOOD = """\
- ko: 과적합
  en: overfitting
  variants: [오버피팅]
  questions: [6]
  ko_def: 뜻.
  en_def: Meaning.
"""


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True)


@pytest.mark.parametrize("text, line, reason", [
    (GOOD + "- ko: 드롭아웃\n  en: dropout\n", 7, "missing variants, questions, ko_def, en_def"),
    (GOOD + GOOD.replace("과적합", "과적합2").replace("overfitting", "overfit"), 7,
     "'오버피팅' is already a form of the entry on line 1"),
    (GOOD.replace("questions: [6]", "questions: [99]"), 1, "existing question numbers, not [99]"),
    (GOOD.replace("  ko_def: 뜻.\n", "  ko_def: 뜻.\n  colour: red\n"), 1, "unknown field colour"),
    (GOOD + "- ko: 드롭: 아웃\n", 7, "not valid YAML"),
    ("just: a mapping\n", 1, "expected a list of entries"),
])
def test_bad_entries_are_one_line_with_file_and_line(tmp_path, text, line, reason):
    source = tmp_path / "glossary.yml"
    source.write_text(text, encoding="utf-8")
    r = run("--source", source)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr
    assert lines[0].startswith(f"glossary.yml:{line}: ") and reason in lines[0], lines[0]


def test_forms_match_however_they_are_spaced_or_cased():
    data = glossary.search_data(glossary.load())
    bn = data["forms"][glossary.norm("배치 정규화")]
    for typed in ["배치정규화", "배치놈", "배치 놈", "BatchNorm", "batch-norm", "BN"]:
        assert data["forms"][glossary.norm(typed)] == bn, typed
    assert 16 in data["questions"][bn]


def test_search_adds_only_words_of_one_entry():
    entries = glossary.load()
    data = glossary.search_data(entries)
    owners = {}
    for i, words in enumerate(data["words"]):
        assert words, f"entry on line {entries[i]['line']} adds no word to a search"
        for w in words:
            owners.setdefault(w, []).append(i)
    assert all(len(v) == 1 for v in owners.values())
    assert "gradient" not in owners  # shared by vanishing gradient and gradient descent


def test_glossary_pages_list_every_term_in_both_languages(site):
    """One block per term: a heading (its own address, the same in both languages), the other
    language and the variants, the meaning, links to the questions; no table."""
    entries = glossary.load()
    ids = {}
    for lang, path in [("ko", site / "glossary" / "index.html"), ("en", site / "en" / "glossary" / "index.html")]:
        html = path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        article = html[html.index("<article"):html.index("</article>")]
        assert "<table" not in article
        blocks = re.findall(r'<h2 id="([^"]+)">(.*?)<a class="headerlink".*?</h2>(.*?)(?=<h2|$)', article, re.S)
        assert len(blocks) == len(entries)
        ids[lang] = sorted(b[0] for b in blocks)
        by_term = {b[1].strip(): b[2] for b in blocks}
        other = "en" if lang == "ko" else "ko"
        for e in entries:
            block = by_term[str(e[lang])]
            assert str(e[other]) in block and all(str(v) in block for v in e["variants"]), e[lang]
            for q in e["questions"]:
                assert re.search(rf'href="\.\./questions/{q:02d}-[^"/]+/"', block), (e[lang], q)
    assert ids["ko"] == ids["en"]


def test_search_data_is_published_for_the_worker(site):
    text = (site / "assets" / "javascripts" / "lunr" / "glossary.js").read_text(encoding="utf-8")
    m = re.fullmatch(r"self\.__glossary = (\{.*\});\n", text, re.S)
    assert m
    assert json.loads(m[1]) == glossary.search_data(glossary.load())


def project(tmp_path: Path) -> Path:
    """A copy of the script and the Korean question pages, run as a contributor would run it."""
    (tmp_path / "scripts" / "content").mkdir(parents=True)
    shutil.copy(SCRIPT, tmp_path / "scripts" / "content")
    shutil.copy(SCRIPT.with_name("translations.py"), tmp_path / "scripts" / "content")
    shutil.copytree(ROOT / "docs" / "ko" / "questions", tmp_path / "docs" / "ko" / "questions")
    (tmp_path / "docs" / "en").mkdir()
    return tmp_path


def run_copy(tmp: Path, text: str | bytes, *args):
    source = tmp / "glossary.yml"
    source.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return subprocess.run([sys.executable, str(tmp / "scripts" / "content" / "glossary.py"), "--source", source, *args],
                          cwd=tmp, capture_output=True, text=True)


@pytest.mark.parametrize("text, error", [
    ((GOOD + GOOD.replace("과적합", "과적합2").replace("overfitting", "overfit").replace("오버피팅", "x")
      ).encode("utf-8").replace("과적합2".encode(), b"caf\xe9"), "glossary.yml:7: not UTF-8 (byte 0xe9)"),
    (GOOD.replace("questions: [6]", "questions: [true]"),
     "glossary.yml:1: questions must list existing question numbers, not [True]"),
    (GOOD.replace("  en: overfitting\n", "  en: overfitting\n  ko: 과대적합\n"),
     "glossary.yml:3: duplicate key 'ko' (first on line 1)"),
    (GOOD.replace("  ko_def: 뜻.\n", "  ko_def: 뜻.\n  variants: [과적합화]\n"),
     "glossary.yml:6: duplicate key 'variants' (first on line 3)"),
], ids=["not-utf8", "question-true", "duplicate-ko", "duplicate-variants"])
def test_bad_glossary_is_one_line(tmp_path, text, error):
    tmp = project(tmp_path)
    assert one_error(run_copy(tmp, text)) == error


def test_missing_source_is_one_line(tmp_path):
    missing = tmp_path / "nope.yml"
    assert one_error(run("--source", missing)) == f"{missing}: no such file"


def test_html_in_a_term_is_shown_as_text(tmp_path):
    tmp = project(tmp_path)
    text = (GOOD.replace("ko: 과적합", "ko: '<b>과적합</b>'").replace("en: overfitting", "en: 'over & <i>fit</i>'")
            .replace("[오버피팅]", "['<script>alert(1)</script>']"))
    for lang in ("ko", "en"):
        r = run_copy(tmp, text, "--lang", lang)
        assert r.returncode == 0, r.stderr
        page = markdown.markdown(r.stdout, extensions=["attr_list", "md_in_html"])
        block = page[page.index("<h2"):]
        assert "<b>" not in block and "<i>" not in block and "<script>" not in block, block
        assert "&lt;b&gt;과적합&lt;/b&gt;" in block and "over &amp; &lt;i&gt;fit&lt;/i&gt;" in block
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block


def test_three_digit_question_numbers(tmp_path):
    tmp = project(tmp_path)
    (tmp / "docs" / "ko" / "questions" / "100-hundredth.md").write_text("# 백 번째 질문\n", encoding="utf-8")
    r = run_copy(tmp, GOOD.replace("questions: [6]", "questions: [6, 100]"), "--lang", "en")
    assert r.returncode == 0, r.stderr
    text = r.stdout
    assert "[question 100](questions/100-hundredth.md)" in text and "[question 6](questions/06-overfitting.md)" in text
