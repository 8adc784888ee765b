"""A comparison never imports pydantic (issue #3: its import was a third of a cold start):
the real command line in a fresh interpreter, from the project directory (whose
pyproject.toml has a [tool.factcheck] table) and from a directory with no settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "examples" / "chip-takeover"

# The CLI's entry point, then whether pydantic was imported, as the last line of stderr.
_PROBE = """
import sys
from factcheck.cli import main
sys.argv = ["factcheck", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("pydantic imported:", "pydantic" in sys.modules, file=sys.stderr)
"""


def _pydantic_imported(*args: str, cwd: Path) -> bool:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True,
        env={**env, "NO_COLOR": "1"}, timeout=120, check=False,
    )
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith("pydantic imported:"), out.stderr
    return last.endswith("True")


def _two_files() -> list[str]:
    return [str(path) for path in sorted(STORY.glob("*.txt"))[:2]]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_compare_from_the_project_directory_leaves_pydantic_out(fmt: str) -> None:
    assert "[tool.factcheck]" in (ROOT / "pyproject.toml").read_text("utf-8")
    assert not _pydantic_imported("compare", "--format", fmt, *_two_files(), cwd=ROOT)


def test_compare_elsewhere_leaves_pydantic_out(tmp_path: Path) -> None:
    assert not _pydantic_imported("compare", *_two_files(), cwd=tmp_path)


def test_settings_with_plain_values_leave_pydantic_out(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text(
        'fail_on = "review"\nselect = ["FC1"]\nmin_confidence = 0.6\n', "utf-8"
    )
    assert not _pydantic_imported("compare", *_two_files(), cwd=tmp_path)


def test_the_probe_sees_pydantic_where_it_is_needed(tmp_path: Path) -> None:
    # The schema is pydantic's; a currency rate goes through pydantic's validation.
    assert _pydantic_imported("schema", cwd=tmp_path)
    (tmp_path / "factcheck.toml").write_text("rates = {EUR = 1.08}\n", "utf-8")
    assert _pydantic_imported("compare", *_two_files(), cwd=tmp_path)
