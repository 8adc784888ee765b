"""Whether two differing values look like one figure misreported (a typo, a slipped scale
word, a day or a year off) rather than two different figures."""

from __future__ import annotations

import math

from factcheck import rxcache
from factcheck.intervals import as_percent, magnitude, significant_digits
from factcheck.models import Claim, DateValue, NumberValue, Value

CLOSE = 1.5  # a ratio of values within which two figures may be one fact misreported
YEARS_APART = 5  # years a misreported year may be off by
SCALE_SLIP = 4  # powers of ten a slipped scale word may move a figure by (萬 vs 億)
ROUNDED = 3  # significant digits beside which a one-digit figure is a rounding
DAYS_APART = 31  # days a misreported day may be off by (3月31日 vs 4月30日)
_DIGIT = rxcache.compile(r"[0-9０-９〇零一二三四五六七八九十]")
_MONTH_DAY = rxcache.compile(r"(?:\d{4}|XXXX)-(\d\d)-(\d\d)")


def misreport_like(a: Claim, b: Claim, *, close: bool = True) -> bool:
    """Whether two differing values look like one figure misreported rather than two
    figures: close magnitudes (within CLOSE), the same digits in another order
    (21 and 12, 2.6万 and 62,000), a slipped scale word (3.8億 and NT$38 million), one digit
    dropped or added (18.1% and 8.1%); for dates, the same year and month with another day,
    or years a few apart. A date written without digits (明年, "last year"), a vague amount
    ("thousands") or a range never is. With `close` False, close magnitudes alone are not
    enough: only the digits (5870 and 5780, 2.3 and 3.2) tell."""
    va, vb = a.value, b.value
    if {va.mod, vb.mod} & {"vague", "range"}:
        return False  # "thousands", 数十亿, HK$25 to HK$28.5: no one figure to misreport
    if isinstance(va, DateValue) or isinstance(vb, DateValue):
        if not (isinstance(va, DateValue) and isinstance(vb, DateValue)
                and written_in_figures(a.value_text) and written_in_figures(b.value_text)):
            return False
        ya, yb = _year(va), _year(vb)
        if "year" in (va.granularity, vb.granularity):
            return ya is not None and yb is not None and 0 < abs(ya - yb) <= YEARS_APART
        # A day whose year was not written (XXXX-10-11) compares by month and day.
        if va.granularity != "day" or vb.granularity != "day" or (ya and yb and ya != yb):
            return False
        day_a, day_b = _day_of_year(va.timex), _day_of_year(vb.timex)
        return day_a is not None and day_b is not None and abs(day_a - day_b) <= DAYS_APART
    x, y = magnitude(as_percent(va)), magnitude(as_percent(vb))
    if x is None or y is None or min(x, y) <= 0:
        return False
    da, db = _written_digits(va, x), _written_digits(vb, y)
    if _rounded(da, va.mod, db) or _rounded(db, vb.mod, da):
        return False  # a bare 10萬 beside 108,216 is a round figure or a threshold, not a typo
    ratio = max(x, y) / min(x, y)
    if ratio <= CLOSE and (close or da == db):
        return close
    power = math.log10(ratio)
    if ratio > CLOSE and abs(power - round(power)) < 0.01:
        # A slipped scale word (萬/億, million/billion) keeps two or more written digits;
        # 1 vs 10 or 865 vs 865 million are two figures.
        return round(power) <= SCALE_SLIP and min(len(da), len(db)) >= 2
    if min(len(da), len(db)) < 2:
        return False
    if sorted(da) == sorted(db):
        return True
    short, long = sorted((da, db), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1 :] == short for i in range(len(long))
    )


def written_in_figures(text: str) -> bool:
    """Whether a value was written with a digit or a Chinese numeral (8月15日, 八月), not
    resolved from a word alone ("Sunday", 明年)."""
    return _DIGIT.search(text) is not None


def written_digits(v: Value) -> str:
    """The significant digits of a figure as written ("" for a date or no magnitude)."""
    x = magnitude(as_percent(v))
    if isinstance(v, DateValue) or x is None or x <= 0:
        return ""
    return _written_digits(v, x)


def _rounded(digits: str, mod: str | None, other: str) -> bool:
    """A one-digit figure written bare (10萬, 100,000) beside a precise one."""
    return mod is None and len(digits) == 1 and len(other) >= ROUNDED


def _day_of_year(timex: str) -> int | None:
    """Month and day of a day's TIMEX as a rough day count (months of 31 days); None for a
    week day (XXXX-WXX-4) or anything else without a month and a day."""
    found = _MONTH_DAY.fullmatch(timex)
    return int(found[1]) * 31 + int(found[2]) if found else None


def _year(v: DateValue) -> int | None:
    return v.start.year if v.start else None


def _written_digits(v: Value, x: float) -> str:
    """The digits as a person writes the figure: a duration in seconds as hours, minutes and
    seconds (7221 s is 2:00:21, so its digits are 20021), anything else as the number."""
    if isinstance(v, NumberValue) and v.unit == "s" and x.is_integer() and x >= 60:
        h, rest = divmod(int(x), 3600)
        m, sec = divmod(rest, 60)
        return (f"{h}{m:02}{sec:02}" if h else f"{m}{sec:02}").rstrip("0")
    return significant_digits(x)


__all__ = ["misreport_like", "written_digits", "written_in_figures"]
