"""English dates counted from another day: "in 3 weeks", "two years ago", "1 month and 21 days
ago", "three days from tomorrow", and "2 weeks before May 13 1999" (counted from a date that
was read already: see `shift_found`)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

from factcheck import rxcache
from factcheck.models import DateValue
from factcheck.normalize.dates_common import (
    Found,
    Patterns,
    add_months,
    alternation,
    day_value,
    last_day,
    lexicon,
    offset,
)
from factcheck.normalize.numerals import parse_english_number

_W = r"(?<![a-z])"
_BLANKS = rxcache.compile(r"[\s-]+")


@functools.cache
def _patterns() -> Patterns:
    en = lexicon()["en"]
    cards = f"(?:{alternation(en['day_cardinals'])})"
    words = alternation([*en["count_words"], *en["tens"], *en["day_cardinals"], "eleven",
                         "twelve", "fifteen"])
    counts = (r"(?<!\d)\d{1,3}+", rf"{_W}(?:{words})(?:[\s-]{{1,2}}{cards})?")
    unit = rf"\s{{1,3}}(?P<unit>{alternation(en['units'])})(?![a-z])"
    one = rf"(?P<n>{counts[0]}|{counts[1]}){unit}"
    tail = rf"(?:(?:\s{{0,3}},)?(?:\s{{1,3}}and)?\s{{1,3}}{one}){{0,3}}"
    amounts = one + tail
    later = alternation([*en["ago"], *en["later"], "from tomorrow", "from tmrw",
                         "from yesterday", "after today", "before today", "after tomorrow",
                         "before yesterday"])
    direction = rf"(?:\s{{1,3}}(?P<dir>{later})(?![a-z]))?"
    return Patterns({
        # every offset holds a unit: a text without one needs no other offset pattern
        "any_unit": unit,
        # two patterns, starting on digits or on number words, so that each scans fast
        "offset": (rf"(?P<n>{counts[0]}){unit}{tail}{direction}"),
        "offset_words": (rf"(?P<n>{counts[1]}){unit}{tail}{direction}"),
        "one": (one),
        "in_before": (r"(?r)(?<![a-z])(?P<in>in|within)\s{1,3}$"),
        "before_date": (
            rf"(?r){amounts}\s{{1,3}}(?P<dir>before|after|from)\s{{1,3}}$"
        ),
    })


def _amounts(text: str) -> tuple[int, int] | None:
    """(months, days) of '2 years 1 month 21 days'; None when a count is not a number."""
    en = lexicon()["en"]
    months = days = 0
    for m in _patterns()["one"].finditer(text):
        n_text = _BLANKS.sub(" ", m["n"])
        n = en["count_words"].get(n_text) or parse_english_number(n_text)
        if n is None or n != int(n) or not 0 < n < 1000:
            return None
        unit = en["units"][m["unit"]]
        if unit in ("year", "month"):
            months += int(n) * (12 if unit == "year" else 1)
        else:
            days += int(n) * {"day": 1, "week": 7, "fortnight": 14}[unit]
    return months, days


def _move(base: dt.date, months: int, days: int, units: str) -> DateValue | None:
    """base moved by months then days; a move in whole years or months alone stays
    approximate (see dates_common.offset)."""
    if days == 0:
        years_only = months % 12 == 0 and "month" not in units
        if years_only:
            return offset(base, months // 12, "year")
        return offset(base, months, "month")
    y, m = add_months(base.year, base.month, months)
    if not 1 <= y <= 9999:
        return None
    try:
        return day_value(dt.date(y, m, min(base.day, last_day(y, m))) + dt.timedelta(days=days))
    except OverflowError:
        return None


def find_offsets(folded: str, ref: dt.date) -> Iterator[Found]:
    en = lexicon()["en"]
    p = _patterns()
    if p["any_unit"].search(folded) is None:
        return
    for m in (*p["offset"].finditer(folded), *p["offset_words"].finditer(folded)):
        before = p["in_before"].search(folded, max(0, m.start() - 10), m.start())
        if not (before or m["dir"]) or (before and before["in"] == "within"):
            continue
        amounts = _amounts(m.group())
        if amounts is None:
            continue
        d = (m["dir"] or "later").split()
        sign = -1 if d[0] in en["ago"] or d[0] == "before" else 1
        base = ref
        if d[-1] in ("tomorrow", "tmrw", "yesterday"):
            base = ref + dt.timedelta(days=-1 if d[-1] == "yesterday" else 1)
        value = _move(base, sign * amounts[0], sign * amounts[1], m.group())
        if value is not None:
            yield Found(before.start() if before else m.start(), m.end(), value)


def shift_found(found: Found, folded: str) -> Found:
    """'3 days after January 12th', '2 weeks before Christmas': the date read, moved."""
    value = found.value
    if value is None or value.start is None or value.granularity != "day" or value.mod:
        return found
    window = folded[max(0, found.start - 80) : found.start]
    if not any(word in window for word in ("before", "after", "from")):
        return found  # the pattern ends on one of these: no need to compile it
    m = _patterns()["before_date"].search(folded, max(0, found.start - 80), found.start)
    if m is None or (amounts := _amounts(m.group())) is None:
        return found
    sign = -1 if m["dir"] == "before" else 1
    moved = _move(value.start, sign * amounts[0], sign * amounts[1], m.group())
    return Found(m.start(), found.end, moved) if moved is not None else found
