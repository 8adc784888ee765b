"""Comparing two normalized values as intervals: compatible, incompatible, loose, incomparable.

Every value is an interval with a point (the written figure): comparison is overlap, never
float or string equality. A null bound is unbounded ("more than 100" has no high). A date
whose year is unknown (XXXX-04) has no start/end and compares by its TIMEX pattern.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

from factcheck import describe, rxcache
from factcheck.frozen import frozen
from factcheck.models import DateValue, MoneyValue, NumberValue, PercentValue, Value
from factcheck.normalize.measures import is_measure

MatchStatus = Literal["compatible", "incompatible", "loose", "incomparable"]

# A TIMEX day, month or year with unknown digits written as X: 2025-01-17, XXXX-04, 201X.
_TIMEX = rxcache.compile(r"[0-9X]{4}+(?:-[0-9X]{2}+(?:-[0-9X]{2}+)?+)?+")

FRACTION = "fraction"  # the unit the value layer gives fractions (三分之一, two thirds)
TALLIES_APART = 1.5  # "at least 14" vs "at least 41": bounds this far apart are two figures

_NOUN = {"money": "amounts", "number": "counts", "percent": "percentages", "date": "dates"}


@frozen
class ValueMatch:
    """The verdict on two values, a plain explanation, and why (kind, currency, partial…)."""

    status: MatchStatus
    explanation: str
    reason: str = ""


@frozen
class _Span:
    low: float
    high: float
    point: float
    vague: bool


def comparable_kind(v: Value) -> str:
    """The kind a value compares as: a fraction (三分之一, two thirds) is a share, so it
    compares with percentages; alignment blocks on this kind too."""
    if isinstance(v, NumberValue) and v.unit == FRACTION:
        return "percent"
    return v.kind


def as_percent(v: Value) -> Value:
    """A fraction as the percentage it means (1/3 -> 33.3…%); any other value unchanged."""
    if isinstance(v, NumberValue) and v.unit == FRACTION:
        return PercentValue(
            value=v.value * 100, low=_mul(v.low, 100), high=_mul(v.high, 100), mod=v.mod
        )
    return v


def measure_of(v: Value) -> str | None:
    """The base unit of a measure (m, kg, s, °C …); None for a count or any other value."""
    if isinstance(v, NumberValue) and is_measure(v.unit):
        return v.unit
    return None


def value_noun(v: Value) -> str:
    """What a kind of value is called in an explanation: "amounts differ", "measures agree"."""
    return "measures" if measure_of(v) else _NOUN[v.kind]


def magnitude(v: Value) -> float | None:
    """The size of an amount, count or percentage (money by its amount); None for a date."""
    if isinstance(v, MoneyValue):
        return v.amount
    if isinstance(v, NumberValue | PercentValue):
        return v.value
    return None


def compare_values(
    a: Value, b: Value, *, rates: Mapping[str, float] | None = None, explain: bool = True
) -> ValueMatch:
    """Compare two values. `rates` maps ISO currency codes to a common unit (e.g. USD per
    unit); without a rate for both currencies, different currencies are incomparable.
    `explain=False` skips writing the values out, for callers that need only the status."""
    if isinstance(a, NumberValue) and isinstance(b, NumberValue):
        if (a.unit == FRACTION) != (b.unit == FRACTION):
            # 三分之一 of something is a share, "three" is a count: never the same figure.
            return ValueMatch(
                "incomparable", "different kinds of value: a fraction vs a count", "kind"
            )
        if measure_of(a) != measure_of(b):
            # 320 metres and 320 seconds, or 12 °C and "12": not one figure.
            return ValueMatch(
                "incomparable",
                f"different units: {measure_of(a) or 'a count'} vs {measure_of(b) or 'a count'}",
                "unit",
            )
    elif PercentValue in (type(a), type(b)):
        a, b = as_percent(a), as_percent(b)
    if a.kind != b.kind:
        return ValueMatch(
            "incomparable", f"different kinds of value: {a.kind} vs {b.kind}", "kind"
        )
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return _dates(a, b)
    if isinstance(a, MoneyValue) and isinstance(b, MoneyValue):
        return _money(a, b, rates or {}, explain)
    assert isinstance(a, NumberValue | PercentValue)
    assert isinstance(b, NumberValue | PercentValue)
    span_a, span_b = _span(a.value, a.low, a.high, a.mod), _span(b.value, b.low, b.high, b.mod)
    sa, sb = (describe.value(a), describe.value(b)) if explain else ("", "")
    return _numeric(span_a, span_b, value_noun(a), sa, sb)


def _span(point: float, low: float | None, high: float | None, mod: str | None) -> _Span:
    lo = -math.inf if low is None else low
    hi = math.inf if high is None else high
    # A malformed interval (from a hand-written ledger, say) still holds its own point.
    return _Span(min(lo, hi, point), max(lo, hi, point), point, mod == "vague")


def _money(
    a: MoneyValue, b: MoneyValue, rates: Mapping[str, float], explain: bool
) -> ValueMatch:
    sa, sb = (describe.value(a), describe.value(b)) if explain else ("", "")
    if a.currency == b.currency:
        factor = 1.0
    elif a.currency in rates and b.currency in rates:
        factor = rates[b.currency] / rates[a.currency]
    else:
        return ValueMatch(
            "incomparable", f"different currencies: {sa} vs {sb} (no exchange rate)", "currency"
        )
    # Convert b into a's currency; a factor of 1 leaves b exactly as written.
    span_b = _span(b.amount * factor, _mul(b.low, factor), _mul(b.high, factor), b.mod)
    return _numeric(_span(a.amount, a.low, a.high, a.mod), span_b, "amounts", sa, sb)


def _mul(x: float | None, factor: float) -> float | None:
    return None if x is None else x * factor


def _close(x: float, y: float) -> bool:
    return math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12)


def _inside(x: float, s: _Span) -> bool:
    return (s.low <= x or _close(x, s.low)) and (x <= s.high or _close(x, s.high))


def _numeric(a: _Span, b: _Span, noun: str, sa: str, sb: str) -> ValueMatch:
    low, high = max(a.low, b.low), min(a.high, b.high)
    # Spans that only touch (3 is 2.5-3.5, 4 is 3.5-4.5) are two neighbouring figures of one
    # precision: each rounds the shared edge its own way, so they do not meet.
    touching = (
        _close(low, high) and a.low < a.high and b.low < b.high
        and (_close(a.high, b.low) or _close(b.high, a.low))
        and not _close(a.point, b.point)
    )
    if (low > high and not _close(low, high)) or touching or _two_tallies(a, b):
        return ValueMatch("incompatible", f"{noun} differ: {sa} vs {sb}{_tenfold(a, b)}")
    a_in_b, b_in_a = _inside(a.point, b), _inside(b.point, a)
    if a_in_b and b_in_a:
        return ValueMatch("compatible", f"{noun} agree: {sa} and {sb}")
    if a.vague or b.vague:
        # "several billion" contains 13 billion, but says too little to confirm it.
        return ValueMatch("loose", f"{noun} agree only loosely: {sa} and {sb}", "vague")
    if a_in_b or b_in_a:
        inner, outer = (sa, sb) if a_in_b else (sb, sa)
        return ValueMatch("compatible", f"{noun} agree: {inner} is within {outer}")
    return ValueMatch("loose", f"{noun} overlap only at the edges: {sa} and {sb}", "overlap")


def _two_tallies(a: _Span, b: _Span) -> bool:
    """Two bounds on the same side ("at least 14" and "at least 41" deaths): each source
    gives the figure it counted, so figures far apart differ even though both bounds hold."""
    same_side = (math.isinf(a.high) and math.isinf(b.high)) or (
        math.isinf(a.low) and math.isinf(b.low))
    if not same_side or a.point <= 0 or b.point <= 0:
        return False
    if max(a.point, b.point) / min(a.point, b.point) >= TALLIES_APART:
        return True
    # Close bounds with the same digits in another order (at least 236 vs at least 263) are
    # one tally with its digits swapped, not two counts that both hold.
    da, db = significant_digits(a.point), significant_digits(b.point)
    return da != db and len(da) >= 2 and sorted(da) == sorted(db)


def significant_digits(x: float) -> str:
    """The significant digits of a number: 26000 -> "26", 18.1 -> "181"."""
    return f"{x:.6g}".split("e")[0].replace(".", "").lstrip("0").rstrip("0")


def _tenfold(a: _Span, b: _Span) -> str:
    # A factor of ten is a misplaced decimal or scale word, never rounding: say so.
    if a.point <= 0 or b.point <= 0:
        return ""
    ratio = math.log10(max(a.point, b.point) / min(a.point, b.point))
    k = round(ratio)
    if k >= 1 and abs(ratio - k) < 0.01:
        return f" (a factor of {10**k:,})"
    return ""


def _dates(a: DateValue, b: DateValue) -> ValueMatch:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return _date_patterns(a, b)
    width_a, width_b = a.end - a.start, b.end - b.start
    if a.end < b.start or b.end < a.start:
        if width_a != width_b:
            wide, narrow = (a, b) if width_a > width_b else (b, a)
            text = f"dates differ: {narrow.timex} is not in {wide.timex}"
            return ValueMatch("incompatible", text)
        return ValueMatch("incompatible", f"dates differ: {a.timex} vs {b.timex}")
    a_in_b = b.start <= a.start and a.end <= b.end
    b_in_a = a.start <= b.start and b.end <= a.end
    if a_in_b and b_in_a:
        return ValueMatch("compatible", f"dates agree: {a.timex}")
    if a_in_b or b_in_a:
        inner, outer = (a, b) if a_in_b else (b, a)
        return ValueMatch("compatible", f"dates agree: {inner.timex} is in {_approx(outer)}")
    if a.mod == "approx" or b.mod == "approx":
        return ValueMatch("compatible", f"dates agree: {_approx(a)} and {_approx(b)}")
    return ValueMatch("loose", f"dates overlap only partly: {a.timex} and {b.timex}", "overlap")


def _approx(v: DateValue) -> str:
    return f"around {v.timex}" if v.mod == "approx" else v.timex


def _date_patterns(a: DateValue, b: DateValue) -> ValueMatch:
    """Dates with unknown parts (XXXX-04): compare the digits both sides know."""
    if not (_TIMEX.fullmatch(a.timex) and _TIMEX.fullmatch(b.timex)):
        return ValueMatch(
            "incomparable", f"dates cannot be compared: {a.timex} and {b.timex}", "partial"
        )
    known = 0
    for ca, cb in zip(a.timex, b.timex, strict=False):
        if ca.isdigit() and cb.isdigit():
            if ca != cb:
                return ValueMatch("incompatible", f"dates differ: {a.timex} vs {b.timex}")
            known += 1
    if known == 0:
        return ValueMatch(
            "loose", f"dates may agree: {a.timex} and {b.timex} share no known part", "partial"
        )
    return ValueMatch("compatible", f"dates agree: {a.timex} matches {b.timex}")


__all__ = [
    "FRACTION",
    "MatchStatus",
    "ValueMatch",
    "as_percent",
    "comparable_kind",
    "compare_values",
    "measure_of",
    "significant_digits",
]
