"""scripts/content/split_readme.py: upstream quirks, bad input, nothing lost, no silent overwrite."""
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import import_check
import split_readme
from import_check import bad_markup
from seed import SEED, number, questions, subs, toc

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "content" / "split_readme.py"

MATH = "https://render.githubusercontent.com/render/math?math="


def run(*args, cwd=None):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def readme(body: str, toc_lines: str = "- [Question one](#1)\n- [Question two](#2)\n") -> str:
    return f"# Title\n\n## Table of Contents\n\n{toc_lines}\n---\n\n{body}"


def imported(tmp_path, text: str, *extra) -> dict[str, str]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "README.md"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    r = run(src, "--out", out, "--slugs", tmp_path / "none.json", *extra)
    assert r.returncode == 0, r.stderr
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}


def page(pages: dict, n: int) -> str:
    (name,) = [k for k in pages if k.startswith(f"questions/{n:02d}-")]
    return pages[name]


# --- quirks -------------------------------------------------------------------

def test_section_heading_spellings(tmp_path):
    pages = imported(tmp_path, readme("## #1\n\nfirst answer\n\n## # 2\n\nsecond answer\n"))
    assert "first answer" in page(pages, 1) and "second answer" in page(pages, 2)
    assert page(pages, 1).startswith("# Question one\n")


def test_repeated_question_heading_becomes_the_h1(tmp_path):
    p = page(imported(tmp_path, readme("## #1\n\n### Question one\n\ntext\n")), 1)
    assert p.count("Question one") == 1 and p.startswith("# Question one\n")


def test_sub_question_headings_get_the_source_anchor(tmp_path):
    toc_lines = "- [Q](#12)\n  - [Why non-linearity?](#12-1)\n  - [Approximating curves](#12-2)\n  - [Bias](#12-3)\n"
    body = ("## #12\n\nintro\n\n#### #12-1 Why non-linearity?\n\nbecause\n\n"
            "### Approximating curves\n\npieces\n\n#### detail\n\nmore\n")
    p = page(imported(tmp_path, readme(body, toc_lines)), 12)
    assert "## Why non-linearity? {#12-1}" in p
    assert "## Approximating curves {#12-2}" in p
    assert "### detail" in p  # a heading inside a sub-question stays below it
    # listed in the table of contents, absent from the section: heading plus notice
    assert re.search(r"## Bias \{#12-3\}\n\n!!! info", p)


def test_sub_heading_worded_differently_keeps_both(tmp_path):
    toc_lines = "- [Q](#3)\n  - [Short title](#3-1)\n"
    p = page(imported(tmp_path, readme("## #3\n\n#### #3-1 A much longer title\n\nx\n", toc_lines)), 3)
    assert "## Short title {#3-1}" in p and "**A much longer title**" in p


def test_formula_images_become_tex(tmp_path):
    body = ("## #1\n\ninline <img src=\"" + MATH + "\\lambda | w |\"> here\n\n"
            "<img src=\"" + MATH + "a %2B b\">\n\n"
            "[<img src=\"" + MATH + "x^2\">](" + MATH + "x^2)\n")
    p = page(imported(tmp_path, readme(body)), 1)
    assert "inline $\\lambda | w |$ here" in p
    assert "$$\na + b\n$$" in p
    assert "$$\nx^2\n$$" in p
    assert "render.githubusercontent" not in p


def test_display_dollars_with_spaces_alone_on_a_line(tmp_path):
    """BR31's versions of September 2021: "$$ Cost = ... $$" on a line of its own is display math."""
    p = page(imported(tmp_path, readme("## #1\n\n$$ Cost = \\frac{1}{n}\\sum \\{L(y_i, \\hat y_i)\\} $$\n")), 1)
    assert "\n$$\nCost = \\frac{1}{n}\\sum \\{L(y_i, \\hat y_i)\\}\n$$\n" in p


def test_stray_comma_in_img_and_html_block(tmp_path):
    body = "## #1\n\n   <div align='center'>\n     <img src=\"./images/n.PNG\" , width=\"50%\">\n   </div>\n"
    p = page(imported(tmp_path, readme(body)), 1)
    assert "<div align='center' markdown>\n![](./images/n.PNG){ width=\"50%\" }\n</div>" in p


def test_nested_broken_link_is_repaired_without_losing_its_title(tmp_path):
    body = "## #1\n\n- [정규화]([정규화(Normalization)의 목적 (tistory.com)](https://example.org/31))\n"
    p = page(imported(tmp_path, readme(body)), 1)
    assert "- [정규화](https://example.org/31) — 정규화(Normalization)의 목적 (tistory.com)" in p


def test_headings_in_fenced_code_are_code(tmp_path):
    body = "## #1\n\n```python\n# comment\n## #2\n```\n\n## #2\n\nreal\n"
    pages = imported(tmp_path, readme(body))
    assert "```python\n# comment\n## #2\n```" in page(pages, 1)
    assert "real" in page(pages, 2)


def test_empty_template_section_says_not_written(tmp_path):
    body = "## #1\n\n### 질문\n\n내용\n\n##### References\n\n- [제목](링크)\n"
    p = page(imported(tmp_path, readme(body)), 1)
    assert split_readme.NOT_WRITTEN in p
    assert "<!-- upstream's empty answer template:" in p and "- [제목](링크)" in p
    assert p.index("<!--") < p.index("- [제목](링크)") < p.index("-->")


def test_question_without_section_says_not_written(tmp_path):
    pages = imported(tmp_path, readme("## #1\n\nanswer\n"))
    assert split_readme.NOT_WRITTEN in page(pages, 2)
    assert split_readme.NOT_WRITTEN not in page(pages, 1)


def test_images_found_are_copied_missing_ones_warned(tmp_path):
    imgs = tmp_path / "imgs" / "images"
    imgs.mkdir(parents=True)
    (imgs / "a.png").write_bytes(b"\x89PNG")
    src = tmp_path / "README.md"
    src.write_text(readme("## #1\n\n![x](images/a.png)\n\n<img src=\"./images/b.PNG\">\n"), encoding="utf-8")
    out = tmp_path / "docs" / "ko"
    r = run(src, "--out", out, "--images", tmp_path / "imgs")
    assert r.returncode == 0
    assert (tmp_path / "docs" / "assets" / "images" / "a.png").read_bytes() == b"\x89PNG"
    p = next((out / "questions").glob("01-*.md")).read_text(encoding="utf-8")
    assert "![x](../../assets/images/a.png)" in p
    assert r.stderr.strip() == f"{src}:14: image not found: b.PNG"


def test_seed_imports_twenty_questions_with_every_anchor(tmp_path):
    out = tmp_path / "ko"
    r = run(SEED, "--out", out)
    assert r.returncode == 0, r.stderr
    pages = sorted((out / "questions").glob("*.md"))
    assert [int(p.name[:2]) for p in pages] == questions() == list(range(1, 21))
    for p in pages:
        n = int(p.name[:2])
        text = p.read_text(encoding="utf-8")
        assert text.startswith(f"# {toc()[str(n)]}\n")
        assert re.findall(r"\{#(\d+-\d+)\}", text) == subs(n)
        assert re.fullmatch(r"\d\d-[a-z0-9]+(-[a-z0-9]+)*\.md", p.name)
    warned = [l for l in r.stderr.splitlines() if "image not found" in l]
    assert len(warned) == 11


# --- bad input: one line FILE:LINE: reason, exit 1, nothing written ------------

