"""The command's quick exit (cli.run): exit codes as the interpreter would give them, the
output flushed, and the exit hooks run (the user caches are written there) before the
process leaves without tearing the interpreter down."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_RUN = """
import atexit, sys
from factcheck import cli
atexit.register(lambda: open(sys.argv[1], "w").write("hook ran"))
def fake_main():
    sys.stdout.write("x" * 100000)  # more than one buffer: must all be flushed
    {body}
cli.main = fake_main
cli.run()
"""


@pytest.mark.parametrize(
    ("body", "code", "stderr"),
    [
        ("pass", 0, ""),
        ("sys.exit(1)", 1, ""),
        ("sys.exit(2)", 2, ""),
        ("sys.exit(None)", 0, ""),
        ("sys.exit('factcheck: error: boom')", 1, "factcheck: error: boom\n"),
    ],
)
def test_run_exits_as_the_interpreter_would(
    tmp_path: Path, body: str, code: int, stderr: str
) -> None:
    marker = tmp_path / "hook.txt"
    done = subprocess.run(
        [sys.executable, "-c", _RUN.format(body=body), str(marker)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == code
    assert done.stderr == stderr
    assert done.stdout == "x" * 100000
    assert marker.read_text() == "hook ran"
