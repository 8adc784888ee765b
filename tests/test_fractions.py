"""fractions: English, slash and 分之 fractions as numbers (unit "fraction"), ratios, spoken
decimals, through find_values."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from factcheck.values import find_values
from growthkit import assert_linear
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

    def reader(n: int) -> Callable[[], object]:
        text = unit * (n // len(unit))
        return lambda: find_values(text, kinds=["money", "number", "percent"])

    assert_linear(reader(10_000), reader(40_000), scale=4, slack=2)
