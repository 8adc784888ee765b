"""Pathological inputs take linear time (issue 5): each case of cases/pathological.yaml is
read and extracted at 1x and 4x a small size, and the CPU time may grow at most 8-fold
(linear growth is 4-fold, quadratic 16-fold). Absolute times are not tested; the full-size
figures come from benchmarks/pathological.py."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from pathological import build, cpu_time, load_cases, pipeline

BASE = 3000  # characters at 1x
MAX_GROWTH = 8.0  # for 4x the input


@pytest.fixture(scope="module")
def run() -> Any:
    analyse = pipeline()
    analyse("warm up: 2025年1月17日 US$1 billion 三成")
    return analyse


@pytest.mark.slow
@pytest.mark.parametrize("case", load_cases(), ids=lambda c: c["name"])
def test_time_grows_linearly(run: Any, case: dict[str, Any]) -> None:
    small, large = build(case["unit"], BASE), build(case["unit"], 4 * BASE)
    # The best of two runs: a pause of the machine should not fail the test.
    t1 = min(cpu_time(run, small) for _ in range(2))
    t4 = min(cpu_time(run, large) for _ in range(2))
    assert t4 <= MAX_GROWTH * max(t1, 0.02), f"{case['name']}: {t1:.3f}s -> {t4:.3f}s"
