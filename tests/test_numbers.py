"""numbers: bare numbers found in running text, spans into the original."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.normalize.numbers import find_numbers
from factcheck.normalize.script import fold
from valuekit import case_id, check, load

CASES = load("numbers.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_numbers(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_numbers(text, fold(text)), text, case["expect"])
