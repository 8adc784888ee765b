"""Holidays that fall on a known day: Christmas, New Year's Day, Independence Day, 圣诞节, 元旦
(lexicon/dates.yaml `holidays`), Thanksgiving and Black Friday (nth weekday of a month) and
Easter and the days counted from it.

A holiday with a year ("Christmas 2020", "2024年圣诞节", "Easter of this year") is that day;
"next/last Christmas" the first one after or the latest one before the reference date; a
holiday alone the one in the reference year, or partial (XXXX-12-25) without a reference date.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import regex

from factcheck.models import DateValue
from factcheck.normalize.dates_common import (
    Found,
    Patterns,
    alternation,
    day_value,
    lexicon,
    nth_weekday,
    partial_day,
)

_W = r"(?<![a-z])"


@functools.cache
def _patterns() -> Patterns:
    en, zh = lexicon()["en"], lexicon()["zh"]
    names = alternation([*en["holidays"], *en["weekday_holidays"], *en["easter_holidays"]])
    return Patterns({
        "en": (
            rf"{_W}(?P<h>{names})"
            rf"(?![a-z])(?:(?:\s{{1,3}}of|,)?\s{{1,3}}(?:(?P<y>\d{{4}})(?!\d)"
            rf"|(?P<ys>this|next|last)\s{{1,3}}year(?![a-z])))?"
        ),
        "shift": (
            r"(?r)(?<![a-z])(?P<shift>next|last|previous|following|this)\s{1,3}$"
        ),
        "zh": (
            rf"(?:(?P<y>\d{{4}})\s{{0,2}}年|(?P<ys>今年|去年|明年))?的?"
            rf"(?P<h>{alternation(zh['holidays'])})"
        ),
    })


def _easter(year: int) -> dt.date:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _day(name: str, year: int, lang: str) -> dt.date | None:
    """The day of holiday `name` in `year`."""
    table = lexicon()[lang]
    if not 2 <= year <= 9998:
        return None
    if name in table.get("holidays", {}):
        month, day = table["holidays"][name]
        return dt.date(year, month, day)
    if name in table.get("weekday_holidays", {}):
        month, weekday, n, after = table["weekday_holidays"][name]
        value = nth_weekday(year, month, n, weekday)
        return value.start + dt.timedelta(days=after) if value and value.start else None
    if name in table.get("easter_holidays", {}):
        return _easter(year) + dt.timedelta(days=table["easter_holidays"][name])
    return None


def _resolve(name: str, lang: str, ref: dt.date | None, year: int | None,
             shift: str | None) -> DateValue | None:
    if year is not None:
        day = _day(name, year, lang)
        return day_value(day) if day else None
    if ref is None:
        if shift or name not in lexicon()[lang].get("holidays", {}):
            return None
        month, d = lexicon()[lang]["holidays"][name]
        return partial_day(month, d)
    if shift in ("next", "following"):
        day = _day(name, ref.year, lang)
        if day is not None and day <= ref:
            day = _day(name, ref.year + 1, lang)
    elif shift in ("last", "previous"):
        day = _day(name, ref.year, lang)
        if day is not None and day >= ref:
            day = _day(name, ref.year - 1, lang)
    else:
        day = _day(name, ref.year, lang)
    return day_value(day) if day else None


def find_holidays(folded: str, ref: dt.date | None, lang: str) -> Iterator[Found]:
    m: regex.Match[str]
    for m in _patterns()[lang].finditer(folded):
        year: int | None = int(m["y"]) if m["y"] else None
        if m["ys"]:
            if ref is None:
                continue
            shift = {"this": 0, "next": 1, "last": -1, "今年": 0, "明年": 1, "去年": -1}[m["ys"]]
            year = ref.year + shift
        name = " ".join(m["h"].split())
        start, shift_word = m.start(), None
        if lang == "en" and (s := _patterns()["shift"].search(folded, max(0, start - 12), start)):
            start, shift_word = s.start(), s["shift"]
        value = _resolve(name, lang, ref, year, shift_word)
        if value is not None:
            yield Found(start, m.end(), value)