BAD = {
    "empty": (b"", 1, "empty file"),
    "not-utf8": ("## Table of Contents\n- [a](#1)\n".encode() + b"\xff\xfe\n", 3, "not UTF-8"),
    "no-toc": (b"# Title\n\ntext, no section\n", 1, "no table of contents"),
    "dup-toc": (readme("## #1\n", "- [a](#1)\n- [b](#1)\n").encode(), 6, "duplicate question number 1"),
    "dup-section": (readme("## #1\n\nx\n\n## #1\n\ny\n").encode(), 14, "duplicate question number 1"),
    "unknown-section": (readme("## #1\n\nx\n\n## #7\n").encode(), 14, "section #7 is not in the table of contents"),
    "orphan-sub": (readme("## #1\n", "  - [s](#4-1)\n").encode(), 5, "sub-question #4-1"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, case):
    data, line, reason = BAD[case]
    src = tmp_path / "README.md"
    src.write_bytes(data)
    out = tmp_path / "out"
    r = run(src, "--out", out)
    assert r.returncode == 1
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert r.stderr.startswith(f"{src}:{line}: ") and reason in r.stderr
    assert "Traceback" not in r.stderr
    assert not out.exists()


def test_missing_file_is_one_line(tmp_path):
    r = run(tmp_path / "nope.md", "--out", tmp_path / "out")
    assert r.returncode == 1 and len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr


def test_help():
    r = run("--help")
    assert r.returncode == 0 and "--force" in r.stdout and "--check" in r.stdout


# --- never overwrite an edited page without --force ---------------------------

def test_check_force_and_refusal(tmp_path):
    out = tmp_path / "ko"
    r = run(SEED, "--out", out, "--check")
    assert r.returncode == 1 and r.stdout.count("would create") == 21 and not out.exists()
    assert run(SEED, "--out", out).returncode == 0
    r = run(SEED, "--out", out, "--check")
    assert r.returncode == 0 and r.stdout == ""

    edited = next((out / "questions").glob("06-*.md"))
    text = edited.read_text(encoding="utf-8")
    first = text.splitlines()[2]
    edited.write_text(text.replace(first, "A rewritten first paragraph.", 1) + "\nAn edit.\n", encoding="utf-8")
    # --check says what the real run does: it refuses the edited page, and shows what differs
    r = run(SEED, "--out", out, "--check")
    assert r.returncode == 1
    assert r.stdout.splitlines()[0] == (f"would refuse to overwrite {edited}: 0 added, 2 removed, 1 changed "
                                        "(differs from the import, edited since? --force overwrites)")
    assert "   3 - A rewritten first paragraph.\n" in r.stdout and f"   3 + {first}\n" in r.stdout
    assert "- An edit." in r.stdout
    r = run(SEED, "--out", out)
    assert r.returncode == 1 and str(edited) in r.stderr
    assert edited.read_text(encoding="utf-8").endswith("An edit.\n")
    r = run(SEED, "--out", out, "--check", "--force")
    assert r.returncode == 1 and r.stdout.startswith(f"would update {edited}: 0 added, 2 removed, 1 changed\n")
    assert run(SEED, "--out", out, "--force").returncode == 0
    assert not edited.read_text(encoding="utf-8").endswith("An edit.\n")


def test_check_on_a_new_page_among_edited_ones_says_it_is_refused_too(tmp_path):
    out = tmp_path / "ko"
    assert run(SEED, "--out", out).returncode == 0
    edited = next((out / "questions").glob("06-*.md"))
    edited.write_text("# edited\n", encoding="utf-8")
    gone = next((out / "questions").glob("07-*.md"))
    gone.unlink()
    r = run(SEED, "--out", out, "--check")
    assert f"would not create (refused) {gone}: " in r.stdout
    assert run(SEED, "--out", out).returncode == 1 and not gone.exists()


def test_existing_slug_is_kept(tmp_path):
    out = tmp_path / "ko"
    (out / "questions").mkdir(parents=True)
    run(SEED, "--out", out)
    first = next((out / "questions").glob("06-*.md"))
    renamed = first.with_name("06-published-slug.md")
    first.rename(renamed)
    assert run(SEED, "--out", out, "--check").returncode == 0  # no new 06 page, nothing changes


# --- nothing lost ---------------------------------------------------------------

def test_every_seed_line_lands_in_exactly_one_page(tmp_path):
    out = tmp_path / "ko"
    lines = split_readme.decode(SEED.read_bytes())
    result = split_readme.split(lines, SEED, SEED.parent, out, tmp_path / "assets",
                                split_readme.load_slugs(split_readme.DEFAULT_SLUGS, out))
    assert import_check.problems(lines, result) == []


def test_import_check_finds_what_it_looks_for(tmp_path):
    """Each invariant of scripts/content/import_check.py, broken on purpose in a clean import."""
    text = readme("## #1\n\nfirst words here\n\n- a ![img](" + MATH + "f(x%2By) %3D f(x)) b\n\nlast\n")
    lines = split_readme.decode(text.encode())

    def broken(edit):
        out = tmp_path / "out"
        result = split_readme.split(lines, tmp_path / "R.md", tmp_path, out, tmp_path / "a",
                                    split_readme.load_slugs(None, out))
        assert import_check.problems(lines, result) == []
        chunks = result.pages["questions/01-question-one.md"].chunks
        k = next(k for k, (t, _) in enumerate(chunks) if "f(x+y)" in t)
        edit(result, chunks, k)
        return import_check.problems(lines, result)

    def chunk(chunks, k, text):
        chunks[k] = (text, chunks[k][1])

    assert broken(lambda r, c, k: c.pop(k)) == ["14: on no page: '- a ![img](https://render.githubusercontent.com/render/math?'"]
    assert broken(lambda r, c, k: chunk(c, k, "- a $f(x+y) = f(x)$")) == ["14: words lost: b"]
    assert broken(lambda r, c, k: r.pages["about.md"].chunks.append(c[k])) == [
        "14: on 2 pages: about.md, questions/01-question-one.md"]
    assert broken(lambda r, c, k: chunk(c, k, "- a [$f(x+y$ = f(x))](" + MATH + "f(x%2By)) b")) == [
        "14: formula not whole on its page: 'f(x+y) = f(x)'",
        "questions/01-question-one.md:5: formula service URL", "questions/01-question-one.md:5: half formula 'f(x+y'"]
    assert broken(lambda r, c, k: chunk(c, k, "- a $f(x+y) = f(x)$ b $")) == [
        "14: formula not whole on its page: 'f(x+y) = f(x)'", "questions/01-question-one.md:5: stray $"]


@st.composite
def readmes(draw):
    """A random README in the upstream format; every word in it is unique."""
    counter = iter(range(10**6))

    def ws(k=3):
        return " ".join(draw(st.sampled_from(["tok{}x", "낱말{}끝"])).format(next(counter)) for _ in range(k))

    n_q = draw(st.integers(1, 5))
    toc_lines, sections = [], []
    for q in range(1, n_q + 1):
        toc_lines.append(f"- [{ws()}](#{q})")
        n_sub = draw(st.integers(0, 2))
        sub_titles = [ws(2) for _ in range(n_sub)]
        toc_lines += [f"  - [{t}](#{q}-{k + 1})" for k, t in enumerate(sub_titles)]
        if not draw(st.booleans()):
            continue
        body = []
        for kind in draw(st.lists(st.sampled_from(["text", "heading", "sub", "math", "code", "img"]), max_size=8)):
            if kind == "text":
                body.append(ws())
            elif kind == "heading":
                body.append(f"{'#' * draw(st.integers(3, 5))} {ws(2)}")
            elif kind == "sub" and n_sub:
                k = draw(st.integers(1, n_sub))
                same = draw(st.booleans())
                body.append(f"#### #{q}-{k} {sub_titles[k - 1] if same else ws(2)}")
            elif kind == "math":
                body.append(f"{ws(1)} <img src=\"{MATH}{ws(1)}\"> {ws(1)}")
            elif kind == "code":
                body.append(f"```\n# {ws(1)}\n## #{q}\n```")
            elif kind == "img":
                body.append(f"<img src=\"./images/{ws(1).replace(' ', '')}.png\" , width=\"50%\"> {ws(1)}")
            body.append("")
        sections.append(f"## {draw(st.sampled_from(['#', '# ']))}{q}\n\n" + "\n".join(body))
    order = draw(st.permutations(sections))
    return f"# {ws()}\n\n> {ws()}\n\n## Table of Contents\n\n" + "\n".join(toc_lines) + \
        "\n\n---\n\n" + "\n\n".join(order) + "\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(readmes())
def test_generated_readmes_lose_nothing(tmp_path_factory, text):
    tmp = tmp_path_factory.mktemp("gen")
    src = tmp / "README.md"
    src.write_text(text, encoding="utf-8")
    out = tmp / "out"
    r = run(src, "--out", out, "--slugs", tmp / "none.json")
    assert r.returncode == 0, r.stderr
    written = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob("*.md"))
    token = re.compile(r"tok\d+x|낱말\d+끝")
    source, landed = Counter(token.findall(text)), Counter(token.findall(written))
    # Every word lands, none is repeated; a sub-question heading that repeats its
    # table-of-contents title is merged with it (the only words the source repeats).
    assert set(source) == set(landed)
    assert all(1 <= landed[w] <= source[w] for w in source), [w for w in source if landed[w] > source[w]]
    assert all(landed[w] == 1 for w in source if source[w] == 1)


