"""The pre-commit hook, for real: pre-commit installs it from this project's repository at
its current commit into a fresh editorial repository, and `git commit` runs it.

Slow (pre-commit builds the hook's own virtualenv from the package registry), so marked
`slow`; skipped when pre-commit is not installed or this checkout is not a git repository.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def _head() -> str | None:
    out = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True, check=False
    )
    return out.stdout.strip() if out.returncode == 0 else None


def _run(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
)
def test_hook_refuses_a_contradicting_commit(tmp_path: Path) -> None:
    head = _head()
    if head is None:
        pytest.skip("this checkout is not a git repository, so pre-commit cannot clone it")
    if not (PROJECT / ".pre-commit-hooks.yaml").exists():
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "FACTCHECK_"))},
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
        "NO_COLOR": "1",
    }  # fmt: skip
    config = f"repos:\n  - repo: {PROJECT}\n    rev: {head}\n    hooks:\n      - id: factcheck\n"
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    assert _run(["git", "init", "-q"], repo, env).returncode == 0
    installed = _run([sys.executable, "-m", "pre_commit", "install"], repo, env)
    assert installed.returncode == 0, installed.stderr

    def commit(name: str, text: str) -> subprocess.CompletedProcess[str]:
        (repo / name).write_text(text, encoding="utf-8")
        _run(["git", "add", name, ".pre-commit-config.yaml"], repo, env)
        return _run(["git", "commit", "-m", f"add {name}"], repo, env)

    first = commit("acme.md", "Acme Robotics was founded in 2015, the company said.\n")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "factcheck" in first.stdout + first.stderr  # the hook ran

    second = commit("acme-wrong.md", "Acme Robotics was founded in 2012, the company said.\n")
    out = second.stdout + second.stderr
    assert second.returncode != 0, out
    assert "acme-wrong.md" in out
    assert "2012" in out
    assert "2015" in out
    _run(["git", "reset", "-q"], repo, env)  # unstage the refused article
    (repo / "acme-wrong.md").unlink()

    third = commit(
        "acme-old.md",
        "Acme Robotics was founded in 2012, an early filing said. "
        "<!-- factcheck: ignore FC101 -->\n",
    )
    assert third.returncode == 0, third.stdout + third.stderr
