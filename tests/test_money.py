"""money: amounts with their currency, before or after, in both scripts and English."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.normalize.money import find_money
from factcheck.normalize.script import fold
from valuekit import case_id, check, load

CASES = load("money.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_money(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_money(text, fold(text)), text, case["expect"])
