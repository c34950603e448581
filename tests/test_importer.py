"""scripts/split_readme.py: upstream quirks, bad input, nothing lost, no silent overwrite."""
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seed import SEED, questions, subs, toc

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "split_readme.py"
sys.path.insert(0, str(ROOT / "scripts"))
import split_readme  # noqa: E402

MATH = "https://render.githubusercontent.com/render/math?math="


def run(*args, cwd=None):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, cwd=cwd)


def readme(body: str, toc_lines: str = "- [Question one](#1)\n- [Question two](#2)\n") -> str:
    return f"# Title\n\n## Table of Contents\n\n{toc_lines}\n---\n\n{body}"


def imported(tmp_path, text: str, *extra) -> dict[str, str]:
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
    "no-toc": (b"# Title\n\n## #1\n\ntext\n", 1, "no table of contents"),
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
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn edit.\n", encoding="utf-8")
    r = run(SEED, "--out", out, "--check")
    assert r.returncode == 1 and r.stdout.strip() == f"would update {edited}"
    r = run(SEED, "--out", out)
    assert r.returncode == 1 and str(edited) in r.stderr
    assert edited.read_text(encoding="utf-8").endswith("An edit.\n")
    assert run(SEED, "--out", out, "--force").returncode == 0
    assert not edited.read_text(encoding="utf-8").endswith("An edit.\n")


def test_existing_slug_is_kept(tmp_path):
    out = tmp_path / "ko"
    (out / "questions").mkdir(parents=True)
    run(SEED, "--out", out)
    first = next((out / "questions").glob("06-*.md"))
    renamed = first.with_name("06-published-slug.md")
    first.rename(renamed)
    assert run(SEED, "--out", out, "--check").returncode == 0  # no new 06 page, nothing changes


# --- nothing lost ---------------------------------------------------------------

MARKUP = {"img", "src", "width", "https", "render", "githubusercontent", "com", "math"}


def words(text: str) -> list[str]:
    text = re.sub(re.escape(MATH) + r"([^\"]*)", lambda m: split_readme.math(m[1]), text)
    return [w for w in re.findall(r"[0-9A-Za-z가-힣]+", text) if w.lower() not in MARKUP]


def test_every_seed_line_lands_in_exactly_one_page(tmp_path):
    lines = SEED.read_text(encoding="utf-8").splitlines()
    out = tmp_path / "ko"
    result = split_readme.split(SEED.read_text(encoding="utf-8"), SEED, SEED.parent, out,
                                tmp_path / "assets", split_readme.load_slugs(split_readme.DEFAULT_SLUGS, out))
    where: dict[int, list] = {}
    for path, pg in result.pages.items():
        for text, src in pg.chunks:
            for n in (src if isinstance(src, tuple) else (src,)):
                if n is not None:
                    where.setdefault(n, []).append((path, text))
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        assert n in where, f"line {n} lost: {line!r}"
        assert len({p for p, _ in where[n]}) == 1, f"line {n} in several pages"
        if re.match(r"^##\s*#\s*\d+\s*$", line):
            continue  # the section heading is the page itself
        # a table-of-contents entry's "#N" lands as the page's number, NN-slug.md
        landed = " ".join(f"{p.split('/')[-1][:2].lstrip('0')} {t}" for p, t in where[n])
        missing = [w for w in words(line) if w not in words(landed)]
        assert not missing, f"line {n}: {missing} missing from {landed!r}"


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
