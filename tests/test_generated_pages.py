"""The home pages and the glossary pages are made by the build (scripts/hooks/hook_generated_pages.py),
not committed: a new question shows on both home pages, in the glossary's links and in search
with nothing but `mkdocs build` run."""
import html as htmlmod
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import home
from seed import unused_question
from translations import front_matter

ROOT = Path(__file__).resolve().parent.parent
N = unused_question()  # a number no real page has: a contributor's new question 21 does not collide
NEW = f"{N}-new-question"
KO = """---
tags: [실습과 프레임워크]
---

# 새로 추가한 질문은 어디에 나타나나요?

!!! abstract "한 줄 답"
    홈 페이지와 용어집과 검색에 바로 나타납니다. 그 밖의 설명입니다.

## 본문

질문 페이지 하나만 추가하면 충분합니다.
"""
EN = """---
tags: [Practice and frameworks]
---

# Where does a newly added question show?

!!! abstract "Short answer"
    On the home page, in the glossary and in search at once. More text.

## Body

Adding the question page is enough.
"""
ENTRY = f"""- ko: 새 용어
  en: fresh term
  variants: [프레시 텀]
  questions: [{N}]
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
        assert "/edit/main/docs/" not in home  # no edit link to a file that is not in the repository
        gloss = (site / prefix / "glossary" / "index.html").read_text(encoding="utf-8")
        assert "/edit/main/docs/" not in gloss
        # the language menu leads to the other language's glossary, not to a missing page
        other, href = ("en", "../en/glossary/") if lang == "ko" else ("ko", "../../glossary/")
        assert f'<a href="{href}" hreflang="{other}"' in gloss
        assert (site / prefix / "glossary" / href / "index.html").resolve().is_file()
        assert f'<html lang="{lang}"' in gloss
        assert f'href="../questions/{NEW}/"' in article(gloss) and ("새 용어" if lang == "ko" else "fresh term") in gloss
    locations = {d["location"] for lang in ("ko", "en")
                 for d in json.loads((site / "search" / f"search_index.{lang}.json").read_text(encoding="utf-8"))["docs"]}
    assert {f"questions/{NEW}/", f"en/questions/{NEW}/"} <= locations


def test_a_committed_copy_of_a_generated_page_fails_the_build(project):
    (project / "docs" / "en" / "glossary.md").write_text("# Glossary\n", encoding="utf-8")
    r = build(project)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert "docs/en/glossary.md: generated at build time by scripts/content/glossary.py: delete this file" in r.stderr


def tags_of(page: Path) -> list:
    import yaml
    m = front_matter(page.read_text(encoding="utf-8"), page)
    return (yaml.safe_load(m[1]) or {}).get("tags") if m else None


def sources(lang: str) -> list[Path]:
    return sorted((ROOT / "docs" / lang / "questions").glob("*.md"), key=lambda p: int(p.name.split("-")[0]))


def test_every_question_names_one_topic_the_same_in_both_languages():
    for ko in sources("ko"):
        en = ROOT / "docs" / "en" / "questions" / ko.name
        k, e = tags_of(ko), tags_of(en)
        assert k and len(k) == 1 and e and len(e) == 1, f"{ko.name}: tags {k} / {e}"
        assert (k[0], e[0]) in home.TOPICS, f"{ko.name}: {k[0]} / {e[0]} is not one topic of scripts/content/home.py"


def text_of(fragment: str) -> str:
    return " ".join(htmlmod.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_groups_questions_by_topic_each_with_its_short_answer(raw_math_site, lang):
    page = article((raw_math_site / ("en" if lang == "en" else "") / "index.html").read_text(encoding="utf-8"))
    names = [t[0 if lang == "ko" else 1] for t in home.TOPICS]
    sections = re.split(r"<h2[^>]*>", page)[1:]
    shown = [text_of(s[:s.index("</h2>")]).rstrip("¶ ") for s in sections]
    assert shown == [n for n in names if any(tags_of(p) == [n] for p in sources(lang))]
    for section, name in zip(sections, shown):
        questions = [p for p in sources(lang) if tags_of(p) == [name]]
        links = re.findall(r'<li>\s*<p><strong>\d+\.</strong> <a href="questions/([^"/]+)/">', section)
        assert links == [p.stem for p in questions], name
        for p in questions:
            item = section[section.index(f'href="questions/{p.stem}/"'):]
            answer = text_of(item[item.index("</p>"):item.index("</p>", item.index("</p>") + 4)])
            sentence = home.short_answer(p.read_text(encoding="utf-8"))
            plain = re.split(r"[$*`]", sentence)[0]  # up to the first formula, bold or code
            assert answer.startswith(" ".join(plain.split())), (p.name, answer[:80])
    assert "답변 있음" not in page and "answered" not in page


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_topic_index_per_language_and_each_question_links_its_topic(raw_math_site, lang):
    root = raw_math_site / ("en" if lang == "en" else "")
    index = (root / "tags" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in index
    listed = text_of(article(index))
    for name in (t[0 if lang == "ko" else 1] for t in home.TOPICS):
        assert name in listed
    for p in sources(lang):
        html = (root / "questions" / p.stem / "index.html").read_text(encoding="utf-8")
        tag = tags_of(p)[0]
        link = re.search(r'<a href="([^"]*)" class="md-tag[^"]*">\s*' + re.escape(tag) + r"\s*</a>", html)
        assert link and link[1].startswith("../../tags/#tag:"), (p.name, tag)
        assert f'href="../../{p.stem and ""}questions/{p.stem}/"' not in index  # links are relative to the index
        assert f'href="../questions/{p.stem}/"' in index, p.name
