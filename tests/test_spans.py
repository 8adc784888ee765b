"""Spans (normalize/quantity.py), which settles overlapping value mentions: it marks taken
characters instead of keeping sorted lists, and must decide exactly as the sorted-list
version it replaced (kept here as the reference), empty spans included."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalize.quantity import Spans


class SortedSpans:
    """The reference: sorted starts and ends, one binary search per test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return True
        if i < len(self.starts) and self.starts[i] < end:
            return True
        return start == end and i > 0 and self.starts[i - 1] == start

    def take(self, start: int, end: int) -> bool:
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


span = st.tuples(st.integers(0, 40), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.booleans(), span), max_size=40))
def test_spans_decide_as_the_sorted_lists_did(ops: list[tuple[bool, tuple[int, int]]]) -> None:
    new, ref = Spans(), SortedSpans()
    for take, (start, end) in ops:
        if take:
            assert new.take(start, end) == ref.take(start, end), (start, end)
        else:
            assert new.overlaps(start, end) == ref.overlaps(start, end), (start, end)


def test_empty_spans() -> None:
    spans = Spans()
    assert spans.take(5, 5)
    assert not spans.take(5, 5)  # the same empty span again
    assert spans.take(5, 8)  # starting at an empty span is no overlap
    assert spans.take(2, 5)  # nor is ending at one
    assert not spans.take(4, 6)
    assert spans.take(10, 10)
    assert not spans.take(9, 11)  # across an empty span
    assert not spans.overlaps(8, 8)
    assert spans.overlaps(7, 7)
