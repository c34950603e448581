"""Heading ids are readable and stable: derived from the heading's own words, so
a shared link to a section (navigation tracking writes it into the address
bar) keeps working when headings are added elsewhere on the page."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADING = re.compile(r'<h([1-6]) id="([^"]*)"[^>]*>(.*?)</h\1>', re.S)
PAGE = "questions/12-relu-vs-sigmoid"


def headings(html_file: Path) -> list[tuple[str, str]]:
    """(id, text) of every heading of a built page's article, in order."""
    article = html_file.read_text(encoding="utf-8").split("<article", 1)[1].split("</article>")[0]
    return [(m[2], " ".join(re.sub(r"<[^>]+>|¶|&para;", "", m[3]).split())) for m in HEADING.finditer(article)]


def test_no_heading_has_a_positional_id(site):
    positional = []
    pages = [p for p in site.glob("**/index.html") if "<article" in p.read_text(encoding="utf-8")]
    assert len(pages) >= 40
    for page in pages:
        for hid, text in headings(page):
            if re.fullmatch(r"_\d+", hid):
                positional.append((str(page.relative_to(site)), hid, text))
    assert not positional, f"{len(positional)} headings with positional ids, e.g. {positional[:5]}"
    # Hangul stays in the id; sub-question ids stay as the source wrote them
    ids = [hid for hid, _ in headings(site / PAGE / "index.html")]
    assert "12-1" in ids and "12-2" in ids
    assert any(re.search(r"[가-힣]", hid) for hid in ids), ids


def test_ids_survive_a_heading_inserted_above(raw_math_site, tmp_path):
    """Build a copy of the project with a new section at the top of question 12
    (both languages): every other heading keeps its id."""
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "node_modules", "site", ".pytest_cache",
                                                              "__pycache__", ".venv"))
    new = {"ko": "## 새로 넣은 절\n\n위에 끼워 넣은 문단입니다.\n\n", "en": "## A section added on top\n\nA paragraph.\n\n"}
    for lang, text in new.items():
        md = copy / "docs" / lang / (PAGE + ".md")
        source = md.read_text(encoding="utf-8")
        h1 = re.search(r"^# .*\n\n", source, re.M)
        md.write_text(source[:h1.end()] + text + source[h1.end():], encoding="utf-8")
    out = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=copy,
                       capture_output=True, text=True, env={**os.environ, "MATH_PRERENDER": "0"})
    assert r.returncode == 0, r.stderr[-4000:]
    for lang, prefix in (("ko", ""), ("en", "en/")):
        before = headings(raw_math_site / prefix / PAGE / "index.html")
        after = headings(out / prefix / PAGE / "index.html")
        added = new[lang].split("\n")[0][3:]
        assert [h for h in after if h[1] != added] == before, f"{lang}: ids changed"
        assert len(after) == len(before) + 1