def test_two_space_nested_lists_are_renested(tmp_path):
    body = ("## #1\n\n- top\n  - child\n    - grandchild\n  - child two\n- top two\n\n"
            "A paragraph.\n\n  - lone item indented two\n")
    p = page(imported(tmp_path, readme(body)), 1)
    assert "- top\n    - child\n        - grandchild\n    - child two\n- top two" in p
    assert "\n- lone item indented two" in p  # no parent item: not a code block


# --- issue 14: the right page or a clear error ------------------------------------

def seed_pages(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.md"))}


def test_seed_import_is_unchanged(tmp_path):
    """tests/fixtures/seed-import/ is what the importer wrote for the seed before the fixes
    for issues 14 and 15; the seed must still import to it byte for byte, but for the one
    heading-level skip of that import (issue 15, variant 5): "### References" right under
    the H1 of question 4."""
    out = tmp_path / "ko"
    assert run(SEED, "--out", out).returncode == 0
    new, old = seed_pages(out), seed_pages(ROOT / "tests" / "fixtures" / "seed-import")
    q4 = "questions/04-data-normalization.md"
    assert new[q4] == old[q4].replace(b"\n### References\n", b"\n## References\n") != old[q4]
    assert {k: v for k, v in new.items() if k != q4} == {k: v for k, v in old.items() if k != q4}


def test_unclosed_fence_is_closed_at_its_section_end(tmp_path):
    src = tmp_path / "README.md"
    src.write_text(readme("## #1\n\n```python\nx = 1\n\n## #2\n\nsecond answer\n"), encoding="utf-8")
    out = tmp_path / "out"
    r = run(src, "--out", out, "--slugs", tmp_path / "none.json")
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == f"{src}:12: code fence never closed; closed before '## #2' at line 15"
    p1, p2 = page(seed_pages_text(out), 1), page(seed_pages_text(out), 2)
    assert p1.endswith("```python\nx = 1\n\n```\n")
    assert "second answer" in p2 and split_readme.NOT_WRITTEN not in p2


def seed_pages_text(out: Path) -> dict[str, str]:
    return {k: v.decode("utf-8") for k, v in seed_pages(out).items()}


def test_fence_closed_after_a_swallowed_section_is_an_error_naming_both_lines(tmp_path):
    src = tmp_path / "README.md"
    src.write_text(readme("## #1\n\n```\nx = 1\n\n## #2\n\nsecond\n\n```\n"), encoding="utf-8")
    r = run(src, "--out", tmp_path / "out")
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr == (f"{src}:15: '## #2' is inside the code fence opened at line 12 and closed at "
                        "line 19; close it before line 15\n")
    assert not (tmp_path / "out").exists()


def test_inline_code_with_three_backticks_is_not_a_fence(tmp_path):
    pages = imported(tmp_path, readme("## #1\n\n```np.array``` holds numbers.\n\n## #2\n\nsecond\n"))
    assert "```np.array``` holds numbers." in page(pages, 1)
    assert "second" in page(pages, 2)


def test_section_heading_with_a_title_after_the_number(tmp_path):
    pages = imported(tmp_path, readme("## #1 Question one\n\nfirst\n\n## #2 Another wording\n\nsecond\n"))
    assert page(pages, 1) == "# Question one\n\nfirst\n"
    assert page(pages, 2) == "# Question two\n\n**Another wording**\n\nsecond\n"


def test_commented_out_section_stays_a_comment_on_its_page(tmp_path):
    body = "## #1\n\nfirst\n\n<!--\n## #2\n\nold answer\n-->\n"
    pages = imported(tmp_path, readme(body))
    assert "first\n\n<!--\n## #2\n\nold answer\n-->" in page(pages, 1)
    assert split_readme.NOT_WRITTEN in page(pages, 2) and "-->" not in page(pages, 2)


def test_decomposed_hangul_headings_match_the_table_of_contents(tmp_path):
    import unicodedata
    toc_lines = "- [볼츠만 머신은?](#1)\n  - [제한된 볼츠만 머신은?](#1-1)\n"
    nfd = lambda t: unicodedata.normalize("NFD", t)  # noqa: E731
    body = f"## #1\n\n### {nfd('볼츠만 머신은?')}\n\nanswer\n\n#### {nfd('제한된 볼츠만 머신은?')}\n\nsub answer\n"
    p = page(imported(tmp_path, readme(body, toc_lines)), 1)
    assert p == "# 볼츠만 머신은?\n\nanswer\n\n## 제한된 볼츠만 머신은? {#1-1}\n\nsub answer\n"


def test_an_unclosed_div_does_not_change_later_pages(tmp_path):
    later = "## #2\n\n- item\n\n      indented code\n"
    alone = page(imported(tmp_path / "a", readme("## #1\n\nfirst\n\n" + later)), 2)
    after_div = page(imported(tmp_path / "b", readme("## #1\n\n<div align='center'>\n\n" + later)), 2)
    assert after_div == alone


def test_list_item_right_after_a_heading_is_not_indented_into_code(tmp_path):
    p = page(imported(tmp_path, readme("## #1\n\n- top\n\n#### Heading\n  - item\n")), 1)
    assert "## Heading\n- item\n" in p


def test_toc_and_sections_inside_comments_and_four_backtick_fences_are_ignored(tmp_path):
    text = ("# Title\n\n<!--\n## Table of Contents\n\n- [Old](#1)\n-->\n\n````markdown\n## Table of Contents\n"
            "- [Example](#9)\n```\n## #9\n```\n````\n\n## Table of Contents\n\n- [Question one](#1)\n\n"
            "## #1\n\n````\n```\n## #1\n```\n````\n\nanswer\n")
    pages = imported(tmp_path, text)
    assert sorted(pages) == ["about.md", "questions/01-question-one.md"]
    assert page(pages, 1) == "# Question one\n\n````\n```\n## #1\n```\n````\n\nanswer\n"
    assert "````markdown\n## Table of Contents\n- [Example](#9)\n```\n## #9\n```\n````" in pages["about.md"]


def test_lines_split_only_at_cr_lf_and_crlf(tmp_path):
    text = readme("## #1\n\nform\x0cfeed, next\u2028line, nel\x85here\n\n## #1\n")
    src = tmp_path / "README.md"
    src.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    r = run(src, "--out", tmp_path / "out")
    assert r.stderr == f"{src}:14: duplicate question number 1 (first at line 10)\n"
    for sep in ("\r", "\r\n"):
        ok = readme("## #1\n\nform\x0cfeed, next\u2028line\n\n## #2\n\nsecond\n")
        pages = imported(tmp_path / repr(sep), ok.replace("\n", sep))
        assert "form\x0cfeed, next\u2028line" in page(pages, 1) and "second" in page(pages, 2)


def test_nul_byte_is_an_error(tmp_path):
    src = tmp_path / "README.md"
    src.write_bytes(readme("## #1\n\nbad\x00byte\n").encode())
    r = run(src, "--out", tmp_path / "out")
    assert r.returncode == 1 and r.stderr == f"{src}:12: NUL byte\n" and not (tmp_path / "out").exists()


@pytest.mark.parametrize("line", ["[" * 100_000, "![" * 50_000, "<img " * 20_000, "<!-- $" * 16_000,
                                  "# a" + " " * 100_000 + "b", "## #1 a" + " " * 100_000 + "b",
                                  "- a" + " " * 100_000 + "b", f"![]({MATH}" + "(" * 100_000 + " b",
                                  f"[![a]({MATH}(" * 3_000 + " b"], ids=lambda l: repr(l[:8]))
def test_a_long_line_imports_in_under_a_second(tmp_path, line):
    import time
    for text in (readme("## #1\n\n" + line + "\n"), readme("## #1\n", "- [Question one](#1)\n" + line + "\n")):
        lines = split_readme.decode(text.encode())
        t = time.perf_counter()
        try:
            result = split_readme.split(lines, tmp_path / "R.md", tmp_path, tmp_path / "out", tmp_path / "a",
                                        split_readme.load_slugs(None, tmp_path / "out"))
        except split_readme.InputError:  # "## #1 ..." twice: an error is an answer too, if quick
            result = None
        assert time.perf_counter() - t < 1.0
        assert result is None or any(line.split()[-1] in pg.text() for pg in result.pages.values())


def test_three_digit_question_numbers(tmp_path):
    toc_lines = "- [Question one](#1)\n- [Question hundred](#100)\n  - [Sub](#100-1)\n"
    text = readme("## #1\n\nfirst\n\n## #100\n\nhundredth\n\n#### #100-1\n\nsub\n", toc_lines)
    pages = imported(tmp_path, text)
    assert page(pages, 100) == "# Question hundred\n\nhundredth\n\n## Sub {#100-1}\n\nsub\n"
    out = tmp_path / "out" / "questions"
    (out / "100-question-hundred.md").rename(out / "100-published.md")
    src = tmp_path / "README.md"
    r = run(src, "--out", tmp_path / "out", "--slugs", tmp_path / "none.json", "--check")
    assert r.returncode == 0 and r.stdout == "", r.stdout  # the published slug is kept


# --- issue 14: errors, not tracebacks; nothing half-written ------------------------

def one_line_error(r, where: str, reason: str):
    assert r.returncode == 1, r.stdout
    assert "Traceback" not in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr
    assert r.stderr.startswith(where + ": ") and reason in r.stderr, r.stderr


def test_out_that_is_a_file_or_under_a_file(tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    one_line_error(run(SEED, "--out", f), str(f), "not a folder")
    one_line_error(run(SEED, "--out", f / "ko"), str(f), "not a folder")
    assert f.read_text() == "x"


def test_existing_page_not_utf8_or_a_folder(tmp_path):
    out = tmp_path / "ko"
    assert run(SEED, "--out", out).returncode == 0
    p6 = next((out / "questions").glob("06-*.md"))
    p6.write_bytes(b"# t\n\xff\n")
    one_line_error(run(SEED, "--out", out), f"{p6}:2", "not UTF-8")
    p6.unlink()
    p6.mkdir()
    one_line_error(run(SEED, "--out", out, "--force"), str(p6), "folder")


@pytest.mark.parametrize("content, line, reason", [
    ('{"a": "b",\n', 2, "invalid JSON"),
    ('{"12": "relu-vs-sigmoid"}', 1, "keys are question titles"),
    ('["a"]', 1, "expected an object"),
    ('{"딥러닝은 무엇인가요? 딥러닝과 머신러닝의 차이는?": "../../escape"}', 1, "only words and hyphens"),
    ('{"딥러닝은 무엇인가요? 딥러닝과 머신러닝의 차이는?": "a/b"}', 1, "only words and hyphens"),
    ('{"딥러닝은 무엇인가요? 딥러닝과 머신러닝의 차이는?": ".."}', 1, "only words and hyphens"),
])
def test_bad_slugs_file(tmp_path, content, line, reason):
    slugs = tmp_path / "slugs.json"
    slugs.write_text(content, encoding="utf-8")
    out = tmp_path / "w" / "ko"
    one_line_error(run(SEED, "--out", out, "--slugs", slugs), f"{slugs}:{line}", reason)
    assert not (tmp_path / "w").exists()


def as_nobody(*args):
    return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                           str(SCRIPT), *map(str, args)], capture_output=True, text=True)


