"""A reader can see when an answer last changed and report a problem with it; the
repository says under what terms its content is used and where it comes from."""
import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml"
KO_DATE = re.compile(r"(\d{4})년 (\d{1,2})월 (\d{1,2})일")
EN_DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December) "
                     r"(\d{1,2}), (\d{4})")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def sources(lang):
    return sorted((ROOT / "docs" / lang / "questions").glob("*.md"))


def last_commit_day(path: Path) -> str | None:
    r = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(path)], cwd=ROOT, capture_output=True,
                       text=True)
    return r.stdout.strip() or None


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_each_question_page_shows_its_last_change_from_git_in_its_language(raw_math_site, lang):
    root = raw_math_site / ("en" if lang == "en" else "")
    for src in sources(lang):
        foot = article((root / "questions" / src.stem / "index.html").read_text(encoding="utf-8"))
        date = re.search(r'class="git-revision-date-localized-plugin[^"]*"[^>]*>([^<]+)<', foot)
        assert date, f"{src.name}: no date of the last change"
        title = "마지막 업데이트" if lang == "ko" else "Last update"
        assert f'title="{title}"' in foot
        if lang == "ko":
            y, m, d = KO_DATE.fullmatch(date[1]).groups()
        else:
            month, d, y = EN_DATE.fullmatch(date[1]).groups()
            m = MONTHS.index(month) + 1
        day = last_commit_day(src)
        if day and not subprocess.run(["git", "diff", "--quiet", "HEAD", "--", str(src)], cwd=ROOT).returncode:
            assert f"{int(y):04d}-{int(m):02d}-{int(d):02d}" == day, src.name  # committed and unchanged


@pytest.mark.parametrize("lang, text", [("ko", "이 답변의 문제 알리기"), ("en", "Report a problem with this answer")])
def test_each_question_page_links_a_prefilled_correction_issue(raw_math_site, lang, text):
    import mkdocs.config
    config = mkdocs.config.load_config(str(ROOT / "mkdocs.yml"))
    fields = {item.get("id") for item in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]}
    root = raw_math_site / ("en" if lang == "en" else "")
    for src in sources(lang):
        html = (root / "questions" / src.stem / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<a class="report-problem" href="([^"]+)"[^>]*>([^<]+)</a>', article(html))
        assert link and link[2] == text, src.name
        url = urlsplit(link[1].replace("&amp;", "&"))
        assert f"{url.scheme}://{url.netloc}{url.path}" == config.repo_url.rstrip("/") + "/issues/new"
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        assert query["template"] == FORM.name
        h1 = re.search(r"^# (.+?)\s*$", src.read_text(encoding="utf-8"), re.M)[1]
        assert h1 in query["title"]
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]
        assert query["page"] == canonical
        assert set(query) - {"template", "title"} <= fields  # every prefilled field exists in the form


def test_other_pages_have_neither_date_nor_report_link(raw_math_site):
    for page in ["index.html", "en/index.html", "glossary/index.html", "about/index.html", "tags/index.html"]:
        foot = article((raw_math_site / page).read_text(encoding="utf-8"))
        assert "report-problem" not in foot and "git-revision-date" not in foot, page


@pytest.mark.parametrize("page", ["about/index.html", "en/about/index.html"])
def test_about_pages_credit_the_upstream_and_name_the_licenses(raw_math_site, page):
    text = article((raw_math_site / page).read_text(encoding="utf-8"))
    for repo in ["https://github.com/boost-devs/ai-tech-interview",
                 "https://github.com/boostcamp-ai-tech-team-BR31/ai-tech-interview",
                 "https://github.com/zzsza/Datascience-Interview-Questions"]:
        assert f'href="{repo}"' in text, repo
    assert re.search(r'href="[^"]*/blob/main/LICENSE"', text)
    assert "MIT" in text and "CC BY 4.0" in text


def test_license_says_what_applies_to_what():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "CC BY 4.0" in text and "Copyright (c) 2021 boost-devs" in text
    for part in ["scripts/", "docs/ko/", "docs/assets/figures/"]:
        assert part in text


def test_pull_request_checklist_names_what_a_change_to_an_answer_needs():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "docs/ko/questions/" in text and "docs/en/questions/" in text
    assert "python scripts/content/translations.py --stamp" in text and "python -m pytest" in text
