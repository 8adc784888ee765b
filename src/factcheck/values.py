"""The value layer's public API: every date, amount of money, number and percentage of a text,
each with its exact span in the original text and its normalized interval.

`find_values` folds the text once, runs the finders, settles overlaps (a date, an amount or a
percentage wins over a bare number inside it; otherwise the longest mention wins) and returns
the mentions sorted by start. Extraction and `factcheck values` call it.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Collection, Sequence
from pathlib import Path

import regex

from factcheck.models import Mention, NumberValue
from factcheck.normalize.lexdata import load_lexicon
from factcheck.normalize.money import wrap_money
from factcheck.normalize.numbers import scan_quantities
from factcheck.normalize.percent import wrap_percent
from factcheck.normalize.qualifiers import qualify
from factcheck.normalize.quantity import to_mention
from factcheck.normalize.script import fold

KINDS = frozenset({"date", "money", "number", "percent"})
_PRIORITY = {"money": 0, "percent": 0, "date": 1, "number": 2}

DateFinder = Callable[..., list[Mention]]


@functools.cache
def _date_finder() -> DateFinder | None:
    try:
        from factcheck.normalize.dates import find_dates
    except ImportError:  # the dates module is optional for the other kinds
        return None
    return find_dates


@functools.cache
def _unit_pattern(extra: tuple[Path, ...]) -> regex.Pattern[str]:
    units = sorted(map(str, load_lexicon("numbers.yaml", extra)["count_units"]), key=len)
    alts = "|".join(regex.escape(u) + (r"\b" if u[-1].isascii() else "") for u in reversed(units))
    return regex.compile(rf"[ \t]?+(?:{alts})")


def _with_unit(m: Mention, text: str, folded: str, pattern: regex.Pattern[str]) -> Mention:
    """A count keeps the unit written after it (1,000人 -> 人, 3 deaths -> deaths)."""
    assert isinstance(m.value, NumberValue)
    u = pattern.match(folded, m.end)
    if u is None or (u.group()[0] in " \t" and not u.group().strip()[0].isascii()):
        return m
    unit = text[u.start() : u.end()].strip()
    return m.model_copy(update={"value": m.value.model_copy(update={"unit": unit})})


def _settle(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: amounts, percentages and dates beat the numbers inside them;
    among equals the longest wins."""
    ranked = sorted(mentions, key=lambda m: (_PRIORITY[m.kind], -(m.end - m.start), m.start))
    taken: list[Mention] = []
    for m in ranked:
        clash = [t for t in taken if t.start < m.end and m.start < t.end]
        if not clash:
            taken.append(m)
    return sorted(taken, key=lambda m: (m.start, m.end))


def find_values(
    text: str,
    reference_date: dt.date | None = None,
    lang: str | None = None,
    kinds: Collection[str] | None = None,
    *,
    extra: Sequence[Path] = (),
) -> list[Mention]:
    """Every value mention of `text` (of `kinds`, default all), sorted by start.

    `reference_date` resolves relative dates (去年, last February); `lang` is a hint ('zh',
    'en', 'zh-Hant', …) that decides the day/month order of 1/2/2020 (numbers, money and
    percentages read both languages anyway); `extra` names user lexicon files merged over
    the built-in number words and currencies."""
    wanted = KINDS if kinds is None else frozenset(kinds)
    folded = fold(text)
    mentions: list[Mention] = []
    if wanted & {"money", "number", "percent"}:
        qs = scan_quantities(folded, extra)
        qs = wrap_percent(folded, wrap_money(folded, qs, extra), extra)
        qs = qualify(folded, qs, extra)
        units = _unit_pattern(tuple(Path(p) for p in extra))
        for q in qs:
            m = to_mention(q, text)
            mentions.append(_with_unit(m, text, folded, units) if m.kind == "number" else m)
    find_dates = _date_finder() if "date" in wanted else None
    if find_dates is not None:
        hint = lang.split("-")[0].lower() if lang else None
        mentions.extend(
            find_dates(text, folded, reference_date, lang=hint if hint in ("zh", "en") else None)
        )
    return [m for m in _settle(mentions) if m.kind in wanted]
