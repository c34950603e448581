"""glossary.yml: one list of terms that feeds the glossary pages and the search.
Bad entries are reported as one `FILE:LINE: reason` line, never a traceback."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "glossary.py"
sys.path.insert(0, str(ROOT / "scripts"))
import glossary  # noqa: E402

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


def test_pages_are_up_to_date():
    r = run("--check")
    assert r.returncode == 0, r.stdout + r.stderr


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
    r = run("--check", "--source", source)
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
    entries = glossary.load()
    for lang, path in [("ko", site / "glossary" / "index.html"), ("en", site / "en" / "glossary" / "index.html")]:
        html = path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        rows = re.findall(r"<tr>\s*<td><strong>(.*?)</strong>", html)
        assert len(rows) == len(entries)
        for e in entries:
            assert f"<strong>{e[lang]}</strong>" in html, e[lang]
        assert "questions/16-batch-normalization/" in html


def test_search_data_is_published_for_the_worker(site):
    text = (site / "assets" / "javascripts" / "lunr" / "glossary.js").read_text(encoding="utf-8")
    m = re.fullmatch(r"self\.__glossary = (\{.*\});\n", text, re.S)
    assert m
    assert json.loads(m[1]) == glossary.search_data(glossary.load())