@pytest.fixture
def shared_tmp():
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    import shutil
    import tempfile
    d = Path(tempfile.mkdtemp())
    d.chmod(0o755)
    yield d
    shutil.rmtree(d)


def test_unwritable_output_folder_is_one_line_and_leaves_old_pages(shared_tmp):
    import os
    root = os.geteuid() == 0  # root writes anywhere: the importer then runs as nobody

    def lock(writable, locked):
        for d in writable:
            os.chown(d, 65534, 65534) if root else None
            d.chmod(0o755)
        for d in locked:
            os.chown(d, 0, 0) if root else None
            d.chmod(0o555)

    def importer(*args):
        return as_nobody(*args) if root else run(*args)

    seed = shared_tmp / "seed.md"
    seed.write_bytes(SEED.read_bytes())
    docs = shared_tmp / "docs"
    out = docs / "ko"
    assert run(seed, "--out", out).returncode == 0
    before = seed_pages(out)
    (out / "about.md").write_text("old about\n", encoding="utf-8")
    next((out / "questions").glob("07-*.md")).unlink()
    try:
        lock([docs, out], [out / "questions"])  # about.md could be written, the questions not
        r = importer(seed, "--out", out, "--force")
        one_line_error(r, str(out / "questions"), "cannot write: Permission denied; nothing written")
        assert (out / "about.md").read_text(encoding="utf-8") == "old about\n"
        assert {k: v for k, v in seed_pages(out).items() if k != "about.md"} == \
            {k: v for k, v in before.items() if k != "about.md" and not k.startswith("questions/07-")}
        assert [p.name for p in docs.iterdir()] == ["ko"]  # the temporary folder is gone
        lock([docs, out / "questions"], [out])
        r = importer(seed, "--out", out, "--force")
        one_line_error(r, str(out), "cannot write: Permission denied; nothing written")
        assert (out / "about.md").read_text(encoding="utf-8") == "old about\n"
    finally:
        for d in (docs, out, out / "questions"):
            d.chmod(0o755)


# --- issue 14: placement over generated documents that mix all of the above ------------

