"""Dates: every form in tests/cases/dates.yaml, spans into the original text, linear time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.dates import find_dates
from factcheck.normalize.script import fold
from growthkit import assert_linear

CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "cases" / "dates.yaml").read_text("utf-8")
)
ALL = [(group, case) for group, cases in CASES.items() for case in cases]


def _ref(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _s(value: Any) -> str | None:
    """YAML reads 2025-01-17 as a date and 2024 as an int: compare them as text."""
    return None if value is None else str(value)


def _dates(text: str, ref: dt.date | None = None, lang: str | None = None) -> list[Any]:
    return find_dates(text, fold(text), ref, lang=lang)


@pytest.mark.parametrize(("group", "case"), ALL, ids=[f"{g}:{c['name']}" for g, c in ALL])
def test_case(group: str, case: dict[str, Any]) -> None:
    found = _dates(str(case["text"]), _ref(case.get("ref")), case.get("lang"))
    got = [(m.text, m.value.timex) for m in found]
    want = [(_s(e["text"]), _s(e["timex"])) for e in case["expect"]]
    assert got == want
    for mention, expected in zip(found, case["expect"], strict=True):
        for key in ("start", "end", "granularity", "mod"):
            if key in expected:
                assert _s(getattr(mention.value, key)) == _s(expected[key]), key


def test_spans_index_the_original_text() -> None:
    text = "據報導，馬斯克於２０２５年１月１７日提起訴訟；On Friday, Jan. 17, 2025 he sued."
    for mention in _dates(text, dt.date(2025, 3, 1)):
        assert text[mention.start : mention.end] == mention.text


def test_folded_text_must_match() -> None:
    with pytest.raises(ValueError, match="same length"):
        find_dates("2025年", "2025", None)


def test_same_date_across_scripts() -> None:
    texts = ("2025年1月17日", "２０２５年１月１７日", "二〇二五年一月十七日", "Jan. 17, 2025")
    values = {m.value.timex for text in texts for m in _dates(text)}
    assert values == {"2025-01-17"}


DATEISH = st.lists(
    st.sampled_from(
        [*"0123456789年月日号周星期上下去今明后前约左右底初中 ,./-()", "in ", "May ", "jan ",
         "the ", "ago ", "next ", "monday", "2025", "民國", "twenty "]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(DATEISH, st.text(max_size=60)), with_ref=st.booleans())
def test_any_text_no_exception_and_spans_round_trip(text: str, with_ref: bool) -> None:
    mentions = _dates(text, dt.date(2024, 2, 29) if with_ref else None)
    last_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end  # sorted, never overlapping
        last_end = m.end
        v = m.value
        if v.start is not None and v.end is not None:
            assert v.start <= v.end


@pytest.mark.parametrize(
    "unit",
    ["1234567890,", "億", "一二三四五六七八九十百千万", "年月日号", "1/2/3/4/", "twenty ",
     "2025年1月17日，", "On January 17, 2025, "],
)
def test_time_is_linear(unit: str) -> None:
    """Four times the text takes about four times as long (generous bound: 8x, for noisy CI)."""

    def reader(n: int) -> Callable[[], object]:
        text = unit * (n // len(unit))
        folded = fold(text)
        return lambda: find_dates(text, folded, dt.date(2025, 3, 1))

    assert_linear(reader(20_000), reader(80_000), scale=4, slack=2)
