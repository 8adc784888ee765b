"""The terminal report: content, order, and hostile source text made inert and visible."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.report import render
from factcheck.report.inert import inert
from factcheck.report.terminal import render as render_terminal
from reportkit import make_report

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "hostile.yaml").read_text("utf-8")
)


def test_report_shows_the_finding() -> None:
    out = render(make_report(), "text", color=False)
    first = out.splitlines()[0]
    assert first == "2 sources, 2 claims: 1 contradiction, 0 to review, 0 agreements"
    assert "CONTRADICTION FC101 date-mismatch" in out
    assert "elon_musk · lawsuit.filed" in out
    assert "a.txt:1:1" in out
    assert "b.md:1:1" in out
    assert "dates differ: 2025-01-17 is not in 2024" in out
    assert "\x1b" not in out  # no color asked, no escapes


def test_color_highlights_the_value() -> None:
    out = render(make_report(), "text", color=True)
    assert "\x1b[" in out
    assert "2025年1月17日" in out


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
@pytest.mark.parametrize("color", [False, True])
def test_hostile_text_is_inert(case: dict[str, Any], color: bool) -> None:
    out = render_terminal(make_report(case["text"]), color=color, width=200)
    # Whatever the source held, the only escapes are the renderer's own SGR color codes.
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    for shown in case["shows"]:
        assert shown in plain
    for never in case["never"]:
        assert never not in plain


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_inert_is_visible(case: dict[str, Any]) -> None:
    made = inert(case["text"])
    for shown in case["shows"]:
        assert shown in made


def test_wide_characters_wrap_within_the_width() -> None:
    out = render_terminal(make_report("很長的中文" * 20), color=False, width=60)
    from rich.cells import cell_len

    assert max(cell_len(line) for line in out.splitlines()) <= 60