@st.composite
def tricky_readmes(draw):
    """(text, where): a README in the upstream format with every quirk of issue 14 and every
    variant of issue 15, and for each line the page it was written for ("about.md" or a
    question number)."""
    import unicodedata
    counter = iter(range(10**6))

    def ws(k=2):
        return " ".join(draw(st.sampled_from(["tok{}x", "낱말{}끝"])).format(next(counter)) for _ in range(k))

    def tex():
        return f"t_{{{next(counter)}}}"

    n_q = draw(st.integers(1, 5))
    numbers = draw(st.lists(st.integers(1, 120), min_size=n_q, max_size=n_q, unique=True))
    doc: list[tuple[str, object]] = []
    has_toc = draw(st.integers(0, 5)) > 0

    def add(where, *lines):
        doc.extend((line, where) for line in lines)

    add("about.md", f"# {ws()}", "", f"> {ws()}", "")
    if draw(st.booleans()):  # an old table of contents, commented out
        add("about.md", "<!--", "## Table of Contents", f"- [{ws()}](#{numbers[0]})", "-->", "")
    titles, subs, group = {}, {}, {}
    if has_toc:
        add("about.md", draw(st.sampled_from(["## Table of Contents", "## 📝 Table of Contents", "## 목차"])), "")
    for q in numbers:
        titles[q] = ws(3)
        subs[q] = [ws() for _ in range(draw(st.integers(0, 2)))]
        group[q] = bool(subs[q]) and draw(st.booleans())  # "- Sort Algorithm" over "#2-1"
        if not has_toc:
            subs[q], group[q] = [], False
            continue
        anchor = draw(st.sampled_from(["#", "#id-"]))
        add(q, f"- {titles[q]}" if group[q] else f"- [{titles[q]}]({anchor}{q})")
        for k, t in enumerate(subs[q], 1):
            add(q, f"  - [{t}](#{q}-{k})")
    add("about.md", "", "---", "")
    with_section = [q for q in numbers if draw(st.booleans())] if has_toc else numbers
    order = draw(st.permutations(with_section))
    unclosed = draw(st.sampled_from(order)) if order and draw(st.booleans()) else None
    for q in order:
        heads = ["plain", "title", "other", "nfd"] + (["sub"] if group[q] else [])
        head = draw(st.sampled_from(heads))
        add(q, {"plain": f"## #{q}", "title": f"## #{q} {titles[q]}", "other": f"## #{q} {ws()}",
                "nfd": f"## # {q}", "sub": f"## #{q}-1"}[head], "")
        if head == "nfd" or not has_toc:  # the title under the number: in decomposed Hangul
            add(q, f"### {unicodedata.normalize('NFD', titles[q])}", "")
        if head == "sub" and draw(st.booleans()):
            add(q, f"#### {subs[q][0]}", "")  # the sub-question's title again
        kinds = draw(st.lists(st.sampled_from(
            ["text", "heading", "sub", "inline-code", "fence", "fence4", "comment", "div", "list", "breaks",
             "math-attrs", "math-linked", "math-parens", "math-dollars", "empty-img", "div-one-line"]), max_size=7))
        for kind in kinds:
            if kind == "text":
                add(q, ws(3))
            elif kind == "heading":
                add(q, f"{'#' * draw(st.integers(3, 6))} {ws()}", f"  - {ws()}")
            elif kind == "sub" and subs[q]:
                k = draw(st.integers(1, len(subs[q])))
                add(q, f"#### #{q}-{k} {draw(st.sampled_from([subs[q][k - 1], ws()]))}")
                if draw(st.booleans()):
                    add(q, f"#### {subs[q][k - 1]}")
            elif kind == "inline-code":
                add(q, f"```{ws(1)}``` {ws()}")
            elif kind == "fence":
                # (a closed fence hiding the only "## #N" of another question is ambiguous: an error)
                add(q, "```python", f"# {ws(1)}", f"## #{q}", "```")
            elif kind == "fence4":
                add(q, "````markdown", "## Table of Contents", f"- [{ws()}](#{numbers[0]})", "```",
                    f"## #{q}", "```", "````")
            elif kind == "comment":  # a section commented out: its number may have no other section
                add(q, "<!--", f"## #{draw(st.sampled_from(numbers))}", "", ws(), "-->")
            elif kind == "div":
                add(q, "<div align='center'>", f"    <img src=\"./images/{ws(1).replace(' ', '')}.png\">")
            elif kind == "list":
                add(q, f"- {ws()}", f"  - {ws()}")
            elif kind == "breaks":
                add(q, f"{ws(1)}\u2028{ws(1)}\x0c{ws(1)}\x85{ws(1)}")
            elif kind == "math-attrs":
                t = tex()
                img = f'<img style="transform: translateY(0.1em);" src="{MATH}{t}">'
                add(q, draw(st.sampled_from([f"{ws(1)} <!-- ${t}$ --> {img} {ws(1)}", f"<!-- $${t}$$ --> {img}"])))
            elif kind == "math-linked":
                t = tex()
                add(q, f"{draw(st.sampled_from(['', ws(1) + ' ']))}[![img]({MATH}{t})]({MATH}{t}) {ws(1)}")
            elif kind == "math-parens":  # issue 23: TeX with parentheses, a target with spaces
                n = next(counter)
                img, target = f"f(t_{n}%2By)%20%3D%20(y)", f"f(t_{n}%2By) %3D (y)"
                add(q, draw(st.sampled_from([f"[![img]({MATH}{img})]({MATH}{target})", f"![img]({MATH}{target})",
                                             f"[img]({MATH}{target})"])) + f"{ws(1)} ({ws(1)})")
            elif kind == "math-dollars":
                add(q, f"{ws(1)} $${tex()}$$ {ws(1)}")
            elif kind == "empty-img":
                add(q, "<div align='center'>", '<img src="">', "</div>", ws(1))
            elif kind == "div-one-line":
                add(q, f'<div align="center"><img src="./img/{ws(1).replace(" ", "")}.png" width="50%"></div>')
            add(q, "")
        if q == unclosed:  # a fence never closed (one, of five backticks: nothing else closes it)
            add(q, "`````", f"{ws(1)}", "")
    while doc[-1][0] == "":
        doc.pop()
    seps = draw(st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(doc), max_size=len(doc)))
    for i in range(len(doc) - 1):
        if seps[i] == "\r" and doc[i + 1][0] == "" and seps[i + 1] == "\n":
            seps[i + 1] = "\r\n"  # "\r" then an empty line ended by "\n" would be one "\r\n"
    text = "".join(line + sep for (line, _), sep in zip(doc, seps))
    return text, [w for _, w in doc]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(tricky_readmes())
def test_generated_readmes_put_every_line_on_the_page_of_its_section(tmp_path, doc):
    text, where = doc
    lines = split_readme.decode(text.encode("utf-8"))
    assert len(lines) == len(where)
    out = tmp_path / "out"
    result = split_readme.split(lines, tmp_path / "R.md", tmp_path, out, tmp_path / "assets",
                                split_readme.load_slugs(None, out))
    landed: dict[int, set] = {}
    for path, pg in result.pages.items():
        for _, src in pg.chunks:
            for n in (src if isinstance(src, tuple) else (src,)):
                if n is not None:
                    landed.setdefault(n, set()).add(path)
    number = {int(p.split("/")[1].split("-")[0]): p for p in result.pages if p.startswith("questions/")}
    token = re.compile(r"tok\d+x|낱말\d+끝")
    for n, (line, w) in enumerate(zip(lines, where), 1):
        if not line.strip():
            continue
        expected = w if w == "about.md" else number[w]
        assert landed.get(n) == {expected}, f"line {n} {line!r}: on {landed.get(n)}, written for {expected}"
        page_text = result.pages[expected].text()
        assert all(t in page_text for t in token.findall(line)), f"line {n} {line!r} not on {expected}"
    assert import_check.problems(lines, result) == []


# --- issue 15: the real variants of the upstream format ------------------------------
# Each fixture under tests/fixtures/variants/ is written from the description of
# one variant (NN- is the variant's number); images they name are made here.

VARIANTS = ROOT / "tests" / "fixtures" / "variants"
PNG = b"\x89PNG\r\n\x1a\n"
VARIANT_IMAGES = {"08-centred-image-one-line": ["img/relu.png"],
                  "09-image-case-and-windows-paths": ["img/dif.png", "img/normalize.png"]}


def variant(tmp_path, name: str):
    """Import fixture `name` as a maintainer would (default slugs); return the run,
    its questions' pages {file name: text} and the README's path."""
    d = tmp_path / name
    d.mkdir(parents=True)
    src = d / "README.md"
    src.write_bytes((VARIANTS / f"{name}.md").read_bytes())
    for img in VARIANT_IMAGES.get(name, []):
        (d / img).parent.mkdir(parents=True, exist_ok=True)
        (d / img).write_bytes(PNG)
    out = d / "docs" / "ko"
    r = run(src, "--out", out)
    pages = {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "questions").glob("*.md"))} \
        if r.returncode == 0 else {}
    return r, pages, src


