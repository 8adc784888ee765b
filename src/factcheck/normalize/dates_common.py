"""Building and resolving date values: calendar intervals, reference-date rules, qualifiers.

The rules for dates written without a year (see benchmarks/README.md and the module doc of
factcheck.normalize.dates): with a reference date, a month or month-day goes to the reference
year and a bare day to the reference month (news convention: "4月庭審" in a January article
is April of the same year); when that day does not exist there (2月29日 in 2017, 29日 in a
February), the nearest year or month where it does, looking back first. Without a reference
date the value stays partial (timex XXXX-04, no start/end).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

from factcheck import rxcache
from factcheck.frozen import frozen, replace
from factcheck.models import DateValue, Mod
from factcheck.normalize.lexdata import load_lexicon

if TYPE_CHECKING:
    import regex

Granularity = Literal["day", "month", "year"]


@functools.cache
def lexicon() -> dict[str, Any]:
    """lexicon/dates.yaml, parsed once (no user file extends it)."""
    data: dict[str, Any] = load_lexicon("dates.yaml")
    return data


class Patterns(Mapping[str, "regex.Pattern[str]"]):
    """Named regex sources, each compiled the first time it is looked up.

    The regex module compiles in Python, and the date patterns (long alternations of month
    names and number words) took most of a cold start; a text with no English in it never
    needs most of them.
    """

    def __init__(self, sources: dict[str, str]) -> None:
        self._sources = sources
        self._compiled: dict[str, regex.Pattern[str]] = {}

    def __getitem__(self, name: str) -> regex.Pattern[str]:
        pattern = self._compiled.get(name)
        if pattern is None:
            pattern = self._compiled[name] = rxcache.compile(self._sources[name])
        return pattern

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


def _longest_first(word: str) -> tuple[int, str]:
    # ties in a fixed order: the pattern text is then the same in every process (a set's
    # order is not), which the cache of compiled patterns (factcheck.rxcache) relies on
    return -len(word), word


def alternation(words: Any) -> str:
    """A regex alternation of `words`, longest first, spaces matching any run of blanks."""

    items = sorted({str(w) for w in words}, key=_longest_first)
    return "|".join(rxcache.escape(w).replace(r"\ ", r"[\s\-]{1,3}") for w in items)


@frozen
class Found:
    """A date found at [start, end) of the text; value None marks a date-shaped span that is
    no date (2月30日), which still wins over the shorter readings inside it."""

    start: int
    end: int
    value: DateValue | None
    weekday: bool = False  # a weekday name alone: merged into a date written beside it


def _value(**fields: Any) -> DateValue:
    return DateValue(**fields)


def valid(y: int, m: int, d: int) -> bool:
    return 1 <= y <= 9999 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


@functools.lru_cache(maxsize=4096)
def year_value(y: int) -> DateValue | None:
    if not 1 <= y <= 9999:
        return None
    return _value(
        timex=f"{y:04d}", start=dt.date(y, 1, 1), end=dt.date(y, 12, 31), granularity="year"
    )


@functools.lru_cache(maxsize=4096)
def month_value(y: int | None, m: int) -> DateValue | None:
    if not 1 <= m <= 12:
        return None
    if y is None:
        return _value(timex=f"XXXX-{m:02d}", granularity="month")
    if not 1 <= y <= 9999:
        return None
    return _value(
        timex=f"{y:04d}-{m:02d}",
        start=dt.date(y, m, 1),
        end=dt.date(y, m, last_day(y, m)),
        granularity="month",
    )


@functools.lru_cache(maxsize=4096)
def day_value(day: dt.date) -> DateValue:
    return _value(timex=day.isoformat(), start=day, end=day, granularity="day")


@functools.lru_cache(maxsize=4096)
def partial_day(m: int | None, d: int) -> DateValue | None:
    """A day written without a year (and maybe without a month), left unresolved."""
    if not 1 <= d <= 31 or (m is not None and (not 1 <= m <= 12 or d > last_day(2000, m))):
        return None
    month = f"{m:02d}" if m is not None else "XX"
    return _value(timex=f"XXXX-{month}-{d:02d}", granularity="day")


@functools.lru_cache(maxsize=4096)
def full_day(y: int, m: int, d: int) -> DateValue | None:
    return day_value(dt.date(y, m, d)) if valid(y, m, d) else None


def _near(n: int) -> list[int]:
    """0, -1, 1, -2, 2, … up to ±n: nearest first, looking back before forward."""
    out = [0]
    for k in range(1, n + 1):
        out += [-k, k]
    return out


def month_day(ref: dt.date | None, m: int, d: int) -> DateValue | None:
    """'1月17日' / 'January 17': the reference year, or the nearest year that has the day."""
    if ref is None:
        return partial_day(m, d)
    for k in _near(4):
        if valid(ref.year + k, m, d):
            return full_day(ref.year + k, m, d)
    return None


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + k
    return total // 12, total % 12 + 1


def day_only(ref: dt.date | None, d: int, weekday: int | None = None) -> DateValue | None:
    """'17日' / 'the 17th': the reference month, or the nearest month that has that day (and,
    when a weekday is written too, where the day falls on it: 'Monday 21')."""
    if ref is None:
        return partial_day(None, d)
    for k in _near(14):
        y, m = add_months(ref.year, ref.month, k)
        if valid(y, m, d) and (weekday is None or dt.date(y, m, d).isoweekday() == weekday):
            return full_day(y, m, d)
    return None


def month_only(ref: dt.date | None, m: int, year_shift: int | None = None) -> DateValue | None:
    """'4月' / 'April': the reference year; 'last April' etc. shift the year."""
    if ref is None:
        return month_value(None, m) if year_shift is None else None
    return month_value(ref.year + (year_shift or 0), m)


def shifted_month(ref: dt.date, k: int) -> DateValue | None:
    y, m = add_months(ref.year, ref.month, k)
    return month_value(y, m)


def week_day(ref: dt.date | None, weekday: int, week_shift: int = 0) -> DateValue | None:
    """A weekday in the reference week (Monday first), or `week_shift` weeks away."""
    if ref is None:
        return (
            _value(timex=f"XXXX-WXX-{weekday}", granularity="day") if week_shift == 0 else None
        )
    monday = ref - dt.timedelta(days=ref.isoweekday() - 1)
    return day_value(monday + dt.timedelta(days=7 * week_shift + weekday - 1))


def nearest_weekday(ref: dt.date, weekday: int, direction: str) -> DateValue:
    """The latest `weekday` before the reference date ("past") or the first after it."""
    step = -1 if direction == "past" else 1
    day = ref + dt.timedelta(days=step)
    while day.isoweekday() != weekday:
        day += dt.timedelta(days=step)
    return day_value(day)


def nth_weekday(y: int, m: int, n: int, weekday: int) -> DateValue | None:
    """'second Sunday' of a month; n = -1 for the last one."""
    days = [d for d in range(1, last_day(y, m) + 1) if dt.date(y, m, d).isoweekday() == weekday]
    if n == -1:
        return full_day(y, m, days[-1])
    return full_day(y, m, days[n - 1]) if 1 <= n <= len(days) else None


def offset(ref: dt.date | None, n: int, unit: str) -> DateValue | None:
    """ref ± n days/weeks/months/years. Day and week shifts are exact days; month and year
    shifts keep the arithmetic day as the timex but cover the whole month or year reached,
    approximately ("two years ago" is rarely to the day)."""
    if ref is None:
        return None
    try:
        if unit in ("day", "week", "fortnight"):
            per = {"day": 1, "week": 7, "fortnight": 14}[unit]
            return day_value(ref + dt.timedelta(days=n * per))
        months = n * (12 if unit == "year" else 1)
        y, m = add_months(ref.year, ref.month, months)
        if not 1 <= y <= 9999:
            return None
        point = dt.date(y, m, min(ref.day, last_day(y, m)))
    except (OverflowError, ValueError):
        return None
    if unit == "year":
        start, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    else:
        start, end = dt.date(y, m, 1), dt.date(y, m, last_day(y, m))
    gran: Granularity = "year" if unit == "year" else "month"
    return _value(timex=point.isoformat(), start=start, end=end, granularity=gran, mod="approx")


def relative_day(ref: dt.date | None, n: int) -> DateValue | None:
    if ref is None:
        return None
    try:
        return day_value(ref + dt.timedelta(days=n))
    except OverflowError:
        return None


def two_digit_year(yy: int, ref: dt.date | None) -> int:
    """'89' -> 1989, '07' -> 2007: the century that puts the year at most 20 years after the
    reference year (POSIX's 1969-2068 window without one)."""
    if ref is None:
        return 1900 + yy if yy >= 69 else 2000 + yy
    year = (ref.year // 100) * 100 + yy
    if year > ref.year + 20:
        year -= 100
    elif year <= ref.year - 80:
        year += 100
    return year


def widen(value: DateValue) -> DateValue:
    """An approximate date ('2018年左右', 'around 2018'): widened on each side by the amount
    in approx_widen of lexicon/dates.yaml, in the date's own unit."""
    if value.start is None or value.end is None:
        return replace(value, mod="approx")
    k = int(lexicon()["approx_widen"][value.granularity])
    start, end = value.start, value.end
    try:
        if value.granularity == "year":
            start, end = start.replace(year=start.year - k), end.replace(year=end.year + k)
        elif value.granularity == "month":
            y, m = add_months(start.year, start.month, -k)
            start = dt.date(y, m, 1)
            y, m = add_months(end.year, end.month, k)
            end = dt.date(y, m, last_day(y, m))
        else:
            start, end = start - dt.timedelta(days=k), end + dt.timedelta(days=k)
    except (OverflowError, ValueError):
        pass
    return replace(value, start=start, end=end, mod="approx")


def part_of(value: DateValue, part: str) -> DateValue:
    """'2015年底' / 'late 2015': the months of the year (or days of the month) that part covers
    (parts in lexicon/dates.yaml); the timex stays the written year or month."""
    if value.start is None or value.end is None:
        return value
    parts = lexicon()["parts"]
    y = value.start.year
    if value.granularity == "year":
        first, last = parts["year"][part]
        return replace(
            value,
            start=dt.date(y, first, 1),
            end=dt.date(y, last, last_day(y, last)),
            granularity="month",
            mod="range",
        )
    if value.granularity == "month":
        m = value.start.month
        first, last = parts["month"][part]
        return replace(
            value,
            start=dt.date(y, m, first),
            end=dt.date(y, m, min(last, last_day(y, m))),
            granularity="day",
            mod="range",
        )
    return value


def with_mod(value: DateValue, mod: Mod | None) -> DateValue:
    return value if mod is None else replace(value, mod=mod)
