"""Values written for people: "US$97.4 billion", "up to US$100 billion", "60%", "2024".

Explanations and reports use these so that a value reads the same everywhere; the currency
symbols and scale words are data (lexicon/display.yaml).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from factcheck.models import DateValue, MoneyValue, NumberValue, PercentValue, Value
from factcheck.normalize.measures import is_measure


@functools.cache
def _display() -> dict[str, Any]:
    from factcheck.normalize.lexdata import load_lexicon

    data: dict[str, Any] = load_lexicon("display.yaml")
    return data


def number(x: float) -> str:
    """1234 -> "1,234"; 97_400_000_000 -> "97.4 billion"; 0.5 -> "0.5"."""
    for name, power in _display()["scales"]:
        unit = 10.0**power
        if abs(x) >= unit:
            return f"{_trim(x / unit)} {name}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return _trim(x)


def _trim(x: float) -> str:
    # Four significant decimals at most; "97.40" -> "97.4", "13.0" -> "13".
    text = f"{x:,.4f}".rstrip("0").rstrip(".")
    return text or "0"


def money(amount: float, currency: str) -> str:
    prefix = _display()["currency_prefix"].get(currency)
    return f"{prefix}{number(amount)}" if prefix else f"{currency} {number(amount)}"


def _with_mod(text: str, mod: str | None) -> str:
    return _display()["mod_prefix"].get(mod, "") + text if mod else text


def value(v: Value) -> str:
    """A one-phrase rendering of a normalized value, with its qualifier."""
    if isinstance(v, DateValue):
        return _with_mod(v.timex, v.mod if v.mod == "approx" else None)
    if isinstance(v, MoneyValue):
        if v.mod in ("range", "vague") and v.low is not None and v.high is not None:
            return f"{money(v.low, v.currency)}–{money(v.high, v.currency)}"
        return _with_mod(money(v.amount, v.currency), v.mod)
    if isinstance(v, PercentValue):
        if v.mod in ("range", "vague") and v.low is not None and v.high is not None:
            return f"{_trim(v.low)}–{_trim(v.high)}%"
        return _with_mod(f"{_trim(v.value)}%", v.mod)
    return _number_value(v)


def _number_value(v: NumberValue) -> str:
    show: Callable[[float], str] = number
    if v.unit == "s":
        show = duration
    elif v.unit is not None and is_measure(v.unit):  # a base unit, written after the figure
        unit = v.unit
        larger = _display().get("measure_units", {}).get(unit, ())

        def show(x: float) -> str:
            for name, size in larger:
                if abs(x) >= size:
                    return f"{number(x / size)} {name}"
            return f"{number(x)} {unit}"

    if v.mod in ("range", "vague") and v.low is not None and v.high is not None:
        return f"{show(v.low)}–{show(v.high)}"
    return _with_mod(show(v.value), v.mod)


_MONTH = 2_629_800  # the mean month the value layer reads 个月/months as


def duration(seconds: float) -> str:
    """7221 -> "2 h 0 min 21 s"; 900 -> "15 min"; 14 -> "14 s"; whole days as days, whole
    months as months."""
    if not float(seconds).is_integer() or seconds < 60:
        return f"{_trim(seconds)} s"
    total = int(seconds)
    if total % _MONTH == 0:
        return f"{total // _MONTH:,} months"
    if total % 86400 == 0:
        return f"{total // 86400:,} d"
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    parts = [f"{h:,} h"] if h else []
    if m or (h and s):
        parts.append(f"{m} min")
    if s:
        parts.append(f"{s} s")
    return " ".join(parts)


def predicate(name: str | None) -> str:
    """"acquisition.bid" -> "acquisition bid"; None -> "unknown relation"."""
    if not name:
        return "unknown relation"
    return name.replace(".", " ").replace("_", " ")


__all__ = ["duration", "money", "number", "predicate", "value"]
