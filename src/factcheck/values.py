"""The value layer's public API: every date, amount of money, number and percentage of a text,
each with its exact span in the original text and its normalized interval.

`find_values` folds the text once, runs the finders, settles overlaps (a date, an amount or a
percentage wins over a bare number inside it; otherwise the longest mention wins) and returns
the mentions sorted by start. Extraction and `factcheck values` call it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TextIO, TypedDict

import regex

from factcheck import rxcache
from factcheck.errors import SourceError
from factcheck.frozen import replace
from factcheck.intervals import measure_of
from factcheck.models import Mention, NumberValue
from factcheck.normalize.clock import clock_spans
from factcheck.normalize.fractions import add_fractions
from factcheck.normalize.lexdata import load_lexicon
from factcheck.normalize.measures import wrap_measures
from factcheck.normalize.money import wrap_money
from factcheck.normalize.numbers import scan_quantities
from factcheck.normalize.percent import wrap_percent
from factcheck.normalize.qualifiers import qualify
from factcheck.normalize.quantity import Spans, to_mention
from factcheck.normalize.script import fold, value_view
from factcheck.recordjson import to_data

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
    alts = "|".join(rxcache.escape(u) + (r"\b" if u[-1].isascii() else "") for u in reversed(units))
    return rxcache.compile(rf"[ \t]?+(?:{alts})")


def _with_unit(m: Mention, text: str, folded: str, pattern: regex.Pattern[str]) -> Mention:
    """A count keeps the unit written after it (1,000人 -> 人, 3 deaths -> deaths)."""
    assert isinstance(m.value, NumberValue)
    u = pattern.match(folded, m.end)
    if u is None or (u.group()[0] in " \t" and not u.group().strip()[0].isascii()):
        return m
    unit = text[u.start() : u.end()].strip()
    return replace(m, value=replace(m.value, unit=unit))


# A web address: its digits and %-escapes are not values.
_URL = rxcache.compile(r"(?:https?://|www\.)[^\s<>\"]++", regex.IGNORECASE)


def _outside_urls(mentions: list[Mention], text: str) -> list[Mention]:
    if "://" not in text and "www." not in text:
        return mentions
    urls = Spans()
    for url in _URL.finditer(text):
        urls.take(*url.span())
    return [m for m in mentions if not urls.overlaps(m.start, m.end)]


def _rank(m: Mention) -> int:
    # A measure ranks with dates, so the longer wins: "1.2 million tonnes" is no 1.2 (Jan 2),
    # while 5天后 is a date, not the five days inside it.
    return _PRIORITY["date"] if measure_of(m.value) is not None else _PRIORITY[m.kind]


def _settle(mentions: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: amounts, percentages and dates beat the numbers inside them;
    among equals the longest wins."""
    ranked = sorted(mentions, key=lambda m: (_rank(m), -(m.end - m.start), m.start))
    spans = Spans()
    taken = [m for m in ranked if spans.take(m.start, m.end)]
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
    folded = value_view(text, fold(text))
    mentions: list[Mention] = []
    if wanted & {"money", "number", "percent"}:
        qs = scan_quantities(folded, extra)
        qs = wrap_percent(folded, wrap_money(folded, qs, extra), extra)
        qs = add_fractions(folded, qs, extra)
        qs = wrap_measures(folded, qs, extra)
        units = _unit_pattern(tuple(Path(p) for p in extra))
        for q in qualify(folded, qs, extra, units):
            m = to_mention(q, text)
            plain = m.kind == "number" and q.unit is None
            mentions.append(_with_unit(m, text, folded, units) if plain else m)
    find_dates = _date_finder() if "date" in wanted else None
    if find_dates is not None:
        hint = lang.split("-")[0].lower() if lang else None
        mentions.extend(
            find_dates(text, folded, reference_date, lang=hint if hint in ("zh", "en") else None)
        )
    settled = _settle(_outside_urls(mentions, folded))
    clock = clock_spans(folded, extra) if "number" in wanted else None
    return [
        m
        for m in settled
        if m.kind in wanted
        # "2:00:12" is a race time (a measure), not a time of day
        and not (m.kind == "number" and clock is not None and clock.overlaps(m.start, m.end)
                 and measure_of(m.value) is None)
    ]


class _Where(TypedDict):
    path: str
    line: int


def _reference(raw: object, where: _Where) -> dt.date | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise SourceError("reference_date must be a string YYYY-MM-DD or null", **where)
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise SourceError(f"reference_date {raw!r} is not a date YYYY-MM-DD", **where) from None


def stream_values(lines: Iterable[str], out: TextIO, source: str = "<stdin>") -> int:
    """`factcheck values`: JSON Lines {"id", "text", "reference_date", "lang"?} in, one line
    {"id", "mentions": [{"text", "start", "end", "kind", "value"}]} out per input line, flushed
    as it is written. Returns the number of lines answered; a bad line raises SourceError."""
    count = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = _Where(path=source, line=lineno)
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise SourceError(f"not a JSON line ({exc})", **where) from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise SourceError('each line must be an object with a string "text"', **where)
        lang = row.get("lang")
        mentions = find_values(
            row["text"],
            _reference(row.get("reference_date"), where),
            lang=lang if isinstance(lang, str) else None,
        )
        answer = {
            "id": row.get("id"),
            "mentions": [
                {
                    "text": m.text,
                    "start": m.start,
                    "end": m.end,
                    "kind": m.kind,
                    "value": to_data(m.value),
                }
                for m in mentions
            ],
        }
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()
        count += 1
    return count