def test_variant_01_decorated_toc_heading(tmp_path):
    r, pages, _ = variant(tmp_path, "01-decorated-toc")
    assert r.returncode == 0, r.stderr
    assert pages["01-딥러닝은-무엇인가요.md"] == (
        "# 딥러닝은 무엇인가요?\n\n딥러닝은 여러 층의 신경망으로 특징까지 학습하는 방법이다.\n\n"
        "## References\n\n- [신경망 입문](https://example.org/nn)\n")
    assert list(pages) == ["01-딥러닝은-무엇인가요.md", "02-비용-함수는-무엇인가요.md"]


def test_variant_02_formula_images_with_attributes_and_a_tex_comment(tmp_path):
    r, pages, _ = variant(tmp_path, "02-formula-img-attributes")
    assert r.returncode == 0, r.stderr
    assert pages["01-항등-함수는-무엇인가요.md"] == (
        "# 항등 함수는 무엇인가요?\n\n항등 함수는 $y=x$ 처럼 입력을 그대로 돌려준다.\n\n"
        "$$\n\\sum_{i=1}^{n} x_i\n$$\n\n합은 위와 같이 쓴다.\n")


def test_variant_03_markdown_formula_image_inside_a_link(tmp_path):
    r, pages, _ = variant(tmp_path, "03-linked-markdown-formula")
    assert r.returncode == 0, r.stderr
    assert pages["01-항등-함수는-무엇인가요.md"] == (
        "# 항등 함수는 무엇인가요?\n\n$$\ny=x\n$$\n\n입력 $x$를 그대로 출력한다.\n")


def test_variant_04_gitbook_display_dollars_inside_a_sentence(tmp_path):
    r, pages, _ = variant(tmp_path, "04-gitbook-inline-display-math")
    assert r.returncode == 0, r.stderr
    assert pages["01-시그모이드-함수는-무엇인가요.md"] == (
        "# 시그모이드 함수는 무엇인가요?\n\nsigmoid 함수는 $s(z) = \\frac{1}{1 + e^{-z}}$로, 입력을 0과 1 사이로 "
        "바꾼다.\n\n$$\ns'(z) = s(z)(1 - s(z))\n$$\n\n도함수는 위와 같고, 최댓값은 $\\frac{1}{4}$이다.\n")


def test_variant_05_heading_levels_that_skip_are_relevelled(tmp_path):
    r, pages, _ = variant(tmp_path, "05-heading-level-skip")
    assert r.returncode == 0, r.stderr
    assert pages["01-드롭아웃은-무엇인가요.md"] == (
        "# 드롭아웃은 무엇인가요?\n\n드롭아웃은 학습 중에 뉴런 일부를 무작위로 끈다.\n\n## 구현 메모\n\n"
        "추론 때는 끄지 않는다.\n\n## References\n\n- [드롭아웃 설명](https://example.org/dropout)\n")


def test_variant_06_empty_image_is_dropped_with_a_warning(tmp_path):
    r, pages, src = variant(tmp_path, "06-empty-image")
    assert r.returncode == 0 and r.stderr == f"{src}:14: empty image\n"
    p = pages["01-boltzmann-machine.md"]  # its title is the deep-learning file's question 9: that slug
    assert "<img" not in p and "![" not in p and "빈 그림 뒤의 문단이다." in p


def test_variant_07_sub_question_title_repeated_below_its_heading(tmp_path):
    r, pages, _ = variant(tmp_path, "07-repeated-sub-title")
    assert r.returncode == 0, r.stderr
    assert pages["12-relu-vs-sigmoid.md"] == (
        "# 요즘 Sigmoid 보다 ReLU를 많이 쓰는데 그 이유는?\n\n기울기 소실이 덜하기 때문이다.\n\n"
        "## Non-Linearity라는 말의 의미와 그 필요성은? {#12-1}\n\n선형 층만 쌓으면 하나의 선형 변환과 같다.\n\n"
        "## ReLU의 문제점은? {#12-2}\n\n음수 입력에서 기울기가 0이다.\n")


def test_variant_08_centred_image_on_one_line(tmp_path):
    r, pages, _ = variant(tmp_path, "08-centred-image-one-line")
    assert r.returncode == 0, r.stderr
    assert pages["01-relu.md"] == (
        "# ReLU는 어떻게 생겼나요?\n\n<div align=\"center\" markdown>\n"
        "![](../../assets/images/relu.png){ width=\"60%\" }\n</div>\n\n음수는 0, 양수는 그대로이다.\n")


def test_variant_09_image_name_case_and_windows_paths(tmp_path):
    r, pages, src = variant(tmp_path, "09-image-case-and-windows-paths")
    assert r.returncode == 0
    assert r.stderr == (f"{src}:11: image .\\img\\dif.PNG found as dif.png\n"
                        f"{src}:13: image ./img/normalize.PNG found as normalize.png\n")
    assert pages["01-정규화는-왜-필요한가요.md"] == (
        "# 정규화는 왜 필요한가요?\n\n![](../../assets/images/dif.png)\n\n"
        "![정규화](../../assets/images/normalize.png)\n\n특징의 범위를 맞춘다.\n")
    assert (src.parent / "docs" / "assets" / "images" / "dif.png").read_bytes() == PNG


def test_variant_10_no_table_of_contents(tmp_path):
    r, pages, src = variant(tmp_path, "10-no-table-of-contents")
    assert r.returncode == 0
    assert r.stderr == f"{src}:1: no table of contents: questions taken from the '## #N' headings\n"
    assert pages == {"01-시간-공간-복잡도.md": "# 시간, 공간 복잡도\n\n복잡도는 알고리즘의 성능을 재는 척도이다.\n",
                     "02-divide-and-conquer.md": "# Divide and Conquer\n\n문제를 나누고, 풀고, 합친다.\n"}


def test_variant_11_gitbook_id_anchors(tmp_path):
    r, pages, _ = variant(tmp_path, "11-gitbook-anchors")
    assert r.returncode == 0, r.stderr
    assert pages["07-hyperparameters.md"] == "# 하이퍼 파라미터는 무엇인가요?\n\n사용자가 직접 정하는 값이다.\n"
    assert pages["13-gradient-descent.md"] == (
        "# Gradient Descent에 대해서 쉽게 설명한다면?\n\n기울기의 반대 방향으로 조금씩 움직인다.\n\n"
        "## GD 중에 때때로 Loss가 증가하는 이유는? {#13-1}\n\n학습률이 크면 최솟값을 지나칠 수 있다.\n")


def test_variant_12_repeated_sub_question_number(tmp_path):
    r, pages, src = variant(tmp_path, "12-repeated-sub-number")
    assert r.returncode == 0
    assert r.stderr == (f"{src}:24: sub-question #19-1 again (first at line 16); kept here as #19-3\n"
                        f"{src}:28: sub-question #19-2 again (first at line 20); kept here as #19-2-repeat\n")
    (p,) = pages.values()
    ids = re.findall(r"\{#([\w-]+)\}", p)
    assert ids == ["19-1", "19-2", "19-3", "19-2-repeat"]
    assert p.index("{#19-3}") < p.index("손실은 BCE로 학습하고") < p.index("{#19-2-repeat}") < p.index("소프트맥스는")


def test_variant_13_group_items_without_a_link(tmp_path):
    r, pages, _ = variant(tmp_path, "13-group-items-without-link")
    assert r.returncode == 0, r.stderr
    assert list(pages) == ["01-시간-공간-복잡도.md", "02-sort-algorithm.md", "03-divide-and-conquer.md"]
    assert pages["02-sort-algorithm.md"] == (
        "# Sort Algorithm\n\n## Bubble Sort {#2-1}\n\n인접한 두 칸을 비교해 바꾼다.\n\n"
        "## Selection Sort {#2-2}\n\n최댓값을 찾아 맨 뒤와 바꾼다.\n")


def test_variant_13_slugs_apply_to_their_own_source_only(tmp_path):
    r, pages, _ = variant(tmp_path, "13-other-file-slugs")
    assert r.returncode == 0, r.stderr
    # question 12 of another file is not the deep-learning file's 12-relu-vs-sigmoid
    assert list(pages) == ["01-고유값과-고유벡터는-무엇인가요.md", "12-p-value.md"]


