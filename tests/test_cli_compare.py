"""`factcheck compare` (and extract, schema, codes) as a user runs it: real subprocesses on
real files in tmp_path. Exit codes, formats, --output, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

A = "Acme Robotics was founded in 1999 in Boston.\n\nAcme Robotics employs 400 people.\n"
B = "Acme Robotics was founded in 2003 in Boston.\n\nAcme Robotics employs 400 people.\n"
SAME = A


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "", "COLUMNS": "100"}
    env.pop("FACTCHECK_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=cwd, input=stdin,
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(A, "utf-8")
    (tmp_path / "b.txt").write_text(B, "utf-8")
    (tmp_path / "same.txt").write_text(SAME, "utf-8")
    return tmp_path


def test_contradiction_exits_1_and_is_shown(files: Path) -> None:
    out = run("compare", "a.txt", "b.txt", cwd=files)
    assert out.returncode == 1, out.stderr
    assert "CONTRADICTION" in out.stdout
    assert "a.txt:1:" in out.stdout
    assert "b.txt:1:" in out.stdout
    assert "1999" in out.stdout
    assert "2003" in out.stdout


def test_agreeing_sources_exit_0(files: Path) -> None:
    out = run("compare", "a.txt", "same.txt", cwd=files)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 contradictions" in out.stdout


def test_fail_on_never_and_review(files: Path) -> None:
    assert run("compare", "--fail-on", "never", "a.txt", "b.txt", cwd=files).returncode == 0
    assert run("compare", "--fail-on", "review", "a.txt", "b.txt", cwd=files).returncode == 1


def test_ignore_the_code_and_the_run_passes(files: Path) -> None:
    out = run("compare", "--format", "json", "--ignore", "FC1", "a.txt", "b.txt", cwd=files)
    assert out.returncode == 0
    assert json.loads(out.stdout)["summary"]["contradictions"] == 0


def test_json_is_the_same_whatever_the_order(files: Path) -> None:
    one = run("compare", "--format", "json", "a.txt", "b.txt", cwd=files)
    two = run("compare", "--format", "json", "b.txt", "a.txt", cwd=files)
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert data["version"] == 1
    assert [s["path"] for s in data["sources"]] == ["a.txt", "b.txt"]
    finding = data["findings"][0]
    assert finding["kind"] == "contradiction"
    assert {s["value_text"] for s in finding["sides"]} == {"1999", "2003"}


def test_output_file_written_whole(files: Path) -> None:
    out = run("compare", "--format", "json", "--output", "report.json", "a.txt", "b.txt",
              cwd=files)
    assert out.returncode == 1
    assert out.stdout == ""
    assert json.loads((files / "report.json").read_text("utf-8"))["version"] == 1
    assert sorted(p.name for p in files.iterdir()) == [
        "a.txt", "b.txt", "report.json", "same.txt"
    ]  # no temporary file left behind


def test_failed_run_leaves_the_old_output_untouched(files: Path) -> None:
    (files / "report.json").write_text("old", "utf-8")
    out = run("compare", "--output", "report.json", "a.txt", "missing.txt", cwd=files)
    assert out.returncode == 2
    assert (files / "report.json").read_text("utf-8") == "old"


def test_stdin_is_a_source(files: Path) -> None:
    out = run("compare", "--format", "json", "a.txt", "-", cwd=files, stdin=B)
    assert out.returncode == 1, out.stderr
    assert "-" in [s["path"] for s in json.loads(out.stdout)["sources"]]


def test_directory_expands_to_its_files(files: Path) -> None:
    out = run("compare", "--format", "json", ".", cwd=files)
    assert [s["path"] for s in json.loads(out.stdout)["sources"]] == [
        "a.txt", "b.txt", "same.txt"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ("compare", "a.txt", "missing.txt"),
        ("compare", "a.txt"),
        ("compare", "--format", "yaml", "a.txt", "b.txt"),
        ("compare", "--fail-on", "sometimes", "a.txt", "b.txt"),
        ("compare", "--color", "purple", "a.txt", "b.txt"),
        ("compare", "--select", "XY1", "a.txt", "b.txt"),
    ],
)
def test_usage_and_input_errors_exit_2(files: Path, args: tuple[str, ...]) -> None:
    out = run(*args, cwd=files)
    assert out.returncode == 2, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    assert out.stderr.strip()


def test_color_always_and_never(files: Path) -> None:
    assert "\x1b[" in run("compare", "--color", "always", "a.txt", "b.txt", cwd=files).stdout
    assert "\x1b[" not in run("compare", "--no-color", "a.txt", "b.txt", cwd=files).stdout


def test_extract_json(files: Path) -> None:
    out = run("extract", "--format", "json", "a.txt", cwd=files)
    assert out.returncode == 0, out.stderr
    source = json.loads(out.stdout)["sources"][0]
    assert source["path"] == "a.txt"
    assert "1999" in [m["text"] for m in source["mentions"]]


def test_extract_text(files: Path) -> None:
    out = run("extract", "a.txt", cwd=files)
    assert out.returncode == 0, out.stderr
    assert "1999" in out.stdout


def test_codes_and_schema(files: Path) -> None:
    codes = run("codes", "--format", "json", cwd=files)
    assert "FC101" in [c["code"] for c in json.loads(codes.stdout)]
    schema = json.loads(run("schema", cwd=files).stdout)
    assert "findings" in schema["properties"]


def test_quiet_prints_only_failing_findings(files: Path) -> None:
    assert run("compare", "--quiet", "a.txt", "same.txt", cwd=files).stdout == ""
    out = run("compare", "--quiet", "a.txt", "b.txt", cwd=files).stdout
    assert "CONTRADICTION" in out
    assert "AGREEMENT" not in out


def test_readme_documents_every_compare_option(files: Path) -> None:
    import re

    help_text = run("compare", "--help", cwd=files).stdout
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    section = readme.split("<!-- section: compare -->", 1)[1].split("<!-- section:", 1)[0]
    assert options
    assert sorted(o for o in options if o not in section) == []
