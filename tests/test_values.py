"""find_values: every kind together, qualifiers, ranges, overlaps with dates, and properties
that hold on any text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.models import MoneyValue
from factcheck.values import find_values
from growthkit import assert_linear
from valuekit import case_id, check, load

CASES = load("values.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_values(case: dict[str, Any]) -> None:
    text = case["text"]
    mentions = find_values(text, kinds=["money", "number", "percent"])
    check(mentions, text, case["expect"])


def test_same_amount_in_three_scripts() -> None:
    # 974亿美元 == 974億美元 == $97.4 billion: the same interval, whatever the script
    values = []
    for text in ("出价974亿美元", "出價974億美元", "a bid of $97.4 billion"):
        (m,) = find_values(text, kinds=["money"])
        assert isinstance(m.value, MoneyValue)
        values.append((m.value.amount, m.value.low, m.value.high, m.value.currency))
    assert values[0] == values[1] == values[2]


def _interval(text: str) -> tuple[float, float]:
    (m,) = find_values(text, kinds=["money"])
    assert isinstance(m.value, MoneyValue)
    low, high = m.value.low, m.value.high
    assert low is not None
    assert high is not None
    return low, high


def test_factor_of_ten_never_overlaps() -> None:
    assert _interval("9.74 billion dollars")[1] < _interval("97.4 billion dollars")[0]


def test_130_yi_and_13_billion_overlap() -> None:
    (a_low, a_high), (b_low, b_high) = _interval("130億美元"), _interval("$13 billion")
    assert a_low <= b_high
    assert b_low <= a_high


def test_date_wins_over_the_number_inside_it() -> None:
    pytest.importorskip("factcheck.normalize.dates")
    mentions = find_values("2025年1月17日起訴，求償千億美元", reference_date=dt.date(2025, 3, 1))
    kinds = [(m.text, m.kind) for m in mentions]
    assert ("2025年1月17日", "date") in kinds
    assert not any(m.kind == "number" and m.text in ("2025", "1", "17") for m in mentions)
    assert ("千億美元", "money") in kinds


def test_kinds_filter() -> None:
    text = "2024年營收130億美元，增長六成，員工3000人"
    assert {m.kind for m in find_values(text, kinds=["percent"])} == {"percent"}
    assert {m.kind for m in find_values(text, kinds=["money", "number"])} == {"money", "number"}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_spans_index_the_original(text: str) -> None:
    for m in find_values(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text


_ALPHABET = st.sampled_from(
    list("0123456789,.亿億万萬千百十一二三四五六七八九零两点分之成%$ 美元約超逾近多余几數数")
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_numeral_soup_never_fails(text: str) -> None:
    for m in find_values(text):
        assert text[m.start : m.end] == m.text
        low, high = getattr(m.value, "low", None), getattr(m.value, "high", None)
        if low is not None and high is not None:
            assert low <= high


@pytest.mark.parametrize(
    "unit", ["9", "1,", "億", "一二三四五六七八九十", "十", "1 ", "百分之", "a1", " one"]
)
def test_time_stays_linear(unit: str) -> None:
    # ten times the text may take ten times as long, not a hundred: measured, with slack
    def reader(n: int) -> Callable[[], object]:
        text = unit * (n // len(unit))
        return lambda: find_values(text, kinds=["money", "number", "percent"])

    assert_linear(reader(2_000), reader(20_000), scale=10, slack=4, floor=1e-3)
