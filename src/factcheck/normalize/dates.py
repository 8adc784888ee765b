"""Dates in Chinese and English text, as calendar intervals with their exact source spans.

`find_dates(text, folded, reference_date)` runs the Chinese, English and all-digit readers
over the folded view of the text, keeps the longest of overlapping readings, then applies the
qualifiers around each date:

- approximate ("2018年左右", "约2018年", "around 2018"): mod "approx", the interval widened
  by one unit on each side (lexicon/dates.yaml `approx_widen`); the timex stays the written
  date;
- a part of a year or month ("2015年底", "early 2015", "3月中旬", "late January"): the months
  or days that part covers (lexicon/dates.yaml `parts`), mod "range", timex unchanged.

Dates without a year resolve against `reference_date` (see dates_common); without one they
stay partial (timex "XXXX-04", start/end null). Relative words (去年, last year, 三年后, two
days ago) need a reference date and are skipped without one. A qualifier word is part of the
mention's span, a preposition ("in 2024") is not.
"""

from __future__ import annotations

import datetime as dt
import functools

import regex

from factcheck import rxcache
from factcheck.models import Mention
from factcheck.normalize.dates_common import Found, alternation, lexicon, part_of, widen
from factcheck.normalize.dates_en import find_en, words
from factcheck.normalize.dates_holidays import find_holidays
from factcheck.normalize.dates_numeric import find_numeric
from factcheck.normalize.dates_offsets import shift_found
from factcheck.normalize.dates_zh import find_zh

_CJK = rxcache.compile(r"[\u3400-\u9fff]")
_DIGIT = rxcache.compile(r"\d")
_LATIN = rxcache.compile(r"[a-z]")
_GAP = rxcache.compile(r"[\s,，、(（]{0,3}")


@functools.cache
def _qualifiers() -> dict[str, regex.Pattern[str]]:
    en, zh = lexicon()["en"], lexicon()["zh"]
    single = [k for k in zh["year_parts"] if len(k) == 1]
    return {
        "approx_before": rxcache.compile(
            rf"(?r)(?:(?<![a-z])(?:{alternation(en['approx_before'])})\s{{1,3}}"
            rf"|(?:{alternation(zh['approx_before'])})\s{{0,2}})$"
        ),
        "approx_after": rxcache.compile(rf"\s{{0,2}}(?:{alternation(zh['approx_after'])})"),
        "part_before": rxcache.compile(
            rf"(?r)(?<![a-z])(?P<p>{alternation(en['part_before'])})[\s-]{{1,3}}$"
        ),
        # 2015年中国: 中 alone names the middle of a year only before punctuation or a space
        "year_part_after": rxcache.compile(
            rf"(?:年?(?P<p>{alternation(k for k in zh['year_parts'] if len(k) > 1)})"
            rf"|(?P<p>{alternation(single)})(?!(?<=中)[\u3400-\u9fff]))"
        ),
        "month_part_after": rxcache.compile(
            rf"(?P<p>{alternation(zh['month_parts'])})(?!(?<=中)[\u3400-\u9fff])"
        ),
    }


def _merge(found: list[Found]) -> list[Found]:
    """Of overlapping readings, the longest (the earlier one on a tie), in text order."""
    out: list[Found] = []
    for f in sorted(found, key=lambda f: (f.start, f.start - f.end)):
        if out and f.start < out[-1].end:
            if f.end - f.start > out[-1].end - out[-1].start:
                out[-1] = f
            continue
        out.append(f)
    return out


def _join_weekdays(found: list[Found], folded: str) -> list[Found]:
    """A weekday name beside a date ('Friday 7/6', '10月12号，星期一') joins that date's span;
    the date's value stands, so a wrong weekday does not move the date."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and (prev.weekday != f.weekday)
            and _GAP.fullmatch(folded, prev.end, f.start)
        ):
            date = f if prev.weekday else prev
            end = f.end
            opened = "(" in folded[prev.end : f.start] or "（" in folded[prev.end : f.start]
            if opened and folded[end : end + 1] in ")）":
                end += 1  # 2025年1月17日（星期五）: the closing bracket too
            out[-1] = Found(prev.start, end, date.value)
        else:
            out.append(f)
    return out


def _qualify(f: Found, folded: str) -> Found:
    q = _qualifiers()
    en, zh = lexicon()["en"], lexicon()["zh"]
    start, end, value = f.start, f.end, f.value
    if value is None:
        return f
    head = folded[max(0, start - 30) : start]
    if value.mod is None and value.granularity in ("year", "month") and value.start:
        part: str | None = None
        if m := q["part_before"].search(head):
            part, start = en["part_before"][words(m["p"])], start - len(m[0])
        elif value.granularity == "year" and (m := q["year_part_after"].match(folded, end)):
            part, end = zh["year_parts"][m["p"]], m.end()
        elif value.granularity == "month" and (m := q["month_part_after"].match(folded, end)):
            part, end = zh["month_parts"][m["p"]], m.end()
        if part is not None and (value.granularity == "year" or part in ("early", "mid", "late")):
            value = part_of(value, part)
    if value.mod is None:
        if m := q["approx_before"].search(head):
            value, start = widen(value), start - len(m[0])
        elif m := q["approx_after"].match(folded, end):
            value, end = widen(value), m.end()
    return Found(start, end, value)


def find_dates(
    text: str, folded: str, reference_date: dt.date | None, *, lang: str | None = None
) -> list[Mention]:
    """Every date in `text`, with spans indexing `text` (`folded` is fold(text), same length).

    `lang` ("zh" or "en") decides the day/month order of all-digit dates such as 1/2/2020;
    without it, a text with Chinese characters reads as Chinese."""
    if len(folded) != len(text):
        raise ValueError("folded must be fold(text): the same length as text")
    has_cjk = _CJK.search(folded) is not None
    language = lang or ("zh" if has_cjk else "en")
    # each reader runs only where its script occurs: a megabyte of 億 never meets the
    # English patterns
    found: list[Found] = []
    if _DIGIT.search(folded):
        found += find_numeric(folded, reference_date, language)
    if _LATIN.search(folded):
        found += find_en(text, folded, reference_date)
        found += find_holidays(folded, reference_date, "en")
    if has_cjk:
        found += find_zh(folded, reference_date)
        found += find_holidays(folded, reference_date, "zh")
    mentions = []
    merged = [shift_found(f, folded) for f in _merge(found) if f.value is not None]
    for f in _join_weekdays(merged, folded):
        q = _qualify(f, folded)
        if q.value is None:
            continue
        mentions.append(
            Mention(
                text=text[q.start : q.end], start=q.start, end=q.end, kind="date",
                value=q.value,
            )
        )
    return mentions
