"""What every reporting command shares once its report is built: settings from flags, the
color decision, rendering, writing, and the exit code for --fail-on.

Kept apart from cli.py so that `compare`, `check` and `extract` stay a few lines each.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from factcheck.config import Config, FailOn
from factcheck.frozen import replace
from factcheck.models import Report

ColorChoice = Literal["auto", "always", "never"]
_RANK = {"contradiction": 0, "review": 1, "agreement": 2}
_FAIL_RANK = {"contradiction": 0, "review": 1, "never": -1}


def use_color(choice: str, *, no_color: bool = False, output: Path | None = None) -> bool:
    """--no-color and --color never win; --color always wins over NO_COLOR; auto is color
    only on a terminal, never into a file, and not when NO_COLOR is set (no-color.org)."""
    if no_color or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR") or (output is not None and str(output) != "-"):
        return False
    return sys.stdout.isatty()


def settings(
    flags: Mapping[str, object], *, config_file: Path | None = None
) -> Config:
    """The config in effect: files and FACTCHECK_* variables under the given flags."""
    from factcheck.config import load_settings

    return load_settings(flags, config_file=config_file).config


def split_codes(values: Sequence[str] | None) -> list[str] | None:
    """--select FC101,FC2 --select FC3 -> [FC101, FC2, FC3]; None when not given."""
    if not values:
        return None
    return [code.strip() for value in values for code in value.split(",") if code.strip()]


def at_or_above(kind: str, fail_on: FailOn) -> bool:
    limit = _FAIL_RANK[fail_on]
    return limit >= 0 and _RANK[kind] <= limit


def exit_code(report: Report, fail_on: FailOn) -> int:
    """1 when a finding is at or above --fail-on, else 0."""
    return int(any(at_or_above(f.kind, fail_on) for f in report.findings))


def emit(
    report: Report,
    *,
    fmt: str,
    output: Path | None,
    color: bool,
    quiet: bool = False,
    fail_on: FailOn = "contradiction",
) -> None:
    """Render and write. --quiet keeps, in text, only the findings that fail the run."""
    from factcheck.output import write
    from factcheck.report import get, json, render

    if quiet and fmt == "text":
        failing = [f for f in report.findings if at_or_above(f.kind, fail_on)]
        if not failing:
            return
        report = replace(report, findings=failing)
    if get(fmt) is json.render:
        # Record by record: a report on two 10 MB files is hundreds of MB of JSON.
        write(json.chunks(report), output)
        return
    write(render(report, fmt, color=color), output)


__all__ = ["at_or_above", "emit", "exit_code", "settings", "split_codes", "use_color"]
