"""The home pages and the glossary pages are made by the build (scripts/hook_generated_pages.py),
not committed: a new question shows on both home pages, in the glossary's links and in search
with nothing but `mkdocs build` run."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NEW = "21-new-question"
KO = """---
tags: [practice]
---

# 새로 추가한 질문은 어디에 나타나나요?

!!! abstract "한 줄 답"
    홈 페이지와 용어집과 검색에 바로 나타납니다. 그 밖의 설명입니다.

## 본문

질문 페이지 하나만 추가하면 충분합니다.
"""
EN = """---
tags: [practice]
---

# Where does a newly added question show?

!!! abstract "Short answer"
    On the home page, in the glossary and in search at once. More text.

## Body

Adding the question page is enough.
"""
ENTRY = """- ko: 새 용어
  en: fresh term
  variants: [프레시 텀]
  questions: [21]
  ko_def: 새 질문이 설명하는 용어입니다.
  en_def: A term the new question explains.
"""


def build(tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp / "site")], cwd=tmp,
                          capture_output=True, text=True, timeout=600, env={**os.environ, "MATH_PRERENDER": "0"})


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


@pytest.fixture
def project(tmp_path):
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(ROOT / name, tmp_path)
    return tmp_path


def test_no_generated_page_is_committed():
    for lang in ("ko", "en"):
        for name in ("index.md", "glossary.md"):
            assert not (ROOT / "docs" / lang / name).exists(), f"docs/{lang}/{name} is made by the build"


def test_a_new_question_needs_one_file_per_language(project):
    (project / "docs" / "ko" / "questions" / f"{NEW}.md").write_text(KO, encoding="utf-8")
    (project / "docs" / "en" / "questions" / f"{NEW}.md").write_text(EN, encoding="utf-8")
    with open(project / "glossary.yml", "a", encoding="utf-8") as f:
        f.write(ENTRY)
    r = build(project)
    assert r.returncode == 0, r.stderr[-3000:]
    site = project / "site"
    for prefix, lang, title in [("", "ko", "새로 추가한 질문은 어디에 나타나나요?"),
                                ("en/", "en", "Where does a newly added question show?")]:
        home = (site / prefix / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in home
        assert f'href="questions/{NEW}/"' in article(home) and title in article(home)  # not only in the nav
        gloss = (site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in gloss
        assert f'href="../questions/{NEW}/"' in article(gloss) and ("새 용어" if lang == "ko" else "fresh term") in gloss
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"] for d in index["docs"]}
    assert {f"questions/{NEW}/", f"en/questions/{NEW}/"} <= locations


def test_a_committed_copy_of_a_generated_page_fails_the_build(project):
    (project / "docs" / "en" / "glossary.md").write_text("# Glossary\n", encoding="utf-8")
    r = build(project)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert "docs/en/glossary.md: generated at build time by scripts/glossary.py: delete this file" in r.stderr
