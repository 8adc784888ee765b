"""GitHub annotations and the `path:line:col: CODE message` line format."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.report import github, line
from report_fixture import sample_report

ESCAPES = yaml.safe_load((Path(__file__).parent / "cases" / "github_escape.yaml").read_text())


@pytest.mark.parametrize(("raw", "data", "prop"), ESCAPES)
def test_github_escaping(raw: str, data: str, prop: str) -> None:
    assert github.escape_data(raw) == data
    assert github.escape_property(raw) == prop


def test_github_annotations() -> None:
    out = github.render(sample_report()).splitlines()
    assert len(out) == 3  # the agreement is not annotated
    assert out[0].startswith(
        "::error file=a.md,line=3,col=7,endColumn=17,title=FC101 date-mismatch::dates differ"
    )
    assert "“2025年1月17日” here vs “2024年” in dir, with:colon/b 文.md:24:5" in out[0]
    assert "100%25 of <U+001B>[31mred" in out[1]  # % escaped, ESC made visible
    assert out[2].startswith("::warning ")
    assert all("\x1b" not in o and "\u202e" not in o for o in out)


def test_line_format() -> None:
    out = line.render(sample_report()).splitlines()
    assert out[0] == (
        "a.md:3:7: FC101 dates differ: 2025-01-17 is not in 2024 — “2025年1月17日” here"
        " vs “2024年” in dir, with:colon/b 文.md:24:5 [date-mismatch]"
    )
    assert out[1].startswith("a.md:9:1: FC102 amounts differ: 100% of <U+001B>[31mred")
    assert "“$5<U+202E>million”" in out[1]
    assert len(out) == 3


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("a\x1b]8;;x\x07b", "a<U+001B>]8;;x<U+0007>b"), ("\u200bz\ufeff", "<U+200B>z<U+FEFF>")],
)
def test_inert(raw: str, shown: str) -> None:
    assert line.inert(raw) == shown
