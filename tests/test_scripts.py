"""Every script answers --help, and bad input gets one line `FILE:LINE: reason`
(or `FILE: reason`), never a traceback. Cases of translations.py and glossary.py
are in their own test modules."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from errors import one_error

ROOT = Path(__file__).resolve().parent.parent
ROLES = ["bench", "hooks", "content", "dev"]  # benchmarks, the site's build hooks, the content pipeline, developer tools
# commands, as run from the repository: the .py and .mjs files of each role folder (figurelib/ is a package)
SCRIPTS = sorted([f"{role}/{p.name}" for role in ROLES for p in (ROOT / "scripts" / role).iterdir()
                  if p.suffix in (".py", ".mjs")])


def test_scripts_are_discovered():
    assert {"content/translations.py", "hooks/hook_math.py", "dev/serve_subpath.py",
            "hooks/prerender_math.mjs", "bench/search_eval.py"} <= set(SCRIPTS)


def test_every_script_lives_in_a_role_folder():
    """scripts/ holds the role folders and nothing else, so the tree says what each script is for."""
    top = {p.name for p in (ROOT / "scripts").iterdir() if p.name != "__pycache__"}
    expected = set(ROLES)
    assert top == expected, (f"not in a role folder ({', '.join(ROLES)}): {sorted(top - expected)}; "
                             f"missing: {sorted(expected - top)}")


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_script_answers_help(script):
    if script.endswith(".mjs"):
        node = shutil.which("node")
        if node is None:
            if os.environ.get("CI") == "true":
                pytest.fail("node is missing in CI")
            pytest.skip("node not installed")
        cmd = [node, f"scripts/{script}", "--help"]
    else:
        cmd = [sys.executable, f"scripts/{script}", "--help"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("usage:") and Path(script).name in r.stdout.splitlines()[0], r.stdout


HOOKS = [line.split("#")[0].strip().removeprefix("- ")
         for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:\n")[1].split("\n\n")[0].splitlines()
         if line.strip().startswith("- scripts/")]


def test_hooks_are_listed():
    assert "scripts/hooks/hook_repo_links.py" in HOOKS and len(HOOKS) >= 5, HOOKS


def test_every_hook_module_is_in_hooks_and_listed():
    listed = {Path(h).name for h in HOOKS}
    modules = {p.name for p in (ROOT / "scripts" / "hooks").glob("hook_*.py")} - {"hook_common.py"}
    assert modules <= listed, f"not under hooks: in mkdocs.yml: {sorted(modules - listed)}"
    assert all(h.startswith("scripts/hooks/hook_") for h in HOOKS), HOOKS


@pytest.mark.parametrize("hook", HOOKS)
def test_hooks_module_run_as_a_command_says_what_it_is(hook):
    name = Path(hook).name
    r = subprocess.run([sys.executable, hook], cwd=ROOT, capture_output=True, text=True)
    assert one_error(r) == f"{name} is not a command: run `mkdocs build` or `mkdocs serve` (see --help)"
    r = subprocess.run([sys.executable, hook, "--help"], cwd=ROOT, capture_output=True, text=True)
    assert "Not a command" in r.stdout


def test_fetch_mathjax_option_does_not_read_as_print_the_version():
    r = subprocess.run([sys.executable, "scripts/hooks/fetch_mathjax.py", "--help"], cwd=ROOT, capture_output=True,
                       text=True)
    assert "--mathjax-version VERSION" in r.stdout and not re.search(r"--version\b", r.stdout)


def test_external_links_stops_quietly_when_the_reader_stops_reading():
    """`external_links.py | head`: the reading end closes before the list is written."""
    for args in ([], ["--check"]):
        p = subprocess.Popen([sys.executable, "scripts/content/external_links.py", *args], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdout.close()
        err = p.stderr.read().decode()
        assert p.wait(timeout=60) == 0 and err == "", err


# --- home.py ---

def home(docs, *args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "content" / "home.py"), "--docs", "docs", *args],
                          cwd=docs.parent, capture_output=True, text=True)


def test_home_refuses_a_question_page_without_h1(docs):
    """Page 3 holds code whose comments start with "# ": they are not its H1."""
    page = docs / "en" / "questions" / "03-tensorflow-vs-pytorch.md"
    text = page.read_text(encoding="utf-8")
    assert "\n# TensorFlow 1.x style" in text
    page.write_text(re.sub(r"^# .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    assert one_error(home(docs, "--lang", "en")) == "docs/en/questions/03-tensorflow-vs-pytorch.md: no H1"


def test_home_lists_three_digit_questions_in_order(docs):
    for lang, title, tag in [("ko", "백 번째 질문인가요?", "하드웨어"), ("en", "Is this the hundredth question?", "Hardware")]:
        (docs / lang / "questions" / "100-hundredth.md").write_text(f"---\ntags: [{tag}]\n---\n\n# {title}\n\n답.\n",
                                                                   encoding="utf-8")
        r = home(docs, "--lang", lang)
        assert r.returncode == 0, r.stderr
        last = r.stdout.split(f"## {tag}\n")[1]  # the last topic: question 20, then 100
        items = re.findall(r"^- \*\*(\d+)\.\*\* \[(.*?)\]\((.*?)\)", last, re.M)
        assert [int(n) for n, _, _ in items] == [20, 100]
        assert items[-1][1:] == (title, "questions/100-hundredth.md")


def test_home_refuses_a_question_without_a_known_topic(docs):
    page = docs / "ko" / "questions" / "06-overfitting.md"
    page.write_text(page.read_text(encoding="utf-8").replace("tags: [규제와 평가]", "tags: [Regularization]"),
                    encoding="utf-8")
    assert one_error(home(docs)).startswith("docs/ko/questions/06-overfitting.md: front matter must name one topic")


# --- search_eval.py ---

def test_search_eval_reads_three_digit_question_numbers():
    from search_eval import QUESTION
    assert QUESTION.search("/dl-interview/en/questions/100-hundredth/#100-1")[1] == "100"
    assert QUESTION.search("/dl-interview/questions/06-overfitting/")[1] == "06"


def test_search_eval_refuses_a_missing_query_set_before_searching(tmp_path):
    # an empty --site: no build, and a script that went on would time out on it, not pass
    r = subprocess.run([sys.executable, "scripts/bench/search_eval.py", "--site", str(tmp_path),
                        "--queries", "no-such-queries.yml"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert one_error(r) == "no-such-queries.yml: no such file"


# --- hook_front_matter.py: front matter MkDocs cannot read fails the build ---

@pytest.mark.parametrize("rel, front, error", [
    ("en/questions/06-overfitting.md", "title: [unclosed\n",
     "docs/en/questions/06-overfitting.md:2: front matter is not valid YAML (while parsing a flow sequence: "
     "expected ',' or ']', but got ':')"),
    ("ko/questions/06-overfitting.md", "- a list\n- not a mapping\n",
     "docs/ko/questions/06-overfitting.md:1: front matter is not a mapping of keys to values"),
])
def test_build_fails_on_front_matter_mkdocs_cannot_read(tmp_path, rel, front, error):
    """MkDocs publishes such a block as text (a rule and a line of YAML), even with
    --strict; the hooks make it a build error naming the file and line."""
    for name in ("docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name)
    for name in ("mkdocs.yml", "glossary.yml"):
        shutil.copy(ROOT / name, tmp_path)
    page = tmp_path / "docs" / rel
    text = page.read_text(encoding="utf-8")
    if front.startswith("- "):  # a list replaces the page's own keys (its topic)
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = text[4:] if text.startswith("---\n") else "---\n" + text
    page.write_text("---\n" + front + text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                       cwd=tmp_path, capture_output=True, text=True, timeout=600,
                       env={**os.environ, "MATH_PRERENDER": "0"})
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    assert error in re.findall(r"^ERROR\s+-\s+(.*)$", r.stderr, re.M), r.stderr[-3000:]


@pytest.mark.parametrize("script", ["home.py", "translations.py", "glossary.py"])
def test_missing_docs_folder_is_one_line(tmp_path, script):
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "content" / script), "--docs", "nodocs"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert one_error(r) == "nodocs: not a folder"
