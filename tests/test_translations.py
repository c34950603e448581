"""English pages record the Korean revision they translate; none may fall behind."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "scripts" / "translations.py"


def run(*args):
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True)


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
