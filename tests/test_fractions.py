"""fractions: English, slash and 分之 fractions as numbers (unit "fraction"), ratios, spoken
decimals, through find_values."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.values import find_values
from valuekit import case_id, check, load

CASES = load("fractions.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fractions(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_values(text, kinds=["money", "number", "percent"]), text, case["expect"])
