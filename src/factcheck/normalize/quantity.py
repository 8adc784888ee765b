"""The working record of the value finders: a number, amount or percentage found in the folded
text, in exact decimals, before it becomes a `Mention` with float bounds."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck.models import Mention, Mod, MoneyValue, NumberValue, PercentValue, ValueKind

HALF = Decimal("0.5")


@dataclass(frozen=True)
class Quantity:
    """A value span [start, end) of the folded (= original) text and the interval it means."""

    start: int
    end: int
    value: Decimal
    low: Decimal | None
    high: Decimal | None
    kind: ValueKind = "number"
    mod: Mod | None = None
    currency: str | None = None
    unit: str | None = None
    # Multiplier of the scale word the value ends with (亿 -> 1e8, million -> 1e6), so that the
    # first half of "10至20亿" can borrow it.
    mult: Decimal = Decimal(1)
    # A value that is a number only when a currency or qualifier claims it: the 百 of 逾百, the
    # 5m of $5m ("1m" alone is not a number).
    weak: bool = False

    def with_(self, **changes: object) -> Quantity:
        return replace(self, **changes)  # type: ignore[arg-type]


def exact(start: int, end: int, value: Decimal, step: Decimal, **kw: object) -> Quantity:
    """A value precise to its last written digit: value ± step/2."""
    half = step * HALF
    return Quantity(start, end, value, value - half, value + half, **kw)  # type: ignore[arg-type]


def _num(x: Decimal | None) -> float | None:
    return None if x is None else float(x)


def to_mention(q: Quantity, text: str) -> Mention:
    """The public record of a quantity; `text` is the ORIGINAL text."""
    value = float(q.value)
    low, high = _num(q.low), _num(q.high)
    mod = q.mod
    if q.kind == "money":
        val: MoneyValue | NumberValue | PercentValue = MoneyValue(
            kind="money", amount=value, low=low, high=high,
            currency=q.currency or "XXX", mod=mod,
        )
    elif q.kind == "percent":
        val = PercentValue(kind="percent", value=value, low=low, high=high, mod=mod)
    else:
        val = NumberValue(
            kind="number", value=value, low=low, high=high, unit=q.unit, mod=mod
        )
    return Mention(
        text=text[q.start : q.end], start=q.start, end=q.end, kind=q.kind, value=val
    )


class Spans:
    """Non-overlapping spans taken so far; `take` refuses a span that overlaps one of them.

    Taken characters are marked in a bytearray, so a test costs the span's length: sorted
    lists with insertions moved half of the list per span, quadratic on a 10 MB text. An
    empty span overlaps a span over its position or another empty span at the same place,
    and blocks a later span across it (but not one that starts or ends at it)."""

    def __init__(self) -> None:
        self._marked = bytearray()
        self._empty: list[int] = []  # positions of the empty spans taken, sorted

    def _empty_in(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self._empty, lo)
        return i < len(self._empty) and self._empty[i] < hi

    def overlaps(self, start: int, end: int) -> bool:
        if start == end:
            marked = start < len(self._marked) and self._marked[start] == 1
            return marked or self._empty_in(start, start + 1)
        return self._marked.find(1, start, end) != -1 or self._empty_in(start + 1, end)

    def take(self, start: int, end: int) -> bool:
        if self.overlaps(start, end):
            return False
        if start == end:
            bisect.insort(self._empty, start)
            return True
        if end > len(self._marked):
            self._marked.extend(bytes(end - len(self._marked)))
        self._marked[start:end] = b"\x01" * (end - start)
        return True


def longest_first(items: Iterable[Quantity]) -> list[Quantity]:
    """Of overlapping quantities the longest (the earlier on a tie), in text order."""
    taken = Spans()
    kept = [
        q
        for q in sorted(items, key=lambda q: (q.start - q.end, q.start))
        if taken.take(q.start, q.end)
    ]
    return sorted(kept, key=lambda q: q.start)
