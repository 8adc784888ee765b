"""All-digit dates: 2025-01-17, 2025/1/17, 2025.1.17, 20250117, 2015-3, 3/2015, 1/2/2020, 4/22.

Day-month order of three-part dates without a leading year follows the writing: English text
reads month first (02/22/2016) unless the first part cannot be a month (21/04/2016); Chinese
text reads day first (1/2/2020 is 1 February), or year first when the first part has two
digits (12-11-10 is 2012-11-10). Two-part dates without a year (4/22, 5.12) are month/day
only with a slash and a two-digit part, or after a date word (on 5.12, Friday 7-6): alone,
"1/2" is a fraction and "4-22" a range.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

from factcheck.normalize.dates_common import (
    Found,
    Patterns,
    alternation,
    full_day,
    lexicon,
    month_day,
    month_value,
    two_digit_year,
    valid,
)

# A part of a number run never starts or ends a date: not after a digit (or "3." in "3.2.1"),
# not before one.
_B = r"(?<!\d|\d[-/.:,])"
_E = r"(?![\d]|[-/.:]\d|\s{0,2}%)"


@functools.cache
def _patterns() -> Patterns:
    en = lexicon()["en"]
    ctx = alternation([*en["month_context"], *en["weekdays"], "dated", "date"])
    return Patterns({
        "ymd": (
            _B + r"(?P<y>\d{4})(?:(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
            r"|\s(?P<m2>\d{2})\s(?P<d2>\d{2}))" + _E
        ),
        "compact": (
            r"(?<![\d\w]|\d[-/.])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])"
            r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
        ),
        "ym": (_B + r"(?P<y>\d{4})\s{0,2}[-/.]\s{0,2}(?P<m>\d{1,2})" + _E),
        "my": (_B + r"(?P<m>\d{1,2})\s{0,2}[-/]\s{0,2}(?P<y>\d{4})" + _E),
        "abc": (
            _B + r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})"
            r"(?:(?P=s)|(?<=/\d{1,2}),)(?P<c>\d{4}|\d{1,2})" + _E
        ),
        "md": (_B + r"(?P<a>\d{1,2})(?P<s>[-/.])(?P<b>\d{1,2})" + _E),
        "ctx": (r"(?r)(?:^|[^a-z])(?:" + ctx + r")[\s,]{1,3}$"),
        "of": (r"\s{0,2}(?:of\b|的)"),
    })


def _year(text: str, ref: dt.date | None) -> int:
    return two_digit_year(int(text), ref) if len(text) == 2 else int(text)


def _dmy(a: str, b: str, c: str, lang: str, ref: dt.date | None) -> tuple[int, int, int] | None:
    """(year, month, day) of a three-part date with no leading four-digit year."""
    x, y2, z = int(a), int(b), int(c)
    if lang == "zh":
        orders = [(x, y2, z, "ymd")] if len(a) == 2 and len(c) <= 2 else []
        if len(c) != 1:
            orders.append((z, y2, x, "dmy"))
    else:
        orders = [(z, x, y2, "mdy"), (z, y2, x, "dmy")]
    if len(c) == 1 and lang != "zh":
        return None
    for yy, mm, dd, kind in orders:
        digits = a if kind == "ymd" else c
        year = _year(digits, ref) if len(digits) <= 2 else yy
        if valid(year, mm, dd):
            return year, mm, dd
    return None


def find_numeric(folded: str, ref: dt.date | None, lang: str) -> Iterator[Found]:
    p = _patterns()
    for m in p["ymd"].finditer(folded):
        mm, dd = m["m"] or m["m2"], m["d"] or m["d2"]
        # 2025-02-30 is no date, and not February 2025 either: a None reading blocks that
        yield Found(m.start(), m.end(), full_day(int(m["y"]), int(mm), int(dd)))
    for m in p["compact"].finditer(folded):
        if v := full_day(int(m["y"]), int(m["m"]), int(m["d"])):
            yield Found(m.start(), m.end(), v)
    for pat in ("ym", "my"):
        for m in p[pat].finditer(folded):
            y = int(m["y"])
            if 1000 <= y <= 2199 and (v := month_value(y, int(m["m"]))):
                yield Found(m.start(), m.end(), v)
    for m in p["abc"].finditer(folded):
        # 1.2.10 is a version number: a dotted date writes its year in full
        if m["s"] == "." and len(m["c"]) < 4:
            continue
        if (ymd := _dmy(m["a"], m["b"], m["c"], lang, ref)) and (v := full_day(*ymd)):
            yield Found(m.start(), m.end(), v)
    for m in p["md"].finditer(folded):
        a, b = m["a"], m["b"]
        context = bool(p["ctx"].search(folded, max(0, m.start() - 20), m.start()))
        slash_ok = m["s"] == "/" and (len(a) == 2 or len(b) == 2)
        if not context and not (slash_ok and not p["of"].match(folded, m.end())):
            continue
        month, day = int(a), int(b)
        if month > 12 and lang != "zh":
            month, day = day, month
        if 1 <= month <= 12 and 1 <= day <= 31 and (v := month_day(ref, month, day)):
            yield Found(m.start(), m.end(), v)
