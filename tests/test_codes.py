"""Finding codes: the README table matches codes.py, and selection works like ruff's."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from factcheck.codes import BY_CODE, CODES, is_selected

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_rows() -> list[tuple[str, ...]]:
    text = README.read_text("utf-8")
    section = text.split("<!-- section: codes -->", 1)[1].split("<!-- section:", 1)[0]
    rows = regex.findall(r"^\| (FC\d{3}) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$",
                         section, flags=regex.M)
    return [tuple(cell.strip() for cell in row) for row in rows]


def test_readme_table_matches_codes() -> None:
    expected = [(c.code, c.name, c.kind, c.severity, c.description) for c in CODES]
    assert _readme_rows() == expected


def test_codes_are_unique_and_kebab_case() -> None:
    assert len(BY_CODE) == len(CODES)
    assert len({c.name for c in CODES}) == len(CODES)
    for c in CODES:
        assert regex.fullmatch(r"FC\d{3}", c.code)
        assert regex.fullmatch(r"[a-z]+(-[a-z]+)*", c.name)


@pytest.mark.parametrize(
    ("code", "select", "ignore", "selected"),
    [
        ("FC101", [], [], True),
        ("FC101", ["FC1"], [], True),
        ("FC201", ["FC1"], [], False),
        ("FC301", [], ["FC301"], False),
        ("FC101", ["FC1"], ["FC101"], False),
        ("FC102", ["FC102"], ["FC1"], True),
        ("FC102", ["FC"], ["FC1"], False),
        ("fc101", ["fc1"], [], True),
    ],
)
def test_selection(code: str, select: list[str], ignore: list[str], selected: bool) -> None:
    assert is_selected(code, select, ignore) is selected
