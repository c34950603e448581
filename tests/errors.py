"""What the tests of the command-line scripts share."""


def one_error(r) -> str:
    """The single stderr line of a refused input (exit 1, no traceback)."""
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]