def test_variant_15_formula_links_whose_tex_holds_parentheses(tmp_path):
    """Issue 23 (BR31's versions of October 2021): the TeX holds parentheses and a link's target
    unencoded spaces; images, linked images and plain links to the service each become their TeX
    once, whole; a link's own words stay, and so do parentheses of the prose after it."""
    r, pages, _ = variant(tmp_path, "15-formula-links-with-parentheses")
    assert r.returncode == 0, r.stderr
    assert pages["01-선형-함수의-조건은-무엇인가요.md"] == (
        "# 선형 함수의 조건은 무엇인가요?\n\n"
        "- **가산성**: 임의의 수  $x, y$에 대해  $f(x+y) = f(x) + f(y)$가 성립한다.\n"
        "- **동차성**: 임의의 수 $x, \\alpha$에 대해  $f(\\alpha x) = \\alpha f(x)$가 성립한다.\n\n"
        "$$\nf(g(x))\n$$\n\n"
        "링크 없는 그림 $f(x+y) = f(x) + f(y)$도, 그림 없는 링크 $f(\\alpha x) = \\alpha f(x)$도 식 하나이다.\n\n"
        "글자가 붙은 링크 동차성 $f(\\alpha x) = \\alpha f(x)$는 글자를 남긴다 (괄호 안의 말도).\n\n"
        "$h(x)$는 HTML 그림을 감싼 링크이다.\n")


@pytest.mark.parametrize("name, line, reason", [
    ("14-duplicate-section-number", 14, "duplicate question number 6 (first at line 8)"),
    ("14-empty-file", 1, "empty file"),
])
def test_variant_14_refused_with_one_line(tmp_path, name, line, reason):
    r, _, src = variant(tmp_path, name)
    assert r.returncode == 1 and r.stderr == f"{src}:{line}: {reason}\n"
    assert not (src.parent / "docs").exists()


# --- issue 15: invariants over every fixture ---------------------------------------------

IMPORTABLE = sorted(p.stem for p in VARIANTS.glob("*.md") if not p.stem.startswith("14-"))


@pytest.mark.parametrize("name", IMPORTABLE)
def test_variant_pages_hold_no_dead_formula_image_skip_or_stray_dollar(tmp_path, name):
    r, pages, _ = variant(tmp_path, name)
    assert r.returncode == 0, r.stderr
    assert pages
    for file, text in pages.items():
        assert bad_markup(text) == [], file


def test_bad_markup_finds_what_it_looks_for():
    assert bad_markup("# a\n### b\nx $y\n![]()\n<img src=\"https://render.githubusercontent.com/x\">\n"
                      "a <!-- $x$ --> ![](https://render.githubusercontent.com/y)\nso $$x$$ here\n```x``` $\n") == [
        "2: heading skips from H1 to H3", "3: stray $", "4: empty image", "5: formula service URL", "5: <img",
        "6: formula service URL", "7: $$ inside a line", "8: stray $"]
    assert bad_markup("# a\n## b\n$x$ and $y$\n\n$$\nz\n$$\n````\n```\n$\n#### c\n````\n"
                      "<!--\n#### $\n-->\n") == []


def naive_sections(lines: list[str]) -> list:
    """For each line of a fixture, the question whose section it is in (None before the first
    section): "## #N" or "## #N-k" starts question N's. Fixtures hold no headings in code."""
    where, current = [], None
    for line in lines:
        m = re.match(r"^##\s*#\s*(\d+)", line)
        current = int(m[1]) if m else current
        where.append(current)
    return where


@pytest.mark.parametrize("name", IMPORTABLE + ["seed"])
def test_variant_lines_land_on_the_page_of_their_section(tmp_path, name):
    path = SEED if name == "seed" else VARIANTS / f"{name}.md"
    lines = split_readme.decode(path.read_bytes())
    out = tmp_path / "out"
    result = split_readme.split(lines, path, path.parent, out, tmp_path / "assets",
                                split_readme.load_slugs(split_readme.DEFAULT_SLUGS, out))
    landed: dict[int, set] = {}
    for file, pg in result.pages.items():
        for _, src in pg.chunks:
            for n in (src if isinstance(src, tuple) else (src,)):
                if n is not None:
                    landed.setdefault(n, set()).add(file)
    number = {int(p.split("/")[1].split("-")[0]): p for p in result.pages if p.startswith("questions/")}
    toc = {int(m[1]) for m in (re.search(r"\]\(#(?:id-)?(\d+)", l) for l in lines) if m}
    for n, (line, q) in enumerate(zip(lines, naive_sections(lines)), 1):
        if not line.strip():
            continue
        entry = re.search(r"\]\(#(?:id-)?(\d+)", line)
        if q is None and entry:
            q = int(entry[1])  # a table-of-contents entry: its question's H1
        elif q is None and re.match(r"^\s*- [^\[]", line) and toc:
            q = min(k for k in toc if k > max([0] + [int(m[1]) for m in (re.search(
                r"\]\(#(?:id-)?(\d+)", l) for l in lines[:n - 1]) if m]))  # a group item: the next question
        expected = "about.md" if q is None else number[q]
        assert landed.get(n) == {expected}, f"line {n} {line!r}: on {landed.get(n)}, expected {expected}"


def test_imported_pages_build_with_strict_mkdocs(tmp_path):
    """Every importable fixture's pages, dropped into a copy of the site (each fixture in a
    folder of its own, with a home page for about.md to link to), build with --strict."""
    import os
    import shutil
    site = tmp_path / "site"
    shutil.copytree(ROOT, site, ignore=shutil.ignore_patterns(".git", "node_modules", "site", "tests", ".venv",
                                                              "__pycache__", ".cache"), symlinks=True)
    # the seed with the images it names, as a maintainer imports it (from the upstream folder)
    seed_images = re.findall(r"(?<![/\w])(?:\./)?(images/[\w-]+\.(?:png|PNG))", SEED.read_text(encoding="utf-8"))
    assert len(seed_images) == 11
    for name in IMPORTABLE + ["seed"]:
        d = tmp_path / "src" / name
        d.mkdir(parents=True)
        src = d / "README.md"
        src.write_bytes((SEED if name == "seed" else VARIANTS / f"{name}.md").read_bytes())
        for img in VARIANT_IMAGES.get(name, seed_images if name == "seed" else []):
            (d / img).parent.mkdir(parents=True, exist_ok=True)
            (d / img).write_bytes(PNG)
        out = site / "docs" / "ko" / "imported" / name
        out.mkdir(parents=True)
        (out / "index.md").write_text("# Home\n", encoding="utf-8")
        r = run(src, "--out", out, "--assets", site / "docs" / "assets" / "imported")
        assert r.returncode == 0, r.stderr
        assert list((out / "questions").glob("*.md"))
    # (not -q: with it MkDocs does not see its own warnings, and --strict passes anything)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "html")],
                       cwd=site, capture_output=True, text=True, env={**os.environ, "MATH_PRERENDER": "0"},
                       timeout=540)
    assert r.returncode == 0, r.stderr[-4000:]
    built = tmp_path / "html" / "imported" / "13-group-items-without-link" / "questions" / "02-sort-algorithm"
    assert 'id="2-1"' in (built / "index.html").read_text(encoding="utf-8")
    seed2 = tmp_path / "html" / "imported" / "seed" / "questions" / "02-cost-and-activation-functions" / "index.html"
    assert "assets/imported/dl_2_cats.PNG" in seed2.read_text(encoding="utf-8")


