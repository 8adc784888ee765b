"""numbers: bare numbers found in running text, spans into the original."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.numbers import _numerals, find_numbers, number_finder
from factcheck.normalize.script import fold
from valuekit import case_id, check, load

CASES = load("numbers.yaml")


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_numbers(case: dict[str, Any]) -> None:
    text = case["text"]
    check(find_numbers(text, fold(text)), text, case["expect"])


# Letters, digits, signs and numerals of both languages, and the words that start English
# numbers, so that starts found by the prefilter and missed ones both turn up.
_SOUP = st.one_of(
    st.sampled_from(list("0123456789,.-_ \t负負一二十百千万亿零两abeknm$%")),
    st.sampled_from(["a ", "an ", "one", "two", "million", "billion", "tens", "half", "k", "x"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SOUP, max_size=40).map("".join))
def test_prefiltered_scan_matches_the_full_scan(text: str) -> None:
    # scan_quantities tries the master pattern only where `starts` finds a possible start;
    # it must find exactly what trying every position finds.
    f = number_finder()
    folded = fold(text)
    assert [m.span() for m in _numerals(folded, f)] == [
        m.span() for m in f.master.finditer(folded)
    ]
