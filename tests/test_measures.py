"""Measures read as one value in a base unit: the cases in cases/measures.yaml, and what the
comparison and alignment make of them."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.describe import duration, value
from factcheck.intervals import compare_values
from factcheck.models import NumberValue
from factcheck.values import find_values
from valuekit import case_id, check, load

CASES = load("measures.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_measures(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_values(text, kinds=["money", "number", "percent"]), text, case["expect"])


def _one(text: str) -> NumberValue:
    (m,) = find_values(text, kinds=["number"])
    assert isinstance(m.value, NumberValue)
    return m.value


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        ("距离约150公里", "about 150 km away", "compatible"),
        ("距离约150公里", "about 510 km away", "incompatible"),
        ("1小时2分3秒", "1:02:03", "compatible"),
        ("1小时2分3秒", "1:02:30", "incompatible"),
        ("0.8米", "80 centimetres", "compatible"),
        ("48小时", "two days", "compatible"),
        ("3天", "72 hours", "compatible"),
        ("3天", "48 hours", "incompatible"),
        ("約97光年", "about 97 light-years", "compatible"),
        ("約97光年", "about 79 light-years", "incompatible"),
        # Different units, or a unit against a bare count, are never one figure.
        ("150公里", "150 minutes", "incomparable"),
        ("150公里", "150人", "incomparable"),
    ],
)
def test_measures_compare_across_languages(a: str, b: str, status: str) -> None:
    assert compare_values(_one(a), _one(b)).status == status


def test_duration_is_written_in_hours_minutes_and_seconds() -> None:
    assert duration(7221) == "2 h 0 min 21 s"
    assert duration(900) == "15 min"
    assert duration(14) == "14 s"
    assert duration(259200) == "3 d"
    assert duration(6 * 2_629_800) == "6 months"


def test_long_lengths_are_written_in_larger_units() -> None:
    assert value(_one("about 79 light-years")) == "about 79 light-years"
    assert value(_one("全長15公里")) == "15 km"
    assert value(_one("480公尺")) == "480 m"
