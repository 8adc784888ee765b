"""percent: percentages, 成 and 折, 百分之/千分之, and fractions, in percent units."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.normalize.percent import find_percents
from factcheck.normalize.script import fold
from valuekit import case_id, check, load

CASES = load("percent.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_percent(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_percents(text, fold(text)), text, case["expect"])
