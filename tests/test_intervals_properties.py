"""Properties of compare_values over generated values: it never fails, it is symmetric, a
value agrees with itself, and a factor of ten between exact amounts is never agreement."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from factcheck.intervals import compare_values
from factcheck.models import DateValue, MoneyValue, NumberValue, PercentValue, Value

finite = st.floats(min_value=1e-3, max_value=1e15, allow_nan=False, allow_infinity=False)
bound = st.one_of(st.none(), finite)
mods = st.sampled_from([None, "approx", "at_most", "at_least", "over", "under", "range", "vague"])


@st.composite
def numeric(draw: st.DrawFn) -> Value:
    x = draw(finite)
    low, high = draw(bound), draw(bound)
    kind = draw(st.sampled_from(["money", "number", "percent"]))
    if kind == "money":
        currency = draw(st.sampled_from(["USD", "CNY"]))
        return MoneyValue(amount=x, low=low, high=high, currency=currency, mod=draw(mods))
    if kind == "number":
        return NumberValue(value=x, low=low, high=high, mod=draw(mods))
    return PercentValue(value=x, low=low, high=high, mod=draw(mods))


@st.composite
def dates(draw: st.DrawFn) -> Value:
    if draw(st.booleans()):
        month = draw(st.integers(1, 12))
        return DateValue(timex=f"XXXX-{month:02d}", granularity="month")
    start = draw(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)))
    end = start + dt.timedelta(days=draw(st.integers(0, 800)))
    return DateValue(timex=start.isoformat(), start=start, end=end)


values = st.one_of(numeric(), dates())


@given(values, values)
def test_symmetric_and_total(a: Value, b: Value) -> None:
    one, two = compare_values(a, b), compare_values(b, a)
    assert one.status == two.status
    assert one.explanation


@given(values)
def test_a_value_agrees_with_itself(a: Value) -> None:
    assert compare_values(a, a).status in ("compatible", "loose")


@given(finite, st.integers(1, 6))
def test_factor_of_ten_is_never_agreement(x: float, k: int) -> None:
    a = MoneyValue(amount=x, low=x, high=x, currency="USD")
    y = x * 10**k
    b = MoneyValue(amount=y, low=y, high=y, currency="USD")
    match = compare_values(a, b)
    assert match.status == "incompatible"
    assert "factor of" in match.explanation
