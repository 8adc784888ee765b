"""compare_values over the case table in cases/intervals.yaml, plus symmetry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck import twins
from factcheck.intervals import compare_values
from factcheck.models import Value

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "intervals.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    a, b = twins.validate(Value, case["a"]), twins.validate(Value, case["b"])
    match = compare_values(a, b, rates=case.get("rates"))
    assert match.status == case["status"], match.explanation
    if "says" in case:
        assert case["says"] in match.explanation
    if "reason" in case:
        assert match.reason == case["reason"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_symmetric_status(case: dict[str, Any]) -> None:
    a, b = twins.validate(Value, case["a"]), twins.validate(Value, case["b"])
    rates = case.get("rates")
    assert compare_values(a, b, rates=rates).status == compare_values(b, a, rates=rates).status
