"""English pages record the Korean revision they translate; none may fall behind."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from errors import one_error

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "scripts" / "content" / "translations.py"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, cwd=cwd)


def run_in(docs, *args):
    return run("--docs", "docs", *args, cwd=docs.parent)


def test_every_english_page_is_current():
    r = run()
    assert r.returncode == 0, r.stdout


def test_tool_reports_missing_behind_and_stamps(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "ko", docs / "ko")
    shutil.copytree(ROOT / "docs" / "en", docs / "en")
    ko = docs / "ko" / "questions" / "06-overfitting.md"
    en = docs / "en" / "questions" / "06-overfitting.md"
    assert run("--docs", docs).returncode == 0

    ko.write_text(ko.read_text(encoding="utf-8") + "\n추가된 문단.\n", encoding="utf-8")
    (docs / "en" / "questions" / "07-hyperparameters.md").unlink()
    r = run("--docs", docs)
    assert r.returncode == 1
    assert "06-overfitting.md: behind" in r.stdout and "07-hyperparameters.md: missing" in r.stdout

    before = en.read_text(encoding="utf-8")
    assert run("--docs", docs, "--stamp", en).returncode == 0
    after = en.read_text(encoding="utf-8")
    assert after.count("ko_hash:") == 1 and after.split("---\n", 2)[2] == before.split("---\n", 2)[2]
    r = run("--docs", docs)
    assert "06-overfitting" not in r.stdout and "07-hyperparameters.md: missing" in r.stdout


def test_behind_page_shows_a_banner_on_the_site(tmp_path):
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(ROOT / name, tmp_path)
    ko = tmp_path / "docs" / "ko" / "questions" / "04-data-normalization.md"
    ko.write_text(ko.read_text(encoding="utf-8") + "\n추가된 문단.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
                       cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-3000:]
    banner = "Translation behind the Korean page"
    assert banner in (tmp_path / "site/en/questions/04-data-normalization/index.html").read_text(encoding="utf-8")
    assert banner not in (tmp_path / "site/en/questions/06-overfitting/index.html").read_text(encoding="utf-8")
    assert banner not in (tmp_path / "site/questions/04-data-normalization/index.html").read_text(encoding="utf-8")


def test_help():
    assert run("--help").returncode == 0


EN6 = "docs/en/questions/06-overfitting.md"
KO6 = "docs/ko/questions/06-overfitting.md"


def test_byte_order_mark_is_not_text(docs):
    """An editor that saves with a byte-order mark changes nothing: the page is still
    current, and --stamp rewrites its one front-matter block (dropping the mark, as
    every other page has none) instead of adding a second one above it."""
    en = docs.parent / EN6
    before = en.read_text(encoding="utf-8")
    en.write_bytes(b"\xef\xbb\xbf" + before.encode("utf-8"))
    r = run_in(docs)
    assert r.returncode == 0 and "06-overfitting" not in r.stdout, r.stdout

    ko = docs.parent / KO6
    ko.write_bytes(b"\xef\xbb\xbf" + ko.read_bytes() + "\n추가된 문단.\n".encode("utf-8"))
    assert f"{EN6}: behind" in run_in(docs).stdout
    assert run_in(docs, "--stamp", EN6).returncode == 0
    after = en.read_bytes().decode("utf-8")
    assert not after.startswith("\ufeff") and after.startswith("---\ntags: ")
    assert after.count("ko_hash:") == 1 and after.count("\n---\n") == before.count("\n---\n")
    assert after.split("---\n", 2)[2] == before.split("---\n", 2)[2]
    assert run_in(docs).returncode == 0


def test_unstamped_page_with_byte_order_mark_gets_one_front_matter_block(docs):
    en = docs.parent / EN6
    body = en.read_text(encoding="utf-8").split("---\n", 2)[2]
    en.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert f"{EN6}: unstamped" in run_in(docs).stdout
    assert run_in(docs, "--stamp", EN6).returncode == 0
    after = en.read_text(encoding="utf-8")
    assert after.startswith("---\nko_hash: ") and after.split("---\n", 2)[2] == "\n" + body
    assert run_in(docs).returncode == 0


def spoil(docs, rel, how):
    path = docs.parent / rel
    if how == "not utf-8":
        lines = path.read_bytes().split(b"\n")
        lines[4] += b" caf\xe9"  # Latin-1, on line 5
        path.write_bytes(b"\n".join(lines))
    elif how == "folder":
        path.unlink()
        path.mkdir()
    elif how == "bad yaml":
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            text = "---\n---\n" + text
        path.write_text("---\ntitle: [unclosed\n" + text[4:], encoding="utf-8")


@pytest.mark.parametrize("rel, how, error", [
    (EN6, "not utf-8", f"{EN6}:5: not UTF-8 (byte 0xe9)"),
    (KO6, "not utf-8", f"{KO6}:5: not UTF-8 (byte 0xe9)"),
    (EN6, "folder", f"{EN6}: a folder, not a page"),
    (KO6, "folder", f"{KO6}: a folder, not a page"),
    (EN6, "bad yaml", f"{EN6}:2: front matter is not valid YAML (while parsing a flow sequence: "
                      "expected ',' or ']', but got ':')"),
    (KO6, "bad yaml", f"{KO6}:2: front matter is not valid YAML (while parsing a flow sequence: "
                      "expected ',' or ']', but got ':')"),  # the next line holds the page's topic
])
def test_bad_pages_are_one_line_errors(docs, rel, how, error):
    spoil(docs, rel, how)
    r = run_in(docs)
    assert one_error(r) == error
    assert "06-overfitting" not in r.stdout  # reported once, on stderr, not also as "current"/"missing"


def test_front_matter_mkdocs_cannot_read_is_not_current(docs):
    """MkDocs would publish `title: [unclosed` as text; the page is not a current translation."""
    spoil(docs, EN6, "bad yaml")
    assert one_error(run_in(docs)).startswith(f"{EN6}:2: front matter is not valid YAML")
    assert one_error(run_in(docs, "--stamp", EN6)).startswith(f"{EN6}:2: front matter is not valid YAML")


def test_english_page_without_korean_page_is_reported(docs):
    orphan = docs / "en" / "questions" / "99-orphan.md"
    orphan.write_text("# Orphan\n", encoding="utf-8")
    r = run_in(docs)
    assert r.returncode == 1
    assert "docs/en/questions/99-orphan.md: no Korean page" in r.stdout


@pytest.mark.parametrize("target, error", [
    ("docs/en/questions/99-missing.md", "docs/en/questions/99-missing.md: no such file"),
    (KO6, f"{KO6}: a Korean page; stamp its English twin {EN6}"),
    ("notes.md", "notes.md: not an English page under docs/en/"),
    ("docs/en/index.md", "docs/en/index.md: not a translated page (only question and about pages are stamped)"),
    ("docs/en/questions/99-orphan.md", "docs/en/questions/99-orphan.md: no Korean page "
                                       "docs/ko/questions/99-orphan.md to translate"),
])
def test_stamp_refuses_what_is_not_an_english_translation(docs, target, error):
    (docs.parent / "notes.md").write_text("---\ntitle: notes\n---\n", encoding="utf-8")
    (docs / "en" / "questions" / "99-orphan.md").write_text("# Orphan\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in docs.parent.rglob("*.md")}
    en = docs.parent / EN6
    # the good page first: nothing is written unless every page can be stamped
    assert one_error(run_in(docs, "--stamp", EN6, target)) == error
    assert {p: p.read_bytes() for p in docs.parent.rglob("*.md")} == before and en.exists()


def test_a_topic_is_not_translated_text(docs):
    """Setting or changing a Korean page's topic (`tags:`) leaves its English twin current;
    a change to its text does not."""
    ko = docs / "ko" / "questions" / "06-overfitting.md"
    text = ko.read_text(encoding="utf-8")
    ko.write_text(text.replace("tags: [규제와 평가]", "tags: [기초]"), encoding="utf-8")
    assert run_in(docs).returncode == 0
    ko.write_text(text.replace("tags: [규제와 평가]\n", ""), encoding="utf-8")  # no topic at all
    assert run_in(docs).returncode == 0
    ko.write_text(text.replace("tags: [규제와 평가]", "tags: [기초]\ntitle: 과적합"), encoding="utf-8")
    r = run_in(docs)
    assert r.returncode == 1 and "06-overfitting.md" in r.stdout
