"""Chinese dates, matched on the folded (Simplified, half-width) text.

2025年1月17日, 二〇二五年一月十七日, 两千零四年八月十五, 08年, 民國113年, 1月17日, 4月, 17日/17号,
去年, 今年4月, 去年本月十日, 上月, 下个月, 昨天, 大后天, 星期一, 上周一, 三年后, 5天前.
A year needs 年 and three or more digits (or a two-digit year written with a leading zero or
followed by a month): 三年 and 20年 are lengths of time, not years.
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
    day_only,
    full_day,
    lexicon,
    month_day,
    month_only,
    month_value,
    offset,
    relative_day,
    shifted_month,
    two_digit_year,
    week_day,
    year_value,
)
from factcheck.normalize.numerals import parse_cjk_numeral

_CN = "〇○零一二两三四五六七八九十百千"
_MON = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# a month, then maybe a day; a day without 日/号 is checked against not_bare_day_after
_MD = _MON + r"\s{0,2}月(?P<mend>)(?:\s{0,2}" + _DAY + r"(?:\s{0,2}(?P<dsuf>[日号]))?)?"


@functools.cache
def _patterns() -> Patterns:
    zh = lexicon()["zh"]
    nb = f"(?<![\\d{_CN}])"
    ry, rm, rd = (
        alternation(zh[k]) for k in ("relative_years", "relative_months", "relative_days")
    )
    weekdays = "".join(k for k, v in zh["weekdays"].items() if v is not None)
    return Patterns({
        "abs": (
            rf"(?:(?P<era>{alternation(zh['eras'])})\s{{0,2}}(?P<eray>元|\d{{1,3}}|[{_CN}]{{1,5}})"
            rf"|{nb}(?P<y>\d{{2,4}}|[{_CN}]{{2,6}}))\s{{0,2}}年(?P<yend>)(?:\s{{0,2}}{_MD})?"
        ),
        "rel_year": (
            rf"(?P<ry>{ry})(?:\s{{0,2}}(?:{_MD}|(?P<rm>{rm})(?:\s{{0,2}}{_DAY}\s{{0,2}}"
            r"(?P<dsuf>[日号]))?))?"
        ),
        "rel_month": (rf"(?P<rm>{rm})(?:\s{{0,2}}{_DAY}\s{{0,2}}(?P<dsuf>[日号]))?"),
        "md": (nb + r"(?<!年\s{0,2})" + _MD),
        # (?=\d) first: most positions fail at once instead of testing the look-behind
        "day": (
            rf"(?=\d)(?<![\d月]\s{{0,2}}|\d)(?P<d>3[01]|[12]\d|0?[1-9])\s{{0,2}}(?P<dsuf>[日号])"
            rf"(?!{alternation(zh['not_day_after'])})"
        ),
        "rel_day": (rf"(?:{rd})"),
        "not_day_names": (rf"(?:{alternation(zh['not_day_names'])})"),
        "in_title": (r"(?r)《[^《》\n]{0,30}$"),
        "week": (
            rf"(?<!{alternation(zh['not_weekday_before'])})"
            rf"(?P<ws>{alternation(zh['week_shift'])})?"
            rf"(?P<head>{alternation(zh['weekday_heads'])})(?P<wd>[{weekdays}])"
        ),
        "offset": (
            rf"{nb}(?P<n>\d{{1,3}}|[{_CN}]{{1,4}})\s{{0,2}}(?P<unit>{alternation(zh['units'])})"
            rf"\s{{0,2}}(?P<dir>{alternation([*zh['ago'], *zh['later']])})"
        ),
        "bare_day_stop": (rf"\s{{0,2}}(?:{alternation(zh['not_bare_day_after'])})"),
        "year_stop": (rf"(?:{alternation(zh['not_year_after'])})"),
    })


@functools.lru_cache(maxsize=4096)
def number(text: str) -> int | None:
    if text.isascii():
        return int(text) if text.isdigit() else None
    value = parse_cjk_numeral(text)
    return int(value) if value is not None and value == int(value) else None


def _year(text: str, has_month: bool, ref: dt.date | None) -> int | None:
    """The year written before 年, or None when it reads as a length of time."""
    digits = lexicon()["zh"]["digits"]
    if text.isascii():
        s = text
    elif all(c in digits for c in text):
        s = "".join(str(digits[c]) for c in text)  # 二〇二五, 零八: one character per digit
    else:
        n = number(text)  # 两千零四
        return n if n is not None and 1000 <= n <= 2999 else None
    if len(s) == 2:
        return two_digit_year(int(s), ref) if s[0] == "0" or has_month else None
    if len(s) == 3 and has_month and text.isascii() and s[0] == "1":
        # In Arabic digits, 100年 to 199年 with a month: an ROC year (民國100年 is 2011).
        zh = lexicon()["zh"]
        return int(zh["eras"][zh["three_digit_era"]]) + int(s)
    return int(s) if len(s) >= 3 else None


def _month_and_day(
    m: regex.Match[str], folded: str, year: int | None, ref: dt.date | None, end: int
) -> tuple[DateValue | None, int]:
    """The value of the month-and-day part of a match (`year` None: from the reference)."""
    month = number(m["m"])
    if month is None:
        return None, end
    day_text = m["d"]
    if (
        day_text
        and not m["dsuf"]
        and (
            day_text.isascii()
            or _patterns()["bare_day_stop"].match(folded, m.end("d"))
            or (m.end("d") < len(folded) and folded[m.end("d")].isdigit())
        )
    ):
        day_text, end = None, m.end("mend")
    if day_text is None:
        value = month_value(year, month) if year is not None else month_only(ref, month)
        return value, end
    day = number(day_text)
    if day is None:
        return None, end
    if year is not None:
        return full_day(year, month, day), end
    return month_day(ref, month, day), end


def find_zh(folded: str, ref: dt.date | None) -> Iterator[Found]:
    p = _patterns()
    zh = lexicon()["zh"]
    for m in p["abs"].finditer(folded):
        if m["era"]:
            n = 1 if m["eray"] == "元" else number(m["eray"])
            year = None if n is None or n < 1 else zh["eras"][m["era"]] + n
        else:
            year = _year(m["y"], m["m"] is not None, ref)
        if year is None:
            continue
        if m["m"] is None:
            if p["year_stop"].match(folded, m.end()):
                continue  # 两千年前, 2000年来: a length of time
            if v := year_value(year):
                yield Found(m.start(), m.end(), v)
            continue
        value, end = _month_and_day(m, folded, year, ref, m.end())
        # 2025年2月30日 is no date at all: the None reading keeps the year from standing alone
        yield Found(m.start(), end, value)
    if ref is not None:
        yield from _relative(folded, ref)
    else:
        # Without a reference date 明年1月5日 is still the 5th of January, year unknown: the
        # month and day must not fall apart into the numbers 1 and 5.
        for m in p["rel_year"].finditer(folded):
            if m["m"]:
                value, end = _month_and_day(m, folded, None, None, m.end())
                if value is not None:
                    yield Found(m.start(), end, value)
    for m in p["md"].finditer(folded):
        value, end = _month_and_day(m, folded, None, ref, m.end())
        if value is not None:
            yield Found(m.start(), end, value)
    for m in p["day"].finditer(folded):
        if v := day_only(ref, int(m["d"])):
            yield Found(m.start(), m.end(), v)
    for m in p["week"].finditer(folded):
        wd = zh["weekdays"][m["wd"]]
        shift = zh["week_shift"][m["ws"]] if m["ws"] else 0
        if v := week_day(ref, wd, shift):
            yield Found(m.start(), m.end(), v, weekday=shift == 0)


def _relative(folded: str, ref: dt.date) -> Iterator[Found]:
    p = _patterns()
    zh = lexicon()["zh"]
    for m in p["rel_year"].finditer(folded):
        year = ref.year + zh["relative_years"][m["ry"]]
        value: DateValue | None
        end = m.end()
        if m["rm"]:
            month = shifted_month(ref, zh["relative_months"][m["rm"]])
            mon = int(month.timex[5:7]) if month else 0
            value = month_value(year, mon)
            if m["d"] and (day := number(m["d"])) is not None:
                value = full_day(year, mon, day)
        elif m["m"]:
            value, end = _month_and_day(m, folded, year, ref, end)
        else:
            value = year_value(year)
        if value is not None:
            yield Found(m.start(), end, value)
    for m in p["rel_month"].finditer(folded):
        value = shifted_month(ref, zh["relative_months"][m["rm"]])
        if value is not None and m["d"] and value.start and (day := number(m["d"])):
            value = full_day(value.start.year, value.start.month, day)
        if value is not None:
            yield Found(m.start(), m.end(), value)
    for m in p["not_day_names"].finditer(folded):
        yield Found(m.start(), m.end(), None)  # 今日头条: a name, no day; it blocks 今日
    for m in p["rel_day"].finditer(folded):
        if p["in_title"].search(folded, max(0, m.start() - 31), m.start()):
            continue  # 《明日之后》: a title
        if v := relative_day(ref, zh["relative_days"][m.group()]):
            yield Found(m.start(), m.end(), v)
    for m in p["offset"].finditer(folded):
        n = number(m["n"])
        if n is None or not 0 < n < 100:
            continue
        sign = -1 if m["dir"] in zh["ago"] else 1
        if v := offset(ref, sign * n, zh["units"][m["unit"]]):
            yield Found(m.start(), m.end(), v)