def test_variant_13_nested_sub_question_numbers(tmp_path):
    """The algorithm file numbers sub-questions of sub-questions ("## #6-2-1") and titles them
    by the heading below; one listed but not written gets the notice."""
    r, pages, _ = variant(tmp_path, "13-nested-sub-questions")
    assert r.returncode == 0, r.stderr
    assert pages["06-graph.md"] == (
        "# Graph\n\n정점과 간선.\n\n## Shortest Path {#6-2}\n\n최단 경로.\n\n## Dijkstra {#6-2-1}\n\n한 노드에서.\n\n"
        f"## Bellman-Ford {{#6-2-3}}\n\n음수 간선.\n\n## Floyd {{#6-2-2}}\n\n{split_readme.NOT_WRITTEN}\n")


def test_the_sites_edited_pages_are_never_overwritten(tmp_path):
    """docs/ko was edited after import: --check says the real run refuses, the real run
    changes nothing."""
    import shutil
    ko = tmp_path / "docs" / "ko"
    shutil.copytree(ROOT / "docs" / "ko", ko)
    before = seed_pages(ko)
    r = run(SEED, "--out", ko, "--check")
    refused = re.findall(r"^would refuse to overwrite (\S+):", r.stdout, re.M)
    assert r.returncode == 1 and "would update" not in r.stdout and "would create" not in r.stdout
    # every page the seed makes: its questions and about.md (which links the contributor guide);
    # a question added on the site alone is not the importer's (CONTRIBUTING.md)
    written = [k for k in before if k == "about.md" or k.startswith("questions/") and number(Path(k)) in questions()]
    assert sorted(refused) == sorted(str(ko / k) for k in written)
    r = run(SEED, "--out", ko)
    assert r.returncode == 1 and r.stdout == "" and len(re.findall(r"not overwritten", r.stderr)) == len(written)
    assert seed_pages(ko) == before


def test_an_image_path_never_reaches_outside_the_images_folder(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the site")
    d = tmp_path / "readme"
    d.mkdir()
    src = d / "README.md"
    src.write_text(readme("## #1\n\n![x](../secret.png)\n"), encoding="utf-8")
    r = run(src, "--out", d / "docs" / "ko", "--slugs", tmp_path / "none.json")
    assert r.returncode == 0 and r.stderr == f"{src}:12: image outside {d}: ../secret.png\n"
    assert not (d / "docs" / "assets").exists()


# --- issue 23: the upstream's real history ------------------------------------------------
# tests/fixtures/upstream/boost-devs/ holds real versions of the deep-learning answers file
# (MIT: see its NOTICE); scripts/dev/upstream_history.py runs the same checks on every version.

UPSTREAM = ROOT / "tests" / "fixtures" / "upstream"
HISTORY = ROOT / "scripts" / "dev" / "upstream_history.py"
REFUSED = {"variants/14-duplicate-section-number.md": "14: duplicate question number 6 (first at line 8)",
           "variants/14-empty-file.md": "1: empty file", "upstream/boost-devs/2021-04-12-e69de29bb2.md": "1: empty file"}
FIXTURES = ["seed-readme.md"] + sorted(p.relative_to(VARIANTS.parent).as_posix()
                                       for p in [*VARIANTS.glob("*.md"), *UPSTREAM.glob("*/*.md")])


def test_upstream_fixtures_are_the_upstreams_bytes():
    """Each file is named DATE-BLOB.md by the blob id git gives its bytes: never edited."""
    import hashlib
    for folder in UPSTREAM.iterdir():
        if not folder.is_dir():
            continue
        names = sorted(p.name for p in folder.glob("*.md"))
        index = (folder / "versions.txt").read_text(encoding="utf-8").splitlines()
        assert sorted(line.split(":")[0] for line in index) == names and names
        for name in names:
            data = (folder / name).read_bytes()
            assert hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest().startswith(name[11:21]), name
    assert b"\r\n" in (UPSTREAM / "boost-devs" / "2021-04-26-13e93d485c.md").read_bytes()  # as written


@pytest.mark.parametrize("name", FIXTURES)
def test_invariants_hold_on_every_committed_fixture(name):
    """No service URL, no half formula, no stray $, nothing lost (scripts/content/import_check.py);
    a fixture whose structure is incoherent is refused with one line."""
    path = VARIANTS.parent / name
    try:
        found = import_check.check(path.read_bytes(), path)
    except split_readme.InputError as e:
        found = [f"{e.line}: {e.reason}"]
    assert found == ([REFUSED[name]] if name in REFUSED else [])


def git_repo(tmp_path) -> tuple[Path, callable]:
    import os
    repo = tmp_path / "repo"
    env = {**os.environ, "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "a",
           "GIT_COMMITTER_EMAIL": "a@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    day = iter(range(1, 29))

    def git(*args):
        d = f"2021-10-{next(day):02d}T12:00:00+00:00" if args[0] == "commit" else None
        r = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                           env={**env, **({"GIT_AUTHOR_DATE": d, "GIT_COMMITTER_DATE": d} if d else {})})
        assert r.returncode == 0, r.stderr
        return r.stdout

    repo.mkdir()
    git("init", "-q", "-b", "main")
    return repo, git


def test_upstream_history_runs_every_version_of_every_ref_across_a_rename(tmp_path):
    repo, git = git_repo(tmp_path)
    (repo / "answers").mkdir()
    linked = (f"[![img]({MATH}f(x%2By)%20%3D%20f(x))]({MATH}f(x%2By) %3D f(x))가 성립")
    old = repo / "answers" / "deep-learning.md"
    old.write_text(readme(f"## #1\n\n{linked}\n"), encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "one")
    git("mv", "answers/deep-learning.md", "answers/3-deep-learning.md")
    git("commit", "-qm", "renamed: the same version")
    git("checkout", "-qb", "other")
    new = repo / "answers" / "3-deep-learning.md"
    new.write_text(readme("## #1\n\nx\n\n## #1\n\ny\n"), encoding="utf-8")
    git("commit", "-qam", "a duplicate section, on another branch")
    git("checkout", "-q", "main")
    new.write_text(readme(f"## #1\n\n![img]({MATH}f(x\n"), encoding="utf-8")  # a target never closed
    git("commit", "-qam", "broken")
    commits = git("log", "--all", "--format=%H", "--reverse").split()
    r = subprocess.run([sys.executable, str(HISTORY), str(repo / ".git"), "--save", tmp_path / "saved"],
                       capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == ""
    lines = r.stdout.splitlines()
    assert [l.split(":")[0].split()[1:] for l in lines[:3]] == [
        ["2021-10-01", commits[0][:10], "+1"], ["2021-10-03", commits[2][:10]], ["2021-10-04", commits[3][:10]]]
    assert lines[0].endswith(": clean")
    assert lines[1].endswith(": refused: 14: duplicate question number 1 (first at line 10)")
    assert lines[2].endswith(": 1 problem: questions/01-question-one.md:3: formula service URL")
    assert lines[3:] == ["3 versions of answers/3-deep-learning.md (4 commits): 1 clean, 1 refused, 1 with problems"]
    saved = sorted(p.name for p in (tmp_path / "saved").iterdir())
    assert len(saved) == 4 and "versions.txt" in saved
    assert (tmp_path / "saved" / saved[0]).read_bytes() == readme(f"## #1\n\n{linked}\n").encode()


def test_upstream_history_bad_input_is_one_line(tmp_path):
    for repo, reason in [(tmp_path, "git rev-parse: "), (tmp_path / "none", "not a folder"),
                         ("file:///nonexistent/repo.git", "cannot clone: ")]:
        r = subprocess.run([sys.executable, str(HISTORY), str(repo)], capture_output=True, text=True)
        assert r.returncode == 1 and r.stdout == "" and len(r.stderr.splitlines()) == 1, r.stderr
        assert r.stderr.startswith(f"{repo}: {reason}") and "Traceback" not in r.stderr
    repo, git = git_repo(tmp_path)
    (repo / "a.md").write_text("x\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "no answers file")
    r = subprocess.run([sys.executable, str(HISTORY), str(repo / ".git")], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == f"{repo / '.git'}: no version of answers/3-deep-learning.md in any ref\n"
