"""Hostile article text (issue 5): rich markup, ANSI/OSC escapes, C1 and bidi controls and
zero-width characters reach the terminal inert and visible, and JSON as the plain string the
article holds. End to end through `python -m factcheck` with --color always."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from robustness_kit import assert_one_line_error, run_cli

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "robustness_hostile.yaml").read_text("utf-8")
)
# The renderers' own SGR color codes; every other escape came from the article.
SGR = re.compile(r"\x1b\[[0-9;]*m")
TEXT_FORMATS = ("text", "line", "github")


def _articles(folder: Path, snippet: str) -> None:
    for name, year in (("a.txt", 1999), ("b.txt", 2003)):
        text = f"Acme Robotics was founded in {year} in Boston, {snippet} the company said.\n"
        (folder / name).write_bytes(text.encode("utf-8"))


def _decoded(stdout: bytes) -> str:
    return SGR.sub("", stdout.decode("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_terminal_report_shows_hostile_text_inert(tmp_path: Path, case: dict[str, Any]) -> None:
    _articles(tmp_path, case["snippet"])
    proc = run_cli("compare", "a.txt", "b.txt", "--color", "always", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert b"Traceback" not in proc.stderr
    shown = _decoded(proc.stdout)
    assert "1999" in shown
    assert "2003" in shown
    for char in case["raw"]:
        assert char not in shown, f"raw {char!r} reached the terminal"
    flat = " ".join(shown.split())  # the report may wrap a long sentence
    for text in case["visible"]:
        assert " ".join(text.split()) in flat, text


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["line", "github"])
def test_line_formats_show_hostile_text_inert(tmp_path: Path, fmt: str) -> None:
    snippet = "".join(case["snippet"] for case in CASES)
    (tmp_path / "a.txt").write_text(f"Acme Robotics was founded in 1999. {snippet}\n", "utf-8")
    (tmp_path / "b.txt").write_text(f"Acme Robotics was founded in 2003. {snippet}\n", "utf-8")
    proc = run_cli("compare", "a.txt", "b.txt", "--format", fmt, cwd=tmp_path)
    assert b"Traceback" not in proc.stderr
    shown = proc.stdout.decode("utf-8")
    assert shown.strip(), proc.stderr
    assert len(shown.splitlines()) == proc.stdout.count(b"\n")  # no stray CR or LS
    for case in CASES:
        for char in case["raw"]:
            assert char not in shown, (fmt, char)


@pytest.mark.slow
def test_json_keeps_the_article_text_as_a_plain_string(tmp_path: Path) -> None:
    snippet = "".join(case["snippet"] for case in CASES)
    _articles(tmp_path, snippet)
    proc = run_cli(
        "compare", "a.txt", "b.txt", "--format", "json", "--color", "always", cwd=tmp_path
    )
    assert b"Traceback" not in proc.stderr
    # JSON escapes every C0 control: no raw ESC, BEL or BS in the bytes.
    for byte in (b"\x1b", b"\x07", b"\x08", b"\r"):
        assert byte not in proc.stdout
    report = json.loads(proc.stdout)
    text = (tmp_path / "a.txt").read_bytes().decode("utf-8")  # CR kept as written
    claims = [c for c in report["claims"] if c["source"] == "a.txt"]
    assert claims
    for claim in claims:
        start = claim["sentence_start"]
        assert text[start : start + len(claim["sentence"])] == claim["sentence"]


@pytest.mark.slow
def test_extract_table_shows_hostile_text_inert(tmp_path: Path) -> None:
    snippet = "".join(case["snippet"] for case in CASES)
    (tmp_path / "a.txt").write_text(f"Acme was founded in 1999 {snippet}.\n", "utf-8")
    proc = run_cli("extract", "a.txt", "--color", "always", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    shown = _decoded(proc.stdout)
    for case in CASES:
        for char in case["raw"]:
            assert char not in shown, char


@pytest.mark.slow
def test_hostile_file_name_in_an_error_is_inert(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Acme was founded in 1999.\n", "utf-8")
    name = "x\x1b]0;pwned\x07\u202e.txt"
    proc = run_cli("compare", "ok.txt", name, cwd=tmp_path)
    line = assert_one_line_error(proc, "no such file")
    for char in ("\x1b", "\x07", "\u202e"):
        assert char not in line


@pytest.mark.slow
def test_hostile_file_name_in_a_report_is_inert(tmp_path: Path) -> None:
    name = "x\x1b[2J\u202e.txt"
    (tmp_path / "ok.txt").write_text("Acme Robotics was founded in 1999 in Boston.\n", "utf-8")
    (tmp_path / name).write_text("Acme Robotics was founded in 2003 in Boston.\n", "utf-8")
    for fmt in TEXT_FORMATS:
        proc = run_cli(
            "compare", "ok.txt", name, "--format", fmt, "--color", "always", cwd=tmp_path
        )
        assert b"Traceback" not in proc.stderr
        shown = _decoded(proc.stdout)
        assert "2003" in shown or fmt != "text"
        assert "\x1b" not in shown, fmt
        assert "\u202e" not in shown, fmt
