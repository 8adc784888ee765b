"""fractions: English, slash and 分之 fractions as numbers (unit "fraction"), ratios, spoken
decimals, through find_values."""

from __future__ import annotations

import time
from typing import Any

import pytest

from factcheck.values import find_values
from valuekit import case_id, check, load

CASES = load("fractions.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fractions(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_values(text, kinds=["money", "number", "percent"]), text, case["expect"])


@pytest.mark.parametrize(
    "unit",
    [
        "1 234 ",
        "one hundred and two thirds ",
        "3/4 2 1/4 ",
        "十 余 万 ",
        "1.5e3 ",
        "10:30 上午10点 ",
    ],
)
def test_time_is_linear(unit: str) -> None:
    """Four times the text takes about four times as long (generous bound: 8x, for noisy CI)."""

    def cost(n: int) -> float:
        text = unit * (n // len(unit))
        t0 = time.process_time()
        find_values(text, kinds=["money", "number", "percent"])
        return time.process_time() - t0

    cost(2_000)
    small, large = cost(10_000), cost(40_000)
    assert large < 8 * max(small, 0.01)
