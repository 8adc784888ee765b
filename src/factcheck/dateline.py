"""The date a story is told from, read off its dateline when there is no front matter date.

A dateline is a full date (year, month and day) that opens the first paragraph
("2025年1月17日，…", "March 3, 2025 — …", "【2025年1月17日讯】"), or that follows a short
place or agency name and is closed by a dateline word ("WASHINGTON, March 3, 2025 (Reuters)
-", "新华社北京2025年1月17日电"). A date without a year ("新华社北京1月17日电") is not enough.
Dates are parsed by factcheck.normalize.dates; without it there is no dateline.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Callable, Sequence
from typing import Any

from factcheck import rxcache
from factcheck.models import DateValue, Sentence

_FULL_DATE = rxcache.compile(r"\d{4}-\d{2}-\d{2}")
_OPENERS = "【[（(「『“\"'‘ \t"
_SENTENCE_END = rxcache.compile(r"[。！？；!?]")
_PARENTHESIS = rxcache.compile(r"[ \t,，]*+(?:[(（][^()（）\n]{1,40}+[)）][ \t]*+)?")
# A bracketed byline closed before the date, or a date with nothing after it on its line but
# the time of day: where the story was filed, and when.
_BYLINE_CLOSERS = ("】", "]")
_ONLY_A_TIME = rxcache.compile(r"[ \t]*+\d{1,2}:\d{2}(?::\d{2})?+[ \t]*+(?:\n|$)")
# A heading or a title line: no sentence-ending punctuation at its end.
_TITLE_LIKE = rxcache.compile(r"[^。！？.!?\"”」』]$")


@functools.cache
def _settings() -> tuple[tuple[str, ...], int, int]:
    from factcheck.normalize.lexdata import load_lexicon

    data = load_lexicon("datelines.yaml")
    closers = tuple(sorted((str(c) for c in data["closers"]), key=len, reverse=True))
    return closers, int(data["max_prefix"]), int(data["max_offset"])


def _date_finder() -> Callable[..., Sequence[Any]] | None:
    try:
        module = importlib.import_module("factcheck.normalize.dates")
    except ImportError:  # the dates module is not there yet: no dateline
        return None
    finder: Callable[..., Sequence[Any]] | None = getattr(module, "find_dates", None)
    return finder


def _full_day(value: object) -> dt.date | None:
    if not isinstance(value, DateValue) or value.granularity != "day" or value.mod:
        return None
    if value.start is None or value.start != value.end:
        return None
    return value.start if _FULL_DATE.fullmatch(value.timex) else None


def _date_at(text: str, start: int, end: int) -> dt.date | None:
    """The dateline date of the paragraph text[start:end], if it opens with one."""
    finder = _date_finder()
    if finder is None:
        return None
    from factcheck.normalize.script import fold

    closers, max_prefix, max_offset = _settings()
    window = text[start : min(end, start + max_offset + 60)]
    folded = fold(window)
    mentions = sorted(finder(window, folded, reference_date=None), key=lambda m: m.start)
    for mention in mentions:
        if mention.start > max_offset:
            break
        day = _full_day(mention.value)
        if day is None:
            continue
        prefix = window[: mention.start].strip(_OPENERS)
        if not prefix:
            return day
        if len(prefix) > max_prefix or _SENTENCE_END.search(prefix):
            return None
        if prefix.endswith(_BYLINE_CLOSERS) or _ONLY_A_TIME.match(folded, mention.end):
            return day  # 【中時新聞網／記者…報導】2025.12.03 10:25: a byline, then its date
        after = folded[mention.end :]
        after = after[_PARENTHESIS.match(after).end() :]  # type: ignore[union-attr]
        return day if after.startswith(closers) else None
    return None


def find_dateline(text: str, sentences: Sequence[Sentence]) -> dt.date | None:
    """The dateline date of a document from its first paragraph (or the one after a title)."""
    if not sentences:
        return None
    paragraphs: list[list[Sentence]] = []
    for sentence in sentences:
        if len(paragraphs) == 2 and sentence.paragraph != paragraphs[-1][0].paragraph:
            break
        if not paragraphs or sentence.paragraph != paragraphs[-1][0].paragraph:
            paragraphs.append([])
        paragraphs[-1].append(sentence)
    first = paragraphs[0]
    date = _date_at(text, first[0].start, first[-1].end)
    if (
        date is None
        and len(paragraphs) > 1
        and len(first) == 1
        and _TITLE_LIKE.search(first[0].text)
    ):
        second = paragraphs[1]
        date = _date_at(text, second[0].start, second[-1].end)
    return date
