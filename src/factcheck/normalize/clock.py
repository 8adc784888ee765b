"""Times of day are not values: 10时, 上午10点, 三点半, 10:30, 3 p.m., 7 o'clock.

`clock_spans` finds them in the folded text; find_values drops the bare numbers inside them
(a date, an amount or a percentage next to a time is kept). The words are in
lexicon/numbers.yaml under `clock`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

import regex

from factcheck import rxcache
from factcheck.normalize.lexdata import load_lexicon
from factcheck.normalize.quantity import Spans

_alt = rxcache.alternation  # literal words, longest first


@functools.cache
def _pattern(extra: tuple[Path, ...]) -> regex.Pattern[str]:
    c = load_lexicon("numbers.yaml", extra)["clock"]
    digit = rxcache.escape("".join(c["zh_digits"]))
    num = rf"(?:[0-9]{{1,2}}+|[{digit}]{{1,3}}+)"
    point, hour = _alt(c["zh_decimal_hour"]), _alt(c["zh_hour"])
    # 3点 is a time, 3点5 a decimal, 3点5分 a time again
    zh_hour = (
        rf"{num}[ \t]?+(?:{hour}|(?:{point})(?![ \t]?+[0-9{digit}])"
        rf"|(?:{point})(?=[ \t]?+{num}[ \t]?+{rxcache.escape(c['zh_minute'])}))"
    )
    zh = (
        rf"(?:(?:{_alt(c['zh_day_parts'])})[ \t]?+)?+{zh_hour}"
        rf"(?:[ \t]?+(?:{num}[ \t]?+{rxcache.escape(c['zh_minute'])}|{_alt(c['zh_after_hour'])}))?+"
    )
    suffix = _alt(c["en_suffixes"])
    en = (
        rf"(?<![\d.:])(?:[01]?+\d|2[0-4]):[0-5]\d(?::[0-5]\d)?+(?![\d:])"
        rf"(?:[ \t]?+(?:{suffix})(?![a-z]))?+"
        rf"|(?<![\d.:])(?:1[0-2]|0?+[1-9])(?:\.[0-5]\d)?+[ \t]?+(?:{suffix})(?![a-z])"
    )
    # the look-ahead lets most positions fail at one character
    first = rxcache.escape("".join(sorted({w[0] for w in c["zh_day_parts"]} | set(c["zh_digits"]))))
    return rxcache.compile(rf"(?=[0-9{first}])(?:{zh}|{en})")


def clock_spans(folded: str, extra: Sequence[Path] = ()) -> Spans:
    """The times of day in the folded text."""
    spans = Spans()
    for m in _pattern(tuple(Path(p) for p in extra)).finditer(folded):
        spans.take(*m.span())
    return spans
