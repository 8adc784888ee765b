"""English dates, matched on the folded (lower-case) text.

January 17, 2025 · Jan. 17 · 17 Jan 2025 · 4th of July · Jan. 2025 · 2017 April · in 2024 ·
last year · this September · next Monday · Friday the 13th · two years ago · in 3 weeks ·
the 18th (after on/for/by). "May", "March" and the abbreviations need a day, a year or a
context word ("in may"); a bare four-digit number needs a context word (in, since, by, …).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

import regex

from factcheck import rxcache
from factcheck.normalize.dates_common import (
    Found,
    Patterns,
    add_months,
    alternation,
    day_only,
    full_day,
    lexicon,
    month_day,
    month_only,
    month_value,
    nearest_weekday,
    nth_weekday,
    relative_day,
    shifted_month,
    two_digit_year,
    week_day,
    year_value,
)
from factcheck.normalize.dates_offsets import find_offsets
from factcheck.normalize.numerals import parse_english_number, parse_english_ordinal

_W = r"(?<![a-z])"  # word start; words end with (?![a-z])


def _names(table: dict[str, int]) -> str:
    """Names and abbreviations: an abbreviation may take a dot (Jan., Sept.), a full name
    (the longest name of its value) may not, so "in February." ends before the period."""
    longest: dict[int, str] = {}
    for name, value in table.items():
        if len(name) > len(longest.get(value, "")):
            longest[value] = name
    full = set(longest.values())
    abbr = [n for n in table if n not in full]
    return rf"(?:(?:{alternation(full)})(?![a-z])|(?:{alternation(abbr)})(?![a-z])\.?)"


@functools.cache
def _patterns() -> Patterns:
    en: dict[str, Any] = lexicon()["en"]
    mon = rf"{_W}(?P<mon>{_names(en['months'])})"
    wd = rf"{_W}(?P<wd>{_names(en['weekdays'])})"
    tens, ords = f"(?:{alternation(en['tens'])})", f"(?:{alternation(en['ordinals'])})"
    cards = f"(?:{alternation(en['day_cardinals'])})"
    dayword = rf"(?P<dw>(?:(?:{tens})[\s-]{{1,2}})?(?:{ords}|{cards}))(?![a-z])"
    daynum = r"(?<!\d)(?P<dn>\d{1,2}+)(?P<sfx>st|nd|rd|th)?(?![\d:]|[a-z]|[.,]\d)"
    year = r"(?P<y>\d{4}|(?<=of\s{1,3}|')\d\d)(?![\d]|[-/.]\d)"
    shift = rf"{_W}(?P<shift>{alternation(en['shift'])})"
    # a year in words: "two thousand and five", "nineteen ninety six", "seventeen hundred"
    teen = rf"(?:eleven|twelve|fifteen|{cards})"
    wordyear = (
        rf"(?:(?P<th>two[\s-]thousand(?:(?:\s{{1,3}}and)?\s{{1,3}}(?:{tens}(?:[\s-]{{1,2}}{cards})?"
        rf"|{teen}))?)|(?P<c>{teen})\s{{1,3}}"
        rf"(?P<r>{tens}(?:[\s-]{{1,2}}{cards})?|{teen}|hundred(?:\s{{1,3}}and)?"
        rf"(?:\s{{1,3}}{tens}(?:[\s-]{{1,2}}{cards})?|\s{{1,3}}{teen})?))(?![a-z])"
    )
    return Patterns({
        # Gates: every pattern below that names a month, a weekday or a year in words holds
        # one of these, so a text without it skips (and never compiles) those patterns.
        "any_mon": mon,
        "any_wd": wd,
        # a year in words always follows a blank, and its first word is followed by one
        "any_wordyear": rf"(?<=\s)(?:two[\s-]thousand|(?:{teen})\s)",
        "any_of": r"\sof",  # dm_words looks ahead for " of"
        "md": (
            rf"{mon}(?:\s{{0,3}}[,/-]?\s{{0,3}})(?:{daynum}|{dayword})"
            rf"(?:(?:\s{{0,3}},\s{{0,3}}|\s{{1,3}}|\s{{1,3}}(?:of|in)\s{{1,3}}|[-/]){year}"
            rf"|,?\s{{1,3}}{wordyear})?"
        ),
        # day first, in two patterns (digits, words) so each starts on a plain token: fast
        **{
            name: (
                rf"{head}(?P<sep>\s{{0,3}}\.?\s{{0,3}}|\s{{1,3}}of\s{{1,3}}|-|/){mon}"
                rf"(?:(?:\s{{0,3}},?\s{{0,3}}|\s{{1,3}}(?:of|in)\s{{1,3}}|[-/]){year}"
                rf"|,?\s{{1,3}}{wordyear})?"
            )
            for name, head in (
                ("dm", rf"(?<![\d$.,]|\$\s){daynum}"),
                ("dm_words", rf"{_W}{dayword}(?=\s{{1,3}}of)"),
            )
        },
        "my": (
            rf"{mon}(?:\s{{0,3}}[,/-]?\s{{0,3}}|\s{{1,3}}of\s{{1,3}})"
            r"(?P<y>\d{4}|(?<=of\s{1,3}|')\d\d)(?![\d]|[.,/-]\d)"
        ),
        "ym": (
            r"(?<!\d)(?P<y>\d{4})(?:\s{0,3}(?P<comma>,)?\s{0,3}|[-/])"
            + mon
            + r"(?:[-/](?P<dn>3[01]|[12]\d|0?[1-9])(?!\d))?"
        ),
        "month": (
            rf"(?<!\$){mon}"
        ),
        "month_ctx": (
            rf"(?r){_W}(?:{alternation(en['month_context'])})\s{{1,3}}$"
        ),
        "wd_before": (rf"(?r){wd},?\s{{1,3}}$"),
        "rel_day": (rf"{_W}(?:{alternation(en['relative_days'])})(?![a-z])"),
        "shift_unit": (rf"{shift}\s{{1,3}}(?P<unit>year|month)(?![a-z])"),
        "shift_week_wd": (
            rf"{shift}\s{{1,3}}week\s{{0,3}}(?:-\s{{0,3}}|on\s{{1,3}})?{wd}"
        ),
        "wd_shift_week": (
            rf"(?:{_W}on\s{{1,3}})?{wd}\s{{1,3}}(?:of\s{{1,3}})?{shift}\s{{1,3}}week(?![a-z])"
        ),
        "shift_mon": (rf"{shift}\s{{1,3}}{mon}"),
        "mon_shift_year": (rf"{mon}\s{{1,3}}(?:of\s{{1,3}})?{shift}\s{{1,3}}year"),
        "shift_wd": (
            rf"{_W}(?P<shift>{alternation([*en['shift'], *en['weekday_shift']])})\s{{1,3}}{wd}"
        ),
        "day_of_month": (
            rf"(?P<dn>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)\s{{1,3}}of\s{{1,3}}(?:the\s{{1,3}})?"
            rf"{shift}\s{{1,3}}month"
        ),
        "wd_day": (
            rf"{wd},?\s{{1,3}}(?:the\s{{1,3}})?(?:{daynum}|{dayword})(?![\d:]|[./-]\d)"
        ),
        "wd": (wd),
        "nth_wd": (
            rf"{_W}(?P<nth>first|second|third|fourth|fifth|last)\s{{1,3}}{wd}"
            rf"(?:\s{{1,3}}(?:of|in)\s{{1,3}}{mon}(?:\s{{1,3}}(?P<y>\d{{4}}))?)?"
        ),
        "the_day": (
            r"(?<=(?<![a-z])(?:on|for|by|until|since)\s{1,3})the\s{1,3}"
            r"(?:(?P<dn>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![a-z\d])"
            rf"|(?:(?P<dn2>3[01]|[12]\d|0?[1-9])|{dayword})(?=\s{{0,3}}[.!?]|\s*$))"
        ),
        "word_year": (
            rf"(?<=(?<![a-z])(?:in|since|by|until|from|of|year)\s{{1,3}}){wordyear}"
        ),
        "mon_word_year": (rf"{mon}(?:\s{{1,3}}of|,)?\s{{1,3}}{wordyear}"),
        "year": (r"(?<![\d$.,]|\d\s)(?P<y>\d{4})(?![\d]|[.,/]\d|\s{0,2}%)"),
        "digit_run_after": (r"[\d-]{0,20}"),
        "digit_run": (r"(?r)[\d-]{0,20}$"),
        "year_ctx": (
            rf"(?r)(?:^|[^a-z])(?:{alternation(en['year_context'])})[\s-]{{1,3}}$"
            r"|(?<![\d-])\d{4}\s{0,3}(?:,|&|-|–|and|or|to)\s{0,3}$"
        ),
        "year_stop": (rf"\s{{0,3}}(?:{alternation(en['not_year_after'])})(?![a-z])"),
    })


_BLANKS = rxcache.compile(r"[\s-]+")
_WORD_AFTER = rxcache.compile(r"[ \t]{1,3}[a-z]")  # a word follows, not a clause end or a digit


def words(s: str) -> str:
    """'day  after-tomorrow' -> 'day after tomorrow': the form of the lexicon keys."""
    return _BLANKS.sub(" ", s)


def _g(m: regex.Match[str], group: str) -> str | None:
    """A group of `m`, None where the pattern has no such group."""
    value: str | None = m.groupdict().get(group)
    return value


def _counts_after(m: regex.Match[str], folded: str) -> bool:
    """"on Sunday, five years late", "Monday, 3 people died": a plain cardinal right before a
    word counts that word; "Sunday the 5th" or "Sunday, 5th" names a day."""
    if _g(m, "sfx") or " the" in m[0] or "the " in m[0]:
        return False
    dw = _g(m, "dw")
    if dw and parse_english_ordinal(dw) is not None:
        return False
    return _WORD_AFTER.match(folded, m.end()) is not None


def _day(m: regex.Match[str]) -> int | None:
    if dn := _g(m, "dn"):
        return int(dn) if 1 <= int(dn) <= 31 else None
    if dw := _g(m, "dw"):
        n = parse_english_ordinal(dw) or parse_english_number(dw)
        return int(n) if n is not None and 1 <= n <= 31 else None
    return None


def _year_of(m: regex.Match[str], ref: dt.date | None) -> int | None:
    y = m["y"]
    if y is None:
        return _word_year(m)
    return two_digit_year(int(y), ref) if len(y) == 2 else int(y)


def _month(m: regex.Match[str]) -> int:
    return int(lexicon()["en"]["months"][m["mon"].rstrip(".")])


def _ambiguous(m: regex.Match[str]) -> bool:
    return m["mon"].rstrip(".") in lexicon()["en"]["ambiguous_months"]


def _month_sure(m: regex.Match[str], name: str, text: str, folded: str) -> bool:
    """Is an ambiguous month name ("may", "march") beside a day surely a month? Yes when
    capitalized before its day (March 3), with an ordinal (may 5th), a weekday before (Tue May
    9), a day in words (May twenty nine) or a separator (May/5, 5 of May)."""
    if _g(m, "sfx") or (name == "md" and (_g(m, "dw") or text[m.start()].isupper())):
        return True
    if _patterns()["wd_before"].search(folded, max(0, m.start() - 12), m.start()):
        return True
    if name != "md":
        return bool(m["sep"].strip(" ."))
    sep = folded[m.end("mon") : m.start("dn" if _g(m, "dn") else "dw")]
    return bool(sep.strip(" ."))


def find_en(text: str, folded: str, ref: dt.date | None) -> Iterator[Found]:
    p = _patterns()
    en = lexicon()["en"]
    has_mon, has_wd = _has(p, "any_mon", folded), _has(p, "any_wd", folded)
    for name in ("md", "dm", "dm_words") if has_mon else ():
        if name == "dm_words" and not _has(p, "any_of", folded):
            continue
        for m in p[name].finditer(folded):
            day, year = _day(m), _year_of(m, ref)
            if day is None:
                continue
            if _ambiguous(m) and year is None and not _month_sure(m, name, text, folded):
                continue  # "may 5", "5 may": not enough to make "may" a month
            dw = _g(m, "dw")
            if dw and name == "md" and _ambiguous(m) and dw in en["day_cardinals"][:9]:
                continue  # "may one day"
            v = full_day(year, _month(m), day) if year else month_day(ref, _month(m), day)
            # February 30, 2025 is no date: a None reading keeps "February" from standing alone
            yield Found(m.start(), m.end(), v)
    for name in ("my", "ym") if has_mon else ():
        for m in p[name].finditer(folded):
            if name == "ym" and m["comma"] and _ambiguous(m):
                continue  # "in 2016, May said"
            y = _year_of(m, ref) or 0
            if name == "ym" and m["dn"]:
                v = full_day(y, _month(m), int(m["dn"]))
            else:
                v = month_value(y, _month(m)) if 1000 <= y <= 2199 else None
            if v is not None and not p["year_stop"].match(folded, m.end()):
                yield Found(m.start(), m.end(), v)
    for m in p["month"].finditer(folded) if has_mon else ():
        word = m["mon"].rstrip(".")
        full = len(word) > 4 or word in ("june", "july")
        ctx = p["month_ctx"].search(folded, max(0, m.start() - 12), m.start())
        if ctx is None and (_ambiguous(m) or not full):
            continue
        if v := month_only(ref, _month(m)):
            yield Found(m.start("mon"), m.end(), v)
    for m in p["year"].finditer(folded):
        y = int(m["y"])
        lo, hi = lexicon()["bare_year_range"]
        if not lo <= y <= hi or p["year_stop"].match(folded, m.end()):
            continue
        # 2010-2015 is two years, 138-2010-2015 a telephone number
        run = p["digit_run"].search(folded, max(0, m.start() - 20), m.start())
        after = p["digit_run_after"].match(folded, m.end())
        parts = (run[0] if run else "") + m["y"] + (after[0] if after else "")
        if any(len(part) != 4 for part in parts.strip("-").split("-")):
            continue
        context = p["year_ctx"].search(folded, max(0, m.start() - 30), m.start())
        if context and (v := year_value(y)):
            yield Found(m.start(), m.end(), v)
    for m in p["the_day"].finditer(folded):
        day = int(m["dn"] or m["dn2"]) if m["dn"] or m["dn2"] else _day(m)
        if day is not None and (v := day_only(ref, day)):
            yield Found(m.start(), m.end(), v)
    for m in p["wd_day"].finditer(folded) if has_wd else ():
        if _counts_after(m, folded):
            continue
        day = _day(m)
        if day is not None and (v := day_only(ref, day, en["weekdays"][_wd(m)])):
            yield Found(m.start(), m.end(), v)
    for m in p["wd"].finditer(folded) if has_wd else ():
        if _wd(m) in en["ambiguous_weekdays"]:
            continue
        if v := week_day(ref, en["weekdays"][_wd(m)]):
            yield Found(m.start(), m.end(), v, weekday=True)
    if ref is not None:
        yield from _relative(text, folded, ref, has_mon=has_mon, has_wd=has_wd)
    if _has(p, "any_wordyear", folded):
        yield from _word_years(folded, has_mon=has_mon)


def _has(p: Patterns, gate: str, folded: str) -> bool:
    return p[gate].search(folded) is not None


def _word_year(m: regex.Match[str]) -> int | None:
    """The year of the `wordyear` groups: 'two thousand and five', 'nineteen ninety six',
    'seventeen hundred thirty three'."""
    if m["th"]:
        n = parse_english_number(m["th"])
        return int(n) if n is not None and n == int(n) else None
    if not m["c"]:
        return None
    century = parse_english_number(m["c"])
    rest_text = m["r"].split("hundred", 1)[-1].removeprefix(" and").strip() or "zero"
    rest = 0.0 if rest_text == "zero" else parse_english_number(rest_text)
    if century is None or rest is None or not 10 <= century <= 20 or not 0 <= rest < 100:
        return None
    if "hundred" not in m["r"] and rest < 10:
        return None  # "nineteen five" is two numbers
    return int(century * 100 + rest)


def _word_years(folded: str, *, has_mon: bool) -> Iterator[Found]:
    """'in two thousand and twenty', 'June of nineteen ninety nine'."""
    p = _patterns()
    for m in p["word_year"].finditer(folded):
        if (n := _word_year(m)) and (v := year_value(n)):
            yield Found(m.start(), m.end(), v)
    for m in p["mon_word_year"].finditer(folded) if has_mon else ():
        if (n := _word_year(m)) and (v := month_value(n, _month(m))):
            yield Found(m.start(), m.end(), v)


def _wd(m: regex.Match[str]) -> str:
    return m["wd"].rstrip(".")


def _shift(m: regex.Match[str]) -> int:
    return int(lexicon()["en"]["shift"][words(m["shift"])])


def _relative(text: str, folded: str, ref: dt.date, *, has_mon: bool, has_wd: bool
              ) -> Iterator[Found]:
    p = _patterns()
    en = lexicon()["en"]
    for m in p["rel_day"].finditer(folded):
        key = words(m.group())
        if v := relative_day(ref, en["relative_days"][key]):
            yield Found(m.start(), m.end(), v)
    for m in p["shift_unit"].finditer(folded):
        k = _shift(m)
        v = year_value(ref.year + k) if m["unit"] == "year" else shifted_month(ref, k)
        if v is not None:
            yield Found(m.start(), m.end(), v)
    for name in ("shift_week_wd", "wd_shift_week", "shift_wd") if has_wd else ():
        for m in p[name].finditer(folded):
            weekday = en["weekdays"][_wd(m)]
            if (way := en["weekday_shift"].get(words(m["shift"]))) and name == "shift_wd":
                yield Found(m.start(), m.end(), nearest_weekday(ref, weekday, way))
            elif v := week_day(ref, weekday, _shift(m)):
                yield Found(m.start(), m.end(), v)
    for m in p["shift_mon"].finditer(folded) if has_mon else ():
        k, month = _shift(m), _month(m)
        if _ambiguous(m) and not text[m.start("mon")].isupper():
            continue  # "this may take longer"
        # last/next April: the nearest April before/after the reference month
        year = ref.year
        if k < 0 and month >= ref.month:
            year -= 1
        elif k > 0 and month <= ref.month:
            year += 1
        if v := month_value(year, month):
            yield Found(m.start(), m.end(), v)
    for m in p["mon_shift_year"].finditer(folded) if has_mon else ():
        if v := month_value(ref.year + _shift(m), _month(m)):
            yield Found(m.start(), m.end(), v)
    for m in p["day_of_month"].finditer(folded):
        y, mo = add_months(ref.year, ref.month, _shift(m))
        if v := full_day(y, mo, int(m["dn"])):
            yield Found(m.start(), m.end(), v)
    for m in p["nth_wd"].finditer(folded) if has_wd else ():
        nth = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
        y = int(m["y"]) if m["y"] else ref.year
        mo = _month(m) if m["mon"] else ref.month
        if m["nth"] == "last" and not m["mon"]:
            continue  # "last Friday" is a shift, read above
        if v := nth_weekday(y, mo, nth[m["nth"]], en["weekdays"][_wd(m)]):
            yield Found(m.start(), m.end(), v)
    yield from find_offsets(folded, ref)
