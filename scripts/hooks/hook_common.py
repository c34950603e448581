"""What the MkDocs hooks (scripts/hooks/hook_*.py) share, with the content scripts
they read pages by: `from hook_common import glossary, home, keypoints, tex_text, translations`.

Each hook module is listed under `hooks:` in mkdocs.yml; run as a command it
answers --help and otherwise says it is not one. Not a command itself.
"""
import argparse
import sys
from pathlib import Path

# Imported here, once, from scripts/content/: MkDocs puts a hook's own folder on
# sys.path only while it loads that hook, so a later hook could not find them.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "content"))
import glossary  # noqa: E402,F401
import home  # noqa: E402,F401
import keypoints  # noqa: E402,F401
import tex_text  # noqa: E402,F401
import translations  # noqa: E402,F401


def not_a_command(doc: str, file: str, role: str = "mkdocs.yml loads it (hooks:) when the site is built") -> None:
    """The command line of a module that is not a command: --help, else one line on stderr and exit 1."""
    name = Path(file).name
    argparse.ArgumentParser(prog=name, description=doc.split("\n\n")[0], epilog=f"Not a command: {role}.").parse_args()
    sys.exit(f"{name} is not a command: run `mkdocs build` or `mkdocs serve` (see --help)")


def default_language(config) -> bool:
    """Whether this is the build of the default language (mkdocs-static-i18n builds each language
    in turn): files written once for the whole site are written then."""
    i18n = config.plugins.get("i18n")
    return i18n is None or i18n.current_language == i18n.default_language


if __name__ == "__main__":
    not_a_command(__doc__, __file__, "the MkDocs hooks import it")
